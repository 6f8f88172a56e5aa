"""Reading one scanner match: what its words mean, whether it is time at all, and its span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol
from datetime import date
from functools import cache

from . import timespan as ts
from . import timex3 as tx
from ..models import TimeExpression, TimeSpan
from . import resolve as rs
from .lexicon import Lexicon, alternation, lexicon, normalize
from .patterns import FRACTION_VALUES, grammar, scanner
from .resolve import Meaning, Relative, Yearless
from .tense import direction as sentence_direction

_SYMBOL_AFTER = set("%‰€$£¥+×")
# The groups around a calendar expression: units, single, bound, approximation, during, within, part,
# present, set, past/future reference.
_OUTER = ("N", "S", "bd", "ap", "du", "wp", "pt", "pr", "set", "reference", "focus", "story_word", "day_part")
_CORES = ("iso", "month_number", "num", "dmy", "dmo", "mdy", "numd", "my", "mr", "se", "hol", "q", "qo", "fp", "h",
          "ho", "pu", "dec", "dec2", "kw", "nth", "nthw", "night", "day_of", "wo", "wd", "we", "era", "century", "sy",
          "yr", "fy", "ur", "whole", "rd", "clock")
# Cores that name a day or a year by its number: an article before them is not part of the expression.
_NO_ARTICLE = frozenset(("iso", "month_number", "num", "dmy", "dmo", "mdy", "numd", "my", "yr", "fy", "rd", "clock",
                         "era", "q", "h", "wd", "mr"))
# Of those, the ones that keep it after a shift word ("from [the previous Friday]"): their shift's group.
_SHIFTED = frozenset(("wd", "mr"))
# Units too long for a length before "later" ("a year earlier" is a date).
_LONG_UNITS = frozenset(("year", "decade", "century"))
# A unit in the next smaller one that the calendar counts in, and how many make one.
_IN_SMALLER = {"year": ("month", 12), "half": ("month", 6), "quarter": ("month", 3), "week": ("day", 7),
               "day": ("hour", 24), "hour": ("minute", 60)}
# TIMEX3 codes of the parts of a day.
_DAY_PART_CODES = {"morning": "MO", "midday": "MI", "afternoon": "AF", "evening": "EV", "night": "NI"}
_ERA_BC = "bc"
_COMMON = ("yr", "my", "mr", "se", "dmy", "mdy", "ur")
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
# How many distinct texts per core `Reader.core` remembers (a bound for odd texts).
_KNOWN_CORES = 4096


@dataclass(slots=True)
class Core:
    """The meaning of a calendar expression without its prefixes."""

    meaning: Meaning
    name: str
    start: int
    end: int
    directional: bool = False  # depends on the sentence's tense (weekdays, undated months ...)
    bare: str | None = None  # a single word that needs context ("August", "fall")
    plain_year: bool = False  # a bare number read as a year: check the words around it
    needs_context: bool = False  # "am 15.5."
    period: bool = False  # a whole current period ("dieses Jahr", "des Jahres")
    modifier: str | None = None
    clock: str | None = None  # the time of day in TIMEX3 ("T14:30", "TEV")
    value: str | None = None  # a TIMEX3 value the span cannot carry ("BC0490")
    deictic: bool = False  # read against the publication even where the story has moved ("gestern")
    daily: bool = False  # a day near the anchor ("Freitag", "gestern"): in a narrative, only from a day
    own_words: bool = False  # its words ("the last Thursday in November") say nothing of the tense
    focus_year: int | None = None  # "the 1988 period": the quarter in focus, in this year
    in_focus: bool = False  # "the previous Friday": counted from the day in focus


@dataclass(slots=True)
class Reading:
    start: int
    end: int
    kind: str
    meaning: Meaning | None = None
    modifier: str | None = None
    directional: bool = False
    later: bool | None = None  # "earlier/later this year"
    signal: str | None = None  # the bound word before it, outside the extent ("bis", "since")
    signal_start: int | None = None
    clock: str | None = None
    value: str | None = None  # a TIMEX3 value decided by the words (durations, sets, references, eras)
    timex_type: str | None = None
    deictic: bool = False
    daily: bool = False
    split: tuple[tuple[int, int], tuple[int, int]] | None = None  # "8. und 9. Mai": the two days
    span: str | None = None  # "past"/"next": a number of units before or after the anchor ("the past two years")
    unit: str | None = None  # of a span; of a story word's step ("the following [month]")
    amount: int | None = None
    anaphoric: bool = False  # "zwei Tage später": from the story's last date wherever there is one
    own_words: bool = False
    year_shift: int | None = None  # "a year ago", "the year-ago quarter": in a report, the quarter in focus shifted
    focus_year: int | None = None  # "the 1988 period": in a report, the quarter in focus in that year
    done: bool = False  # "Friday's close", "Wednesday's ruling": a weekday whose event is told as done
    in_focus: bool = False  # "the morning", "am Abend", "the previous Friday": from the day in focus
    length: Reading | None = None  # "nach [77 Tagen]": what it is where its anchor is coarser than its unit


class StoryTime(Protocol):
    """What the reader asks of the story's own time (`tagger.Story`)."""

    narrative: bool
    quarter: TimeSpan | None

    def anchor(self, text: str, pos: int) -> TimeSpan | None: ...

    def last(self) -> TimeSpan | None: ...

    def mentioned(self, unit: str) -> TimeSpan | None: ...

    def recent_day(self) -> TimeSpan | None: ...


class Reader:
    """Turns matches of one language's scanner into TimeExpressions."""

    def __init__(self, language: str):
        self.language = language
        self.lex: Lexicon = lexicon(language)
        self.scan = scanner(language)
        lex, a = self.lex, self.lex.alt
        self.context_before = re.compile(rf"(?<!\w){a(('context', 'before'))}\s+$")
        self.not_time_before = re.compile(rf"(?<!\w){a(('not_time', 'before'))}\s*$")
        self.verb_before = re.compile(rf"(?<!\w){a(('not_time', 'verb_before'))}\s+$")
        self.possessive = re.compile(rf"{a(('years', 'possessive'), boundary=False)}(?!\w)")
        self.owner_after = re.compile(rf"\s+{a(('not_time', 'after_reference'))}(?!\w)")
        self.share_of = re.compile(rf"\s+{a(('fractions', 'of'))}(?!\w)")
        stems = "|".join(re.escape(normalize(w)) for w in sorted(lex.forms("not_time", "after"), key=len, reverse=True))
        self.not_time_after = re.compile(rf"(?:\s*[\"'„“”»«(]?|-)(?:{stems or '(?!)'})", re.IGNORECASE)
        self.conjunction = re.compile(rf"(?<!\w){a(('not_time', 'conjunctions'))}(?!\w)")
        self.range_from = re.compile(rf"(?<![\w.])(?P<w>{a(('ranges', 'from', 'between'))})\s+$")
        self.between = {normalize(w) for w in lex.forms("ranges", "between")}
        self.openers = {normalize(w) for w in lex.forms("ranges", "from", "between")}
        self.connector = re.compile(
            rf"(?:\s*[-–—]\s*|/|\s+(?P<to>{a(('ranges', 'to'))})\s+|\s+(?P<and>{a(('ranges', 'and'))})\s+)"
            rf"(?:{a(('bounds', 'then'))}\s+)?"
        )
        self.next_word = re.compile(r"\s*(\S+)")
        # A count and at most two words after it, right before a unit with a rate's article ("700 seats [a week]").
        counts = alternation(set(lex.forms("numbers")) - set(lex.forms("durations", "rate")), lex.case_sensitive)
        self.count_before = re.compile(rf"(?:\d|\b{counts})\S*(?:\s+[^\W\d]+){{0,2}}\s+$")
        self.order = lex.format.get("numeric_order", "dmy")
        self.articles = frozenset(normalize(w) for w in lex.forms("articles"))
        self.weekday_names = frozenset(normalize(w) for w in lex.forms("weekday_names"))
        self.article_before = re.compile(rf"(?<![\w.]){a('articles')}\s+$")
        self.weak_present = frozenset(normalize(w) for w in lex.forms("present", "weak"))
        self.discourse_present = frozenset(normalize(w) for w in lex.forms("present", "discourse"))
        self.signal_ap = frozenset(normalize(w) for w in lex.forms("approximate", "outside"))
        self.signal_during = frozenset(normalize(w) for w in lex.forms("during", "outside"))
        # Whether a determiner before an expression belongs to it ("[the fourth quarter]"), as in English TIMEX3.
        self.article_inside = bool(lex.format.get("article_inside"))
        self.old_year_before = re.compile(rf"(?<!\w){a(('years', 'old_before'))}\s+$")
        self.age = re.compile(rf"(?:-|\s+){a(('durations', 'age'))}", re.IGNORECASE)
        g = grammar(language)
        self._spoken = re.compile(g.spoken_year("w_").replace("?P<w_", "?P<"))
        self._millennium = re.compile(rf"(?P<m>{a('year_millennia')})(?:\s+(?:{a(('ranges', 'and'))}\s+)?"
                                      rf"(?P<o>{a('year_ones')}))?(?![\w-])")
        index = self.scan.groupindex
        # The groups a core reads: those of its alternative, and of the year that may follow it.
        g = grammar(language)
        year = _GROUP_NAME.findall(g.year_spec("s_"))
        reads = {names[0]: tuple(index[n] for n in names + year)
                 for names in map(_GROUP_NAME.findall, g.alternatives("s_", "(?!)"))}
        # Exactly one core group takes part in a match: look for the common ones first.
        self.core_groups = tuple((n, index["s_" + n], reads["s_" + n]) for n in sorted(
            (n for n in _CORES if "s_" + n in index), key=lambda n: (n not in _COMMON, _CORES.index(n))))
        # Per core, the text of the groups it reads -> what `_core` makes of them (None: no time).
        self._cores: dict[str, dict[tuple[str | None, ...], tuple | None]] = {n: {} for n, _, _ in self.core_groups}

    # -- the public step -------------------------------------------------------------------------

    def read(self, m: re.Match[str], text: str, published: TimeSpan | None, end: int,
             told: StoryTime | None = None) -> TimeExpression | None:
        """`told` knows the story's own time (see `StoryTime`): where the narrative has moved away from
        `published`, relative and year-less words are read against it (deictic ones, "gestern", keep
        `published` outside a narrative); words like "zwei Tage später" count from its latest date; in a
        report, "a year earlier" is the quarter in focus a year before."""
        outer = m.group(*_OUTER)
        first = self.single(m, text, outer)
        if first is None:
            return None
        story = last = focus = None
        narrative = False
        if told is not None and (first.focus_year is not None
                                 or not (first.kind == "date" and isinstance(first.meaning, TimeSpan))):
            story, last, narrative, focus = told.anchor(text, m.start()), told.last(), told.narrative, told.quarter
        _, is_single, bd, _, du, wp, _, pr, _, rf, fq, an, dp = outer
        opens = not bd or normalize(bd) in self.openers
        if first.kind == "date" and is_single and opens and not (du or wp or pr or rf or fq or an or dp):
            joined = self.range(m, first, text, published, end, None if first.deictic and not narrative else story)
            if joined is not None:
                return joined
        if narrative and first.kind == "present" and normalize(m.group("pr") or "") in self.weak_present:
            return None  # "Der Angriff fand nun erst ... statt": in a narrative, a particle of the story
        if first.kind == "present" and normalize(m.group("pr") or "") in self.discourse_present \
                and text.startswith(",", m.end()) and _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()):
            return None  # "Now, he says, ...": a sentence's opening particle, no time
        if narrative and first.deictic and m.start("s_rd_n") >= 0 and first.clock is None \
                and self.lex.key("days", m.group("s_rd_n")) == "today":
            # In a narrative (a history told long after), "heute" is the writer's present, not a day of it.
            first = Reading(first.start, first.end, "present", None, first.modifier, signal=first.signal,
                            signal_start=first.signal_start, value="PRESENT_REF", timex_type=tx.DATE, deictic=True)
        if (first.year_shift is not None or first.focus_year is not None) and focus is not None:
            q = (focus.start.month - 1) // 3 + 1
            when = rs.quarter(first.focus_year or focus.start.year + first.year_shift, q)
            return _expression(text[first.start:first.end], first.start, first.end, "date", when, first.modifier,
                               True, timex_type=tx.DATE, value=tx.span_value(when), signal=first.signal,
                               signal_start=first.signal_start, anchor="story")
        if story is not None and not narrative and first.directional \
                and sentence_direction(text, first.start, first.end, self.language, first.own_words) == "future":
            story = None  # news: a plan is told from the writer's now ("invited in July 1997, will join on [March 12]")
        if first.in_focus:  # the day last named, else in a narrative the story's, else today
            story = (told.recent_day() if told is not None else None) or (last if narrative else None)
        elif first.anaphoric and (an or first.unit not in _LONG_UNITS) and told is not None and not narrative \
                and (named := told.mentioned(first.unit)) is not None:
            # news: "the following month", "three days later" count from the date last named, however read
            story = named
        elif first.anaphoric and last is not None:
            story = last
        elif first.deictic and not (narrative and (not first.daily or story is None or story.precision == "day")):
            story = None  # news: the publication; a narrative: its day ("am Freitag" needs a day to count from)
        if first.length is not None and not rs.fine_enough(story or published, first.unit):
            return self.finish(first.length, text, published)  # "nach [77 Tagen]" in 1968: a length, no day
        return self.finish(first, text, published, story)

    # -- single expressions ----------------------------------------------------------------------

    def single(self, m: re.Match[str], text: str, outer: tuple[str | None, ...]) -> Reading | None:
        """`outer` is `m.group(*_OUTER)`: the prefixes are looked at many times."""
        lex = self.lex
        units, _, bd, ap, du, wp, pt, pr, sets, rf, fq, an, dp = outer
        if sets:
            return self.sets(m)
        if units:
            return self.units(m, text)
        # The bound word ("bis", "since") and an approximation that is a preposition ("gegen") stay
        # outside the expression, as TIMEX3 draws it; they still give it its bound.
        signal_ap = False
        if bd or ap or du or wp or pt:
            signal_ap = bool(ap) and normalize(ap) in self.signal_ap
            signal_du = bool(du) and normalize(du) in self.signal_during  # "during [the quarter]"
            first_inside = next((m.start(g) for g in ("ap", "du", "wp", "pt", "body") if m.start(g) >= 0
                                 and not (g == "ap" and signal_ap) and not (g == "du" and signal_du)
                                 and not (g == "wp" and not self._takes_within(m))), m.start("body"))
            signal = text[m.start():first_inside].strip() or None
            signal_start = m.start() if signal else None
        else:  # most expressions: no word before the body
            first_inside, signal, signal_start = m.start("body"), None, None
        if an:  # "am selben Tag", "the following year": the story's day, month or year, or next to it
            which, unit = self.lex.key("anaphora", an).split("_")
            delta = {"same": 0, "next": 1, "previous": -1}[which]
            return Reading(m.start("story_word"), m.end(), "date", rs.shifted(unit, delta), modifier=self._bound(bd),
                           signal=signal, signal_start=signal_start, timex_type=tx.DATE, anaphoric=True, unit=unit)
        if dp:  # "in the morning", "am Abend": that part of the day in focus
            first_at = s = m.start("day_part")
            words = dp.split()
            while len(words) > 1 and lex.has("day_parts", "outside", words[0]):  # "in [the morning]", "in der [Nacht]"
                signal, signal_start = text[first_at:s + len(words[0])], first_at
                s = self.next_word.search(text, s + len(words[0])).start(1)
                words = words[1:]
            return Reading(s, m.end(), "date", rs.shifted("day", 0), modifier=self._bound(bd),
                           signal=signal, signal_start=signal_start, timex_type=tx.TIME,
                           clock=self._day_part(words[-1]), in_focus=True)
        focus_start = m.start("focus")
        if du and not fq and self.lex.key("focus", m.group("body")):
            # "during [the quarter]": the quarter in focus too (the body also reads as the quarter under way)
            fq, focus_start = m.group("body"), m.start("body")
        if fq:  # the quarter a report is about: read in `finish` from the quarter in focus
            year_shift = -1 if self.lex.key("focus", fq) == "year_ago_quarter" else 0
            # Without a quarter in focus: a report after the quarter's end, of the last one.
            back = 1 if sentence_direction(text, focus_start, m.end(), self.language) == "past" else 0
            return Reading(focus_start, m.end(), "date", rs.shifted("quarter", 4 * year_shift - back),
                           modifier=self._bound(bd),
                           signal=signal, signal_start=signal_start, timex_type=tx.DATE, year_shift=year_shift,
                           deictic=True)
        if pr or rf:
            which = "PRESENT_REF" if pr else \
                ("PAST_REF" if lex.has("references", "past", rf) else "FUTURE_REF")
            s = m.start("pr") if pr else m.start("reference")
            if rf and self._in_conjunction(text, s, m.end()):
                return None  # "as soon as they arrive", "soon after the attack": a link between events, no time
            if rf and self.owner_after.match(text, m.end()):
                return None  # "the future of our peoples": a thing that belongs to someone, no time
            if ap and not signal_ap:
                s = m.start("ap")
            if pr:
                return Reading(s, m.end(), "present", None, self._bound(bd), signal=signal, value=which,
                               timex_type=tx.DATE, deictic=True, signal_start=signal_start)
            return Reading(s, m.end(), "reference", None, "before" if which == "PAST_REF" else "after",
                           signal=signal, value=which, timex_type=tx.DATE, signal_start=signal_start)
        core = self.core(m)
        if core is None:
            return None
        if not self._accept(core, text, bool(bd or ap or pt or du or wp)):
            return None
        if core.name == "ur" and m.start("s_ur_a") >= 0 and not (pt or du or wp):
            # "[the year] ended Sept. 30" (see `Grammar.period_ended`): a report's period, as long as its unit
            unit = lex.key("units", m.group("s_ur_au"))
            return Reading(m.start("s_ur_a"), m.end(), "duration", signal=signal, signal_start=signal_start,
                           value=tx.duration_value(1, unit), timex_type=tx.DURATION)
        meaning, modifier = core.meaning, core.modifier
        which = lex.key("parts", pt)
        if which and meaning is not None:
            meaning = _with_part(meaning, which)
            modifier = which
        if ap and not (signal_ap and core.clock):  # "um [14 Uhr]" is a time, not an approximation
            modifier = modifier or "approximate"
        if bd:
            modifier = self._bound(bd)
        later = None
        if wp and core.period and not which:
            later = lex.has("within_period", "later", wp)
        start = first_inside
        takes_article = core.name not in _NO_ARTICLE or core.name in _SHIFTED and m.start(f"s_{core.name}_s") >= 0
        if self.article_inside and (pt or takes_article and not _hyphen_in_last_word(text, start, m.end())):
            # ("[the late 1970s]", "by [the end of 1990]", "by [the mid-1990s]", "from [the previous Friday]"; not
            # "the [third-quarter] results", "the [Tuesday] deadline", "the [October] slaying")
            art = self.article_before.search(text, max(0, start - 6), start)
            if art is not None:  # also where the signal took it: "by [the end of 1990]"
                start = art.start()
                signal = text[m.start():start].strip() or None
                signal_start = m.start() if signal else None
        split = None
        if core.name in ("dmy", "mdy") and m.start(f"s_{core.name}_d2") >= 0:
            d1, d2 = m.span(f"s_{core.name}_d"), m.span(f"s_{core.name}_d2")
            if core.name == "dmy":
                d1end = d1[1] + 1 if text[d1[1]:d1[1] + 1] == "." else d1[1]
                split = ((max(start, m.start("s_dmy")), d1end), (d2[0], m.end()))
            else:
                split = ((max(start, m.start("s_mdy")), d1[1]), (d2[0], m.end()))
        elif core.name == "yr" and m.start("s_yr_y2") >= 0 and meaning.precision == "interval":
            split = ((max(start, m.start("s_yr_y")), m.end("s_yr_y")), m.span("s_yr_y2"))  # "1940/41"
        return Reading(start, m.end(), "date", meaning, modifier, core.directional, later, signal=signal,
                       signal_start=signal_start,
                       clock=core.clock, value=core.value, deictic=core.deictic, daily=core.daily, split=split,
                       own_words=core.own_words, focus_year=core.focus_year, in_focus=core.in_focus,
                       done=core.name == "wd" and self.possessive.match(text, m.end()) is not None,
                       timex_type=tx.TIME if core.clock else tx.DATE)

    def _in_conjunction(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] lies within a conjunction of the language ("as soon as")."""
        for c in self.conjunction.finditer(text, max(0, start - 12), min(len(text), end + 12)):
            if c.start() <= start and end <= c.end() or start <= c.start() < end:
                return True
        return False

    @staticmethod
    def _takes_within(m: re.Match[str]) -> bool:
        """"[earlier this month]", "[Later Thursday]" keep the word; "später im [Februar]" does not."""
        return m.start("s_ur") >= 0 or m.start("s_wd") >= 0 or m.start("s_rd") >= 0

    def sets(self, m: re.Match[str]) -> Reading | None:
        """"jeden Tag" P1D, "alle zwei Wochen" P2W, "every Monday" XXXX-WXX-1, "each July" XXXX-07, "täglich" P1D."""
        lex = self.lex
        if m.group("every_f"):
            unit = lex.key("frequency", m.group("every_f"))
            return Reading(m.start("every"), m.end(), "set", value=tx.duration_value(1, unit), timex_type=tx.SET)
        if m.group("every_w"):
            index = rs.WEEKDAYS.index(lex.key("weekdays", m.group("every_w")))
            return Reading(m.start("every"), m.end(), "set", value=f"XXXX-WXX-{index + 1}", timex_type=tx.SET)
        if m.group("every_m"):
            month = self._month(m.group("every_m"))
            return Reading(m.start("every"), m.end(), "set", value=f"XXXX-{month:02d}", timex_type=tx.SET)
        unit = lex.key("units", m.group("every_u")) or lex.key("units_plural", m.group("every_u"))
        if unit is None:
            return None
        amount = self._amount(m.group("every_n")) if m.group("every_n") else 1
        return Reading(m.start("every"), m.end(), "set", value=tx.duration_value(amount, unit), timex_type=tx.SET)

    def units(self, m: re.Match[str], text: str) -> Reading | None:
        lex = self.lex
        if m.group("nb"):  # "for [weeks]", "in the [years] that followed": some number of them
            unit = lex.key("units_plural", m.group("nb_u"))
            return Reading(m.start("nb_u"), m.end("nb_u"), "duration", signal=m.group("nb_pre"),
                           signal_start=m.start("nb_pre"), value=tx.duration_value(None, unit), timex_type=tx.DURATION)
        unit = lex.key("units", m.group("nu_u")) or lex.key("units_plural", m.group("nu_u"))
        pre, post = m.group("nu_pre"), m.group("nu_post")
        sign = 0
        if pre and lex.has("durations", "ago_before", pre):
            sign = -1
        elif pre and lex.has("durations", "from_now", pre):
            sign = 1
        if post and lex.has("durations", "ago_after", post):
            sign = -1
        amount = self._amount(m.group("nu_n"))
        if amount is not None and (m.group("nu_fr") or m.group("nu_half")):
            amount += FRACTION_VALUES.get(m.group("nu_fr") or "", 0.5 if m.group("nu_half") else 0.0)
        if unit == "quarter" and (amount == 1 or text[m.start("nu_u") - 1] == "-") \
                and self.share_of.match(text, m.end()):
            # "three-quarters of its food", "a quarter of the market": a share ("two quarters of losses" is time)
            return None
        if unit is None or self.age.match(text, m.end()):
            return None  # "ein 6-jähriger", "a 6-year-old": an age, not a time
        if lex.has("durations", "rate", m.group("nu_n")) and not (pre or post or m.group("nu_sh")) \
                and self.count_before.search(text, max(0, m.start("nu") - 40), m.start("nu")):
            return None  # "700 seats a week", "$500 million a year", "24 hours a day": a rate, no time
        if text.startswith("-", m.end()) and text[m.end() + 1:m.end() + 2].isalpha() and not m.group("nu_post") \
                and not text.startswith("-", m.start("nu_u") - 1) and self.scan.match(text, m.start("nu_u")):
            # "a year-earlier loss": the unit starts a compound that is an expression of its own, read from
            # there on ("a week-long strike" and "90-Tage-Frist" stay as they are)
            return None
        # "for [three months]", "over [the past two years]", "[more than two years]": the signal stays outside.
        start = m.start("nu")
        signal = signal_start = None
        shifted = m.group("nu_sh")
        if pre and (shifted or not sign):
            start = next(m.start(g) for g in ("nu_sh", "nu_ap", "nu_n", "nu_v") if m.start(g) >= 0)
            signal = text[m.start("nu"):start].strip() or None
            signal_start = m.start("nu") if signal else None
            sign = 0 if shifted else sign
        if signal is None and not pre and self.article_inside and "-" not in text[start:m.end()]:
            # "[the nine months]": the determiner is inside; not in "the [eight-year] term"
            art = self.article_before.search(text, max(0, start - 6), start)
            if art is not None:
                start = art.start()
        value = tx.duration_value(amount if m.group("nu_n") else None, unit)
        if amount is not None and not float(amount).is_integer():
            # "2 1/2 years", "a minute and a half", "anderthalb Jahre": on the calendar in a smaller unit
            # ("ein halbes Jahr später": six months later)
            smaller = _IN_SMALLER.get(unit)
            if smaller is None or not float(amount * smaller[1]).is_integer():
                return Reading(start, m.end("nu_half") if m.group("nu_half") else m.end("nu_u"), "duration",
                               signal=signal, signal_start=signal_start, value=value, timex_type=tx.DURATION)
            unit, amount = smaller[0], int(amount * smaller[1])
        if shifted and amount is not None:
            span = "next" if lex.key("shift", shifted.split()[-1]) in ("next", "after_next") else "past"
            return Reading(start, m.end("nu_u"), "duration", signal=signal, signal_start=signal_start, value=value,
                           timex_type=tx.DURATION,
                           span=span, unit=unit, amount=amount)
        if sign and amount is not None and m.group("nu_n"):
            if post and not lex.has("durations", "ago_after", post):
                return Reading(start, m.end("nu_u"), "duration", signal=signal, signal_start=signal_start,
                               value=value, timex_type=tx.DURATION)  # "[zwei Jahre] lang"
            modifier = "approximate" if m.group("nu_ap") or m.group("nu_or") else None  # "[a week or so ago]"
            if sign > 0 and pre:  # "in [two weeks]": the preposition stays outside, as TIMEX3 draws signals
                start = next(m.start(g) for g in ("nu_ap", "nu_n") if m.start(g) >= 0)
                signal, signal_start = pre, m.start("nu_pre")
                if sentence_direction(text, start, m.end(), self.language) == "past":
                    # told of the past, "in" gives a length: "responded in [less than one hour]", "the smallest
                    # gain in [a year]"
                    return Reading(start, m.end("nu_u"), "duration", signal=signal, signal_start=signal_start,
                                   value=value, timex_type=tx.DURATION)
            return Reading(start, m.end(), "date", rs.ago(unit, amount, sign), modifier, signal=signal,
                           year_shift=sign * amount if unit == "year" else None,
                           signal_start=signal_start, timex_type=tx.TIME if unit in ("hour", "minute") else tx.DATE,
                           deictic=True)
        if sign < 0 and m.group("nu_v") and not shifted:
            # "[several years ago]", "[vor einigen Jahren]": some time before, too vague to place
            return Reading(m.start("nu"), m.end(), "reference", None, "before", value="PAST_REF", timex_type=tx.DATE)
        if pre and lex.has("durations", "from_now", pre) and not m.group("nu_n"):
            return None  # "in einigen Wochen" is too vague to place
        if pre and lex.has("durations", "later_before", pre) and amount is not None and m.group("nu_n") \
                and not shifted:  # "nach zwei Tagen": that far after the story's time
            inside = next(m.start(g) for g in ("nu_ap", "nu_n") if m.start(g) >= 0)
            length = Reading(inside, m.end("nu_u"), "duration", signal=pre, signal_start=m.start("nu_pre"),
                             value=value, timex_type=tx.DURATION)
            return Reading(m.start("nu"), m.end("nu_u"), "date", rs.ago(unit, amount, 1), timex_type=tx.DATE,
                           anaphoric=True, year_shift=amount if unit == "year" else None, unit=unit, length=length)
        if post and lex.has("durations", "after", post) and amount is not None:
            # "zwei Tage später", "a year earlier": that far from the story's time
            later = lex.has("durations", "later", post)
            if (later or lex.has("durations", "earlier", post)) and unit not in _LONG_UNITS \
                    and lex.has("durations", "length_after", post):
                # "[Three days] later", "[A day earlier]": a length as TIMEX3 draws it, the word outside; it
                # still points to its day for the timeline ("a year earlier" is a date: a report's comparison)
                return Reading(start, m.end("nu_u"), "date", rs.ago(unit, amount, 1 if later else -1),
                               value=value, timex_type=tx.DURATION, anaphoric=True, unit=unit)
            if later or lex.has("durations", "earlier", post):
                return Reading(start, m.end(), "date", rs.ago(unit, amount, 1 if later else -1), signal=signal,
                               year_shift=(amount if later else -amount) if unit == "year" else None,
                               signal_start=signal_start, timex_type=tx.DATE, anaphoric=True, unit=unit)
        approximation = m.group("nu_ap")
        if approximation and start == m.start("nu_ap") and normalize(approximation) in self.signal_ap:
            # "spent about [five hours]": an approximation that is a preposition stays outside, as with a date
            start = next(m.start(g) for g in ("nu_n", "nu_v") if m.start(g) >= 0)
            signal, signal_start = approximation, m.start("nu_ap")
        return Reading(start, m.end("nu_u"), "duration", signal=signal, signal_start=signal_start, value=value,
                       timex_type=tx.DURATION)

    def core(self, m: re.Match[str]) -> Core | None:
        for name, group, reads in self.core_groups:  # noqa: B007 - a search: the group found is used after the loop
            if m.start(group) >= 0:
                break
        else:
            return None
        # The meaning depends on nothing but the text of the groups the core reads (the same few dates
        # and words recur in every text), and meanings are immutable: each is worked out once.
        known = self._cores[name]
        key = m.group(*reads)
        try:
            found = known[key]
        except KeyError:
            c = self._core(m, name)
            found = None if c is None else (c.meaning, c.directional, c.bare, c.plain_year, c.needs_context,
                                            c.period, c.modifier, c.clock, c.value, c.deictic, c.daily, c.own_words,
                                            c.focus_year, c.in_focus)
            if len(known) < _KNOWN_CORES:
                known[key] = found
        if found is None:
            return None
        s, e = m.span(group)
        return Core(found[0], name, s, e, *found[1:])

    def _core(self, m: re.Match[str], name: str) -> Core | None:
        p = "s_"  # the prefix of the core's groups in the scanner
        g = lambda key: m.group(p + key)  # noqa: E731
        lex = self.lex
        s, e = m.span(p + name)
        c = Core(meaning=None, name=name, start=s, end=e)  # type: ignore[arg-type]
        try:
            if name == "iso":
                c.meaning = ts.parse_iso("-".join(part.zfill(2) for part in g("iso").split("-")))
            elif name == "month_number":
                c.meaning = rs.month(int(g("month_number_y")), int(g("month_number_m")))
            elif name == "num":
                c.meaning = self._numeric(g("n1"), g("n2"), g("n3"), g("ns"))
            elif name in ("dmy", "mdy"):
                c.meaning = self._day_month(g(name + "_d"), g(name + "_d2"), g(name + "_m"), g(name + "_y"))
                c.directional = isinstance(c.meaning, Yearless)
                c.clock = self._day_part(g(name + "_dp"))  # "Abend des 22. Juni 1940", "morning of June 22"
            elif name == "dmo":  # "the third of June", "am dritten Juni"
                c.meaning = self._day_month(lex.key("day_ordinals", g("dmo_d")), None, g("dmo_m"), g("dmo_y"))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "night":  # "Nacht vom 16. auf den 17. April 1945": the night of the first day
                month_word = g("night_m0") or g("night_m1") or g("night_m2")
                if month_word is None:
                    return None
                c.meaning = self._day_month(g("night_d"), None, month_word, g("night_y"))
                c.directional = isinstance(c.meaning, Yearless)
                c.clock = self._day_part(g("night").split()[0])  # "Nacht", "night": a part of the day (TNI)
            elif name == "wo":  # "the week of March 9th": the week the day is in
                c.meaning = _week_of(self._day_month(g("wo_d") or g("wo_d2"), None, g("wo_m") or g("wo_m2"), None))
                c.directional = True
            elif name == "numd":
                d, mo = int(g("nd1")), int(g("nd2"))
                if self.order == "mdy":
                    d, mo = mo, d
                rs.day(2000, mo, d)
                c.meaning, c.directional, c.needs_context = Yearless(lambda y: rs.day(y, mo, d)), True, True
            elif name == "my":
                c.meaning = rs.month(int(g("my_y")), self._month(g("my_m")))
            elif name == "mr":
                mo = self._month(g("mr_m"))
                c.meaning = self._in_year(lambda y: rs.month(y, mo), m, p, g("mr_s"))
                c.directional = isinstance(c.meaning, Yearless) or self._this(g("mr_s"))
                c.deictic = c.daily = self._this(g("mr_s"))  # "diesen Juni": the writer's
                if not g("mr_s") and c.meaning.__class__ is Yearless:
                    c.bare = g("mr_m")
            elif name == "se":
                key = lex.key("seasons", g("se_n"))
                c.meaning = self._in_year(lambda y: rs.season(y, key), m, p, g("se_s"))
                c.directional = isinstance(c.meaning, Yearless) or self._this(g("se_s"))
                c.deictic = c.daily = self._this(g("se_s"))  # "this summer": the writer's
                if not g("se_s") and c.meaning.__class__ is Yearless:
                    c.bare = g("se_n")
            elif name == "hol":
                key = lex.key("holidays", g("hol_n"))
                c.meaning = self._in_year(lambda y: rs.holiday(key, y), m, p, g("hol_s"))
                c.directional = isinstance(c.meaning, Yearless) or self._this(g("hol_s"))
                c.deictic = c.daily = self._this(g("hol_s"))
            elif name == "q":
                q = int(g("q1") or g("q2"))
                c.meaning = rs.in_this_year(self._short_year(lambda y: rs.quarter(y, q), g("qy"), g("qyy") or g("qyg")))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "qo":
                q = self._ordinal(g("qo_n"))
                c.meaning = rs.in_this_year(self._in_year(lambda y: rs.quarter(y, q), m, p, None))
                if g("qo_y0"):
                    c.meaning = rs.quarter(int(g("qo_y0")), q)
                elif g("qo_ago") and isinstance(c.meaning, rs.ThisYear):
                    c.meaning = rs.year_before(c.meaning)
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "sy":  # "nineteen ninety-six", "the year two thousand"
                c.meaning = rs.year(self.spoken_year(g("sy")))
            elif name == "fp":  # "the 1988 period": read in `Reader.read` from the quarter in focus
                c.meaning, c.focus_year = rs.year(int(g("fp_y"))), int(g("fp_y"))
            elif name == "h":
                h = int(g("h1") or g("h2"))
                c.meaning = self._short_year(lambda y: rs.half(y, h), g("hy"), g("hyy") or g("hyg"))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "ho":
                h = 2 if self._ordinal(g("ho_n")) == -1 else self._ordinal(g("ho_n"))
                prefix = p if g("hu") is not None else p + "hf_"  # "Jahreshälfte (2025)", "half of 2025"
                c.meaning = self._in_year(lambda y: rs.half(y, h), m, prefix, None)
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "pu":
                c.meaning, c.modifier = self._part_unit(g("pu_n"), g("pu_y"), g("pu_y2"))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "dec":
                c.meaning = rs.decade(int(g("dec_y")))
            elif name == "dec2":
                c.meaning = rs.decade(1900 + int(g("dec2_y") or g("dec3_y")))
            elif name == "kw":
                n = int(g("kw_n") or g("kw_o"))
                build = lambda y: rs.iso_week(y, n)  # noqa: E731
                year = g("kw_y") or g("kw_y2")
                c.meaning = self._short_year(build, year, g("kw_yy"))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "nth":  # the n-th (or last) weekday or day of a month
                n = self._ordinal(g("nth_o"))
                mo = self._month(g("nth_m"))
                index = rs.WEEKDAYS.index(lex.key("weekdays", g("nth_w"))) if g("nth_w") else None
                if g("nth_wk"):  # "the second week of May"
                    build = lambda y: rs.week_in_month(y, mo, n)  # noqa: E731
                else:
                    build = lambda y: rs.nth_in_month(y, mo, n, index)  # noqa: E731
                build(2024)  # one that exists
                c.meaning = build(int(g("nth_y"))) if g("nth_y") else Yearless(build)
                c.directional = c.own_words = isinstance(c.meaning, Yearless)
            elif name == "nthw":  # "die zweite Maiwoche"
                n, mo = self._ordinal(g("nthw_o")), self._month(g("nthw_m"))
                build = lambda y: rs.week_in_month(y, mo, n)  # noqa: E731
                c.meaning = build(int(g("nthw_y"))) if g("nthw_y") else Yearless(build)
                c.directional = c.own_words = isinstance(c.meaning, Yearless)
            elif name == "day_of":  # the 5th of next month
                d = int(g("day_of_d"))
                c.meaning = rs.day_of_month(d, rs.SHIFTS[lex.key("shift", g("day_of_s"))])
                c.deictic = True
            elif name == "wd":
                index = rs.WEEKDAYS.index(lex.key("weekdays", g("wd_n") or g("wd_g")))
                shift = rs.SHIFTS[lex.key("shift", g("wd_s"))] if g("wd_s") else None
                week = rs.SHIFTS[lex.key("shift", g("wd_s2"))] if g("wd_s2") else None
                c.meaning = rs.weekday(index, shift, week)
                c.directional = shift is None and week is None
                c.clock = self._day_part(g("wd_gp") or g("wd_dp"))
                c.deictic = c.daily = True
                c.in_focus = lex.key("story_shift", g("wd_s")) is not None  # "the previous Friday"
                if c.directional and g("wd_n"):
                    c.bare = g("wd_n")
            elif name == "we":
                c.deictic = c.daily = True
                if g("we_s"):
                    c.meaning = rs.shifted("weekend", rs.SHIFTS[lex.key("shift", g("we_s"))])
                else:
                    c.meaning, c.directional = rs.weekend_near(), True
            elif name == "yr":
                y = int(g("yr_y"))
                c.meaning = rs.year(y)
                if g("yr_y2"):
                    y2 = self._second_year(y, g("yr_y2"))
                    if y2 is None and len(g("yr_y2")) == 2 and 1 <= int(g("yr_y2")) <= 12:
                        c.meaning = rs.month(y, int(g("yr_y2")))  # 2020/11: a month
                    elif y2 is None:
                        return None
                    else:
                        c.meaning = ts.span_between(rs.year(y), rs.year(y2))
                c.plain_year = not g("yr_n")
            elif name == "fy":
                y = int(g("fy_y"))
                c.meaning = rs.year(y if y >= 100 else 2000 + y)
            elif name == "ur":
                c.period = True
                c.deictic = bool(g("ur_s") or g("ur_su"))
                if g("ur_su"):
                    unit, delta = self._shift_unit(g("ur_su"))
                    c.meaning, c.period = rs.shifted(unit, delta), False
                elif g("ur_s"):
                    unit = lex.key("units", g("ur_u"))
                    delta = rs.SHIFTS[lex.key("shift", g("ur_s"))]
                    c.meaning, c.period = rs.shifted(unit, delta), delta == 0
                else:
                    c.meaning = rs.shifted(lex.key("units", g("ur_au")), 0)
            elif name == "whole":  # "the full year": the period going on where the words are read
                c.meaning, c.period = rs.shifted(lex.key("whole_periods", g("whole")), 0), True
            elif name == "rd":
                delta = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "tomorrow": 1,
                         "day_after_tomorrow": 2}[lex.key("days", g("rd_n"))]
                c.meaning = rs.shifted_day(delta)
                c.clock = self._day_part(g("rd_dp") or g("rd_dp0")) or self._day_part(g("rd_n"))
                c.deictic = c.daily = True
            elif name == "clock" and p + "clock_named" in m.re.groupindex and g("clock_named"):
                # "noon Thursday"; midnight ends its day: "midnight Friday" T24
                c.clock = "T12:00" if lex.key("clock", g("clock_named")) == "noon" else "T24"
                c.meaning = rs.shifted_day(0)
            elif name == "clock":
                hour = int(g("clock_h"))
                minute = g("clock_m") or g("clock_m2") or g("clock_m3")
                if g("clock_pm") and hour < 12:
                    hour += 12
                elif g("clock_am") and hour == 12:
                    hour = 0
                c.clock = f"T{hour:02d}:{minute}" if minute else f"T{hour:02d}:00"
                c.meaning = rs.shifted_day(0)
            elif name == "era":
                y = int(g("era_y"))
                if lex.key("era", g("era_w")) == _ERA_BC:
                    c.meaning, c.value = None, tx.year_value(1 - y)
                else:
                    c.meaning = rs.year(y)
            elif name == "century":
                n = int(g("century_n"))
                if not 1 <= n <= 21:
                    return None
                first = max(1, (n - 1) * 100)
                c.meaning = ts.interval(date(first, 1, 1), date((n - 1) * 100 + 99, 12, 31), f"{n - 1:02d}")
                c.value = f"{n - 1:02d}"
        except (ValueError, KeyError, TypeError):
            return None
        if isinstance(c.meaning, rs.Deictic):  # "June last year": the writer's, in news and narratives alike
            c.deictic = c.daily = True
        return c

    # -- ranges ----------------------------------------------------------------------------------

    def range(self, m: re.Match[str], first: Reading, text: str, published: TimeSpan | None, end: int,
              story: TimeSpan | None = None) -> TimeExpression | None:
        conn = self.connector.match(text, m.end(), end)
        if conn is None or first.meaning is None or first.split is not None:
            return None
        # The connector ends in a space, dash or slash, where the scanner may start the second half.
        m2 = self.scan.match(text, conn.end(), end)
        if m2 is None:
            return None
        outer = m2.group(*_OUTER)
        _, is_single, bd, ap, du, wp, _, pr, _, rf, fq, an, _ = outer
        if not is_single or bd or ap or du or wp or pr or rf or fq or an:
            return None
        second = self.single(m2, text, outer)
        if second is None or second.kind != "date" or second.later is not None or second.meaning is None \
                or second.clock or first.clock:
            return None
        opener = self.range_from.search(text, max(0, first.start - 20), first.start)
        word = opener.group("w") if opener else None
        if m.group("bd"):  # "from May to July": the bound word opens the range
            word = m.group("bd")
        if conn.group("and") and not (word and normalize(word) in self.between):
            return None
        anchor = self._anchor(first, published, story)
        a, b = first.meaning, second.meaning
        direction = None
        if anchor is not published and anchor is not None:
            direction = None
        elif isinstance(a, Yearless) or isinstance(b, Yearless) or first.directional or second.directional:
            direction = sentence_direction(text, first.start, m2.end(), self.language)
        try:
            got = _between(a, b, anchor, direction)
        except (ValueError, OverflowError):
            return None
        if got is False:
            return None
        when, parts = (None, None) if got is None else got
        start = first.start
        used = None if isinstance(a, TimeSpan) and isinstance(b, TimeSpan) else \
            ("story" if anchor is story and story is not None else "published")
        pieces: tuple[TimeExpression, ...] = ()
        if parts is not None:
            pieces = tuple(_expression(text[r.start:r.end], r.start, r.end, "date", span, None, True,
                                       timex_type=r.timex_type or tx.DATE, value=tx.span_value(span))
                           for r, span in ((first, parts[0]), (second, parts[1])))
        signal = word or None
        signal_start = m.start("bd") if m.group("bd") else opener.start("w") if opener else None
        return _expression(text[start:m2.end()], start, m2.end(), "range", when, None, when is not None,
                           timex_type=tx.DATE, value=None,  # TIMEX3 has a value for each part, none for the range
                           signal=signal, signal_start=signal_start, anchor=used if when is not None else None,
                           parts=pieces)

    # -- finishing -------------------------------------------------------------------------------

    def _anchor(self, r: Reading, published: TimeSpan | None, story: TimeSpan | None) -> TimeSpan | None:
        """What a relative or year-less reading is read against (see `read`)."""
        return published if story is None else story

    def finish(self, r: Reading, text: str, published: TimeSpan | None,
               story: TimeSpan | None = None) -> TimeExpression | None:
        body = text[r.start:r.end]
        if r.kind == "set":
            return _expression(body, r.start, r.end, "duration", None, None, True, _DURATION_SET,
                               timex_type=tx.SET, value=r.value)
        anchor = self._anchor(r, published, story)
        used = "story" if anchor is story and story is not None else "published"
        if r.kind == "duration":
            when = None
            if r.span and anchor is not None and r.amount:
                when = rs.span_from(anchor, r.unit, r.amount if r.span == "next" else -r.amount)
            return _expression(body, r.start, r.end, "duration", when, None, True,
                               _DURATION_SET if when is None else _ALL_SET, timex_type=tx.DURATION,
                               value=r.value, signal=r.signal, signal_start=r.signal_start,
                               anchor=used if when is not None else None)
        if r.kind == "present":
            return _expression(body, r.start, r.end, "present", published, r.modifier, published is not None,
                               timex_type=tx.DATE, value=r.value, signal=r.signal, signal_start=r.signal_start,
                               anchor="published")
        if r.kind == "reference":  # an open span before or after the anchor: no bounds to give
            return _expression(body, r.start, r.end, "date", None, r.modifier, True, timex_type=tx.DATE,
                               value=r.value, signal=r.signal, signal_start=r.signal_start)
        if r.meaning is None:  # a year before the common era: a value, no calendar span
            return _expression(body, r.start, r.end, "date", None, r.modifier, True, timex_type=tx.DATE,
                               value=r.value, signal=r.signal, signal_start=r.signal_start)
        direction = None
        if used == "story":  # a year-less date in the story's year
            direction = "story"
        elif isinstance(r.meaning, Yearless) or r.directional:
            direction = "past" if r.done else sentence_direction(text, r.start, r.end, self.language, r.own_words)
            if direction == "past" and r.modifier == "not_after" and isinstance(r.meaning, Yearless):
                # a deadline ("extended until [Nov. 16]", "must be returned by [Jan. 14]") is set in the past
                # for a day to come as often as for one gone: the nearest occurrence
                direction = "both"
        try:
            when = rs.resolve(r.meaning, anchor, direction)
            if when is not None and r.later is not None and anchor is not None:
                when = rs.earlier_or_later(when, anchor, r.later)
        except OverflowError:  # the words run off the calendar from year 1 or 9999: left unresolved
            when = None
        except ValueError:
            return None
        absolute = isinstance(r.meaning, (TimeSpan, rs.TwoDigitYear))
        value = r.value
        if when is not None and value is None:
            value = tx.span_value(when) + (r.clock or "") if r.clock and when.precision == "day" else \
                tx.span_value(when)
            if r.later is not None:  # "earlier this year": a part of the period, named by the period
                value = tx.span_value(rs.resolve(r.meaning, anchor, direction))
        parts: tuple[TimeExpression, ...] = ()
        if r.split and when is not None:
            if when.start.month == 1 and when.start.day == 1 and (when.end.month, when.end.day) == (12, 31):
                ends = (rs.year(when.start.year), rs.year(when.end.year))
            else:
                ends = (rs.day(when.start.year, when.start.month, when.start.day),
                        rs.day(when.end.year, when.end.month, when.end.day))
            parts = tuple(_expression(text[s:e], s, e, "date", span, None, True, timex_type=tx.DATE,
                                      value=tx.span_value(span)) for (s, e), span in zip(r.split, ends))
        kind = "date"
        return _expression(body, r.start, r.end, kind, when, r.modifier, when is not None,
                           timex_type=r.timex_type or tx.DATE, value=None if parts else value, signal=r.signal,
                           signal_start=r.signal_start,
                           anchor=None if absolute or when is None else used, parts=parts)

    # -- checks ----------------------------------------------------------------------------------

    def _accept(self, c: Core, text: str, prefixed: bool) -> bool:
        if c.bare and not prefixed and normalize(c.bare) in self.lex.needs_context and c.bare.islower() \
                and self.verb_before.search(text, max(0, c.start - 8), c.start) \
                and _LOWER_WORD.match(text, c.end):
            return False  # "to [fall] apart", "could [spring] up": a verb
        bare_alone = c.bare and not prefixed and not self.context_before.search(text, max(0, c.start - 30), c.start)
        if bare_alone and (normalize(c.bare) in self.lex.needs_context
                           or _in_name(text, c.start, c.end, self.articles,
                                       self.weekday_names if c.name == "wd" else None)):
            return False
        if c.needs_context:
            if not prefixed and not self.context_before.search(text, max(0, c.start - 30), c.start):
                return False
            if self.not_time_after.match(text, c.end, min(len(text), c.end + 40)):
                return False  # "um 12.11 Prozent"
        if c.plain_year:
            if not prefixed and text[c.start:c.start + 2] < "19" and not self._old_year_ok(text, c.start, c.end):
                return False
            return self._year_ok(text, c.start, c.end)
        return True

    def _old_year_ok(self, text: str, s: int, e: int) -> bool:
        """A bare number before 1900 is a year only with a word before it that marks years ("seit 1848",
        `years.old_before`), in brackets or a range ("(1890–1970)"), or alone on its line (a heading)."""
        before, after = text[s - 1:s], text[e:e + 1]
        if before in "(–-/" and before or after in "–-/)" and after:
            return True
        if s == 0 or before == "\n":  # a heading, or the first word of a paragraph
            return True
        return self.old_year_before.search(text, max(0, s - 30), s) is not None

    def _year_ok(self, text: str, s: int, e: int) -> bool:
        if self.not_time_before.search(text, max(0, s - 30), s):
            return False
        if e < len(text) and text[e] in _SYMBOL_AFTER:
            return False
        if self.not_time_after.match(text, e, min(len(text), e + 40)):
            return False
        nxt = self.next_word.match(text, e, min(len(text), e + 3))
        if nxt and nxt.group(1)[:1] in _SYMBOL_AFTER:
            return False
        # The word before, if spaces follow it up to the number (what `(\S+)\s+$` finds, without a scan).
        before = text[max(0, s - 40):s]
        word_end = len(before.rstrip())
        if 0 < word_end < len(before) and before[word_end - 1].isalnum():
            word = before[:word_end].rsplit(None, 1)[-1]
            if any(map(str.isdigit, word)):
                return False
            letters = [ch for ch in word if ch.isalpha()]
            if len(letters) >= 2 and all(ch.isupper() for ch in letters):
                return False
            if letters and letters[0].islower() and any(ch.isupper() for ch in letters[1:]):
                return False
        return True

    # -- helpers ---------------------------------------------------------------------------------

    def spoken_year(self, words: str) -> int:
        """1996 from "nineteen ninety-six", 2000 from "the year two thousand"; ValueError for no year."""
        lex = self.lex
        m = self._spoken.search(words)
        if m is not None:
            tens = int(lex.key("year_tens", m.group("t")))
            ones = int(lex.key("year_ones", m.group("o"))) if m.group("o") else 0
            if ones and 10 <= tens < 20:
                raise ValueError("no year")  # "nineteen fifteen five"
            return int(lex.key("year_centuries", m.group("c"))) * 100 + tens + ones
        m = self._millennium.search(words)
        if m is None:
            raise ValueError("no year")
        ones = int(lex.key("year_ones", m.group("o"))) if m.group("o") else 0
        return int(lex.key("year_millennia", m.group("m"))) + ones

    def _bound(self, word: str | None) -> str | None:
        key = self.lex.key("bounds", word)
        return None if key in (None, "as_of", "then") else key

    def _day_part(self, word: str | None) -> str | None:
        """"Abend" -> "TEV"; None for a word that names no part of a day."""
        if not word:
            return None
        key = self.lex.key("day_part_names", word)
        return "T" + _DAY_PART_CODES[key] if key else None

    def _amount(self, word: str | None) -> float | None:
        """2 from "2" or "zwei", 1.5 from "anderthalb", 2.5 from "2,5"."""
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        if word[:1].isdigit():
            return float(word.replace(",", "."))
        key = self.lex.key("numbers", word)
        if key is None:
            return None
        number = float(key)
        return int(number) if number.is_integer() else number

    def _month(self, word: str) -> int:
        key = self.lex.key("months", word) or self.lex.key("month_abbreviations", word.rstrip(".")) \
            or self.lex.key("month_abbreviations", word)
        return rs.MONTHS.index(key) + 1

    def _ordinal(self, word: str) -> int:
        """1, 2, ... from "zweiten", "3rd", "2."; -1 for the last ("letzten", "last")."""
        digits = "".join(ch for ch in word if ch.isdigit())
        if digits:
            return int(digits)
        key = self.lex.key("ordinals", word)
        return -1 if key == "last" else int(key)

    def _numeric(self, n1: str, n2: str, n3: str, sep: str) -> Meaning:
        a, b = int(n1), int(n2)
        d, mo = (b, a) if (self.order == "mdy" and sep == "/") else (a, b)
        if mo > 12 and d <= 12:
            d, mo = mo, d
        if len(n3) == 4:
            return rs.day(int(n3), mo, d)
        rs.day(2000, mo, d)  # a day that exists
        yy = int(n3)  # "3.5.71": the century that puts it nearest the anchor, at most ten years ahead
        return rs.TwoDigitYear(lambda anchor, _dir: rs.day(rs.two_digit_year(yy, anchor.year), mo, d))

    def _day_month(self, d: str, d2: str | None, month_word: str, y: str | None) -> Meaning:
        mo, d1 = self._month(month_word), int(d)
        last = int(d2) if d2 else None

        def build(year: int) -> TimeSpan:
            first = rs.day(year, mo, d1)
            return ts.span_between(first, rs.day(year, mo, last)) if last and last > d1 else first

        if y:
            return build(int(y))
        build(2000)  # a day that exists in a leap year
        return Yearless(build)

    def _in_year(self, build, m: re.Match[str], p: str, shift_word: str | None) -> Meaning:
        """The year that follows a month, season, quarter or half, or the shift before it."""
        lex = self.lex
        g = lambda key: m.group(p + key)  # noqa: E731
        if g("y"):
            return build(int(g("y")) if g("y").isdigit() else self.spoken_year(g("y")))
        if g("ys"):
            delta = rs.SHIFTS[lex.key("shift", g("ys"))]
            return rs.Deictic(lambda d, _dir: build(d.year + delta))
        if g("yu"):
            _, delta = self._shift_unit(g("yu"))
            return rs.Deictic(lambda d, _dir: build(d.year + delta))
        if g("yc"):
            if g("yy"):
                return build(int(g("yy")))
            return Relative(lambda d, _dir: build(d.year))
        if shift_word:
            return rs.named_in(build, rs.SHIFTS[lex.key("shift", shift_word)])
        return Yearless(build)

    def _short_year(self, build, long: str | None, short: str | None) -> Meaning:
        if long:
            return build(int(long))
        if short:
            return build(2000 + int(short))
        return Yearless(build)

    def _second_year(self, y: int, second: str) -> int | None:
        y2 = int(second)
        if len(second) == 2:
            y2 = y // 100 * 100 + y2
        return y2 if y2 == y + 1 else None

    def _this(self, shift_word: str | None) -> bool:
        """"diesen Winter": which winter depends on the sentence's tense."""
        return shift_word is not None and self.lex.key("shift", shift_word) == "this"

    def _shift_unit(self, word: str) -> tuple[str, int]:
        key = self.lex.key("shift_units", word)
        which, unit = key.rsplit("_", 1)
        return unit, rs.SHIFTS[which]

    def _part_unit(self, word: str, y: str | None, y2: str | None) -> tuple[Meaning, str | None]:
        key = self.lex.key("part_units", word)
        if key == "turn_of_year":
            if y and y2:
                first = int(y)
                if self._second_year(first, y2) is None:
                    raise ValueError("not consecutive years")
                return rs.turn_of_year(first), None
            return (rs.turn_of_year(int(y)) if y else Yearless(rs.turn_of_year)), None
        unit, which = key.split("_")
        if unit == "year":
            build = lambda yr: rs.part(rs.year(yr), which)  # noqa: E731
            return (build(int(y)) if y else Yearless(build)), which
        return Relative(lambda d, _dir: rs.part(rs.month(d.year, d.month), which)), which


# The fields a TimeExpression(...) call names; a duration without a span leaves `when` and `resolved` at their defaults.
_ALL_SET = set(TimeExpression.model_fields)
_DURATION_SET = set(TimeExpression.model_fields) - {"when", "resolved"}


def _expression(text: str, start: int, end: int, kind: str, when: TimeSpan | None, modifier: str | None,
                resolved: bool, fields_set: set[str] = _ALL_SET, *, timex_type: str | None = None,
                value: str | None = None, signal: str | None = None, anchor: str | None = None,
                parts: tuple[TimeExpression, ...] = (), signal_start: int | None = None) -> TimeExpression:
    """A TimeExpression without validation: the reader only builds valid fields. What `model_construct`
    does, without its loop over the fields' aliases and defaults (every field is given here)."""
    fields = {"text": text, "start": start, "end": end, "kind": kind, "when": when, "modifier": modifier,
              "resolved": resolved, "type": timex_type, "value": value, "signal": signal, "signal_start": signal_start,
              "anchor": anchor, "parts": parts}
    if not _PLAIN_MODEL:
        return TimeExpression.model_construct(fields_set, **fields)
    e = _new_expression(TimeExpression)
    _set_attribute(e, "__dict__", fields)
    _set_attribute(e, "__pydantic_fields_set__", fields_set)
    _set_attribute(e, "__pydantic_extra__", None)
    _set_attribute(e, "__pydantic_private__", None)
    return e


# `_expression` fills the instance itself where the model is as plain as it reads: these fields in this order, no
# aliases, no post-init, no private attributes, no extra fields.
_new_expression = TimeExpression.__new__
_set_attribute = object.__setattr__
_PLAIN_MODEL = (tuple(TimeExpression.model_fields) == ("text", "start", "end", "kind", "when", "modifier", "resolved",
                                                       "type", "value", "signal", "signal_start", "anchor", "parts")
                and not TimeExpression.__pydantic_post_init__ and not TimeExpression.__private_attributes__
                and TimeExpression.model_config.get("extra") != "allow"
                and all(f.alias is None and f.validation_alias is None for f in TimeExpression.model_fields.values()))


# Where a sentence starts: the text's start, a line break, or a sentence mark and a space (quotes between).
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"'”’]*\s+|[\"“„‘'`]+)\s*$")
_LOWER_WORD = re.compile(r"\s+[a-zäöüß]")
_OPENERS = set("\"„“”«»([")


def _in_name(text: str, start: int, end: int, articles: frozenset[str],
             names_before: frozenset[str] | None = None) -> bool:
    """A bare month, season or weekday word next to another capitalised word, one space apart, with
    no time word before it: part of a name ("Petra Sommer", "Black Friday", "Mai Thi"). With
    `names_before` (for weekdays), only those words before it make a name: news puts a weekday right
    after its subject ("the court Friday rejected", "in Tokyo Monday")."""
    if start >= 2 and text[start - 1] == " ":
        k = start - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if k < start - 2 and text[k].isupper() and (k == 0 or text[k - 1].isspace() or text[k - 1] in _OPENERS) \
                and normalize(text[k : start - 1]) not in articles \
                and (names_before is None or normalize(text[k : start - 1]) in names_before):
            return True
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
        k = end + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        return k - end > 2
    return False


def _hyphen_in_last_word(text: str, start: int, end: int) -> bool:
    """Whether the last word of text[start:end] is a compound ("the [third-quarter] results")."""
    return text.find("-", max(start, text.rfind(" ", start, end)), end) >= 0


def _week_of(meaning: Meaning) -> Meaning:
    if isinstance(meaning, TimeSpan):
        return rs.week(meaning.start)
    build = meaning.build
    return Yearless(lambda y: rs.week(build(y).start))


def _with_part(meaning: Meaning, which: str) -> Meaning:
    if isinstance(meaning, TimeSpan):
        return rs.part(meaning, which)
    if isinstance(meaning, Yearless):
        build = meaning.build
        return Yearless(lambda y: rs.part(build(y), which))
    at = meaning.at
    return Relative(lambda d, direction: rs.part(at(d, direction), which))


def _between(a: Meaning, b: Meaning, published: TimeSpan | None, direction) \
        -> tuple[TimeSpan, tuple[TimeSpan, TimeSpan]] | None | bool:
    """The span from a to b and its two ends; False when b lies before a (not a range)."""
    if isinstance(a, Yearless) and isinstance(b, TimeSpan):
        sa = a.build(b.end.year)
        if sa.start > b.end:
            sa = a.build(b.end.year - 1)
        sb = b
    elif isinstance(b, Yearless) and isinstance(a, TimeSpan):
        sa = a
        sb = b.build(a.start.year)
        if sb.end < a.start:
            sb = b.build(a.start.year + 1)
    elif isinstance(a, Yearless) and isinstance(b, Yearless):
        sa = rs.resolve(a, published, direction)
        if sa is None:
            return None
        sb = b.build(sa.start.year)
        if sb.end < sa.start:
            sb = b.build(sa.start.year + 1)
    else:
        sa = rs.resolve(a, published, direction)
        sb = rs.resolve(b, published, direction)
        if sa is None or sb is None:
            return None
    if sb.end < sa.start:
        return False
    return ts.span_between(sa, sb), (sa, sb)


@cache
def reader(language: str) -> Reader:
    return Reader(language)
