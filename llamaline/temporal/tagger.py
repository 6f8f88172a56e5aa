"""`tag`: the time expressions of a text, each resolved against the publication date."""

from __future__ import annotations

import re

from ..models import TimeExpression, TimeSpan
from .interpret import reader
from .patterns import anchors, search, word_starts

# How far before its first anchor word (a digit, month, unit ...) an expression may start
# ("innerhalb von etwa 48 Wochen", "no later than the end of the year").
_LEAD = 40
# How far after its anchor word an expression may still go on ("Mai bis Mitte Juni 2025").
_TAIL = 120


def tag(text: str, published: TimeSpan | None, language: str, *, start: int = 0,
        end: int | None = None) -> list[TimeExpression]:
    """Time expressions in text[start:end], sorted and non-overlapping, offsets into `text`.

    Relative and undated expressions are resolved against `published` (a span of any
    precision); without it they come back with `resolved=False` and no span.
    """
    read = reader(language)
    scan = read.scan
    starts = word_starts(language)
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[TimeExpression] = []
    done = start  # nothing before this offset can start a new expression
    for anchor_start, anchor_end in anchors(language, text, start, end):
        if anchor_end <= done:
            continue
        pos = max(done, anchor_start - _LEAD)
        limit = min(end, anchor_end + _TAIL)
        while pos <= anchor_start:
            m = _first(scan, starts, text, pos, anchor_start, limit)
            if m is not None and m.end() >= limit > m.start() and limit < end:
                m = search(scan, text, m.start(), end)  # the window cut it short: read it whole
            if m is None or m.start() > anchor_start:
                break
            expr = read.read(m, text, published, end)
            if expr is None:
                pos = m.start() + 1
                continue
            out.append(expr)
            done = pos = expr.end
    return out


def _first(scan: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int, last: int,
           endpos: int) -> re.Match[str] | None:
    """What `search(scan, text, pos, endpos)` finds if it starts by `last`, else None: the scanner
    tried only at the word starts up to there, so no scan goes on past the anchor."""
    for at in starts.finditer(text, pos, last + 1):
        m = scan.match(text, at.start(), endpos)
        if m is not None:
            return m
    return None
