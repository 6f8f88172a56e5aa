"""Reading one scanner match: what its words mean, whether it is time at all, and its span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import timespan as ts
from ..models import TimeExpression, TimeSpan
from . import resolve as rs
from .lexicon import Lexicon, lexicon, normalize
from .patterns import grammar, scanner
from .resolve import Meaning, Relative, Yearless
from .tense import direction as sentence_direction

_SYMBOL_AFTER = set("%‰€$£¥+×")
# The groups around a calendar expression: units, single, bound, approximation, during, within, part, present.
_OUTER = ("N", "S", "bd", "ap", "du", "wp", "pt", "pr")
_CORES = ("iso", "num", "dmy", "mdy", "numd", "my", "mr", "se", "q", "qo", "h", "ho", "pu", "dec", "dec2",
          "kw", "wd", "we", "yr", "fy", "ur", "rd")
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


@dataclass(slots=True)
class Reading:
    start: int
    end: int
    kind: str
    meaning: Meaning | None = None
    modifier: str | None = None
    directional: bool = False
    later: bool | None = None  # "earlier/later this year"


class Reader:
    """Turns matches of one language's scanner into TimeExpressions."""

    def __init__(self, language: str):
        self.language = language
        self.lex: Lexicon = lexicon(language)
        self.scan = scanner(language)
        lex, a = self.lex, self.lex.alt
        self.context_before = re.compile(rf"(?<!\w){a(('context', 'before'))}\s+$")
        self.not_time_before = re.compile(rf"(?<!\w){a(('not_time', 'before'))}\s*$")
        stems = "|".join(re.escape(normalize(w)) for w in sorted(lex.forms("not_time", "after"), key=len, reverse=True))
        self.not_time_after = re.compile(rf"(?:\s*[\"'„“”»«(]?|-)(?:{stems or '(?!)'})", re.IGNORECASE)
        self.range_from = re.compile(rf"(?<![\w.])(?P<w>{a(('ranges', 'from', 'between'))})\s+$")
        self.between = {normalize(w) for w in lex.forms("ranges", "between")}
        self.openers = {normalize(w) for w in lex.forms("ranges", "from", "between")}
        self.connector = re.compile(
            rf"(?:\s*[-–—]\s*|/|\s+(?P<to>{a(('ranges', 'to'))})\s+|\s+(?P<and>{a(('ranges', 'and'))})\s+)"
            rf"(?:{a(('bounds', 'then'))}\s+)?"
        )
        self.next_word = re.compile(r"\s*(\S+)")
        self.order = lex.format.get("numeric_order", "dmy")
        self.articles = frozenset(normalize(w) for w in lex.forms("articles"))
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

    def read(self, m: re.Match[str], text: str, published: TimeSpan | None, end: int) -> TimeExpression | None:
        outer = m.group(*_OUTER)
        first = self.single(m, text, outer)
        if first is None:
            return None
        _, is_single, bd, _, du, wp, _, pr = outer
        opens = not bd or normalize(bd) in self.openers
        if first.kind == "date" and is_single and opens and not (du or wp or pr):
            joined = self.range(m, first, text, published, end)
            if joined is not None:
                return joined
        return self.finish(first, text, published)

    # -- single expressions ----------------------------------------------------------------------

    def single(self, m: re.Match[str], text: str, outer: tuple[str | None, ...]) -> Reading | None:
        """`outer` is `m.group(*_OUTER)`: the prefixes are looked at many times."""
        lex = self.lex
        units, _, bd, ap, du, wp, pt, pr = outer
        if units:
            return self.units(m)
        if pr:
            s = m.start("bd") if bd else m.start("ap") if ap else m.start("pr")
            return Reading(s, m.end(), "present", None, self._bound(bd))
        core = self.core(m)
        if core is None:
            return None
        if not self._accept(core, text, bool(bd or ap or pt or du)):
            return None
        meaning, modifier = core.meaning, core.modifier
        which = lex.key("parts", pt)
        if which:
            meaning = _with_part(meaning, which)
            modifier = which
        if ap:
            modifier = modifier or "approximate"
        if bd:
            modifier = self._bound(bd)
        later = None
        if wp and core.period and not which:
            later = lex.has("within_period", "later", wp)
            word, name = wp, "wp"
        else:
            word, name = pt, "pt"
        start = m.start("bd") if bd else m.start("ap") if ap else m.start("du") if du \
            else m.start(name) if word else m.start("body")
        return Reading(start, m.end(), "date", meaning, modifier, core.directional, later)

    def units(self, m: re.Match[str]) -> Reading | None:
        lex = self.lex
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
        start = m.start("nu")
        if unit is None:
            return None
        if sign and amount is not None and m.group("nu_n"):
            if post and not lex.has("durations", "ago_after", post):
                return Reading(start, m.end(), "duration")
            modifier = "approximate" if m.group("nu_ap") else None
            return Reading(start, m.end(), "date", rs.ago(unit, amount, sign), modifier)
        if pre and lex.has("durations", "from_now", pre) and not m.group("nu_n"):
            return None  # "in einigen Wochen" is too vague to place
        return Reading(start, m.end(), "duration")

    def core(self, m: re.Match[str]) -> Core | None:
        for name, group, reads in self.core_groups:
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
                                            c.period, c.modifier)
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
                c.meaning = ts.parse_iso(g("iso"))
            elif name == "num":
                c.meaning = self._numeric(g("n1"), g("n2"), g("n3"), g("ns"))
            elif name in ("dmy", "mdy"):
                c.meaning = self._day_month(g(name + "_d"), g(name + "_d2"), g(name + "_m"), g(name + "_y"))
                c.directional = isinstance(c.meaning, Yearless)
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
                if not g("mr_s") and c.meaning.__class__ is Yearless:
                    c.bare = g("mr_m")
            elif name == "se":
                key = lex.key("seasons", g("se_n"))
                c.meaning = self._in_year(lambda y: rs.season(y, key), m, p, g("se_s"))
                c.directional = isinstance(c.meaning, Yearless) or self._this(g("se_s"))
                if not g("se_s") and c.meaning.__class__ is Yearless:
                    c.bare = g("se_n")
            elif name == "q":
                q = int(g("q1") or g("q2"))
                c.meaning = self._short_year(lambda y: rs.quarter(y, q), g("qy"), g("qyy") or g("qyg"))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "qo":
                q = self._ordinal(g("qo_n"))
                c.meaning = self._in_year(lambda y: rs.quarter(y, q), m, p, None)
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "h":
                h = int(g("h1") or g("h2"))
                c.meaning = self._short_year(lambda y: rs.half(y, h), g("hy"), g("hyy") or g("hyg"))
                c.directional = isinstance(c.meaning, Yearless)
            elif name == "ho":
                h = self._ordinal(g("ho_n"))
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
            elif name == "wd":
                index = rs.WEEKDAYS.index(lex.key("weekdays", g("wd_n") or g("wd_g")))
                shift = rs.SHIFTS[lex.key("shift", g("wd_s"))] if g("wd_s") else None
                week = rs.SHIFTS[lex.key("shift", g("wd_s2"))] if g("wd_s2") else None
                c.meaning = rs.weekday(index, shift, week)
                c.directional = shift is None and week is None
                if c.directional and g("wd_n"):
                    c.bare = g("wd_n")
            elif name == "we":
                if g("we_s"):
                    c.meaning = rs.shifted("weekend", rs.SHIFTS[lex.key("shift", g("we_s"))])
                else:
                    c.meaning, c.directional = rs.weekend_near(), True
            elif name == "yr":
                y = int(g("yr_y"))
                c.meaning = rs.year(y)
                if g("yr_y2"):
                    y2 = self._second_year(y, g("yr_y2"))
                    if y2 is None:
                        return None
                    c.meaning = ts.span_between(rs.year(y), rs.year(y2))
                c.plain_year = not g("yr_n")
            elif name == "fy":
                y = int(g("fy_y"))
                c.meaning = rs.year(y if y >= 100 else 2000 + y)
            elif name == "ur":
                c.period = True
                if g("ur_su"):
                    unit, delta = self._shift_unit(g("ur_su"))
                    c.meaning, c.period = rs.shifted(unit, delta), False
                elif g("ur_s"):
                    unit = lex.key("units", g("ur_u"))
                    delta = rs.SHIFTS[lex.key("shift", g("ur_s"))]
                    c.meaning, c.period = rs.shifted(unit, delta), delta == 0
                else:
                    c.meaning = rs.shifted(lex.key("units", g("ur_au")), 0)
            elif name == "rd":
                delta = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "tomorrow": 1,
                         "day_after_tomorrow": 2}[lex.key("days", g("rd_n"))]
                c.meaning = rs.shifted_day(delta)
        except (ValueError, KeyError, TypeError):
            return None
        return c

    # -- ranges ----------------------------------------------------------------------------------

    def range(self, m: re.Match[str], first: Reading, text: str, published: TimeSpan | None, end: int) -> TimeExpression | None:
        conn = self.connector.match(text, m.end(), end)
        if conn is None:
            return None
        # The connector ends in a space, dash or slash, where the scanner may start the second half.
        m2 = self.scan.match(text, conn.end(), end)
        if m2 is None:
            return None
        outer = m2.group(*_OUTER)
        _, is_single, bd, ap, du, wp, _, pr = outer
        if not is_single or bd or ap or du or wp or pr:
            return None
        second = self.single(m2, text, outer)
        if second is None or second.kind != "date" or second.later is not None:
            return None
        opener = self.range_from.search(text, max(0, first.start - 20), first.start)
        word, start = (opener.group("w"), opener.start("w")) if opener else (None, first.start)
        if m.group("bd"):  # "from May to July": the bound word opens the range
            word, start = m.group("bd"), m.start("bd")
        if conn.group("and") and not (word and normalize(word) in self.between):
            return None
        a, b = first.meaning, second.meaning
        direction = None
        if isinstance(a, Yearless) or isinstance(b, Yearless) or first.directional or second.directional:
            direction = sentence_direction(text, first.start, m2.end(), self.language)
        try:
            when = _between(a, b, published, direction)
        except (ValueError, OverflowError):
            return None
        if when is False:
            return None
        modifier = None
        return _expression(text[start:m2.end()], start, m2.end(), "range", when or None, modifier, when is not None)

    # -- finishing -------------------------------------------------------------------------------

    def finish(self, r: Reading, text: str, published: TimeSpan | None) -> TimeExpression | None:
        body = text[r.start:r.end]
        if r.kind == "duration":
            return _expression(body, r.start, r.end, "duration", None, None, True, _DURATION_SET)
        if r.kind == "present":
            return _expression(body, r.start, r.end, "present", published, r.modifier, published is not None)
        direction = None
        if isinstance(r.meaning, Yearless) or r.directional:
            direction = sentence_direction(text, r.start, r.end, self.language)
        try:
            when = rs.resolve(r.meaning, published, direction)
            if when is not None and r.later is not None and published is not None:
                when = rs.earlier_or_later(when, published, r.later)
        except OverflowError:  # the words run off the calendar from year 1 or 9999: left unresolved
            when = None
        except ValueError:
            return None
        return _expression(body, r.start, r.end, "date", when, r.modifier, when is not None)

    # -- checks ----------------------------------------------------------------------------------

    def _accept(self, c: Core, text: str, prefixed: bool) -> bool:
        if c.bare and not prefixed and not self.context_before.search(text, max(0, c.start - 30), c.start):
            if normalize(c.bare) in self.lex.needs_context or _in_name(text, c.start, c.end, self.articles):
                return False
        if c.needs_context and not prefixed:
            if not self.context_before.search(text, max(0, c.start - 30), c.start):
                return False
        if c.plain_year:
            return self._year_ok(text, c.start, c.end)
        return True

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

    def _bound(self, word: str | None) -> str | None:
        key = self.lex.key("bounds", word)
        return None if key in (None, "as_of", "then") else key

    def _amount(self, word: str | None) -> int | None:
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        key = self.lex.key("numbers", word)
        return int(key) if key and key.isdigit() else None

    def _month(self, word: str) -> int:
        key = self.lex.key("months", word) or self.lex.key("month_abbreviations", word.rstrip(".")) \
            or self.lex.key("month_abbreviations", word)
        return rs.MONTHS.index(key) + 1

    def _ordinal(self, word: str) -> int:
        digits = "".join(ch for ch in word if ch.isdigit())
        if digits:
            return int(digits)
        return int(self.lex.key("ordinals", word))

    def _numeric(self, n1: str, n2: str, n3: str, sep: str) -> TimeSpan:
        y = int(n3)
        if len(n3) == 2:
            y += 2000 if y < 70 else 1900
        a, b = int(n1), int(n2)
        d, mo = (b, a) if (self.order == "mdy" and sep == "/") else (a, b)
        if mo > 12 and d <= 12:
            d, mo = mo, d
        return rs.day(y, mo, d)

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
            return build(int(g("y")))
        if g("ys"):
            delta = rs.SHIFTS[lex.key("shift", g("ys"))]
            return Relative(lambda d, _dir: build(d.year + delta))
        if g("yu"):
            _, delta = self._shift_unit(g("yu"))
            return Relative(lambda d, _dir: build(d.year + delta))
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


# The fields a TimeExpression(...) call names; a duration leaves `when` and `resolved` at their defaults.
_ALL_SET = set(TimeExpression.model_fields)
_DURATION_SET = {"text", "start", "end", "kind", "modifier"}


def _expression(text: str, start: int, end: int, kind: str, when: TimeSpan | None, modifier: str | None,
                resolved: bool, fields_set: set[str] = _ALL_SET) -> TimeExpression:
    """A TimeExpression without validation: the reader only builds valid fields."""
    return TimeExpression.model_construct(fields_set, text=text, start=start, end=end, kind=kind, when=when,
                                          modifier=modifier, resolved=resolved)


_OPENERS = set("\"„“”«»([")


def _in_name(text: str, start: int, end: int, articles: frozenset[str]) -> bool:
    """A bare month, season or weekday word next to another capitalised word, one space apart, with
    no time word before it: part of a name ("Petra Sommer", "Black Friday", "Mai Thi")."""
    if start >= 2 and text[start - 1] == " ":
        k = start - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if k < start - 2 and text[k].isupper() and (k == 0 or text[k - 1].isspace() or text[k - 1] in _OPENERS) \
                and normalize(text[k : start - 1]) not in articles:
            return True
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
        k = end + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        return k - end > 2
    return False


def _with_part(meaning: Meaning, which: str) -> Meaning:
    if isinstance(meaning, TimeSpan):
        return rs.part(meaning, which)
    if isinstance(meaning, Yearless):
        build = meaning.build
        return Yearless(lambda y: rs.part(build(y), which))
    at = meaning.at
    return Relative(lambda d, direction: rs.part(at(d, direction), which))


def _between(a: Meaning, b: Meaning, published: TimeSpan | None, direction) -> TimeSpan | None | bool:
    """The span from a to b; False when b lies before a (not a range)."""
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
    return ts.span_between(sa, sb)


@cache
def reader(language: str) -> Reader:
    return Reader(language)
