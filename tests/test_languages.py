"""Language data: every language has the same files with the same keys, so one engine reads them all."""

from __future__ import annotations

from importlib import resources

import pytest

from llamaline import lang

PARTS = sorted(p.name[:-5] for p in resources.files("llamaline.lang").joinpath("de").iterdir() if p.name.endswith(".toml"))


def keys(table: dict, prefix: str = "") -> set[str]:
    out = set()
    for key, value in table.items():
        out.add(prefix + key)
        if isinstance(value, dict):
            out |= keys(value, prefix + key + ".")
    return out


def test_every_part_is_there():
    assert {"time", "events", "claims", "detect", "attribution"} <= set(PARTS)
    assert {"de", "en"} <= set(lang.languages())


@pytest.mark.parametrize("part", PARTS)
def test_languages_have_the_same_keys(part: str) -> None:
    tables = {code: keys(lang.load(code, part)) for code in lang.languages()}
    reference = tables["de"]
    for code, table in tables.items():
        assert table == reference, f"{part} of {code}: missing {sorted(reference - table)}, extra {sorted(table - reference)}"


@pytest.mark.parametrize("language", lang.languages())
def test_attribution_cues_live_in_one_table(language: str) -> None:
    """Mentions and claims name a sentence's source by one rule from one table: no other part has its own."""
    assert set(lang.load(language, "attribution")) == {"attribution"}
    assert {"before", "after", "reporting", "unnamed"} <= set(lang.load(language, "attribution")["attribution"])
    for part in PARTS:
        if part != "attribution":
            assert "attribution" not in lang.load(language, part), f"lang/{language}/{part}.toml has attribution cues"


def test_unknown_language_is_a_clear_key_error():
    with pytest.raises(KeyError, match="no language data"):
        lang.load("xx", "time")


@pytest.mark.parametrize("language", lang.languages())
def test_trigger_and_modality_labels_are_known(language: str) -> None:
    from llamaline.text.cues import check_labels

    check_labels(language, lang.load(language, "events"))  # the shipped data passes


def test_an_unknown_trigger_label_is_a_clear_error() -> None:
    from llamaline.text.cues import check_labels

    with pytest.raises(ValueError, match=r"\[triggers\] has unknown labels launch"):
        check_labels("xx", {"triggers": {"launch": ["launched"], "release": ["released"]}})
    with pytest.raises(ValueError, match=r"\[modality\] has unknown labels hoped"):
        check_labels("xx", {"modality": {"hoped": ["hope*"]}})
