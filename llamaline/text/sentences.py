"""Sentence spans with offsets into the decoded text; the text itself is never rewritten.

A line break ends a sentence unless the next line goes on in lower case (hard-wrapped prose), so headings
without final punctuation, list items and Markdown headings stand alone. Within a line, `.`, `!`, `?` end a
sentence before an upper-case start, except after an abbreviation of the language, an initial, an ordinal
number (`29. April`, where the language writes ordinals with a dot) or inside a quotation.
Written rather than taken from pysbd: that one is unmaintained, slower, and does not keep exact offsets.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from .cues import cues_for, language_or_default, mark_positions

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_LIST_MARKER = re.compile(r"[ \t]*(?:[•●▪◦‣∙·*+\-–—]|\d{1,3}[.)]|[a-z]\))[ \t]+")
_HEADING_MARKER = re.compile(r"[ \t]*#{1,6}[ \t]+")
_QUOTE_MARKER = re.compile(r"[ \t]*>[ \t]?")
# sentence-final punctuation, only where a space or line break follows ("3.5" and "z.B.x" end nothing)
_MARKS = ".!?…"
_TERMINAL = re.compile(rf"[{_MARKS}]+[\"'“”»«’)\]]*(?=[ \t\r\f\u00a0\n])")
_QUOTED = re.compile(r"„[^“”\"\n]{0,400}[“”\"]|“[^”\n]{0,400}”|«[^»\n]{0,400}»|»[^«\n]{0,400}«|\"[^\"\n]{0,400}\"")
_WORD_WINDOW = 80  # characters before a dot searched for the word it ends
_OPENERS = "\"'“„»«([‚‘*_"


@cache
def _abbreviations(language: str) -> tuple[frozenset[str], frozenset[str], bool, frozenset[str], tuple[str, ...]]:
    cues = cues_for(language)
    full = frozenset(cues.abbreviations)
    lower = frozenset(a.lower() for a in cues.abbreviations)
    spaced = frozenset(a for a in full if " " in a)  # "z. B.": matched on the text before the dot
    return full, lower, bool(cues.data.get("ordinal_dot", False)), spaced, tuple(" " + a for a in spaced)


def split_sentences(text: str, start: int = 0, end: int | None = None, language: str = "de") -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text[start:end], without surrounding whitespace or list markers."""
    end = len(text) if end is None else end
    language = language_or_default(language)
    spans: list[tuple[int, int]] = []
    terminals = _terminals(text, start, end)
    starts = [m.start() for m in terminals]
    for seg_start, seg_end in _segments(text, start, end):
        lo = bisect.bisect_left(starts, seg_start)
        hi = bisect.bisect_left(starts, seg_end, lo)
        if lo == hi:  # no sentence-final mark: one sentence (a heading, a list item, half of all segments)
            span = _trim(text, seg_start, seg_end)
            if span[1] > span[0]:
                spans.append(span)
            continue
        spans.extend(_split_segment(text, seg_start, seg_end, language, terminals[lo:hi]))
    return spans


def _terminals(text: str, start: int, end: int) -> list[re.Match[str]]:
    """What `_TERMINAL.finditer(text, start, end)` finds: tried only where a mark is, which `str.find` finds
    faster than the regex engine scans for one (a mark is one character in a few hundred)."""
    found: list[re.Match[str]] = []
    done = start
    for pos in mark_positions(text, _MARKS, start, end):
        if pos >= done and (m := _TERMINAL.match(text, pos, end)) is not None:
            found.append(m)
            done = m.end()
    return found


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph segments: lines, joined where a line goes on in lower case on the next one."""
    segments: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_start, line_end = pos, end if nl < 0 else nl
        pos = line_end + 1
        if text[line_start].isupper():  # most lines: no marker starts with a capital, and none goes on a line
            if current:
                segments.append(current)
            current = (line_start, line_end)
            continue
        content_start = _content_start(text, line_start, line_end)
        if content_start >= line_end or not text[content_start:line_end].strip():
            if current:
                segments.append(current)
            current = None
            continue
        marker = content_start != _skip_space(text, line_start, line_end)
        if current and not marker and _continues(text, current, content_start, line_end):
            current = (current[0], line_end)
            continue
        if current:
            segments.append(current)
        current = (content_start, line_end)
    if current:
        segments.append(current)
    return segments


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\r\f\u00a0":
        pos += 1
    return pos


def _content_start(text: str, line_start: int, line_end: int) -> int:
    pos = _skip_space(text, line_start, line_end)
    for marker in (_HEADING_MARKER, _QUOTE_MARKER, _LIST_MARKER):
        m = marker.match(text, pos, line_end)
        if m:
            pos = m.end()
    return _skip_space(text, pos, line_end)


def _continues(text: str, current: tuple[int, int], next_start: int, next_end: int) -> bool:
    """Hard-wrapped prose: the previous line has no final punctuation and the next starts in lower case."""
    previous = text[current[0] : current[1]].rstrip()
    if not previous or previous[-1] in ".!?…:":
        return False
    first = text[next_start] if next_start < next_end else ""
    return first.islower()


def _split_segment(text: str, start: int, end: int, language: str,
                   terminals: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The sentences of a segment; `terminals`: the `_terminals` of the text that start in it. (One ending at
    the segment's end, which a search of the segment alone would not see, ends nothing either.)"""
    full, lower, ordinal_dot, spaced, spaced_after = _abbreviations(language)
    protected = None  # quotations, found at the first boundary that asks
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for m in terminals:
        stop = m.end()
        nxt = _skip_space(text, stop, end)
        if nxt >= end:
            break  # the segment's end closes the sentence anyway
        if nxt == stop and text[stop] != "\n":
            continue  # "3.5", "www.example.de", "z.B.x": no space, no boundary
        if not _opens_sentence(text, nxt, end):
            continue  # lower case, comma, dash: the sentence goes on
        if protected is None:
            protected = [(q.start() + 1, q.end() - 1) for q in _QUOTED.finditer(text, start, end)]
        if protected and any(a <= m.start() and m.end() <= b for a, b in protected):
            continue  # inside a quotation
        if m.group() == "." and _no_boundary(text, sentence_start, m.start(), nxt, end, full, lower, ordinal_dot,
                                             spaced, spaced_after):
            continue
        spans.append(_trim(text, sentence_start, stop))
        sentence_start = nxt
    if sentence_start < end:
        spans.append(_trim(text, sentence_start, end))
    return [s for s in spans if s[1] > s[0]]


def _no_boundary(text: str, sentence_start: int, dot: int, nxt: int, end: int,
                 full: frozenset[str], lower: frozenset[str], ordinal_dot: bool,
                 spaced: frozenset[str], spaced_after: tuple[str, ...]) -> bool:
    # the last word before the dot (a window suffices: no abbreviation is that long)
    before = text[max(sentence_start, dot - _WORD_WINDOW) : dot].rstrip()
    word = (before.rsplit(None, 1)[-1] if before else "") + "."
    bare = word.lstrip("(\"'„“[")
    if bare in full or bare.lower() in lower:
        return True
    two = text[max(sentence_start, dot - 8) : dot + 1]
    if spaced and (two.endswith(spaced_after) or two in spaced):
        return True
    if len(bare) == 2 and bare[0].isalpha():
        return True  # an initial or a one-letter abbreviation: "J. Smith", "z. B."
    return ordinal_dot and bare[:-1].isdigit() and len(bare) <= 3  # "29. April", "1. Mai"


def _opens_sentence(text: str, pos: int, end: int) -> bool:
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    return pos < end and (text[pos].isupper() or text[pos].isdigit())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
