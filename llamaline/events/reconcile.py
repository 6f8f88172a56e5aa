"""Mentions -> Events: one event per real-world happening, with its sources, conflicts and origins.

How mentions merge (blocking and sorting, never all pairs):

1. Plans, expectations and denials are not the happening: they go to the leftovers untouched.
2. **Atoms.** Dated mentions of one type group with the same subjects (a family named beside exactly one of
   its members only qualifies it and is dropped) are taken finest span first; each joins the one cluster
   whose running intersection its span overlaps (or, failing that, a cluster of its own type whose span of at
   most a week lies at most `TOLERANCE_DAYS` away: a near miss, kept as a date conflict). A span that
   overlaps several clusters is ambiguous (say "2025" beside an April and a May event): it goes to the leftovers.
3. **Subjects across families.** Atoms of one type group whose cores overlap agree on subjects when one
   side's every subject is equal to, a family of, or a member of a subject of the other side. Atoms that
   agree both ways (a model line and one of its models) merge; an atom naming strictly less (a model alone
   beside "the model and its maker") joins the broader ones. Merges keep a common day (the running
   intersection), so a family mention can bridge two sibling models released together, and an atom whose
   partners lie apart in time (a quarter beside a January and a March event) stays an event of its own.
4. `report` / `statement` mentions join the one event of a specific type whose subjects agree and whose span
   they overlap; else they form report / statement events of their own by the same rules.
5. Mentions without subjects, and undated mentions, join an event only when exactly one event matches
   (type group, subjects, and time where there is one); else they go to the leftovers.

Every decision uses only the content of the mentions (orders are content orders, matching for steps 4-5 is
against the events of step 3, not the growing ones), so shuffled input gives identical output, and the
events' own mentions reconcile to the same events.
"""

from __future__ import annotations

import heapq
from array import array
from enum import IntEnum
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import compress, islice
from operator import attrgetter, eq, itemgetter

from .ids import KIND_RANK, event_id, find_events, id_period, make_ids_unique, title
from ..models import EVENT_TYPES, Conflict, Event, Mention, TimeSpan, constructed
from .types import Role, generic_types, group_of, registry, with_role
from .index import WIDE_MONTHS, Family, Index, Protos, Relation, month_of
from ..temporal.timespan import cover, interval

__all__ = ["reconcile", "find_events", "group_of"]

# Types that say someone said something, and may be the saying of a specific happening.
GENERIC_TYPES = frozenset(generic_types())
# Modalities that are not the happening itself: claims about it (issue 6), not events.
NOT_HAPPENED = frozenset({"planned", "expected", "denied"})
# Types without a word of their own in a title: the title takes the word the text uses ("Meta: Zulassung").
UNTYPED_TYPES = frozenset(with_role(Role.UNTYPED))
# Of these, what reconciles into events of their own, marked as plans.
PLANS = frozenset({"planned", "expected"})


class Bin(IntEnum):
    """The mentions' bins, merged in this order (see the module doc): the happenings first, then what joins them."""

    NOT_HAPPENED = 0  # plans, expectations, denials: leftovers
    UNDATED = 1
    NO_SUBJECTS = 2  # dated, without subjects
    SAYING = 3  # reports and statements
    HAPPENING = 4  # dated, with subjects, of a specific type


# Spans of one type this many days apart still merge (day-level reporting noise), as a date conflict.
TOLERANCE_DAYS = 3
# How long after an event a source that does not date it may still refer to it without a date ("the delay").
RETROSPECT_DAYS = 62
# ... between spans of at most a week ("5 April" and "7 April"; not "April" and "May").
_NEAR_MISS_WIDTH = 7
_PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "quarter": 3, "interval": 4, "year": 5}
_TYPE_RANK = {t: i for i, t in enumerate(EVENT_TYPES)}


def reconcile(
    mentions: Sequence[Mention],
    *,
    families: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    kinds: Mapping[str, str] | None = None,
) -> tuple[list[Event], list[Mention]]:
    """(events sorted by date, leftover mentions sorted by source and offset).

    Plans and expectations with a target date and subjects do not merge with the happening: they reconcile
    among themselves into events of their own, marked as plans (modality "planned", id ending in "-planned").
    """
    events, leftovers = _reconcile(mentions, families=families, outlets=outlets, kinds=kinds)
    plans = [m for m in leftovers if m.modality in PLANS and m.when is not None and m.subjects]
    if not plans:
        return events, leftovers
    # reconciled as if they happened (the same rules), then given back as they were written
    as_happening = [constructed(Mention, {**m.__dict__, "modality": "happened"}) for m in plans]
    planned, _ = _reconcile(as_happening, families=families, outlets=outlets, kinds=kinds, plans=True, cited=plans)
    placed = {id(m) for event in planned for m in event.mentions}
    leftovers = [m for m in leftovers if id(m) not in placed]
    # both lists come sorted by date, then id: merged, not sorted again
    events = list(heapq.merge(events, planned, key=lambda e: (e.when.start, e.when.end, e.id)))
    return events, leftovers


def _reconcile(
    mentions: Sequence[Mention],
    *,
    families: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    kinds: Mapping[str, str] | None = None,
    plans: bool = False,
    cited: Sequence[Mention] | None = None,
) -> tuple[list[Event], list[Mention]]:
    """`reconcile` of the happenings (with `plans`: of plans, as events marked planned); plans and expectations
    stay leftovers. `cited`, if given, are the mentions the events and leftovers cite in place of `mentions`
    (one for one: the plans as written, where `mentions` are their copies as happenings).

    `families` maps a subject to the family it belongs to (a model to its model line), `outlets` a source id
    to its outlet's name (for origins), `kinds` a subject to its kind (person, organisation, ...; for titles).
    """
    fam = Family(families or {})
    t = _Table(mentions, fam)
    if cited is not None:
        t.mentions = cited  # read below for what the copies share with them (sources, dates, triggers), never modality
    leftovers = list(t.bin(Bin.NOT_HAPPENED))
    protos = Protos()
    _merge(t.bin(Bin.HAPPENING), t, fam, protos, leftovers)
    index = Index(fam, protos)
    index.file()
    # Reports and statements of a specific happening join it; the others become events of their own.
    own = []
    memo: dict[tuple, list[int]] = {}  # the index does not change within a loop: same question, same answer
    # Signature -> which signatures agree with it (a property of the two: shared by all questions about it).
    agreement: dict[int, dict[int, bool]] = {}
    told_in = _told_in(t, protos, t.bin(Bin.SAYING))
    for r in t.bin(Bin.SAYING):
        sig = t.sig[r]
        key = (sig, t.s[r], t.e[r])
        told = told_in.get(r, -1)
        if told >= 0:  # the happening its own sentence reports ("bestätigt seinen Abschied"): the saying of that one
            protos.attach(told, r)
            continue
        hits = memo.get(key)
        if hits is None:
            shared = agreement.setdefault(sig, {})
            hits = memo[key] = index.match_dated(sig, None, t.s[r], t.e[r], shared)
        # a saying dated only by its publication is news of its own: it does not tell when something else was
        (protos.attach(hits[0], r) if len(hits) == 1 and not _news_dated(t, r) else own.append(r))
    first_generic = len(protos)
    _merge(own, t, fam, protos, leftovers)
    index.file()

    # Without subjects or without a date: must point at exactly one event (type group, subjects, time). Reports
    # and statements may point at an event of any group.
    all_groups = sorted(set(protos.group))
    every = set(all_groups)
    generic = {g for g, name in enumerate(t.group_names) if name in GENERIC_TYPES}
    memo = {}
    for r in t.bin(Bin.NO_SUBJECTS):
        g = t.group[r]
        key = (-1 if g in generic else g, t.s[r], t.e[r])
        hits = memo.get(key)
        if hits is None:
            hits = memo[key] = index.match_dated(t.sig[r], every if g in generic else {g}, t.s[r], t.e[r])
        (protos.attach(hits[0], r) if len(hits) == 1 else leftovers.append(r))
    # Undated: in block order, the mentions of one group and signature come together and ask one question.
    last_sig = last_group = -1
    for r in t.bin(Bin.UNDATED):
        sig, g = t.sig[r], t.group[r]
        if sig != last_sig or g != last_group:
            last_sig, last_group = sig, g
            key = (sig, -1 if g in generic else g)
            hits = memo.get(key)
            if hits is None:
                shared = agreement.setdefault(sig, {})
                hits = memo[key] = index.match_undated(sig, all_groups if g in generic else (g,), shared)
            one = hits[0] if len(hits) == 1 else -1
        # an undated consideration says neither when nor that it happened: it does not join (nor dispute) a happening
        (protos.attach(one, r) if one >= 0 and t.modality[r] != "considered" and _while_news(t, protos, one, r)
         else leftovers.append(r))
    del memo, agreement, index

    events = _Builder(t, fam, outlets or {}, kinds or {}, plans).events(protos, first_generic)
    leftovers.sort(key=t.rank.__getitem__)
    return events, _take(t.mentions, _take(t.index, leftovers))


def _told_in(t: _Table, protos: Protos, sayings: range) -> dict[int, int]:
    """Saying row -> the one event its own sentence reports, where its sentence reports exactly one event (of a
    specific type) whose span overlaps the saying's: a confirmation is the saying of what it confirms, whatever
    else agrees with its subjects and dates."""
    if not sayings:
        return {}
    mentions, index = t.mentions, t.index
    wanted = {(t.source[r], mentions[index[r]].start) for r in sayings if t.s[r]}
    by_sentence: dict[tuple[int, int], set[int]] = defaultdict(set)
    for p, members in enumerate(protos.members):
        for x in members:
            key = (t.source[x], mentions[index[x]].start)
            if key in wanted:
                by_sentence[key].add(p)
    told: dict[int, int] = {}
    for r in sayings:
        events = by_sentence.get((t.source[r], mentions[index[r]].start), ())
        if len(events) == 1:
            p = next(iter(events))
            if t.s[r] and protos.s[p] <= t.e[r] and t.s[r] <= protos.e[p]:
                told[r] = p
    return told


def _news_dated(t: _Table, r: int) -> bool:
    return t.mentions[t.index[r]].dated_by == "publication"


def _what(mentions: Sequence[Mention]) -> str | None:
    """The word most mentions name an untyped happening by (their trigger as written), for its title."""
    words = Counter(m.trigger for m in mentions if m.trigger)
    return min(words, key=lambda w: (-words[w], w)) if words else None


def _while_news(t: _Table, protos: Protos, p: int, r: int) -> bool:
    """Whether undated mention r may join event p: its own source dates the event, or it was published while the
    event was news (within `RETROSPECT_DAYS` of its end). A look back months later ("the delay resulted from ...")
    may mean any of several happenings; it says nothing about this one's date."""
    published = t.mentions[t.index[r]].published
    if published is None or published.start.toordinal() <= protos.e[p] + RETROSPECT_DAYS:
        return True
    source = t.source[r]
    return any(t.source[x] == source for x in protos.members[p])


# ---------------------------------------------------------------------------------------------- mentions


class _Table:
    """The mentions as parallel columns in *block order*: by bin (plans | undated | dated without subjects |
    reports and statements | specific happenings), type group and signature, then content rank. A row is a
    mention's place in that order; `rank` gives its place in the content order (by source and offset, ties broken
    by the whole content), which every decision uses. In block order the mentions that can merge (one type group,
    one signature) are neighbours, so that merging, building events and answering questions walk memory in order
    rather than jump across a million mentions (which costs several times as much per step).

    Columns: the input position, rank, signature and raw-subjects ids, type group id, type, span as day ordinals
    (0: undated) and as given, source id (its place among the sorted source names), modality and attribution.
    """

    __slots__ = ("mentions", "index", "rank", "sig", "raw", "group", "type", "s", "e", "when", "source",
                 "modality", "attributed", "source_names", "group_names", "raws", "bin_starts")

    def __init__(self, mentions: Sequence[Mention], fam: Family):
        n = len(mentions)
        self.mentions = mentions
        # Columns in input order (memory order), one attribute at a time; ids through the distinct values.
        sources = list(map(attrgetter("source"), mentions))
        types = list(map(attrgetter("type"), mentions))
        modalities = list(map(attrgetter("modality"), mentions))
        self.source_names = sorted(set(sources))
        source_id = {x: i for i, x in enumerate(self.source_names)}
        src = list(map(source_id.__getitem__, sources))
        del sources
        rank = array("q", bytes(8 * n))
        for position, row in enumerate(_content_order(mentions, src, types)):  # the inverse of that order
            rank[row] = position
        self.group_names = sorted({group_of(x) for x in types})
        group_id = {x: self.group_names.index(group_of(x)) for x in set(types)}
        groups = list(map(group_id.__getitem__, types))

        subjects = list(map(tuple, map(attrgetter("subjects"), mentions)))
        raw_id = {key: i for i, key in enumerate(dict.fromkeys(subjects))}  # the subjects as given -> raw id
        self.raws = list(raw_id)
        raw_ids = list(map(raw_id.__getitem__, subjects))
        del subjects, raw_id
        sigs = list(map([fam.reduce(key) for key in self.raws].__getitem__, raw_ids))
        whens = list(map(attrgetter("when"), mentions))
        distinct = {id(w): w for w in whens if w is not None}  # the mentions keep the spans alive
        ordinals = {k: (w.start.toordinal(), w.end.toordinal()) for k, w in distinct.items()}
        ordinals[id(None)] = (0, 0)
        span = list(map(ordinals.__getitem__, map(id, whens)))
        del distinct, ordinals
        names = fam.sigs
        bins = [_bin(mod, se[0], names[sig], x) for mod, se, sig, x in zip(modalities, span, sigs, types)]
        n_sigs, n_groups = len(names), len(self.group_names)
        keys = [((b * n_groups + g) * n_sigs + sig) * n + r for b, g, sig, r in zip(bins, groups, sigs, rank)]
        order = sorted(range(n), key=keys.__getitem__)
        del keys
        counts = [bins.count(b) for b in Bin]
        self.bin_starts = [sum(counts[:b]) for b in range(len(Bin) + 1)]
        del bins
        self.index = array("q", order)
        take = itemgetter(*order) if n > 1 else lambda values: tuple(values)
        del order
        self.rank = array("q", take(rank))
        self.sig, self.raw, self.group, self.type = take(sigs), take(raw_ids), take(groups), take(types)
        del sigs, raw_ids, groups, types
        self.s, self.e = take([se[0] for se in span]), take([se[1] for se in span])
        del span
        self.source, self.modality, self.when = take(src), take(modalities), take(whens)
        del src, modalities, whens
        self.attributed = take(list(map(attrgetter("attributed_to"), mentions)))

    def bin(self, b: Bin) -> range:
        """The rows of one bin."""
        return range(self.bin_starts[b], self.bin_starts[b + 1])


def _bin(modality: str, first_day: int, subjects: object, event_type: str) -> Bin:
    if modality in NOT_HAPPENED:
        return Bin.NOT_HAPPENED
    if not first_day:
        return Bin.UNDATED
    if not subjects:
        return Bin.NO_SUBJECTS
    return Bin.SAYING if event_type in GENERIC_TYPES else Bin.HAPPENING


def _content_order(mentions: Sequence[Mention], src: list[int], types: list[str]) -> list[int]:
    """Input positions in content order: by (source, start, end, type), ties broken by the mentions' whole
    content. The head is one int per mention (its order is the tuples' order): a million int comparisons cost
    a fraction of a million tuple comparisons."""
    n = len(mentions)
    if not n:
        return []
    starts = list(map(attrgetter("start"), mentions))
    ends = list(map(attrgetter("end"), mentions))
    type_id = {x: i for i, x in enumerate(sorted(set(types)))}
    lo_start, lo_end = min(starts), min(ends)
    n_end, n_type = max(ends) - lo_end + 1, len(type_id)
    n_start_end_type = (max(starts) - lo_start + 1) * n_end * n_type
    heads = [a * n_start_end_type + ((b - lo_start) * n_end + c - lo_end) * n_type + type_id[d]
             for a, b, c, d in zip(src, starts, ends, types)]
    del starts, ends
    order = sorted(range(n), key=heads.__getitem__)
    if len(set(heads)) == n:
        return order
    keys = list(map(heads.__getitem__, order))
    ties = compress(range(n - 1), map(eq, keys, islice(keys, 1, None)))  # usually few: no per-record slices
    done = -1
    for i in ties:
        if i <= done:
            continue
        j = i + 1
        while j < n and keys[j] == keys[i]:
            j += 1
        order[i:j] = sorted(order[i:j], key=lambda k: _mention_key(mentions[k]))
        done = j - 1
    return order


def _mention_key(m: Mention) -> tuple:
    w = m.when
    return (m.source, m.start, m.end, m.type, m.modality, m.subjects,
            (w.start, w.end, w.edtf, w.precision) if w is not None else (), m.time_text or "",
            m.attributed_to or "", m.trigger or "", m.quote)


# ---------------------------------------------------------------------------------------------- merging


def _merge(recs: Sequence[int], t: _Table, fam: Family, protos: Protos, leftovers: list[int]) -> None:
    """Dated mentions with subjects (rows, in block order) -> events in the making, added to `protos` (steps 2
    and 3 of the module doc). Atoms and events stay in block order (neighbours in memory); where the order of
    decisions matters, it is the content order of their ranks."""
    atoms = _atoms(recs, t, leftovers)
    if not atoms.ranks:
        return
    same, broader = _agreements(atoms, fam, len(t.rank))
    spread = _spread(atoms, same, broader)
    joined = _Components(atoms)
    # Subjects that agree both ways merge, finest atoms first.
    for i in sorted(same, key=lambda k: (atoms.ends[k] - atoms.starts[k], atoms.ranks[k])):
        if i not in spread:
            for j in same[i]:
                if j not in spread:
                    joined.join([i, j])
    # A narrower atom joins the broader ones it agrees with when they can all be one happening; broadest first.
    for i in sorted(broader, key=lambda k: (-len(fam.sigs[atoms.sigs[k]]), atoms.ranks[k])):
        if i not in spread:
            joined.join([i, *(j for j in broader[i] if j not in spread)])
    _add_protos(atoms, joined, fam, protos)


@dataclass
class _Atoms:
    """Mentions of one type group and signature that share a span, as parallel lists: the rank of the first
    member, group, signature, core [start, end] (the running intersection), member rows."""

    ranks: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    sigs: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    members: list[list[int]] = field(default_factory=list)


def _atoms(recs: Sequence[int], t: _Table, leftovers: list[int]) -> _Atoms:
    """Step 2: the atoms of the rows; in block order the mentions of one type group and signature are a run."""
    atoms = _Atoms()
    rows = list(recs)
    i, n = 0, len(rows)
    while i < n:
        r = rows[i]
        sig, group = t.sig[r], t.group[r]
        j = i + 1
        while j < n and t.sig[rows[j]] == sig and t.group[rows[j]] == group:
            j += 1
        clusters = [(t.s[r], t.e[r], [r])] if j == i + 1 else _cluster_in_time(rows[i:j], t, leftovers)
        for s, e, cluster in clusters:
            atoms.ranks.append(t.rank[cluster[0]])
            atoms.groups.append(group)
            atoms.sigs.append(sig)
            atoms.starts.append(s)
            atoms.ends.append(e)
            atoms.members.append(cluster)
        i = j
    return atoms


def _agreements(atoms: _Atoms, fam: Family, n_rows: int) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Step 3's pairs: atom -> the atoms it agrees with both ways, and atom -> the atoms naming more that it
    agrees with; each list in the rank order of the pairs."""
    ranks = atoms.ranks
    # Each pair as (earlier atom, later atom) in rank order, with the relation of the earlier to the later.
    pairs = {}
    for (i, j), rel in _overlapping_pairs(atoms.groups, atoms.sigs, atoms.starts, atoms.ends, fam).items():
        pairs[(i, j) if ranks[i] < ranks[j] else (j, i)] = rel if ranks[i] < ranks[j] else rel.reversed()
    same: dict[int, list[int]] = defaultdict(list)
    broader: dict[int, list[int]] = defaultdict(list)
    for i, j in sorted(pairs, key=lambda ij: ranks[ij[0]] * n_rows + ranks[ij[1]]):
        rel = pairs[(i, j)]
        if rel == Relation.SAME:
            same[i].append(j)
            same[j].append(i)
        elif rel == Relation.NAMES_LESS:
            broader[i].append(j)
        elif rel == Relation.NAMES_MORE:
            broader[j].append(i)
    return same, broader


def _spread(atoms: _Atoms, same: dict[int, list[int]], broader: dict[int, list[int]]) -> set[int]:
    """Atoms whose partners lie apart in time (a quarter beside a January and a March event): either could be
    meant, so such an atom stays an event of its own rather than joining one at random or chaining them."""
    starts, ends = atoms.starts, atoms.ends
    partners: dict[int, list[int]] = defaultdict(list)
    for relation in (same, broader):
        for i, js in relation.items():
            for j in js:
                partners[i].append(j)
                partners[j].append(i)
    return {i for i, js in partners.items()
            if max(starts[i], max(map(starts.__getitem__, js))) > min(ends[i], min(map(ends.__getitem__, js)))}


class _Components:
    """Union-find over atoms that keeps each component's running intersection (its core) at its root."""

    def __init__(self, atoms: _Atoms):
        self.parent = list(range(len(atoms.ranks)))
        self.core = list(zip(atoms.starts, atoms.ends))
        self.joined: set[int] = set()  # roots of components of more than one atom

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, ids: list[int]) -> None:
        """Merge the components of `ids` if their cores share a day (so an event's date never falls apart)."""
        roots = sorted({self.find(i) for i in ids})
        if len(roots) < 2:
            return
        core = self.core
        s, e = max(core[r][0] for r in roots), min(core[r][1] for r in roots)
        if s > e:
            return
        for r in roots[1:]:
            self.parent[r] = roots[0]
        core[roots[0]] = (s, e)
        self.joined.add(roots[0])


def _add_protos(atoms: _Atoms, joined: _Components, fam: Family, protos: Protos) -> None:
    """Each component becomes one event in the making, where its first atom is (block order)."""
    parent, find = joined.parent, joined.find
    components: dict[int, list[int]] = defaultdict(list)  # root -> its atoms
    for i in range(len(atoms.ranks)) if joined.joined else ():
        if parent[i] != i or i in joined.joined:
            components[find(i)].append(i)
    for i in range(len(atoms.ranks)):
        if parent[i] == i and i not in joined.joined:  # an atom alone (most)
            protos.add(atoms.groups[i], atoms.sigs[i], atoms.starts[i], atoms.ends[i], atoms.members[i],
                       atoms.ranks[i])
            continue
        parts = components.pop(find(i), None)  # a component, where its first atom is
        if parts is None:
            continue
        s, e = max(map(atoms.starts.__getitem__, parts)), min(map(atoms.ends.__getitem__, parts))
        sig = fam.reduce(sorted({x for k in parts for x in fam.sigs[atoms.sigs[k]]}))
        members = [r for k in parts for r in atoms.members[k]]
        protos.add(atoms.groups[parts[0]], sig, s, e, members, min(map(atoms.ranks.__getitem__, parts)))


def _cluster_in_time(recs: list[int], t: _Table, leftovers: list[int]) -> list:
    """Finest span first; each joins the one cluster whose running intersection it overlaps.
    `recs`: the rows of one run (in rank order). Returns [(core start, core end, member rows (the first made
    the cluster))]."""
    first_day, last_day, types = t.s, t.e, t.type
    recs = sorted(recs, key=lambda r: (last_day[r] - first_day[r], first_day[r], r))  # row order is rank order
    s, e = max(map(first_day.__getitem__, recs)), min(map(last_day.__getitem__, recs))
    if s <= e:  # all share a day: each overlaps the running intersection, which keeps that day: one cluster
        return [(s, e, recs)]
    clusters: list[list] = []  # [core start, core end, members, types]
    buckets: dict[int, list[int]] | None = None  # month -> clusters made over it, once there are many
    wide: list[int] = []

    def file(c: int) -> None:
        r = clusters[c][2][0]  # the cluster's first member: its core never leaves that member's span
        lo, hi = month_of(first_day[r]), month_of(last_day[r])
        if hi - lo > WIDE_MONTHS:
            wide.append(c)
        else:
            for month in range(lo, hi + 1):
                buckets.setdefault(month, []).append(c)

    def near(s: int, e: int):
        """Clusters that may overlap days s..e, each once (in any order: callers count the hits)."""
        if buckets is None:  # few clusters: scanning beats the index
            return range(len(clusters))
        lo, hi = month_of(s), month_of(e)
        if hi - lo > WIDE_MONTHS:
            return range(len(clusters))
        if lo == hi and not wide:
            return buckets.get(lo, ())
        found = set(wide)
        for month in range(lo, hi + 1):
            found.update(buckets.get(month, ()))
        return found

    for r in recs:
        s, e = first_day[r], last_day[r]
        hits = [c for c in near(s, e) if clusters[c][0] <= e and s <= clusters[c][1]]
        if len(hits) == 1:
            c = clusters[hits[0]]
            c[0], c[1] = max(c[0], s), min(c[1], e)
            c[2].append(r)
            c[3].add(types[r])
            continue
        if len(hits) > 1:
            leftovers.append(r)
            continue
        kind = types[r]
        close = [] if e - s >= _NEAR_MISS_WIDTH else [
            c for c in near(s - TOLERANCE_DAYS, e + TOLERANCE_DAYS)
            if kind in clusters[c][3] and clusters[c][1] - clusters[c][0] < _NEAR_MISS_WIDTH
            and max(clusters[c][0] - e, s - clusters[c][1]) <= TOLERANCE_DAYS]
        if len(close) == 1:  # a near miss: joins, keeps the core, becomes a date conflict
            clusters[close[0]][2].append(r)
            continue
        clusters.append([s, e, [r], {kind}])
        if buckets is not None:
            file(len(clusters) - 1)
        elif len(clusters) > 16:
            buckets = {}
            for c in range(len(clusters)):
                file(c)
    return [(c[0], c[1], c[2]) for c in clusters]


def _overlapping_pairs(groups: list[int], sigs: list[int], starts: list[int], ends: list[int],
                       fam: Family) -> dict[tuple[int, int], Relation]:
    """Pairs (i < j) of atoms with different, agreeing subjects in a shared block (group, subject or family)
    whose cores overlap, with their relation (`Family.relation` of atom i's and atom j's subjects)."""
    blocks: dict[int, dict[str, list[int]]] = defaultdict(dict)  # group -> subject or family -> atoms
    lifted, relation = fam.lifted, fam.relation
    for i, (group, sig) in enumerate(zip(groups, sigs)):
        by_subject = blocks[group]
        for key in lifted(sig):
            block = by_subject.get(key)
            if block is None:
                by_subject[key] = [i]
            else:
                block.append(i)
    # Atoms by (core start, core end, index), as one int each.
    lo = min(starts)
    width, n = max(ends) - lo + 1, len(starts)
    order = [((s - lo) * width + e - lo) * n + i for i, (s, e) in enumerate(zip(starts, ends))]
    pairs: dict[tuple[int, int], Relation] = {}
    for by_subject in blocks.values():
        for members in by_subject.values():
            if len(members) < 2:
                continue
            first = sigs[members[0]]
            if all(sigs[i] == first for i in members):
                continue  # one signature: its atoms never overlap (step 2 kept them apart)
            members.sort(key=order.__getitem__)
            active: list[tuple[int, int]] = []  # heap of (core end, atom)
            for i in members:
                s, sig = starts[i], sigs[i]
                while active and active[0][0] < s:
                    heapq.heappop(active)
                for _, j in active:
                    pair = (i, j) if i < j else (j, i)
                    if pair in pairs:
                        continue
                    other = sigs[j]
                    if other != sig:
                        rel = relation(sig, other)
                        if rel:
                            pairs[pair] = rel if i < j else rel.reversed()
                heapq.heappush(active, (ends[i], i))
    return pairs


# ---------------------------------------------------------------------------------------------- events


class _Builder:
    """Events from protos: the fields of each, read from the table's lists (built without re-validating what
    are already valid models), with caches for what repeats across events (subjects, main subjects)."""

    def __init__(self, t: _Table, fam: Family, outlets: Mapping[str, str], kinds: Mapping[str, str],
                 plans: bool = False):
        self.t, self.fam, self.outlets, self.kinds = t, fam, outlets, kinds
        self.plans = plans  # the events are plans: ids end in "-planned", titles say so
        self.unnamed = _unnamed_attributions()
        # Source id -> its own origin: its outlet, or the source itself.
        self.origin_of = [outlets.get(x) or x for x in t.source_names]
        self._lifted_raw: dict[int, frozenset[str]] = {}  # raw-subjects id -> the subjects and their families
        self._subjects: dict[int, tuple[str, ...]] = {}  # raw-subjects id -> its distinct subjects, sorted
        self._main: dict[tuple[int, str], list[str]] = {}  # (raw-subjects id, type) -> main subjects
        self._fixed: dict[tuple, dict[str, tuple]] = {}  # leading kinds -> subject -> `_fixed_key`
        self.bounds: list[int] = []  # per event built: its span's first and last day ordinals, as one int
        self._periods: dict[int, str] = {}  # those days -> the period of an id
        self._titles: dict[tuple, str] = {}  # (type, considered, *main subjects) -> title

    def events(self, protos: Protos, first_generic: int) -> list[Event]:
        """The events of `protos` (those from `first_generic` on are of reports and statements)."""
        fields = []
        single, build = self._single, self._build
        rank, group, attached_of = protos.rank, protos.group, protos.attached
        # In proto order, which is block order: an event's members and the next event's are neighbours.
        for p, members in enumerate(protos.members):
            attached = attached_of.get(p)
            if attached is None and len(members) == 1:
                fields.append(single(members[0]))
            else:
                fields.append(build(group[p], members + attached if attached else members))
        if self.plans:
            for f in fields:
                f["id"] += "-planned"
                f["modality"] = "planned"
        # Ids are made unique in the order of the merges and, within each, of the events' ranks.
        order = sorted(range(first_generic), key=rank.__getitem__)
        order += sorted(range(first_generic, len(protos)), key=rank.__getitem__)
        make_ids_unique(_take(fields, order), _take([f["id"] for f in fields], order))
        # By date (the span's day ordinals, as one int), then id. Lists are read in the order they were made.
        keys = [(when, f["id"]) for when, f in zip(self.bounds, fields)]
        events = [constructed(Event, f) for f in fields]
        return _take(events, sorted(range(len(events)), key=keys.__getitem__))

    def _period(self, when: TimeSpan) -> str:
        """`id_period` of the span just built (`bounds[-1]`: its day ordinals), memoised by those days."""
        key = self.bounds[-1]
        period = self._periods.get(key)
        if period is None:
            period = self._periods[key] = id_period(when)
        return period

    def _title(self, event_type: str, main: list[str], considered: bool, mentions: Sequence[Mention] = ()) -> str:
        what = _what(mentions) if event_type in UNTYPED_TYPES else None
        key = (event_type, considered, what, *main)
        found = self._titles.get(key)
        if found is None:
            found = self._titles[key] = title(event_type, main, self.kinds, considered, planned=self.plans, what=what)
        return found

    def _subjects_of(self, raw: int) -> tuple[str, ...]:
        subjects = self._subjects.get(raw)
        if subjects is None:
            subjects = self._subjects[raw] = tuple(sorted(set(self.t.raws[raw])))
        return subjects

    def _build(self, group: int, rows: list[int]) -> dict:
        """The fields of one Event of several mentions (rows), column by column (`itemgetter` takes a column's
        values of the rows without a Python-level loop)."""
        t = self.t
        take = itemgetter(*sorted(rows, key=t.rank.__getitem__))  # at least two rows: `take` gives tuples
        mentions = list(itemgetter(*take(t.index))(t.mentions))
        conflicts: list[Conflict] = []
        when = self._when(take, mentions, conflicts)
        names = t.source_names
        srcs = take(t.source)
        ids = sorted(set(srcs))
        sources = _take(names, ids)
        mods = take(t.modality)
        if mods.count("happened") == len(mods):
            considered, happened = [], sources
        else:
            considered = _take(names, sorted({x for x, mod in zip(srcs, mods) if mod == "considered"}))
            happened = _take(names, sorted({x for x, mod in zip(srcs, mods) if mod == "happened"}))
            if considered and happened:
                conflicts.append(Conflict(
                    field="modality",
                    detail=f"considered according to {', '.join(considered)}; happened according to "
                           f"{', '.join(happened)}"))
        event_type = self._event_type(group, take)
        raws = take(t.raw)
        distinct = set(raws)
        if len(distinct) == 1:
            raw_counts = {raws[0]: len(raws)}
            subjects = list(self._subjects_of(raws[0]))
        else:
            raw_counts = {x: raws.count(x) for x in distinct}
            subjects = sorted(set().union(*map(t.raws.__getitem__, distinct)))
        candidates = subjects
        groups = take(t.group)
        if groups.count(group) != len(groups):  # sayings joined a happening: its own mentions say whom it is about
            own = [x for x, g in zip(raws, groups) if g == group and t.raws[x]]
            if own:
                raw_counts = {x: own.count(x) for x in set(own)}
                candidates = sorted(set().union(*map(t.raws.__getitem__, raw_counts)))
        main = self._main_subjects(raw_counts, candidates, event_type)
        only_considered = bool(considered) and not happened
        origins = self._origins(srcs, ids, take(t.attributed))
        return self._fields(when, event_type, main, only_considered, subjects=subjects, sources=sources,
                            mentions=mentions, conflicts=conflicts, origins=origins)

    def _fields(self, when: TimeSpan, event_type: str, main: list[str], considered: bool, *, subjects: list[str],
                sources: list[str], mentions: list[Mention], conflicts: list[Conflict], origins: list[str]) -> dict:
        """An Event's fields, in the order the model declares them (see `constructed`): the id and title from the
        date, type and main subjects, and the rest as given."""
        return dict(
            id=event_id(self._period(when), main, event_type, considered),
            type=event_type,
            title=self._title(event_type, main, considered, mentions),
            subjects=subjects,
            when=when,
            sources=sources,
            mentions=mentions,
            conflicts=conflicts,
            origins=origins,
            modality="happened",
        )

    def _when(self, take: itemgetter, mentions: list[Mention], conflicts: list[Conflict]) -> TimeSpan:
        """The tightest span all dated mentions allow; where they allow none, the span covering them and a
        conflict naming what each source says. Records the span's days in `bounds`."""
        t = self.t
        starts, ends = take(t.s), take(t.e)
        whens = take(t.when)
        if 0 in starts:  # undated mentions (ordinal 0) do not bound the span
            dated = [i for i, x in enumerate(starts) if x]
            s, e = max(starts[i] for i in dated), min(ends[i] for i in dated)
        else:
            dated = range(len(starts))
            s, e = max(starts), min(ends)
        if s <= e:
            if starts.count(s) == len(starts) and ends.count(e) == len(ends):
                exact = list(whens)
            else:
                exact = [whens[i] for i in dated if starts[i] == s and ends[i] == e]
            when = _named_span(exact, s, e)
        else:
            spans = sorted({whens[i] for i in dated}, key=lambda w: (w.start, w.end, w.edtf))
            when = cover(spans)
            if when.precision != "interval":
                when = interval(when.start, when.end, when.edtf)
            said = sorted({(m.when.start, m.when.end, m.source, m.time_text or m.when.edtf, m.when.edtf)
                           for m in (mentions[i] for i in dated)})
            detail = "; ".join(f"{src} says {text!r} ({edtf})" for _, _, src, text, edtf in said)
            conflicts.append(Conflict(field="when", detail=f"the sources disagree on the date: {detail}"))
            s, e = when.start.toordinal(), when.end.toordinal()
        self.bounds.append(s << _DAY_BITS | e)
        return when

    def _event_type(self, group: int, take: itemgetter) -> str:
        """The type most of the event's mentions of its group give (ties: the registry's order)."""
        t = self.t
        groups, types = take(t.group), take(t.type)
        starts = take(t.s)
        if 0 in starts:  # what an event is, its dated mentions say (undated ones have day ordinal 0)
            dated = [i for i, x in enumerate(starts) if x]
            groups, types = [groups[i] for i in dated], [types[i] for i in dated]
        if groups.count(group) != len(groups):
            types = [x for x, g in zip(types, groups) if g == group]
        if not types:
            name = t.group_names[group]
            return name if name in _TYPE_RANK else "other"
        distinct = set(types)
        if len(distinct) == 1:
            return types[0]
        counts = {x: types.count(x) for x in distinct}
        return min(counts, key=lambda x: (-counts[x], _TYPE_RANK[x]))

    def _origins(self, srcs: tuple[int, ...], ids: list[int], attributions: tuple[str | None, ...]) -> list[str]:
        """Outlets named as the source; a source that names one (or relays unnamed reports beside a named
        origin) adds none of its own; a source that attributes nothing is an origin itself."""
        origin_of = self.origin_of
        if not any(attributions):
            return sorted(set(_take(origin_of, ids)))
        named: set[str] = set()
        citing: set[int] = set()
        unnamed_sources: set[int] = set()
        for x, att in zip(srcs, attributions):
            if att:
                if att in self.unnamed:
                    unnamed_sources.add(x)
                else:
                    named.add(att)
                    citing.add(x)
        own = {origin_of[i] for i in ids if not (i in citing or (named and i in unnamed_sources))}
        return sorted(named | own)

    def _single(self, r: int) -> dict:
        """`_build` of an event of one dated mention (most events at scale): its span, type and origin are the
        mention's own, and it has no conflicts."""
        t = self.t
        m = t.mentions[t.index[r]]
        when, event_type, raw = t.when[r], t.type[r], t.raw[r]
        self.bounds.append(t.s[r] << _DAY_BITS | t.e[r])
        subjects = list(self._subjects_of(raw))
        main = list(subjects) if len(subjects) < 2 else self._main_subjects({raw: 1}, subjects, event_type)
        considered = t.modality[r] == "considered"
        a = t.attributed[r]
        source = t.source_names[t.source[r]]
        origins = [a] if a and a not in self.unnamed else [self.origin_of[t.source[r]]]
        return self._fields(when, event_type, main, considered, subjects=subjects, sources=[source], mentions=[m],
                            conflicts=[], origins=origins)

    def _main_subjects(self, raw_counts: dict[int, int], subjects: list[str], event_type: str) -> list[str]:
        """Up to two subjects most mentions are about (a family counts for its members), the most specific
        first: the deepest subject in at least three quarters as many mentions as the most named one.
        `raw_counts`: raw-subjects id -> how many of the mentions name exactly those.

        The second must be unrelated to the first and named in at least half as many mentions.
        """
        if len(subjects) < 2:
            return list(subjects)
        if len(raw_counts) == 1:  # every subject scores alike, whatever the count: one answer per raw subjects
            key = (next(iter(raw_counts)), event_type)
            main = self._main.get(key)
            if main is None:
                main = self._main[key] = self._rank_subjects(raw_counts, subjects, event_type)
            return list(main)
        return self._rank_subjects(raw_counts, subjects, event_type)

    def _rank_subjects(self, raw_counts: dict[int, int], subjects: list[str], event_type: str) -> list[str]:
        score: dict[str, int] = {}
        for raw, n in raw_counts.items():
            for key in self._lifted(raw):
                score[key] = score.get(key, 0) + n
        entry = registry()[event_type]
        wanted = (entry.about, entry.then_about)  # with subject kinds known, the kinds that lead such an event
        fixed = self._fixed.get(wanted)
        if fixed is None:
            fixed = self._fixed[wanted] = {}
        top = max(map(score.__getitem__, subjects))
        best = None
        for s in subjects:
            f = fixed.get(s)
            if f is None:
                f = fixed[s] = self._fixed_key(s, wanted)
            n = score[s]
            key = (f[0], 4 * n < 3 * top, f[1], -n, f[2], s)
            if best is None or key < best:
                best = key
        first = best[-1]
        least, related = score[first], self.fam.related
        others = [s for s in subjects if 2 * score[s] >= least and not related(s, first)]
        if not others:
            return [first]
        return [first, min(others, key=lambda s: (-score[s], fixed[s][2], s))]

    def _fixed_key(self, subject: str, wanted: tuple[str | None, str | None]) -> tuple:
        """The parts of a subject's rank that do not depend on the event: how well its kind fits the kind that
        leads such events, its depth (negated: deepest first), the rank of its kind."""
        kinds = self.kinds
        return (_kind_fit(kinds.get(subject), wanted) if kinds else 0, -self.fam.depth(subject),
                KIND_RANK.get(kinds.get(subject, ""), 5))

    def _lifted(self, raw: int) -> frozenset[str]:
        keys = self._lifted_raw.get(raw)
        if keys is None:
            subjects = self.t.raws[raw]
            keys = self._lifted_raw[raw] = frozenset(subjects).union(*map(self.fam.ancestors, subjects))
        return keys


_DAY_BITS = 22  # day ordinals (up to 31 Dec 9999: 3,652,059) fit in 22 bits


def _kind_fit(kind: str | None, wanted: tuple[str | None, str | None]) -> int:
    """0: the subject is of the kind that leads the event (a person for a departure); 1: its kind is unknown (a
    name found in the text may be that person); 2: it is of the kind that leads where none is of the first (the
    organisation left); 3: it is known to be of another kind (a product)."""
    first, then = wanted
    if first is None:
        return 1
    if kind == first:
        return 0
    if kind is None:
        return 1
    return 2 if kind == then else 3


def _take(values: Sequence, ids: list[int]) -> list:
    """[values[i] for i in ids], without a Python-level loop."""
    if len(ids) == 1:
        return [values[ids[0]]]
    return list(itemgetter(*ids)(values)) if ids else []


def _named_span(exact: list[TimeSpan], s: int, e: int) -> TimeSpan:
    """The intersection [s, e], as the finest of the mention spans with exactly those bounds (`exact`) where
    there is one."""
    if exact:
        first = exact[0]
        if exact.count(first) == len(exact):  # one span (by identity first: no field comparisons)
            return first
        return min(exact, key=lambda w: (_PRECISION_RANK.get(w.precision, 9), w.edtf))
    a, b = date.fromordinal(s), date.fromordinal(e)
    return TimeSpan.model_construct(
        **{"edtf": f"{a.isoformat()}/{b.isoformat()}", "start": a, "end": b, "precision": "interval"}
    )


@cache
def _unnamed_attributions() -> frozenset[str]:
    """The constants the extractor gives unnamed reports ("reportedly"): not an origin of their own."""
    from .. import lang

    found = set()
    for code in lang.languages():
        value = lang.load(code, "events").get("unnamed_attribution")
        if value:
            found.add(value)
    return frozenset(found)
