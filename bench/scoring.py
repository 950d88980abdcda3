"""Matching predictions to gold items and counting precision, recall and F1.

The rules are those of seeds/README.md: every gold item is matched at most once;
a prediction matching an *optional* gold item is neither a hit nor an extra, and
an optional gold item left unmatched is not a miss.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Counts:
    """Hits, extras and misses of one field, plus per-attribute agreement on hits."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, judged]

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (right, judged) in other.agree.items():
            slot = self.agree.setdefault(name, [0, 0])
            slot[0] += right
            slot[1] += judged

    def judge(self, name: str, right: bool) -> None:
        slot = self.agree.setdefault(name, [0, 0])
        slot[0] += int(right)
        slot[1] += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        right, judged = self.agree.get(name, (0, 0))
        return right / judged if judged else None


Pair = tuple[Any, dict]


def match(
    predicted: Sequence[Any],
    gold: Sequence[dict],
    same: Callable[[Any, dict], bool],
    distance: Callable[[Any, dict], float] | None = None,
) -> tuple[Counts, list[Pair]]:
    """Pair predictions with gold items, each at most once; return counts and the hit pairs.

    With ``distance``, the nearest matching (prediction, gold) pairs are taken
    first (the same words said twice are told apart by where they are, and a
    "800" inside "A380-800" does not take the gold "800" of "800 passengers");
    without one, predictions are taken in order and required gold items are tried
    before optional ones, so an optional duplicate never steals a required match.
    """
    optional = [bool(item.get("optional")) for item in gold]
    if distance is None:
        candidates = [(0.0, k, i) for k, item in enumerate(predicted)
                      for i in sorted(range(len(gold)), key=lambda i: optional[i])
                      if same(item, gold[i])]
    else:
        candidates = sorted(((distance(item, gold[i]), k, i) for k, item in enumerate(predicted)
                             for i in range(len(gold)) if same(item, gold[i])),
                            key=lambda c: (c[0], optional[c[2]], c[1]))
    taken: dict[int, int] = {}
    for _, k, i in candidates:
        if k not in taken and i not in taken.values():
            taken[k] = i
    counts = Counts(fp=len(predicted) - len(taken))
    counts.tp = sum(1 for i in taken.values() if not optional[i])
    counts.fn = sum(1 for i in range(len(gold)) if not optional[i] and i not in taken.values())
    pairs = [(predicted[k], gold[i]) for k, i in sorted(taken.items()) if not optional[i]]
    return counts, pairs


def norm(text: str | None) -> str:
    """Comparison form of a name or quote: casefolded, straight apostrophes, no edge punctuation."""
    if text is None:
        return ""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = " ".join(text.split()).casefold()
    text = text.strip(" ,.;:!?\"'—–-")
    return text.removeprefix("the ")


def names(item: dict | Any, *fields: str) -> set[str]:
    """The normalised names of an item: its name plus every alias."""
    get = item.get if isinstance(item, dict) else lambda k, d=None: getattr(item, k, d)
    found: Iterable[str] = [get("name") or "", *(get("aliases") or ())]
    return {norm(n) for n in found if n} | {norm(get(f) or "") for f in fields} - {""}


def most_overlapping(item: dict, predictions: Sequence[Any]) -> Any | None:
    """The prediction whose span overlaps the gold ``item``'s span the most, if any."""
    best, best_overlap = None, 0
    for predicted in predictions:
        overlap = (min(item["end"], predicted.end_char)
                   - max(item["start"], predicted.start_char))
        if overlap > best_overlap:
            best, best_overlap = predicted, overlap
    return best


CONTENT_FIELDS = ("dates", "actors", "locations", "quotes", "figures")


def macro_f1(totals: dict[str, Counts], fields: Sequence[str] = CONTENT_FIELDS) -> float:
    """Unweighted mean of the fields' F1: each of the SPEC's five content fields counts alike."""
    return sum(totals[name].f1 for name in fields) / len(fields)


def speaker_right(quotes: Counts) -> tuple[int, int]:
    """Required gold quotes found *with* the right speaker, and all required gold quotes."""
    right, _ = quotes.agree.get("speaker", (0, 0))
    return right, quotes.tp + quotes.fn


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 0.0 when there is nothing to divide."""
    return part / whole if whole else 0.0
