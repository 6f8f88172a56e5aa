"""Written quantities in one sentence: numeral or number word, scale, currency or unit, bound, all with offsets.

`bis zu 72 Milliarden US-Dollar` -> 72e9 USD up_to; `400B` -> 4e11; `3,5 Mrd. €` -> 3.5e9 EUR. Which words
mean what comes from the language's claims.toml; the decimal mark and thousands separator too.
"""

from __future__ import annotations

import bisect
import re
from operator import itemgetter
from typing import NamedTuple

from ..text.cues import CueHit, Token
from .words import ClaimWords, parse_numeral

UNIT_GAP = 2  # words allowed between a number and its unit ("17 Milliarden aktive Parameter")
_GLUED = re.compile(r"[A-Za-z]+")
_UNIT_GAP = re.compile(r"[\s\w\-‑]*")


class Quantity(NamedTuple):
    """One quantity (a tuple: made for every numeral of every candidate sentence)."""

    start: int  # the value as written, from its bound word to its currency or unit
    end: int
    number: float  # scaled: 72e9 for "72 Milliarden"
    unit: str | None  # ISO currency code or a unit key of the language data ("tokens", "parameters", "people")
    bound: str = "exact"
    scale: int = 0  # power of ten of the scale word or suffix
    worded: bool = False  # written as a number word ("zwei")
    numeral_start: int = 0
    numeral_end: int = 0
    currency: bool = False

    @property
    def counts(self) -> bool:
        """A plain count ("14", "drei"): no scale, no currency, no unit other than people."""
        return self.scale == 0 and not self.currency and self.unit in (None, "people")


_TEXT_ORDER = itemgetter(0, 1)  # (start, end)


class _Sentence:
    """Tokens and cue hits of one sentence, indexed by offset."""

    def __init__(self, text: str, tokens: list[Token], hits: dict[str, list[CueHit]], starts: list[int]):
        self.text = text
        self.tokens = tokens
        self.starts = starts
        # category -> index of a hit's first (last) token -> its hits, longest first; only the categories read here
        self.first: dict[str, dict[int, list[CueHit]]] = {}
        self.last: dict[str, dict[int, list[CueHit]]] = {}
        self.numbers = hits.get("number", _NONE)
        for category in _INDEXED:
            for hit in hits.get(category, ()):
                self.first.setdefault(category, {}).setdefault(hit.first, []).append(hit)
                self.last.setdefault(category, {}).setdefault(hit.last, []).append(hit)
        for table in (*self.first.values(), *self.last.values()):
            for group in table.values():
                if len(group) > 1:
                    group.sort(key=lambda h: -(h.end - h.start))  # stable, as the sort per look-up was

    def token_at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def token_ending_at_or_before(self, pos: int) -> int:
        """Index of the last token that ends at or before pos (-1 if none)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.tokens[i][1] > pos:
            i -= 1
        return i

    def starting(self, category: str, index: int) -> list[CueHit]:
        """The hits of a category whose first token is `index`, longest first (shared: do not change)."""
        return self.first.get(category, _NO_INDEX).get(index, _NONE)


_INDEXED = ("scales", "currencies", "units", "bounds")  # the categories `_complete` looks up
_NONE: list[CueHit] = []
_NO_INDEX: dict[int, list[CueHit]] = {}


class Quantities:
    """The quantities of one sentence, found once and then filtered for each use (names, numbers, staff counts)."""

    def __init__(self, text: str, start: int, end: int, tokens: list[Token], hits: dict[str, list[CueHit]],
                 words: ClaimWords, starts: list[int] | None = None, numerals: list[re.Match[str]] | None = None):
        """`hits`: the sentence's cue hits by category (`by_category`); `starts`: the tokens' start offsets;
        `numerals`: the matches of `words.number` in text[start:end]."""
        self._args = (text, start, end, tokens, hits, words, starts)
        self._index: _Sentence | None = None
        if numerals is None:
            numerals = list(words.number.finditer(text, start, end))
        # a numeral is written in digits or is a number word before a scale word: most sentences have neither
        if not numerals and not ("number" in hits and "scales" in hits):
            self.every: list[Quantity] = []
        else:
            self.every = _quantities(self._sentence(), numerals, end, words)

    def _sentence(self) -> _Sentence:
        if self._index is None:
            text, _, _, tokens, hits, _, starts = self._args
            self._index = _Sentence(text, tokens, hits, [t[0] for t in tokens] if starts is None else starts)
        return self._index

    def outside(self, excluded: list[tuple[int, int]]) -> list[Quantity]:
        """`find_quantities` with these excluded spans."""
        return [q for q in self.every if not _inside(q.numeral_start, q.numeral_end, excluded)]

    def counts(self, excluded: list[tuple[int, int]]) -> list[Quantity]:
        """`find_counts` with these excluded spans."""
        end, words = self._args[2], self._args[5]
        counts = [q for q in self.outside(excluded) if q.counts and not q.worded]
        taken = {(q.numeral_start, q.numeral_end) for q in counts}
        for hit in self._sentence().numbers:
            if _inside(hit.start, hit.end, excluded) or (hit.start, hit.end) in taken:
                continue
            q = _complete(self._sentence(), words, hit.start, hit.end, hit.end, float(hit.label), 0, worded=True,
                          end=end)
            if q.counts:
                counts.append(q)
        return sorted(set(counts), key=_TEXT_ORDER)


def find_quantities(text: str, start: int, end: int, tokens: list[Token], hits: list[CueHit], words: ClaimWords,
                    excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Every quantity in text[start:end] outside the excluded spans (names such as `Nova 3.5`, time expressions)."""
    return Quantities(text, start, end, tokens, by_category(hits), words).outside(excluded)


def find_counts(text: str, start: int, end: int, tokens: list[Token], hits: list[CueHit], words: ClaimWords,
                excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Plain counts, numerals and number words ("14", "drei"), for "drei von 14" and the like."""
    return Quantities(text, start, end, tokens, by_category(hits), words).counts(excluded)


def by_category(hits: list[CueHit]) -> dict[str, list[CueHit]]:
    """Cue hits grouped by category, each group in the order of `hits`."""
    grouped: dict[str, list[CueHit]] = {}
    for hit in hits:
        grouped.setdefault(hit.category, []).append(hit)
    return grouped


def _quantities(sentence: _Sentence, numerals: list[re.Match[str]], end: int, words: ClaimWords) -> list[Quantity]:
    """Every quantity of the sentence ending at `end`, in text order; a numeral's quantity does not depend on what
    is excluded."""
    text = sentence.text
    found: list[Quantity] = []
    for m in numerals:
        value, value_end, scale = parse_numeral(m.group(), words), m.end(), 0
        glued = _GLUED.match(text, m.end(), end)
        if glued:
            power = words.suffixes.get(glued.group().lower())
            if power is None:
                continue  # part of a name or code ("4o", "3x")
            scale, value_end = power, glued.end()
        found.append(_complete(sentence, words, m.start(), m.end(), value_end, value, scale, worded=False, end=end))
    for hit in sentence.numbers:
        nxt = sentence.starting("scales", hit.last + 1)
        if not nxt or text[hit.end : nxt[0].start].strip():
            continue
        found.append(_complete(sentence, words, hit.start, hit.end, hit.end, float(hit.label), 0, worded=True, end=end))
    return sorted(set(found), key=_TEXT_ORDER)


def _complete(sentence: _Sentence, words: ClaimWords, numeral_start: int, numeral_end: int, value_end: int,
              value: float, scale: int, *, worded: bool, end: int) -> Quantity:
    text = sentence.text
    start = numeral_start
    # the sentence's hits by first and last token, per category; a category the sentence lacks is skipped
    scales, units = sentence.first.get("scales"), sentence.first.get("units")
    currencies_after, currencies_before = sentence.first.get("currencies"), sentence.last.get("currencies")
    if not scale and scales:
        for hit in scales.get(sentence.token_at_or_after(value_end), _NONE):
            if not text[value_end : hit.start].strip():
                scale, value_end = int(hit.label[1:]), hit.end
                break
    if value_end < end and text[value_end] == ".":
        value_end = _abbreviation_dot(text, value_end, end)
    unit: str | None = None
    currency = False
    firsts, lasts = words.symbol_edges  # most numerals have no symbol by them: one look-up instead of each symbol's
    # currency after: a symbol ("500 Millionen €") or a word ("72 Milliarden US-Dollar")
    at = _after_space(text, value_end, end)
    if at is not None and at < end and text[at] in firsts:
        for symbol, code in words.symbols:
            if text.startswith(symbol, at, end):
                unit, currency, value_end = code, True, at + len(symbol)
                break
    if unit is None and currencies_after:
        for hit in currencies_after.get(sentence.token_at_or_after(value_end), _NONE):
            if not text[value_end : hit.start].strip():
                unit, currency, value_end = hit.label, True, hit.end
                break
    # currency before: "$72 billion", "US$ 3,5 Mrd.", "USD 500 Mio."
    if unit is None:
        at = _before_space(text, start)
        if at is not None and at > 0 and text[at - 1] in lasts:
            for symbol, code in words.symbols:
                if text.endswith(symbol, 0, at):
                    unit, currency, start = code, True, at - len(symbol)
                    break
    if unit is None and currencies_before:
        for hit in currencies_before.get(sentence.token_ending_at_or_before(start), _NONE):
            if not text[hit.end : start].strip():
                unit, currency, start = hit.label, True, hit.start
                break
    # a unit word within a word or two after ("Token", "aktive Parameter")
    if unit is None and units:
        k = sentence.token_at_or_after(value_end)
        for gap in range(UNIT_GAP + 1):
            hits = units.get(k + gap)
            if hits:
                hit = hits[0]
                if _UNIT_GAP.fullmatch(text, value_end, hit.start):
                    unit, value_end = hit.label, hit.end
                break
            if k + gap >= len(sentence.tokens) or (scales and k + gap in scales):
                break
    # a bound right before ("bis zu", "rund", "at least")
    bound = "exact"
    bounds = sentence.last.get("bounds")
    if bounds:
        for hit in bounds.get(sentence.token_ending_at_or_before(start), _NONE):
            if not text[hit.end : start].strip():
                bound, start = hit.label, hit.start
                break
    return Quantity(start, value_end, value * 10**scale, unit, bound, scale, worded, numeral_start, numeral_end,
                    currency)


_SPACE = " \u00a0"


def _after_space(text: str, pos: int, end: int) -> int | None:
    """Where text[pos:end] goes on after at most one space, or None if more spaces follow (no slice copied)."""
    if pos < end and text[pos] in _SPACE:
        pos += 1
        if pos < end and text[pos] in _SPACE:
            return None
    return pos


def _before_space(text: str, pos: int) -> int | None:
    """Where text[:pos] ends before at most one space, or None if more spaces precede (no slice copied)."""
    if pos > 0 and text[pos - 1] in _SPACE:
        pos -= 1
        if pos > 0 and text[pos - 1] in _SPACE:
            return None
    return pos


def _abbreviation_dot(text: str, pos: int, end: int) -> int:
    """`Mrd.` keeps its dot when a word follows ("3,5 Mrd. Euro"), not when it ends the sentence."""
    if (pos < end and text[pos] == "." and pos > 0 and text[pos - 1].isalpha() and text[pos + 1 : pos + 2] == " "
            and pos + 2 < end):
        return pos + 1
    return pos


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
