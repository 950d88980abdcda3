"""Figure values on Recognizers-Text's English spec cases (../shared/eval/recognizers_text_en).

Scored files: NumberModel, PercentModel, CurrencyModel, DimensionModel and AgeModel.
A gold item is matched by the predicted figure that overlaps its span most; its value
is right when equal up to 1e-6 relative. ``value accuracy`` counts a missed item as
wrong; ``on matched`` only judges the items that were found.

Conventions of Recognizers-Text we deliberately do not follow (the items are left out of
the in-scope score and counted per reason, see ``out_of_scope``):

- numbers the SPEC says are no figures: years and other parts of dates ("5/17/2018"),
  phone numbers, IP addresses and version numbers ("192.168.1.2"), identifiers and
  codes ("SCP-173", "Exercises nrs. 22,24,26,31", "version two");
- ordinals and ordinal-word fractions beyond the simple ones ("a trillionth",
  "twenty-three fifths", "one one hundred fifth"); we read "a half", "two thirds",
  "three quarters", "one and a half", "2 1/2", "3/4", "½";
- ratios and mathematical notation: "one over three", "1 in twenty-one", "two out of
  five hundred", powers ("1.1^23", "1e10", "1.3x10^6");
- European and Indian digit grouping ("1.111,11", "5,00", "1,3", "12,34,567.89"): we
  read commas as English thousands separators;
- the SI prefix "G" written after digits ("10G", "1,674.5 G");
- a percent word without a number ("the %") or before its number ("percent of 10");
- compound amounts read as one ("3 dollars 50 cents", "5 feet 2 inches", "75 USD million"),
  M-prefixed codes ("30 MUSD"), and a unit word alone ("dollar") -- we report each number;
- a quantity written as a unit with no number ("a penny") -- in the quantulum3 set;
- Number cases that expect nothing because the number carries a unit ("the 180ml liquid",
  "1m isn't a number"): we report measures, so these negatives are out of scope.

We also report money in the currency's main unit (50 cents -> 0.5 USD) and percentages
as the number of percent (100% -> 100); gold values are converted the same way.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bench.evalsets import Extract
from bench.scoring import most_overlapping

FILES = ("NumberModel", "PercentModel", "CurrencyModel", "DimensionModel", "AgeModel")
_CENTS = {"Cent": 0.01, "Penny": 0.01, "Pence": 0.01}
_CURRENCY_CODES = {"Dollar": "USD", "United States dollar": "USD", "Euro": "EUR",
                   "Pound": "GBP", "British pound": "GBP", "Canadian dollar": "CAD",
                   "Hong Kong dollar": "HKD", "Australian dollar": "AUD", "Japanese yen": "JPY",
                   "Yen": "JPY", "Chinese yuan": "CNY", "Yuan": "CNY", "Cent": "USD",
                   "Indian rupee": "INR", "Russian ruble": "RUB"}
_SPEC_EXCLUDED = re.compile(
    r"\d+(?:\.\d+){2,}|\d+/\d+/\d+|\+\d[-\d/]+|\b[A-Z]+-\d+|\bnrs?\.\s*[\d,]+|version \w+", re.I)
_RATIO = re.compile(r"\b(?:over|out of|in)\b|\^|\d[eE][-+]?\d|\dx10", re.I)
_FOREIGN_GROUPING = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$|^\d+,\d{1,2}$|^\d{1,2},\d{2},\d{3}")
_SIMPLE_FRACTION = re.compile(
    r"^(?:.+ and )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[ -]"
    r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|"
    r"ninths?|tenths?)$|^(?:\d+\s+)?\d+/\d+$|^[½⅓⅔¼¾⅛]$", re.I)
# "3 dollars 50 cents", "5 feet 2 inches", "75 USD million": one amount in two parts.
_COMPOUND_AMOUNT = re.compile(
    r"(?<=\S)\s+(?:dollars?|usd|kuai|feet|foot)\b(?=\s+\S)|^\d+ \$ \d", re.I)
_PREFIXED_CODE = re.compile(r"\bM(?:USD|EUR|GBP|AUD)\b")  # "30 MUSD" = 30 million dollars
_GLUED_MEASURE = re.compile(r"\d(?:ml|km|m)\b")
# A negative case of a model means "nothing of this model's type here": for the Number
# model any figure is wrong; for the others only a figure of the matching kind (we report
# "All 70 of us" as a count, which the Currency model rightly ignores).
_NEGATIVE_KINDS: dict[str, frozenset[str] | None] = {
    "NumberModel": None, "PercentModel": frozenset({"percent"}),
    "CurrencyModel": frozenset({"money"}), "DimensionModel": frozenset({"distance", "other"}),
    "AgeModel": frozenset({"age"}),
}


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Value accuracy per scored file and overall for the in-scope items."""
    folder = path if path.is_dir() else path.parent
    names = FILES if path.is_dir() else (path.stem,)
    metrics: dict[str, float] = {}
    total = Tally()
    for name in names:
        tally = Tally()
        for record in _records(folder / f"{name}.jsonl", limit):
            tally.add_record(record, extract(record["text"], None), scope=out_of_scope,
                             wrong_kinds=_NEGATIVE_KINDS[name])
        total.merge(tally)
        metrics.update(tally.metrics(name))
    if {"NumberModel", "PercentModel"} <= set(names):
        metrics.update(_combined(metrics, ("NumberModel", "PercentModel"), "number+percent"))
    metrics.update(total.metrics("all"))
    for reason, count in sorted(total.skipped.items()):
        metrics[f"out of scope: {reason}"] = count
    return metrics


def _combined(metrics: dict[str, float], names: tuple[str, ...], label: str) -> dict[str, float]:
    items = sum(metrics[f"{n}: in-scope items"] for n in names)
    right = sum(metrics[f"{n}: value accuracy"] * metrics[f"{n}: in-scope items"] for n in names)
    return {f"{label}: in-scope items": items,
            f"{label}: value accuracy": right / items if items else 1.0}


def _records(path: Path, limit: int | None) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:limit] if line.strip()]


def out_of_scope(record: dict, item: dict) -> str | None:
    """Why a Recognizers-Text gold item is outside our SPEC, or None when it is inside."""
    text, sub = item["text"], item.get("subtype")
    excluded = [m.span() for m in _SPEC_EXCLUDED.finditer(record["text"])]
    if any(a < item["end"] and item["start"] < b for a, b in excluded) \
            or _year_in_date(record["text"], item):
        return "dates, phones, identifiers"
    if sub == "power" or _RATIO.search(text):
        return "ratios and powers"
    if sub == "fraction" and not _SIMPLE_FRACTION.match(" ".join(text.split())):
        return "ordinal-word fractions"
    if _FOREIGN_GROUPING.search(text.strip()):
        return "non-English digit grouping"
    if re.search(r"\dG\b|\d\s+G\b", text):
        return "SI prefix G"
    return _unit_convention(item, text)


def _unit_convention(item: dict, text: str) -> str | None:
    kind = item.get("type")
    if kind == "percentage" and not re.search(r"\d|" + _NUMBER_WORD, text, re.I):
        return "percent without a number"
    if kind == "percentage" and re.match(r"(?:per ?cent|percents?)\b", text, re.I):
        return "percent word before its number"
    if kind in ("currency", "dimension") and item.get("value") is None:
        return "unit word without a number"
    if _COMPOUND_AMOUNT.search(text):
        return "compound amounts"
    if _PREFIXED_CODE.search(text):
        return "M-prefixed currency codes"
    return None


_NUMBER_WORD = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|hundred)"


def _year_in_date(text: str, item: dict) -> bool:
    return bool(re.fullmatch(r"(?:1[5-9]|20)\d\d", item["text"])) and "/" in text


def gold_value(item: dict) -> float | None:
    """The gold value in our conventions (percent as a number, cents in the main unit)."""
    value = item.get("value")
    if value is None and item.get("type") == "percentage":
        raw = str(item.get("value_raw") or "").rstrip("%")
        value = float(raw) if re.fullmatch(r"-?\d+(?:\.\d+)?", raw) else None
    if value is not None and item.get("unit") in _CENTS:
        value *= _CENTS[item["unit"]]
    return value


class Tally:
    """Found and right counts over gold items, plus what was left out and why."""

    def __init__(self) -> None:
        self.items = self.found = self.right = 0
        self.unit_right = self.unit_judged = 0
        self.negatives = self.clean_negatives = 0
        self.skipped: Counter[str] = Counter()

    def add_record(self, record: dict, result, *, scope,
                   wrong_kinds: frozenset[str] | None = None) -> None:
        gold = record["gold"]["figures"]
        figures = list(result.figures)
        if not gold:
            if not _GLUED_MEASURE.search(record["text"]):
                self.negatives += 1
                self.clean_negatives += not any(
                    wrong_kinds is None or f.kind in wrong_kinds for f in figures)
            return
        for item in gold:
            reason = scope(record, item)
            if reason:
                self.skipped[reason] += 1
                continue
            self._judge(item, figures)

    def _judge(self, item: dict, figures: list) -> None:
        self.items += 1
        best = most_overlapping(item, figures)
        if best is None:
            return
        self.found += 1
        want = gold_value(item)
        if want is not None and best.value is not None:
            self.right += abs(float(best.value) - want) <= 1e-6 * max(1.0, abs(want))
        code = _CURRENCY_CODES.get(item.get("unit") or "")
        if item.get("type") == "currency" and code:
            self.unit_judged += 1
            self.unit_right += best.unit == code

    def merge(self, other: Tally) -> None:
        for name in ("items", "found", "right", "unit_right", "unit_judged", "negatives",
                     "clean_negatives"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped.update(other.skipped)

    def metrics(self, name: str) -> dict[str, float]:
        shown: dict[str, float] = {
            f"{name}: in-scope items": self.items,
            f"{name}: found": self.found,
            f"{name}: value accuracy": self.right / self.items if self.items else 1.0,
            f"{name}: value accuracy on matched": self.right / self.found if self.found else 1.0,
        }
        if self.unit_judged:
            shown[f"{name}: currency code accuracy"] = self.unit_right / self.unit_judged
        if self.negatives:
            shown[f"{name}: negatives with no figure"] = self.clean_negatives / self.negatives
        return shown
