"""The tagger's fast paths agree with their plain definitions, on the shipped words and on random ones."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from llamaline.temporal.interpret import reader
from llamaline.temporal.lexicon import alternation_branches, lexicon, merged_branches
from llamaline.temporal.patterns import _GATE_WORDS, _single, _starts, _units, gate, grammar, optional_as_branch


def _plain(bounded: set[str], glued: set[str], case_sensitive: frozenset[str]) -> re.Pattern[str]:
    """The definition: the bounded forms' trie first, then the glued forms' trie."""
    branches = (alternation_branches(bounded, case_sensitive)
                + alternation_branches(glued, case_sensitive, boundary=False))
    return re.compile("(?:" + "|".join(branches) + ")")


def _same_first_match(bounded: set[str], glued: set[str], case_sensitive: frozenset[str], text: str) -> None:
    plain = _plain(bounded, glued, case_sensitive)
    for paired in (False, True):
        merged = re.compile("(?:" + "|".join(merged_branches(bounded, glued, case_sensitive, paired)) + ")")
        for at in range(len(text) + 1):
            a, b = plain.match(text, at), merged.match(text, at)
            assert (a and a.end()) == (b and b.end()), (text, at, paired)


letters = st.text(alphabet="aAbBmMoOnN.ß -", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(bounded=st.sets(letters, max_size=8), glued=st.sets(letters, max_size=4), exact=st.sets(letters, max_size=3),
       data=st.data())
def test_merged_branches_find_what_bounded_then_glued_find(bounded, glued, exact, data) -> None:
    case_sensitive = frozenset(exact & (bounded | glued))
    # Text made of the forms (spaces widened, case swapped) and of pieces of them.
    forms = sorted(bounded | glued) or ["a"]
    piece = st.one_of(st.sampled_from(forms).map(lambda f: f.replace(" ", "  ")),
                      st.sampled_from(forms).map(str.swapcase),
                      letters, st.sampled_from(["  ", " \n "]))
    _same_first_match(bounded, glued, case_sensitive, "".join(data.draw(st.lists(piece, max_size=6))))


@settings(max_examples=200, deadline=None)
@given(language=st.sampled_from(["de", "en"]), data=st.data())
def test_gate_words_merged_as_if_apart(language: str, data: st.DataObject) -> None:
    lex = lexicon(language)
    bounded, glued = lex._chosen(_GATE_WORDS), lex._chosen(("weekdays",))
    words = sorted(bounded | glued) + ["abend", "morgen", "s", ".", " ", "x"]
    text = "".join(data.draw(st.lists(st.sampled_from(words), max_size=6)))
    _same_first_match(bounded, glued, lex.case_sensitive, text)


def _plain_gate(language: str) -> re.Pattern[str]:
    """The gate as first written: the exact class of the character before an anchor, `[\\W` and Q/H/FY `]`,
    where `gate` skips with the superset lacking only the ASCII word characters."""
    skip, rest = gate(language).pattern.split("]", 1)
    assert skip.startswith("[^")
    glued = "".join(c for c in map(chr, range(128)) if re.match(r"\w", c) and re.match(skip + "]", c))
    return re.compile(rf"[\W{re.escape(glued)}]" + rest)


@settings(max_examples=300, deadline=None)
@given(language=st.sampled_from(["de", "en"]), data=st.data())
def test_gate_skips_as_the_exact_class_would(language: str, data: st.DataObject) -> None:
    lex = lexicon(language)
    words = sorted(lex._chosen(_GATE_WORDS))[::7] + ["2025", "15.", "3/", "Q2", "H1", "FY25", "GJ24", "'90er", "’90s"]
    pieces = st.one_of(st.sampled_from(words), st.sampled_from(list(" .,-/'’äöüßéÄ_1HJQYx\n")))
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    assert [m.span() for m in gate(language).finditer(text)] == [m.span() for m in _plain_gate(language).finditer(text)]


CORE_WORDS = ["April", "Mai", "May", "im", "Ende", "Mitte", "letzten", "nächsten", "Jahres", "des", "Jahr", "year",
              "2025", "2024/25", "15.", "3.", "Q2", "H1", "zweiten", "Quartal", "second", "half", "of", "Herbst",
              "fall", "Dienstag", "Tuesday", "next", "last", "KW", "20", "1990er", "90s", "gestern", "Wochenende",
              "FY25", "2025-05-15", "15.05.2025", "5/15/25", "29.", "Februar", "30.", "Jahresende", ",", " ", "-"]


@settings(max_examples=300, deadline=None)
@given(language=st.sampled_from(["de", "en"]), words=st.lists(st.sampled_from(CORE_WORDS), max_size=10))
def test_remembered_cores_are_what_reading_them_again_gives(language: str, words: list[str]) -> None:
    read = reader(language)
    text = " ".join(words)
    for at in range(len(text)):
        m = read.scan.match(text, at)
        if m is None:
            continue
        for name, group, _ in read.core_groups:  # noqa: B007 - a search: the group found is used after the loop
            if m.start(group) >= 0:
                break
        else:
            continue
        remembered, fresh = read.core(m), read._core(m, name)
        if fresh is None:
            assert remembered is None
            continue
        # Meanings with functions inside (yearless, relative) are compared by what they give.
        assert (remembered.name, remembered.start, remembered.end) == (fresh.name, fresh.start, fresh.end)
        assert _fields(remembered) == _fields(fresh)
        assert _spans(remembered.meaning) == _spans(fresh.meaning)


def _fields(c) -> tuple:
    return c.directional, c.bare, c.plain_year, c.needs_context, c.period, c.modifier


def _spans(meaning) -> object:
    from datetime import date

    from llamaline.temporal.resolve import Relative, Yearless

    if isinstance(meaning, Yearless):
        return [_or_error(meaning.build, y) for y in (2023, 2024, 2025)]
    if isinstance(meaning, Relative):
        return [_or_error(meaning.at, d, w)
                for d in (date(2024, 2, 29), date(2025, 5, 15)) for w in ("past", "future", None)]
    return meaning


def _or_error(f, *args) -> object:
    try:
        return f(*args)
    except ValueError as e:
        return type(e)


@cache
def _bare_grammar(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The scanner's grammar without its first-words filter, and that filter."""
    g = grammar(language)
    bare = re.compile(optional_as_branch(rf"(?:(?P<N>{_units(g)})|(?P<S>{_single(g)}))"))
    return bare, re.compile(_starts(g))


@settings(max_examples=200, deadline=None)
@given(language=st.sampled_from(["de", "en"]), data=st.data())
def test_every_expression_starts_with_a_first_word(language: str, data: st.DataObject) -> None:
    bare, starts = _bare_grammar(language)
    lex = lexicon(language)
    words = sorted({w for section, table in lex.data.items() if isinstance(table, dict)
                    for w in lex.forms(section)}) + ["2025", "15.", "3", "Q2", "H1", "'90er", "KW 20", "12.05.2025"]
    text = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=6)))
    for at in range(len(text)):
        if bare.match(text, at):
            assert starts.match(text, at), (text, at)
