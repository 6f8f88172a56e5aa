"""Sentence spans: offsets into the text, German and English abbreviations, ordinals, quotes, headings, lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llamaline.text.sentences import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def sentences(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, 0, len(text), language)]


CASES = [
    ("de", "Meta stellte z.B. neue Modelle vor. Dann kam die Kritik.",
     ["Meta stellte z.B. neue Modelle vor.", "Dann kam die Kritik."]),
    ("de", "Das kostet 3,5 Mio. Euro bzw. mehr. Dr. Müller sagt das u. a. auch.",
     ["Das kostet 3,5 Mio. Euro bzw. mehr.", "Dr. Müller sagt das u. a. auch."]),
    ("de", "Am 29. April kam die Konferenz. Am 1. Mai folgte der Rest.",
     ["Am 29. April kam die Konferenz.", "Am 1. Mai folgte der Rest."]),
    ("de", "Das geschah 2023. Danach kam Version 3.5 heraus.", ["Das geschah 2023.", "Danach kam Version 3.5 heraus."]),
    ("de", "Er sagte: „Wir sind bereit. Es geht los.“ Danach ging es weiter.",
     ["Er sagte: „Wir sind bereit. Es geht los.“", "Danach ging es weiter."]),
    ("de", "„Die Fortschritte sind gering“, sagt ein Forscher. Das gilt allgemein.",
     ["„Die Fortschritte sind gering“, sagt ein Forscher.", "Das gilt allgemein."]),
    ("de", "Holpriger Start der Reihe\nSchon der Auftakt verlief holprig.",
     ["Holpriger Start der Reihe", "Schon der Auftakt verlief holprig."]),
    ("de", "### Die Entwicklung\n\nText folgt hier.", ["Die Entwicklung", "Text folgt hier."]),
    ("de", "Fakten:\n  • Erster Punkt ohne Ende\n  • Zweiter Punkt.\n- Dritter\n1. Vierter",
     ["Fakten:", "Erster Punkt ohne Ende", "Zweiter Punkt.", "Dritter", "Vierter"]),
    ("de", "Ein Satz, der umbrochen\nwurde, bleibt ein Satz.", ["Ein Satz, der umbrochen\nwurde, bleibt ein Satz."]),
    ("de", "Was nun? Niemand weiß es! Weiter geht's.", ["Was nun?", "Niemand weiß es!", "Weiter geht's."]),
    ("en", "Mr. Smith went to Washington on Jan. 5. He said \"Hi. Bye.\" Then he left.",
     ["Mr. Smith went to Washington on Jan. 5.", "He said \"Hi. Bye.\"", "Then he left."]),
    ("en", "The U.S. firm, e.g. Acme Inc. in Ohio, grew 2.5 percent. Shares rose.",
     ["The U.S. firm, e.g. Acme Inc. in Ohio, grew 2.5 percent.", "Shares rose."]),
    ("en", "J. R. Smith joined in 2024. Results follow.", ["J. R. Smith joined in 2024.", "Results follow."]),
    ("en", "## Related articles\n- One teaser\n- Two teaser", ["Related articles", "One teaser", "Two teaser"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_split(language: str, text: str, expected: list[str]) -> None:
    assert sentences(text, language) == expected


def test_range_is_respected() -> None:
    text = "Vorher. Mitte eins. Mitte zwei. Nachher."
    start, end = text.index("Mitte eins"), text.index(" Nachher")
    spans = split_sentences(text, start, end, "de")
    assert [text[a:b] for a, b in spans] == ["Mitte eins.", "Mitte zwei."]


def test_unknown_language_falls_back() -> None:
    assert sentences("Un. Deux.", "fr") == ["Un.", "Deux."]


def _check_spans(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    previous = start
    for a, b in spans:
        assert previous <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        previous = b


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_corpus_offsets(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text, 0, len(text), "de")
    _check_spans(text, spans, 0, len(text))
    assert len(spans) > 10
    # every word of the text is in some sentence (nothing lost) except list markers
    covered = "".join(text[a:b] for a, b in spans)
    assert sum(ch.isalpha() for ch in covered) == sum(ch.isalpha() for ch in text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AZ.!?„“\"\n-•#19z")), max_size=120), st.sampled_from(["de", "en"]))
def test_spans_are_ordered_trimmed_and_inside(text: str, language: str) -> None:
    spans = split_sentences(text, 0, len(text), language)
    _check_spans(text, spans, 0, len(text))


def test_result_is_a_fresh_list() -> None:
    text = "Erster Satz. Zweiter Satz."
    first = split_sentences(text, 0, len(text), "de")
    first.clear()  # the caller's list is its own, although the spans of the last text are remembered
    assert sentences(text, "de") == ["Erster Satz.", "Zweiter Satz."]


@given(st.text(alphabet=st.sampled_from(list("ab AZ.!?…„“\"»)\n\t\u00a01")), max_size=80), st.integers(0, 10),
       st.integers(0, 10))
def test_terminal_marks_found_as_by_a_regex_search(text: str, cut_start: int, cut_end: int) -> None:
    """Sentence ends are looked for only where a mark is: the same matches a search of the text gives."""
    from llamaline.text.sentences import _TERMINAL, _terminals

    start, end = min(cut_start, len(text)), max(min(len(text) - cut_end, len(text)), 0)
    expected = [m.span() for m in _TERMINAL.finditer(text, start, end)]
    assert [m.span() for m in _terminals(text, start, end)] == expected
