"""Word patterns from the language data, matched on tokens: triggers, attribution, modality and clause cues.

Pattern syntax (documented for data authors in lang/de/events.toml):
    word, word* (inflection, up to 5 letters), *word (compound head), *word*, "a b" (adjacent),
    "a ... b" (b within 8 words of the clause), "a ... b$" (b ends the clause, within 16 words),
    "pattern ? c1 c2" (context).
Matching is case-insensitive; every distinct token is classified once and cached, so hundreds of patterns
cost one dictionary look-up per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress
from typing import Any, NamedTuple

from .. import lang

TOKEN = re.compile(r"[^\W_]+")
INFLECTION = 5  # letters a `word*` pattern may add
WORD_MEMO = 200_000  # distinct words whose element ids a pattern set remembers
GAP = 8  # words a `...` may skip
SEPARABLE_GAP = 16  # words a `... b$` may skip: a separable verb's particle ends its clause, however long
_ADJACENT = frozenset({"", "-", "'", "’", "‑"})
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]!?–—\n]|(?<!\d)\.|\s-\s")  # "1. April" is no break; "1:4": see _breaks
_SIGMA = "\u03a3"  # capital sigma: lower-cased by what follows it
LONGER_LOWER = "\u0130"  # the one character whose lower case is longer (İ -> i̇; tests/test_claims.py checks it)
_CLAUSE_END = re.compile(r"\s*(?:[,;:!?.)\]–—\"“”„»«'’\n]|\s-\s|$)")


class Token(NamedTuple):
    start: int
    end: int
    low: str


class CueHit(NamedTuple):
    category: str  # "triggers", "modality", "attribution", "clause"
    label: str  # event type, modality, cue kind
    start: int
    end: int
    first: int  # index of its first token in the token list
    last: int
    specific: bool = False  # matched together with a context word, so it beats a plain match of the same words


@dataclass(frozen=True)
class _Element:
    kind: str  # exact, stem, head, headstem
    core: str


@dataclass(frozen=True)
class _Pattern:
    category: str
    label: str
    elements: tuple[int, ...]  # element ids
    links: tuple[str, ...]  # "adj" or "gap" between consecutive elements
    clause_end: bool
    context: tuple[int, ...]  # element ids, any of which must occur in the sentence
    adjacent_second: int = -1  # the second element when it must be the very next word: patterns are looked up by it
    single: bool = False  # one word that need not end the clause: it matches wherever it stands (most cues)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens as (start, end, lower-case word) tuples (plain tuples: this runs over every word)."""
    end = len(text) if end is None else end
    low = text.lower()
    if len(low) == len(text):
        return spans_of_words(low[start:end], start)
    return [(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text, start, end)]  # type: ignore[misc]


_WORDS_AND_GAPS = re.compile(r"([^\W_]+)")  # TOKEN, captured: split() alternates gap, word, gap, ..., gap
_WORD_RUNS = re.compile(r"(\w+)")


def spans_of_words(text: str, offset: int = 0) -> list[Token]:
    """`(start + offset, end + offset, word)` of every TOKEN in text: what a `finditer` gives, made at C speed."""
    starts, ends, words, _ = _columns_and_gaps(text, offset)
    return list(zip(starts, ends, words))  # type: ignore[arg-type]


def _columns_and_gaps(text: str, offset: int = 0) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends and words of the TOKENs, and the gaps around them
    (gap k comes before word k; one more at the end)."""
    # `\w+` is TOKEN where the text has no underscore, and the engine tests it faster than `[^\W_]+`
    parts = (_WORDS_AND_GAPS if "_" in text else _WORD_RUNS).split(text)
    bounds = list(accumulate(map(len, parts), initial=offset))
    return bounds[1::2], bounds[2::2], parts[1::2], parts[0::2]


class DocumentWords(NamedTuple):
    """The words of one whole text, as tokens and as columns (starts, ends, words), in their own case."""

    text: str
    tokens: list[Token]
    starts: list[int]
    ends: list[int]
    words: list[str]
    gaps: list[str]  # gaps[k] is the text before words[k]; gaps[-1] the text after the last word


def document_words(text: str) -> DocumentWords:
    """The words of a whole text, as tokens and as columns."""
    starts, ends, words, gaps = _columns_and_gaps(text)
    return DocumentWords(text, list(zip(starts, ends, words)), starts, ends, words, gaps)  # type: ignore[arg-type]


def mark_positions(text: str, marks: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Every place in text[start:end] where one of `marks` starts, sorted: `str.find` beats a regex scan for
    characters as rare as punctuation."""
    end = len(text) if end is None else end
    found: list[int] = []
    for mark in marks:
        pos = text.find(mark, start, end)
        while pos >= 0:
            found.append(pos)
            pos = text.find(mark, pos + 1, end)
    found.sort()
    return found


def lowers_by_word(text: str) -> bool:
    """Whether lower-casing a text word by word gives its lower case (no length change, no context-dependent sigma)."""
    return _SIGMA not in text and LONGER_LOWER not in text  # as `len(text.lower()) == len(text)`, without lower()


class CuePatterns:
    """A compiled set of labelled patterns; `find` returns every match in a token range."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]):
        self._elements: dict[_Element, int] = {}
        self._by_kind: dict[str, dict[str, list[int]]] = {"exact": {}, "stem": {}, "head": {}, "headstem": {}}
        self._starting: dict[int, list[_Pattern]] = {}
        self._cache: dict[str, frozenset[int]] = {}  # lower-cased word -> element ids
        # element ids -> the patterns they start: those that may match whatever follows, and by their second
        # element those whose second word must come right after (most patterns of a common first word)
        self._starting_with: dict[frozenset[int], tuple[tuple[_Pattern, ...], dict[int, tuple[_Pattern, ...]]]] = {}
        self._written = _IdsByWord(self)  # word as written -> element ids of its lower case
        for category, label, text in entries:
            pattern = self._compile(category, label, text)
            if pattern is not None:
                self._starting.setdefault(pattern.elements[0], []).append(pattern)

    # -- compiling ---------------------------------------------------------------------------------------------
    def _element(self, word: str) -> int:
        word = word.lower()
        lead, trail = word.startswith("*"), word.endswith("*") and len(word) > 1
        core = word.strip("*")
        kind = "headstem" if lead and trail else "head" if lead else "stem" if trail else "exact"
        key = _Element(kind, core)
        if key not in self._elements:
            self._elements[key] = len(self._elements)
            self._by_kind[kind].setdefault(core, []).append(self._elements[key])
        return self._elements[key]

    def _words(self, text: str) -> tuple[list[int], list[str]]:
        elements: list[int] = []
        links: list[str] = []
        gap = False
        for word in text.split():
            if word == "...":
                gap = True
                continue
            pieces = _split_word(word)
            for n, piece in enumerate(pieces):
                if elements:
                    links.append("gap" if gap and n == 0 else "adj")
                elements.append(self._element(piece))
            gap = False
        return elements, links

    def _compile(self, category: str, label: str, text: str) -> _Pattern | None:
        main, _, context = text.partition(" ? ")
        main = main.strip()
        clause_end = main.endswith("$")
        elements, links = self._words(main.rstrip("$"))
        if not elements:
            return None
        context_ids = tuple(self._element(w) for w in context.split())
        second = elements[1] if links and links[0] == "adj" else -1
        return _Pattern(category, label, tuple(elements), tuple(links), clause_end, context_ids, second,
                        len(elements) == 1 and not clause_end)

    # -- matching ----------------------------------------------------------------------------------------------
    def ids(self, low: str) -> frozenset[int]:
        """Element ids a lower-cased token matches (cached per distinct token)."""
        found = self._cache.get(low)
        if found is not None:
            return found
        by = self._by_kind
        hits: set[int] = set(by["exact"].get(low, ()))
        n = len(low)
        for k in range(1, min(INFLECTION, n - 1) + 1):
            hits.update(by["stem"].get(low[: n - k], ()))
        hits.update(by["stem"].get(low, ()))
        heads, headstems = by["head"], by["headstem"]
        for i in range(n):
            hits.update(heads.get(low[i:], ()))
            if headstems:
                for k in range(min(INFLECTION, n - i - 1) + 1):
                    hits.update(headstems.get(low[i : n - k], ()))
        result = frozenset(hits)
        self._cache[low] = result
        return result

    def token_ids(self, tokens: Sequence[Token]) -> list[frozenset[int]]:
        """Element ids of every token (aligned with `tokens`): computed once per document, then sliced per sentence."""
        return self.word_ids([t[2] for t in tokens])

    def word_ids(self, words: Sequence[str]) -> list[frozenset[int]]:
        """Element ids of words as written, in any case (aligned with `words`; cached per distinct word)."""
        return list(map(self._written.__getitem__, words))

    def find(self, text: str, tokens: list[Token], first: int = 0, last: int | None = None,
             ids: Sequence[frozenset[int]] | None = None) -> list[CueHit]:
        """Matches among tokens[first:last] (a sentence); patterns never reach beyond it.

        `ids`, if given, is `token_ids(tokens)` computed beforehand (aligned with `tokens`)."""
        last = len(tokens) if last is None else last
        if ids is None:
            token_ids: Sequence[frozenset[int]] = self.token_ids(tokens[first:last])
            base = first
        else:
            token_ids, base = ids, 0
        hits: list[CueHit] = []
        present: set[int] | None = None
        starting_with = self._starting_with
        # only tokens that match some element can start a pattern
        for at in compress(range(first, last), token_ids[first - base : last - base]):
            ids = token_ids[at - base]
            starting = starting_with.get(ids)
            if starting is None:
                starting = starting_with[ids] = self._patterns_starting(ids)
            patterns, by_second = starting
            if by_second and at + 1 < last:  # of the patterns that need a second word right after, those it is
                for element in token_ids[at + 1 - base]:
                    if element in by_second:
                        patterns = patterns + by_second[element]
            for pattern in patterns:
                if pattern.single:  # what `_match` comes to for one word
                    if _modifier(text, tokens[at][1]):
                        continue
                    j = at
                else:
                    j = self._match(pattern, text, tokens, token_ids, base, at, last)
                    if j is None:
                        continue
                if pattern.context:
                    if present is None:
                        present = set().union(*token_ids[first - base : last - base])
                    if not present.intersection(pattern.context):
                        continue
                hits.append(CueHit(pattern.category, pattern.label, tokens[at][0], tokens[j][1], at, j,
                                   bool(pattern.context)))
        if len(hits) < 2:
            return hits
        return sorted(set(hits), key=_hit_order)

    def _patterns_starting(self, ids: frozenset[int]) -> tuple[tuple[_Pattern, ...], dict[int, tuple[_Pattern, ...]]]:
        """The patterns a word with these element ids may start (most words' ids start none): those that need
        no particular next word, and by their second element those that need it as the next word."""
        patterns = [pattern for element in sorted(ids) for pattern in self._starting.get(element, ())]
        by_second: dict[int, list[_Pattern]] = {}
        for pattern in patterns:
            if pattern.adjacent_second >= 0:
                by_second.setdefault(pattern.adjacent_second, []).append(pattern)
        return (tuple(p for p in patterns if p.adjacent_second < 0),
                {second: tuple(group) for second, group in by_second.items()})

    def _match(self, pattern: _Pattern, text: str, tokens: list[Token], token_ids: Sequence[frozenset[int]],
               base: int, i: int, last: int) -> int | None:
        j = i
        n_elements = len(pattern.elements)
        for position in range(1, n_elements):
            element = pattern.elements[position]
            final = position == n_elements - 1
            if pattern.links[position - 1] == "adj":
                k = j + 1
                if k >= last or element not in token_ids[k - base] or not _adjacent(text, tokens[j][1], tokens[k][0]):
                    return None
                j = k
                continue
            found = None
            reach = SEPARABLE_GAP if final and pattern.clause_end else GAP
            for k in range(j + 1, min(last, j + 2 + reach)):
                mark = _CLAUSE_BREAK.search(text, tokens[k - 1][1], tokens[k][0])
                if mark is not None and _breaks(text, mark, tokens[k][0]):
                    break
                if element in token_ids[k - base] and (
                    not (final and pattern.clause_end) or _ends_clause(text, tokens, k, last)
                ):
                    found = k
                    break
            if found is None:
                return None
            j = found
        if pattern.clause_end and n_elements == 1 and not _ends_clause(text, tokens, j, last):
            return None
        if _modifier(text, tokens[j][1]):
            return None
        return j




class _IdsByWord(dict):
    """Word as written -> `CuePatterns.ids` of its lower case: computed once per word seen (a dictionary
    look-up at C speed for the rest), and forgotten when full, since a large corpus's vocabulary keeps growing."""

    def __init__(self, patterns: CuePatterns):
        super().__init__()
        self._patterns = patterns

    def __missing__(self, word: str) -> frozenset[int]:
        if len(self) > WORD_MEMO:
            self.clear()
            self._patterns._cache.clear()
        ids = self[word] = self._patterns.ids(word.lower())
        return ids


def _hit_order(hit: CueHit) -> tuple:
    return hit.start, -hit.end, hit.category, hit.label


def _split_word(word: str) -> list[str]:
    """`Start-up` -> [start, up]; stars stay on the piece they belong to."""
    pieces = [p for p in re.split(r"[-'’]", word) if p]
    return [p for p in pieces if p.strip("*")]


def _adjacent(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    return "\n" not in between and between.replace(" ", "").replace("\u00a0", "") in _ADJACENT


def _breaks(text: str, m: re.Match[str], end: int) -> bool:
    """Whether a `_CLAUSE_BREAK` match `m` in a gap ending at `end` breaks the clause: a colon between digits
    ("1:4") does not, unless another break follows in the gap."""
    if m.group() == ":" and text[m.start() - 1 : m.start()].isdigit() and text[m.end() : m.end() + 1].isdigit():
        return _CLAUSE_BREAK.search(text, m.end(), end) is not None
    return True


def _ends_clause(text: str, tokens: list[Token], k: int, last: int) -> bool:
    stop = tokens[k + 1][0] if k + 1 < len(tokens) and k + 1 < last else min(len(text), tokens[k][1] + 3)
    gap = text[tokens[k][1] : stop]
    if k + 1 >= last:
        return True
    return bool(_CLAUSE_END.match(gap)) and gap.strip() != ""


def _modifier(text: str, end: int) -> bool:
    """A word followed by `-Xyz` is the first part of a compound, not the word itself."""
    return end + 1 < len(text) and text[end] in "-‑" and text[end + 1].isalpha()


# -- per-language tables ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LanguageCues:
    language: str
    data: dict[str, Any]
    patterns: CuePatterns
    abbreviations: frozenset[str]
    not_names: frozenset[str]
    articles: frozenset[str]
    unnamed_attribution: str
    capitalised_nouns: bool


def check_labels(language: str, data: dict[str, Any]) -> None:
    """Trigger labels must be event types and modality labels modalities: mentions are built from them unvalidated."""
    from ..models import EVENT_TYPES, MODALITIES

    for category, allowed in (("triggers", EVENT_TYPES), ("modality", MODALITIES)):
        unknown = sorted(set(data.get(category, {})) - set(allowed))
        if unknown:
            raise ValueError(f"lang/{language}/events.toml: [{category}] has unknown labels {', '.join(unknown)} "
                             f"(allowed: {', '.join(allowed)})")


@cache
def cues_for(language: str) -> LanguageCues:
    data = lang.load(language, "events")
    check_labels(language, data)
    tables = {"triggers": data.get("triggers", {}), "modality": data.get("modality", {}),
              "attribution": lang.load(language, "attribution")["attribution"], "clause": data.get("clause", {})}
    entries: list[tuple[str, str, str]] = []
    for category, table in tables.items():
        for label, words in table.items():
            if category == "clause" and label in ("not_names", "articles", "roles"):
                continue
            for text in words:
                entries.append((category, label, text))
    return LanguageCues(
        language=language,
        data=data,
        patterns=CuePatterns(entries),
        abbreviations=frozenset(data.get("abbreviations", ())),
        not_names=frozenset(data.get("clause", {}).get("not_names", ())),
        articles=frozenset(data.get("clause", {}).get("articles", ())),
        unnamed_attribution=data.get("unnamed_attribution", "unnamed reports"),
        capitalised_nouns=bool(data.get("capitalised_nouns", False)),
    )


@cache  # asked once per document and per name look-up
def language_or_default(language: str | None) -> str:
    """The language code with data for `language` ("de-AT" -> "de"), else the default language."""
    code = (language or lang.DEFAULT_LANGUAGE).lower().split("-")[0].split("_")[0]
    return code if code in lang.languages() else lang.DEFAULT_LANGUAGE


@cache
def boilerplate_cues() -> dict[str, tuple[str, ...]]:
    """Boilerplate headings and labels of every language together: pages mix them (English menus on German sites)."""
    merged: dict[str, list[str]] = {}
    for code in lang.languages():
        try:
            table = lang.load(code, "events").get("boilerplate", {})
        except (KeyError, FileNotFoundError):
            continue
        for key, words in table.items():
            merged.setdefault(key, []).extend(words)
    return {key: tuple(dict.fromkeys(words)) for key, words in merged.items()}
