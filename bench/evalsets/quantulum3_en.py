"""Figure values and units on quantulum3's English test sentences (../shared/eval/quantulum3_en).

A gold quantity is matched by the predicted figure that overlaps its span most (the
offsets are derived by string search, see the folder README). ``value accuracy`` counts
a missed quantity as wrong. ``unit accuracy`` judges the matched quantities whose
quantulum3 unit we name too (metre, mile, year, dollar, percentage ...), after mapping
our unit words onto quantulum3's names; ``count kind accuracy`` judges the matched
``dimensionless`` quantities, which we must report as kind ``count``.

Money is compared in the currency's main unit (we report "one hundred cents" as 1 USD).

quantulum3 conventions we deliberately do not follow (left out, counted per reason):

- years are numbers to quantulum3 ("in 1979", "2005"); they are dates in our SPEC;
- numbers inside names ("Voyager 2", "English 101", "South 32 Ltd", "Core i7 860");
- ranges and uncertainties reduced to one value ("3 to 4 L" -> 3.5, "10-15 exabytes",
  "9.83e-3 +/- 1e-5"): we report each end of a range as its own figure;
- scientific notation ("2.48×10−5", "4e14", "8x2^10");
- a unit word standing for one of it ("a penny", "A kibibyte", "absolute zero", "a gross"),
  and "dozen" as a unit ("a dozen" is 12 to us, 1 dozen to quantulum3);
- accounting parentheses as a minus sign ("($99.99)" -> -99.99).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bench.evalsets import Extract
from bench.scoring import most_overlapping

FILES = ("quantities", "quantities_ambiguity")
_OUR_UNITS = {
    "mile": "mile", "miles": "mile", "mi": "mile", "km": "kilometre", "kilometer": "kilometre",
    "kilometers": "kilometre", "kilometre": "kilometre", "kilometres": "kilometre",
    "m": "metre", "meter": "metre", "meters": "metre", "metre": "metre", "metres": "metre",
    "cm": "centimetre", "mm": "millimetre", "foot": "foot", "feet": "foot", "ft": "foot",
    "inch": "inch", "inches": "inch", "year": "year", "years": "year", "month": "month",
    "months": "month", "week": "week", "weeks": "week", "day": "day", "days": "day",
    "hour": "hour", "hours": "hour", "hrs": "hour", "minute": "minute", "minutes": "minute",
    "second": "second", "seconds": "second", "kg": "kilogram", "kilogram": "kilogram",
    "kilograms": "kilogram", "lbs": "pound-mass", "pounds": "pound-mass", "pound": "pound-mass",
    "gallon": "gallon", "gallons": "gallon", "percent": "percentage", "USD": "dollar",
    "EUR": "euro", "GBP": "pound sterling", "JPY": "yen",
}
_JUDGED_UNITS = frozenset(_OUR_UNITS.values())
_RANGE = re.compile(r"\d\s*(?:-|–)\s*[-\d]|\bto\b|between|±|\+/-", re.I)
_DOZENS = frozenset({"dozen", "baker's dozen", "gross"})
_CENTS = frozenset({"cent", "penny"})
_POWER = re.compile(r"\d\s*[eE][-+]?\d|[×x]\s*10|\^")
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                     r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                     r"million|billion|zero|half|third|quarter|sixth|dozen)", re.I)


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Value accuracy, unit accuracy on measures, count kind on dimensionless quantities."""
    folder = path if path.is_dir() else path.parent
    names = FILES if path.is_dir() else (path.stem,)
    tally = _Tally()
    for name in names:
        lines = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        for line in lines[:limit]:
            record = json.loads(line)
            tally.add(record, list(extract(record["text"], None).figures))
    return tally.metrics()


def out_of_scope(record: dict, item: dict) -> str | None:
    """Why a quantulum3 quantity is outside our SPEC, or None when it is inside."""
    text = item["text"]
    dimensionless = item.get("unit") == "dimensionless"
    if dimensionless and re.fullmatch(r"1\d{3}|20\d{2}", text):
        return "years"
    if dimensionless and _after_name(record["text"], item["start"]):
        return "numbers inside names"
    if _POWER.search(text):
        return "scientific notation"
    if _RANGE.search(text):
        return "ranges and uncertainties as one value"
    if item.get("unit") in _DOZENS:
        return "dozen as a unit"
    if not _NUMBER.search(text):
        return "unit word standing for one"
    if text.startswith("("):
        return "accounting parentheses"
    return None


def _after_name(text: str, start: int) -> bool:
    """ "Voyager 2", "English 101": a number right after a capitalised word mid-sentence."""
    before = re.search(r"([A-Za-z][\w-]*)\s+$", text[:start])
    if not before or not before.group(1)[0].isupper():
        return False
    preceding = text[:before.start(1)].rstrip()
    return bool(preceding) and preceding[-1] not in ".!?:"


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()

    def add(self, record: dict, figures: list) -> None:
        gold = record["gold"]["figures"]
        if not gold:
            self.counts["negatives"] += 1
            self.counts["clean negatives"] += not figures
        for item in gold:
            reason = out_of_scope(record, item)
            if reason:
                self.skipped[reason] += 1
            else:
                self._judge(item, figures)

    def _judge(self, item: dict, figures: list) -> None:
        self.counts["items"] += 1
        best = most_overlapping(item, figures)
        if best is None:
            return
        self.counts["found"] += 1
        want = float(item["value"]) * (0.01 if item.get("unit") in _CENTS else 1.0)
        got = best.value
        self.counts["right"] += got is not None and abs(float(got) - want) <= 1e-6 * max(
            1.0, abs(want))
        if item.get("unit") == "dimensionless":
            self.counts["count judged"] += 1
            self.counts["count right"] += best.kind == "count"
        elif item.get("unit") in _JUDGED_UNITS:
            self.counts["unit judged"] += 1
            self.counts["unit right"] += _OUR_UNITS.get(best.unit or "", best.unit) == item["unit"]

    def metrics(self) -> dict[str, float]:
        c = self.counts
        shown: dict[str, float] = {
            "in-scope quantities": c["items"],
            "found": c["found"],
            "value accuracy": _ratio(c["right"], c["items"]),
            "value accuracy on matched": _ratio(c["right"], c["found"]),
            "unit accuracy (measures we name)": _ratio(c["unit right"], c["unit judged"]),
            "unit judged": c["unit judged"],
            "count kind accuracy (dimensionless)": _ratio(c["count right"], c["count judged"]),
            "negatives with no figure": _ratio(c["clean negatives"], c["negatives"]),
        }
        for reason, count in sorted(self.skipped.items()):
            shown[f"out of scope: {reason}"] = count
        return shown


def _ratio(right: int, judged: int) -> float:
    return right / judged if judged else 1.0
