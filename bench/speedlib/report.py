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
    print(f"malloc: {args.malloc} (this process and the gunicorn workers alike)")


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
    """Words/s by CPU time (robust to other processes on a shared machine) and by wall."""
    words, articles = r["words"], r["articles"]
    print(f"\nIn process (median of rounds, each article through every variant back to back; "
          f"ours: parsing={r['parsing']}, matmul={r['matmul']}, components={r['components']})")
    print(f"  {'what':<46}{'words/s':>9}{'art/s':>7}{'vs raw':>8}{'wall w/s':>10}{'vs raw':>8}")
    rows = [("raw spaCy default, nlp.pipe(texts)", "raw_pipe"),
            ("raw spaCy default, nlp(text) per article", "raw_call")]
    rows += [(f"ours: extraction.run, parsing={mode}", f"ours:{mode}") for mode in r["modes"]]
    rows.append((f"ours: extraction.run, {r['parsing']}, matmul=blis", "ours_blis"))
    rows.append((f"ours: spaCy part only (annotate, {r['parsing']})", "ours_nlp"))
    for name, key in rows:
        cpu, wall = words / r[f"cpu:{key}"], words / r[key]
        print(f"  {name:<46}{cpu:>9.0f}{cpu / words * articles:>7.2f}"
              f"{cpu / (words / r['cpu:raw_call']):>7.2f}x{wall:>10.0f}"
              f"{wall / (words / r['raw_call']):>7.2f}x")
    ratio = r["cpu:raw_call"] / r["cpu:ours"]
    print(f"  ratio ours ({r['parsing']}) / raw nlp(text), CPU time: {ratio:.2f}x "
          f"(target >= {TARGET_PIPELINE}x: {_check(ratio >= TARGET_PIPELINE)}); wall: "
          f"{r['raw_call'] / r['ours']:.2f}x; ours / raw nlp.pipe (CPU): "
          f"{r['cpu:raw_pipe'] / r['cpu:ours']:.2f}x")
    print(f"  {r['short_words']}-word article (CPU): raw nlp(text) {r['cpu:raw_short'] * 1000:.0f}"
          f" ms, ours {r['cpu:ours_short'] * 1000:.0f} ms "
          f"({r['cpu:raw_short'] / r['cpu:ours_short']:.2f}x)")
    print(f"  {r['huge_chars']}-char article ({r['huge_words']} words, CPU): raw nlp(text) "
          f"{r['cpu:raw_huge'] * 1000:.0f} ms, ours {r['cpu:ours_huge'] * 1000:.0f} ms "
          f"({r['cpu:raw_huge'] / r['cpu:ours_huge']:.2f}x)")
    with_blis = r["cpu:raw_call"] / r["cpu:ours_blis"]
    print(f"  of which the matrix library: ours with blis is {with_blis:.2f}x raw; numpy's "
          f"BLAS makes ours {r['cpu:ours_blis'] / r['cpu:ours']:.2f}x faster again")
    share = 1 - r["cpu:ours_nlp"] / r["cpu:ours"]
    print(f"  share of our CPU time outside spaCy (preprocess + extractors): {share:.0%}")
    print(f"  spacy.load of raw + build_nlp of ours: {r['load_s']:.1f} s")


def http(results: list[dict], inproc: dict) -> None:
    ours_wall = inproc["articles"] / inproc["ours"]
    ours_cpu = inproc["articles"] / inproc["cpu:ours"]
    print("\nHTTP (gunicorn, bounded keep-alive client on the same machine: the client's "
          "threads and every other process compete with the workers for the cores)")
    print(f"  {'workers':>7}{'conc':>6}{'done':>6}{'err':>5}{'art/s':>8}{'art/CPU-s':>11}"
          f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for res in results:
        for lv in res["levels"]:
            print(f"  {res['workers']:>7}{lv['concurrency']:>6}{lv['done']:>6}{lv['errors']:>5}"
                  f"{lv['articles_s']:>8.2f}{lv['articles_cpu_s']:>11.2f}{lv['p50'] * 1000:>9.0f}"
                  f"{lv['p95'] * 1000:>9.0f}{lv['p99'] * 1000:>9.0f}"
                  + (f"  {lv['error_kinds']}" if lv["errors"] else ""))
    print(f"  (in process, ours: {ours_wall:.2f} articles/s wall, {ours_cpu:.2f} per CPU-second; "
          "art/CPU-s above is per CPU-second of the server's processes)")
    best = {res["workers"]: max(lv["articles_s"] for lv in res["levels"]) for res in results}
    for res in results:
        _server_lines(res, best[res["workers"]], ours_wall, ours_cpu, inproc)
    if 1 in best and 2 in best:
        ratio = best[2] / best[1]
        print(f"  2 workers / 1 worker articles/s (wall): {ratio:.2f}x (target >= "
              f"{TARGET_HTTP_2W}x: {_check(ratio >= TARGET_HTTP_2W)}; {os.cpu_count()} cores, "
              f"{_load()})")


def _server_lines(res: dict, best: float, ours_wall: float, ours_cpu: float,
                  inproc: dict) -> None:
    w = res["workers"]
    print(f"  [{w} worker{'s' if w > 1 else ''}] ready in {res['ready_s']:.2f} s wall, "
          f"{res['ready_cpu_s']:.2f} s CPU (target <= {TARGET_READY_S} s: "
          f"{_check(res['ready_s'] <= TARGET_READY_S)} wall, "
          f"{_check(res['ready_cpu_s'] <= TARGET_READY_S)} CPU); best {best:.2f} articles/s")
    if w == 1:
        ratio = best / ours_wall
        cpu_ratio = max(lv["articles_cpu_s"] for lv in res["levels"]) / ours_cpu
        print(f"    HTTP 1 worker / in-process ours: {ratio:.2f}x wall, {cpu_ratio:.2f}x per "
              f"CPU-second (target >= {TARGET_HTTP_1W}x: {_check(ratio >= TARGET_HTTP_1W)} wall, "
              f"{_check(cpu_ratio >= TARGET_HTTP_1W)} CPU)")
    if res.get("paired"):
        _paired_lines(res["paired"], inproc["short_words"])
    short_ratio = res["short_p50"] / inproc["ours_short"]
    print(f"    {inproc['short_words']}-word article p50 over HTTP (conc 1, n={res['short_n']}): "
          f"{res['short_p50'] * 1000:.0f} ms vs in-process {inproc['ours_short'] * 1000:.0f} ms"
          f" wall = {short_ratio:.2f}x (target <= {TARGET_LATENCY}x: "
          f"{_check(short_ratio <= TARGET_LATENCY)})")
    _memory_line(res["memory"])


def _paired_lines(pairs: dict, short_words: int) -> None:
    """The targets' ratios from alternating HTTP and in-process runs (same minutes)."""
    arts, short = pairs["articles"], pairs["short"]
    ratio = arts["local_s"] / arts["http_s"]
    latency = short["http_p50"] / short["local_p50"]
    print(f"    paired, alternating each article over HTTP and in process ({arts['n']} each): "
          f"HTTP 1 worker / in-process articles/s {ratio:.2f}x (target >= {TARGET_HTTP_1W}x: "
          f"{_check(ratio >= TARGET_HTTP_1W)})")
    print(f"    paired, {short_words}-word article ({short['n']} each): p50 "
          f"{short['http_p50'] * 1000:.0f} ms over HTTP vs {short['local_p50'] * 1000:.0f} ms "
          f"in process = {latency:.2f}x (target <= {TARGET_LATENCY}x: "
          f"{_check(latency <= TARGET_LATENCY)})")


def _memory_line(mem: dict) -> None:
    per_worker = list(mem["workers"].values())
    rss = ", ".join(f"{u['rss_mib']:.0f}" for u in per_worker)
    pss = ", ".join(f"{u['pss_mib']:.0f}" for u in per_worker if u["pss_mib"] is not None)
    worst = max((u["rss_mib"] or 0 for u in per_worker), default=0)
    print(f"    RSS MiB per worker [{rss}], master {mem['master']['rss_mib']:.0f}, total "
          f"{mem['total_rss_mib']:.0f} (worker target <= {TARGET_RSS_MIB}: "
          f"{_check(worst <= TARGET_RSS_MIB)}); PSS (shared pages split) per worker [{pss}], "
          f"master {mem['master']['pss_mib'] or 0:.0f}, total {mem['total_pss_mib']:.0f}")
