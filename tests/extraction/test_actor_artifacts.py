"""Products are not actors; a company's short name joins its full name."""

from __future__ import annotations

from service.extraction.pipeline import run


def _names(language, text: str) -> set[str]:
    return {a.name for a in run(language, text).actors}


def test_name_in_apposition_to_a_version_is_a_product(language):
    text = ("Mac users are buzzing about Tiger, the newest version of the system. "
            "Apple said the update ships on Friday.")
    names = _names(language, text)
    assert "Tiger" not in names
    assert "Apple" in names


def test_name_after_a_product_noun_is_a_product(language):
    text = "Apple said the system includes web browser Safari, and a mail client."
    names = _names(language, text)
    assert "Safari" not in names
    assert "Apple" in names


def test_person_in_apposition_stays_an_actor(language):
    text = "The plan was drawn up by John Miller, the company's chief engineer."
    assert "John Miller" in _names(language, text)


def test_company_short_name_joins_its_full_name(language):
    text = ("Apple Computer has been on a steady pattern. "
            "Apple said on Monday that sales rose.")
    actors = run(language, text).actors
    apple = [a for a in actors if "Apple" in a.name]
    assert len(apple) == 1
    assert apple[0].name == "Apple Computer"
    assert "Apple" in apple[0].aliases


def test_name_only_modifying_a_product_noun_is_a_product(language):
    text = ("Sales of Macintosh computers rose this year. "
            "Analysts said Macintosh computers remain popular with designers.")
    assert "Macintosh" not in _names(language, text)


def test_maker_also_named_as_a_subject_stays_an_actor(language):
    text = ("Sales of Dell computers rose this year. "
            "Dell said on Monday that it would hire more engineers.")
    assert "Dell" in _names(language, text)
