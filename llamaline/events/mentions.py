"""A document's analysis -> Mentions: typed, dated, attributed, with subjects and modality.

Per sentence of the analysis (text/analysis.py: sentences outside boilerplate, with their cue hits, clause breaks
and time expressions): trigger words give event types; names from the gazetteer give subjects;
a cue names the source; modality cues say whether it happened, was planned, expected, considered or denied.
A mention is dated by the time expression of its clause (a clause is cut at commas, colons, dashes,
brackets); an expression in a clause without a trigger of its own goes to the nearest trigger. Without one,
news is dated by its publication (a span ending on the publication day: a happening in the present or the present
perfect, in the lede, or a saying), never a headline or background (the past perfect, "weeks after");
otherwise it stays undated.
A clause with an original plan ("ursprünglich für August geplant") lends neither its date nor its modality; a clause
that only carries the news ("…, the club announced on Wednesday") lends its date to an event without one; several
events and as many dates in one clause pair up in order. Happenings without a type (recalls, votes, approvals)
are "other" and stand beside typed events only with a date of their own.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import lang
from ..models import Mention, TimeExpression, TimeSpan, constructed
from ..temporal.timespan import interval, shift_days
from ..text.analysis import DocumentAnalysis, Sentence, analyse
from ..text.attribution import attribution
from ..text.boilerplate import Region
from ..text.corpus import Document
from ..text.cues import CueHit
from ..text.names import UNKNOWN, EntityHit, Gazetteer
from . import types
from .actors import not_actors, possessive_ends

# What extraction knows of each event type comes from the registry (events/types.toml).
# Sayings that may be the saying of a specific happening ("said", "reported").
SECONDARY = types.generic_types()
# A happening without a type of its own (a recall, a vote, an approval): it stands only where no typed event is named.
UNTYPED = types.with_role(types.Role.UNTYPED)[0]
# Types whose verb may only carry the news of another event ("X resigned, the company announced on Monday"):
# a clause with nothing else lends its date to an event of the sentence that has none.
COMMUNICATION = types.with_role(types.Role.COMMUNICATION)
# Of these, the types that are no event of their own once they lent their date: a statement or a report stays one.
CARRIERS: tuple[str, ...] = ()
# A delay or an abandonment is of a release or an announcement named in the same clause, not a second event.
ABSORBS = types.absorbed_by()
# Launches that slip when they will not come before a time ("not this year"): they become delays.
SLIPPABLE, SLIPPABLE_TO = ("release", UNTYPED), "delay"
# Events about a product: a sentence that names none ("the launch slips") is about the product in focus.
PRODUCT_TYPES = types.about("product")
# Modality cues that govern a following clause ("erwog, … aufzugeben", "considered whether to …").
GOVERNING = ("considered", "planned", "denied")
# A decision's date is when it was taken: a future date next to a delay is its new target, not its date.
DECISIONS = types.with_role(types.Role.DECISION)
# Bounds (days) of the precision classes a clause's lone event compares its dates by: day, days, month, quarter, year.
PRECISION_DAYS = (0, 10, 31, 92, 366)
LEDE_SENTENCES = 2  # the first sentences of running text (after headings) tell an article's news
ADJACENT_CHARS = 5  # what may stand between a trigger and a time that is its own (" by ", " im ", " am ")
CLOCK_GAP = 5  # characters between a date and the time of day beside it (" (", " at ", ", ")
OPENING_CHARS = 12  # what may come before a time that opens a sentence ("In", "Back in", "Am späten")
NEGATED_PLAN_WORDS = 3  # words between a negation and the plan it denies ("will not ship, as planned,")
NEWS_DAYS = 30  # how far back news without a time of its own may lie before its publication
NEGATION_BEFORE, NEGATION_AFTER = 6, 3  # tokens around a trigger that a negation reaches
REFERS_BACK = 2  # how many sentences back "the company", "sie" look for the names they refer to
CONTEXT_SENTENCES = 3  # how far back a sentence looks for the product or time it refers to
_DATING_KINDS = ("date", "range", "present")
STORY = "story"  # `_is_news`: not news, told in the story's own time


@dataclass(slots=True)
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
    slipped: bool = False  # a launch "not this year": a delay, whatever negates it


_Hits = dict  # category or (category, label) -> that group's hits, in text order


def _grouped(hits: list[CueHit]) -> _Hits:
    """A sentence's cue hits grouped once by category and by (category, label): the steps below ask for groups
    (`hits.get("triggers", ())`, `hits.get(("clause", "present"), ())`), most of them empty."""
    groups: _Hits = {}
    for h in hits:
        groups.setdefault(h.category, []).append(h)
        groups.setdefault((h.category, h.label), []).append(h)
    return groups


@dataclass
class _Memory:
    """What earlier sentences of the document said: for `es`/`der Start` and `damals`."""

    products: dict[str, tuple[int, int]]  # product -> (times named, last sentence)
    subjects: list[tuple[int, list[str]]]
    times: list[tuple[int, TimeExpression]]
    short_names: dict[str, str | None]  # last word of a name in full -> that name (None where two names share it)
    prose: int = 0  # sentences of running text (no headings) before this one: the first few are the lede
    spans: list[Sentence] | None = None  # the last few sentences before this one
    heading: bool = False  # whether this sentence is a heading


def extract_mentions(document: Document, expressions: list[TimeExpression], gazetteer: Gazetteer,
                     boilerplate: list[Region]) -> list[Mention]:
    """The mentions of events in one document's sentences outside boilerplate, in text order."""
    return mentions_of(analyse(document, boilerplate, gazetteer, expressions))


def mentions_of(analysis: DocumentAnalysis) -> list[Mention]:
    """The mentions of events in an analysed document's sentences, in text order."""
    memory = _Memory({}, [], [], {})
    mentions: list[Mention] = []
    text = analysis.text
    for sentence in analysis.sentences:
        memory.heading = _is_heading(text, sentence.start, sentence.end)
        mentions.extend(_sentence(analysis, sentence, memory))
        memory.spans = [*(memory.spans or ())[-REFERS_BACK + 1:], sentence]
        # a question tells no news
        memory.prose += not (memory.heading or text[sentence.start:sentence.end].rstrip().endswith("?"))
    return mentions


def _sentence(analysis: DocumentAnalysis, sentence: Sentence, memory: _Memory) -> list[Mention]:
    document, text, number = analysis.document, analysis.text, sentence.number
    hits = _grouped(sentence.cues)
    expressions = sentence.expressions
    dated = [x for x in expressions if x.when is not None and x.kind in _DATING_KINDS] if expressions else []
    if len(dated) > 1:
        dated = _without_clock_beside_date(dated)
    # names the text merely marks matter only where there is an event or a date; known names always (for focus)
    marked = bool(dated) or ("triggers" in hits and any(h.label != UNTYPED for h in hits["triggers"]))
    entities = analysis.names(sentence, marked=marked)
    if expressions:  # a name the gazetteer does not know inside a time expression ("Mitte Mai") is none
        entities = [e for e in entities
                    if not (e.kind == UNKNOWN and any(x.start < e.end and e.start < x.end for x in expressions))]
    entities = _with_short_names(analysis, sentence, entities, memory)
    if not (hits or entities or dated):
        return []  # no cue, no name, no date: nothing to report and nothing to remember

    clause_breaks = sentence.clause_breaks

    def clause_of(pos: int) -> int:
        return bisect.bisect_right(clause_breaks, pos)

    cited = hits.get("attribution")
    attributed_to, source_hit = attribution(cited, entities, analysis.cues) if cited else (None, None)
    # the article's own outlet (a dateline's "(Example Wire)") reports the event; it is not what the event is about
    own = (document.source.outlet or "").casefold()
    subjects = _subjects(entities, source_hit) if entities else []
    if own and subjects:
        subjects = [s for s in subjects if s.casefold() != own]
    _remember(memory, number, subjects, entities, dated, document.source.published)

    triggers = _triggers(text, hits, entities, clause_of, dated)
    tenures = _tenures(text, hits, dated, clause_of) if dated and ("clause", "tenure") in hits else []
    if triggers and dated and (("clause", "not_before") in hits or ("clause", "as_planned") in hits):
        _slipped(triggers, hits, dated, clause_of, document.source.published)
    if triggers:
        triggers = _without_negated(triggers, hits, clause_of)
        if not triggers and not tenures:
            return []  # only negated events: nothing happened
    if not triggers:
        # a date beside a name says nothing happened: no event without a word for what happened (or a time in office)
        return _placed(analysis, sentence, memory, tenures, hits, clause_of, dated, entities, subjects,
                       attributed_to) if tenures else []

    _assign_modality(triggers, hits, clause_of, dated, lambda clause: _relative_clause(analysis, sentence, clause))
    dated = _without_as_of(dated, hits)
    opening = (sentence.start, clause_breaks[0]) if clause_breaks else None
    lent = _assign_times(triggers, dated, clause_of, hits, document.source.published, opening)
    if lent:  # "…, the club announced on Wednesday": the announcing carried the news of the sentence's event
        triggers = [
            t for t in triggers
            if not (t.type in CARRIERS and t.expression is not None
                    and t.expression.start in lent and t.clause != _clause_of_event(triggers, t))
        ]
    tells = hits.get(("clause", "tells"), ())
    triggers = _absorbed(triggers, same_clause_only=True, clause_of=clause_of, tells=tells)
    triggers = _absorbed(triggers, same_clause_only=False, clause_of=clause_of, tells=tells)
    triggers = _one_per_type(triggers, clause_of)
    triggers = _untyped_with_own_time(triggers, clause_of) + tenures
    if not triggers:
        return []
    return _placed(analysis, sentence, memory, triggers, hits, clause_of, dated, entities, subjects, attributed_to)


def _placed(analysis: DocumentAnalysis, sentence: Sentence, memory: _Memory, triggers: list[_Trigger], hits: _Hits,
            clause_of, dated: list[TimeExpression], entities: list[EntityHit], subjects: list[str],
            attributed_to: str | None) -> list[Mention]:
    """A mention for each trigger of the sentence, dated and with subjects, unless nothing places it."""
    document, text, number = analysis.document, analysis.text, sentence.number
    subjects_for_product = None  # looked up for the first event about a product
    fallback_subjects = subjects or _recent(memory.subjects, number, reach=1) or []
    present = hits.get(("clause", "present"), ())
    headline = memory.heading
    lede = memory.prose < LEDE_SENTENCES
    anaphoric = hits.get(("clause", "anaphoric_time"), ())
    published = document.source.published

    mentions = []
    possessives = None  # `possessive_ends` of the sentence's names, found for the first trigger with subjects
    language = analysis.language
    telling = ("clause", "complement") in hits or ("triggers", "statement") in hits  # where a pronoun may open
    for trigger in triggers:
        expression, when = trigger.expression, None
        if expression is not None:
            when = expression.when
        elif anaphoric and any(clause_of(h.start) == trigger.clause for h in anaphoric):
            earlier = _recent(memory.times, number)
            hit = next(h for h in anaphoric if clause_of(h.start) == trigger.clause)
            if earlier is not None:
                expression = TimeExpression(
                    text=text[hit.start:hit.end], start=hit.start, end=hit.end, when=earlier.when
                )
                when = earlier.when
        dated_by = target = None
        news = False
        if when is None and published is not None:
            before = _recent(memory.times, number, reach=1)  # the time the sentence before tells of
            story_time = before.when if before is not None else None
            news = _is_news(trigger, present, hits, clause_of, dated, headline, published, lede, story_time)
        if news == STORY:  # "In July, Acme called off the deal. Beta in turn filed a lawsuit.": in July
            when, dated_by = story_time, STORY
        elif news:
            when, dated_by = _news_span(published), "publication"
        modality = trigger.modality
        if expression is not None and when is not None and published is not None and when.start > published.end:
            if trigger.type in DECISIONS and modality == "happened":
                target = expression  # "verschoben auf Herbst": decided now, for later; the new target is a plan
                expression, when = None, None
                if not headline:
                    when, dated_by = _news_span(published), "publication"
            elif modality == "happened":
                modality = "expected"
        # a possessor of another noun, the one told of what a pronoun says: no actor of this trigger
        if subjects and possessives is None:
            possessives = possessive_ends(text, entities, language, analysis.gazetteer)
        away = not_actors(text, entities, possessives, trigger.start, trigger.clause, hits, clause_of,
                          language, analysis.written) if subjects and (possessives or telling) else ()
        own = [s for s in subjects if s not in away] if away else subjects
        if trigger.type in PRODUCT_TYPES:
            if away:
                chosen = _with_product_in_focus(own, entities, memory, number, analysis.gazetteer)
            else:
                if subjects_for_product is None:
                    subjects_for_product = _with_product_in_focus(subjects, entities, memory, number,
                                                                  analysis.gazetteer)
                chosen = subjects_for_product
        else:
            chosen = own
        if not chosen and ("clause", "refers_back") in hits:  # "the company said", "sagte sie": named before
            chosen = _named_before(analysis, memory)
        if not chosen and trigger.type not in SECONDARY:
            # the names of the sentence before; not this sentence's own, where none of them is the actor
            chosen = (_recent(memory.subjects, number, reach=1) or []) if away else fallback_subjects
        if not chosen and when is None:
            continue  # nothing to place it by
        mentions.append(_mention(document, sentence, trigger.type, trigger.text, expression, when,
                                 attributed_to, modality, chosen, dated_by))
        if target is not None:
            mentions.append(_mention(document, sentence, _target_type(trigger, hits, clause_of), trigger.text,
                                     target, target.when, attributed_to, "planned", chosen))
    return mentions


def _mention(document: Document, sentence: Sentence, type_: str, trigger: str | None,
             expression: TimeExpression | None, when: TimeSpan | None, attributed_to: str | None,
             modality: str, subjects: list[str], dated_by: str | None = None) -> Mention:
    start, end = sentence.start, sentence.end
    if expression is not None and when is None:
        when = expression.when
    # the values are valid by construction (labels are checked when the language data loads): no validation
    return constructed(Mention, dict(
        source=document.source.id, quote=document.text[start:end], start=start, end=end,
        time_text=expression.text if expression is not None else None, when=when, attributed_to=attributed_to,
        time_start=expression.start if expression is not None else None,
        time_end=expression.end if expression is not None else None,
        modality=modality, type=type_, subjects=sorted(set(subjects)), trigger=trigger,
        published=document.source.published, dated_by=dated_by,
    ))


# -- triggers --------------------------------------------------------------------------------------------------
def _triggers(text: str, hits: _Hits, entities: list[EntityHit], clause_of,
              dated: Sequence[TimeExpression]) -> list[_Trigger]:
    found = hits.get("triggers", ())
    if not found:  # most sentences: no trigger word; a named event (a conference) is one by itself
        event = next((e for e in entities if e.kind == "event"), None)
        return [] if event is None else [_Trigger("conference", event.start, event.end, -1, -1, clause_of(event.start),
                                                  text[event.start:event.end])]
    blocked = hits.get(("clause", "not_trigger"), ())  # "Videokonferenz"
    if blocked:
        found = [h for h in found if not any(b.start <= h.start and h.end <= b.end for b in blocked)]
    ahead = hits.get(("clause", "ahead_of"), ())
    if ahead:  # "to prepare for the launch", "im Vorfeld der Konferenz": an event ahead, not this clause's event
        found = [h for h in found if not any(0 <= h.start - a.end <= 6 for a in ahead)]
    kept: Sequence[CueHit] = found
    if len(found) > 1:  # one match (most sentences with an event) stands as it is
        specific_starts = {h.start for h in found if h.specific}
        found = [h for h in found if h.specific or h.start not in specific_starts]
        # overlapping matches: the longer one wins ("Start-up" over "Start"); a pattern with a gap ("kündigte … an")
        # takes only its own words, not the words it skips ("kündigte … seinen Rücktritt an" keeps "Rücktritt")
        kept = []
        for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
            if any(k.end - k.start > hit.end - hit.start and _shares_words(k, hit) for k in kept):
                continue
            kept.append(hit)
    triggers = [
        _Trigger(h.label, h.start, h.end, h.first, h.last, clause_of(h.start), _trigger_text(text, h)) for h in kept
    ]
    if not any(t.type == "conference" for t in triggers):
        for entity in entities:
            if entity.kind == "event":
                triggers.append(_Trigger("conference", entity.start, entity.end, -1, -1, clause_of(entity.start),
                                         text[entity.start:entity.end]))
                break
    if len(triggers) < 2:
        return triggers
    # a statement or report is an event of its own beside what it tells ("bestätigte die Verschiebung")
    # one trigger per type and clause (`_one_per_type` keeps one per sentence once times are known), unless a time
    # stands between two of them: "a legal battle in 2021 and a spat in spring 2022" are two events, "founded as a
    # spin-off" and "Geschäftszahlen für 2024 vorlegen" one (a period something is for separates nothing)
    period_words = hits.get(("clause", "for_period"), ())
    between = [x for x in dated if not any(0 <= x.start - h.end <= 6 for h in period_words)]
    last: dict[tuple[str, int], _Trigger] = {}
    kept_triggers = []
    for t in sorted(triggers, key=lambda t: t.start):
        before = last.get((t.type, t.clause))
        if before is not None and not any(before.end <= x.start and x.end <= t.start for x in between):
            continue
        last[(t.type, t.clause)] = t
        kept_triggers.append(t)
    return sorted(kept_triggers, key=lambda t: (t.start, t.type))


def _tenures(text: str, hits: _Hits, dated: list[TimeExpression], clause_of) -> list[_Trigger]:
    """A time in office from one date to another ("her stint as chief lasted from 2005 until 2020", "war von 2005 bis
    2020 im Amt"): an appointment at the range's first part and a departure at its last, one tenure a sentence."""
    ranges = [x for x in dated if x.kind == "range" and len(x.parts) == 2 and all(p.when for p in x.parts)]
    for h in hits[("clause", "tenure")] if ranges else ():
        clause = clause_of(h.start)
        own = [x for x in ranges if clause_of(x.start) == clause]
        if own:
            first, last = min(own, key=lambda x: abs(x.start - h.end)).parts
            return [_Trigger(type_, h.start, h.end, h.first, h.last, clause, _trigger_text(text, h), expression=part)
                    for type_, part in (("appointment", first), ("departure", last))]
    return []


def _untyped_with_own_time(triggers: list[_Trigger], clause_of) -> list[_Trigger]:
    """A happening without a type stands beside typed events only with a time of its own clause that none of them
    has ("was founded in 2014 and went public in 2019")."""
    if len(triggers) < 2:
        return triggers  # one event: nothing to weigh it against
    typed = [t for t in triggers if t.type != UNTYPED]
    if not typed:
        return triggers
    taken = {t.expression.start for t in typed if t.expression is not None}
    return [t for t in triggers if t.type != UNTYPED or (
        t.expression is not None and clause_of(t.expression.start) == t.clause and t.expression.start not in taken)]


def _one_per_type(triggers: list[_Trigger], clause_of) -> list[_Trigger]:
    """One mention per type and sentence: its first trigger; a later one of the same type only where it has a
    time of its own clause that the earlier ones lack ("permission was granted in 2021, construction began in 2022")."""
    if len(triggers) < 2:
        return triggers  # one event: nothing to weigh it against
    kept: list[_Trigger] = []
    for t in sorted(triggers, key=lambda t: t.start):
        same = [k for k in kept if k.type == t.type]
        if same:
            if t.expression is None:
                continue
            undated = [k for k in same if k.expression is None]
            if undated:  # the first with a time of its own stands for the type
                kept[kept.index(undated[0])] = t
                continue
            own = clause_of(t.expression.start) == t.clause
            if not own or any(k.expression.start == t.expression.start for k in same):
                continue
        kept.append(t)
    return sorted(kept, key=lambda t: (t.start, t.type))


def _shares_words(longer: CueHit, shorter: CueHit) -> bool:
    """Whether two matches claim a word in common: the same first or last word, or the shorter one inside a
    match of at most three words (one without a gap)."""
    if not (longer.start < shorter.end and shorter.start < longer.end):
        return False
    if longer.first < 0 or shorter.first < 0:
        return True
    if longer.first in (shorter.first, shorter.last) or longer.last in (shorter.first, shorter.last):
        return True
    return longer.last - longer.first <= 2


def _absorbed(triggers: list[_Trigger], same_clause_only: bool, clause_of=None,
              tells: Sequence[CueHit] = ()) -> list[_Trigger]:
    """A delay of a launch is one event, the delay; the launch stays only with a date of its own (a new target).
    In one clause the launch goes unless both have different times ("joined in 2019 and became chief in 2023").
    A verb that tells the news (`tells`: "hat einen Aufschub vorgeschlagen", "announced a delay") is no launch."""
    if len(triggers) < 2:
        return triggers  # one event: nothing to weigh it against
    kept = []
    for t in triggers:
        if tells and t.type in COMMUNICATION and any(h.start <= t.start and t.end <= h.end for h in tells):
            kept.append(t)
            continue
        absorbers = [o for o in triggers if t.type in ABSORBS.get(o.type, ())]
        near = [o for o in absorbers if o.clause == t.clause]
        if near:
            if t.expression is not None and all(o.expression is not None and o.expression.start != t.expression.start
                                                 for o in near):
                kept.append(t)
                continue
            for o in near:
                if o.expression is None:
                    o.expression = t.expression
            continue
        own_clause = t.expression is not None and clause_of(t.expression.start) == t.clause
        if absorbers and not same_clause_only and not own_clause:
            continue
        kept.append(t)
    return kept


def _without_clock_beside_date(dated: list[TimeExpression]) -> list[TimeExpression]:
    """A time of day right beside a date ("am Dienstag (20.45 Uhr)", "Jan. 19 at 5 p.m.", "at 3pm this afternoon")
    is part of that date: the date dates the event, the clock time alone would fall back on its anchor's day."""
    def day_of(x: TimeExpression) -> bool:
        return x.type != "TIME" or (x.value or "")[10:11] == "T" and not (x.value or "")[11:12].isdigit()

    kept = []
    for x in dated:
        if x.type == "TIME" and not day_of(x) and any(
                y is not x and day_of(y) and (0 <= y.start - x.end <= CLOCK_GAP or 0 <= x.start - y.end <= CLOCK_GAP)
                for y in dated):
            continue
        kept.append(x)
    return kept


def _without_as_of(dated: list[TimeExpression], hits: _Hits) -> list[TimeExpression]:
    """"Stand Oktober 2025", "as of October": the date of a state of affairs, not of an event."""
    as_of = hits.get(("clause", "as_of"), ())
    if not as_of:
        return dated
    return [
        x for x in dated
        if not any(0 <= x.start - h.end <= 2 or h.start >= x.start and h.end <= x.end for h in as_of)
    ]


def _trigger_text(text: str, hit: CueHit) -> str:
    if hit.last - hit.first <= 2:
        return text[hit.start:hit.end]
    words = text[hit.start:hit.end].split()
    return f"{words[0]} … {words[-1]}"


def _slipped(triggers: list[_Trigger], hits: _Hits, dated: Sequence[TimeExpression], clause_of,
             published: TimeSpan | None) -> None:
    """A launch that will not come in a time not yet past ("kommt nicht mehr in diesem Jahr", "won't ship
    until 2026", "erst im nächsten Jahr", "nicht – wie geplant – im Herbst") has slipped: a delay, decided now.
    An aside between the negation and the time may cut the clause ("nicht – wie geplant – im Herbst"): the launch may
    stand in the clause of either."""
    if published is None:
        return
    for h in [*hits.get(("clause", "not_before"), ()), *_negated_plans(hits)]:
        # within one clause, a time of that clause: "Nicht alles lief wie geplant, im März erschien ..." is no slip
        clause = clause_of(h.start) if clause_of(h.start) == clause_of(h.end - 1) else None
        times = [x for x in dated
                 if h.start < x.start and x.start - h.end <= 6 and x.kind != "present"
                 and x.when is not None and x.when.end >= published.start
                 and clause in (None, clause_of(x.start))]
        if not times:
            continue
        clauses = {clause_of(h.start), *(clause_of(x.start) for x in times)}
        for t in triggers:
            if t.type in SLIPPABLE and t.clause in clauses:
                t.type, t.slipped = SLIPPABLE_TO, True


def _negated_plans(hits: _Hits) -> list[CueHit]:
    """A negation with the plan it denies a few words after it ("nicht wie geplant", "nicht – wie ursprünglich
    geplant –", "will not ship, as planned,"), as one match from the negation to the plan's end."""
    plans = hits.get(("clause", "as_planned"), ())
    negations = hits.get(("clause", "negation"), ()) if plans else ()
    found = []
    for plan in plans:
        n = next((n for n in negations if 0 <= plan.first - n.last - 1 <= NEGATED_PLAN_WORDS), None)
        if n is not None:
            found.append(plan._replace(start=n.start, first=n.first))
    return found


def _without_negated(triggers: list[_Trigger], hits: _Hits, clause_of) -> list[_Trigger]:
    negations = hits.get(("clause", "negation"), ())
    if not negations:
        return triggers
    exempt = hits.get(("clause", "not_negation"), ())
    negations = [n for n in negations if not any(e.start <= n.start < e.end for e in exempt)]
    modal = hits.get("modality", ())
    kept = []
    for t in triggers:
        if t.slipped:
            kept.append(t)
            continue
        negated = t.first >= 0 and any(
            clause_of(n.start) == t.clause
            and -NEGATION_BEFORE <= n.first - t.first <= NEGATION_AFTER + (t.last - t.first)
            for n in negations)
        if negated and not any(clause_of(m.start) == t.clause for m in modal):
            continue  # "nicht vorgestellt": nothing happened
        kept.append(t)
    return kept


# -- modality and time -----------------------------------------------------------------------------------------
def _relative_clause(analysis: DocumentAnalysis, sentence: Sentence, clause: int) -> bool:
    """Whether a clause of the sentence opens with a relative word ([grammar] relative_openers: "…, die für 2025
    geplant waren", "…, which was considered"): it tells of what comes before it."""
    breaks = sentence.clause_breaks
    start = breaks[clause - 1] + 1 if 0 < clause <= len(breaks) else sentence.start
    first = analysis.text[start : start + 40].split(maxsplit=1)
    return bool(first) and first[0].lower() in _relative_openers(analysis.language)


@cache
def _relative_openers(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "events").get("grammar", {}).get("relative_openers", ()))


def _assign_modality(triggers: list[_Trigger], hits: _Hits, clause_of, dated: list[TimeExpression] = (),
                     relative=lambda clause: True) -> None:
    if not hits.get("modality", ()):
        return  # what happened stays what happened
    trigger_clauses = {t.clause for t in triggers}
    # a plan with a date of its own, or an original plan, is complete: it governs no following clause
    # ("die ursprünglich für August geplant war, verzögert sich": the delay is no plan); a denial or consideration
    # with a date still governs what it denies or considers ("dementierte am 18. März, dass …")
    dated_clauses = {clause_of(x.start) for x in dated}
    original = _clauses(hits, "original", clause_of)
    conditions = {h.start for h in hits.get(("clause", "condition"), ())}
    for cue in hits.get("modality", ()):
        # part of a trigger, it is no modality of that one: "announced plans for" is an announcement, made;
        # "denied that it would abandon": the denial (a statement) happened, the abandonment is denied
        inside = [t for t in triggers if t.start <= cue.start and cue.end <= t.end]
        clause = clause_of(cue.start)
        # "frühestens Herbst": a word in or right before a time expression qualifies the time
        in_time = any(x.start <= cue.start and cue.end <= x.end or 0 <= x.start - cue.end <= 1 for x in dated)
        # a word of a time expression qualifies the time: for a decision, that is its new target
        own_clause = [t for t in triggers if t.clause == clause and not (in_time and t.type in DECISIONS)
                      and t not in inside] if clause in trigger_clauses else []
        if clause in trigger_clauses and not (inside and not own_clause):
            candidates = own_clause
            if not candidates:
                continue
        elif cue.label in GOVERNING or cue.start in conditions:
            # a plan with a date of its own describes what comes before it ("Veröffentlichungen, die für 2025
            # geplant waren"), never what follows ("…, die für August geplant war, verzögert sich")
            closed = clause in original or (cue.label == "planned" and clause in dated_clauses)
            # a condition governs the clause after it ("Wenn Nutzer fragen, startet ..."), not the one before
            # ("…, wenn auch sehr potente, …"); a plan or consideration in a relative clause governs what it is
            # about, before it ("Veröffentlichungen, die geplant waren"; "die Übernahme, die X erwog, sorgte für
            # Streit"), else the clause after it ("erwog, … aufzugeben"; not "(der Abgang von X) und Gerüchte über Y")
            if cue.label in GOVERNING and relative(clause):
                candidates = [t for t in triggers if t.clause == clause - 1]
            else:
                candidates = [] if closed else [
                    t for t in triggers if t.clause == clause + 1 and t.type not in SECONDARY
                ]
            if not candidates:
                continue
        else:
            continue
        candidates = [t for t in candidates if not t.slipped and t not in inside]  # slipped: decided, now
        if not candidates:
            continue
        target = min(candidates, key=lambda t: _distance(t, cue))
        distance = _distance(target, cue)
        if distance < target.modality_distance:
            target.modality, target.modality_distance = cue.label, distance


def _distance(trigger: _Trigger, cue: CueHit) -> int:
    return max(cue.start - trigger.end, trigger.start - cue.end, 0)


def _clauses(hits: _Hits, label: str, clause_of) -> set[int]:
    return {clause_of(h.start) for h in hits.get(("clause", label), ())}


def _assign_times(triggers: list[_Trigger], dated: list[TimeExpression], clause_of, hits: _Hits,
                  published: TimeSpan | None = None, opening: tuple[int, int] | None = None) -> set[int]:
    """Each trigger takes an expression of its own clause: the nearest, or with one trigger in the clause the most
    precise; not one that names the period something is for ("Zahlen für das erste Quartal"); a decision
    prefers one that is not in the future (that is its new target) and never the one it moves from ("vom April");
    a saying never one of what it says ("announced that it will ship on May 2"). An expression in a clause without
    a trigger goes to the nearest trigger of the sentence, if that one has none of its own; a time that opens the
    sentence (`opening`: the sentence's start and its first clause break) dates all its events; so does the date of
    a clause that only carries the news ("…, the club announced on Wednesday"). A clause with an original plan
    lends nothing. Returns the starts of the expressions lent that way."""
    if not dated:
        return set()  # nothing to assign or lend
    original = _clauses(hits, "original", clause_of)
    per_clause: dict[int, int] = {}
    for t in triggers:
        per_clause[t.clause] = per_clause.get(t.clause, 0) + 1
    paired = _paired_in_order(triggers, dated, clause_of, per_clause)
    _own_clause_times(triggers, dated, clause_of, hits, published, per_clause, paired)
    _free_times(triggers, dated, clause_of, hits, set(per_clause) | original)
    _opening_time(triggers, dated, set(per_clause), opening)
    return _lent_news_dates(triggers, dated, clause_of, hits, published, original)


def _paired_in_order(triggers: list[_Trigger], dated: list[TimeExpression], clause_of,
                     per_clause: dict[int, int]) -> set[int]:
    """As many events as dates in one clause: the n-th event has the n-th date ("joined in 2019 and became
    chief executive in February 2023"; "a battle in 2021 and a spat in spring 2022"), unless one event is about the
    other as a delay is about a release ("the release was delayed last May to May 2026"). Returns the ids of the
    triggers paired."""
    paired: set[int] = set()
    for clause, events in per_clause.items():
        if events < 2:
            continue  # one event: nothing to pair
        in_clause = sorted((t for t in triggers if t.clause == clause), key=lambda t: t.start)
        typed = [t for t in in_clause if t.type != UNTYPED]
        if len(typed) >= 2:  # "began shipping": the untyped word is part of a typed event
            in_clause = typed
        count = len(in_clause)
        if any(o.type in DECISIONS and t.type in ABSORBS.get(o.type, ()) for t in in_clause for o in in_clause):
            continue  # one event, the delay, not two with a date each
        own = sorted((x for x in dated if clause_of(x.start) == clause and x.kind != "present"), key=lambda x: x.start)
        if count >= 2 and len(own) == count:
            for trigger, expression in zip(in_clause, own):
                trigger.expression = expression
                paired.add(id(trigger))
    return paired


def _own_clause_times(triggers: list[_Trigger], dated: list[TimeExpression], clause_of, hits: _Hits,
                      published: TimeSpan | None, per_clause: dict[int, int], paired: set[int]) -> None:
    """Each trigger not paired takes an expression of its own clause (see `_assign_times`)."""
    period_words = hits.get(("clause", "for_period"), ())
    complements = hits.get(("clause", "complement"), ())

    def for_period(x: TimeExpression) -> bool:
        return any(0 <= x.start - h.end <= 6 for h in period_words)

    def width(x: TimeExpression) -> int:
        days = (x.when.end - x.when.start).days if x.when is not None else 1 << 20
        return bisect.bisect_left(PRECISION_DAYS, days)

    for trigger in triggers:
        if id(trigger) in paired or trigger.slipped:
            continue  # slipped: "nicht mehr in diesem Jahr" is the time it will not come by; decided now
        own = [x for x in dated if clause_of(x.start) == trigger.clause]
        if trigger.type in COMMUNICATION and complements:  # "announced that it will ship on February 2":
            after = [h.start for h in complements if h.start >= trigger.end]  # that date is the news, not the saying's
            if after:
                own = [x for x in own if x.start < after[0]]
        if trigger.type in DECISIONS:
            own = [x for x in own if not _old_target(x, hits)]
            if any(not _future(x, published) for x in own):
                own = [x for x in own if not _future(x, published)]
        if len(own) == 1:
            trigger.expression = own[0]
        elif own:
            alone = per_clause[trigger.clause] == 1
            # a time right after the trigger is its own ("a launch by February"), before any more precise one
            trigger.expression = min(own, key=lambda x: (x.kind == "present", for_period(x),
                                                         not 0 <= x.start - trigger.end <= ADJACENT_CHARS,
                                                         width(x) if alone else 0, _span_distance(trigger, x), x.start))


def _free_times(triggers: list[_Trigger], dated: list[TimeExpression], clause_of, hits: _Hits,
                taken_clauses: set[int]) -> None:
    """An expression in a clause without a trigger (nor an original plan) goes to the nearest trigger, if that one
    has none of its own; not across background, nor into it ("…, den er zuvor skizziert hatte, als er Anfang 2025 …"),
    not to a saying from what it says ("…, wies zurück, dass … erst im Herbst …"), not to a delay from where it
    moved from."""
    background = _clauses(hits, "background", clause_of)
    complements = hits.get(("clause", "complement"), ())
    free: dict[int, list[TimeExpression]] = {}
    for expression in dated:
        clause = clause_of(expression.start)
        if clause in taken_clauses:
            continue
        # a typed event before a happening without a type ("delayed …, last month, pushing its start of production")
        nearest = 0 if len(triggers) == 1 else min(
            range(len(triggers)), key=lambda i: (triggers[i].type == UNTYPED, _span_distance(triggers[i], expression),
                                                 triggers[i].start))
        trigger = triggers[nearest]
        if trigger.type in DECISIONS and _old_target(expression, hits):
            continue
        if trigger.type in COMMUNICATION and any(trigger.end <= h.start <= expression.start for h in complements):
            continue
        lo, hi = sorted((clause, trigger.clause))
        if background and any(lo < c < hi or c == trigger.clause != clause for c in background):
            continue
        free.setdefault(nearest, []).append(expression)
    for i, candidates in free.items():
        if triggers[i].expression is None:
            triggers[i].expression = min(
                candidates, key=lambda x: (x.kind == "present", _span_distance(triggers[i], x), x.start)
            )


def _opening_time(triggers: list[_Trigger], dated: list[TimeExpression], trigger_clauses: set[int],
                  opening: tuple[int, int] | None) -> None:
    """A time that opens the sentence as a short clause of its own ("In July, X decided … and tried to call off …")
    dates every event of the sentence that has none."""
    if opening is None or 0 in trigger_clauses:
        return
    fronted = [x for x in dated if x.kind != "present" and x.start - opening[0] <= OPENING_CHARS
               and 0 <= opening[1] - x.end <= 1]
    if fronted:
        for trigger in triggers:
            if trigger.expression is None:
                trigger.expression = fronted[0]


def _old_target(expression: TimeExpression, hits: _Hits) -> bool:
    """A date after "vom"/"from" beside a delay: where it moved from ("Verschiebung vom April")."""
    return any(0 <= expression.start - h.end <= 6 for h in hits.get(("clause", "moved_from"), ()))


def _lent_news_dates(triggers: list[_Trigger], dated: list[TimeExpression], clause_of, hits: _Hits,
                     published: TimeSpan | None, original: set[int]) -> set[int]:
    """The date of a clause that only carries the news ("…, the club announced on Wednesday", "Nun hat X verkündet,
    dass …") goes to an event without a date of its own (or to a decision whose date is its future target);
    returns the starts of the dates lent."""
    news_clauses = {clause_of(h.start) for label in COMMUNICATION for h in hits.get(("triggers", label), ())}
    news_clauses |= {clause_of(h.start) for h in hits.get("attribution", ())}
    news_clauses -= {t.clause for t in triggers if t.type not in COMMUNICATION}
    donors = [x for x in dated if not _future(x, published) and clause_of(x.start) not in original
              and clause_of(x.start) in news_clauses]
    lent: set[int] = set()
    if not donors:
        return lent
    for trigger in triggers:
        if trigger.type in COMMUNICATION and trigger.expression is not None:
            continue  # "In a press release on Monday, Apple revealed …": one saying, told twice, one date
        undated = trigger.expression is None
        if undated or (trigger.type in DECISIONS and _future(trigger.expression, published)):
            others = [x for x in donors if clause_of(x.start) != trigger.clause]
            if others:
                trigger.expression = min(others, key=lambda x: (_span_distance(trigger, x), x.start))
                lent.add(trigger.expression.start)
    return lent


def _future(expression: TimeExpression, published: TimeSpan | None) -> bool:
    return published is not None and expression.when is not None and expression.when.start > published.end


def _clause_of_event(triggers: list[_Trigger], communication: _Trigger) -> int:
    """The clause of the first event (not a communication) that has the communication's date, or -1."""
    for t in triggers:
        same_date = t.expression is not None and t.expression.start == communication.expression.start
        if t.type not in COMMUNICATION and same_date:
            return t.clause
    return -1


def _span_distance(trigger: _Trigger, expression: TimeExpression) -> int:
    return max(expression.start - trigger.end, trigger.start - expression.end, 0)


def _target_type(decision: _Trigger, hits: _Hits, clause_of) -> str:
    """The type of the plan a decision sets a new target for: the launch it absorbs in its sentence ("die
    Veröffentlichung wird auf Mai verschoben": a release planned for May), else a happening without a type."""
    for absorbed in ABSORBS.get(decision.type, ()):
        if hits.get(("triggers", absorbed)):
            return absorbed
    return UNTYPED


def _news_span(published: TimeSpan) -> TimeSpan:
    """When news without a time of its own happened: a span ending on the publication day, at most NEWS_DAYS
    back; a publication known only to the month (or coarser) is that span itself."""
    if published.precision != "day":
        return published
    return interval(shift_days(published.start, -NEWS_DAYS), published.end)  # saturating at year 1


def _is_news(trigger: _Trigger, present: Sequence[CueHit], hits: _Hits, clause_of,
             dated: Sequence[TimeExpression], headline: bool, published: TimeSpan, lede: bool,
             story_time: TimeSpan | None = None) -> bool | str:
    """Whether an event without a time of its own is reported as news, so the publication dates it: a happening
    (not a plan) in the present or the present perfect, or told in the lede (the article's first sentences); not in a
    headline (it has no date of its own), not background (the past perfect, "zuvor", "previously"), not beside a time
    before the news in its clause ("joined in 2015 and has won ..."). A happening in the simple past right after a
    sentence that tells of a time before the news (`story_time`) is told in the story's own time, not at the news
    ("In July, Acme called off the deal. Beta in turn filed a lawsuit."): STORY. A saying stays news (a quote of
    today after a sentence of background)."""
    if headline or trigger.modality != "happened":
        return False
    if present and _present(trigger, present, hits, clause_of):
        return True
    perfect = hits.get(("clause", "perfect"), ())
    saying = trigger.type in SECONDARY or (
        any(h.start <= trigger.start and trigger.end <= h.end for h in hits.get(("clause", "tells"), ()))
        and not any(0 <= h.start - trigger.end <= 1 or 0 <= trigger.start - h.end <= 1
                    for h in hits.get(("clause", "passive"), ())))  # "als das es angekündigt wurde": told before
    in_perfect = any(clause_of(h.start) == trigger.clause for h in perfect)
    if not (lede or saying or in_perfect):
        return False  # a happening in the simple past further down an article may be background; a saying is news
    if not in_perfect and not saying and _moved_away(story_time, published):
        return STORY  # told in the story's own time, which the sentence before set
    earlier = hits.get(("clause", "earlier_than"), ())
    if any(clause_of(h.start) == trigger.clause and h.end <= trigger.start for h in earlier):
        return False  # "… weeks after the company delayed its launch": before the news
    background = hits.get(("clause", "background"), ())
    if background:
        # reported speech shifts the tense back ("the statement said he had stepped down"): no background
        said = [h.end for label in SECONDARY for h in hits.get(("triggers", label), ())]
        if any(clause_of(h.start) == trigger.clause and not any(e <= h.start for e in said) for h in background):
            return False
    if saying:
        return True  # "…, 11 months ago," she said: the saying is news, whatever it tells of
    window_start = _news_span(published).start
    return not any(x.kind != "present" and x.when is not None and x.when.end < window_start
                   and clause_of(x.start) == trigger.clause for x in dated)


def _moved_away(story_time: TimeSpan | None, published: TimeSpan) -> bool:
    """Whether the story's own time (the time the sentence before tells of) lies before the news."""
    return story_time is not None and story_time.end < _news_span(published).start


def _is_heading(text: str, start: int, end: int) -> bool:
    """A sentence that is a whole line ending without a sentence mark: a headline or a subheading, which has no
    date of its own (it sums up the article or a section)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t#*•-"):
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[end:line_end].strip():
        return False
    return not text[start:end].rstrip().endswith((".", "!", "?", ":", ";", "\"", "“", "”", "»", "«", ")"))


def _present(trigger: _Trigger, present: Sequence[CueHit], hits: _Hits, clause_of) -> bool:
    """A present-tense verb in the trigger's clause, or a present-tense report ("berichtet das X") in the sentence."""
    if any(clause_of(h.start) == trigger.clause for h in present):
        return True
    reporting = [*hits.get(("attribution", "reporting"), ()), *hits.get(("attribution", "after"), ())]
    return any(p.start == r.start for p in present for r in reporting)


# -- subjects --------------------------------------------------------------------------------------------------
def _subjects(entities: list[EntityHit], source_hit: EntityHit | None) -> list[str]:
    if source_hit is None:
        return sorted({e.name for e in entities})
    return sorted({e.name for e in entities if not (e.kind == "outlet" and e.name == source_hit.name)})


def _with_short_names(analysis: DocumentAnalysis, sentence: Sentence, entities: list[EntityHit],
                      memory: _Memory) -> list[EntityHit]:
    """A name given in full earlier is later given by its last word alone ("Dana Kolb …; Kolb said"): the full name."""
    short_names = memory.short_names
    if not short_names:
        return entities
    out = []
    for e in entities:
        full = short_names.get(e.name) if e.kind == UNKNOWN and " " not in e.name else None
        out.append(e._replace(name=full) if full else e)
    tokens, written = analysis.tokens, analysis.written
    if not short_names.keys().isdisjoint(written[sentence.first:sentence.last]):
        for k in range(sentence.first, sentence.last):
            full = short_names.get(written[k])
            s, e = tokens[k][0], tokens[k][1]
            if full and not any(h.start < e and s < h.end for h in out):
                out.append(EntityHit(s, e, full, UNKNOWN))
    return sorted(out)


def _remember(memory: _Memory, number: int, subjects: list[str], entities: list[EntityHit],
              dated: list[TimeExpression], published: TimeSpan | None = None) -> None:
    if entities:
        kinds = [e.kind for e in entities]
        if UNKNOWN in kinds:
            for name in sorted({e.name for e in entities if e.kind == UNKNOWN}):
                words = name.split()
                if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                    known = memory.short_names.get(words[-1], name)
                    memory.short_names[words[-1]] = name if known == name else None
        if "product" in kinds:
            for name in sorted({e.name for e in entities if e.kind == "product"}):
                count, _ = memory.products.get(name, (0, 0))
                memory.products[name] = (count + 1, number)
    if subjects:
        memory.subjects.append((number, subjects))
    own = [x for x in dated if x.kind != "present"] if dated else ()
    if own and published is not None:  # "damals", "back then": a time that has been, not a target ahead
        own = [x for x in own if x.when.start <= published.end] or own
    if own:
        memory.times.append((number, own[-1]))


def _named_before(analysis: DocumentAnalysis, memory: _Memory) -> list[str]:
    """The names of the nearest of the last few sentences that names anyone: what "the company", "sie" refer to.
    Names are looked up here, on demand: most sentences without an event never need theirs."""
    own = analysis.document.source.outlet
    for sentence in reversed(memory.spans or ()):
        names = sorted({e.name for e in analysis.names(sentence) if e.kind != "outlet" and not (
            e.kind == UNKNOWN and any(x.start < e.end and e.start < x.end for x in sentence.expressions))} - {own})
        if names:
            return names
    return []


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
