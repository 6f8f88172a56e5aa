"""`tag`: the time expressions of a text, each resolved against the publication date, or against the
story's own time where the narrative has moved away from it."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from ..models import TimeExpression, TimeSpan
from . import resolve as rs
from . import timespan as ts
from .interpret import reader
from .lexicon import lexicon
from .patterns import anchors, search, word_starts
from .timex3 import span_value

# How far before its first anchor word (a digit, month, unit ...) an expression may start
# ("innerhalb von etwa 48 Wochen", "no later than the end of the year").
_LEAD = 24
# A match that starts near the window's start may have begun before it ("no earlier than the beginning
# of the year"): then the window reaches this far back, once.
_LONG_LEAD = 45
_NEAR_START = 12
# How far after its anchor word an expression may still go on ("Mai bis Mitte Juni 2025").
_TAIL = 120
# A paragraph break: no expression crosses one.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# The end of a sentence (a mark before a capital, Latin-1 capitals too: "Über", "Éric"): in news, a background date
# holds within its sentence.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÀ-ÖØ-Þ])")
# How far from the publication an explicit date must lie for the narrative to have moved away from it.
_AWAY = timedelta(days=366)
# Bounds that mark a date as a side glance ("seit 1941", "bis 1881"): it does not move the story.
_BOUNDS = frozenset(("not_before", "not_after", "before", "after"))
# In news, how far a background date carries (within its paragraph): about a sentence.
_BACKGROUND = 200


class Story:
    """The story's own time: the closest preceding explicit date, and whether the text is a narrative
    (no explicit date near the publication so far) or news with a background paragraph."""

    def __init__(self, published: TimeSpan | None):
        self.published = published
        # Dates outside these bounds are far from the publication: the narrative has moved away.
        # saturating: a publication in year 1 or 9999 has no year beyond it
        self.near_from = ts.shift_days(published.start, -_AWAY.days) if published is not None else None
        self.near_to = ts.shift_days(published.end, _AWAY.days) if published is not None else None
        self.time: TimeSpan | None = None  # the latest explicit date
        self.at = -1  # where it ended in the text
        self.looked = -1  # the text from `at` up to here has no paragraph break
        self.broken = False
        self.narrative = False  # until explicit dates far from the publication, and none near it, show it
        self.far = 0
        self.deictic = False
        self.quarter: TimeSpan | None = None  # the latest quarter named: what a report is about
        self.near = 0
        self.day: TimeSpan | None = None  # the latest day of the story
        self.named_day: TimeSpan | None = None  # the latest day named, however ("Friday", "am 4. Mai")
        self.named: TimeSpan | None = None  # the latest date named, however ("In March", "Friday", "1987")

    def anchor(self, text: str, pos: int) -> TimeSpan | None:
        """The story time relative and year-less words at `pos` are read against, where the story has
        moved away from the publication; None where they are read against the publication. In news,
        a background date holds only for the next words of its paragraph (`_BACKGROUND`)."""
        t = self.time
        if t is None or (self.near_from is not None and not self.far_from_publication(t)):
            return None
        if not self.narrative:
            # News: only a background date given to the month or day, for the next words of its paragraph.
            if pos - self.at > _BACKGROUND or t.precision not in ("day", "month"):
                return None
            # Each stretch of text is searched for a break once: from where the last look ended.
            if self.broken:
                return None
            if PARAGRAPH_BREAK.search(text, max(self.at, self.looked - 1), pos) is not None:
                self.broken = True
                return None
            if _SENTENCE_END.search(text, self.at, pos) is not None:
                return None
            self.looked = max(self.looked, pos)
        return t

    def reported(self, quarter: TimeSpan) -> bool:
        """Whether a quarter can be what a report is about: one that has ended by the publication (an
        outlook for the quarter under way, "expects the fourth quarter to be weak", is not)."""
        return self.published is None or quarter.end < self.published.start

    def far_from_publication(self, span: TimeSpan) -> bool:
        return span.end < self.near_from or span.start > self.near_to

    def last(self) -> TimeSpan | None:
        """The latest date, for words that always count from it ("zwei Tage später"): the latest day
        where there is one, also one read against the story ("Am 4. Mai ... zwei Tage später")."""
        return self.day or self.time

    def mentioned(self, unit: str) -> TimeSpan | None:
        """In news, the date a story word counts from ("In March ... [The following month]", "Shares fell
        Friday. [The day before] ..."): the latest date named, however read, if named to `unit` or finer."""
        named = self.named
        return named if rs.fine_enough(named, unit) else None

    def recent_day(self) -> TimeSpan | None:
        """The day last named so far, also in an earlier paragraph ("Shares crashed Friday. ... In [the
        morning] ...", "closed lower Friday. ... down from [the previous Friday]")."""
        return self.named_day

    def moves(self, e: TimeExpression) -> None:
        """After `e`: an explicit date becomes the story's time."""
        when = e.when
        if when is None:
            return
        if e.kind == "date" and e.type in ("DATE", "TIME") and not e.parts and e.modifier not in _BOUNDS:
            self.named = when  # ("bis zum 31. Oktober" names a limit, not the date in focus)
            if when.precision == "day":
                self.named_day = when
        if when.precision == "quarter" and e.kind == "date" and e.anchor != "story" and self.reported(when) \
                and (self.quarter is None or when.start >= self.quarter.start):
            self.quarter = when  # a report is about its latest quarter ("after a flat second quarter" compares)
        if e.anchor == "published" and e.kind != "present" and (not self.narrative or when.precision == "day"):
            self.deictic = True  # "gestern", "am Freitag" read against the publication: news, not a narrative
            self.narrative = False
        if e.kind not in ("date", "range") or e.type not in ("DATE", "TIME"):
            return
        if e.anchor == "story" and self.time is not None:
            # A date read against the story moves it within its year ("Am 4. Mai", "im Juli"): finer
            # steps, never a new year, so that small errors cannot add up.
            if when.start.year == when.end.year == self.time.start.year and when.precision in ("day", "month"):
                self.time, self.at = when, e.end
                self.looked, self.broken = e.end, False
                self.day = when if when.precision == "day" else self.day
            elif when.precision == "year" and when.start.year == self.time.end.year + 1:
                # "im nächsten Jahr", "the following year": the story goes on into the next year, one step
                self.time, self.at = when, e.end
                self.looked, self.broken, self.day = e.end, False, None
            return
        if e.anchor is not None or e.type != "DATE":
            return
        if self.time is not None and e.modifier in _BOUNDS:
            return  # "seit 1941", "bis 1881": a side glance at a bound, not where the story now is
        if e.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            return
        if e.parts:
            when = e.parts[0].when or when
        if e.anchor is None:
            if self.near_from is not None and not self.far_from_publication(when):
                self.near += 1
            elif self.near_to is not None and when.start > self.near_to:
                return  # a date long after the publication ("notes due 2004"): a plan, not where the story is
            else:
                self.far += 1
            self.narrative = self.far >= 1 and not self.near and not self.deictic
        self.time, self.at = when, e.end
        self.looked, self.broken = e.end, False
        self.day = when if when.precision == "day" else None


def tag(text: str, published: TimeSpan | None, language: str, *, start: int = 0,
        end: int | None = None, story: bool = True) -> list[TimeExpression]:
    """Time expressions in text[start:end], sorted and non-overlapping, offsets into `text`.

    Relative and undated expressions are resolved against `published` (a span of any precision),
    or, with `story` (the default), against the closest preceding explicit date where the narrative
    has moved away from the publication ("Am 2. Mai 1871 ... Am 4. Mai"); without an anchor they come
    back with `resolved=False` and no span. No expression crosses a paragraph break.
    """
    read = reader(language)
    scan = read.scan
    starts = word_starts(language)
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[TimeExpression] = []
    told = Story(published)
    done = start  # nothing before this offset can start a new expression
    for anchor_start, anchor_end in anchors(language, text, start, end):
        if anchor_end <= done:
            continue
        floor = max(done, anchor_start - _LONG_LEAD)  # nothing before this: done, or too far back
        pos = max(floor, anchor_start - _LEAD)
        limit = min(end, anchor_end + _TAIL)
        stop = end
        if text.find("\n", floor, limit) >= 0:  # most windows have no line break: no regex for them
            for brk in PARAGRAPH_BREAK.finditer(text, floor, anchor_start):
                floor = pos = max(pos, brk.end())
            brk = PARAGRAPH_BREAK.search(text, anchor_end, limit)
            if brk is not None:
                stop = limit = brk.start()
        while pos <= anchor_start:
            m = _first(scan, starts, text, pos, anchor_start, limit)
            if m is not None and m.end() >= limit > m.start() and limit < stop:
                m = search(scan, text, m.start(), stop)  # the window cut it short: read it whole
                brk = PARAGRAPH_BREAK.search(text, m.start(), m.end()) if m is not None else None
                if brk is not None:
                    stop = brk.start()
                    m = search(scan, text, m.start(), stop)
            if m is None or m.start() > anchor_start:
                break
            if m.start() - pos < _NEAR_START and pos > floor:  # did it begin before the window?
                earlier = _first(scan, starts, text, floor, m.start() - 1, limit)
                if earlier is not None and earlier.end() >= m.end():
                    m = earlier
                floor = pos
            expr = read.read(m, text, published, stop, told if story else None)
            if expr is None:
                pos = m.start() + 1
                continue
            out.append(expr)
            if story:
                told.moves(expr)
            done = pos = expr.end
    found = _clock_times_on_their_day(_nights_before_their_day(out, text, language), text)
    return _quarters_a_year_before(_quarters_of_a_named_year(found, text, language), text)


# A clock time's own value: the time of day after the date ("1998-02-11T22:00" -> "T22:00").
_CLOCK_VALUE = re.compile(r"T\d\d(?::\d\d)?$")
# Between a clock time (with its time zone, lang clock.zones) and the day right after it: a comma at most
# ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
_CLOCK_THEN_DAY = re.compile(r",?\s+")
# Between a day and the clock time right after it: a comma ("8. Mai, 23:01 Uhr", "Wednesday, 10 p.m.").
_DAY_THEN_CLOCK = re.compile(r",\s*")
# Between a clock time and a day of the same clause ("am 25. Juni um 01:35 Uhr", "Wednesday at 10 p.m.").
_SAME_CLAUSE = re.compile(r"[^.;:!?\n]{0,30}")


def _clock_times_on_their_day(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A clock time without a date of its own ("10 p.m.", "um 22 Uhr") is on the day named next to it:
    right before or after it, TIMEX3 draws one expression of both ("[10 p.m. Wednesday]", "[8. Mai, 23:01
    Uhr]"); elsewhere in the same clause, the clock time keeps its extent and takes that day's date."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        e = found[i]
        clock = _CLOCK_VALUE.search(e.value or "") if _is_bare_clock(e) else None
        if clock is None:
            out.append(e)
            i += 1
            continue
        after = found[i + 1] if i + 1 < len(found) else None
        before = out[-1] if out else None
        if _is_day(after) and _CLOCK_THEN_DAY.fullmatch(text, e.end, after.start):
            out.append(_joined(e, after, text, e.start, after.end, clock.group()))
            i += 2
            continue
        if _is_day(before) and _DAY_THEN_CLOCK.fullmatch(text, before.end, e.start):
            out[-1] = _joined(e, before, text, before.start, e.end, clock.group())
            i += 1
            continue
        if _is_day(before) and _SAME_CLAUSE.fullmatch(text, before.end, e.start):
            e = e.model_copy(update={"when": before.when, "value": span_value(before.when) + clock.group(),
                                      "anchor": before.anchor})
        elif _is_day(after) and _SAME_CLAUSE.fullmatch(text, e.end, after.start):
            e = e.model_copy(update={"when": after.when, "value": span_value(after.when) + clock.group(),
                                     "anchor": after.anchor})
        out.append(e)
        i += 1
    return out


@cache
def _night_to(language: str) -> re.Pattern[str]:
    """The words right before a day that make it the night ending on it ("Nacht zum ", "night to ")."""
    lex = lexicon(language)
    if not lex.forms("night_of", "before_day"):
        return re.compile("(?!)")
    # the article before the night belongs to it where the language draws determiners inside ("[the night to")
    article = rf"(?:(?<!\w){lex.alt('articles')}\s+)?" if lex.format.get("article_inside") else ""
    return re.compile(rf"{article}(?<!\w){lex.alt(('night_of', 'words'))}\s+{lex.alt(('night_of', 'before_day'))}"
                      rf"\s+(?:{lex.alt('articles')}\s+)?$")


def _nights_before_their_day(found: list[TimeExpression], text: str, language: str) -> list[TimeExpression]:
    """A night named by the day it ends on is the night of the day before, as for two days ("in der [Nacht zum
    Freitag]", "the [night to Friday]": Thursday night); one TIME expression of both."""
    night_to = _night_to(language)
    out: list[TimeExpression] = []
    for e in found:
        words = night_to.search(text, max(0, e.start - 24), e.start) if _is_day(e) else None
        if words is not None and (not out or out[-1].end <= words.start()):
            d = ts.shift_days(e.when.start, -1)
            night = ts.day(d.year, d.month, d.day)
            e = e.model_copy(update={"text": text[words.start():e.end], "start": words.start(), "when": night,
                                     "type": "TIME", "value": span_value(night) + "TNI"})
        out.append(e)
    return out


def _quarters_of_a_named_year(found: list[TimeExpression], text: str, language: str) -> list[TimeExpression]:
    """A year with a possessive ending, then a quarter: one expression, that year's quarter ("[this year's
    third quarter]", "[last year's quarter]"). Languages that name the year after the quarter have no such ending."""
    endings = lexicon(language).forms("years", "possessive")
    if not endings or len(found) < 2:
        return found
    between = re.compile("(?:" + "|".join(re.escape(w) for w in endings) + r")\s+")
    out: list[TimeExpression] = []
    for e in found:
        year = out[-1] if out else None
        if year is not None and _is_year(year) and e.kind == "date" and e.type == "DATE" and not e.parts \
                and e.when is not None and e.when.precision == "quarter" and between.fullmatch(text, year.end, e.start):
            quarter = ts.quarter(year.when.start.year, (e.when.start.month - 1) // 3 + 1)
            out[-1] = year.model_copy(update={"text": text[year.start:e.end], "end": e.end, "when": quarter,
                                              "value": span_value(quarter)})
            continue
        out.append(e)
    return out


def _quarters_a_year_before(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A quarter, then the same quarter a year before right after it: one expression, the earlier quarter
    ("For [the quarter a year ago], ...", "[das Quartal ein Jahr zuvor]")."""
    out: list[TimeExpression] = []
    for e in found:
        q = out[-1] if out else None
        if q is not None and _is_quarter(q) and _is_quarter(e) and not text[q.end:e.start].strip() \
                and (e.when.start.year, e.when.start.month) == (q.when.start.year - 1, q.when.start.month):
            out[-1] = e.model_copy(update={"text": text[q.start:e.end], "start": q.start, "signal": q.signal,
                                           "signal_start": q.signal_start})
            continue
        out.append(e)
    return out


def _is_quarter(e: TimeExpression) -> bool:
    return e.type == "DATE" and e.kind == "date" and not e.parts and e.when is not None \
        and e.when.precision == "quarter"


def _is_year(e: TimeExpression) -> bool:
    return e.type == "DATE" and e.kind == "date" and not e.parts and e.when is not None and e.when.precision == "year"


def _is_bare_clock(e: TimeExpression) -> bool:
    """A clock time read against the publication or the story: its words name no day."""
    return e.type == "TIME" and e.kind == "date" and e.anchor is not None and not e.parts and e.when is not None


def _is_day(e: TimeExpression | None) -> bool:
    return e is not None and e.type == "DATE" and e.kind == "date" and not e.parts \
        and e.when is not None and e.when.precision == "day"


def _joined(clock: TimeExpression, day: TimeExpression, text: str, start: int, end: int,
            time_of_day: str) -> TimeExpression:
    """One TIME expression of a clock time and its day; the signal is the first one's."""
    first = clock if clock.start < day.start else day
    return day.model_copy(update={"text": text[start:end], "start": start, "end": end, "type": "TIME",
                                  "value": span_value(day.when) + time_of_day, "signal": first.signal,
                                  "signal_start": first.signal_start,
                                  "modifier": first.modifier or clock.modifier or day.modifier})


def _first(scan: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int, last: int,
           endpos: int) -> re.Match[str] | None:
    """What `search(scan, text, pos, endpos)` finds if it starts by `last`, else None: the scanner
    tried only at the word starts up to there, so no scan goes on past the anchor."""
    for at in starts.finditer(text, pos, last + 1):
        m = scan.match(text, at.start(), endpos)
        if m is not None:
            return m
    return None
