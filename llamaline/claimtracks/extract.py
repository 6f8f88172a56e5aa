"""Claims of one document: numbers, target dates and statuses, each about a subject and citing its sentence."""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from ..models import Claim, ClaimValue, TimeExpression
from ..text.analysis import DocumentAnalysis, Sentence, analyse
from ..text.attribution import attribution
from ..text.boilerplate import Region
from ..text.corpus import Document
from ..text.cues import CueHit, Token, tokenize
from ..text.names import EntityHit, Gazetteer
from .quantities import Quantities, Quantity, by_category
from .words import ClaimWords, claim_words

# Which kinds of name a value can be about, tier by tier: a budget is an organisation's before a person's.
SUBJECT_KINDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "parameters": (("product", "unknown"),),
    "context_window": (("product", "unknown"),),
    "training_tokens": (("product", "unknown"),),
    "release_target": (("product", "unknown"), ("event",)),
    "status": (("product", "unknown"),),
    "spending": (("organisation",), ("person",)),
    "valuation": (("organisation",), ("unknown",)),
    "funding": (("organisation",), ("person",), ("unknown",)),
    "revenue": (("organisation",),),
    "staff": (("organisation",), ("product",)),
}
MONEY = ("spending", "valuation", "funding", "revenue")
# What a number with this unit can measure; the first is the default when no cue word says otherwise.
UNIT_ATTRIBUTES = {"tokens": ("context_window", "training_tokens"), "parameters": ("parameters",)}
SCALED_ATTRIBUTES = ("parameters", "context_window")  # a bare "400 Milliarden" needs one of their cues
CARRY = 5  # sentences back in which a subject named earlier is still the topic ("Das Modell ...")
MONEY_WINDOW = 12  # words between an amount and the word that says what it is
TARGET_WINDOW = 4  # words around a time expression that may make it a target
STAFF_WINDOW = 6
_VALUE_WORDS = frozenset({"scales", "currencies", "units", "statuses"})
_DIGIT = re.compile(r"\d")
_GLUED_SCALE = re.compile(r"\d[^\W\d_]")
_TIGHT = re.compile(r"[,;:()\[\]–—]|\s-\s")
_SEMICOLON = re.compile(";")
_TARGET_KINDS = ("date", "range")  # the kinds of time expression a target date can be
_COUNTED = {"units": ("people",), "attributes": ("staff",)}  # hits that make `_staff` look for counts
_NO_HITS: list[CueHit] = []


@dataclass
class _Sentence:
    text: str
    start: int
    end: int
    tokens: list[Token]
    by_category: dict[str, list[CueHit]]  # the cue hits, in text order per category
    entities: list[EntityHit]
    expressions: list[TimeExpression]
    quantities: Quantities  # found once, filtered per use
    starts: list[int]  # of the tokens

    def __post_init__(self) -> None:
        self._of: dict[tuple[str, tuple[str, ...]], list[CueHit]] = {}
        self._tight: list[int] | None = None
        self._breaks: list[int] | None = None

    def of(self, category: str, *labels: str) -> list[CueHit]:
        """The hits of a category (and of these labels), in text order; the list is shared: do not change it."""
        hits = self.by_category.get(category, _NO_HITS)
        if not labels or not hits:
            return hits
        found = self._of.get((category, labels))
        if found is None:
            found = self._of[category, labels] = [h for h in hits if h.label in labels]
        return found

    def token(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def tight_id(self, pos: int) -> int:
        """Which stretch between clause-ending punctuation `pos` is in."""
        if self._tight is None:
            self._tight = [m.start() for m in _TIGHT.finditer(self.text, self.start, self.end)]
        return bisect.bisect_right(self._tight, pos)

    def clause_id(self, pos: int) -> int:
        """Which clause `pos` is in, counting the words that start one with another subject."""
        if self._breaks is None:
            self._breaks = sorted({h.start for h in self.of("clause", "breaks")}
                                  | {m.start() for m in _SEMICOLON.finditer(self.text, self.start, self.end)})
        return bisect.bisect_right(self._breaks, pos)


def extract_claims(document: Document, expressions: list[TimeExpression], gazetteer: Gazetteer,
                   boilerplate: list[Region]) -> list[Claim]:
    """The claims of one document, outside its boilerplate regions, each citing its sentence exactly."""
    return claims_of(analyse(document, boilerplate, gazetteer, expressions))


def claims_of(analysis: DocumentAnalysis) -> list[Claim]:
    """The claims of an analysed document's sentences, each citing its sentence exactly."""
    document, text = analysis.document, analysis.text
    words = claim_words(analysis.language)
    recent = _Earlier(analysis, words)
    claims: list[Claim] = []
    seen: set[tuple[str, str, int | None, int | None]] = set()
    gate = _Gate(analysis, words)
    for sentence in analysis.sentences:
        start, end = sentence.start, sentence.end
        tokens, gated = gate.tokens_and_hits(sentence)
        inside = sorted(sentence.expressions, key=_START_END) if gated else []  # only a target cue needs them here
        no_digit = not gated and not _DIGIT.search(text, start, end)
        if no_digit or not _may_claim(text, start, end, gated, inside, words):
            recent.add([sentence, None, None, None])  # names looked up only if needed later
            continue
        if not gated:
            inside = sorted(sentence.expressions, key=_START_END)
        numerals = list(words.number.finditer(text, start, end))
        findable = _findable(gated, inside, numerals)
        if findable is False:
            recent.add([sentence, None, None, tokens])
            continue
        # the two pattern sets together find what one set of all patterns finds, each category in the same order
        hits = gated + words.others.find(text, tokens)
        if findable is None and not any(h.category == "number" for h in hits):
            recent.add([sentence, None, hits, None])
            continue
        claim_sentence = _sentence(analysis, sentence, tokens, hits, inside, numerals, words)
        cited = [h for h in sentence.cues if h.category == "attribution"]
        attributed_to = attribution(cited, claim_sentence.entities, analysis.cues)[0] if cited else None
        for subject, attribute, value, v_start, v_end in _findings(claim_sentence, words, analysis.gazetteer, recent):
            key = (subject, attribute, v_start, v_end)
            if key in seen:
                continue
            seen.add(key)
            claims.append(Claim(
                subject=subject, attribute=attribute, value=value, source=document.source.id,
                quote=text[start:end], start=start, end=end, value_start=v_start, value_end=v_end,
                attributed_to=attributed_to, published=document.source.published,
            ))
        recent.add([sentence, _known(claim_sentence.entities), None, None])
    return claims


def _START_END(expression: TimeExpression) -> tuple[int, int]:
    return expression.start, expression.end


class _Gate:
    """A sentence's tokens for the claim patterns, and the hits of the patterns that make it a claim candidate.

    The document's tokens, cut per sentence, are the sentence's own tokens wherever no token crosses a sentence
    edge and lower-casing cannot depend on what lies outside the sentence (a length-changing or a final sigma)."""

    def __init__(self, analysis: DocumentAnalysis, words: ClaimWords):
        self.text, self.words, self.gate = analysis.text, analysis.words if analysis.by_word else None, words.gate
        if self.words is not None:  # the words as written: the patterns look them up case-insensitively
            self.ids = words.gate.word_ids(self.words.words)
            # the tokens that are part of a gate pattern, and a last index past them all
            self.marked = [k for k, ids in enumerate(self.ids) if ids] + [len(self.ids)]

    def tokens_and_hits(self, sentence: Sentence) -> tuple[list[Token], list[CueHit]]:
        text, start, end = self.text, sentence.start, sentence.end
        cut = _cut(self.words.tokens, self.words.starts, start, end) if self.words is not None else None
        if cut is None:
            # the slice: lower() per sentence
            tokens = [(a + start, b + start, w) for a, b, w in tokenize(text[start:end])]
            return tokens, self.gate.find(text, tokens)
        i, j = cut
        tokens = self.words.tokens[i:j]
        # a sentence without a marked token has no gate hit: most sentences skip the pattern search
        if self.marked[bisect.bisect_left(self.marked, i)] >= j:
            return tokens, []
        return tokens, self.gate.find(text, tokens, ids=self.ids[i:j])


def _cut(tokens: list[Token], starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Indices [i, j) of the document tokens inside text[start:end], or None if a token crosses either edge."""
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, i)
    if (i > 0 and tokens[i - 1][1] > start) or (j > 0 and tokens[j - 1][1] > end):
        return None
    return i, j


class _Earlier:
    """The sentences just before the current one, whose known names a subject may be carried from ("Das Modell").

    Each is `[sentence, known names or None, hits or None, tokens or None]`: the names are looked up only when
    a later sentence needs them; a sentence that passed `_may_claim` drops the names after its `examples` cues,
    found among its `hits`, or else by the `others` patterns on its `tokens`."""

    def __init__(self, analysis: DocumentAnalysis, words: ClaimWords):
        self.analysis, self.words = analysis, words
        self.sentences: deque[list] = deque(maxlen=CARRY)

    def add(self, entry: list) -> None:
        self.sentences.append(entry)

    def names(self) -> Iterator[list]:
        """The known names of each sentence, the latest first."""
        for entry in reversed(self.sentences):
            if entry[1] is None:
                sentence, _, hits, tokens = entry
                names = self.analysis.names(sentence)
                if tokens is not None:
                    hits = self.words.others.find(self.analysis.text, tokens)
                if hits is not None:
                    names = _not_examples(names, _examples(hits))
                entry[1] = _known(names)
            yield entry[1]


def _known(names: list) -> list:
    return [h for h in names if h.kind != "unknown"]


def _findable(gated: list[CueHit], expressions: list[TimeExpression], numerals: list[re.Match[str]]) -> bool | None:
    """Whether `_findings` can find anything, from the gate's hits: it needs a status word, a target cue with
    a date or a numeral outside the time expressions; None where that depends on a number word ("zwei
    Milliarden", "drei von 14"). A sentence without is only remembered for its names."""
    categories = {h.category for h in gated}
    if "statuses" in categories:
        return True
    if "targets" in categories and any(e.when is not None and e.kind in _TARGET_KINDS for e in expressions):
        return True
    spans = [(e.start, e.end) for e in expressions]
    if any(not _overlaps(m.start(), m.end(), spans) for m in numerals):
        return True
    if "scales" in categories or any(h.category in _COUNTED and h.label in _COUNTED[h.category] for h in gated):
        return None
    return False


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _may_claim(text: str, start: int, end: int, hits: list[CueHit], expressions: list[TimeExpression],
               words: ClaimWords) -> bool:
    """A cheap test before the name look-up: a scale, currency, unit or status word, a target cue with a date,
    a staff word, a currency symbol or a glued scale letter ("400B") by a number. `hits` need only be the gate's."""
    categories = {h.category for h in hits}
    if categories & _VALUE_WORDS or ("targets" in categories and expressions):
        return True
    if not _DIGIT.search(text, start, end):
        return False
    if any(h.category == "attributes" and h.label == "staff" for h in hits):
        return True
    sentence = text[start:end]
    return bool(_GLUED_SCALE.search(sentence)) or any(symbol in sentence for symbol, _ in words.symbols)


def _sentence(analysis: DocumentAnalysis, sentence: Sentence, tokens: list[Token], hits: list[CueHit],
              inside: list[TimeExpression], numerals: list[re.Match[str]], words: ClaimWords) -> _Sentence:
    text, start, end = analysis.text, sentence.start, sentence.end
    starts = [t[0] for t in tokens]
    entities = analysis.names(sentence)
    grouped = by_category(hits)
    quantities = Quantities(text, start, end, tokens, grouped, words, starts, numerals)
    entities = _trim_quantities(text, quantities, entities, analysis.gazetteer)
    clause = grouped.get("clause", _NO_HITS)
    entities = _not_examples(entities, _examples(clause))
    # a capitalised run the gazetteer does not know may be a German noun phrase of claim words ("Million Token")
    value_words = [h for category in _VALUE_WORDS for h in grouped.get(category, ())]
    if value_words:
        entities = [e for e in entities
                    if e.kind != "unknown" or not any(h.start < e.end and e.start < h.end for h in value_words)]
    if inside:
        # a month name is no name of a thing, and "May" no hedge
        entities = [e for e in entities
                    if e.kind != "unknown" or not any(x.start < e.end and e.start < x.end for x in inside)]
        if clause:
            grouped["clause"] = [h for h in clause if not any(x.start < h.end and h.start < x.end for x in inside)]
    return _Sentence(text, start, end, tokens, grouped, entities, inside, quantities, starts)


def _examples(hits: list[CueHit]) -> list[CueHit]:
    return [h for h in hits if h.category == "clause" and h.label == "examples"]


def _not_examples(entities: list, examples: Sequence[CueHit]) -> list:
    """Names right after an `examples` cue are examples, not what the sentence is about ("rivals such as X")."""
    if not examples:
        return entities
    return [e for e in entities if not any(0 <= e.start - h.end <= 1 for h in examples)]


def _trim_quantities(text: str, quantities: Quantities, entities: list[EntityHit],
                     gazetteer: Gazetteer) -> list[EntityHit]:
    """`Falcon 70 Milliarden`: a name that swallowed the number of a quantity after it ends before the number."""
    numerals = [q.numeral_start for q in quantities.every if q.scale or q.unit]
    if not numerals:
        return entities
    trimmed = []
    for e in entities:
        cut = min((n for n in numerals if e.start < n < e.end), default=None)
        if cut is not None:
            surface = text[e.start : cut].rstrip(" -‑\u00a0")
            if not surface:
                continue
            name = gazetteer.canonical(surface) or surface
            e = EntityHit(e.start, e.start + len(surface), name, gazetteer.kind(name) or e.kind)
        trimmed.append(e)
    return trimmed


def _findings(sentence: _Sentence, words: ClaimWords, gazetteer, recent) -> list[tuple[str, str, ClaimValue, int, int]]:
    found: list[tuple[str, str, ClaimValue, int, int]] = []
    excluded = [(h.start, h.end) for h in sentence.entities] + [(e.start, e.end) for e in sentence.expressions]
    quantities = sentence.quantities.outside(excluded)
    for q in quantities:
        attribute = _number_attribute(sentence, q)
        if attribute is None:
            continue
        subjects = _subjects(sentence, q.start, q.end, attribute, gazetteer, recent, words)
        if not subjects:
            continue
        value = ClaimValue(kind="number", text=sentence.text[q.start : q.end], number=q.number,
                           unit=None if q.unit == "people" else q.unit, bound=q.bound)  # type: ignore[arg-type]
        for subject in subjects:
            found.append((subject, attribute, value, q.start, q.end))
    found.extend(_staff(sentence, words, gazetteer, recent, excluded))
    found.extend(_targets(sentence, gazetteer, recent, words))
    found.extend(_statuses(sentence, gazetteer, recent, words))
    return found


# -- numbers -----------------------------------------------------------------------------------------------------
def _number_attribute(sentence: _Sentence, q: Quantity) -> str | None:
    if q.currency:
        return _nearest_cue(sentence, q, MONEY, MONEY_WINDOW, tight=False)
    if q.unit in UNIT_ATTRIBUTES:
        options = UNIT_ATTRIBUTES[q.unit]
        return _nearest_cue(sentence, q, options, MONEY_WINDOW, tight=True) or options[0]
    if q.unit is None and q.scale:
        cue = _nearest_cue(sentence, q, SCALED_ATTRIBUTES, MONEY_WINDOW, tight=True)
        if cue:
            return cue
        glued = q.numeral_end < q.end and sentence.text[q.numeral_end : q.numeral_end + 1].isalpha()
        if glued and q.scale >= 9:
            return "parameters"  # "Falke 2 70B", "a 7B model"
    return None


def _nearest_cue(sentence: _Sentence, q: Quantity, attributes: Sequence[str], window: int, *,
                tight: bool) -> str | None:
    first, last = sentence.token(q.start), sentence.token(q.end) - 1
    best: tuple[int, int, str] | None = None
    for hit in sentence.of("attributes", *attributes):
        if tight and sentence.tight_id(hit.start) != sentence.tight_id(q.start):
            continue
        if hit.start < q.end and q.start < hit.end:
            distance = 0
        else:
            distance = first - hit.last if hit.last < first else hit.first - last
        if distance <= window and (best is None or (distance, hit.start) < best[:2]):
            best = (distance, hit.start, hit.label)
    return best[2] if best else None


# -- staff counts ("drei von 14", "of the 14 authors, three remain") ------------------------------------------
def _staff(sentence: _Sentence, words: ClaimWords, gazetteer, recent,
           excluded) -> list[tuple[str, str, ClaimValue, int, int]]:
    if not sentence.of("units", "people") and not sentence.of("attributes", "staff"):
        return []
    counts = sentence.quantities.counts(excluded)
    first_token = {sentence.token(c.numeral_start): c for c in counts}
    partitives = sentence.of("partitive")
    pairs: list[tuple[Quantity, Quantity]] = []
    totals: list[Quantity] = []
    for p in partitives:
        total = first_token.get(p.last + 1)
        if total is None or sentence.text[p.end : total.numeral_start].strip():
            continue
        part = next((c for c in counts if sentence.token(c.numeral_end) == p.first
                     and not sentence.text[c.numeral_end : p.start].strip()), None)
        if part is not None and part.number <= total.number:
            pairs.append((part, total))
        elif total.unit == "people":
            totals.append(total)
    paired = {id(c) for pair in pairs for c in pair}
    for total in totals:
        for c in counts:
            if id(c) in paired or c is total or c.number >= total.number or (c.worded and c.number == 1):
                continue
            if _staff_cue(sentence, c) is not None:
                pairs.append((c, total))
    found = []
    for part, total in sorted(pairs, key=lambda p: p[0].numeral_start):
        attribute = _staff_cue(sentence, part) or "staff"
        if total.numeral_start > part.numeral_start:
            start, end = part.numeral_start, total.end
        else:
            start, end = part.numeral_start, part.numeral_end
        if end > start and start < total.numeral_start < end:
            end = total.numeral_end
        subjects = _subjects(sentence, start, end, "staff", gazetteer, recent, words)
        if not subjects:
            continue
        value = ClaimValue(kind="number", text=sentence.text[start:end], number=part.number,
                           unit=f"of {total.number:g}")
        for subject in subjects:
            found.append((subject, attribute, value, start, end))
    return found


def _staff_cue(sentence: _Sentence, count: Quantity) -> str | None:
    at = sentence.token(count.numeral_start)
    best = None
    for hit in sentence.of("staff"):
        if sentence.tight_id(hit.start) != sentence.tight_id(count.numeral_start):
            continue
        distance = at - hit.last if hit.last < at else hit.first - at
        if distance <= STAFF_WINDOW and (best is None or distance < best[0]):
            best = (distance, hit.label)
    return f"staff_{best[1]}" if best else None


# -- target dates ----------------------------------------------------------------------------------------------
def _targets(sentence: _Sentence, gazetteer, recent, words) -> list[tuple[str, str, ClaimValue, int, int]]:
    cues = sentence.of("targets")
    if not cues:
        return []
    releasing = any(h.label in ("planned", "moved", "release") for h in cues)
    found = []
    for expression in sentence.expressions:
        if expression.when is None or expression.kind not in _TARGET_KINDS:
            continue
        near = _window_hits(sentence, expression.start, expression.end, cues)
        # "frühestens im Herbst", "in the fall at the earliest": the cue touches the expression
        bounding = [h for h in near if h.label in ("earliest", "latest") and _touches(sentence.text, h, expression)]
        modifier = expression.modifier
        if bounding and modifier not in ("not_before", "not_after"):
            modifier = "not_before" if bounding[0].label == "earliest" else "not_after"
        strong = [h for h in near if h.label in ("planned", "moved")]
        if not strong and not (bounding and releasing):
            continue
        anchor = strong or bounding
        a_start = min(expression.start, *(h.start for h in anchor))
        a_end = max(expression.end, *(h.end for h in anchor))
        subjects = _subjects(sentence, a_start, a_end, "release_target", gazetteer, recent, words)
        if not subjects:
            continue
        value = ClaimValue(kind="date", text=expression.text, when=expression.when, modifier=modifier)
        for subject in subjects:
            found.append((subject, "release_target", value, expression.start, expression.end))
    return found


def _touches(text: str, hit: CueHit, expression: TimeExpression) -> bool:
    # a signal word (a bound: at the earliest, until) stands outside the extent, as TimeML draws it, but belongs to it
    start = expression.start if expression.signal_start is None else expression.signal_start
    if hit.start < expression.end and start < hit.end:
        return True
    between = text[hit.end : start] if hit.end <= start else text[expression.end : hit.start]
    return not between.strip(" ,\u00a0")


def _window_hits(sentence: _Sentence, start: int, end: int, hits: list[CueHit]) -> list[CueHit]:
    """Cue hits inside the span or within TARGET_WINDOW words of it, without crossing clause punctuation."""
    first, last = sentence.token(start), sentence.token(end) - 1
    near = []
    for hit in hits:
        if hit.start < end and start < hit.end:
            near.append(hit)
            continue
        if hit.end <= start:
            distance, between = first - hit.last - 1, (hit.end, start)
        else:
            distance, between = hit.first - last - 1, (end, hit.start)
        if 0 <= distance < TARGET_WINDOW and not _TIGHT.search(sentence.text, *between):
            near.append(hit)
    return near


# -- statuses --------------------------------------------------------------------------------------------------
def _statuses(sentence: _Sentence, gazetteer, recent, words) -> list[tuple[str, str, ClaimValue, int, int]]:
    hits = sentence.of("statuses")
    if not hits:
        return []
    hits = _longest(hits)
    hedges = sentence.of("clause", "hedges")
    negations = sentence.of("clause", "negation")
    found = []
    for hit in hits:
        segment = sentence.tight_id(hit.start)
        if any(sentence.tight_id(h.start) == segment for h in hedges):
            continue
        if any(h.end <= hit.start and 0 <= hit.first - h.last <= 2 for h in negations):
            continue
        subjects = _subjects(sentence, hit.start, hit.end, "status", gazetteer, recent, words)
        if not subjects:
            continue
        value = ClaimValue(kind="status", text=sentence.text[hit.start : hit.end], status=hit.label)
        for subject in subjects:
            found.append((subject, "status", value, hit.start, hit.end))
    return found


def _longest(hits: list[CueHit]) -> list[CueHit]:
    """Overlapping matches keep the longest ("auf Eis gelegt" over "auf Eis")."""
    if len(hits) < 2:
        return hits
    kept: list[CueHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


# -- subjects ----------------------------------------------------------------------------------------------
def _subjects(sentence: _Sentence, start: int, end: int, attribute: str, gazetteer, recent, words) -> list[str]:
    """The names a value at text[start:end] is about: the nearest plausible name, with the names joined to it."""
    tiers, kinds = _tiers(attribute)
    comparisons = sentence.of("clause", "comparison")
    after = max((h.end for h in comparisons if h.end <= start), default=None) if comparisons else None
    if after is None:
        item = _list_item(sentence)
        if item is not None and item.kind in kinds and item.end <= start:
            return [item.name]
    for tier in tiers:
        pool = [h for h in sentence.entities if h.kind in tier and (after is None or h.start >= after)]
        if len(pool) == 1:  # the one candidate: no clause, distance or coordination to weigh
            return _family_heads(pool, gazetteer)
        if pool:
            clause = sentence.clause_id(start)
            near = [h for h in pool if sentence.clause_id(h.start) == clause] or pool
            best = min(near, key=lambda h: (_distance(h, start, end), h.start))
            return _family_heads(_coordinated(sentence, best, near), gazetteer)
        if after is not None:
            continue
        for names in recent.names():
            named = [h for h in names if h.kind in tier]
            if named:
                return [named[-1].name]
    return []


@cache
def _tiers(attribute: str) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """The kinds of subject of an attribute, tier by tier, and all of them."""
    tiers = SUBJECT_KINDS.get(attribute.split("_")[0] if attribute.startswith("staff") else attribute, (("product",),))
    return tiers, frozenset(k for tier in tiers for k in tier)


def _list_item(sentence: _Sentence):
    """`Pro: Mit 300 Milliarden ...`: a name and a colon open the sentence."""
    if not sentence.entities:
        return None
    first = sentence.entities[0]
    if first.start - sentence.start > 2 or not sentence.text[first.end : first.end + 2].lstrip(" ").startswith(":"):
        return None
    return first


def _distance(hit, start: int, end: int) -> int:
    if hit.start < end and start < hit.end:
        return 0
    return start - hit.end if hit.end <= start else hit.start - end


def _coordinated(sentence: _Sentence, best, pool: list) -> list:
    """`Pro und Mini`, `Mini, Pro and Ultra`: the names joined to the chosen one."""
    joiners = sentence.of("clause", "coordination")
    ordered = sorted(pool, key=lambda h: h.start)
    i = ordered.index(best)
    group = [best]
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = sorted((ordered[j], ordered[j + step]), key=lambda h: h.start)
            gap = sentence.text[a.end : b.start]
            for h in joiners:
                if a.end <= h.start and h.end <= b.start:
                    gap = gap.replace(sentence.text[h.start : h.end], "", 1)
            if gap.strip(" ,\u00a0") or not gap:
                break
            j += step
            group.append(ordered[j])
    return sorted(group, key=lambda h: h.start)


def _family_heads(hits: list[EntityHit], gazetteer: Gazetteer) -> list[str]:
    """Names in text order, without a family whose member is named too ("Falke 2 (Mini und Pro)")."""
    names = list(dict.fromkeys(h.name for h in hits))
    parents = {gazetteer.family(n) for n in names}  # the gazetteer remembers the families of unknown names
    return [n for n in names if n not in parents]
