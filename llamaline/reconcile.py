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
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from operator import attrgetter, itemgetter

from .ids import KIND_RANK, base_id, find_events, make_ids_unique, title
from .models import EVENT_TYPES, Conflict, Event, Mention, TimeSpan
from .timespan import cover, interval

__all__ = ["reconcile", "find_events", "group_of", "TYPE_GROUPS"]

# Types that describe one happening from different sides; every other type is a group of its own.
TYPE_GROUPS: dict[str, str] = {"announcement": "launch", "release": "launch"}
# Types that say someone said something, and may be the saying of a specific happening.
GENERIC_TYPES = frozenset({"report", "statement"})
# Modalities that are not the happening itself: claims about it (issue 6), not events.
NOT_HAPPENED = frozenset({"planned", "expected", "denied"})
# Spans of one type this many days apart still merge (day-level reporting noise), as a date conflict.
TOLERANCE_DAYS = 3
# ... between spans of at most a week ("5 April" and "7 April"; not "April" and "May").
_NEAR_MISS_WIDTH = 7
# Spans wider than this many months are not indexed by month but scanned.
_WIDE_MONTHS = 36
_PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "quarter": 3, "interval": 4, "year": 5}
_TYPE_RANK = {t: i for i, t in enumerate(EVENT_TYPES)}
# Subject kinds in the order they lead an id or a title.


def group_of(event_type: str) -> str:
    return TYPE_GROUPS.get(event_type, event_type)


# A working record of one mention: (rank, mention, group, subject signature, start ordinal, end ordinal).
# (and the running month numbers of start and end, and the mention's type; undated: ordinals 0).
_RANK, _M, _GROUP, _SIG, _S, _E, _MS, _ME, _TYPE = range(9)


def reconcile(
    mentions: Sequence[Mention],
    *,
    families: Mapping[str, str] | None = None,
    outlets: Mapping[str, str] | None = None,
    kinds: Mapping[str, str] | None = None,
) -> tuple[list[Event], list[Mention]]:
    """(events sorted by date, leftover mentions sorted by source and offset).

    `families` maps a subject to the family it belongs to (a model to its model line), `outlets` a source id
    to its outlet's name (for origins), `kinds` a subject to its kind (person, organisation, ...; for titles).
    """
    fam = _Family(families or {})
    # Records are made in input order (memory order: much faster at a million mentions), then ranked.
    recs = []
    reduce = fam.reduce
    # The content order's head (source, start, end, type) as one int (its order is the tuples' order):
    # a million int comparisons cost a fraction of a million tuple comparisons.
    source_rank = {x: i for i, x in enumerate(sorted(set(map(attrgetter("source"), mentions))))}
    type_rank = {x: i for i, x in enumerate(sorted(set(map(attrgetter("type"), mentions))))}
    if mentions:
        lo_start, hi_start = min(map(attrgetter("start"), mentions)), max(map(attrgetter("start"), mentions))
        lo_end, hi_end = min(map(attrgetter("end"), mentions)), max(map(attrgetter("end"), mentions))
    else:
        lo_start = hi_start = lo_end = hi_end = 0
    n_end, n_type = hi_end - lo_end + 1, len(type_rank)
    n_start_end_type = (hi_start - lo_start + 1) * n_end * n_type
    for m in mentions:
        w, sig, t = m.when, reduce(m.subjects), m.type
        head = source_rank[m.source] * n_start_end_type + ((m.start - lo_start) * n_end + m.end - lo_end) * n_type \
            + type_rank[t]
        if m.modality in NOT_HAPPENED:
            kind = 0
        elif w is None:
            kind = 1
        else:
            kind = 2 if not sig else 3 if t in GENERIC_TYPES else 4
        if w is not None:
            a, b = w.start, w.end
            recs.append((head, m, TYPE_GROUPS.get(t, t), sig,
                         a.toordinal(), b.toordinal(), a.year * 12 + a.month - 1, b.year * 12 + b.month - 1, t, kind))
        else:
            recs.append((head, m, TYPE_GROUPS.get(t, t), sig, 0, 0, 0, 0, t, kind))
    # plans | undated | dated without subjects | reports and statements | specific happenings
    leftovers, undated, loose, generic, specific = [], [], [], [], []
    bins = (leftovers, undated, loose, generic, specific)
    for rank, r in enumerate(_content_order(recs)):
        bins[r[9]].append((rank, *r[1:9]))

    protos = _merge(specific, fam, leftovers)
    # Reports and statements of a specific happening join it; the others become events of their own.
    index = _Index(fam)
    index.add(protos)
    own = []
    memo: dict[tuple, list[_Proto]] = {}  # the index does not change within a loop: same question, same answer
    for rec in generic:
        key = (rec[_SIG], rec[_S], rec[_E])
        hits = memo.get(key)
        if hits is None:
            hits = memo[key] = index.match(rec[_SIG], None, rec[_S], rec[_E])
        (hits[0].attached.append(rec) if len(hits) == 1 else own.append(rec))
    generic_protos = _merge(own, fam, leftovers)
    protos += generic_protos
    index.add(generic_protos)

    all_groups = sorted({p.group for p in protos})
    all_set = set(all_groups)
    memo = {}
    # The undated questions about one signature, asked together: they share which signatures agree with it.
    questions: dict[tuple, dict[tuple, list[str]]] = {}
    for rec in undated:
        generic_type = rec[_TYPE] in GENERIC_TYPES
        key = (rec[_SIG], None if generic_type else rec[_GROUP], 0, 0, False)
        questions.setdefault(rec[_SIG], {})[key] = all_groups if generic_type else [rec[_GROUP]]
    for sig, asked in questions.items():
        agreement: dict[int, bool] = {}
        for key, groups in asked.items():
            memo[key] = index.match(sig, groups, agreement=agreement)
    for rec in loose + undated:  # without subjects or without a date: must point at exactly one event
        generic_type = rec[_TYPE] in GENERIC_TYPES
        dated = rec[_S] != 0
        key = (rec[_SIG], None if generic_type else rec[_GROUP], rec[_S], rec[_E], dated)
        hits = memo.get(key)
        if hits is None:
            if not dated:
                hits = index.match(rec[_SIG], all_groups if generic_type else [rec[_GROUP]])
            else:
                hits = index.match(rec[_SIG], all_set if generic_type else {rec[_GROUP]}, rec[_S], rec[_E])
            memo[key] = hits
        (hits[0].attached.append(rec) if len(hits) == 1 else leftovers.append(rec))

    fields = [_build(p, fam, outlets or {}, kinds or {}) for p in protos]
    make_ids_unique(fields)
    events = [_construct(Event, f) for f in fields]
    events.sort(key=lambda e: (e.when.start, e.when.end, e.id))
    leftovers.sort(key=lambda r: r[_RANK])
    return events, [r[_M] for r in leftovers]


def _content_order(recs: list[tuple]) -> list[tuple]:
    """Records (whose first item stands for (source, start, end, type)) by that head, ties broken by the mentions'
    whole content."""
    head = itemgetter(0)
    recs.sort(key=head)
    keys = list(map(head, recs))
    ties = [i for i, (a, b) in enumerate(zip(keys, keys[1:])) if a == b]  # usually few: no per-record slices
    n, done = len(recs), -1
    for i in ties:
        if i <= done:
            continue
        j = i + 1
        while j < n and keys[j] == keys[i]:
            j += 1
        recs[i:j] = sorted(recs[i:j], key=lambda r: _mention_key(r[1]))
        done = j - 1
    return recs


def _mention_key(m: Mention) -> tuple:
    w = m.when
    return (m.source, m.start, m.end, m.type, m.modality, m.subjects,
            (w.start, w.end, w.edtf, w.precision) if w is not None else (), m.time_text or "",
            m.attributed_to or "", m.trigger or "", m.quote)


# ---------------------------------------------------------------------------------------------- subjects


class _Family:
    """Families of subjects (child -> parent) and the subject agreement rule, with caches."""

    def __init__(self, parents: Mapping[str, str]):
        self.parents = dict(parents)
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._reduced: dict[tuple, tuple[str, ...]] = {}
        self._canon: dict[tuple, tuple[str, ...]] = {}
        self._lifted: dict[int, frozenset[str]] = {}
        self._lifted_raw: dict[tuple, frozenset[str]] = {}

    def ancestors(self, subject: str) -> tuple[str, ...]:
        chain = self._ancestors.get(subject)
        if chain is None:
            found, seen, parent = [], {subject}, self.parents.get(subject)
            while parent is not None and parent not in seen:
                found.append(parent)
                seen.add(parent)
                parent = self.parents.get(parent)
            chain = self._ancestors[subject] = tuple(found)
        return chain

    def reduce(self, subjects: Sequence[str]) -> tuple[str, ...]:
        """The subjects, sorted, without a family named beside exactly one of its members.

        "Ultra, the largest Falke 2 model" is about Ultra: the family only qualifies it. A family
        named beside several of its members ("the Falke 2 line, Mini and Pro") or alone stands for itself.
        """
        key = tuple(subjects)
        sig = self._reduced.get(key)
        if sig is None:
            names = set(subjects)
            members: dict[str, int] = defaultdict(int)
            for o in names:
                for a in self.ancestors(o):
                    if a in names and o not in self.ancestors(a):
                        members[a] += 1
            sig = tuple(sorted(s for s in names if members.get(s, 0) != 1))
            sig = self._reduced[key] = self._canon.setdefault(sig, sig)
        return sig

    def raw(self, subjects: list[str]) -> tuple[str, ...]:
        """A mention's own subjects as one canonical tuple (no family dropped), for scoring."""
        key = tuple(subjects)
        return self._canon.setdefault(key, key)

    def lifted(self, sig: tuple[str, ...]) -> frozenset[str]:
        """The subjects and all their families: the blocking keys of a signature."""
        keys = self._lifted.get(id(sig))
        if keys is None:
            sig = self._canon.setdefault(sig, sig)  # keeps the tuple (and so its id) alive
            keys = self._lifted[id(sig)] = frozenset(sig).union(*(self.ancestors(s) for s in sig))
        return keys

    def lifted_raw(self, subjects: list[str]) -> frozenset[str]:
        """`lifted(raw(subjects))`, in one look-up."""
        key = tuple(subjects)
        keys = self._lifted_raw.get(key)
        if keys is None:
            keys = self._lifted_raw[key] = self.lifted(self.raw(subjects))
        return keys

    def related(self, a: str, b: str) -> bool:
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def covers(self, x: tuple[str, ...], y: tuple[str, ...]) -> bool:
        """Every subject of x is one of y's, its family, or a member of its family."""
        anc = self.ancestors
        if len(y) == 1:
            b = y[0]
            up = anc(b)
            for a in x:
                if not (a == b or a in up or b in anc(a)):
                    return False
            return True
        up = self.lifted(y)  # y's subjects and their families
        ys = None
        for a in x:
            if a not in up:
                if ys is None:
                    ys = set(y)
                if ys.isdisjoint(anc(a)):
                    return False
        return True

    def relation(self, x: tuple[str, ...], y: tuple[str, ...]) -> int:
        """0: disagree; 3: agree both ways; 1: x names strictly less than y; 2: y names strictly less than x.

        Not memoised: at scale almost every pair is new, and a memo costs more memory than it saves time.
        """
        if x is y or x == y:
            return 3
        if not x or not y:
            return 0
        return (1 if self.covers(x, y) else 0) | (2 if self.covers(y, x) else 0)

    def agrees(self, x: tuple[str, ...], y: tuple[str, ...]) -> bool:
        """`relation(x, y) != 0`, with one `covers` where it suffices."""
        if x is y or x == y:
            return True
        if not x or not y:
            return False
        return self.covers(x, y) or self.covers(y, x)

    def depth(self, subject: str) -> int:
        return len(self.ancestors(subject))


class _Proto:
    """An event in the making: atoms (clusters of mentions) plus mentions attached to it."""

    __slots__ = ("group", "sig", "s", "e", "members", "attached", "rank")

    def __init__(self, group: str, sig: tuple, s: int, e: int, members: list, rank: int):
        self.group, self.sig, self.s, self.e, self.members, self.rank = group, sig, s, e, members, rank
        self.attached: list = []

    def overlaps(self, s: int, e: int) -> bool:
        return self.s <= e and s <= self.e


class _Index:
    """Events filed by subject key and by type group or month, to tell whether 0, 1 or more match a mention.

    An event is filed under "~k" for each of its subjects and their families, "=k" for each of its subjects,
    and "*". A mention about subjects A probes "~a" and "=family of a" for each a in A: every event whose
    subjects agree with A is filed under one of them, and no probe touches a whole family's events.
    """

    def __init__(self, fam: _Family):
        self.fam = fam
        # (group, key) -> signature -> its events: an undated look-up weighs each signature once, however
        # many events share it (blocks grow denser with the corpus; their distinct signatures much less).
        self.by_group: dict[tuple, dict[tuple, list[_Proto]]] = defaultdict(dict)
        self.by_month: dict[str, dict[int, list[_Proto]]] = defaultdict(dict)  # key -> month -> events
        self.wide: dict[str, list[_Proto]] = defaultdict(list)

    def add(self, protos: list[_Proto]) -> None:
        by_group, by_month, wide, lifted = self.by_group, self.by_month, self.wide, self.fam.lifted
        keys_of: dict[tuple, tuple] = {}  # signature -> (its keys, its (group, key) blocks)
        for p in protos:
            sig, group = p.sig, p.group
            cached = keys_of.get((group, sig))
            if cached is None:
                keys = ("*", *("~" + k for k in lifted(sig)), *("=" + k for k in sig))
                cached = keys_of[(group, sig)] = (keys, [by_group[(group, k)] for k in keys],
                                                  [by_month[k] for k in keys])
            keys, blocks, month_blocks = cached
            for by_sig in blocks:
                same = by_sig.get(sig)
                if same is None:
                    by_sig[sig] = [p]
                else:
                    same.append(p)
            lo, hi = _month(p.s), _month(p.e)
            if hi - lo > _WIDE_MONTHS:
                for k in keys:
                    wide[k].append(p)
            else:
                for by_m in month_blocks:
                    for month in range(lo, hi + 1):
                        ps = by_m.get(month)
                        if ps is None:
                            by_m[month] = [p]
                        else:
                            ps.append(p)

    def match(self, sig: tuple, groups, s: int | None = None, e: int | None = None,
              agreement: dict[int, bool] | None = None) -> list[_Proto]:
        """Events of `groups` (None: any) whose subjects agree with `sig` (any if empty) and whose span
        overlaps [s, e] (if given); stops at two, which is already ambiguous."""
        if sig:
            probes = sorted({"~" + a for a in sig} | {"=" + f for a in sig for f in self.fam.ancestors(a)})
        else:
            probes = ["*"]
        if s is None:
            return self._match_undated(sig, groups, probes, {} if agreement is None else agreement)
        else:
            lo, hi = _month(s), _month(e)
            if hi - lo > _WIDE_MONTHS:
                every = sorted({g for g, _ in self.by_group})
                lists = [p for g in every for k in probes for ps in self.by_group.get((g, k), {}).values()
                         for p in ps]
                lists = [lists]
            else:
                lists = [by_m.get(m, ()) for by_m in map(self.by_month.get, probes) if by_m
                         for m in range(lo, hi + 1)]
                lists += [self.wide.get(k, ()) for k in probes]
        found: dict[int, _Proto] = {}
        rejected: set[int] = set()
        for candidates in lists:
            for p in candidates:
                key = id(p)
                if key in found or key in rejected:
                    continue
                if ((groups is not None and s is not None and p.group not in groups)
                        or (s is not None and not p.overlaps(s, e))
                        or (sig and not self.fam.agrees(sig, p.sig))):
                    rejected.add(key)
                    continue
                found[key] = p
                if len(found) > 1:
                    return list(found.values())
        return list(found.values())

    def _match_undated(self, sig: tuple, groups, probes: list[str], agreement: dict[int, bool]) -> list[_Proto]:
        """`match` without a span: signature by signature (the answer only tells 0, 1 or more apart).
        `agreement`: id(signature) -> whether it agrees with `sig` (shared by the questions about `sig`)."""
        agrees = self.fam.agrees
        by_group = self.by_group
        found: dict[int, _Proto] = {}
        for g in groups:
            seen: set[int] = set()
            for k in probes:
                block = by_group.get((g, k))
                if not block:
                    continue
                for other, ps in block.items():
                    key = id(other)
                    if key in seen:
                        continue
                    seen.add(key)
                    if sig:
                        ok = agreement.get(key)
                        if ok is None:
                            ok = agreement[key] = agrees(sig, other)
                        if not ok:
                            continue
                    for p in ps:
                        found[id(p)] = p
                    if len(found) > 1:
                        return list(found.values())
        return list(found.values())


# ---------------------------------------------------------------------------------------------- merging


def _merge(recs: list[tuple], fam: _Family, leftovers: list) -> list[_Proto]:
    """Dated records with subjects -> events in the making (steps 2 and 3 of the module doc)."""
    by_sig: dict[tuple, list[tuple]] = defaultdict(list)
    for rec in recs:
        by_sig[(rec[_GROUP], rec[_SIG])].append(rec)
    atoms: list[_Proto] = []
    for (group, sig), members in by_sig.items():
        for cluster in _cluster_in_time(members, leftovers):
            atoms.append(_Proto(group, sig, cluster[0], cluster[1], cluster[2], cluster[2][0][_RANK]))
    atoms.sort(key=lambda a: a.rank)

    parent = list(range(len(atoms)))
    core = [(a.s, a.e) for a in atoms]  # running intersection of each component (at its root)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(ids: list[int]) -> None:
        """Merge the components of `ids` if their cores share a day (so an event's date never falls apart)."""
        roots = sorted({find(i) for i in ids})
        if len(roots) < 2:
            return
        s, e = max(core[r][0] for r in roots), min(core[r][1] for r in roots)
        if s > e:
            return
        for r in roots[1:]:
            parent[r] = roots[0]
        core[roots[0]] = (s, e)
        joined.add(roots[0])

    joined: set[int] = set()  # roots of components of more than one atom
    same: dict[int, list[int]] = defaultdict(list)
    broader: dict[int, list[int]] = defaultdict(list)
    pairs = _overlapping_pairs(atoms, fam)
    for i, j in sorted(pairs):
        rel = pairs[(i, j)]
        if rel == 3:
            same[i].append(j)
            same[j].append(i)
        elif rel == 1:
            broader[i].append(j)
        elif rel == 2:
            broader[j].append(i)
    # An atom whose partners lie apart in time (a quarter beside a January and a March event) could be
    # either: it stays an event of its own rather than joining one at random or chaining them together.
    partners: dict[int, list[int]] = defaultdict(list)
    for group_ in (same, broader):
        for i, js in group_.items():
            for j in js:
                partners[i].append(j)
                partners[j].append(i)
    starts, ends = [a.s for a in atoms], [a.e for a in atoms]
    spread = {i for i, js in partners.items()
              if max(starts[i], max(map(starts.__getitem__, js))) > min(ends[i], min(map(ends.__getitem__, js)))}
    # Subjects that agree both ways merge, finest atoms first (atoms are in rank order: index k for its rank).
    for i in sorted(same, key=lambda k: (ends[k] - starts[k], k)):
        if i not in spread:
            for j in same[i]:
                if j not in spread:
                    join([i, j])
    # A narrower atom joins the broader ones it agrees with when they can all be one happening; broadest first.
    for i in sorted(broader, key=lambda k: (-len(atoms[k].sig), k)):
        if i not in spread:
            join([i, *(j for j in broader[i] if j not in spread)])

    components: dict[int, list[_Proto]] = defaultdict(list)
    protos = []
    for i, atom in enumerate(atoms):
        if parent[i] == i and i not in joined:
            protos.append(atom)  # an atom alone (most): no component to collect
        else:
            components[find(i)].append(atom)
    for parts in components.values():
        s, e = max(p.s for p in parts), min(p.e for p in parts)
        sig = fam.reduce(sorted({x for p in parts for x in p.sig}))
        members = [r for p in parts for r in p.members]
        protos.append(_Proto(parts[0].group, sig, s, e, members, min(p.rank for p in parts)))
    protos.sort(key=lambda p: p.rank)
    return protos


_MONTHS: dict[int, int] = {}


def _month(ordinal: int) -> int:
    """A running month number of a day ordinal (memoised: few distinct days recur)."""
    m = _MONTHS.get(ordinal)
    if m is None:
        d = date.fromordinal(ordinal)
        m = _MONTHS[ordinal] = d.year * 12 + d.month - 1
    return m


def _cluster_in_time(recs: list[tuple], leftovers: list) -> list[list]:
    """Finest span first; each joins the one cluster whose running intersection it overlaps."""
    if len(recs) == 1:
        r = recs[0]
        return [[r[_S], r[_E], [r], {r[_TYPE]}]]
    recs = sorted(recs, key=lambda r: (r[_E] - r[_S], r[_S], r[_RANK]))
    clusters: list[list] = []  # [core start, core end, members, types]
    buckets: dict[int, list[int]] = defaultdict(list)
    wide: list[int] = []

    def near(lo: int, hi: int):
        """Clusters that may overlap months lo..hi, each once (in any order: callers count the hits)."""
        if len(clusters) <= 16 or hi - lo > _WIDE_MONTHS:  # few clusters: scanning beats the index
            return range(len(clusters))
        if lo == hi and not wide:
            return buckets.get(lo, ())
        found = set(wide)
        for month in range(lo, hi + 1):
            found.update(buckets.get(month, ()))
        return found

    for rec in recs:
        s, e = rec[_S], rec[_E]
        hits = [c for c in near(rec[_MS], rec[_ME]) if clusters[c][0] <= e and s <= clusters[c][1]]
        if len(hits) == 1:
            c = clusters[hits[0]]
            c[0], c[1] = max(c[0], s), min(c[1], e)
            c[2].append(rec)
            c[3].add(rec[_TYPE])
            continue
        if len(hits) > 1:
            leftovers.append(rec)
            continue
        kind = rec[_TYPE]
        close = [] if e - s >= _NEAR_MISS_WIDTH else [
            c for c in near(_month(s - TOLERANCE_DAYS), _month(e + TOLERANCE_DAYS))
            if kind in clusters[c][3] and clusters[c][1] - clusters[c][0] < _NEAR_MISS_WIDTH
            and max(clusters[c][0] - e, s - clusters[c][1]) <= TOLERANCE_DAYS]
        if len(close) == 1:  # a near miss: joins, keeps the core, becomes a date conflict
            clusters[close[0]][2].append(rec)
            continue
        clusters.append([s, e, [rec], {kind}])
        lo, hi = rec[_MS], rec[_ME]
        if hi - lo > _WIDE_MONTHS:
            wide.append(len(clusters) - 1)
        else:
            for month in range(lo, hi + 1):
                buckets[month].append(len(clusters) - 1)
    return clusters


def _overlapping_pairs(atoms: list[_Proto], fam: _Family) -> dict[tuple[int, int], int]:
    """Pairs (i < j) of atoms with different, agreeing subjects in a shared block (group, subject or family)
    whose cores overlap, with their relation (`_Family.relation` of atom i's and atom j's subjects)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    lifted, relation = fam.lifted, fam.relation
    for i, atom in enumerate(atoms):
        group = atom.group
        for key in lifted(atom.sig):
            blocks[(group, key)].append(i)
    pairs: dict[tuple[int, int], int] = {}
    for members in blocks.values():
        if len(members) < 2:
            continue
        first = atoms[members[0]].sig
        if all(atoms[i].sig == first for i in members):
            continue  # one signature: its atoms never overlap (step 2 kept them apart)
        members.sort(key=lambda i: (atoms[i].s, atoms[i].e, i))
        active: list[tuple[int, int]] = []  # heap of (core end, atom)
        for i in members:
            a = atoms[i]
            while active and active[0][0] < a.s:
                heapq.heappop(active)
            for _, j in active:
                pair = (i, j) if i < j else (j, i)
                if pair in pairs:
                    continue
                other = atoms[j].sig
                if other != a.sig:
                    rel = relation(a.sig, other)
                    if rel:
                        pairs[pair] = rel if i < j else (rel & 1) << 1 | (rel & 2) >> 1
            heapq.heappush(active, (a.e, i))
    return pairs


# ---------------------------------------------------------------------------------------------- events


def _build(p: _Proto, fam: _Family, outlets: Mapping[str, str], kinds: Mapping[str, str]) -> dict:
    """The fields of one Event (built without re-validating what are already valid models)."""
    if len(p.members) == 1 and not p.attached:
        return _build_single(p.members[0][_M], fam, outlets, kinds)
    recs = p.members + p.attached
    recs.sort()  # by rank (first and unique)
    mentions = [r[_M] for r in recs]
    dated = [r for r in recs if r[_S]]  # undated records have ordinal 0
    conflicts: list[Conflict] = []
    s, e = max(r[_S] for r in dated), min(r[_E] for r in dated)
    if s <= e:
        when = _named_span(dated, s, e)
    else:
        spans = sorted({r[_M].when for r in dated}, key=lambda w: (w.start, w.end, w.edtf))
        when = cover(spans)
        if when.precision != "interval":
            when = interval(when.start, when.end, when.edtf)
        said = sorted({(r[_M].when.start, r[_M].when.end, r[_M].source, r[_M].time_text or r[_M].when.edtf,
                        r[_M].when.edtf) for r in dated})
        detail = "; ".join(f"{src} says {text!r} ({edtf})" for _, _, src, text, edtf in said)
        conflicts.append(Conflict.model_construct(field="when", detail=f"the sources disagree on the date: {detail}"))
    # One pass over the mentions for modalities, type counts, subjects and attributions.
    group = p.group
    unnamed = _unnamed_attributions()
    sources_set: set[str] = set()
    considered_set: set[str] = set()
    happened_set: set[str] = set()
    counts: dict[str, int] = {}
    subject_set: set[str] = set()
    named: set[str] = set()
    citing: set[str] = set()
    unnamed_sources: set[str] = set()
    for m in mentions:
        src, t, mod, att = m.source, m.type, m.modality, m.attributed_to
        sources_set.add(src)
        if mod == "happened":
            happened_set.add(src)
        elif mod == "considered":
            considered_set.add(src)
        if TYPE_GROUPS.get(t, t) == group:
            counts[t] = counts.get(t, 0) + 1
        subject_set.update(m.subjects)
        if att:
            if att in unnamed:
                unnamed_sources.add(src)
            else:
                named.add(att)
                citing.add(src)
    considered, happened = sorted(considered_set), sorted(happened_set)
    if considered and happened:
        conflicts.append(Conflict.model_construct(
            field="modality",
            detail=f"considered according to {', '.join(considered)}; happened according to {', '.join(happened)}"))
    if counts:
        event_type = min(counts, key=lambda t: (-counts[t], _TYPE_RANK[t]))
    else:
        event_type = group if group in _TYPE_RANK else "other"
    subjects = sorted(subject_set)
    main = _main_subjects(mentions, subjects, fam, kinds, event_type)
    only_considered = bool(considered) and not happened
    # Origins: outlets named as the source; a source that names one (or relays unnamed reports beside a named
    # origin) adds none of its own; a source that attributes nothing is an origin itself.
    own = {outlets.get(src) or src for src in sources_set
           if not (src in citing or (named and src in unnamed_sources))}
    return dict(
        id=base_id(when, main, event_type, only_considered),
        type=event_type,
        title=title(event_type, main, kinds, only_considered),
        subjects=subjects,
        when=when,
        sources=sorted(sources_set),
        mentions=mentions,
        conflicts=conflicts,
        origins=sorted(named | own),
    )


def _build_single(m: Mention, fam: _Family, outlets: Mapping[str, str], kinds: Mapping[str, str]) -> dict:
    """`_build` of an event of one dated mention (most events at scale): its span, type and origin are the
    mention's own, and it has no conflicts."""
    when, event_type = m.when, m.type
    subjects = sorted(set(m.subjects))
    main = list(subjects) if len(subjects) < 2 else _main_subjects([m], subjects, fam, kinds, event_type)
    considered = m.modality == "considered"
    a = m.attributed_to
    origins = [a] if a and a not in _unnamed_attributions() else [outlets.get(m.source) or m.source]
    return dict(
        id=base_id(when, main, event_type, considered),
        type=event_type,
        title=title(event_type, main, kinds, considered),
        subjects=subjects,
        when=when,
        sources=[m.source],
        mentions=[m],
        conflicts=[],
        origins=origins,
    )


_ALL_SET = set(Event.model_fields)


def _construct(cls, fields: dict):
    """An instance of a pydantic model from fields that are already valid: what `model_construct` does,
    without its per-field bookkeeping (a third of the build time at a million mentions)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", _ALL_SET)  # shared: frozen models never add to it
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _named_span(dated: list[tuple], s: int, e: int) -> TimeSpan:
    """The intersection, as the finest mention span with exactly those bounds where one exists."""
    exact = [r[_M].when for r in dated if r[_S] == s and r[_E] == e]
    if exact:
        return min(exact, key=lambda w: (_PRECISION_RANK.get(w.precision, 9), w.edtf))
    a, b = date.fromordinal(s), date.fromordinal(e)
    return TimeSpan.model_construct(edtf=f"{a.isoformat()}/{b.isoformat()}", start=a, end=b, precision="interval")


def _event_type(mentions: list[Mention], group: str) -> str:
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        if group_of(m.type) == group:
            counts[m.type] += 1
    if not counts:
        return group if group in _TYPE_RANK else "other"
    return min(counts, key=lambda t: (-counts[t], _TYPE_RANK[t]))


_UNNAMED: frozenset[str] | None = None


def _unnamed_attributions() -> frozenset[str]:
    """The constants the extractor gives unnamed reports ("reportedly"): not an origin of their own."""
    global _UNNAMED
    if _UNNAMED is None:
        from . import lang

        found = set()
        for code in lang.languages():
            try:
                value = lang.load(code, "events").get("unnamed_attribution")
            except (KeyError, OSError, ValueError):
                continue
            if value:
                found.add(value)
        _UNNAMED = frozenset(found)
    return _UNNAMED


# With subject kinds known, the kind of subject that leads an event of each type.
_LEADING_KIND = {"conference": "event", "departure": "person", "appointment": "person", "hiring": "person",
                 "founding": "organisation", "announcement": "product", "release": "product", "delay": "product",
                 "abandonment": "product"}


def _main_subjects(mentions: list[Mention], subjects: list[str], fam: _Family, kinds: Mapping[str, str],
                   event_type: str) -> list[str]:
    """Up to two subjects most mentions are about (a family counts for its members), the most specific first:
    the deepest subject in at least three quarters as many mentions as the most named one.

    The second must be unrelated to the first and named in at least half as many mentions.
    """
    if len(subjects) < 2:
        return list(subjects)
    score: dict[str, int] = defaultdict(int)
    lifted_raw = fam.lifted_raw
    for m in mentions:
        for key in lifted_raw(m.subjects):
            score[key] += 1
    wanted = _LEADING_KIND.get(event_type)
    top = max(score[s] for s in subjects)
    ranked = sorted(subjects, key=lambda s: (kinds.get(s) != wanted if kinds else False, 4 * score[s] < 3 * top,
                                             -fam.depth(s), -score[s], KIND_RANK.get(kinds.get(s, ""), 5), s))
    if not ranked:
        return []
    main = [ranked[0]]
    others = [s for s in subjects if 2 * score[s] >= score[main[0]] and not fam.related(s, main[0])]
    if others:
        main.append(min(others, key=lambda s: (-score[s], KIND_RANK.get(kinds.get(s, ""), 5), s)))
    return main
