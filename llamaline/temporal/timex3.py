"""TIMEX3 notation for what the tagger found: a `type` (DATE, TIME, DURATION, SET) and a `value`.

The value is written from the resolved span where the words name a calendar period ("1998-01-20",
"1989-11", "1989-Q3", "1998-W03", "1998-SU", "199", "19"), and from what the reader saw otherwise
(a duration's amount and unit, a time of day, a set's frequency, a present/past/future reference).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from functools import lru_cache

from ..models import TimeSpan
from . import timespan as ts

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"

_SEASON_CODES = {code: name for name, code in ts.SEASON_CODES.items()}
_SEASON_TIMEX = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}
# Units as ISO 8601 duration letters; hours and minutes go after a "T".
UNIT_LETTERS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "second": "S",
                "quarter": "Q", "half": "Y", "decade": "DE", "century": "CE", "weekend": "WE"}
_TIME_UNITS = ("hour", "minute", "second")


def year_value(y: int) -> str:
    """A year in TIMEX3: four digits, or "BC" and four digits before year 1."""
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


@lru_cache(maxsize=4096)
def span_value(span: TimeSpan) -> str:
    """The TIMEX3 value of a calendar span: its named period where it is one, else its first day's."""
    s, e = span.start, span.end
    if span.precision == "day" or s == e:
        return s.isoformat()
    if span.precision == "month":
        return f"{s.year:04d}-{s.month:02d}"
    if span.precision == "year":
        return f"{s.year:04d}"
    if span.precision == "season":
        code = int(span.edtf.rsplit("-", 1)[1])
        return f"{s.year:04d}-{_SEASON_TIMEX[_SEASON_CODES[code]]}"
    if span.precision == "quarter":
        return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    if "/" in span.edtf:  # the period the words name, also where a part narrowed it ("the late 1970s")
        first, last = span.edtf.split("/", 1)
        with suppress(ValueError):
            s, e = ts.parse_iso(first).start, ts.parse_iso(last).end
    return interval_value(s, e)


def interval_value(s: date, e: date) -> str:
    """An interval's value: a week, half, decade, century, or the months/years it covers."""
    last_of_month = e.day == ts.last_day(e.year, e.month)  # (not e + 1 day: there is none after 9999-12-31)
    if (e - s).days == 6 and s.weekday() == 0:
        y, w, _ = s.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if (e - s).days == 1 and s.weekday() == 5:
        y, w, _ = s.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if s.day == 1 and last_of_month:
        if s.month == 1 and e.month == 12:
            years = e.year - s.year + 1
            if years == 10 and s.year % 10 == 0:
                return f"{s.year // 10:03d}"
            if years == 100 and s.year % 100 == 0:
                return f"{s.year // 100:02d}"
            if years == 1:
                return f"{s.year:04d}"
        if s.year == e.year and (s.month, e.month) in ((1, 6), (7, 12)):
            return f"{s.year:04d}-H{1 if s.month == 1 else 2}"
        if s.year == e.year and s.month == e.month:
            return f"{s.year:04d}-{s.month:02d}"
        if s.year == e.year and e.month - s.month == 2 and s.month % 3 == 1:
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    if s.year == e.year and s.month == e.month:
        return f"{s.year:04d}-{s.month:02d}"
    if s.year == e.year:
        return f"{s.year:04d}"
    return f"{s.year:04d}"


# A fraction of a unit in the next smaller one: the letter of that unit and how many make one.
_SMALLER = {"year": ("M", 12), "hour": ("M", 60), "minute": ("S", 60), "day": ("H", 24)}


def duration_value(amount: float | None, unit: str) -> str:
    """"P2Y", "PT3H", "P6M"; an unknown amount is "X" ("P" "X" "W" for "some weeks")."""
    letter = UNIT_LETTERS.get(unit, "D")
    if unit == "quarter":
        number, letter = (None if amount is None else amount * 3), "M"
    elif unit == "half":
        number, letter = (None if amount is None else amount * 6), "M"
    elif unit == "decade":
        number, letter = (None if amount is None else amount * 10), "Y"
    elif unit == "century":
        number, letter = (None if amount is None else amount * 100), "Y"
    elif unit == "weekend":
        number, letter = (None if amount is None else amount * 2), "D"
    else:
        number = amount
    if number is None:
        text = "X"
    elif float(number).is_integer():
        text = str(int(number))
    elif unit in _SMALLER:  # "a year and a half" P1Y6M, "2 1/2 hours" PT2H30M, "anderthalb Tage" P1DT12H
        smaller, per = _SMALLER[unit]
        whole, part = divmod(number, 1)
        head = f"{int(whole)}{letter}" if whole else ""
        if unit == "day":
            return f"P{head}T{round(part * per)}{smaller}"
        return ("PT" if unit in _TIME_UNITS else "P") + head + f"{round(part * per)}{smaller}"
    else:
        text = f"{number:g}"
    return ("PT" if unit in _TIME_UNITS else "P") + text + letter
