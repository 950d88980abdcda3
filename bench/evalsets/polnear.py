"""PolNeAR attributions scored as SPEC quotes: quotation-mark quotes and their speaker mention.

Gold items are the attributions whose content carries quotation marks
(``kind_heuristic`` ``direct`` or ``mixed``; see ../shared/eval/polnear/README.md).
A gold item is *found* when a predicted quote overlaps its content (for ``direct``
items, the part inside the marks). On the found items with a gold source, the
speaker matches when the predicted ``speaker.mention`` overlaps the gold
``speaker_mention`` (the mention as written: a name, a description or a pronoun).
A folder path scores ``test.jsonl``; pass ``dev.jsonl`` to develop on dev.

These quotation-mark metrics read only the quotes that are not ``indirect`` (so they
measure what they did before reported speech was extracted). The ``all:`` metrics
(``bench/evalsets/attributions.py``) score every attribution against quotes of any kind.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.evalsets import Extract, attributions
from bench.scoring import ratio
from bench.seeds import published_of
from service.extraction.records import Quote

_MARKED = frozenset({"direct", "mixed"})


def evaluate(path: Path, extract: Extract, *,
             limit: int | None = None) -> dict[str, float | int | str]:
    """Quote recall/precision and speaker-mention match on the quotation-mark items,
    then on all attributions."""
    file = path / "test.jsonl" if path.is_dir() else path
    tally = {"gold": 0, "found": 0, "predicted": 0, "predicted_right": 0,
             "predicted_any": 0, "with_source": 0, "speaker_match": 0,
             "no_source": 0, "no_source_null": 0}
    every = attributions.new_tally()
    with file.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                break
            record = json.loads(line)
            result = extract(record["text"], published_of(record.get("published")))
            quotes = list(result.quotes)
            _score(record, [q for q in quotes if q.kind != "indirect"], tally)
            attributions.score(record["gold"]["quotes"], quotes, every)
    return {**_metrics(tally), **attributions.metrics(every)}


def _score(record: dict, quotes: list[Quote], tally: dict[str, int]) -> None:
    items = record["gold"]["quotes"]
    marked = [q for q in items if q["kind_heuristic"] in _MARKED]
    tally["gold"] += len(marked)
    tally["predicted"] += len(quotes)
    for quote in quotes:
        tally["predicted_right"] += any(_overlap(quote, _content(g)) for g in marked)
        tally["predicted_any"] += any(_overlap(quote, _content(g)) for g in items)
    for gold in marked:
        best = _best_quote(quotes, _content(gold))
        if best is None:
            continue
        tally["found"] += 1
        source = gold.get("speaker_mention")
        if source is None:
            tally["no_source"] += 1
            tally["no_source_null"] += best.speaker is None
            continue
        tally["with_source"] += 1
        mention = best.speaker.mention if best.speaker else None
        if mention is not None:
            spans = source.get("spans") or [[source["start"], source["end"]]]
            tally["speaker_match"] += any(
                mention.start_char < e and s < mention.end_char for s, e in spans)


def _content(gold: dict) -> list[tuple[int, int]]:
    inside = gold.get("inside_marks")
    if inside:
        return [(inside["start"], inside["end"])]
    return [(s, e) for s, e in gold.get("spans") or [[gold["start"], gold["end"]]]]


def _overlap(quote: Quote, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e, quote.end_char) - max(s, quote.start_char)) for s, e in spans)


def _best_quote(quotes: list[Quote], spans: list[tuple[int, int]]) -> Quote | None:
    scored = [(_overlap(q, spans), -q.start_char, q) for q in quotes]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def _metrics(t: dict[str, int]) -> dict[str, float]:
    recall = ratio(t["found"], t["gold"])
    precision = ratio(t["predicted_right"], t["predicted"])
    return {
        "gold quotation-mark quotes": t["gold"],
        "predicted quotes": t["predicted"],
        "quote recall": recall,
        "quote precision": precision,
        "quote F1": ratio(2 * precision * recall, precision + recall),
        "precision vs any attribution": ratio(t["predicted_any"], t["predicted"]),
        "found with a gold source": t["with_source"],
        "speaker-mention match (found)": ratio(t["speaker_match"], t["with_source"]),
        "found with no gold source": t["no_source"],
        "  of which speaker null": ratio(t["no_source_null"], t["no_source"]),
    }
