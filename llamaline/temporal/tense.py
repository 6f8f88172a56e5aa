"""The direction a sentence points in: a report of the past, or a plan or expectation.

Looked up only for expressions that need it ("im Juni", "am Dienstag"): first in the expression's
clause, then in its sentence (cheap windows back to the previous `.!?`, line break or clause mark,
and forward to the next).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, lexicon
from .resolve import Direction

_REACH = 400


@cache
def _abbreviated(language: str) -> str:
    """Lookbehinds that fail after the period of a month or weekday abbreviation ("Nov. 16", "Sept. 3") or of a
    clock time ("4 a.m. EDT Thursday"): that period ends no sentence. One lookbehind for each length, as a
    lookbehind has a fixed width."""
    lex = lexicon(language)
    words = {w[:-1] for w in lex.forms("month_abbreviations") + lex.forms("weekday_abbreviations")
             + lex.forms("clock", "am", "pm") if w.endswith(".")}
    by_length: dict[int, list[str]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "".join(rf"(?<!\b(?:{'|'.join(same)})\.)" for _, same in sorted(by_length.items()))


@cache
def _boundaries(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Sentence and clause marks; the mark comes before its conditions so that the scan skips text in C.
    A period ends a sentence before a space, not after an abbreviation, nor after a day's number where
    the language writes ordinals with a period ("3. März"; in English "Nov. 22." ends a sentence)."""
    ordinal_dot = "." in lexicon(language).forms("ordinals", "suffix")
    not_a_day = r"(?<!\b\d.)(?<!\b\d\d.)" if ordinal_dot else ""
    period_ends = rf"{not_a_day}{_abbreviated(language)}(?=\s)"
    sentence_end = re.compile(rf"[.!?\n](?:(?<=\n)|{period_ends})")
    clause_end = re.compile(rf"[.!?\n,;:()–—](?:(?<=[\n,;:()–—])|{period_ends})")
    return sentence_end, clause_end


@cache
def _last(boundary: re.Pattern[str]) -> re.Pattern[str]:
    """The last boundary before a point: the greedy run backs off from the end to it, with no loop in Python."""
    return re.compile(r"(?s:.*)" + boundary.pattern)


@cache
def _cues(language: str) -> tuple[re.Pattern[str], ...]:
    lex = lexicon(language)
    endings = alternation(lex.forms("tense", "past_endings"))
    not_past = alternation(lex.forms("tense", "not_past"))
    by_ending = rf"(?!{not_past})(?-i:[^\W\d_A-ZÄÖÜ][^\W\d_]+){endings}"
    after = alternation(lex.forms("tense", "passive_after"))
    # A participle before "werden" is no report of the past ("vorgestellt werden"); "be" before it: see _passive.
    past = re.compile(rf"(?<!\w)(?:{lex.alt(('tense', 'past'))})(?!\s+{after})")
    plan = re.compile(rf"(?<!\w){lex.alt(('tense', 'plan'))}")
    retro = re.compile(rf"(?<!\w){lex.alt(('tense', 'retro'))}")
    present = re.compile(rf"(?<!\w){lex.alt(('tense', 'present'))}(?!\w)")
    opener = re.compile(rf"(?<!\w){lex.alt(('tense', 'complementizers'), ('tense', 'conditional'))}(?!\w)")
    return past, plan, retro, re.compile(rf"(?<!\w){by_ending}"), present, opener


@cache
def _conditional(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon(language).forms("tense", "conditional"))


@cache
def _reports(language: str) -> re.Pattern[str]:
    """Verbs that frame a report ("the company said"): their tense is the telling's, not the content's."""
    return re.compile(rf"(?<!\w){lexicon(language).alt(('tense', 'report'))}")


def sentence(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    """Bounds of the sentence (or clause) around text[start:end]; `boundary` is one of `_boundaries`."""
    lo = max(0, start - _REACH)
    m = _last(boundary).match(text, lo, start)
    left = m.end() if m else lo
    m = boundary.search(text, end, min(len(text), end + _REACH))
    right = m.start() if m else min(len(text), end + _REACH)
    return left, right


@cache
def _passive_before(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon(language).forms("tense", "passive_before"))


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _passive(text: str, at: int, language: str) -> bool:
    """A participle after "be" ("will be held") is a plan or passive, not a report of the past."""
    words = _passive_before(language)
    if not words:
        return False
    m = _WORD_BEFORE.search(text, max(0, at - 20), at)
    return bool(m) and m.group(1).lower() in words


def direction(text: str, start: int, end: int, language: str, own_words: bool = False) -> Direction:
    """"future" for a plan or expectation, "past" for a report, "both" for a plan told in retrospect
    ("ursprünglich für Juni geplant": the nearest June), else None.

    The expression's clause decides first, then its sentence; within either the cue nearest to the
    expression wins ("announced in November that it would shut down": announced), a plan on a tie.
    A participle after "be" or before "werden" is no past: "will be held", "soll vorgestellt werden".
    With `own_words`, the expression's own words are no cues ("the last Thursday in November").
    A "that"-clause has a tense of its own ("told the paper in January that it would ..."); a condition without
    one points ahead ("if the case is heard in May"). A clause without a cue
    but with a present-tense verb means the nearest date, whatever tense the rest of the sentence has
    ("verlässt das Unternehmen zum 31. März").
    """
    past, plan, retro, past_ending, present, opener = _cues(language)
    reports = _reports(language)
    sentence_end, clause_end = _boundaries(language)
    for boundary in (clause_end, sentence_end):
        left, right = sentence(text, start, end, boundary)
        # a "that"-clause has a tense of its own: before the date, it starts the window; after it, it ends it
        conditional = False
        for m in opener.finditer(text, left, right):
            if m.end() <= start:
                left = m.end()
                conditional = m.group().lower() in _conditional(language)
            elif m.start() >= end:
                right = m.start()
                break
        if retro.search(text, left, right):
            return "both"
        # (is it a framing reporting verb, distance, rank, direction): "said" after the expression decides
        # only where nothing else in the sentence does ("payable Nov. 16, the company said").
        nearest: tuple[bool, bool, int, int, Direction] | None = None
        planned_before = False  # a plan word before the expression ("will double its flights by August")
        cues = ((plan, "future"), (past, "past"), (past_ending, "past"))
        for rank, (pattern, said) in enumerate(cues):
            for m in pattern.finditer(text, left, right):
                if said == "past" and _passive(text, m.start(), language):
                    continue
                if own_words and start <= m.start() and m.end() <= end:
                    continue  # a word of the expression itself ("the last Thursday in November")
                gap = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
                # a reporting verb after the expression frames it ("..., the company said"); before it,
                # the date is the telling's ("said on Tuesday that ...")
                framing = (said == "past" and m.start() >= end
                           and reports.fullmatch(text, m.start(), m.end()) is not None)
                # after a plan word before the expression, a word with only a past ending is a participle
                # ("will double its flights by August in search of markets untouched by the crisis")
                weak = pattern is past_ending and planned_before
                planned_before = planned_before or (pattern is plan and m.end() <= start)
                candidate = (framing, weak, max(gap, 0), rank, said)
                if nearest is None or candidate < nearest:
                    nearest = candidate
        if nearest is not None:
            return nearest[-1]
        if conditional:
            return "future"  # a condition without a tense of its own: "will strike when talks end in March"
        if boundary is clause_end and present.search(text, left, right):
            return None  # the clause's own present tense: the nearest date, whatever the rest of the sentence says
    return None
