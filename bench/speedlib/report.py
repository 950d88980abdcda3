"""The printed tables of bench/speed.py (plain text, one run, ratios next to numbers)."""
# ruff: noqa: T201  (printing the report is this module's job)

from __future__ import annotations

import os
import platform
import time

# Targets from the speed issue, printed next to the measured ratios.
TARGET_PIPELINE = 1.3
TARGET_HTTP_1W = 0.9
TARGET_HTTP_2W = 1.8
TARGET_LATENCY = 1.1
TARGET_RSS_MIB = 250
TARGET_READY_S = 5.0


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def header(args) -> None:
    print(f"bench/speed.py  {time.strftime('%Y-%m-%d %H:%M:%S %Z')}  "
          f"python {platform.python_version()}  {platform.machine()}")
    print(f"model {args.model}; {_load()} (start)")


def footer() -> None:
    print(f"{_load()} (end)")


def corpus_line(articles: list[str], short: str, huge: str) -> None:
    from .corpus import count_words

    words = sum(count_words(a) for a in articles)
    print(f"corpus: {len(articles)} articles (seeds repeated), {words} words; "
          f"short article {count_words(short)} words; long article {len(huge)} chars, "
          f"{count_words(huge)} words")


def _check(ok: bool) -> str:
    return "ok" if ok else "BELOW TARGET"


def in_process(r: dict) -> None:
    words = r["words"]
    raw_pipe, raw_call, ours = (words / r[k] for k in ("raw_pipe", "raw_call", "ours"))
    print(f"\nIn process (median of rounds; our pipeline: parsing={r['parsing']}, "
          f"components={r['components']})")
    print(f"  {'what':<44}{'words/s':>10}{'articles/s':>12}{'vs raw':>10}")
    rows = [("raw spaCy default, nlp.pipe(texts)", raw_pipe),
            ("raw spaCy default, nlp(text) per article", raw_call)]
    rows += [(f"ours: extraction.run, parsing={mode}", words / r[f"ours:{mode}"])
             for mode in r["modes"]]
    rows.append((f"ours: spaCy part only (annotate, {r['parsing']})", words / r["ours_nlp"]))
    for name, rate in rows:
        print(f"  {name:<44}{rate:>10.0f}{rate / words * r['articles']:>12.2f}"
              f"{rate / raw_call:>9.2f}x")
    ratio = ours / raw_call
    print(f"  ratio ours ({r['parsing']}) / raw nlp(text): {ratio:.2f}x  "
          f"(target >= {TARGET_PIPELINE}x: "
          f"{_check(ratio >= TARGET_PIPELINE)});  ours / raw nlp.pipe: {ours / raw_pipe:.2f}x")
    print(f"  {r['short_words']}-word article: raw nlp(text) {r['raw_short'] * 1000:.0f} ms, "
          f"ours {r['ours_short'] * 1000:.0f} ms ({r['raw_short'] / r['ours_short']:.2f}x)")
    print(f"  {r['huge_chars']}-char article ({r['huge_words']} words): raw nlp(text) "
          f"{r['raw_huge'] * 1000:.0f} ms, ours {r['ours_huge'] * 1000:.0f} ms "
          f"({r['raw_huge'] / r['ours_huge']:.2f}x)")
    share = 1 - r["ours_nlp"] / r["ours"]
    print(f"  share of our time outside spaCy (preprocess + extractors): {share:.0%}")
    print(f"  load of raw + ours pipelines (ours warms up every extractor): {r['load_s']:.1f} s")


def http(results: list[dict], inproc: dict) -> None:
    ours_articles_s = inproc["articles"] / inproc["ours"]
    print("\nHTTP (gunicorn, bounded keep-alive client on the same 2-core machine: "
          "the client's threads compete with the workers for CPU)")
    print(f"  {'workers':>7}{'conc':>6}{'done':>6}{'err':>5}{'art/s':>8}"
          f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for res in results:
        for lv in res["levels"]:
            print(f"  {res['workers']:>7}{lv['concurrency']:>6}{lv['done']:>6}{lv['errors']:>5}"
                  f"{lv['articles_s']:>8.2f}{lv['p50'] * 1000:>9.0f}{lv['p95'] * 1000:>9.0f}"
                  f"{lv['p99'] * 1000:>9.0f}" + (f"  {lv['error_kinds']}" if lv["errors"] else ""))
    print(f"  (in process, ours: {ours_articles_s:.2f} articles/s on the same articles)")
    best = {res["workers"]: max(lv["articles_s"] for lv in res["levels"]) for res in results}
    for res in results:
        _server_lines(res, best[res["workers"]], ours_articles_s, inproc)
    if 1 in best and 2 in best:
        ratio = best[2] / best[1]
        print(f"  2 workers / 1 worker articles/s: {ratio:.2f}x (target >= {TARGET_HTTP_2W}x: "
              f"{_check(ratio >= TARGET_HTTP_2W)}; only 2 cores, shared with the client)")


def _server_lines(res: dict, best: float, ours_articles_s: float, inproc: dict) -> None:
    w = res["workers"]
    mem = res["memory"]
    per_worker = [u for u in mem["workers"].values()]
    rss = ", ".join(f"{u['rss_mib']:.0f}" for u in per_worker)
    pss = ", ".join(f"{u['pss_mib']:.0f}" for u in per_worker if u["pss_mib"] is not None)
    worst = max((u["rss_mib"] or 0 for u in per_worker), default=0)
    print(f"  [{w} worker{'s' if w > 1 else ''}] ready in {res['ready_s']:.2f} s "
          f"({_check(res['ready_s'] <= TARGET_READY_S)}); best {best:.2f} articles/s")
    if w == 1:
        ratio = best / ours_articles_s
        print(f"    HTTP 1 worker / in-process ours: {ratio:.2f}x "
              f"(target >= {TARGET_HTTP_1W}x: {_check(ratio >= TARGET_HTTP_1W)})")
    short_ratio = res["short_p50"] / inproc["ours_short"]
    print(f"    {inproc['short_words']}-word article p50 over HTTP (conc 1, n={res['short_n']}): "
          f"{res['short_p50'] * 1000:.0f} ms vs in-process {inproc['ours_short'] * 1000:.0f} ms"
          f" = {short_ratio:.2f}x (target <= {TARGET_LATENCY}x: "
          f"{_check(short_ratio <= TARGET_LATENCY)})")
    print(f"    RSS MiB per worker [{rss}], master {mem['master']['rss_mib']:.0f}, total "
          f"{mem['total_rss_mib']:.0f} (worker target <= {TARGET_RSS_MIB}: "
          f"{_check(worst <= TARGET_RSS_MIB)}); PSS per worker [{pss}], total "
          f"{mem['total_pss_mib']:.0f}")
