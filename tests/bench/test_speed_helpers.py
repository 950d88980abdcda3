"""bench/speed.py's helpers: the texts it times, its percentile, its /proc memory reader."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bench.speedlib import corpus, loadgen, memory


def test_corpus_is_whole_seed_articles_up_to_the_word_count():
    articles = corpus.build_corpus(20_000)
    assert sum(corpus.count_words(a) for a in articles) >= 20_000
    assert set(articles) == set(corpus.seed_texts())


def test_short_article_has_about_a_thousand_words():
    assert 1000 <= corpus.count_words(corpus.short_article(1000)) < 1300


def test_long_article_has_about_fifty_thousand_characters():
    assert 45_000 < len(corpus.long_article(50_000)) <= 50_000


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([5.0], 50, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.0),
        ([1.0, 2.0, 3.0, 4.0], 95, 4.0),
        ([float(i) for i in range(1, 101)], 99, 99.0),
    ],
)
def test_percentile_is_nearest_rank(values, q, expected):
    assert loadgen.percentile(values, q) == expected


def test_percentile_of_nothing_is_nan():
    assert loadgen.percentile([], 50) != loadgen.percentile([], 50)


@pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="Linux /proc only")
def test_memory_reads_a_child_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in memory.children(os.getpid())
        use = memory.of_tree(os.getpid())
        assert use["workers"][child.pid]["rss_mib"] > 0
        assert use["total_pss_mib"] > 0
    finally:
        child.kill()
        child.wait()
