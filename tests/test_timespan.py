"""Time spans: constructors, EDTF strings, and the words the views use."""

from __future__ import annotations

from datetime import date

import pytest

from llamaline.temporal import timespan as ts


@pytest.mark.parametrize(
    "value, edtf, start, end, precision",
    [
        ("2025-05-15", "2025-05-15", date(2025, 5, 15), date(2025, 5, 15), "day"),
        ("2025-02", "2025-02", date(2025, 2, 1), date(2025, 2, 28), "month"),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2025", "2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        (2025, "2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        (date(2026, 1, 3), "2026-01-03", date(2026, 1, 3), date(2026, 1, 3), "day"),
    ],
)
def test_parse_iso_keeps_precision(value, edtf, start, end, precision):
    span = ts.parse_iso(value)
    assert (span.edtf, span.start, span.end, span.precision) == (edtf, start, end, precision)


@pytest.mark.parametrize("value", ["May 2025", "2025-5", "25-05-15", "2025-02-30", "2025-00", ""])
def test_parse_iso_rejects_other_forms(value):
    with pytest.raises(ValueError):
        ts.parse_iso(value)


def test_seasons_quarters_halves():
    winter = ts.season(2025, "winter")
    assert (winter.edtf, winter.start, winter.end) == ("2025-24", date(2025, 12, 1), date(2026, 2, 28))
    assert ts.season(2025, "autumn").edtf == "2025-23"
    q2 = ts.quarter(2025, 2)
    assert (q2.start, q2.end, q2.precision) == (date(2025, 4, 1), date(2025, 6, 30), "quarter")
    h2 = ts.half(2025, 2)
    assert (h2.start, h2.end, h2.edtf) == (date(2025, 7, 1), date(2025, 12, 31), "2025-07/2025-12")


def test_intersect_and_cover():
    april, late_april = ts.month(2025, 4), ts.interval(date(2025, 4, 21), date(2025, 4, 30))
    assert ts.intersect(april, late_april) == late_april
    assert ts.intersect(april, ts.month(2025, 5)) is None
    both = ts.cover([ts.month(2025, 12), ts.month(2026, 1)])
    assert (both.edtf, both.start, both.end, both.precision) == (
        "2025-12/2026-01", date(2025, 12, 1), date(2026, 1, 31), "interval"
    )


@pytest.mark.parametrize(
    "span, words",
    [
        (ts.day(2025, 5, 15), "15 May 2025"),
        (ts.month(2025, 4), "April 2025"),
        (ts.year(2025), "2025"),
        (ts.quarter(2025, 3), "Q3 2025"),
        (ts.half(2025, 1), "H1 2025"),
        (ts.season(2025, "autumn"), "autumn 2025"),
        (ts.interval(date(2025, 4, 1), date(2025, 4, 10)), "early April 2025"),
        (ts.interval(date(2025, 4, 11), date(2025, 4, 20)), "mid April 2025"),
        (ts.interval(date(2025, 4, 21), date(2025, 4, 30)), "late April 2025"),
        (ts.interval(date(2025, 12, 1), date(2026, 1, 31)), "Dec 2025 – Jan 2026"),
        (ts.interval(date(2025, 4, 30), date(2025, 5, 30)), "30 Apr – 30 May 2025"),
    ],
)
def test_describe_keeps_precision_in_words(span, words):
    assert ts.describe(span) == words
