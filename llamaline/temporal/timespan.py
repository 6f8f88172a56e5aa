"""Constructors and arithmetic for TimeSpan: one place that knows calendars and EDTF."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..models import TimeSpan

# EDTF level 1 season codes (21 spring .. 24 winter); winter runs into the next year.
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day(year: int, month: int, dom: int) -> TimeSpan:
    d = date(year, month, dom)
    return TimeSpan(edtf=d.isoformat(), start=d, end=d, precision="day")


def month(year: int, month_: int) -> TimeSpan:
    return TimeSpan(
        edtf=f"{year:04d}-{month_:02d}",
        start=date(year, month_, 1),
        end=date(year, month_, last_day(year, month_)),
        precision="month",
    )


def year(year_: int) -> TimeSpan:
    return TimeSpan(edtf=f"{year_:04d}", start=date(year_, 1, 1), end=date(year_, 12, 31), precision="year")


def quarter(year_: int, q: int) -> TimeSpan:
    first = 3 * (q - 1) + 1
    return TimeSpan(
        edtf=f"{year_:04d}-{32 + q}",  # EDTF level 2: 33..36 are quarters 1..4
        start=date(year_, first, 1),
        end=date(year_, first + 2, last_day(year_, first + 2)),
        precision="quarter",
    )


def half(year_: int, h: int) -> TimeSpan:
    first, last = (1, 6) if h == 1 else (7, 12)
    return TimeSpan(
        edtf=f"{year_:04d}-{first:02d}/{year_:04d}-{last:02d}",
        start=date(year_, first, 1),
        end=date(year_, last, last_day(year_, last)),
        precision="interval",
    )


def season(year_: int, name: str) -> TimeSpan:
    """Meteorological seasons; winter of a year starts in its December."""
    first, last = _SEASON_MONTHS[name]
    end_year = year_ + 1 if last < first else year_
    return TimeSpan(
        edtf=f"{year_:04d}-{SEASON_CODES[name]}",
        start=date(year_, first, 1),
        end=date(end_year, last, last_day(end_year, last)),
        precision="season",
    )


def interval(start: date, end: date, edtf: str | None = None) -> TimeSpan:
    """An arbitrary span; the EDTF string is `start/end` unless a coarser one is given."""
    if end < start:
        start, end = end, start
    return TimeSpan(edtf=edtf or f"{start.isoformat()}/{end.isoformat()}", start=start, end=end, precision="interval")


def span_between(first: TimeSpan, last: TimeSpan) -> TimeSpan:
    """From the start of `first` to the end of `last`, e.g. "von April bis Juni"."""
    start, end = min(first.start, last.start), max(first.end, last.end)
    return interval(start, end, f"{_edtf_lower(first)}/{_edtf_upper(last)}")


def cover(spans: list[TimeSpan]) -> TimeSpan:
    """The smallest span containing all `spans` (a single span comes back unchanged)."""
    if len(spans) == 1:
        return spans[0]
    first = min(spans, key=lambda s: (s.start, s.end))
    last = max(spans, key=lambda s: (s.end, -s.start.toordinal()))
    return span_between(first, last)


def intersect(a: TimeSpan, b: TimeSpan) -> TimeSpan | None:
    """The overlap of two spans, keeping the finer named span where one contains the other."""
    if not a.overlaps(b):
        return None
    if a.contains(b):
        return b
    if b.contains(a):
        return a
    return interval(max(a.start, b.start), min(a.end, b.end))


def width(span: TimeSpan) -> int:
    return (span.end - span.start).days + 1


def shift_days(d: date, days: int) -> date:
    """`d` moved by `days`, saturating at the ends of the calendar (1 January 1, 31 December 9999)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _edtf_lower(span: TimeSpan) -> str:
    return span.edtf.split("/")[0]


def _edtf_upper(span: TimeSpan) -> str:
    return span.edtf.split("/")[-1]


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso(value: object) -> TimeSpan:
    """An ISO 8601 date of any precision ("2025-05-15", "2025-05", "2025") as a span.

    Raises ValueError with a message fit for users on anything else.
    """
    if isinstance(value, date):
        return day(value.year, value.month, value.day)
    if isinstance(value, int):
        value = str(value)
    text = str(value).strip()
    match = _ISO.match(text)
    if not match:
        raise ValueError(f"not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    y, m, d = (int(g) if g else None for g in match.groups())
    try:
        if d is not None:
            return day(y, m, d)  # type: ignore[arg-type]
        if m is not None:
            return month(y, m)  # type: ignore[arg-type]
        return year(y)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ValueError(f"not a calendar date: {text!r} ({exc})") from None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_THIRDS = {(1, 10): "early", (11, 20): "mid", (21, 31): "late"}


def describe(span: TimeSpan) -> str:
    """The span in English words that keep its precision: '15 May 2025', 'May 2025', 'early April 2025'."""
    s, e = span.start, span.end
    if s == e:
        return f"{s.day} {_MONTHS[s.month - 1]} {s.year}"
    if span.precision == "season":
        name = next(n for n, c in SEASON_CODES.items() if span.edtf.endswith(f"-{c}"))
        return f"{name} {s.year}"
    if span.precision == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    whole_months = s.day == 1 and e.day == last_day(e.year, e.month)
    if whole_months and s.year == e.year and (s.month, e.month) == (1, 12):
        return str(s.year)
    if whole_months and (s.year, s.month) == (e.year, e.month):
        return f"{_MONTHS[s.month - 1]} {s.year}"
    if whole_months and s.year == e.year and (s.month, e.month) in ((1, 6), (7, 12)):
        return f"H{1 if s.month == 1 else 2} {s.year}"
    if (s.year, s.month) == (e.year, e.month):
        third = _THIRDS.get((s.day, 31 if e.day == last_day(e.year, e.month) else e.day))
        if third:
            return f"{third} {_MONTHS[s.month - 1]} {s.year}"
        return f"{s.day}–{e.day} {_MONTHS[s.month - 1]} {s.year}"
    if whole_months:
        left = _MONTHS[s.month - 1][:3] + ("" if s.year == e.year else f" {s.year}")
        return f"{left} – {_MONTHS[e.month - 1][:3]} {e.year}"
    left = f"{s.day} {_MONTHS[s.month - 1][:3]}" + ("" if s.year == e.year else f" {s.year}")
    return f"{left} – {e.day} {_MONTHS[e.month - 1][:3]} {e.year}"
