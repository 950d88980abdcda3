"""The texts bench/speed.py times: seeds repeated, a 1,000-word and a 50,000-character article."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def count_words(text: str) -> int:
    """Whitespace-separated words: the same count for raw spaCy and for us."""
    return len(text.split())


@cache
def seed_texts() -> tuple[str, ...]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no seed articles in {SEEDS}")
    return tuple(p.read_text(encoding="utf-8") for p in paths)


def build_corpus(min_words: int) -> list[str]:
    """The seed articles, whole and in order, repeated until there are ``min_words`` words."""
    articles: list[str] = []
    words = 0
    while words < min_words:
        for text in seed_texts():
            articles.append(text)
            words += count_words(text)
    return articles


def _paragraphs() -> list[str]:
    return [p for text in seed_texts() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def short_article(target_words: int) -> str:
    """Whole seed paragraphs, in order, until the article has ``target_words`` words."""
    kept: list[str] = []
    for paragraph in _paragraphs() * 2:
        kept.append(paragraph)
        if count_words("\n\n".join(kept)) >= target_words:
            break
    return "\n\n".join(kept) + "\n"


def long_article(target_chars: int) -> str:
    """Seed paragraphs, repeated, up to about ``target_chars`` characters in one article."""
    kept: list[str] = []
    size = 0
    while size < target_chars:
        for paragraph in _paragraphs():
            if size + len(paragraph) + 2 > target_chars:
                return "\n\n".join(kept) + "\n"
            kept.append(paragraph)
            size += len(paragraph) + 2
    return "\n\n".join(kept) + "\n"
