"""Corpora for bench/batch.py and bench/scaling.py, written as the CLI reads them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from .corpus import _paragraphs, build_corpus, count_words, long_article, short_article

ROOT = Path(__file__).resolve().parents[2]
_RATE = re.compile(r"\(([\d.]+) articles/s\)")


def short_articles(count: int, words: int = 250) -> list[str]:
    """``count`` distinct articles of about ``words`` words: consecutive seed paragraphs."""
    paragraphs = _paragraphs()
    articles, start = [], 0
    while len(articles) < count:
        kept: list[str] = []
        while count_words("\n\n".join(kept)) < words:
            kept.append(paragraphs[start % len(paragraphs)])
            start += 1
        articles.append("\n\n".join(kept) + "\n")
    return articles


def mixed_corpus(count: int) -> list[str]:
    """Seeds repeated, then the speed bench's 1,003-word and 49,883-character articles,
    then 250-word articles: ``count`` in all, in a fixed order."""
    base = [*build_corpus(20_000)[:8], short_article(1003), long_article(50_000),
            *short_articles(6)]
    return [base[i % len(base)] for i in range(count)]


def write_jsonl(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": f"a{i:06d}", "text": text}) + "\n")
    return path


def run_cli(source: Path, out: Path, *options: str) -> dict[str, float]:
    """Run ``python -m service extract``; its reported articles/s (after start-up) and wall."""
    command = [sys.executable, "-m", "service", "extract", "--no-progress", str(source),
               "-o", str(out), *options]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    found = _RATE.search(result.stderr)
    if result.returncode != 0 or found is None:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return {"rate": float(found.group(1)), "wall": wall}
