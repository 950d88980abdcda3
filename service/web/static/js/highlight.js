// The article with every found span highlighted. Spans nest (a figure inside a quote, an
// actor inside a quote); the rare span that crosses another is cut into pieces, so the
// marks always form a tree. Only the first piece of a span is focusable.

import { RANK } from "./fields.js";
import { codePointTable, toUtf16 } from "./offsets.js";

/** Spans converted to UTF-16 offsets, ordered outer before inner. */
function orderedSpans(text, spans) {
  const table = codePointTable(text);
  const placed = [];
  for (const span of spans) {
    const range = toUtf16(table, span.start, span.end);
    if (range && range[1] > range[0]) placed.push({ ...span, from: range[0], to: range[1], pieces: [] });
  }
  placed.sort((a, b) => a.from - b.from || b.to - a.to || RANK[a.field] - RANK[b.field]);
  placed.forEach((span, index) => { span.order = index; });
  return placed;
}

/** The positions where some span starts or ends, with the spans starting at each. */
function boundaries(text, spans) {
  const cuts = new Set([0, text.length]);
  const starting = new Map();
  for (const span of spans) {
    cuts.add(span.from);
    cuts.add(span.to);
    if (!starting.has(span.from)) starting.set(span.from, []);
    starting.get(span.from).push(span);
  }
  return { cuts: [...cuts].sort((a, b) => a - b), starting };
}

function speakerChip(quote) {
  const chip = document.createElement("span");
  chip.className = "chip";
  const speaker = quote.speaker;
  chip.textContent = speaker ? speaker.name : "unattributed";
  if (speaker && speaker.actor) chip.dataset.actor = speaker.actor;
  if (!speaker) chip.classList.add("chip-none");
  return chip;
}

function openPiece(span) {
  const mark = document.createElement("mark");
  mark.className = `hl f-${span.field}`;
  mark.dataset.field = span.field;
  mark.dataset.key = span.key;
  mark.dataset.span = String(span.order);
  if (span.field === "quotes" && span.item.speaker && span.item.speaker.actor) {
    mark.dataset.speaker = span.item.speaker.actor;
  }
  if (span.pieces.length === 0) {
    mark.tabIndex = 0;
    mark.id = `span-${span.order}`;
    if (span.field === "quotes") mark.append(speakerChip(span.item));
  }
  span.pieces.push(mark);
  return mark;
}

/**
 * Fill `container` with the article and its highlights; returns the placed spans, each
 * with its `pieces` (the <mark> elements that show it).
 */
export function renderArticle(container, text, spans) {
  const placed = orderedSpans(text, spans);
  const { cuts, starting } = boundaries(text, placed);
  const root = document.createDocumentFragment();
  let active = [];
  let stack = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    active = active.filter((span) => span.to > from).concat(starting.get(from) || []);
    active.sort((a, b) => a.order - b.order);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].span === active[keep]) keep += 1;
    stack = stack.slice(0, keep);
    for (const span of active.slice(keep)) {
      const mark = openPiece(span);
      (stack.length ? stack[stack.length - 1].mark : root).append(mark);
      stack.push({ span, mark });
    }
    const target = stack.length ? stack[stack.length - 1].mark : root;
    target.append(document.createTextNode(text.slice(from, to)));
  }
  container.replaceChildren(root);
  return placed;
}
