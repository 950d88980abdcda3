// Compiled with `tsc --noEmit` against a typescript-fetch client generated from
// openapi.yaml (make sdk-check). Each @ts-expect-error fails the build if the generated
// type lost its `| null`: dateline, speaker, cue_span and mention can all be null.
import {
  Configuration, DateSource, Dateline, ExtractApi, ExtractResponse, Problem, ProblemFromJSON,
  ResponseError, Speaker, TextSpan,
} from "./client";

export async function extract(baseUrl: string, text: string): Promise<ExtractResponse> {
  const api = new ExtractApi(new Configuration({ basePath: baseUrl }));
  return api.postExtract({ extractRequest: { text, published: new Date("2022-02-03"), id: "story-7" } });
}

export function describe(result: ExtractResponse): string[] {
  const lines: string[] = [];
  const dateline: Dateline | null = result.article.dateline;
  lines.push(dateline === null ? "no dateline" : `dateline ${dateline.text}`);
  const source: DateSource | null = result.date.source;
  lines.push(`published ${result.date.published ?? "?"} (${source ?? "unknown"})`);
  for (const actor of result.actors) {
    lines.push(`${actor.name} (${actor.kind}), ${actor.mentionCount} mentions`);
  }
  for (const quote of result.quotes) {
    const speaker: Speaker | null = quote.speaker;
    const cue: TextSpan | null = quote.cueSpan;
    const mention: TextSpan | null = speaker === null ? null : speaker.mention;
    lines.push(`${speaker?.name ?? "unknown"}: ${quote.text} [${cue?.text ?? quote.cue}]`
      + (mention === null ? "" : ` (named as ${mention.text})`));
  }
  return lines;
}

export function nullsAreDeclared(result: ExtractResponse): void {
  // @ts-expect-error dateline may be null
  const dateline: Dateline = result.article.dateline;
  const quote = result.quotes[0];
  // @ts-expect-error speaker may be null
  const speaker: Speaker = quote.speaker;
  // @ts-expect-error cue_span may be null
  const cue: TextSpan = quote.cueSpan;
  // @ts-expect-error mention may be null
  const mention: TextSpan = speaker.mention;
  void [dateline, cue, mention];
}

export async function problemOf(error: unknown): Promise<Problem | null> {
  if (error instanceof ResponseError) {
    return ProblemFromJSON(await error.response.json());
  }
  return null;
}
