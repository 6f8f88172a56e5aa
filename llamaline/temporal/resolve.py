"""Calendar arithmetic of the tagger: periods, shifts, parts, and picking a year for undated words.

Three shapes of meaning come out of the words and are resolved here against the publication date:
an absolute span; a `Yearless` builder (a month, season, quarter ... of some year); a `Relative`
function of an anchor day ("gestern", "letzte Woche"). A publication date known only to the month
or year resolves relative words at both of its ends and covers the two (shift both bounds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import MO, TU, WE, TH, FR, SA, SU, relativedelta

from . import timespan as ts
from ..models import TimeSpan

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SHIFTS = {"last": -1, "this": 0, "next": 1, "after_next": 2}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}

# "story": read against the story's own time, where a year-less date is in the story's year.
Direction = Literal["past", "future", "both", "story"] | None

# TimeSpans are frozen and the same few periods recur in every text: each is built (validated) once.
day = lru_cache(maxsize=4096)(ts.day)
month = lru_cache(maxsize=1024)(ts.month)
year = lru_cache(maxsize=256)(ts.year)
season = lru_cache(maxsize=256)(ts.season)
quarter = lru_cache(maxsize=256)(ts.quarter)
half = lru_cache(maxsize=256)(ts.half)


@dataclass(frozen=True)
class Yearless:
    """A period named without its year; `build(year)` gives it in a year."""

    build: Callable[[int], TimeSpan]


@dataclass(frozen=True)
class Relative:
    """A period that depends on the anchor day (and, for weekdays, on the sentence's direction)."""

    at: Callable[[date, Direction], TimeSpan]


Meaning = TimeSpan | Yearless | Relative


# -- periods -----------------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def week(d: date) -> TimeSpan:
    monday = d + relativedelta(weekday=MO(-1))
    return ts.interval(monday, monday + timedelta(days=6))


@lru_cache(maxsize=1024)
def iso_week(year: int, number: int) -> TimeSpan:
    """Calendar week `number` of `year` (ISO 8601: weeks start on Monday)."""
    return week(date.fromisocalendar(year, number, 1))


@lru_cache(maxsize=1024)
def weekend(d: date) -> TimeSpan:
    saturday = d + relativedelta(weekday=MO(-1)) + relativedelta(weekday=SA)
    return ts.interval(saturday, saturday + timedelta(days=1))


@lru_cache(maxsize=4096)
def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The month `delta` months from year-month (relativedelta's calendar arithmetic)."""
    d = date(year, month, 1) + relativedelta(months=delta)
    return d.year, d.month


@lru_cache(maxsize=1024)
def turn_of_year(year: int) -> TimeSpan:
    return ts.interval(date(year, 12, 1), date(year + 1, 1, 31), f"{year:04d}-12/{year + 1:04d}-01")


@lru_cache(maxsize=1024)
def decade(first_year: int) -> TimeSpan:
    return ts.interval(date(first_year, 1, 1), date(first_year + 9, 12, 31), f"{first_year:04d}/{first_year + 9:04d}")


def period(unit: str, d: date, delta: int = 0) -> TimeSpan:
    """The calendar `unit` containing `d`, shifted by `delta` units."""
    if unit == "day":
        return day(*_ymd(d + timedelta(days=delta)))
    if unit == "week":
        return week(d + timedelta(weeks=delta))
    if unit == "weekend":
        return weekend(d + timedelta(weeks=delta))
    if unit == "month":
        return month(*add_months(d.year, d.month, delta))
    if unit == "quarter":
        y, m = add_months(d.year, d.month, 3 * delta)
        return quarter(y, (m - 1) // 3 + 1)
    if unit == "half":
        y, m = add_months(d.year, d.month, 6 * delta)
        return half(y, 1 if m <= 6 else 2)
    if unit == "year":
        return year(d.year + delta)
    if unit == "decade":
        return decade(d.year // 10 * 10 + 10 * delta)
    if unit in ("hour", "minute"):
        return day(*_ymd(d))
    raise ValueError(unit)


def span_from(anchor: TimeSpan, unit: str, amount: int) -> TimeSpan:
    """"the past two years" (amount -2), "die nächsten sechs Wochen" (6): from the anchor that many units
    back or ahead, as an interval (dateutil's relativedelta does the calendar arithmetic)."""
    units = {"day": "days", "week": "weeks", "month": "months", "year": "years", "hour": "days",
             "minute": "days", "weekend": "weeks", "quarter": "months", "half": "months", "decade": "years",
             "century": "years"}
    scale = {"quarter": 3, "half": 6, "decade": 10, "century": 100, "hour": 0, "minute": 0}.get(unit, 1)
    step = relativedelta(**{units.get(unit, "days"): amount * scale})
    if amount < 0:
        return ts.interval(anchor.start + step, anchor.end)
    return ts.interval(anchor.start, anchor.end + step)


_WEEKDAY_OFFSETS = (MO, TU, WE, TH, FR, SA, SU)


def nth_in_month(year_: int, month_: int, n: int, weekday_index: int | None) -> TimeSpan:
    """The n-th (n = -1: the last) weekday or day of a month: "zweiter Montag im Mai", "the last
    Thursday in November", "letzter Tag im Juni" (dateutil's relativedelta does the counting)."""
    first = date(year_, month_, 1)
    if weekday_index is None:
        d = first + (relativedelta(day=31) if n < 0 else relativedelta(day=n))
        if n > 0 and d.day != n:
            raise ValueError("no such day in the month")
    elif n < 0:
        d = first + relativedelta(day=31, weekday=_WEEKDAY_OFFSETS[weekday_index](-1))
    else:
        d = first + relativedelta(weekday=_WEEKDAY_OFFSETS[weekday_index](n))
    if d.month != month_:
        raise ValueError("no such weekday in the month")
    return day(d.year, d.month, d.day)


def week_in_month(year_: int, month_: int, n: int) -> TimeSpan:
    """The n-th (n = -1: the last) week of a month: the calendar week around the middle of its n-th seven days
    ("the second week of May" holds May 11, "die letzte Maiwoche" the 28th of a 31-day May)."""
    first = date(year_, month_, 1)
    middle = first + (relativedelta(day=31, days=-3) if n < 0 else relativedelta(days=7 * (n - 1) + 3))
    return week(middle)


# Holidays by the calendar rule that places them: a fixed day (month, day); days from Easter Sunday;
# the n-th weekday of a month (n = -1: the last), plus days.
_FIXED_HOLIDAYS = {"new_year": (1, 1), "new_years_eve": (12, 31), "christmas": (12, 25), "christmas_eve": (12, 24),
                   "boxing_day": (12, 26), "independence_day_us": (7, 4), "halloween": (10, 31),
                   "valentines_day": (2, 14), "labour_day": (5, 1), "german_unity_day": (10, 3)}
_EASTER_HOLIDAYS = {"easter": 0, "good_friday": -2, "easter_monday": 1, "ascension": 39, "pentecost": 49,
                    "whit_monday": 50}
_WEEKDAY_HOLIDAYS = {"thanksgiving_us": (11, 4, 3, 0), "memorial_day_us": (5, -1, 0, 0),
                     "labor_day_us": (9, 1, 0, 0), "election_day_us": (11, 1, 0, 1)}  # the Tuesday after a Monday


def holiday(name: str, year_: int) -> TimeSpan:
    """The day of a holiday in a year (dateutil's `easter` and `relativedelta` do the counting)."""
    if name in _FIXED_HOLIDAYS:
        return day(year_, *_FIXED_HOLIDAYS[name])
    if name in _EASTER_HOLIDAYS:
        d = easter(year_) + timedelta(days=_EASTER_HOLIDAYS[name])
        return day(d.year, d.month, d.day)
    month_, n, weekday_index, plus = _WEEKDAY_HOLIDAYS[name]
    d = nth_in_month(year_, month_, n, weekday_index).start + timedelta(days=plus)
    return day(d.year, d.month, d.day)


def day_of_month(dom: int, shift: int) -> Relative:
    """"the 5th of next month": that day of the month `shift` months from the anchor's."""
    def at(d: date, _direction: Direction) -> TimeSpan:
        m = d.replace(day=1) + relativedelta(months=shift, day=dom)
        if m.day != dom:
            raise ValueError("no such day in the month")
        return day(m.year, m.month, m.day)

    return Deictic(at)


def two_digit_year(yy: int, anchor_year: int) -> int:
    """"71" in 2025 is 1971, "26" is 2026, "39" in 2011 is 1939: at most ten years after the anchor."""
    year = anchor_year // 100 * 100 + yy
    return year - 100 if year > anchor_year + 10 else year


def shifted_day(days: int) -> Relative:
    return Relative(lambda d, _dir: period("day", d, days))


def shifted(unit: str, delta: int) -> Relative:
    return Relative(lambda d, _dir: period(unit, d, delta))


def ago(unit: str, amount: int, sign: int) -> Relative:
    """"vor zwei Wochen" (sign -1), "in drei Monaten" (sign +1): the unit that far from the anchor."""
    if unit in ("hour", "minute"):
        return Relative(lambda d, _dir: day(*_ymd(d)))
    if unit == "day":
        return shifted_day(sign * amount)
    return shifted(unit, sign * amount)


def weekday(index: int, shift: int | None = None, week_shift: int | None = None) -> Relative:
    """A weekday: the nearest one in the sentence's direction, or of the last/this/next week."""

    def at(d: date, direction: Direction) -> TimeSpan:
        if week_shift is not None:  # "Dienstag vergangener Woche"
            monday = d - timedelta(days=d.weekday()) + timedelta(weeks=week_shift)
            return day(*_ymd(monday + timedelta(days=index)))
        back = (d.weekday() - index) % 7
        forward = (index - d.weekday()) % 7
        if shift == -1:
            return day(*_ymd(d - timedelta(days=back or 7)))
        if shift is not None and shift > 0:  # "next Friday", "übernächsten Freitag": a week later each
            return day(*_ymd(d + timedelta(days=(forward or 7) + 7 * (shift - 1))))
        if shift == 0:
            return day(*_ymd(d - timedelta(days=d.weekday()) + timedelta(days=index)))
        if direction == "past":
            return day(*_ymd(d - timedelta(days=back)))
        if direction == "future":
            return day(*_ymd(d + timedelta(days=forward)))
        prefer_forward = forward < back or (forward == back and direction == "both")
        return day(*_ymd(d + timedelta(days=forward) if prefer_forward else d - timedelta(days=back)))

    return Relative(at)


def weekend_near() -> Relative:
    def at(d: date, direction: Direction) -> TimeSpan:
        sat = weekday(5).at(d, direction)
        return weekend(sat.start)

    return Relative(at)


@dataclass(frozen=True)
class Deictic(Relative):
    """A period named from the writer's now ("June last year", "letzten Dezember"): read against the
    publication in news, also after a background date."""


@dataclass(frozen=True)
class TwoDigitYear(Relative):
    """A date written with a two-digit year ("3.5.71"): explicit, its century read from the anchor."""


@dataclass(frozen=True)
class ThisYear(Yearless):
    """A quarter without its year ("the third quarter", "Q3"): the anchor's year, where reports put it;
    the year before only where a past-tense sentence names a quarter still to come."""


def in_this_year(meaning: Meaning) -> Meaning:
    return ThisYear(meaning.build) if isinstance(meaning, Yearless) else meaning


def year_before(meaning: ThisYear) -> Relative:
    """"the year-ago third quarter": the quarter a year before the one the words name."""
    def at(d: date, direction: Direction) -> TimeSpan:
        return meaning.build(resolve(meaning, day(*_ymd(d)), direction).start.year - 1)

    return Relative(at)


def named_in(build: Callable[[int], TimeSpan], shift: int) -> Relative:
    """"letzten Dezember", "kommenden Herbst", "diesen Juni": the named period before/after/in the anchor's year."""

    def at(d: date, direction: Direction) -> TimeSpan:
        here = build(d.year)
        if shift == 0:
            # "this summer", "diesen Juni": the one of the anchor's year, whatever the tense (in March the
            # summer to come, in November the one gone); a winter, in two years, the one going on, else the
            # nearest in the sentence's direction
            if here.start.year == here.end.year:
                return here
            return pick_year(build, day(*_ymd(d)), direction)
        if shift < 0:
            return here if here.end < d else build(d.year - 1)
        first = here if here.start > d else build(d.year + 1)
        return first if shift == 1 else build(first.start.year + shift - 1)

    return Deictic(at)


# -- resolution ----------------------------------------------------------------------------------

@lru_cache(maxsize=4096)  # meanings and spans are immutable, and the same few recur in every text
def resolve(meaning: Meaning, published: TimeSpan | None, direction: Direction) -> TimeSpan | None:
    """The span `meaning` denotes, read from `published`; None when it needs an anchor and has none."""
    if isinstance(meaning, TimeSpan):
        return meaning
    if published is None:
        return None
    if isinstance(meaning, ThisYear):
        here = meaning.build(published.start.year)
        return meaning.build(published.start.year - 1) if direction == "past" and here.start > published.end else here
    if isinstance(meaning, Yearless):
        if direction == "story":
            try:
                return meaning.build(published.start.year)
            except ValueError:  # 29 February
                direction = None
        return pick_year(meaning.build, published, direction)
    first = meaning.at(published.start, direction)
    if published.start == published.end:
        return first
    last = meaning.at(published.end, direction)
    return first if first == last else ts.cover([first, last])


# A day or week named without its year lies within this many days of the publication when the tense points
# farther (`pick_year`), if one occurrence is this near.
_DAY_REACH = 183
_DAY_NEAR = 70


# How fine a precision is, for the units counted from it ("the following month" needs a month or a day).
_GRAIN = {"minute": 0, "hour": 0, "day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 3, "year": 4}


def fine_enough(anchor: TimeSpan | None, unit: str | None) -> bool:
    """Whether `anchor` is named to `unit` or finer: a day for "three days later", a month or a day for
    "the following month"."""
    return anchor is not None and _GRAIN.get(anchor.precision, 9) <= _GRAIN.get(unit, 9)


def pick_year(build: Callable[[int], TimeSpan], published: TimeSpan, direction: Direction) -> TimeSpan:
    """The occurrence of a yearless period the sentence means: a report does not point after the
    publication, a plan not before it, otherwise the nearest (not after, on a tie). A day or week the tense
    would put most of a year away is the near one (`_DAY_REACH`)."""
    candidates = []
    for y in sorted({published.start.year - 1, published.start.year, published.end.year, published.end.year + 1}):
        try:
            candidates.append(build(y))
        except ValueError:  # 29 February of a common year
            continue
    if not candidates:
        raise ValueError("no such date near the publication date")
    def distance(c: TimeSpan) -> int:
        if c.overlaps(published):
            return 0
        return (published.start - c.end).days if c.end < published.start else (c.start - published.end).days

    after_first = direction == "both"
    nearest = min(candidates, key=lambda c: (distance(c), (c.start > published.end) != after_first, c.start))
    if direction in ("past", "future"):
        if direction == "past":
            fit = [c for c in candidates if c.start <= published.end]
            chosen = max(fit, key=lambda c: c.start) if fit else None
        else:
            fit = [c for c in candidates if c.end >= published.start]
            chosen = min(fit, key=lambda c: c.start) if fit else None
        # A day without its year is the one near the publication: a tense that points most of a year away
        # ("extended the offer to [Nov. 20]", written on Nov. 2) tells of the telling, not of the day. (A month
        # follows the tense: "demand was weak in [July]", written in May, is last July.)
        if chosen is not None and not ((chosen.end - chosen.start).days < 7 and distance(chosen) > _DAY_REACH
                                       and distance(nearest) <= _DAY_NEAR):
            return chosen
    return nearest


def earlier_or_later(period_span: TimeSpan, published: TimeSpan, later: bool) -> TimeSpan:
    """"earlier this year" / "later this year": the part of the period before or after publication."""
    if later:
        return ts.interval(max(period_span.start, published.start), period_span.end)
    return ts.interval(period_span.start, min(period_span.end, published.end))


@lru_cache(maxsize=4096)
def part(span: TimeSpan, which: str) -> TimeSpan:
    """Start, middle or end third of a span ("Anfang März" = days 1-10); the EDTF stays the period's."""
    if which not in ("start", "mid", "end") or span.precision == "day":
        return span
    if span.precision == "month":
        last = span.end.day
        lo, hi = {"start": (1, 10), "mid": (11, 20), "end": (21, last)}[which]
        return _narrow(span, span.start.replace(day=lo), span.start.replace(day=hi))
    months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    if span.start.day == 1 and span.end == _month_end(span.end) and months % 3 == 0:
        third = months // 3
        offset = {"start": 0, "mid": third, "end": 2 * third}[which]
        y, m = add_months(span.start.year, span.start.month, offset)
        y2, m2 = add_months(y, m, third - 1)
        return _narrow(span, date(y, m, 1), _month_end(date(y2, m2, 1)))
    days = (span.end - span.start).days + 1
    third = max(days // 3, 1)
    if which == "start":
        return _narrow(span, span.start, span.start + timedelta(days=third - 1))
    if which == "end":
        return _narrow(span, span.end - timedelta(days=third - 1), span.end)
    return _narrow(span, span.start + timedelta(days=third), span.end - timedelta(days=third))


def _narrow(span: TimeSpan, start: date, end: date) -> TimeSpan:
    return TimeSpan(edtf=span.edtf, start=start, end=end, precision=span.precision)


def _month_end(d: date) -> date:
    return date(d.year, d.month, ts.last_day(d.year, d.month))


def _ymd(d: date) -> tuple[int, int, int]:
    return d.year, d.month, d.day
