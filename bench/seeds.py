"""Score the pipeline against a gold file in the seeds' format (seeds/README.md).

A gold article names its text either by ``file`` (beside the gold file, as in seeds/)
or by ``source``: ``{"set": "polnear/dev.jsonl", "id": "<record id>"}``, a record of
the team's eval data under ``../shared/eval`` (bench/devset/). Texts from ``source``
are sent with the gold ``published`` as the request's date, as a client would.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from bench.evalsets import Extract
from bench.scoring import Counts, match, names, norm
from service.extraction.records import ExtractionResult

FIELDS = ("published", "dateline", "bylines", "dates", "actors", "locations", "quotes", "figures")
EVAL_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def score_gold_file(path: Path, extract: Extract, *, eval_root: Path = EVAL_ROOT
                    ) -> dict[str, Counts]:
    """Run every article of the gold file and add up the counts per field."""
    totals = {name: Counts() for name in FIELDS}
    for article, text, published in gold_articles(path, eval_root=eval_root):
        result = extract(text, published)
        for name, counts in score_article(result, article, text=text).items():
            totals[name].add(counts)
    return totals


def gold_articles(path: Path, *, eval_root: Path = EVAL_ROOT
                  ) -> list[tuple[dict, str, date | None]]:
    """Each gold article with its text and the ``published`` date to send with it.

    Raises ``FileNotFoundError`` naming the missing eval file when a ``source``
    article's set is not under ``eval_root`` (a clone without ../shared).
    """
    records: dict[str, dict[str, dict]] = {}
    found = []
    for article in json.loads(path.read_text(encoding="utf-8")):
        if "file" in article:
            text = (path.parent / article["file"]).read_text(encoding="utf-8")
            found.append((article, text, None))
            continue
        source = article["source"]
        if source["set"] not in records:
            records[source["set"]] = _eval_records(path, eval_root / source["set"])
        record = records[source["set"]][source["id"]]
        found.append((article, record["text"], published_of(article["published"])))
    return found


def _eval_records(gold: Path, file: Path) -> dict[str, dict]:
    if not file.is_file():
        raise FileNotFoundError(
            f"{gold} refers to eval records in {file}, which does not exist: the texts "
            "stay in the team's ../shared/eval (beside the repository); pass --eval-root "
            "to point elsewhere")
    with file.open(encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def score_article(result: ExtractionResult, gold: dict, *, text: str | None = None
                  ) -> dict[str, Counts]:
    """Counts per field for one article's prediction against its gold annotation.

    With the article ``text``, gold items with repeated wording (two "Thursday"s)
    are placed at their successive occurrences so each pairs with the nearest prediction.
    """
    if text is not None:
        gold = {**gold, **{field: _placed(gold[field], text)
                           for field in ("dates", "quotes", "figures")}}
    return {
        "published": _score_published(result, gold),
        "dateline": _score_dateline(result, gold),
        "bylines": match([b.name for b in result.article.bylines],
                         [{"name": n} for n in gold["bylines"]],
                         lambda p, g: norm(p) == norm(g["name"]))[0],
        "dates": _score_dates(result, gold),
        "actors": _score_actors(result, gold),
        "locations": _score_locations(result, gold),
        "quotes": _score_quotes(result, gold),
        "figures": _score_figures(result, gold),
    }


def _placed(items: list[dict], text: str) -> list[dict]:
    """Copy gold items with ``_at``: the k-th occurrence of their text for its k-th item.

    Occurrences are whole words where there are any ("800" is not the end of
    "A380-800"), so a number is placed where it stands alone.
    """
    placed, searched_from = [], {}
    for item in items:
        key = item["text"]
        at = _occurrence(text, key, searched_from.get(key, 0))
        searched_from[key] = at + 1 if at >= 0 else len(text)
        placed.append({**item, "_at": at if at >= 0 else None})
    return placed


def _occurrence(text: str, key: str, start: int) -> int:
    """First whole-word occurrence of ``key`` from ``start``, else its first occurrence."""
    before = r"(?<![\w-])" if key[:1].isalnum() else ""
    after = r"(?!\w)" if key[-1:].isalnum() else ""
    found = re.compile(before + re.escape(key) + after).search(text, start)
    return found.start() if found else text.find(key, start)


def _distance(predicted, expected: dict) -> float:
    at = expected.get("_at")
    return abs(predicted.start_char - at) if at is not None else float("inf")


def _score_published(result: ExtractionResult, gold: dict) -> Counts:
    counts = Counts()
    counts.judge("exact", result.date.published == gold["published"])
    return counts


def _score_dateline(result: ExtractionResult, gold: dict) -> Counts:
    predicted = result.article.dateline
    expected = gold.get("dateline")
    counts = Counts()
    if predicted is None and expected is None:
        return counts
    if predicted is None:
        counts.fn = 1
    elif expected is None:
        counts.fp = 1
    elif norm(expected["place"]) in norm(predicted.text):
        counts.tp = 1
    else:
        counts.fp = counts.fn = 1
    return counts


def _score_dates(result: ExtractionResult, gold: dict) -> Counts:
    counts, pairs = match(result.date.mentions, gold["dates"],
                          lambda p, g: norm(p.text) == norm(g["text"]), _distance)
    for predicted, expected in pairs:
        counts.judge("value", predicted.value == expected["value"])
    return counts


def _score_actors(result: ExtractionResult, gold: dict) -> Counts:
    counts, pairs = match(result.actors, gold["actors"],
                          lambda p, g: bool(names(p) & names(g)))
    named = [names(item) for item in gold["actors"] + gold["locations"]]
    for predicted, expected in pairs:
        counts.judge("kind", predicted.kind == expected["kind"])
        counts.judge("title", _same_titles(predicted.titles, expected["titles"]))
        counts.judge("affiliation",
                     _same_affiliation(predicted.affiliation, expected.get("affiliation"), named))
    return counts


def _same_affiliation(predicted: str | None, expected: str | None,
                      named: list[set[str]]) -> bool:
    """Equal, or two names of one actor or place of the article ("UAW", "United Auto Workers")."""
    got, want = norm(predicted), norm(expected)
    if got == want:
        return True
    return bool(got and want) and any(got in forms and want in forms for forms in named)


def _same_titles(predicted: tuple[str, ...], expected: list[str]) -> bool:
    if not expected:
        return not predicted
    return bool({norm(t) for t in predicted} & {norm(t) for t in expected})


def _score_locations(result: ExtractionResult, gold: dict) -> Counts:
    counts, pairs = match(result.locations, gold["locations"],
                          lambda p, g: bool(names(p) & names(g)))
    for predicted, expected in pairs:
        counts.judge("country_code", predicted.country_code == expected.get("country_code"))
        counts.judge("kind", predicted.kind == expected["kind"])
    return counts


def _score_quotes(result: ExtractionResult, gold: dict) -> Counts:
    """The seeds' gold lists quotation-mark (and colon) quotes only: indirect quotes,
    reported speech without marks, are left out of this score."""
    marked = [q for q in result.quotes if q.kind != "indirect"]
    counts, pairs = match(marked, gold["quotes"],
                          lambda p, g: norm(p.text) == norm(g["text"]), _distance)
    aliases = {norm(a["name"]): names(a) for a in gold["actors"]}
    for predicted, expected in pairs:
        counts.judge("speaker", _same_speaker(predicted, expected, aliases))
        counts.judge("kind", predicted.kind == expected["kind"])
        counts.judge("cue", norm(predicted.cue) == norm(expected.get("cue")))
    return counts


def _same_speaker(predicted, expected: dict, aliases: dict[str, set[str]]) -> bool:
    want = expected.get("speaker")
    got = predicted.speaker.name if predicted.speaker else None
    if want is None or got is None:
        return want is None and got is None
    return norm(got) in aliases.get(norm(want), {norm(want)})


def _score_figures(result: ExtractionResult, gold: dict) -> Counts:
    counts, pairs = match(result.figures, gold["figures"],
                          lambda p, g: norm(p.text) == norm(g["text"]), _distance)
    for predicted, expected in pairs:
        counts.judge("value", _same_number(predicted.value, expected.get("value")))
        counts.judge("unit", norm(predicted.unit) == norm(expected.get("unit")))
        counts.judge("kind", predicted.kind == expected.get("kind"))
        counts.judge("qualifier", norm(predicted.qualifier) == norm(expected.get("qualifier")))
    return counts


def _same_number(got: float | int | None, want: float | int | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return abs(float(got) - float(want)) <= 1e-9 * max(1.0, abs(float(want)))


def published_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
