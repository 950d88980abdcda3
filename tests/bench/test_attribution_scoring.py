"""The all-attributions scorer of PolNeAR (issue 19's rule), on hand-made cases."""

from __future__ import annotations

from bench.evalsets import attributions
from service.extraction.records import Quote, Speaker, TextSpan


def _gold(start: int, end: int, kind: str, source: tuple[int, int] | None) -> dict:
    mention = None if source is None else {"start": source[0], "end": source[1]}
    return {"start": start, "end": end, "spans": [[start, end]], "kind_heuristic": kind,
            "speaker_mention": mention}


def _quote(start: int, end: int, kind: str, mention: tuple[int, int] | None) -> Quote:
    speaker = None if mention is None else Speaker(
        None, "x", TextSpan("x" * (mention[1] - mention[0]), *mention))
    return Quote("q", "x" * (end - start), start, end, kind, "said", None, speaker)


def test_half_of_the_shorter_one_is_a_match() -> None:
    tally = attributions.new_tally()
    gold = [_gold(10, 50, "indirect", (0, 5)), _gold(100, 120, "direct", None)]
    quotes = [_quote(30, 40, "indirect", (0, 3)),  # inside the first: found, right
              _quote(115, 160, "direct", None),  # 5 of 20 shared: neither
              _quote(200, 210, "partial", None)]  # no gold: wrong
    attributions.score(gold, quotes, tally)
    metrics = attributions.metrics(tally)
    assert metrics["all: recall"] == 0.5
    assert metrics["all: precision"] == 1 / 3
    assert metrics["all: recall indirect"] == "1/1"
    assert metrics["all: recall direct"] == "0/1"
    assert metrics["all: speaker-mention match (found)"] == 1.0


def test_no_source_agrees_only_with_no_speaker() -> None:
    tally = attributions.new_tally()
    attributions.score([_gold(0, 10, "indirect", None)], [_quote(0, 10, "indirect", (20, 25))],
                       tally)
    attributions.score([_gold(0, 10, "indirect", None)], [_quote(0, 10, "indirect", None)],
                       tally)
    assert attributions.metrics(tally)["all: speaker-mention match (found)"] == 0.5
