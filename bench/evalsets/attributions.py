"""Every PolNeAR attribution (direct, mixed and indirect) scored against quotes of any kind.

The rule of issue 19: a gold attribution is *found* when some returned quote shares at
least half of the shorter one's characters with its content fragments; a returned quote
is *right* when it shares at least half of the shorter one's characters with some gold
content. The speaker is judged on the found items: the best-overlapping quote's
``speaker.mention`` overlaps the gold source span, or there is no gold source and the
quote has no speaker.
"""

from __future__ import annotations

from collections import Counter

from bench.scoring import ratio
from service.extraction.records import Quote

KINDS = ("direct", "mixed", "indirect")


def new_tally() -> Counter:
    """Counts ``score`` adds to; ``metrics`` turns them into ratios."""
    return Counter()


def score(items: list[dict], quotes: list[Quote], tally: Counter) -> None:
    """Add one document's gold ``items`` and returned ``quotes`` to ``tally``."""
    contents = [_spans(g) for g in items]
    tally["predicted"] += len(quotes)
    for quote in quotes:
        right = any(_matches(quote, spans) for spans in contents)
        tally["predicted_right"] += right
        tally[f"predicted {quote.kind}"] += 1
        tally[f"predicted_right {quote.kind}"] += right
    for gold, spans in zip(items, contents, strict=True):
        kind = gold["kind_heuristic"]
        tally["gold"] += 1
        tally[f"gold {kind}"] += 1
        matching = [q for q in quotes if _matches(q, spans)]
        if not matching:
            continue
        tally["found"] += 1
        tally[f"found {kind}"] += 1
        best = max(matching, key=lambda q: (_overlap(q, spans), -q.start_char))
        tally["speaker_match"] += _speaker_agrees(gold.get("speaker_mention"), best)


def metrics(t: Counter) -> dict[str, float | int | str]:
    """Recall, precision, F1, per-kind recall and precision, speaker-mention match."""
    recall = ratio(t["found"], t["gold"])
    precision = ratio(t["predicted_right"], t["predicted"])
    result: dict[str, float | int | str] = {
        "all attributions (gold)": t["gold"],
        "all: predicted quotes (any kind)": t["predicted"],
        "all: recall": recall,
        "all: precision": precision,
        "all: F1": ratio(2 * precision * recall, precision + recall),
        "all: speaker-mention match (found)": ratio(t["speaker_match"], t["found"]),
    }
    for kind in KINDS:
        result[f"all: recall {kind}"] = f"{t[f'found {kind}']}/{t[f'gold {kind}']}"
    for kind in ("direct", "partial", "indirect"):
        result[f"all: precision of {kind} quotes"] = \
            f"{t[f'predicted_right {kind}']}/{t[f'predicted {kind}']}"
    return result


def _spans(gold: dict) -> list[tuple[int, int]]:
    return [(s, e) for s, e in gold.get("spans") or [[gold["start"], gold["end"]]]]


def _overlap(quote: Quote, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e, quote.end_char) - max(s, quote.start_char)) for s, e in spans)


def _matches(quote: Quote, spans: list[tuple[int, int]]) -> bool:
    shorter = min(quote.end_char - quote.start_char, sum(e - s for s, e in spans))
    shared = _overlap(quote, spans)
    return shared > 0 and 2 * shared >= shorter


def _speaker_agrees(source: dict | None, quote: Quote) -> bool:
    mention = quote.speaker.mention if quote.speaker else None
    if source is None:
        return quote.speaker is None
    if mention is None:
        return False
    spans = source.get("spans") or [[source["start"], source["end"]]]
    return any(mention.start_char < e and s < mention.end_char for s, e in spans)
