"""The toponym eval helpers and the gazetteer build's parsers, on hand-made cases."""

from __future__ import annotations

import importlib.util
import io
import tarfile

import pytest

from bench.evalsets.geowebnews import is_location
from bench.evalsets.toponyms import split_adjectival
from tests.conftest import ROOT


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer",
                                                  ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        ({"type": "Literal", "modifier_type": None}, True),
        ({"type": "Metonymic", "modifier_type": None}, True),  # "Turkey said"
        ({"type": "Literal_Modifier", "modifier_type": "Noun"}, True),  # "the Paris attacks"
        ({"type": "Literal_Modifier", "modifier_type": "Adjective"}, False),  # "Syrian forces"
        ({"type": "Mixed", "modifier_type": "Adjective"}, False),
        ({"type": "Demonym", "modifier_type": None}, False),
        ({"type": "Embedded_Non_Lit", "modifier_type": "Noun"}, False),  # "US Army"
        ({"type": "Literal_Expression", "modifier_type": None}, False),  # "the city"
    ],
)
def test_geowebnews_gold_follows_the_spec(gold, expected):
    assert is_location(gold) is expected


def test_adjectival_toponyms_are_set_apart():
    turkish = {"text": "Turkish", "name": "Turkey", "fcode": "PCLI"}
    turkey = {"text": "Turkey", "name": "Turkey", "fcode": "PCLI"}
    assert split_adjectival([turkish, turkey]) == ([turkey], [turkish])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dagestan, Respublika", "Dagestan"),
        ("Murcia, Región de", "Murcia"),
        ("Praha, Hlavní město", "Praha"),
        ("San Andrés, Providencia y Santa Catalina", None),
        ("Southern Nations, Nationalities and Peoples", None),
        ("Texas", None),
    ],
)
def test_inverted_region_names_give_their_head(name, expected):
    assert _build_script().inverted_head(name) == expected


def test_iso_names_are_folded_and_never_inverted():
    build = _build_script()
    assert "Cote d'Ivoire" in build.iso_names("CI")
    assert "Russian Federation" in build.iso_names("RU")
    assert all("," not in name for name in build.iso_names("KR"))
    assert build.iso_names("XX") == []


def test_dump_points_reads_countries_and_regions_of_a_geonames_dump(tmp_path):
    rows = ["2077456\tAustralia\tAustralia\t\t-25\t135\tA\tPCLI",
            "2152274\tQueensland\tQueensland\t\t-20\t145\tA\tADM1",
            "2147714\tSydney\tSydney\t\t-33.86\t151.2\tP\tPPLA"]
    data = ("\n".join(rows) + "\n").encode()
    path = tmp_path / "geonames.tgz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("package/data/AU.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    build = _build_script()
    assert build.dump_points(str(path)) == {2077456: (-25.0, 135.0), 2152274: (-20.0, 145.0)}
    assert build.dump_points(None) == {}
