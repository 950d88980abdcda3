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

Mentions of kind time or duration are our TIME and DURATION predictions and are left
out, as the gold is filtered to DATE. The rest is mapped to TimeML before comparing, as
the task's README suggests: a range written out ("2009-2010", "Feb. 10-20", "between
1994 and 1997") becomes its two ends, which TimeML tags separately; a weekend range
("2022-02-19/2022-02-20") becomes "2022-W07-WE"; a present reference ("now", kind
other, valued the publication day) becomes ``PRESENT_REF``; a decade ("199") becomes
"199X"; week numbers compare without their leading zero ("2000-W6" and "2000-W06" are
both in the gold).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from service.extraction.records import DateMention

from . import Extract

_RANGE_LINK = re.compile(r"\s*[-–]\s*|\s+(?:to|and|through)\s+")
_WEEK = re.compile(r"-W0(\d)\b")
# Our kinds that TimeML types TIME or DURATION: not predictions of a DATE expression.
_OTHER_TYPES = frozenset({"time", "duration"})
_COUNTS = ("pred", "gold", "hit", "exact", "value", "neutral")

Item = tuple[int, int, str | None]  # start, end, value


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Score date mentions and values on the platinum set (type DATE)."""
    path = Path(path)
    return evaluate_files([path / "test.jsonl" if path.is_dir() else path], extract, limit=limit)


def evaluate_files(files: list[Path], extract: Extract, *,
                   limit: int | None = None) -> dict[str, float]:
    """Score TimeML-derived JSON Lines files (shared with the TBAQ evalset)."""
    totals = dict.fromkeys(_COUNTS, 0)
    for record in records(files, limit):
        published = date.fromisoformat(record["published"]) if record["published"] else None
        result = extract(record["text"], published)
        predicted = [p for m in result.date.mentions if m.kind not in _OTHER_TYPES
                     for p in to_timeml(m, result.date.published)]
        gold = record["gold"]["dates"]
        counts = _score(predicted, gold)
        for key, value in counts.items():
            totals[key] += value
    return _metrics(totals)


def records(files: list[Path], limit: int | None = None) -> Iterator[dict]:
    """The documents of ``files`` in order, at most ``limit`` of them."""
    count = 0
    for file in files:
        with Path(file).open(encoding="utf-8") as lines:
            for line in lines:
                if limit is not None and count >= limit:
                    return
                count += 1
                yield json.loads(line)


def to_timeml(mention: DateMention, published: str | None) -> list[Item]:
    """Our mention as TimeML would tag it: one or two extents, TimeML values."""
    value = mention.value
    start, end = mention.start_char, mention.end_char
    if mention.kind == "other" and value is not None and value == published:
        return [(start, end, "PRESENT_REF")]
    weekend = _weekend_week(value) if mention.kind == "range" and value else None
    if weekend:
        return [(start, end, weekend)]
    if mention.kind == "range" and value and "/" in value:
        link = _RANGE_LINK.search(mention.text)
        if link:
            first, last = value.split("/", 1)
            return [(start, start + link.start(), first),
                    (start + link.end(), end, _trim_range_end(first, last))]
    if mention.kind == "other" and value and re.fullmatch(r"\d{3}", value):
        value += "X"  # a decade: ISO "199", TimeML "199X"
    return [(start, end, value)]


def _weekend_week(value: str) -> str | None:
    """A Saturday-Sunday range is TimeML's "1990-W32-WE"."""
    try:
        first, last = (date.fromisoformat(v) for v in value.split("/"))
    except ValueError:
        return None
    if first.weekday() != 5 or (last - first).days != 1:
        return None
    week = first.isocalendar()
    return f"{week.year}-W{week.week:02d}-WE"


def _trim_range_end(first: str, last: str) -> str:
    """TimeML values the end of "1957-58" as a year: keep the precision the text shows."""
    return last[: len(first)] if len(first) == 4 else last


def _score(predicted: list[Item], gold: list[dict]) -> dict[str, int]:
    dates = [g for g in gold if g["type"] == "DATE"]
    others = [g for g in gold if g["type"] != "DATE"]
    free = list(range(len(dates)))
    counts = dict.fromkeys(_COUNTS, 0)
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
        counts["value"] += _same_value(value, dates[hit]["value"])
    return counts


def _same_value(ours: str | None, gold: str | None) -> bool:
    """Equal values; TimeML writes week 6 both as "2000-W06" and "2000-W6"."""
    if ours is None or gold is None:
        return ours == gold
    return _WEEK.sub(r"-W\1", ours) == _WEEK.sub(r"-W\1", gold)


def _f1(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 1.0
    r = right / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _metrics(t: dict[str, int]) -> dict[str, float]:
    """Counts (ints) first, then rates."""
    p, r, f = _f1(t["hit"], t["pred"], t["gold"])
    vp, vr, vf = _f1(t["value"], t["pred"], t["gold"])
    return {
        "gold_dates": t["gold"],
        "predictions": t["pred"],
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
