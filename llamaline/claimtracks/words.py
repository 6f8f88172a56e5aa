"""The claim words of one language (lang/<code>/claims.toml), compiled once into word patterns and tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from .. import lang
from ..text.cues import CueHit, CuePatterns, Token, language_or_default

# Tables whose keys are labels and whose values are lists of word patterns; each becomes a pattern category.
# (Attribution cues are not claim words: lang/<code>/attribution.toml serves mentions and claims alike.)
PATTERN_TABLES = ("scales", "currencies", "units", "bounds", "attributes", "staff", "targets", "statuses", "clause")
# The patterns that can make a sentence a claim candidate (see `extract._may_claim`); the rest are read only then.
GATE = frozenset({("scales", None), ("currencies", None), ("units", None), ("statuses", None), ("targets", None),
                  ("attributes", "staff")})
# The keys every language must have (tests/test_claims.py checks the files against each other).
REQUIRED = {
    "numbers": ("decimal_mark", "group_mark", "partitive", "words"),
    "scales": ("e3", "e6", "e9", "e12"),
    "scale_suffixes": ("e3", "e6", "e9", "e12"),
    "currencies": ("USD", "EUR"),
    "currency_symbols": ("USD", "EUR"),
    "units": ("tokens", "parameters", "people"),
    "bounds": ("up_to", "at_least", "approximate"),
    "attributes": ("parameters", "context_window", "training_tokens", "spending", "valuation", "funding", "revenue",
                   "staff"),
    "staff": ("remaining", "departed"),
    "targets": ("planned", "moved", "earliest", "latest", "release"),
    "statuses": ("unreleased", "paused", "abandoned", "available", "released", "delayed"),
    "clause": ("hedges", "negation", "coordination", "breaks", "comparison", "examples"),
}


@dataclass(frozen=True)
class ClaimWords:
    language: str
    data: dict[str, Any]
    entries: tuple[tuple[str, str, str], ...]  # (category, label, pattern) of every pattern
    gate: CuePatterns  # the patterns in GATE
    others: CuePatterns  # the rest, matched only in a sentence that may claim
    number: re.Pattern[str]  # a written numeral with the language's decimal mark and thousands separator
    decimal_mark: str
    group_mark: str
    suffixes: dict[str, int]  # lower-cased glued scale letters -> power of ten
    symbols: tuple[tuple[str, str], ...]  # (currency symbol, ISO code), longest first
    symbol_edges: tuple[frozenset[str], frozenset[str]]  # the first and the last characters of the symbols

    @cached_property
    def patterns(self) -> CuePatterns:
        """Every pattern, `gate` and `others` together (compiled on first use: extraction reads the two parts)."""
        return CuePatterns(self.entries)

    def find(self, text: str, tokens: list[Token]) -> list[CueHit]:
        return self.patterns.find(text, tokens)


@cache
def claim_words(language: str | None) -> ClaimWords:
    code = language_or_default(language)
    data = lang.load(code, "claims")
    entries: list[tuple[str, str, str]] = []
    for table in PATTERN_TABLES:
        for label, words in data.get(table, {}).items():
            if isinstance(words, list):
                entries.extend((table, label, w) for w in words)
    numbers = data.get("numbers", {})
    entries.extend(("partitive", "partitive", w) for w in numbers.get("partitive", ()))
    for value, words in numbers.get("words", {}).items():
        entries.extend(("number", value, w) for w in words)
    decimal, group = numbers.get("decimal_mark", "."), numbers.get("group_mark", ",")
    d, g = re.escape(decimal), re.escape(group)
    # the first digit comes before the look-behind at it, so that the regex engine skips ahead to digits
    number = re.compile(rf"\d(?<![\w.,\-‑/]\d)(?:\d{{0,2}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d*(?:{d}\d+)?)(?![.,]?\d)")
    suffixes = {s.lower(): int(k[1:]) for k, words in data.get("scale_suffixes", {}).items() for s in words}
    symbols = tuple(sorted(((s, code_) for code_, words in data.get("currency_symbols", {}).items() for s in words),
                           key=lambda p: -len(p[0])))
    gated = [(category, None) in GATE or (category, label) in GATE for category, label, _ in entries]
    return ClaimWords(
        language=code,
        data=data,
        entries=tuple(entries),
        gate=CuePatterns(e for e, in_gate in zip(entries, gated) if in_gate),
        others=CuePatterns(e for e, in_gate in zip(entries, gated) if not in_gate),
        number=number,
        decimal_mark=decimal,
        group_mark=group,
        suffixes=suffixes,
        symbols=symbols,
        symbol_edges=(frozenset(s[0] for s, _ in symbols), frozenset(s[-1] for s, _ in symbols)),
    )


def parse_numeral(text: str, words: ClaimWords) -> float:
    """`128.000` -> 128000 in German, `3.5` -> 3.5 in English."""
    return float(text.replace(words.group_mark, "").replace(words.decimal_mark, "."))
