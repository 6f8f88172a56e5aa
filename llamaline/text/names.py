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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from .. import lang
from ..errors import CorpusError
from .cues import TOKEN, DocumentWords, LanguageCues, cues_for, document_words, language_or_default, mark_positions

KINDS = ("person", "organisation", "product", "event", "outlet")
UNKNOWN = "unknown"
_SPACE_LIKE = frozenset({" ", "-", "\u00a0", "‑"})
_HYPHEN_GAPS = ("-", "‑")  # a gap of one of these joins two tokens into one word
_POSSESSIVE = ("'s", "’s", "'", "’")
_GENITIVE = ("'s", "’s")  # what may follow a known name and belongs to it
_GAP = "[" + "".join(map(re.escape, sorted(_SPACE_LIKE))) + "]{1,2}"  # what `_joined` lets between a name's words
_GAP_OR_POINT = f"(?:{_GAP}|[.,])"  # ... and between two digits
_QUOTED = re.compile(
    r"„([^“”\"\n]{1,60})[“”\"]"
    r"|“([^”\n]{1,60})”"
    r"|«([^»\n]{1,60})»"
    r"|»([^«\n]{1,60})«"
    r"|\"([^\"\n]{1,60})\""
    r"|'([^'\n]{2,60})'"
)
_QUOTE_OPENERS = "„“«»\"'"  # what a `_QUOTED` match starts with
_START, _END = itemgetter(0), itemgetter(1)  # of an EntityHit
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


class GazetteerError(CorpusError, ValueError):
    """A malformed entities.toml: the user's input, so a CorpusError (one line); a ValueError as it always was."""


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    # -- loading -----------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, corpus_dir: Path | str | None = None) -> Gazetteer:
        """The corpus's own cast, `<corpus_dir>/entities.toml`, if it brings one; else no known names (names are
        then found in the text alone)."""
        entities: dict[str, Entity] = {}
        if corpus_dir is not None:
            path = Path(corpus_dir) / "entities.toml"
            if path.is_file():
                try:
                    data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                    raise GazetteerError(f"{path}: malformed entities file: {exc}") from None
                entities.update(_parse(data, str(path)))
        return cls(entities)

    def _index(self) -> None:
        # first token -> [(tokens, entity name)], longest first
        self._surfaces: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._canonical: dict[str, str] = {}
        self._kinds = {name: entity.kind for name, entity in self.entities.items()}
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
        self._matchers: dict[str, tuple] = {}  # `_matcher_of` per first word seen
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
            if (candidate.kind == "product" and name.startswith(candidate.name + " ")
                    and (best is None or len(candidate.name) > len(best))):
                best = candidate.name
        if len(self._families) > _FAMILY_MEMO:
            self._families.clear()
        self._families[name] = best
        return best

    def families(self) -> dict[str, str]:
        return {name: e.part_of for name, e in sorted(self.entities.items()) if e.part_of}

    def is_surface(self, surface: str) -> bool:
        """Whether a surface form is a known name or alias as written (`Labs` of `Superintelligence Labs`)."""
        return _key(surface) in self._canonical

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
    def names_in(self, text: str, words: DocumentWords | None = None) -> DocumentNames:
        """The names of one text, found span by span (`words`: the text's, if already at hand)."""
        return DocumentNames(self, text, words or document_words(text))

    def find(self, text: str, start: int = 0, end: int | None = None, language: str | None = None,
             marked: bool = True) -> list[EntityHit]:
        """Known and (unless `marked` is False) marked names in text[start:end]; for many spans of one text,
        `names_in(text)` finds them without reading the text again."""
        return self.names_in(text).find(start, len(text) if end is None else end, language, marked)

    def _find_known(self, text: str, memo: DocumentNames, start: int, end: int, language: str) -> _Known:
        """The known names of text[start:end], with the words they were found among and the tokens they take."""
        words = memo.words
        starts, ends = words.starts, words.ends
        first = bisect.bisect_left(starts, start)
        limit = bisect.bisect_left(starts, end, first)
        if (first and ends[first - 1] > start) or (limit and ends[limit - 1] > end):
            # a span edge inside a word: the words and candidates of the span itself
            words = _span_words(text, start, end)
            first, limit = 0, len(words.words)
            found = [m.start() for m in self._candidates.finditer(text, start, end)] if self._candidates else []
            index = {s: k for k, s in enumerate(words.starts)}
            positions = [index[p] for p in found if p in index]
        else:  # the document's words, tokens first..limit-1
            candidates = memo.candidates
            lo = bisect.bisect_left(candidates, first)
            hi = bisect.bisect_left(candidates, limit, lo)
            if lo == hi:  # no known name can start here, as in most sentences
                return _Known(words, first, limit, [], [])
            positions = candidates[lo:hi]
        hits: list[EntityHit] = []
        taken: list[tuple[int, int]] = []
        next_free = 0
        kinds = self._kinds
        for i in positions:
            if i < next_free:
                continue
            match = self._known_at(text, words, i, limit, end)
            if match is None:
                continue
            j, name, hit_end = match
            kind = kinds[name]
            if kind == "product" and text.startswith(" ", hit_end):
                after = text[hit_end + 1 : hit_end + 2]
                if after.isdigit() or after.isupper():  # a version or member word may follow ("Falke 2 Titan")
                    j, name, hit_end, kind = self._extend_family(text, words, i, j, name, hit_end, language, limit)
            hits.append(EntityHit(words.starts[i], hit_end, name, kind))  # in text order: each starts after the last
            taken.append((i, j))
            next_free = j + 1
        return _Known(words, first, limit, hits, taken)

    def _known_at(self, text: str, words: DocumentWords, i: int, limit: int, end: int) -> tuple[int, str, int] | None:
        """(last token, name, end) of the longest known surface at token i
        of a span ending at token `limit`, char `end`."""
        word = words.words[i]
        matcher = self._matchers.get(word)
        if matcher is None:
            if word not in self._first_words:
                return None  # a word cut at the span's edge
            matcher = self._matchers[word] = self._matcher_of(word)
        pattern, lengths, names = matcher
        if pattern is None:
            return None
        # the rest of every surface, tried longest first in one regex that sees no further than the span's end
        m = pattern.match(text, words.ends[i], end)
        if m is None:
            return None
        hit_end = m.end()
        if hit_end == end < len(text) and (text[end].isalnum() or text[end] == "_"):
            return self._known_by_tokens(text, words, i, limit)  # the text goes on in a word the regex could not see
        surface = m.lastindex - 1
        j = i + lengths[surface] - 1
        if text.startswith(_GENITIVE, hit_end):
            for ending in _GENITIVE:
                after = hit_end + len(ending)
                if text.startswith(ending, hit_end) and not text[after : after + 1].isalnum():
                    hit_end += len(ending)
                    j = _last_token_before(words.ends, j, hit_end, limit)
        return j, names[surface], hit_end

    def _known_by_tokens(self, text: str, words: DocumentWords, i: int, limit: int) -> tuple[int, str, int] | None:
        """`_known_at` token by token, for a name that may end at the span's end while the text's word goes on."""
        starts, ends, tokens = words.starts, words.ends, words.words
        for surface, name in self._variants_of(tokens[i]):
            j = i
            ok = True
            for k in range(1, len(surface)):
                j = i + k
                if j >= limit:
                    ok = False
                    break
                want, got = surface[k], tokens[j]
                if (got != want and not (k == len(surface) - 1 and got == want + "s")) or not _joined(
                        text, ends[j - 1], starts[j]):
                    ok = False
                    break
            if not ok:
                continue
            hit_end = ends[j]
            if hit_end < len(text) and (text[hit_end].isalnum() or text[hit_end] == "_"):
                continue
            for ending in _GENITIVE:
                after = hit_end + len(ending)
                if text.startswith(ending, hit_end) and not text[after : after + 1].isalnum():
                    hit_end += len(ending)
                    j = _last_token_before(ends, j, hit_end, limit)
            return j, name, hit_end
        return None

    def _matcher_of(self, word: str) -> tuple[re.Pattern[str] | None, tuple[int, ...], tuple[str, ...]]:
        """A regex for what follows `word` in each of its surfaces (one group each, longest first), their lengths
        in tokens and their names. Tokens are whole words; gaps are one or two spaces or hyphens, or a point or
        comma between digits ("Nova 3.5"); the last word may take an "s"."""
        variants = self._variants_of(word)
        if not variants:
            return None, (), ()
        alternatives = []
        for surface, _ in variants:
            rest = ""
            for k in range(1, len(surface)):
                numbers = surface[k - 1][-1].isdigit() and surface[k][0].isdigit()
                ending = "s?" if k == len(surface) - 1 else ""
                rest += (_GAP_OR_POINT if numbers else _GAP) + re.escape(surface[k]) + ending + r"(?![^\W_])"
            alternatives.append(f"({rest}(?!_))")
        return re.compile("|".join(alternatives)), tuple(len(s) for s, _ in variants), tuple(n for _, n in variants)

    def _variants_of(self, word: str) -> list[tuple[tuple[str, ...], str]]:
        """The surfaces that may start at `word`, longest first: its own, and one-word names it is the genitive of."""
        surfaces = self._surfaces
        candidates = list(surfaces.get(word, ()))
        if word.endswith("s") and len(word) > 2:
            candidates += [(t, n) for t, n in surfaces.get(word[:-1], ()) if len(t) == 1]
        return sorted(candidates, key=lambda v: -len(v[0]))

    def _extend_family(self, text: str, words: DocumentWords, i: int, j: int, name: str, hit_end: int,
                       language: str, limit: int) -> tuple[int, str, int, str]:
        """`Falke 2` + `Titan` -> `Falke 2 Titan` (unknown member of a known product family)."""
        entity = self.entities[name]
        starts, ends, tokens = words.starts, words.ends, words.words
        if entity.kind != "product" or hit_end != ends[j]:
            return j, name, hit_end, entity.kind
        versioned = bool(_VERSION.match(tokens[j]))  # only `<name> <version>` families take a member name
        cues = cues_for(language)
        extra: list[str] = []
        k = j
        while k + 1 < limit and len(extra) < 3 and text[ends[k] : starts[k + 1]] == " ":
            word = tokens[k + 1]
            version = _VERSION.match(word) and not extra
            if not version and not (versioned and word[:1].isupper() and word not in cues.not_names
                                    and word.lower() not in _stopwords(cues.language)):
                break
            versioned = versioned or bool(version)
            if word in self._surfaces:
                break
            nxt_end = ends[k + 1]
            if nxt_end < len(text) and text[nxt_end] in "-‑":
                break
            extra.append(word)
            k += 1
            while version and k + 1 < limit and text[ends[k] : starts[k + 1]] in (".", ",") and tokens[k + 1].isdigit():
                extra[-1] += text[ends[k] : ends[k + 1]]  # "3.5"
                k += 1
        if not extra:
            return j, name, hit_end, entity.kind
        return k, " ".join([name, *extra]), ends[k], UNKNOWN


class _Known(NamedTuple):
    """The known names of one span, and where `_marked_names` goes on: the words, tokens first..limit-1 of them."""

    words: DocumentWords
    first: int
    limit: int
    hits: list[EntityHit]
    taken: list[tuple[int, int]]  # the first and last token of each hit




class NameEvidence(NamedTuple):
    """Capitalised words a text marks as names somewhere, for the places where a capital says nothing by itself
    (a sentence's first word; a German noun): a word the text writes capitalised inside sentences and never in lower
    case (in a language without capitalised nouns), a name in the genitive before a noun whose stem also stands
    alone ("Müllers Vertrag" and "Müller"), the head of an apposition ("Müller, der Chef von Acme", "Smith, the
    chief executive of Acme") and the organisation such a role is of (`Acme`)."""

    names: frozenset[str]


class DocumentNames:
    """The names of one text: its words and the tokens a known name may start at, computed once; what `find`
    found per span (mention and claim extraction ask about the same sentences)."""

    def __init__(self, gazetteer: Gazetteer, text: str, words: DocumentWords):
        self.gazetteer = gazetteer
        self.text = text
        self.words = words
        # a known name starts at a token that is a surface's first word, or that word with a genitive "s"
        first_words = gazetteer._first_words
        self.candidates = [k for k, word in enumerate(words.words) if word in first_words]
        # where a quote may open: most sentences have none, and need no `_QUOTED` search
        self.openers = mark_positions(text, _QUOTE_OPENERS)
        self.known: dict[tuple[int, int, str], _Known] = {}
        self.marked: dict[tuple[int, int, str], list[EntityHit]] = {}
        self.also_lower: dict[str, bool] = {}  # `_also_lower` of a sentence's first word: openers repeat
        self._lower_words: frozenset[str] | None = None  # the words the text writes in lower case, for `lower_too`
        self._evidence: dict[str, NameEvidence] = {}  # per language: `name_evidence`, computed when first asked
        self._runs: dict[str, bool] = {}  # `inside_sentence` of the runs asked about
        self._word_set: frozenset[str] | None = None  # the text's words, for `stands_alone`

    def name_evidence(self, language: str) -> NameEvidence:
        """What the whole text says about which capitalised words are names (see `NameEvidence`)."""
        found = self._evidence.get(language)
        if found is None:
            found = self._evidence[language] = _name_evidence(self.text, self.words, language, self)
        return found

    def stands_alone(self, word: str) -> bool:
        """Whether the text has the word as a word of its own (the stem of a genitive: "Müller" of "Müllers")."""
        return word in self._distinct_words()

    def first_lower_too(self, word: str) -> bool:
        """`_also_lower` of a sentence's first word, remembered (openers repeat)."""
        found = self.also_lower.get(word)
        if found is None:
            found = self.also_lower[word] = _also_lower(self.text, word)
        return found

    def lower_too(self, word: str) -> bool:
        """Whether the text also writes the word in lower case ("Then" of "then")."""
        if self._lower_words is None:
            self._lower_words = frozenset(filter(str.islower, self._distinct_words()))
        lower = word.lower()
        return lower != word and lower in self._lower_words

    def _distinct_words(self) -> frozenset[str]:
        if self._word_set is None:
            self._word_set = frozenset(self.words.words)
        return self._word_set

    def inside_sentence(self, run: str, articles: frozenset[str]) -> bool:
        """Whether the text writes a run of capitalised words inside a sentence too, not after an article ("sagte
        Anna Berg" where a sentence opens with "Anna Berg"; not "die Neue Zeit")."""
        found = self._runs.get(run)
        if found is None:
            found = self._runs[run] = _inside_sentence(self.text, run, articles)
        return found

    def find(self, start: int, end: int, language: str | None = None, marked: bool = True) -> list[EntityHit]:
        """Known and (unless `marked` is False) marked names in text[start:end] (one sentence), in text order."""
        text, gazetteer = self.text, self.gazetteer
        code = language_or_default(language)
        key = (start, end, code)
        known = self.known.get(key)
        if known is None:
            known = self.known[key] = gazetteer._find_known(text, self, start, end, code)
        if not marked:
            return list(known.hits)  # in text order, and never overlapping: each starts after the last one's tokens
        result = self.marked.get(key)
        if result is None:
            found = _marked_names(text, known, start, end, code, gazetteer, self)
            if found:
                everything = known.hits + found
                everything.sort(key=_END, reverse=True)  # stable: by start, then the longer first, at C speed
                everything.sort(key=_START)
                result = _without_overlaps(everything)
            else:
                result = known.hits
            self.marked[key] = result
        return list(result)


def _span_words(text: str, start: int, end: int) -> DocumentWords:
    """The words of text[start:end] alone, cut at its edges, as `document_words` gives them for a whole text."""
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    starts, ends, words = [t[0] for t in tokens], [t[1] for t in tokens], [t[2] for t in tokens]
    gaps = [text[a:b] for a, b in zip([start, *ends], [*starts, end])]
    return DocumentWords(text, tokens, starts, ends, words, gaps)  # type: ignore[arg-type]


def _without_overlaps(hits: list[EntityHit]) -> list[EntityHit]:
    result: list[EntityHit] = []
    for hit in hits:
        if result and hit.start < result[-1].end:
            continue
        result.append(hit)
    return result


def _last_token_before(ends: list[int], j: int, end: int, limit: int) -> int:
    while j + 1 < limit and ends[j + 1] <= end:
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


def _name_shaped(word: str) -> bool:
    """CamelCase inside a word (NovaCore), letters with digits (XR-4o, R1)."""
    letters = any(ch.isalpha() for ch in word)
    digits = any(ch.isdigit() for ch in word)
    if letters and digits and word[:1].isupper():
        return True
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _marked_names(text: str, known: _Known, start: int, end: int, language: str, gazetteer: Gazetteer,
                  memo: DocumentNames) -> list[EntityHit]:
    """Names the text marks in text[start:end], around the known names found there; `memo`: the text's."""
    cues = cues_for(language)
    words, first, limit = known.words, known.first, known.limit
    openers = memo.openers
    at = bisect.bisect_left(openers, start)
    quote = _QUOTED.search(text, openers[at], end) if at < len(openers) and openers[at] < end else None
    hits = _quoted_names(text, quote, end, words.tokens[first:limit], cues, gazetteer) if quote else []
    if first == limit:
        return hits
    # capitalised runs and name-shaped words, never at the sentence start; `Müller-Lüdenscheidt` is one word
    texts, firsts = _hyphen_words(text, words, first, limit)
    codes = list(map(_capital_words(language).__getitem__, texts))
    n = len(texts)
    for i, j in known.taken:  # a word with a token of a known name neither starts nor continues a run
        if n == limit - first:  # one word a token
            i, j = i - first, j - first + 1
        else:
            i, j = bisect.bisect_right(firsts, i) - 1, bisect.bisect_right(firsts, j)
        for w in range(i, j):
            codes[w] = 0
    starts, ends, gaps = words.starts, words.ends, words.gaps
    # a run starts at a capital word (no other word starts or continues one) not inside the run before;
    # in a language without capitalised nouns a run of two or more names may start the sentence ("Orbit Air said")
    initial_runs = not cues.capitalised_nouns
    roles = _roles(language)
    evidence = None  # the text's `NameEvidence`, asked for where a capital alone says nothing
    w_next = 0
    for w in compress(range(n), codes):
        if w < w_next:
            continue
        if w == 0 and memo.first_lower_too(texts[0]):
            continue  # "Then Sundar Pichai": a word the text also writes in lower case only starts the sentence
        v = w
        while v + 1 < n and codes[v + 1] and gaps[firsts[v + 1]] == " ":
            v += 1
        possessor = False
        if cues.capitalised_nouns and (v > w or w == 0):
            if evidence is None:
                evidence = memo.name_evidence(language)
            u = _genitive_in_run(texts, w, v, memo, language)
            if u >= 0:  # "Anna Bergs Kommentare": the name ends with its genitive; a noun follows
                v, possessor = u, True
        w_next = v + 1
        evidenced = False
        if (v == w or not initial_runs) and not possessor:
            # a single capital, or a German run opening a sentence ("Neue Modelle"): a name only where the text
            # marks it as one elsewhere ("Müller, der Chef" ... "Müller sagte"; "sagte Anna Berg" ... "Anna Berg hat")
            if w == 0 or (v == w and not initial_runs):
                if evidence is None:
                    evidence = memo.name_evidence(language)
                evidenced = texts[v] in evidence.names or (v > w and memo.inside_sentence(" ".join(texts[w : v + 1]),
                                                                                          cues.articles))
            if w == 0 and not (initial_runs and v > w) and not evidenced:
                continue  # a capital at the sentence start says nothing by itself
        if v == w and not (evidenced or possessor or initial_runs or codes[w] & _SHAPED):
            continue  # one capitalised word says nothing about a name, unless shaped like one
        # a title or role before a name is no part of it ("Bundestrainer Hansi Flick", "Board Chair Susan Arnold")
        titled = w_first = w
        if roles is not None:
            for u in range(w, v):
                if roles.match(texts[u]):
                    titled = u + 1
        if titled > w and cues.capitalised_nouns and v - titled < 1:
            titled = w  # "das Unternehmen Kapitalausgaben": one capitalised word after a noun is a noun, no name
        if titled > w:
            w = titled
        elif v == w and initial_runs and _modifier_of_noun(
            text, starts[firsts[w]], ends[firsts[w + 1] - 1 if w + 1 < n else limit - 1], cues.articles
        ):
            continue  # "the Detroit carmaker": a place or trait of the noun, which names the actor
        run_start, run_end = starts[firsts[w]], ends[firsts[v + 1] - 1 if v + 1 < n else limit - 1]
        single = text[run_start:run_end]
        # two capitalised words after an article are a German noun phrase ("die Neue Zeit"), not a name
        noun_phrase = v - w == 1 and cues.capitalised_nouns and _after_article(text, run_start, cues.articles)
        if ((v > w and not noun_phrase) or (codes[w] & _SHAPED if v == w else _name_shaped(single))
                or (initial_runs and len(single) > 1) or titled > w_first or evidenced or possessor):
            hits.append(EntityHit(run_start, run_end, _without_genitive(single, language) if possessor else single,
                                  UNKNOWN))
    return hits


def _genitive_in_run(texts: list[str], w: int, v: int, memo: DocumentNames, language: str) -> int:
    """The word of a German run w..v that is a name's genitive before a noun ("Anna Bergs Kommentare", "Acmes
    Konferenz" where "Acme" stands alone elsewhere), or -1. A first word in "s" is a genitive only with that
    evidence: first names end in "s" too ("Klaus Müller")."""
    for u in range(w, v):
        stem = _genitive_stem(texts[u], language)
        if stem and (u > w or memo.stands_alone(stem)):
            return u
    return -1


def _genitive_stem(word: str, language: str) -> str | None:
    """The name a word is the genitive of, by a letter ending ([names] genitive_endings) after a stem that may take
    it ([names] no_genitive_after_letters: "Klaus" is no genitive of "Klau"), or None."""
    endings, not_after = _letter_endings(language)
    for ending in endings:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            if stem[-1].isalpha() and stem[-1] not in not_after:
                return stem
    return None


@cache
def _letter_endings(language: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The genitive endings that are letters, and the letters a stem ends with that takes none of them."""
    table = cues_for(language).data.get("names", {})
    return (tuple(e for e in table.get("genitive_endings", ()) if e.isalpha()),
            frozenset(table.get("no_genitive_after_letters", ())))


def _without_genitive(name: str, language: str) -> str:
    """A run that ends with a genitive, as the name ("Anna Bergs" -> "Anna Berg")."""
    words = name.split(" ")
    stem = _genitive_stem(words[-1], language)
    return " ".join([*words[:-1], stem]) if stem else name


# a capitalised word inside a sentence, after a lower-case letter or a comma (the scan consumes the character before
# the word: a look-behind at every position costs twice as much)
_CAPITAL = "[A-ZÄÖÜ]"
_MID_SENTENCE_WORD = re.compile(r"[a-zäöüß,] (" + _CAPITAL + r"[^\W_]*(?:-[^\W_]+)*)")
_LAST_WORD = re.compile(r"(?<![\w-])[^\W\d_][^\W_]*\Z")


def _inside_sentence(text: str, run: str, articles: frozenset[str]) -> bool:
    needle = " " + run
    at = text.find(needle)
    while at >= 0:
        before, after = text[at - 1 : at], text[at + len(needle) : at + len(needle) + 1]
        if (before == "," or before.islower()) and not (after.isalnum() or after == "-") and (
                not _after_article(text, at + 1, articles)):
            return True
        at = text.find(needle, at + 1)
    return False


def _possible_name(word: str, stop: frozenset[str], not_names: frozenset[str]) -> bool:
    """A capitalised word that is no stopword, no word the language data says is none, no short acronym."""
    return (word[:1].isupper() and word.lower() not in stop and word not in not_names
            and not (word.isupper() and len(word) <= 4))


def _inside_word(text: str, start: int) -> bool:
    before = text[start - 1 : start]
    return before.isalnum() or before in _HYPHEN_GAPS


def _name_evidence(text: str, words: DocumentWords, language: str, memo: DocumentNames) -> NameEvidence:
    """The `NameEvidence` of a whole text."""
    cues = cues_for(language)
    stop, not_names = _stopwords(language), cues.not_names
    names: set[str] = set()
    if not cues.capitalised_nouns:  # a capital inside a sentence marks a name, unless the text writes it in lower case
        names.update(w for w in set(_MID_SENTENCE_WORD.findall(text))
                     if _possible_name(w, stop, not_names) and not memo.lower_too(w))
    else:  # where every noun has one, a genitive before a noun without an article does
        table = cues.data.get("names", {})
        letters = set(table.get("no_genitive_after_letters", ()))
        not_after = _not_genitive_after(language)
        for stem, start in _genitives(text, language):
            if stem[-1] in letters or stem in names or not stem[:1].isupper() or _inside_word(text, start):
                continue
            before = _LAST_WORD.search(text, max(0, start - 20), max(0, start - 1))
            if before is not None and not_after.fullmatch(before.group()):
                continue  # "des Chefs Büro": a noun's genitive
            if _possible_name(stem, stop, not_names) and memo.stands_alone(stem) and not memo.lower_too(stem):
                names.add(stem)  # a genitive of a name that also stands alone ("Müllers Vertrag" and "Müller")
    roles = _roles(language)
    if roles is not None:
        for m in _apposition_pattern(language).finditer(text):
            if roles.match(m.group(1)):
                head = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
                for w in (head.group() if head else None, m.group(2)):
                    if w and _possible_name(w, stop, not_names) and not memo.lower_too(w):
                        names.add(w)
    return NameEvidence(frozenset(names))


def _genitives(text: str, language: str):
    """(stem, start) of each word with a genitive ending ([names] genitive_endings) before a capitalised word
    ("Müllers Vertrag" -> "Müller"). The scan looks for the ending and a capital (a fast search), then back for
    the word."""
    for m in _genitive_ending(language).finditer(text):
        end = m.start()  # where the stem ends
        start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
        while start < end and not text[start].isalnum():
            start += 1  # a quote mark, a bracket
        if not text[start : start + 1].isupper():
            continue  # most: a word in lower case
        word = _LAST_WORD.search(text, start, end)
        if word is not None:
            yield word.group(), word.start()


@cache
def _genitive_ending(language: str) -> re.Pattern[str]:
    """A genitive ending before a space and a capital."""
    endings = cues_for(language).data.get("names", {}).get("genitive_endings", ())
    return re.compile("(?:" + ("|".join(map(re.escape, endings)) or "(?!)") + ") (?=" + _CAPITAL + ")")


@cache
def _not_genitive_after(language: str) -> re.Pattern[str]:
    """Words before a genitive that make it a noun's ([names] not_genitive_after: "des Chefs Büro"); `*` any letters."""
    words = cues_for(language).data.get("names", {}).get("not_genitive_after", ())
    parts = sorted({re.escape(w).replace(r"\*", r"\w*") for w in words}, key=lambda p: (-len(p), p))
    return re.compile(r"(?i:" + ("|".join(parts) or "(?!)") + r")")


@cache
def _apposition_pattern(language: str) -> re.Pattern[str]:
    """After a name, a comma, an article and a role word, and the organisation after the role ("Müller, der Chef
    von Acme"): groups 1 (the role) and 2 (the organisation, if any); the name is the word before."""
    cues = cues_for(language)
    articles = "|".join(map(re.escape, sorted(cues.articles, key=len, reverse=True)))
    of = "|".join(map(re.escape, cues.data.get("names", {}).get("role_of", ()))) or "(?!)"
    return re.compile(r", (?i:" + articles + r") ([^\W\d_][\w-]*)"
                      r"(?:(?: [^\W\d_][\w-]*)? (?:" + of + r") (" + _CAPITAL + r"[^\W_]+))?")


def _quoted_names(text: str, m: re.Match[str] | None, end: int, tokens: list[tuple[int, int, str]],
                  cues: LanguageCues, gazetteer: Gazetteer) -> list[EntityHit]:
    """Quoted names from the first quote `m` on to `end`, of a span with these tokens."""
    stop = _stopwords(cues.language)
    hits: list[EntityHit] = []
    name_cue_hits = None
    while m is not None:
        quote, m = m, _QUOTED.search(text, m.end(), end)
        group = quote.lastindex  # the one group of the alternative that matched
        inner_start, inner_end = quote.start(group), quote.end(group)
        inner = text[inner_start:inner_end].strip()
        parts = inner.split()
        if not parts or len(parts) > 4 or not (parts[0][:1].isupper() or parts[0][:1].isdigit()):
            continue
        if inner[-1:] in ".,!?:;":
            continue
        if gazetteer.canonical(inner):
            continue
        capitalised = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in stop for w in parts)
        if not capitalised:
            continue
        if cues.capitalised_nouns and len(parts) == 1 and not _name_shaped(inner):
            if name_cue_hits is None:
                name_cue_hits = [h for h in cues.patterns.find(text, _as_cue_tokens(tokens)) if h.label == "name_cues"]
            if not any(0 <= quote.start() - h.end <= 12 or 0 <= h.start - quote.end() <= 25 for h in name_cue_hits):
                continue
        hits.append(EntityHit(inner_start, inner_start + len(inner), inner, UNKNOWN))
    return hits


@cache
def _roles(language: str) -> re.Pattern[str] | None:
    """Words of titles and roles (lang events.toml [clause] roles; `*` any letters), whole words, any case, also
    in the genitive ("seines Chefs Peter Hahn")."""
    words = cues_for(language).data.get("clause", {}).get("roles", ())
    if not words:
        return None
    parts = sorted({re.escape(w).replace(r"\*", r"[\w-]*") for w in words}, key=lambda p: (-len(p), p))
    endings = [e for e in cues_for(language).data.get("names", {}).get("genitive_endings", ()) if e.isalpha()]
    genitive = "(?:" + "|".join(map(re.escape, endings)) + ")?" if endings else ""
    return re.compile(r"(?i:(?:" + "|".join(parts) + r")" + genitive + r")\Z")


def _modifier_of_noun(text: str, start: int, end: int, articles: frozenset[str]) -> bool:
    """A capitalised word between an article and a lower-case word: it qualifies that noun ("the Detroit carmaker")."""
    after = text[end : end + 2]
    return _after_article(text, start, articles) and after[:1] == " " and after[1:2].islower()


def _after_article(text: str, start: int, articles: frozenset[str]) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in articles


def _also_lower(text: str, word: str) -> bool:
    lower = word.lower()
    # the word first, then a look back at the character before it: a search the regex engine scans for quickly
    literal = re.escape(lower)
    return lower != word and re.search(rf"{literal}(?<!\w{literal})(?!\w)", text) is not None


_CAPITAL_MEMO = 100_000  # words remembered per language by `_capital_words`
_FAMILY_MEMO = 100_000  # unknown names whose family `Gazetteer.family` remembers
_SHAPED = 2  # in a `_capital_words` code: the capital word is also shaped like a name


class _CapitalCodes(dict):
    """Word -> 0 (no capital word), 1 (a capital word) or 1 | _SHAPED, for one language: computed once per word
    seen, cleared when full."""

    def __init__(self, language: str):
        super().__init__()
        self.stop = _stopwords(language)
        self.not_names = cues_for(language).not_names

    def __missing__(self, word: str) -> int:
        if len(self) > _CAPITAL_MEMO:
            self.clear()
        if word.islower():
            code = 0  # no capital letter: neither a capital word nor shaped like a name
        else:
            shaped = _name_shaped(word)
            code = (1 | _SHAPED * shaped) if _capital_word(word, self.stop, self.not_names, shaped) else 0
        self[word] = code
        return code


@cache
def _capital_words(language: str) -> _CapitalCodes:
    """The `_CapitalCodes` memo of a language."""
    return _CapitalCodes(language)


def _hyphen_words(text: str, words: DocumentWords, first: int, limit: int) -> tuple[list[str], Sequence[int]]:
    """The texts of the words of tokens first..limit-1 (at least one), where a hyphen joins tokens into one word,
    and the first token of each."""
    texts = words.words[first:limit]
    starts, ends = words.starts, words.ends
    joins = []  # k where a hyphen joins texts[k] to the word before: found from the span's few hyphens (C searches)
    for hyphen in _HYPHEN_GAPS:
        at = text.find(hyphen, starts[first], ends[limit - 1])
        while at >= 0:
            k = bisect.bisect_left(starts, at + 1, first, limit)
            if k < limit and starts[k] == at + 1 and ends[k - 1] == at:  # the whole gap is the hyphen
                joins.append(k - first)
            at = text.find(hyphen, at + 1, ends[limit - 1])
    if not joins:
        return texts, range(first, limit)
    joins.sort()
    gaps = words.gaps
    firsts = list(range(first, limit))
    for k in reversed(joins):  # from the right, so the words before keep their place
        texts[k - 1] += gaps[first + k] + texts[k]
        del texts[k], firsts[k]
    return texts, firsts


def _capital_word(word: str, stop: frozenset[str], not_names: frozenset[str], shaped: bool) -> bool:
    """Whether a word may be part of a capitalised run; `shaped`: its `_name_shaped`."""
    first = word[:1]
    if not (first.isupper() or first.isdigit()) and not shaped:
        return False
    if word.isupper() and len(word) <= 4 and word.isalpha():
        return False  # CEO, CFO, KI, USA: titles and common acronyms; a name like that belongs in the gazetteer
    return (word[:1].isupper() and word.lower() not in stop and word not in not_names) or shaped


def _as_cue_tokens(tokens: list[tuple[int, int, str]]):
    return [(s, e, w.lower()) for s, e, w in tokens]


def _parse(data: dict[str, Any], where: str) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for n, row in enumerate(data.get("entity", []), 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise GazetteerError(f"{where}: entity #{n} needs a name")
        kind = row.get("kind", UNKNOWN)
        if kind not in KINDS:
            raise GazetteerError(
                f"{where}: entity {row['name']!r}: kind must be one of {', '.join(KINDS)}, not {kind!r}"
            )
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{where}: entity {row['name']!r}: aliases must be a list of strings")
        part_of = row.get("part_of")
        entities[row["name"]] = Entity(row["name"], kind, tuple(aliases), part_of if isinstance(part_of, str) else None)
    return entities
