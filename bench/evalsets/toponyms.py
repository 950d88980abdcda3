"""Shared scoring for the toponym data sets (TR-News, LGL, GeoVirus): spans, then places.

Toponym spans are matched exactly (and, as a second view, by any overlap). Adjectival
gold toponyms ("Turkish" resolved to Turkey), which the SPEC excludes, are left out of
the gold, and a prediction on one is neither credited nor penalised. For matched
toponyms: exact GeoNames id accuracy and accuracy within 161 km (100 miles) of the gold
coordinates; a prediction without coordinates counts as a miss for both.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from bench.evalsets import Extract

_ADJECTIVAL = re.compile(r"(?:an|ian|ean|ese|ish|i|ch|ss)s?$", re.IGNORECASE)
_DEMONYM = re.compile(r"(?:an|ese|ish)s?$", re.IGNORECASE)
_COUNTRY_LIKE = frozenset({"PCLI", "PCLS", "PCLD", "PCLIX", "ADM1", "RGN", "CONT"})
KM_THRESHOLD = 161.0


def is_adjectival(gold: dict) -> bool:
    """ "Turkish", "Syrian", "Americans", "Sri Lankan": a demonym resolved to its country."""
    phrase, name = gold["text"].strip(), gold.get("name") or ""
    if phrase.casefold() in name.casefold() or len(phrase.split()) > 2:
        return False
    if gold.get("fcode") in _COUNTRY_LIKE:
        return bool(_ADJECTIVAL.search(phrase))
    return gold.get("fcode") is None and " " not in phrase and bool(_DEMONYM.search(phrase))


def records(path: Path, limit: int | None) -> Iterator[dict]:
    files = [path] if path.is_file() else sorted(path.glob("*.jsonl"))
    count = 0
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                if limit is not None and count >= limit:
                    return
                count += 1
                yield json.loads(line)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def split_adjectival(golds: list[dict]) -> tuple[list[dict], list[dict]]:
    """The gold toponyms to score, and the adjectival ones a prediction may overlap freely."""
    return ([g for g in golds if not is_adjectival(g)], [g for g in golds if is_adjectival(g)])


def evaluate_toponyms(path: Path, extract: Extract, *, limit: int | None = None,
                      by_class: bool = False,
                      split: Callable[[list[dict]], tuple[list[dict], list[dict]]] = (
                          split_adjectival)) -> dict[str, float]:
    tally: Counter[str] = Counter()
    for record in records(path, limit):
        published = date.fromisoformat(record["published"]) if record.get("published") else None
        result = extract(record["text"], published)
        predicted = {(m.start_char, m.end_char): loc for loc in result.locations
                     for m in loc.mentions}
        _score_document(record["gold"].get("locations", []), predicted, tally, split)
    return _metrics(tally, by_class)


def _score_document(golds: list[dict], predicted: dict, tally: Counter[str],
                    split: Callable[[list[dict]], tuple[list[dict], list[dict]]]) -> None:
    kept, adjectival = split(golds)
    gold_spans = {(g["start"], g["end"]): g for g in kept}
    all_spans = {(g["start"], g["end"]) for g in golds}
    for span in predicted:
        on_adjective = any(_overlap(span, (g["start"], g["end"])) for g in adjectival)
        if span not in gold_spans and not on_adjective:
            tally["fp"] += 1
        if span not in all_spans:
            tally["fp_all"] += 1
        if not any(_overlap(span, s) for s in gold_spans) and not on_adjective:
            tally["fp_overlap"] += 1
    tally["gold_all"] += len(golds)
    tally["tp_all"] += sum(1 for g in golds if (g["start"], g["end"]) in predicted)
    for gold in kept:
        span = (gold["start"], gold["end"])
        tally["gold"] += 1
        tally[f"gold:{gold.get('fclass') or '-'}"] += 1
        if any(_overlap(span, p) for p in predicted):
            tally["tp_overlap"] += 1
        location = predicted.get(span)
        if location is None:
            continue
        tally["tp"] += 1
        tally[f"tp:{gold.get('fclass') or '-'}"] += 1
        _score_place(gold, location, tally)


def _score_place(gold: dict, location, tally: Counter[str]) -> None:
    if gold.get("geonames_id"):
        tally["id_n"] += 1
        tally["id_ok"] += location.geonames_id == gold["geonames_id"]
    if gold.get("latitude") is not None:
        tally["km_n"] += 1
        if location.latitude is not None:
            km = distance_km(location.latitude, location.longitude,
                             gold["latitude"], gold["longitude"])
            tally["km_ok"] += km <= KM_THRESHOLD
    if gold.get("country_code"):
        tally["cc_n"] += 1
        tally["cc_ok"] += location.country_code == gold["country_code"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prf(tp: int, fp: int, gold: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _metrics(t: Counter[str], by_class: bool) -> dict[str, float]:
    p, r, f = _prf(t["tp"], t["fp"], t["gold"])
    po, ro, fo = _prf(t["tp_overlap"], t["fp_overlap"], t["gold"])
    pa, ra, fa = _prf(t["tp_all"], t["fp_all"], t["gold_all"])
    out: dict[str, float] = {
        "gold toponyms (adjectives out)": t["gold"], "precision": p, "recall": r, "f1": f,
        "overlap precision": po, "overlap recall": ro, "overlap f1": fo,
        "f1 with adjectives in gold": fa,
        "matched toponyms": t["tp"],
    }
    for label, key in (("geonames id accuracy", "id"), ("within 161 km", "km"),
                       ("country code accuracy", "cc")):
        if t[f"{key}_n"]:  # GeoVirus has coordinates only
            out[label] = t[f"{key}_ok"] / t[f"{key}_n"]
    if by_class:
        for key in sorted(k for k in t if k.startswith("gold:")):
            fclass = key.split(":", 1)[1]
            out[f"recall fclass {fclass} (n={t[key]})"] = t[f"tp:{fclass}"] / t[key]
    return out
