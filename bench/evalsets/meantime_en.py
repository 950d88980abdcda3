"""MEANTIME (English Wikinews): entity-level actor scores against the gold coreference chains.

A gold actor counts for recall when at least one of its mentions is a proper name
(``NAM``/``PRE.NAM``). A predicted actor matches such a gold actor when one of its
name mentions overlaps any of the gold actor's mentions (MEANTIME extents are whole
noun phrases, and many mentions carry no syntactic type). Each gold actor is matched
at most once, and the pairs are a maximum matching (not first come, first served).
A predicted actor overlapping some other annotated entity (an actor
without a proper-name mention, a location, a product) is neither right nor wrong;
one overlapping nothing annotated is a false positive -- MEANTIME annotates the
entities of its annotated events, not every name, so precision is a lower bound.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.evalsets import Extract


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Entity-level precision, recall and F1 of the actors (see the module docstring)."""
    counts: Counter[str] = Counter()
    for record in _records(path, limit):
        gold = record["gold"]
        named = [_spans(a) for a in gold["actors"] if _is_named(a)]
        known = [s for key in ("actors", "locations", "other_entities")
                 for e in gold.get(key, []) for s in _spans(e)]
        result = extract(record["text"], _date(record.get("published")))
        ours = [[(m.start_char, m.end_char) for m in actor.mentions if m.kind == "name"]
                for actor in result.actors]
        edges = [[i for i, g in enumerate(named) if _overlaps(spans, g)] for spans in ours]
        matched = _max_matching(edges)
        counts["tp"] += len(matched)
        counts["fp"] += sum(1 for k, spans in enumerate(ours)
                            if k not in matched and not _overlaps(spans, known))
        counts["fn"] += len(named) - len(matched)
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"actors P": round(p, 3), "actors R": round(r, 3),
            "actors F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "gold actors (named)": float(tp + fn)}


def _max_matching(edges: list[list[int]]) -> dict[int, int]:
    """Predicted actor -> gold actor, as many pairs as the overlaps allow (augmenting
    paths): a greedy first-come pairing let "Ford Motor Company" take the gold chain
    of "Ford Motor Company CEO Alan Mulally" and leave Mulally's actor unmatched."""
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(k: int, seen: set[int]) -> bool:
        for i in edges[k]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = k
                    return True
        return False

    for k in range(len(edges)):
        augment(k, set())
    return {k: i for i, k in owner.items()}


def _records(path: Path, limit: int | None) -> list[dict]:
    file = path if path.is_file() else path / "all.jsonl"
    with file.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def _is_named(entity: dict) -> bool:
    return any(m.get("syntactic_type") in {"NAM", "PRE.NAM"} for m in entity.get("mentions", []))


def _spans(entity: dict) -> list[tuple[int, int]]:
    return [(m["start"], m["end"]) for m in entity.get("mentions", [])
            if m.get("start") is not None]


def _overlaps(ours: list[tuple[int, int]], theirs: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in ours for c, d in theirs)


def _date(value: str | None):
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
