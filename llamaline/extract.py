"""Sentences + time expressions -> Mentions: typed, dated, attributed, with subjects and modality.

Per sentence outside boilerplate: trigger words give event types; names from the gazetteer give subjects;
a cue names the source; modality cues say whether it happened, was planned, expected, considered or denied.
A mention is dated by the time expression of its clause (a clause is cut at commas, colons, dashes,
brackets); an expression in a clause without a trigger of its own goes to the nearest trigger. Without one,
a present-tense verb dates the mention by the publication date; otherwise it stays undated.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .attribution import attribution
from .boilerplate import Region, in_regions
from .corpus import Document
from .cues import CueHit, LanguageCues, Token, cues_for, document_tokens, language_or_default
from .entities import UNKNOWN, EntityHit, Gazetteer
from .models import Mention, TimeExpression, TimeSpan
from .sentences import split_sentences

# Types that report on communication: they stand only where no other event is named.
SECONDARY = ("report", "statement")
# A delay or an abandonment is of a release or an announcement named in the same clause, not a second event.
ABSORBS = {"delay": ("release", "announcement"), "abandonment": ("release", "announcement"),
           "hiring": ("appointment",), "departure": ("announcement", "statement")}
# Events about a product: a sentence that names none ("the launch slips") is about the product in focus.
PRODUCT_TYPES = ("announcement", "release", "delay", "abandonment")
# Modality cues that govern a following clause ("erwog, … aufzugeben", "considered whether to …").
GOVERNING = ("considered", "planned", "denied")
# A decision's date is when it was taken: a future date next to a delay is its new target, not its date.
DECISIONS = ("delay",)
NEGATION_BEFORE, NEGATION_AFTER = 6, 3  # tokens around a trigger that a negation reaches
CONTEXT_SENTENCES = 3  # how far back a sentence looks for the product or time it refers to
_CLAUSE = re.compile(r"[,;:()\[\]–—]|\s-\s|\s\.\.\.\s")
_DATING_KINDS = ("date", "range", "present")


@dataclass
class _Trigger:
    type: str
    start: int
    end: int
    first: int
    last: int
    clause: int
    text: str
    modality: str = "happened"
    modality_distance: int = 1 << 30
    expression: TimeExpression | None = None


@dataclass
class _Memory:
    """What earlier sentences of the document said: for `es`/`der Start` and `damals`."""

    products: dict[str, tuple[int, int]]  # product -> (times named, last sentence)
    subjects: list[tuple[int, list[str]]]
    times: list[tuple[int, TimeExpression]]


def extract_mentions(document: Document, expressions: list[TimeExpression], gazetteer: Gazetteer,
                     boilerplate: list[Region]) -> list[Mention]:
    """The mentions of events in one document's sentences outside boilerplate, in text order."""
    language = language_or_default(document.language)
    cues = cues_for(language)
    text = document.text
    tokens = document_tokens(text, document.body_start)
    token_ids = cues.patterns.token_ids(tokens)  # once per document, not per sentence
    starts = [t[0] for t in tokens]
    usable = sorted((x for x in expressions if x.start >= document.body_start), key=lambda x: x.start)
    expression_starts = [x.start for x in usable]
    memory = _Memory({}, [], [])
    mentions: list[Mention] = []
    for number, (start, end) in enumerate(split_sentences(text, document.body_start, len(text), language)):
        if in_regions(start, end, boilerplate):
            continue
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        lo, hi = bisect.bisect_left(expression_starts, start), bisect.bisect_left(expression_starts, end)
        sentence_expressions = [x for x in usable[lo:hi] if x.end <= end]
        mentions.extend(_sentence(document, cues, gazetteer, tokens, first, last, start, end,
                                  sentence_expressions, memory, number, token_ids))
    return mentions


def _sentence(document: Document, cues: LanguageCues, gazetteer: Gazetteer, tokens: list[Token], first: int, last: int,
              start: int, end: int, expressions: list[TimeExpression], memory: _Memory, number: int,
              token_ids: Sequence[frozenset[int]] | None = None) -> list[Mention]:
    text = document.text
    hits = cues.patterns.find(text, tokens, first, last, token_ids)
    dated = [x for x in expressions if x.when is not None and x.kind in _DATING_KINDS]
    # names the text merely marks matter only where there is an event or a date; known names always (for focus)
    marked = bool(dated) or any(h.category == "triggers" for h in hits)
    entities = [e for e in gazetteer.find(text, start, end, cues.language, marked=marked)
                if not (e.kind == UNKNOWN and any(x.start < e.end and e.start < x.end for x in expressions))]
    clause_breaks = [m.start() for m in _CLAUSE.finditer(text, start, end)]

    def clause_of(pos: int) -> int:
        return bisect.bisect_right(clause_breaks, pos)

    attributed_to, source_hit = attribution(hits, entities, cues)
    subjects = _subjects(entities, source_hit)
    _remember(memory, number, subjects, entities, dated)

    triggers = _triggers(text, hits, entities, clause_of)
    if triggers:
        triggers = _without_negated(triggers, hits, clause_of)
        if not triggers:
            return []  # only negated events: nothing happened
    if not triggers:
        if subjects and any(e.kind != UNKNOWN for e in entities if e is not source_hit):
            own = [x for x in dated if x.kind != "present"]
            if own:
                return [_mention(document, start, end, "other", None, own[0], None, attributed_to, "happened", subjects)]
        return []

    _assign_modality(triggers, hits, clause_of)
    dated = _without_as_of(dated, hits)
    triggers = _absorbed(triggers, same_clause_only=True)
    _assign_times(triggers, dated, clause_of)
    triggers = _absorbed(triggers, same_clause_only=False, clause_of=clause_of)
    if not triggers:
        return []
    subjects_for_product = _with_product_in_focus(subjects, entities, memory, number, gazetteer)
    fallback_subjects = subjects or _recent(memory.subjects, number, reach=1) or []
    present = [h for h in hits if h.category == "clause" and h.label == "present"]
    anaphoric = [h for h in hits if h.category == "clause" and h.label == "anaphoric_time"]
    published = document.source.published

    mentions = []
    for trigger in triggers:
        expression, when = trigger.expression, None
        if expression is not None:
            when = expression.when
        elif any(clause_of(h.start) == trigger.clause for h in anaphoric):
            earlier = _recent(memory.times, number)
            hit = next(h for h in anaphoric if clause_of(h.start) == trigger.clause)
            if earlier is not None:
                expression = TimeExpression(text=text[hit.start:hit.end], start=hit.start, end=hit.end, when=earlier.when)
                when = earlier.when
        if when is None and published is not None and _present(trigger, present, hits, clause_of):
            when = published
        modality = trigger.modality
        if expression is not None and when is not None and published is not None and when.start > published.end:
            if trigger.type in DECISIONS and modality == "happened":
                expression, when = None, published  # "verschoben auf Herbst": decided now, for later
            elif modality == "happened":
                modality = "expected"
        chosen = subjects_for_product if trigger.type in PRODUCT_TYPES else subjects
        if not chosen and trigger.type not in SECONDARY:
            chosen = fallback_subjects
        if not chosen and when is None:
            continue  # nothing to place it by
        mentions.append(_mention(document, start, end, trigger.type, trigger.text, expression, when,
                                 attributed_to, modality, chosen))
    return mentions


def _mention(document: Document, start: int, end: int, type_: str, trigger: str | None,
             expression: TimeExpression | None, when: TimeSpan | None, attributed_to: str | None,
             modality: str, subjects: list[str]) -> Mention:
    if expression is not None and when is None:
        when = expression.when
    return Mention(
        source=document.source.id, quote=document.text[start:end], start=start, end=end,
        time_text=expression.text if expression is not None else None,
        time_start=expression.start if expression is not None else None,
        time_end=expression.end if expression is not None else None,
        when=when, attributed_to=attributed_to, modality=modality, type=type_,
        subjects=sorted(set(subjects)), trigger=trigger, published=document.source.published,
    )


# -- triggers --------------------------------------------------------------------------------------------------
def _triggers(text: str, hits: list[CueHit], entities: list[EntityHit], clause_of) -> list[_Trigger]:
    found = [h for h in hits if h.category == "triggers" and h.label != "other"]
    specific_starts = {h.start for h in found if h.specific}
    found = [h for h in found if h.specific or h.start not in specific_starts]
    # overlapping matches: the longer one wins ("Start-up" over "Start")
    kept: list[CueHit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if any(k.start < hit.end and hit.start < k.end and k.end - k.start > hit.end - hit.start for k in kept):
            continue
        kept.append(hit)
    triggers = [_Trigger(h.label, h.start, h.end, h.first, h.last, clause_of(h.start), _trigger_text(text, h)) for h in kept]
    if not any(t.type == "conference" for t in triggers):
        for entity in entities:
            if entity.kind == "event":
                triggers.append(_Trigger("conference", entity.start, entity.end, -1, -1, clause_of(entity.start),
                                         text[entity.start:entity.end]))
                break
    if any(t.type not in SECONDARY for t in triggers):
        triggers = [t for t in triggers if t.type not in SECONDARY]
    # one mention per type and sentence: its first trigger, or the first with a time of its own
    by_type: dict[str, _Trigger] = {}
    for t in sorted(triggers, key=lambda t: t.start):
        by_type.setdefault(t.type, t)
    return sorted(by_type.values(), key=lambda t: (t.start, t.type))


def _absorbed(triggers: list[_Trigger], same_clause_only: bool, clause_of=None) -> list[_Trigger]:
    """A delay of a launch is one event, the delay; the launch stays only with a date of its own (a new target)."""
    kept = []
    for t in triggers:
        absorbers = [o for o in triggers if t.type in ABSORBS.get(o.type, ())]
        if absorbers and any(o.clause == t.clause for o in absorbers):
            continue
        if absorbers and not same_clause_only and not (t.expression is not None and clause_of(t.expression.start) == t.clause):
            continue
        kept.append(t)
    return kept


def _without_as_of(dated: list[TimeExpression], hits: list[CueHit]) -> list[TimeExpression]:
    """"Stand Oktober 2025", "as of October": the date of a state of affairs, not of an event."""
    as_of = [h for h in hits if h.category == "clause" and h.label == "as_of"]
    return [x for x in dated if not any(0 <= x.start - h.end <= 2 or h.start >= x.start and h.end <= x.end for h in as_of)]


def _trigger_text(text: str, hit: CueHit) -> str:
    if hit.last - hit.first <= 2:
        return text[hit.start:hit.end]
    words = text[hit.start:hit.end].split()
    return f"{words[0]} … {words[-1]}"


def _without_negated(triggers: list[_Trigger], hits: list[CueHit], clause_of) -> list[_Trigger]:
    negations = [h for h in hits if h.category == "clause" and h.label == "negation"]
    if not negations:
        return triggers
    exempt = [h for h in hits if h.category == "clause" and h.label == "not_negation"]
    negations = [n for n in negations if not any(e.start <= n.start < e.end for e in exempt)]
    modal = [h for h in hits if h.category == "modality"]
    kept = []
    for t in triggers:
        negated = t.first >= 0 and any(
            clause_of(n.start) == t.clause and -NEGATION_BEFORE <= n.first - t.first <= NEGATION_AFTER + (t.last - t.first)
            for n in negations)
        if negated and not any(clause_of(m.start) == t.clause for m in modal):
            continue  # "nicht vorgestellt": nothing happened
        kept.append(t)
    return kept


# -- modality and time -----------------------------------------------------------------------------------------
def _assign_modality(triggers: list[_Trigger], hits: list[CueHit], clause_of) -> None:
    trigger_clauses = {t.clause for t in triggers}
    for cue in (h for h in hits if h.category == "modality"):
        clause = clause_of(cue.start)
        if clause in trigger_clauses:
            candidates = [t for t in triggers if t.clause == clause]
        elif cue.label in GOVERNING:
            candidates = [t for t in triggers if t.clause == clause + 1] or [t for t in triggers if t.clause == clause - 1]
            if not candidates:
                continue
        else:
            continue
        target = min(candidates, key=lambda t: _distance(t, cue))
        distance = _distance(target, cue)
        if distance < target.modality_distance:
            target.modality, target.modality_distance = cue.label, distance


def _distance(trigger: _Trigger, cue: CueHit) -> int:
    return max(cue.start - trigger.end, trigger.start - cue.end, 0)


def _assign_times(triggers: list[_Trigger], dated: list[TimeExpression], clause_of) -> None:
    """Each trigger takes the nearest expression of its clause; an expression in a clause without a trigger
    goes to the nearest trigger of the sentence, if that one has none of its own."""
    trigger_clauses = {t.clause for t in triggers}
    for trigger in triggers:
        own = [x for x in dated if clause_of(x.start) == trigger.clause]
        if own:
            trigger.expression = min(own, key=lambda x: (x.kind == "present", _span_distance(trigger, x), x.start))
    free: dict[int, list[TimeExpression]] = {}
    for expression in dated:
        if clause_of(expression.start) in trigger_clauses:
            continue
        nearest = min(range(len(triggers)), key=lambda i: (_span_distance(triggers[i], expression), triggers[i].start))
        free.setdefault(nearest, []).append(expression)
    for i, candidates in free.items():
        if triggers[i].expression is None:
            triggers[i].expression = min(candidates, key=lambda x: (x.kind == "present", _span_distance(triggers[i], x), x.start))


def _span_distance(trigger: _Trigger, expression: TimeExpression) -> int:
    return max(expression.start - trigger.end, trigger.start - expression.end, 0)


def _present(trigger: _Trigger, present: list[CueHit], hits: list[CueHit], clause_of) -> bool:
    """A present-tense verb in the trigger's clause, or a present-tense report ("berichtet das X") in the sentence."""
    if any(clause_of(h.start) == trigger.clause for h in present):
        return True
    reporting = [h for h in hits if h.category == "attribution" and h.label in ("reporting", "after")]
    return any(p.start == r.start for p in present for r in reporting)


# -- subjects --------------------------------------------------------------------------------------------------
def _subjects(entities: list[EntityHit], source_hit: EntityHit | None) -> list[str]:
    names = []
    for e in entities:
        if source_hit is not None and e.kind == "outlet" and e.name == source_hit.name:
            continue
        names.append(e.name)
    return sorted(set(names))


def _remember(memory: _Memory, number: int, subjects: list[str], entities: list[EntityHit],
              dated: list[TimeExpression]) -> None:
    for name in sorted({e.name for e in entities if e.kind == "product"}):
        count, _ = memory.products.get(name, (0, 0))
        memory.products[name] = (count + 1, number)
    if subjects:
        memory.subjects.append((number, subjects))
    own = [x for x in dated if x.kind != "present"]
    if own:
        memory.times.append((number, own[-1]))


def _recent(items: list, number: int, reach: int = CONTEXT_SENTENCES):
    """The latest remembered item of the last few sentences before this one."""
    for n, item in reversed(items):
        if n >= number:
            continue
        return item if number - n <= reach else None
    return None


def _with_product_in_focus(subjects: list[str], entities: list[EntityHit], memory: _Memory, number: int,
                           gazetteer: Gazetteer) -> list[str]:
    if any(e.kind == "product" or (e.kind == UNKNOWN and gazetteer.family(e.name)) for e in entities):
        return subjects
    named = [(count, last, name) for name, (count, last) in memory.products.items() if last < number]
    if not named:
        return subjects
    just_before = [n for n in named if n[1] == number - 1]
    focus = max(just_before or named)[2]
    return sorted(set(subjects) | {focus})
