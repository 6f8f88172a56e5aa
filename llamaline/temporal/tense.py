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

_BOUNDARY = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s)|\n")
_CLAUSE = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s)|\n|[,;:()–—]")
_REACH = 400


@cache
def _cues(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(language)
    endings = alternation(lex.forms("tense", "past_endings"))
    past = re.compile(rf"(?<!\w)(?:{lex.alt(('tense', 'past'))}|(?-i:[^\W\d_A-ZÄÖÜ][^\W\d_]+){endings})")
    plan = re.compile(rf"(?<!\w){lex.alt(('tense', 'plan'))}")
    retro = re.compile(rf"(?<!\w){lex.alt(('tense', 'retro'))}")
    return past, plan, retro


def sentence(text: str, start: int, end: int, boundary: re.Pattern[str] = _BOUNDARY) -> tuple[int, int]:
    """Bounds of the sentence (or clause, with `_CLAUSE`) around text[start:end]."""
    lo = max(0, start - _REACH)
    left = lo
    for m in boundary.finditer(text, lo, start):
        left = m.end()
    m = boundary.search(text, end, min(len(text), end + _REACH))
    right = m.start() if m else min(len(text), end + _REACH)
    return left, right


def direction(text: str, start: int, end: int, language: str) -> Direction:
    """"future" for a plan or expectation (it wins over past tense), "past" for a report, "both" for a
    plan told in retrospect ("ursprünglich für Juni geplant": the nearest June), else None."""
    past, plan, retro = _cues(language)
    # The expression's own clause decides first ("Anfang April wurde X gezeigt, Ende April sollte Y folgen").
    for boundary in (_CLAUSE, _BOUNDARY):
        left, right = sentence(text, start, end, boundary)
        if retro.search(text, left, right):
            return "both"
        if plan.search(text, left, right):
            return "future"
        if past.search(text, left, right):
            return "past"
    return None
