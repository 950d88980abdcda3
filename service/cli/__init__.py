"""The ``newsextract`` command line: ``newsextract extract INPUT... -o OUT.jsonl``.

Also ``python -m service``. Each input article becomes one JSON line: the body
``POST /v1/extract`` would return, or a problem object in its place; a failed
article never stops the run. See ``newsextract extract --help`` and the README.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .. import __version__
from ..articles import Article, ArticleProblem, is_problem
from ..config import DefaultConfig
from ..runners import Runner
from ..runners.worker import Settings
from .inputs import count_articles, iter_articles
from .output import Output, finished_ids

CHUNK = 8  # articles per task: enough to batch short ones, small enough to share out
CONCURRENCY = 4  # requests in flight with --url


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsextract", description=(
        "Structured facts (date, actors, locations, quotes, figures) from news articles."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract from files, folders or JSON Lines",
                                  description=__doc__.split("\n\n")[1])
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help=(
        "a text file (one article), a folder (its *.txt, recursively), a .jsonl/.ndjson "
        "file of {\"id\", \"text\", \"published\"} lines, or - (JSON Lines on stdin)"))
    extract.add_argument("-o", "--output", default="-", metavar="OUT.jsonl",
                         help="where the JSON lines go (default: stdout)")
    extract.add_argument("--resume", action="store_true",
                         help="skip ids that already have a result in OUT (problems are retried)")
    where = extract.add_mutually_exclusive_group()
    where.add_argument("--processes", type=_positive, default=1, metavar="N",
                       help="worker processes on this machine (default 1: this process)")
    where.add_argument("--url", metavar="URL", help="use a running service at URL")
    where.add_argument("--scheduler", metavar="ADDRESS", help=(
        "run on Dask: tcp://HOST:8786 for a running scheduler, local:N for a "
        "LocalCluster of N worker processes"))
    extract.add_argument("--concurrency", type=_positive, metavar="N",
                         help=f"requests in flight with --url (default {CONCURRENCY})")
    extract.add_argument("--chunk-size", type=_positive, default=CHUNK, metavar="N",
                         help=f"articles per task or batch request (default {CHUNK})")
    extract.add_argument("--model", default=DefaultConfig.SPACY_MODEL,
                         help="installed spaCy pipeline package")
    extract.add_argument("--max-text-chars", type=_positive,
                         default=DefaultConfig.MAX_TEXT_CHARS, metavar="N",
                         help="longest article accepted, in characters")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsextract`` console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.resume and args.output == "-":
        build_parser().error("--resume needs -o OUT.jsonl")
    if args.url is None and args.concurrency is not None:
        build_parser().error("--concurrency goes with --url")
    return extract(args)


def extract(args: argparse.Namespace) -> int:
    """Run ``newsextract extract``; 0 once every article has a line, 1 on empty input."""
    done = finished_ids(Path(args.output)) if args.resume else set()
    total = count_articles(args.inputs)
    runner = make_runner(args, Settings(args.model, max_text_chars=args.max_text_chars))
    output = Output(args.output, append=args.resume)
    bar = tqdm(total=None if total is None else max(0, total - len(done)), unit="article",
               file=sys.stderr, disable=args.no_progress, dynamic_ncols=True)
    counts = {"lines": 0, "problems": 0, "skipped": 0}

    def emit(lines: list[dict[str, Any]]) -> None:
        output.write(lines)
        counts["lines"] += len(lines)
        counts["problems"] += sum(1 for line in lines if is_problem(line))
        bar.update(len(lines))

    started, finished = time.perf_counter(), None
    try:
        items = iter_articles(args.inputs, max_chars=args.max_text_chars)
        for results in runner.map(_chunks(items, args.chunk_size, done, emit, counts)):
            emit(results)
            finished = time.perf_counter()
    finally:
        runner.close()
        output.close()
        bar.close()
    # The rate's window ends with the last result: stopping a Dask cluster (0.4-1 s)
    # or a pool is no article's time.
    return _report(counts, args.output, (finished or time.perf_counter()) - started)


def make_runner(args: argparse.Namespace, settings: Settings) -> Runner:
    """The runner the options ask for (Dask and HTTP clients load only when asked for)."""
    if args.url:
        from ..runners.remote import HttpRunner

        return HttpRunner(args.url, args.concurrency or CONCURRENCY)
    if args.scheduler:
        from ..runners.cluster import DaskRunner

        return DaskRunner(settings, args.scheduler)
    if args.processes > 1:
        from ..runners.local import ProcessRunner

        return ProcessRunner(settings, args.processes)
    from ..runners.local import InProcessRunner

    return InProcessRunner(settings)


def _chunks(items: Iterable[Article | ArticleProblem], size: int, done: set[str],
            emit: Callable[[list[dict[str, Any]]], None],
            counts: dict[str, int]) -> Iterator[list[Article]]:
    """Chunks of articles to extract; problems are written at once, finished ids skipped."""
    chunk: list[Article] = []
    for item in items:
        if item.id is not None and item.id in done:
            counts["skipped"] += 1
            continue
        if isinstance(item, ArticleProblem):
            emit([item.to_dict()])
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _report(counts: dict[str, int], target: str, seconds: float) -> int:
    if counts["lines"] == 0 and counts["skipped"] == 0:
        sys.stderr.write("newsextract: no articles in the input\n")
        return 1
    rate = counts["lines"] / seconds if seconds > 0 else 0.0
    sys.stderr.write(
        f"newsextract: {counts['lines']} lines ({counts['problems']} problems) to "
        f"{'stdout' if target == '-' else target} in {seconds:.1f} s ({rate:.2f} articles/s)"
        + (f"; {counts['skipped']} already done" if counts["skipped"] else "") + "\n")
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return number
