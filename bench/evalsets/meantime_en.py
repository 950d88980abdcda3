"""MEANTIME (English Wikinews): entity-level actor scores against the gold coreference chains.

A gold actor counts when at least one of its mentions is a proper name (``NAM``);
a predicted actor matches a gold one when one of its name mentions overlaps one of
the gold actor's name mentions (MEANTIME extents are whole noun phrases, so exact
spans would punish "the Airbus company" against "Airbus"). Each gold actor is
matched at most once; a predicted actor that overlaps a gold location or other
entity is neither right nor wrong and is left out of precision.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.evalsets import Extract


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for record in _records(path, limit):
        gold = [_name_spans(a) for a in record["gold"]["actors"]]
        gold = [g for g in gold if g]
        others = [s for key in ("locations", "other_entities")
                  for e in record["gold"].get(key, []) for s in _name_spans(e)]
        result = extract(record["text"], _date(record.get("published")))
        used: set[int] = set()
        for actor in result.actors:
            spans = [(m.start_char, m.end_char) for m in actor.mentions if m.kind == "name"]
            hit = next((i for i, g in enumerate(gold) if i not in used and _overlaps(spans, g)),
                       None)
            if hit is not None:
                used.add(hit)
                counts["tp"] += 1
            elif not any(_overlaps(spans, g) for g in gold) and not _overlaps(spans, others):
                counts["fp"] += 1
        counts["fn"] += len(gold) - len(used)
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"actors P": round(p, 3), "actors R": round(r, 3),
            "actors F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "gold actors (named)": float(tp + fn)}


def _records(path: Path, limit: int | None) -> list[dict]:
    file = path if path.is_file() else path / "all.jsonl"
    with file.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def _name_spans(entity: dict) -> list[tuple[int, int]]:
    return [(m["start"], m["end"]) for m in entity.get("mentions", [])
            if m.get("syntactic_type") in {"NAM", "PRE.NAM"} and m.get("start") is not None]


def _overlaps(ours: list[tuple[int, int]], theirs: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in ours for c, d in theirs)


def _date(value: str | None):
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
