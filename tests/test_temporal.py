"""The temporal tagger: German and English tables, not-time cases, data files, and properties."""

from __future__ import annotations

from datetime import date

import pytest

from llamaline.temporal import timespan as ts
from llamaline.temporal import tag
from tests.temporal import de_rows, en_rows
from tests.temporal.rows import Row


def span_of(edtf: str):
    """Bounds an EDTF string of the tables stands for (day, month, year, season, quarter, a/b)."""
    if "/" in edtf:
        first, last = edtf.split("/")
        return span_of(first)[0], span_of(last)[1]
    parts = edtf.split("-")
    if len(parts) == 2 and int(parts[1]) > 12:
        code = int(parts[1])
        y = int(parts[0])
        if 21 <= code <= 24:
            s = ts.season(y, ["spring", "summer", "autumn", "winter"][code - 21])
        else:
            s = ts.quarter(y, code - 32)
        return s.start, s.end
    s = ts.parse_iso(edtf)
    return s.start, s.end


def precision_of(edtf: str) -> str:
    if "/" in edtf:
        return "interval"
    parts = edtf.split("-")
    if len(parts) == 3:
        return "day"
    if len(parts) == 2:
        code = int(parts[1])
        return "month" if code <= 12 else ("season" if code <= 24 else "quarter")
    return "year"


def check(row: Row, language: str) -> None:
    published = ts.parse_iso(row.published) if row.published else None
    found = tag(row.text, published, language)
    for e in found:
        assert row.text[e.start:e.end] == e.text
    if row.kind == "none":
        assert all(e.text != row.expect for e in found), found
        return
    hits = [e for e in found if e.text == row.expect]
    assert hits, f"{row.expect!r} not found; got {[e.text for e in found]}"
    e = hits[0]
    assert e.kind == row.kind
    assert e.resolved == row.resolved
    if row.edtf is None:
        assert e.when is None
        return
    assert e.when is not None
    assert e.when.edtf == row.edtf
    start, end = span_of(row.edtf)
    assert e.when.start == (date.fromisoformat(row.start) if row.start else start)
    assert e.when.end == (date.fromisoformat(row.end) if row.end else end)
    assert e.when.precision == (row.precision or precision_of(row.edtf))
    assert e.modifier == row.modifier


@pytest.mark.parametrize("row", de_rows.ROWS, ids=str)
def test_german(row: Row) -> None:
    check(row, "de")


@pytest.mark.parametrize("row", en_rows.ROWS, ids=str)
def test_english(row: Row) -> None:
    check(row, "en")


@pytest.mark.parametrize("text", de_rows.NEGATIVES)
def test_german_not_time(text: str) -> None:
    assert tag(text, ts.parse_iso("2025-05-15"), "de") == []


@pytest.mark.parametrize("text", en_rows.NEGATIVES)
def test_english_not_time(text: str) -> None:
    assert tag(text, ts.parse_iso("2025-05-15"), "en") == []


def test_tables_are_big_enough() -> None:
    assert len(de_rows.ROWS) >= 200
    assert len(en_rows.ROWS) >= 150


def test_offsets_with_start_and_end() -> None:
    text = "Intro. Im April 2024 begann es. Im Mai 2025 endete es."
    cut = text.index("Im Mai")
    found = tag(text, ts.parse_iso("2025-05-15"), "de", start=cut)
    assert [e.text for e in found] == ["Mai 2025"]
    assert text[found[0].start:found[0].end] == "Mai 2025"
    found = tag(text, ts.parse_iso("2025-05-15"), "de", end=cut)
    assert [e.text for e in found] == ["April 2024"]


def test_results_are_sorted_and_disjoint() -> None:
    text = "Seit April 2024 und bis Ende 2025, spätestens im Herbst, gestern und heute, Q2 2025."
    found = tag(text, ts.parse_iso("2025-05-15"), "de")
    assert len(found) >= 5
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_unknown_language() -> None:
    with pytest.raises(KeyError):
        tag("im April", None, "xx")
