"""TempEval-3 platinum: date mentions and their values against the TIMEX3 type DATE gold.

Each document is run with its creation date (the DCT) as ``published``. A predicted
mention matches a gold DATE expression when their spans overlap (TimeML extents
include determiners and modifiers: "the last week", "early December"), one to one,
in text order. Scores:

- ``extract_*``: overlap matching, counted strictly: a prediction matching no DATE
  expression is a false positive, even where it overlaps a DURATION, TIME or SET one.
- ``exact_f1``: the same with identical spans.
- ``value_*``: a hit whose value equals the gold TIMEX3 value. value_f1 is the TempEval
  value F1 (correct values over predictions and over gold); value_accuracy is over hits.
- ``lenient_value_f1``: predictions that overlap a non-DATE expression are left out.

Our output is mapped to TimeML before comparing, as the task's README suggests: a
range written with a dash ("2009-2010", "Feb. 10-20") becomes its two ends, which
TimeML tags separately, and a present reference ("now", kind other, valued the
publication day) becomes ``PRESENT_REF``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from service.extraction.records import DateMention

from . import Extract

_DASH = re.compile(r"\s*[-–]\s*")

Item = tuple[int, int, str | None]  # start, end, value


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Score date mentions and values on the platinum set (type DATE)."""
    totals = dict.fromkeys(("pred", "gold", "hit", "exact", "value", "neutral", "nvalue"), 0)
    for record in _records(path, limit):
        published = date.fromisoformat(record["published"]) if record["published"] else None
        result = extract(record["text"], published)
        predicted = [p for m in result.date.mentions for p in _to_timeml(m, result.date.published)]
        gold = record["gold"]["dates"]
        counts = _score(predicted, gold)
        for key, value in counts.items():
            totals[key] += value
    return _metrics(totals)


def _records(path: Path, limit: int | None) -> Iterator[dict]:
    path = Path(path)
    file = path / "test.jsonl" if path.is_dir() else path
    with file.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if limit is not None and index >= limit:
                return
            yield json.loads(line)


def _to_timeml(mention: DateMention, published: str | None) -> list[Item]:
    value = mention.value
    if mention.kind == "other" and value is not None and value == published:
        return [(mention.start_char, mention.end_char, "PRESENT_REF")]
    if mention.kind == "range" and value and "/" in value:
        dash = _DASH.search(mention.text)
        if dash:
            first, last = value.split("/", 1)
            cut = mention.start_char + dash.start()
            return [(mention.start_char, cut, first),
                    (mention.start_char + dash.end(), mention.end_char, _trim_range_end(first, last))]
    return [(mention.start_char, mention.end_char, value)]


def _trim_range_end(first: str, last: str) -> str:
    """TimeML values the end of "1957-58" as a year: keep the precision the text shows."""
    return last[: len(first)] if len(first) == 4 else last


def _score(predicted: list[Item], gold: list[dict]) -> dict[str, int]:
    dates = [g for g in gold if g["type"] == "DATE"]
    others = [g for g in gold if g["type"] != "DATE"]
    free = list(range(len(dates)))
    counts = dict.fromkeys(("pred", "gold", "hit", "exact", "value", "neutral", "nvalue"), 0)
    counts["pred"], counts["gold"] = len(predicted), len(dates)
    for start, end, value in predicted:
        hit = next((i for i in free if start < dates[i]["end"] and dates[i]["start"] < end), None)
        if hit is None:
            if any(start < g["end"] and g["start"] < end for g in others):
                counts["neutral"] += 1
            continue
        free.remove(hit)
        counts["hit"] += 1
        counts["exact"] += (start, end) == (dates[hit]["start"], dates[hit]["end"])
        counts["value"] += value == dates[hit]["value"]
    return counts


def _f1(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 1.0
    r = right / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _metrics(t: dict[str, int]) -> dict[str, float]:
    p, r, f = _f1(t["hit"], t["pred"], t["gold"])
    vp, vr, vf = _f1(t["value"], t["pred"], t["gold"])
    return {
        "documents_gold_dates": float(t["gold"]),
        "predictions": float(t["pred"]),
        "extract_precision": p,
        "extract_recall": r,
        "extract_f1": f,
        "exact_f1": _f1(t["exact"], t["pred"], t["gold"])[2],
        "value_precision": vp,
        "value_recall": vr,
        "value_f1": vf,
        "value_accuracy": t["value"] / t["hit"] if t["hit"] else 0.0,
        "lenient_value_f1": _f1(t["value"], t["pred"] - t["neutral"], t["gold"])[2],
    }
