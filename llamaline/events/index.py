"""The reconciler's flat working parts: subject families with interned signatures, and the index of events.

A *signature* is a sorted tuple of subject names, interned as a small int (its position in `Family.sigs`), so
that blocks, memos and comparisons in the hot loops hash and compare ints rather than tuples of strings. Subjects
get ints too (`Family.sid`), for blocking keys. Events in the making are ints as well: positions in `Protos`.
"""

from __future__ import annotations


from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from enum import IntFlag
from datetime import date

# Spans wider than this many months are not indexed by month but scanned.
WIDE_MONTHS = 36
# A subject key with at most this many events is scanned rather than indexed by month.
_FEW = 24

_MONTHS: dict[int, int] = {}


def month_of(ordinal: int) -> int:
    """A running month number of a day ordinal (memoised: few distinct days recur)."""
    m = _MONTHS.get(ordinal)
    if m is None:
        d = date.fromordinal(ordinal)
        m = _MONTHS[ordinal] = d.year * 12 + d.month - 1
    return m


class Relation(IntFlag):
    """How one side's subjects relate to the other's: every subject of a side that names less is one of the
    other's, a family of one, or a member of one. Both ways: they name the same happening's subjects."""

    DISAGREE = 0
    NAMES_LESS = 1  # this side names strictly less than the other
    NAMES_MORE = 2  # the other side names strictly less than this one
    SAME = NAMES_LESS | NAMES_MORE

    def reversed(self) -> Relation:
        """The relation seen from the other side."""
        return Relation((self & Relation.NAMES_LESS) << 1 | (self & Relation.NAMES_MORE) >> 1)


class Family:
    """Families of subjects (child -> parent), the subject agreement rule, and interned signatures."""

    def __init__(self, parents: Mapping[str, str]):
        self.parents = dict(parents)
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self.sid: dict[str, int] = {}  # subject -> int, for blocking keys
        self.sigs: list[tuple[str, ...]] = []  # signature id -> its sorted subjects
        self._sig_id: dict[tuple[str, ...], int] = {}
        self._reduced: dict[tuple, int] = {}  # a mention's subjects as given -> its signature id
        self._lifted: list[frozenset[str] | None] = []  # signature id -> its subjects and their families
        self._index_keys: list[tuple[int, ...] | None] = []  # signature id -> `index_keys`
        self._names: list[frozenset[str] | None] = []  # signature id -> its subjects as a set
        self._probes: list[tuple[int, ...] | None] = []  # signature id -> `probes`

    # -------------------------------------------------------------------------------------------- names

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

    def related(self, a: str, b: str) -> bool:
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def depth(self, subject: str) -> int:
        return len(self.ancestors(subject))

    # ------------------------------------------------------------------------------------- signatures

    def intern(self, sig: tuple[str, ...]) -> int:
        """The id of a sorted tuple of subjects."""
        i = self._sig_id.get(sig)
        if i is None:
            i = self._sig_id[sig] = len(self.sigs)
            self.sigs.append(sig)
            self._lifted.append(None)
            self._index_keys.append(None)
            self._names.append(None)
            self._probes.append(None)
        return i

    def reduce(self, subjects: Sequence[str]) -> int:
        """The id of the subjects, sorted, without a family named beside exactly one of its members.

        "Ultra, the largest Falke 2 model" is about Ultra: the family only qualifies it. A family
        named beside several of its members ("the Falke 2 line, Mini and Pro") or alone stands for itself.
        """
        key = tuple(subjects)
        sig = self._reduced.get(key)
        if sig is None:
            names = set(subjects)
            members: dict[str, int] = {}
            if len(names) > 1:
                anc = self.ancestors
                for o in names:
                    for a in anc(o):
                        if a in names and o not in anc(a):
                            members[a] = members.get(a, 0) + 1
            sig = self._reduced[key] = self.intern(tuple(sorted(s for s in names if members.get(s, 0) != 1)))
        return sig

    def lifted(self, sig: int) -> frozenset[str]:
        """The subjects and all their families."""
        keys = self._lifted[sig]
        if keys is None:
            names = self.sigs[sig]
            keys = self._lifted[sig] = frozenset(names).union(*map(self.ancestors, names))
        return keys

    def _covers(self, x: frozenset[str], y: frozenset[str], up_y: frozenset[str]) -> bool:
        """Every subject of x is one of y's, its family, or a member of its family (`up_y`: y and its families)."""
        anc = self.ancestors
        return all(not y.isdisjoint(anc(a)) for a in x - up_y)

    def relation(self, i: int, j: int) -> Relation:
        """How the subjects of signature i relate to those of j (see `Relation`).

        Not memoised: at scale almost every pair is new, and a memo costs more memory than it saves time.
        """
        if i == j:
            return Relation.SAME
        x, y = self.names(i), self.names(j)
        if not x or not y:
            return Relation.DISAGREE
        relation = Relation.DISAGREE
        if self._covers(x, y, self.lifted(j)):
            relation |= Relation.NAMES_LESS
        if self._covers(y, x, self.lifted(i)):
            relation |= Relation.NAMES_MORE
        return relation

    def agreement_test(self, i: int):
        """Whether signature j agrees with i (`relation(i, j) != 0`: one side's every subject is one of the
        other's, its family or a member of it), as a function of j, with what concerns i worked out once."""
        x, up_x = self.names(i), self.lifted(i)
        names, lifted, anc = self._names, self._lifted, self.ancestors

        def agrees_with(j: int) -> bool:
            if j == i:
                return True
            y = names[j] or self.names(j)
            if not x or not y:
                return False
            rest = x - (lifted[j] or self.lifted(j))  # x's subjects that are not y's nor a family of one of y's
            for a in rest:
                if y.isdisjoint(anc(a)):
                    break
            else:
                return True  # x names less: each of its subjects is one of y's, a family of one, or a member
            return all(not x.isdisjoint(anc(b)) for b in y - up_x)

        return agrees_with

    def names(self, sig: int) -> frozenset[str]:
        """The signature's subjects as a set."""
        found = self._names[sig]
        if found is None:
            lifted = self.lifted(sig)
            found = self._names[sig] = lifted if len(lifted) == len(self.sigs[sig]) else frozenset(self.sigs[sig])
        return found

    def index_keys(self, sig: int) -> tuple[int, ...]:
        """Where the index files a signature: "=k" (2k+2) for each of its subjects, "^k" (2k+1) for each family
        of one of them (k: a subject's id)."""
        keys = self._index_keys[sig]
        if keys is None:
            sid, anc = self.sid, self.ancestors
            found = set()
            for b in self.sigs[sig]:
                found.add(2 * sid.setdefault(b, len(sid)) + 2)
                for f in anc(b):
                    found.add(2 * sid.setdefault(f, len(sid)) + 1)
            keys = self._index_keys[sig] = tuple(found)
        return keys

    def probes(self, sig: int) -> tuple[int, ...]:
        """The index keys under which every signature that agrees with `sig` is filed (see `Index`)."""
        keys = self._probes[sig]
        if keys is None:
            sid, anc = self.sid, self.ancestors
            found = set()
            for a in self.sigs[sig]:
                k = 2 * sid.setdefault(a, len(sid))
                found.add(k + 2)
                found.add(k + 1)
                for f in anc(a):
                    found.add(2 * sid.setdefault(f, len(sid)) + 2)
            keys = self._probes[sig] = tuple(found)
        return keys


class Protos:
    """Events in the making, as parallel lists (a proto is its position): type group, signature, running
    intersection [s, e] (day ordinals), member rows (of the reconciler's table), rank (the content rank of the
    first member), and the rows of the mentions attached to it (reports, undated mentions)."""

    __slots__ = ("group", "sig", "s", "e", "members", "rank", "attached")

    def __init__(self):
        self.group: list[int] = []
        self.sig: list[int] = []
        self.s: list[int] = []
        self.e: list[int] = []
        self.members: list[list[int]] = []
        self.rank: list[int] = []
        self.attached: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self.sig)

    def add(self, group: int, sig: int, s: int, e: int, members: list[int], rank: int) -> None:
        self.group.append(group)
        self.sig.append(sig)
        self.s.append(s)
        self.e.append(e)
        self.members.append(members)
        self.rank.append(rank)

    def attach(self, p: int, row: int) -> None:
        found = self.attached.get(p)
        if found is None:
            self.attached[p] = [row]
        else:
            found.append(row)


class Index:
    """Events (protos) by type group and subjects, to tell whether 0, 1 or more match a mention.

    Events of one signature and type group form a *class*. A class is filed under "=k" (key 2k+2, k a subject
    id) for each of its subjects and under "^k" (2k+1) for each of their families. A mention about subjects A
    probes "=a" and "^a" for each a in A and "=f" for each family f of an a (`Family.probes`): every class
    whose subjects agree with A shares a subject with A, or a family of one of A's, or has a member of one of
    A's: it is filed under one of the probes, and no probe touches a whole family's events. A class found under
    a probe of a single subject therefore always agrees with it.
    """

    def __init__(self, fam: Family, protos: Protos):
        self.fam, self.protos = fam, protos
        self.class_sig: list[int] = []
        self.class_events: list[list[int]] = []
        # key -> group -> classes: a look-up weighs each signature once, however many events share it (blocks
        # grow denser with the corpus; their distinct signatures much less).
        self.by_key: dict[int, dict[int, list[int]]] = {}
        self.group_events: dict[int, list[int]] = defaultdict(list)  # group -> its events
        self._filed = 0  # protos[:_filed] are filed
        # key -> (month -> its events, events of wide spans), made when a dated question first probes the key.
        self._months: dict[int, tuple[dict[int, list[int]], list[int]]] = {}
        self._any_month: dict[int, list[int]] | None = None  # the same for any subjects and group, when asked
        self._month_lo: list[int] = []  # proto -> the running month of its first day, when asked
        self._month_hi: list[int] = []  # ... of its last day

    def file(self) -> None:
        """File the protos added since the last call. A class is a run of protos of one signature and group (in
        block order they are neighbours); should the same signature and group come again later, it is filed as
        a class of its own, which answers alike (questions count events, class by class)."""
        fam, P = self.fam, self.protos
        class_sig, class_events = self.class_sig, self.class_events
        by_key, group_events = self.by_key, self.group_events
        last_sig = last_group = -1
        events: list[int] = []
        for p, sig, group in zip(range(self._filed, len(P)), P.sig[self._filed:], P.group[self._filed:]):
            group_events[group].append(p)
            if sig == last_sig and group == last_group:
                events.append(p)
                continue
            last_sig, last_group = sig, group
            c = len(class_sig)
            class_sig.append(sig)
            events = [p]
            class_events.append(events)
            for k in fam.index_keys(sig):
                by_group = by_key.get(k)
                if by_group is None:
                    by_key[k] = {group: [c]}
                else:
                    block = by_group.get(group)
                    if block is None:
                        by_group[group] = [c]
                    else:
                        block.append(c)
        self._filed = len(P)
        self._months.clear()
        self._any_month = None

    def match_dated(self, sig: int, groups: set[int] | None, s: int, e: int,
                    agreement: dict[int, bool] | None = None) -> list[int]:
        """Events of `groups` (None: any) whose subjects agree with `sig` (any if it names none) and whose span
        overlaps [s, e]; stops at two, which is already ambiguous. `agreement`: signature -> whether it agrees
        with `sig` (may be shared by the questions about `sig`)."""
        P = self.protos
        ps_, pe_, pg_, psig_ = P.s, P.e, P.group, P.sig
        lo, hi = month_of(s), month_of(e)
        if not self.fam.sigs[sig]:
            lists = self._by_any_month(lo, hi, groups)
            agrees = None
        else:
            probes = self.fam.probes(sig)
            if hi - lo > WIDE_MONTHS:
                lists = [self.class_events[c] for k in probes for cs in self.by_key.get(k, {}).values() for c in cs]
            else:
                lists = []
                for k in probes:
                    by_month, wide = self._months.get(k) or self._month_index(k)
                    lists += [by_month.get(m, ()) for m in range(lo, hi + 1)]
                    lists.append(wide)
            # An event filed under a probe of a single subject agrees with it.
            agrees = None if len(self.fam.sigs[sig]) == 1 else self.fam.agreement_test(sig)
            if agreement is None:
                agreement = {}
        found: list[int] = []
        seen: set[int] = set()
        for candidates in lists:
            for p in candidates:
                if p in seen:
                    continue
                seen.add(p)
                if ps_[p] > e or s > pe_[p] or (groups is not None and pg_[p] not in groups):
                    continue
                if agrees is not None and not _agrees(agrees, agreement, psig_[p]):
                    continue
                found.append(p)
                if len(found) > 1:
                    return found
        return found

    def _month_index(self, key: int) -> tuple[dict[int, list[int]], list[int]]:
        """The events filed under `key` (any group) by month, and those to scan whatever the months: events of
        spans too wide for months, or all of them when they are few."""
        class_events = self.class_events
        events = [p for classes in self.by_key.get(key, {}).values() for c in classes for p in class_events[c]]
        if len(events) <= _FEW:
            found = self._months[key] = ({}, events)
            return found
        if len(self._month_lo) < len(self.protos):
            self._month_lo = list(map(month_of, self.protos.s))
            self._month_hi = list(map(month_of, self.protos.e))
        month_lo, month_hi = self._month_lo, self._month_hi
        by_month: dict[int, list[int]] = {}
        wide: list[int] = []
        for p in events:
            lo, hi = month_lo[p], month_hi[p]
            if hi - lo > WIDE_MONTHS:
                wide.append(p)
                continue
            for m in range(lo, hi + 1):
                ps = by_month.get(m)
                if ps is None:
                    by_month[m] = [p]
                else:
                    ps.append(p)
        found = self._months[key] = (by_month, wide)
        return found

    def _by_any_month(self, lo: int, hi: int, groups: set[int] | None) -> list:
        """Lists of the events of `groups` (None: any) that may overlap months lo..hi, whatever their subjects."""
        wanted = sorted(self.group_events) if groups is None else sorted(groups)
        if hi - lo > WIDE_MONTHS:
            return [self.group_events.get(g, ()) for g in wanted]
        if self._any_month is None:
            P = self.protos
            by: dict[tuple[int, int], list[int]] = {}  # (month, group) -> events; (-1, -1): events of wide spans
            wide = by[(-1, -1)] = []
            for p in range(len(P)):
                a, b = month_of(P.s[p]), month_of(P.e[p])
                if b - a > WIDE_MONTHS:
                    wide.append(p)
                    continue
                g = P.group[p]
                for m in range(a, b + 1):
                    by.setdefault((m, g), []).append(p)
            self._any_month = by
        by = self._any_month
        return [by[(-1, -1)]] + [by.get((m, g), ()) for g in wanted for m in range(lo, hi + 1)]

    def match_undated(self, sig: int, groups: Sequence[int], agreement: dict[int, bool]) -> list[int]:
        """Events of `groups` whose subjects agree with `sig` (any if it names none), class by class (the answer
        only tells 0, 1 or more apart; stops at two). `agreement`: signature -> whether it agrees with `sig`
        (shared by the questions about `sig`)."""
        found: list[int] = []
        if not self.fam.sigs[sig]:
            for g in groups:
                found += self.group_events.get(g, ())[:2]
                if len(found) > 1:
                    return found[:2]
            return found
        by_key, class_sig, class_events = self.by_key, self.class_sig, self.class_events
        probes = self.fam.probes(sig)
        # A class filed under a probe of a single subject agrees with it.
        agrees = None if len(self.fam.sigs[sig]) == 1 else self.fam.agreement_test(sig)
        for g in groups:
            seen: set[int] = set()
            blocks = [block for block in (by_key.get(k, {}).get(g) for k in probes) if block]
            if len(blocks) > 1:  # smallest first: the answer (mostly "two or more") comes sooner
                blocks.sort(key=len)
            for block in blocks:
                for c in block:
                    if c in seen:
                        continue
                    seen.add(c)
                    if agrees is not None and not _agrees(agrees, agreement, class_sig[c]):
                        continue
                    found += class_events[c][:2]
                    if len(found) > 1:
                        return found[:2]
        return found


def _agrees(agrees: Callable[[int], bool], answers: dict[int, bool], other: int) -> bool:
    """`agrees(other)`, remembered in `answers`: many questions about one signature meet the same others."""
    ok = answers.get(other)
    if ok is None:
        ok = answers[other] = agrees(other)
    return ok
