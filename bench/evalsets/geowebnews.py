"""GeoWebNews (../shared/eval/geowebnews): toponyms by pragmatic type in 200 web news articles.

The gold keeps what the SPEC calls a location: literal and metonymic uses ("Turkey
said"), mixed and coerced ones, literal places inside a longer name, and place names
used as noun modifiers ("the Paris attacks"). Adjectival modifiers ("Syrian forces"),
demonyms, languages, homonyms, non-toponyms, places inside organisation names ("US
Army") and common-noun expressions ("the city") are negatives: a prediction on one
counts as a false positive. Matched toponyms are scored on their GeoNames ids (2,399
of the spans have one) and within 161 km.
"""

from __future__ import annotations

from pathlib import Path

from bench.evalsets import Extract
from bench.evalsets.toponyms import evaluate_toponyms

_LOCATION_TYPES = frozenset({"Literal", "Metonymic", "Mixed", "Coercion", "Embedded_Literal"})
_MODIFIER_TYPES = frozenset({"Literal_Modifier", "Non_Literal_Modifier"})


def is_location(gold: dict) -> bool:
    """A toponym the SPEC counts as a location mention; noun modifiers included."""
    if gold.get("modifier_type") == "Adjective":
        return False
    kind = gold.get("type")
    return kind in _LOCATION_TYPES or (kind in _MODIFIER_TYPES
                                       and gold.get("modifier_type") == "Noun")


def split_locations(golds: list[dict]) -> tuple[list[dict], list[dict]]:
    return [g for g in golds if is_location(g)], []


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    metrics = evaluate_toponyms(path, extract, limit=limit, split=split_locations)
    metrics.pop("f1 with adjectives in gold", None)  # "all spans" here means every common noun
    return metrics
