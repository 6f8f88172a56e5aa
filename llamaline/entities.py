"""The entity gazetteer: the story's cast (canonical names, aliases, kinds, families), and names the text marks.

Packaged `lang/entities.toml`, extended (and overridden by name) by an `entities.toml` in the corpus folder.
Names match case-sensitively on word boundaries, longest first; space and hyphen are interchangeable
(`Falke-2`), and genitive or possessive endings are understood (`Nordwinds`, `Nordwind's`). Names outside the
gazetteer are still returned, with kind "unknown", where the text marks them: a quoted name, a known product
family followed by a capitalised word (`Falke 2 Titan`), a run of capitalised words mid-sentence, a word shaped
like a name (`NovaCore`, `XR-4o`).
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any, NamedTuple

from . import lang
from .cues import TOKEN, cues_for, document_words, language_or_default

KINDS = ("person", "organisation", "product", "event", "outlet")
UNKNOWN = "unknown"
_SPACE_LIKE = frozenset({" ", "-", "\u00a0", "‑"})
_HYPHENS = frozenset({"-", "‑"})
_POSSESSIVE = ("'s", "’s", "'", "’")
_QUOTED = re.compile(r"„([^“”\"\n]{1,60})[“”\"]|“([^”\n]{1,60})”|«([^»\n]{1,60})»|»([^«\n]{1,60})«|\"([^\"\n]{1,60})\"|'([^'\n]{2,60})'")
_VERSION = re.compile(r"\d+(?:[.,]\d+)*[a-z]?$")


class EntityHit(NamedTuple):
    start: int
    end: int
    name: str
    kind: str


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    part_of: str | None = None


class GazetteerError(ValueError):
    """A malformed entities.toml."""


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    # -- loading -----------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, corpus_dir: Path | str | None = None) -> "Gazetteer":
        """The packaged cast plus `<corpus_dir>/entities.toml` if there is one (same format, same names replace)."""
        entities = _parse(lang.load_shared("entities"), "llamaline/lang/entities.toml")
        if corpus_dir is not None:
            path = Path(corpus_dir) / "entities.toml"
            if path.is_file():
                try:
                    data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                    raise GazetteerError(f"{path}: malformed entities file: {exc}") from None
                entities.update(_parse(data, str(path)))
        return cls(entities)

    @classmethod
    def from_entities(cls, entities: list[Entity]) -> "Gazetteer":
        return cls({e.name: e for e in entities})

    def _index(self) -> None:
        # first token -> [(tokens, entity name)], longest first
        self._surfaces: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._canonical: dict[str, str] = {}
        for entity in self.entities.values():
            for surface in (entity.name, *entity.aliases):
                tokens = tuple(TOKEN.findall(surface))
                if not tokens:
                    continue
                self._canonical.setdefault(_key(surface), entity.name)
                self._surfaces.setdefault(tokens[0], []).append((tokens, entity.name))
        for variants in self._surfaces.values():
            variants.sort(key=lambda v: (-len(v[0]), v[1]))
        firsts = sorted(self._surfaces, key=lambda w: (-len(w), w))
        # where a known name may start: lets a sentence without one skip the word-by-word scan
        self._candidates = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, firsts)) + r")") if firsts else None
        # a word that is a name's first word, or that word with a genitive "s": where `_known_at` may match
        self._first_words = frozenset(firsts) | frozenset(w + "s" for w in firsts)
        self._memo: _DocumentNames | None = None  # what `find` learnt about the last text it read
        self._variants: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # `_variants_of` per word seen
        self._families: dict[str, str | None] = {}  # `family` of each unknown name asked about

    def __getstate__(self) -> dict[str, Any]:
        return {"entities": self.entities}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.entities = state["entities"]
        self._index()

    # -- look-ups ----------------------------------------------------------------------------------------------
    def kind(self, name: str) -> str | None:
        entity = self.entities.get(name)
        return entity.kind if entity else None

    def family(self, name: str) -> str | None:
        """The family a name belongs to: its `part_of`, or for an unknown `<family> <word>` that family."""
        entity = self.entities.get(name)
        if entity is not None:
            return entity.part_of
        if name in self._families:
            return self._families[name]
        best = None
        for candidate in self.entities.values():
            if candidate.kind == "product" and name.startswith(candidate.name + " "):
                if best is None or len(candidate.name) > len(best):
                    best = candidate.name
        if len(self._families) > _FAMILY_MEMO:
            self._families.clear()
        self._families[name] = best
        return best

    def families(self) -> dict[str, str]:
        return {name: e.part_of for name, e in sorted(self.entities.items()) if e.part_of}

    def canonical(self, surface: str) -> str | None:
        """The canonical name of a surface form (`FT` -> `Financial Times`, `Nordwinds` -> `Nordwind`)."""
        surface = surface.strip()
        found = self._canonical.get(_key(surface))
        if found:
            return found
        for ending in (*_POSSESSIVE, "s"):
            if surface.endswith(ending) and len(surface) > len(ending) + 1:
                found = self._canonical.get(_key(surface[: -len(ending)]))
                if found:
                    return found
        return None

    # -- finding -----------------------------------------------------------------------------------------------
    def find(self, text: str, start: int = 0, end: int | None = None, language: str | None = None,
             marked: bool = True) -> list[EntityHit]:
        """Known and (unless `marked` is False) marked names in text[start:end] (one sentence), in text order."""
        end = len(text) if end is None else end
        memo = self._memo
        if memo is None or memo.text is not text:
            memo = self._memo = _DocumentNames(text, self._first_words)
        key = (start, end, language_or_default(language))
        known = memo.known.get(key)
        if known is None:
            known = memo.known[key] = self._find_known(text, memo, start, end, key[2])
        tokens, hits, taken, cut = known
        if not marked:
            return _without_overlaps(hits)
        result = memo.marked.get(key)
        if result is None:
            flags = None if cut is None else (memo.not_lower[cut[0] : cut[1]], memo.hyphen_before[cut[0] : cut[1]])
            everything = hits + _marked_names(text, tokens, taken, start, end, key[2], self, flags)
            everything.sort(key=lambda h: (h.start, -h.end))
            result = memo.marked[key] = _without_overlaps(everything)
        return list(result)

    def _find_known(self, text: str, memo: "_DocumentNames", start: int, end: int, language: str):
        """(tokens, known-name hits, token indices they take, the document's token range or None) of text[start:end]."""
        cut = memo.cut(start, end)
        if cut is not None:
            i, j = cut
            tokens = memo.tokens[i:j]
            lo = bisect.bisect_left(memo.candidates, i)
            hi = bisect.bisect_left(memo.candidates, j, lo)
            positions = [k - i for k in memo.candidates[lo:hi]]
        else:  # a span edge inside a word: the tokens and candidates of the span itself
            found = [m.start() for m in self._candidates.finditer(text, start, end)] if self._candidates else []
            tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
            index = {t[0]: k for k, t in enumerate(tokens)}
            positions = [index[p] for p in found if p in index]
        hits: list[EntityHit] = []
        taken: set[int] = set()
        next_free = 0
        for i in positions:
            if i < next_free:
                continue
            match = self._known_at(text, tokens, i)
            if match is None:
                continue
            j, name, hit_end = match
            j, name, hit_end, kind = self._extend_family(text, tokens, i, j, name, hit_end, language)
            hits.append(EntityHit(tokens[i][0], hit_end, name, kind))
            taken.update(range(i, j + 1))
            next_free = j + 1
        hits.sort(key=lambda h: (h.start, -h.end))
        return tokens, hits, taken, cut

    def _known_at(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, str, int] | None:
        word = tokens[i][2]
        candidates = self._variants.get(word)
        if candidates is None:
            candidates = self._variants[word] = self._variants_of(word)
        for surface, name in candidates:
            j = i
            ok = True
            for k in range(1, len(surface)):
                j = i + k
                if j >= len(tokens):
                    ok = False
                    break
                want, got = surface[k], tokens[j][2]
                if (got != want and not (k == len(surface) - 1 and got == want + "s")) or not _joined(
                        text, tokens[j - 1][1], tokens[j][0]):
                    ok = False
                    break
            if not ok:
                continue
            hit_end = tokens[j][1]
            if hit_end < len(text) and (text[hit_end].isalnum() or text[hit_end] == "_"):
                continue
            for ending in ("'s", "’s"):
                if text.startswith(ending, hit_end) and not text[hit_end + len(ending) : hit_end + len(ending) + 1].isalnum():
                    hit_end += len(ending)
                    j = _last_token_before(tokens, j, hit_end)
            return j, name, hit_end
        return None

    def _variants_of(self, word: str) -> list[tuple[tuple[str, ...], str]]:
        """The surfaces that may start at `word`, longest first: its own, and one-word names it is the genitive of."""
        surfaces = self._surfaces
        candidates = list(surfaces.get(word, ()))
        if word.endswith("s") and len(word) > 2:
            candidates += [(t, n) for t, n in surfaces.get(word[:-1], ()) if len(t) == 1]
        return sorted(candidates, key=lambda v: -len(v[0]))

    def _extend_family(self, text: str, tokens: list[tuple[int, int, str]], i: int, j: int, name: str, hit_end: int,
                       language: str | None) -> tuple[int, str, int, str]:
        """`Falke 2` + `Titan` -> `Falke 2 Titan` (unknown member of a known product family)."""
        entity = self.entities[name]
        if entity.kind != "product" or hit_end != tokens[j][1]:
            return j, name, hit_end, entity.kind
        versioned = bool(_VERSION.match(tokens[j][2]))  # only `<name> <version>` families take a member name
        cues = cues_for(language_or_default(language))
        extra: list[str] = []
        k = j
        while k + 1 < len(tokens) and len(extra) < 3 and text[tokens[k][1] : tokens[k + 1][0]] == " ":
            word = tokens[k + 1][2]
            version = _VERSION.match(word) and not extra
            if not version and not (versioned and word[:1].isupper() and word not in cues.not_names
                                    and word.lower() not in _stopwords(cues.language)):
                break
            versioned = versioned or bool(version)
            if word in self._surfaces:
                break
            nxt_end = tokens[k + 1][1]
            if nxt_end < len(text) and text[nxt_end] in "-‑":
                break
            extra.append(word)
            k += 1
            while version and k + 1 < len(tokens) and text[tokens[k][1] : tokens[k + 1][0]] in (".", ",") and tokens[k + 1][2].isdigit():
                extra[-1] += text[tokens[k][1] : tokens[k + 1][1]]  # "3.5"
                k += 1
        if not extra:
            return j, name, hit_end, entity.kind
        return k, " ".join([name, *extra]), tokens[k][1], UNKNOWN


class _DocumentNames:
    """One text's tokens and the tokens a known name may start at, computed once; and `find`'s results per span.

    The text is one document: event and claim extraction ask about the same sentences."""

    def __init__(self, text: str, first_words: frozenset[str]):
        self.text = text
        words = document_words(text)
        self.tokens = words.tokens
        self.starts = words.starts
        # a known name starts at a token that is a surface's first word, or that word with a genitive "s"
        self.candidates = list(compress(range(len(words.words)), map(first_words.__contains__, words.words)))
        # per word: whether it may start a capitalised run (not all lower case), and whether a hyphen joins it
        # to the word before ("Müller-Lüdenscheidt"): computed once per document, sliced per sentence
        self.not_lower = list(map(not_, map(str.islower, words.words)))
        self.hyphen_before = list(map(_HYPHENS.__contains__, words.gaps[:-1]))
        self.known: dict[tuple[int, int, str], tuple[list, list[EntityHit], set[int]]] = {}
        self.marked: dict[tuple[int, int, str], list[EntityHit]] = {}

    def cut(self, start: int, end: int) -> tuple[int, int] | None:
        """Token indices [i, j) inside text[start:end]; None where a token crosses either edge."""
        tokens, starts = self.tokens, self.starts
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        if (i > 0 and tokens[i - 1][1] > start) or (j > 0 and tokens[j - 1][1] > end):
            return None
        return i, j


def _without_overlaps(hits: list[EntityHit]) -> list[EntityHit]:
    result: list[EntityHit] = []
    for hit in hits:
        if result and hit.start < result[-1].end:
            continue
        result.append(hit)
    return result


def _last_token_before(tokens: list[tuple[int, int, str]], j: int, end: int) -> int:
    while j + 1 < len(tokens) and tokens[j + 1][1] <= end:
        j += 1
    return j


def _joined(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    if between == "." or between == ",":
        return text[end - 1 : end].isdigit() and text[start : start + 1].isdigit()  # "XR-4.5", "Nova 3.5"
    return 0 < len(between) <= 2 and all(ch in _SPACE_LIKE for ch in between)


def _key(surface: str) -> str:
    return " ".join(TOKEN.findall(surface))


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lang.load(language, "detect").get("stopwords", ()))


@cache
def _name_shaped(word: str) -> bool:
    """CamelCase inside a word (NovaCore), letters with digits (XR-4o, R1)."""
    letters = any(ch.isalpha() for ch in word)
    digits = any(ch.isdigit() for ch in word)
    if letters and digits and word[:1].isupper():
        return True
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _marked_names(text: str, tokens: list[tuple[int, int, str]], taken: set[int], start: int, end: int,
                  language: str | None, gazetteer: Gazetteer,
                  flags: tuple[list[bool], list[bool]] | None = None) -> list[EntityHit]:
    """Names the text marks in text[start:end]; `flags`: per token, not lower case and hyphen before (else computed)."""
    code = language_or_default(language)
    cues = cues_for(code)
    stop = _stopwords(code)
    hits: list[EntityHit] = []
    # quoted names
    name_cue_hits = None
    for m in _QUOTED.finditer(text, start, end):
        group = next(g for g in range(1, 7) if m.group(g) is not None)
        inner_start, inner_end = m.start(group), m.end(group)
        inner = text[inner_start:inner_end].strip()
        words = inner.split()
        if not words or len(words) > 4 or not (words[0][:1].isupper() or words[0][:1].isdigit()):
            continue
        if inner[-1:] in ".,!?:;":
            continue
        if gazetteer.canonical(inner):
            continue
        capitalised = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in stop for w in words)
        if not capitalised:
            continue
        if cues.capitalised_nouns and len(words) == 1 and not _name_shaped(inner):
            if name_cue_hits is None:
                name_cue_hits = [h for h in cues.patterns.find(text, _as_cue_tokens(tokens)) if h.label == "name_cues"]
            if not any(0 <= m.start() - h.end <= 12 or 0 <= h.start - m.end() <= 25 for h in name_cue_hits):
                continue
        hits.append(EntityHit(inner_start, inner_start + len(inner), inner, UNKNOWN))
    # capitalised runs and name-shaped words, never at the sentence start; `Müller-Lüdenscheidt` is one word
    if flags is None:
        flags = (list(map(not_, map(str.islower, [t[2] for t in tokens]))),
                 [k > 0 and text[tokens[k - 1][1] : tokens[k][0]] in _HYPHENS for k in range(len(tokens))])
    not_lower, hyphen_before = flags
    joined = True in hyphen_before[1:]
    words = _hyphen_words(hyphen_before) if joined else list(zip(range(len(tokens)), range(len(tokens))))
    capital = _capital_words(code)

    def capital_word(word: str) -> bool:
        found = capital.get(word)
        if found is None:
            if len(capital) > _CAPITAL_MEMO:
                capital.clear()
            found = capital[word] = _capital_word(word, stop, cues.not_names)
        return found

    def free(x: int) -> bool:  # no token of word x is taken by a known name
        i, j = words[x]
        return not taken or (i not in taken if i == j else not any(k in taken for k in range(i, j + 1)))

    w = 0
    # a run starts at a word that is not one lower-case token; the words skipped here only moved `w` on by one
    # in a language without capitalised nouns a run of two or more names may start the sentence ("Orbit Air said")
    initial_runs = not cues.capitalised_nouns
    if joined:
        starts = compress(range(len(words)), map(not_, map(str.islower, [text[tokens[i][0] : tokens[j][1]] if i != j else
                                                                          tokens[i][2] for i, j in words])))
    else:
        starts = compress(range(len(words)), not_lower)
    for w_start in starts:
        if w_start < w or not (w_start or initial_runs):
            continue
        w = w_start
        i, j = words[w]
        if not free(w) or not capital_word(text[tokens[i][0] : tokens[j][1]]):
            w += 1
            continue
        if w == 0 and _also_lower(text, text[tokens[i][0] : tokens[j][1]]):
            w += 1  # "Then Sundar Pichai": a word the text also writes in lower case only starts the sentence
            continue
        v = w
        while (v + 1 < len(words) and free(v + 1)
               and text[tokens[words[v][1]][1] : tokens[words[v + 1][0]][0]] == " "
               and capital_word(text[tokens[words[v + 1][0]][0] : tokens[words[v + 1][1]][1]])):
            v += 1
        run_start, run_end = tokens[words[w][0]][0], tokens[words[v][1]][1]
        if w == 0 and v == w:
            w = v + 1
            continue  # one capitalised word at the sentence start says nothing about a name
        single = text[run_start:run_end]
        # two capitalised words after an article are a German noun phrase ("die Neue Zeit"), not a name
        noun_phrase = v - w == 1 and cues.capitalised_nouns and _after_article(text, run_start, cues.articles)
        if (v > w and not noun_phrase) or _name_shaped(single) or (not cues.capitalised_nouns and len(single) > 1):
            hits.append(EntityHit(run_start, run_end, single, UNKNOWN))
        w = v + 1
    return hits


def _after_article(text: str, start: int, articles: frozenset[str]) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in articles


def _also_lower(text: str, word: str) -> bool:
    lower = word.lower()
    return lower != word and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None


_CAPITAL_MEMO = 100_000  # words remembered per language by `_capital_words`
_FAMILY_MEMO = 100_000  # unknown names whose family `Gazetteer.family` remembers


@cache
def _capital_words(language: str) -> dict[str, bool]:
    """`_capital_word` of each word seen, per language (its stop words and not-names): a memo, cleared when full."""
    return {}


def _hyphen_words(hyphen_before: list[bool]) -> list[tuple[int, int]]:
    """Token index ranges of words, where a hyphen joins tokens into one word."""
    words: list[tuple[int, int]] = []
    for k, joined in enumerate(hyphen_before):
        if words and joined:
            words[-1] = (words[-1][0], k)
        else:
            words.append((k, k))
    return words


def _capital_word(word: str, stop: frozenset[str], not_names: frozenset[str]) -> bool:
    first = word[:1]
    if not (first.isupper() or first.isdigit()) and not _name_shaped(word):
        return False
    if word.isupper() and len(word) <= 4 and word.isalpha():
        return False  # CEO, CFO, KI, USA: titles and common acronyms; a name like that belongs in the gazetteer
    return (word[:1].isupper() and word.lower() not in stop and word not in not_names) or _name_shaped(word)


def _as_cue_tokens(tokens: list[tuple[int, int, str]]):
    return [(s, e, w.lower()) for s, e, w in tokens]


def _parse(data: dict[str, Any], where: str) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for n, row in enumerate(data.get("entity", []), 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise GazetteerError(f"{where}: entity #{n} needs a name")
        kind = row.get("kind", UNKNOWN)
        if kind not in KINDS:
            raise GazetteerError(f"{where}: entity {row['name']!r}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{where}: entity {row['name']!r}: aliases must be a list of strings")
        part_of = row.get("part_of")
        entities[row["name"]] = Entity(row["name"], kind, tuple(aliases), part_of if isinstance(part_of, str) else None)
    return entities
