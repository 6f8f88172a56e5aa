"""One compiled scanner per language, built from the language's time words.

The scanner is a single regular expression: a range (`von April bis Juni`), a single time with
optional bound, approximation, part and period words (`frühestens Ende Mai`), or a number of
units (`vor zwei Wochen`, `for three months`). Group names say what matched; `interpret` reads them.
Only digits and punctuation are written here; every word comes from the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from .lexicon import Lexicon, lexicon, normalize

YEAR = r"(?:1\d|20)\d\d(?!\d|[.,]\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
DASH = r"[-–—]"
# The core groups after which a year may follow (`Grammar.year_spec`); "hu" marks a half ("Jahreshälfte"),
# "hol" a holiday ("Weihnachten 1966").
_TAKES_YEAR = ("mr", "se", "qo", "hu", "hol")
# A clock time: hours, optional minutes ("14.30 Uhr", "4 Uhr 45", "2:30 p.m.").
HOUR = r"(?>2[0-3]|[01]?\d)"  # atomic: "2025" is tried as "20" once, not again as "2"
MINUTE = r"[0-5]\d(?!\d)"


class Grammar:
    """Regex pieces of one language; `core(p)` is a calendar expression with groups prefixed `p`.

    A `sketch` grammar has each word list cut down to its first letters: the same first characters
    as the real one, in a pattern small enough to work out each alternative's guard cheaply."""

    def __init__(self, lex: Lexicon, sketch: bool = False):
        self.lex = lex
        self.alt = a = lex.heads if sketch else lex.alt
        self.starting = lex.heads if sketch else lex.prefixes  # for `_starts`, a filter
        self.sketch = None if sketch else Grammar(lex, sketch=True)
        self.month_full = a("months")
        self.month_all = a("months", "month_abbreviations")
        self.weekday = a("weekdays")
        self.weekday_any = a("weekdays", "weekday_abbreviations")
        self.season = a("seasons")
        self.shift = a("shift")
        self.shift_year = a(("shift_units", "last_year", "next_year", "this_year"))
        self.shift_units = a("shift_units")
        self.year_unit = a(("units", "year"))
        self.year_unit_pl = a(("units_plural", "year"))
        self.week_unit = a(("units", "week"))
        self.day_unit = a(("units", "day"))
        self.month_unit = a(("units", "month"))
        self.weekend = a(("units", "weekend"))
        self.quarter_unit = a(("units", "quarter"))
        self.half_unit = a(("units", "half"))
        self.half_of = a("half_of")
        self.week_numbered = a(("weeks", "numbered"))
        self.cal_units = a(("units", "week", "weekend", "month", "quarter", "half", "year"))
        self.all_units = a("units", "units_plural")
        self.part = a(("parts", "start", "mid", "end"))
        self.part_of = a(("parts", "of"))
        self.part_units = a("part_units")
        self.article = a("articles")
        self.days = a("days")
        self.dp_words = a(("day_parts", "words"))
        self.weekday_glued = a("weekdays", boundary=False)
        self.dp_suffix = a(("day_parts", "suffixes"))
        self.clock_hours = a(("clock", "hours"))
        self.clock_am = a(("clock", "am"))
        self.clock_pm = a(("clock", "pm"))
        self.clock_named = a(("clock", "noon", "midnight")) if lex.forms("clock", "noon", "midnight") else None
        self.era = a("era")
        self.centuries = a("centuries")
        self.ord_suffix = a(("ordinals", "suffix"))
        self.day_ordinals = a("day_ordinals")
        self.week_glued = a(("week_of", "glued"), boundary=False) if lex.forms("week_of", "glued") else None
        self.month_glued = a("months", boundary=False)
        self.ord4 = "(?:" + a(("ordinals", "1", "2", "3", "4")) + r"|[1-4]" + self.ord_suffix + ")"
        self.ord2 = "(?:" + a(("ordinals", "1", "2")) + r"|[12]" + self.ord_suffix + ")"
        self.number = r"(?:\d{1,3}(?:[.,]\d+)?(?!\d)|" + a("numbers") + ")"
        self.vague = a(("durations", "vague"))
        self.year_nouns = a(("years", "nouns"))
        self.year_prefixes = a(("years", "prefixes"), boundary=False)
        self.decade_suffix = a(("decades", "suffix"))

    def named_clock(self, p: str) -> str:
        """A clock time named by a word ("noon", "midnight"), as another branch of the clock time; none
        where the language has no such words."""
        return rf"|(?P<{p}clock_named>{self.clock_named})(?!\w)" if self.clock_named else ""

    def period_ended(self, anchored: str) -> str:
        """`anchored`, or another way for a bare year with an article to be a time: a report's year,
        followed by the word that names its end ("the year ended Sept. 30"); `anchored` alone where the
        language has no such word. (A quarter so named is the quarter a report is about, read as before.)"""
        if not self.lex.forms("durations", "period_end"):
            return anchored
        ended = rf"(?={self.article}\s+{self.year_unit}\s+{self.alt(('durations', 'period_end'))}(?!\w))"
        return f"(?:{anchored}|{ended})"

    def spoken_year(self, p: str = "") -> str:
        """A year said in words: "nineteen ninety-six", "nineteen oh five"; with `p`, its
        parts in groups (`Reader.spoken_year` reads them). "(?!)" where the language has no such words."""
        centuries, tens = self.alt("year_centuries"), self.alt("year_tens")
        if "(?!)" in (centuries, tens):
            return "(?!)"
        group = (lambda name: f"?P<{p}{name}>") if p else (lambda name: "?:")
        ones = self.alt("year_ones")
        return rf"(?:({group('c')}{centuries})[\s-]+({group('t')}{tens})(?:[\s-]+({group('o')}{ones}))?(?![\w-]))"

    def year_spec(self, p: str) -> str:
        """What may follow a month, season, quarter or half to give its year."""
        return (
            rf"(?:\s+(?:{self.part_of}\s+)?(?:{self.article}\s+)?"
            rf"(?:(?P<{p}y>{YEAR}|{self.spoken_year()})(?:\s*/\s*(?P<{p}y2>\d\d(?!\d)|{YEAR}))?"
            rf"|(?P<{p}ys>{self.shift})\s+{self.year_unit}"
            rf"|(?P<{p}yu>{self.shift_year})"
            rf"|(?P<{p}yc>{self.year_unit})(?:\s+(?P<{p}yy>{YEAR}))?))"
        )

    def core(self, p: str, anchored: str = "(?!)") -> str:
        """`anchored` is a regex that succeeds only where a part or period word came before;
        a bare period with an article ("des Jahres") is a time only after one."""
        sketches = self.sketch.alternatives(p, anchored)
        alts = "|".join(guarded(x, s) for x, s in zip(self.alternatives(p, anchored), sketches, strict=True))
        # The year after a month, season, quarter or half, once after all of them: same order, smaller pattern.
        takes_year = "".join(f"(?({p}{n})|" for n in _TAKES_YEAR) + "(?!)" + ")" * len(_TAKES_YEAR)
        return rf"(?:(?:{alts})(?:{takes_year}{self.year_spec(p)}|))"

    def alternatives(self, p: str, anchored: str) -> list[str]:
        g = self
        ordsfx = g.ord_suffix
        alts = [
            # 2025-05-15, 2025-05
            # 2025-05-15, 2025-05, 2021-3-7
            rf"(?P<{p}iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:3[01]|[12]\d|0[1-9]))?"
            rf"|(?:19|20)\d\d-(?:1[0-2]|[1-9])-(?:3[01]|[12]\d|0?[1-9]))(?![\d]|-\d|[.,]\d)",
            # 5/2019, 05/2019: a month and its year
            rf"(?P<{p}month_number>(?P<{p}month_number_m>1[0-2]|0?[1-9])/(?P<{p}month_number_y>{YEAR}))",
            # 15.05.2025, 05/15/25
            rf"(?P<{p}num>(?:{g.weekday_any},?\s+(?:{g.article}\s+)?)?(?P<{p}n1>\d{{1,2}})(?P<{p}ns>[./])(?P<{p}n2>\d{{1,2}})(?P={p}ns)(?P<{p}n3>(?:1\d|20)\d\d|\d\d))(?!\d|[.,]\d)",
            # die Nacht vom 16. auf den 17. April 1945, the night of March 19 to 20: the first night, read with the
            # month and year of the second day (which stays an expression of its own)
            rf"(?P<{p}night>{g.alt(('night_of', 'words'))}\s+{g.alt(('night_of', 'from'))}\s+"
            rf"(?:(?P<{p}night_m0>{g.month_all})\s+)?(?P<{p}night_d>{DAY})(?:{ordsfx})?(?:\s*(?P<{p}night_m1>{g.month_all}))?"
            rf"(?=\s*(?:{g.alt(('night_of', 'to'))}|{DASH})\s*(?:{g.article}\s+)?(?P<{p}night_d2>{DAY})(?:{ordsfx})?"
            rf"(?:\s*(?P<{p}night_m2>{g.month_all}))?(?:,?\s+(?P<{p}night_y>{YEAR}))?))",
            # Dienstag, 3. März 2024 / 3.-5. März / 3rd of March
            rf"(?P<{p}dmy>(?:(?P<{p}dmy_dp>{g.dp_words})\s+{g.part_of}\s+(?:{g.article}\s+)?)?"
            rf"(?:(?P<{p}dmy_w>{g.weekday_any}),?\s+(?:{g.article}\s+)?)?(?P<{p}dmy_d>{DAY})(?:{ordsfx})?"
            rf"(?:\s*(?:{DASH}|/|{g.alt(('ranges', 'to', 'and'))})\s*(?P<{p}dmy_d2>{DAY})(?:{ordsfx})?)?"
            rf"\s*(?:{g.part_of}\s+)?(?P<{p}dmy_m>{g.month_all})(?:,?\s+(?P<{p}dmy_y>{YEAR}))?)",
            # the third of June, am dritten Juni: an alternative of its own, so that its many first letters
            # do not let the one above be tried at every word
            rf"(?P<{p}dmo>(?P<{p}dmo_d>{g.day_ordinals})\s*(?P<{p}dmo_m>{g.month_all})(?:,?\s+(?P<{p}dmo_y>{YEAR}))?)",
        ]
        if g.lex.format.get("month_day"):
            alts.append(
                # Tuesday, May 15, 2025 / May 15-17
                rf"(?P<{p}mdy>(?:(?P<{p}mdy_dp>{g.dp_words})\s+{g.part_of}\s+(?:{g.article}\s+)?)?"
                rf"(?:(?P<{p}mdy_w>{g.weekday_any}),?\s+)?(?P<{p}mdy_m>{g.month_all})\s+(?P<{p}mdy_d>{DAY})(?:{ordsfx})?"
                rf"(?:\s*(?:{DASH}|{g.alt(('ranges', 'to', 'and'))})\s*(?P<{p}mdy_d2>{DAY})(?:{ordsfx})?)?(?!\w)"
                rf"(?:,?\s+(?P<{p}mdy_y>{YEAR}))?)"
            )
        if g.lex.format.get("numeric_without_year"):
            # am 3.4., bis zum 12.11 (not "12.11 Uhr", a time)
            alts.append(rf"(?P<{p}numd>(?P<{p}nd1>\d{{1,2}})\.(?P<{p}nd2>\d{{1,2}})(?:\.|(?![.,]\d)(?!\s*{g.clock_hours})))(?![\d\w])")
        alts += [
            # März 2024, March of 2024
            rf"(?P<{p}my>(?P<{p}my_m>{g.month_all}),?\s+(?:{g.part_of}\s+)?(?P<{p}my_y>{YEAR}))",
            # (letzten) Dezember (letzten Jahres)
            rf"(?P<{p}mr>(?:(?P<{p}mr_s>{g.shift})\s+)?(?P<{p}mr_m>{g.month_full}))",
            # (letztes) Weihnachten (1966), Thanksgiving Day
            rf"(?P<{p}hol>(?:(?P<{p}hol_s>{g.shift})\s+)?(?P<{p}hol_n>{g.alt('holidays')}))",
            # (kommenden) Herbst (2025 / letzten Jahres), Winter 2025/26
            rf"(?P<{p}se>(?:(?P<{p}se_s>{g.shift})\s+)?(?P<{p}se_n>{g.season}))",
            # Q2 2025, 2Q25, Q2/2025
            rf"(?P<{p}q>Q(?P<{p}q1>[1-4])(?:\s*[/'’]?\s*(?P<{p}qy>{YEAR})|\s*[/'’]\s*(?P<{p}qyy>\d\d)(?!\d))?"
            rf"|(?P<{p}q2>[1-4])Q\s?(?P<{p}qyg>\d\d)?(?!\d))(?!\w)",
            # im zweiten Quartal (2025)
            # the (1988) second quarter
            # the fiscal first quarter, the year-ago third quarter
            rf"(?P<{p}qo>(?:(?P<{p}qo_y0>{YEAR})\s+|(?P<{p}qo_ago>{g.alt(('quarters', 'year_ago'))})\s+)?"
            rf"(?:{g.alt(('quarters', 'fiscal'))}(?:\s+|-))?(?P<{p}qo_n>{g.ord4})(?:\s+|-){g.quarter_unit})",
            # the 1988 period: the quarter a report is about, in that year
            rf"(?P<{p}fp>(?P<{p}fp_y>{YEAR})\s+{g.alt(('quarters', 'period'))})",
            # H2 2025
            rf"(?P<{p}h>H(?P<{p}h1>[12])(?:\s*[/'’]?\s*(?P<{p}hy>{YEAR})|\s*[/'’]\s*(?P<{p}hyy>\d\d)(?!\d))?"
            rf"|(?P<{p}h2>[12])H\s?(?P<{p}hyg>\d\d)?(?!\d))(?!\w)",
            # zweite Jahreshälfte (2025), second half of 2025
            # the last half of 1989: the second
            rf"(?P<{p}ho>(?P<{p}ho_n>{g.ord2}|{g.alt(('ordinals', 'last'))}(?=\s+{g.half_of}\s))(?:\s+|-)"
            rf"(?:{g.half_unit}(?P<{p}hu>)|{g.half_of}{g.year_spec(p + 'hf_')}))",
            # Jahresende (2023), the turn of the year 2023/24, year-end
            rf"(?P<{p}pu>(?P<{p}pu_n>{g.part_units})(?:\s+(?P<{p}pu_y>{YEAR})(?:\s*/\s*(?P<{p}pu_y2>\d\d(?!\d)|{YEAR}))?)?)",
            # 1990er (Jahre), 1990s
            rf"(?P<{p}dec>(?P<{p}dec_y>(?:1\d|20)\d0)(?:{g.decade_suffix})(?:\s*-?\s*{g.year_unit_pl})?)(?!\w)",
            rf"(?P<{p}dec2>['’]?(?P<{p}dec2_y>[1-9]0)(?:{g.decade_suffix})(?:\s*-?\s*{g.year_unit_pl})"
            rf"|['’](?P<{p}dec3_y>[1-9]0)(?:{g.decade_suffix}))(?!\w)",
            # KW 20 (2025), calendar week 20 of 2025
            rf"(?P<{p}kw>(?:{g.week_numbered}\s?(?P<{p}kw_n>5[0-3]|[1-4]\d|0?[1-9])(?!\d)"
            rf"|(?P<{p}kw_o>5[0-3]|[1-4]\d|0?[1-9]){ordsfx}\s?{g.week_numbered})"
            rf"(?:\s*/\s*(?P<{p}kw_yy>\d\d)(?!\d)|,?\s+(?:{g.part_of}\s+)?(?P<{p}kw_y>{YEAR})|\s*/\s*(?P<{p}kw_y2>{YEAR}))?)",
            # the week of March 9th, die Woche vom 9. März
            rf"(?P<{p}wo>{g.week_unit}\s+{g.alt('week_of')}\s+(?:(?P<{p}wo_d>{DAY})(?:{ordsfx})?\s*(?P<{p}wo_m>{g.month_all})"
            rf"|(?P<{p}wo_m2>{g.month_all})\s+(?P<{p}wo_d2>{DAY})(?:{ordsfx})?)(?!\w))",
            # zweiter Montag im Mai, the last Thursday in November, letzter Tag im Juni
            rf"(?P<{p}nth>(?:{g.article}\s+)?(?P<{p}nth_o>{g.ord4}|{g.alt(('ordinals', 'last'))})\s+"
            rf"(?:(?P<{p}nth_w>{g.weekday})|(?P<{p}nth_wk>{g.week_unit})|{g.day_unit})"
            rf"\s+{g.alt(('ordinals', 'link'))}\s+(?:{g.article}\s+)?(?P<{p}nth_m>{g.month_full})"
            rf"(?:,?\s+(?P<{p}nth_y>{YEAR}))?)",
            # die zweite Maiwoche: the week glued to its month
            *([rf"(?P<{p}nthw>(?P<{p}nthw_o>{g.ord4}|{g.alt(('ordinals', 'last'))})\s+(?P<{p}nthw_m>{g.month_glued})"
               rf"{g.week_glued}(?:\s+(?P<{p}nthw_y>{YEAR}))?)"] if g.week_glued else []),
            # the 5th of next month, am 5. des nächsten Monats
            rf"(?P<{p}day_of>(?P<{p}day_of_d>{DAY})(?:{ordsfx})?\s+{g.alt(('ordinals', 'link'))}\s+"
            rf"(?P<{p}day_of_s>{g.shift})\s+{g.month_unit})",
            # Dienstag(abend) (vergangener Woche), next Friday
            rf"(?P<{p}wd>(?:(?P<{p}wd_s>{g.shift})\s+)?(?:(?P<{p}wd_n>{g.weekday})|(?P<{p}wd_g>{g.weekday_glued})(?P<{p}wd_gp>{g.dp_suffix}))(?:\s+(?P<{p}wd_dp>{g.dp_words}))?"
            rf"(?:\s+(?:{g.part_of}\s+)?(?:{g.article}\s+)?(?P<{p}wd_s2>{g.shift})\s+{g.week_unit})?)(?!\w)",
            # (vergangenes) Wochenende
            rf"(?P<{p}we>(?:(?P<{p}we_s>{g.shift})\s+)?{g.weekend})",
            # 490 v. Chr., 264 BC
            rf"(?P<{p}era>(?P<{p}era_y>[1-9]\d{{0,3}}+)\s*(?P<{p}era_w>{g.era}))",  # possessive: no backtracking
            # 20. Jahrhundert, the 19th century
            rf"(?P<{p}century>(?P<{p}century_n>(?>[12]?\d))(?:{ordsfx})?(?:\s+|-)(?P<{p}century_w>{g.centuries}))",
            # nineteen ninety-six, the year two thousand
            rf"(?P<{p}sy>{g.spoken_year()}|{g.year_nouns}\s+{g.alt(('year_millennia', '2000'))}"
            rf"(?:\s+(?:{g.alt(('ranges', 'and'))}\s+)?{g.alt('year_ones')})?(?![\w-]))",
            # Jahr 2023, Geschäftsjahr 2025, 2024/25, FY25
            rf"(?P<{p}yr>(?:(?P<{p}yr_n>{g.year_nouns})\s+)?(?P<{p}yr_y>{YEAR})(?:\s*/\s*(?P<{p}yr_y2>\d\d(?!\d)|{YEAR}))?)",
            rf"(?P<{p}fy>{g.year_prefixes}\s?(?P<{p}fy_y>(?:19|20)?\d\d)(?!\d))",
            # letzte Woche, Vorjahr, (Ende) des Jahres
            rf"(?P<{p}ur>(?:(?P<{p}ur_s>{g.shift})\s+(?P<{p}ur_u>{g.cal_units})|(?P<{p}ur_su>{g.shift_units})"
            rf"|{g.period_ended(anchored)}(?P<{p}ur_a>{g.article}\s+)?(?P<{p}ur_au>{g.cal_units})))",
            # the full year, das ganze Jahr: the period going on (a report's year, the story's year);
            # not "the week of May 9"
            rf"(?P<{p}whole>{g.alt('whole_periods')})"
            rf"(?!-|\s+(?:{g.alt('week_of')}|{g.alt(('ordinals', 'link'))})(?!\w))",
            # gestern (Abend)
            rf"(?P<{p}rd>(?:(?P<{p}rd_dp0>{g.dp_words})\s+(?={g.days}))?(?P<{p}rd_n>{g.days})"
            rf"(?:\s+(?P<{p}rd_dp>{g.dp_words}))?)",
            # 14.30 Uhr, 4 Uhr 45, 2:30 p.m., noon, Mitternacht
            rf"(?P<{p}clock>(?P<{p}clock_h>{HOUR})(?:(?:[:.](?P<{p}clock_m>{MINUTE}))?\s*(?:{g.clock_hours}(?:\s+(?P<{p}clock_m2>{MINUTE}))?"
            rf"|(?P<{p}clock_am>{g.clock_am})|(?P<{p}clock_pm>{g.clock_pm}))(?!\w)"
            rf"|:(?P<{p}clock_m3>{MINUTE})){g.named_clock(p)})(?:\s+{g.alt(('clock', 'zones'))})?",
        ]
        return alts


def _single(g: Grammar) -> str:
    lex = g.lex
    a = lex.alt
    # not "the day before [yesterday]", "the week after next"
    anaphora = _guard(f"(?P<story_word>{a('anaphora')})(?!\\s+(?:{g.days}|{g.shift}(?!\\w)))")
    present = _guard(f"(?P<pr>{a('present')})|(?P<reference>{a('references')})|(?P<focus>{a('focus')})")
    # a part of the day in focus, alone ("in [the morning]", "[am Abend]"); not "the morning (hours) of May 7",
    # "in der Nacht zum Freitag"
    links = a(("parts", "of"), ("ordinals", "link"), ("night_of", "from", "to"))
    dated = rf"(?:{g.article}\s+)?(?:\d|{g.month_all}|{g.weekday_any})"
    day_part = _guard(f"(?P<day_part>{a(('day_parts', 'alone'))})(?!(?:\\s+[^\\W\\d]+)?\\s+{links}\\s+{dated})")
    return (
        rf"(?:(?P<bd>{a(('bounds', 'not_after', 'not_before', 'before', 'after', 'as_of'))})\s*"
        rf"(?:(?:{a(('bounds', 'then'))})\s+)?)?"
        rf"(?:(?P<ap>{a('approximate')})\s+(?:(?:{a(('bounds', 'then'))})\s+)?)?"
        rf"(?:(?P<du>{a('during')})\s+(?:{g.part_of}\s+)?)?"
        rf"(?:(?P<wp>{a(('within_period', 'earlier', 'later'))})\s+(?:{a(('within_period', 'link'))}\s+)?)?"
        rf"(?:(?P<pt>{g.part})(?:\s+|-)(?:{g.part_of}\s+)?(?:{g.article}\s+(?={g.season}))?)?"
        rf"(?P<body>{anaphora}|{g.core('s_', '(?(pt)|(?(du)|(?(wp)|(?!))))')}|{present}|{day_part})"
    )


# A fraction after a number of units ("2 1/2 years", "5½ Stunden"); `FRACTION_VALUES` reads it.
FRACTION_VALUES = {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "¼": 0.25, "3/4": 0.75, "¾": 0.75}
_FRACTIONS = "|".join(re.escape(f) for f in FRACTION_VALUES)


def _units(g: Grammar) -> str:
    a = g.lex.alt
    pre = a(("durations", "ago_before", "from_now", "within"))
    post = a(("durations", "ago_after", "after"))
    return (
        rf"(?P<nu>(?:(?P<nu_pre>{pre})\s+)?(?:(?P<nu_sh>{a(('shift', 'last', 'next'))})\s+)?"
        rf"(?:(?P<nu_ap>{a('approximate', ('durations', 'inside'))})\s+)?(?:{a(('ordinals', '1'))}\s+)?"
        rf"(?:(?P<nu_n>{g.number})(?:\s*(?P<nu_fr>{_FRACTIONS})(?!\d))?|(?P<nu_v>{g.vague}))"
        rf"(?:\s+{a(('durations', 'between'))})?(?:\s+|-)(?P<nu_u>{g.all_units})"
        rf"(?:\s+(?P<nu_half>{a(('fractions', 'and_a_half'))}))?"
        rf"(?:\s+(?P<nu_or>{a(('durations', 'approximate_after'))}))?(?:\s+(?P<nu_post>{post}))?)"
        # for weeks, in the years that followed: a vague length (not "in the years 1916 to 1918")
        rf"|(?P<nb>(?P<nb_pre>{a(('durations', 'bare_plural_after'))})\s+(?P<nb_u>{a('units_plural')})(?![\w-]|\s+\d))"
    )


def _sets(g: Grammar) -> str:
    """"jeden Tag", "alle zwei Wochen", "every Monday", "each July", "täglich"."""
    a = g.lex.alt
    return (
        rf"(?P<every>(?P<every_e>{a(('sets', 'every'))})\s+(?:(?P<every_n>{g.number})\s+)?"
        rf"(?:(?P<every_u>{g.all_units})|(?P<every_w>{g.weekday})|(?P<every_m>{g.month_full}))|(?P<every_f>{a('frequency')}))"
    )


# Only the second half of a range may start right after these ("Mai/Juni", "April-Juni"): the scanner
# lets them through, so one compiled pattern serves both; a scan (`word_starts`, `search`) skips them.
JOINERS = "-/"


@cache
def scanner(language: str) -> re.Pattern[str]:
    """The scanner; a match must start a word, or follow a dash or slash (see `JOINERS`, `search`)."""
    g = grammar(language)
    units, sets = _guard(f"(?P<N>{_units(g)})"), _guard(f"(?P<set>{_sets(g)})")
    pattern = rf"(?<![\w.])(?={_starts(g)})(?:{units}|(?P<S>{_single(g)})|{sets})(?!\w)"
    return re.compile(optional_as_branch(pattern))


@cache
def word_starts(language: str) -> re.Pattern[str]:
    """The places where a scan may find a match: word starts (not after a joiner) with a first
    character of `_starts`. Trying the scanner only there beats a search when the matches that
    count must start within a few words."""
    first = first_class(_starts(grammar(language).sketch))
    return re.compile(rf"(?<![\w./\-])(?={first})" if first else r"(?<![\w./\-])")


def search(scan: re.Pattern[str], text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """The first match of `scan` in text[pos:endpos] that starts a word (not right after a joiner)."""
    m = scan.search(text, pos, endpos)
    while m is not None and m.start() and text[m.start() - 1] in JOINERS:
        m = scan.search(text, m.start() + 1, endpos)
    return m


def _starts(g: Grammar) -> str:
    """The first words an expression can have: one cheap test before the full grammar runs. Every
    alternative of the grammar starts with one of them, so they may be cut short (`prefixes`). Range
    openers ("von", "zwischen") are none: `Reader.range` joins two matches and looks back for them."""
    words = g.starting(
        "months", "month_abbreviations", "weekdays", "weekday_abbreviations", "seasons", "units",
        "units_plural", "part_units", "shift_units", "days", "present", "shift", "numbers", "weeks",
        ("bounds", "not_after", "not_before", "before", "after", "as_of"),
        "approximate", "during", ("within_period", "earlier", "later"), ("ordinals", "1", "2", "3", "4"),
        "day_ordinals", ("durations", "ago_before", "from_now", "within", "vague", "inside"), ("ordinals", "last"),
        ("parts", "start", "mid", "end"),
        ("years", "nouns", "prefixes"), "references", "sets", "frequency", "focus", ("day_parts", "words"), "anaphora",
        "whole_periods", "holidays", ("quarters", "year_ago", "fiscal"), "year_centuries",
        ("clock", "noon", "midnight"),
    )
    # The parts of a day alone start with a preposition ("in der Nacht"): cut longer, so that not every "in" passes.
    day_parts = g.lex.prefixes(("day_parts", "alone"), depth=9)
    return rf"(?:\d|[QH][1-4]|['’]\d|{words}|{day_parts}|{g.weekday_glued}|{g.year_prefixes})"


@cache
def grammar(language: str) -> Grammar:
    return Grammar(lexicon(language))


_GATE_WORDS = ("months", "month_abbreviations", "weekdays", "seasons", "year_centuries", "year_millennia",
               "units", "units_plural", "half_of",
               "part_units", "shift_units", "days", "present", "weeks", "frequency", "clock", "focus", "centuries",
               "reference_anchors")
# Sections whose phrases are found near another anchor only ("in der Zukunft"): their single words
# anchor ("bald", "kürzlich"), a phrase at every "in" or "vor" would cost the gate too much.
_GATE_ONE_WORD = ("references",)
# (The story's days and years contain a unit of their own: "selben Tag", "the following year".)


def month_weeks(lex: Lexicon) -> frozenset[str]:
    """A month's name with a week glued to it ("Maiwoche"): an anchor of its own."""
    return frozenset(m + w for m in lex.forms("months") for w in lex.forms("week_of", "glued"))


def last_words(lex: Lexicon, *spec: str) -> frozenset[str]:
    """The anchors of a section's phrases: the last word ("am [Abend]", "ersten [Weihnachtstag]"), so that the gate
    does not stop at every "am" or "ersten"; none for a phrase that holds a gate word already ("Tag der Arbeit")."""
    forms = {w for section in _GATE_WORDS for w in lex.forms(section)}
    folded = {normalize(w) for w in forms - lex.case_sensitive}  # "morgen" (tomorrow) is not "Morgen"

    def anchored(word: str) -> bool:
        return word in forms or normalize(word) in folded

    return frozenset(w.split()[-1] for w in lex.forms(*spec) if not any(map(anchored, w.split())))


@cache
def gate(language: str) -> re.Pattern[str]:
    """Words and digits that every time expression contains, each with the character before it;
    the scanner runs only near them. Use `anchors`, which leaves that character out."""
    lex = lexicon(language)
    glued_before = "".join(sorted({"Q", "H"} | {w[-1] for w in lex.forms("years", "prefixes") if w}))

    def words_and_digits(branches: Callable[..., list[str]]) -> str:  # the lexicon's branches, or a sketch's
        # A number anchors an expression only as a year, a day or date ("15.", "15/05"), or next to
        # Q/H/FY; other numbers ("Falke 2", "3 Monate") are reached from the words around them.
        # In one branch ("19..", "20..", "15.", "'90er"), rejected in one test; which digit, looked back at.
        # A year of an era anchors at its digits ("490 v. Chr."): no gate word starting "v." or "vor".
        digits = [r"\d(?:(?<=1)\d\d\d(?!\d)|(?<=2)0\d\d(?!\d)|\d?(?=[./:\-–][\d\s]|[QH])"
                  rf"|(?<=['’][1-9])0(?={lex.alt(('decades', 'suffix'))})|\d{{0,3}}(?=\s*{lex.alt('era')}))"]
        # One flat alternation of branches that start with a character: each rejected in one test.
        flat = digits + branches(*_GATE_WORDS, *(lex.one_word(s) for s in _GATE_ONE_WORD), month_weeks(lex),
                                 last_words(lex, "day_parts", "alone"), last_words(lex, "holidays"))
        return rf"\b(?:{'|'.join(flat)})|\d(?<=[{re.escape(glued_before)}].)"

    # Weekdays also glued to a day part ("Dienstagabend"), in the same trie as the other words; the first
    # letters in pairs (`_paired`): fewer tests at the many word starts that begin no anchor.
    body = words_and_digits(lambda *specs: lex.branches_then_glued(*specs, glued=("weekdays",), paired=True))
    first = first_class(words_and_digits(lambda *specs: [lex.heads(*specs)]))
    # A one-character lookahead first lets the engine skip most positions in one test.
    look = f"(?={first})" if first else ""
    # The character before an anchor (non-word, or Q/H/FY) first: the engine then skips in-word letters in C.
    starts_word = all(re.match(r"\w", w) for section in _GATE_WORDS + _GATE_ONE_WORD for w in lex.forms(section))
    if not starts_word:
        return re.compile(rf"(?s:.){look}(?:{body})")
    # `\b` before the words and digits (each starts with a word character) and the lookbehind for a digit after
    # Q/H/FY test that character exactly. So the engine may skip with a superset, all but the word characters
    # below U+0100: one bit test per character, where [\W...] takes a Unicode look-up.
    latin1_word = "".join(re.escape(c) for c in map(chr, range(256)) if re.match(r"\w", c) and c not in glued_before)
    return re.compile(rf"[^{latin1_word}]{look}(?:{body})")


def anchors(language: str, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the gate's words in text[start:end], left to right, as if found by `finditer`."""
    pat = gate(language)
    pos = start - 1  # the character before `start` may come before an anchor
    if start == 0:  # nothing comes before the text: a space stands in for it
        m = pat.match(" " + text[:end])
        if m is not None:
            yield 0, m.end() - 1
            pos = m.end() - 2
        else:
            pos = 0
    while (m := pat.search(text, pos, end)) is not None:
        yield m.start() + 1, m.end()
        pos = m.end() - 1  # an anchor's last character may come before the next one


# One group opening or closing of a pattern, after what comes before it (escapes and classes included).
_GROUP_TOKEN = re.compile(r"(?:\\.|\[\]?(?:\\.|[^\]\\])*\]|[^\\\[()])*(?:(\(\?:)|(\()|(\)\?(?![?+]))|(\)))")


def optional_as_branch(pattern: str) -> str:
    """Rewrite `(?:X)?` as `(?:X|)`: the same language, but the regex engine tries it as a cheap
    branch instead of a repeat context (several times faster on long alternations)."""
    out: list[str] = []
    stack: list[bool] = []  # for each open group: is it a plain (?: group
    done = pos = 0
    while (m := _GROUP_TOKEN.match(pattern, pos)) is not None:  # token after token: never inside an escape
        pos = m.end()
        kind = m.lastindex
        if kind == 1 or kind == 2:
            stack.append(kind == 1)
        elif kind == 3:
            if stack.pop():
                out += (pattern[done:m.start(3)], "|)")
                done = m.end()
        else:
            stack.pop()
    out.append(pattern[done:])
    return "".join(out)


def first_class(pattern: str) -> str | None:
    """A character class of the characters `pattern` can start with, or None if unknown."""
    from re import _constants as c, _parser as parser  # noqa: PLC0415 (compile time only)

    def seq(items) -> tuple[set[str], bool] | None:
        out: set[str] = set()
        for op, av in items:
            got = one(op, av)
            if got is None:
                return None
            chars, nullable = got
            out |= chars
            if not nullable:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[str], bool] | None:
        if op is c.LITERAL:
            return {re.escape(chr(av))}, False
        if op is c.IN:
            chars = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    chars.add(re.escape(chr(iav)))
                elif iop is c.RANGE:
                    chars.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                elif iop is c.CATEGORY and iav in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT):
                    chars.add(r"\d")
                elif iop is c.CATEGORY and iav in (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE):
                    chars.add(r"\s")
                elif iop is c.CATEGORY and iav in (c.CATEGORY_WORD, c.CATEGORY_UNI_WORD):
                    chars.add(r"\w")
                else:
                    return None
            return chars, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        if op is c.SUBPATTERN:
            return seq(av[3])
        if op is c.ATOMIC_GROUP:
            return seq(av)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            got = seq(av[2])
            if got is None:
                return None
            return got[0], got[1] or av[0] == 0
        if op is c.BRANCH:
            chars, nullable = set(), False
            for branch in av[1]:
                got = seq(branch)
                if got is None:
                    return None
                chars |= got[0]
                nullable = nullable or got[1]
            return chars, nullable
        if op is c.GROUPREF_EXISTS:
            chars, nullable = set(), False
            for branch in av[1:]:
                got = seq(branch) if branch is not None else (set(), True)
                if got is None:
                    return None
                chars |= got[0]
                nullable = nullable or got[1]
            return chars, nullable
        return None

    try:
        got = seq(parser.parse(pattern).data)
    except Exception:  # noqa: BLE001 (a guard is an optimisation; without it the scanner still works)
        return None
    if got is None or got[1] or not got[0]:
        return None
    return "[" + "".join(sorted(got[0])) + "]"


def _guard(alternative: str) -> str:
    """`alternative` behind a one-character lookahead of its first characters (see `guarded`)."""
    cls = first_class(alternative)
    return f"(?:(?={cls}){alternative})" if cls else f"(?:{alternative})"


def guarded(alternative: str, sketch: str) -> str:
    """`alternative` behind a one-character lookahead, so the scanner skips it cheaply; `sketch` is
    the alternative from the sketch grammar, with the same first characters and quick to parse."""
    cls = first_class(sketch)
    return f"(?={cls}){alternative}" if cls else alternative
