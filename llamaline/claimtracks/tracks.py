"""Claim tracks: the claims on one subject and attribute across sources, and whether they agree, disagree or moved."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from ..models import Claim, ClaimTrack, ClaimValue
from ..temporal import timespan

# Status keys that can both be true at once ("veröffentlicht und verfügbar", "unreleased and on hold").
COMPATIBLE_STATUSES = frozenset({
    frozenset({"released", "available"}),
    frozenset({"unreleased", "delayed"}),
    frozenset({"unreleased", "paused"}),
})
EXACT_TOLERANCE = 0.01  # relative difference of two numbers that still agree
APPROXIMATE_TOLERANCE = 0.1  # when either is "about"
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_BOUNDS = {"up_to": "up to ", "at_least": "at least ", "approximate": "about "}


def track_claims(claims: Sequence[Claim]) -> list[ClaimTrack]:
    """Claims grouped by (subject, attribute), each group ordered by publication date, source and offset."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.subject, claim.attribute), []).append(claim)
    tracks = []
    for (subject, attribute), group in groups.items():
        ordered = sorted(group, key=_order)
        verdict, detail = judge(ordered)
        tracks.append(ClaimTrack(subject=subject, attribute=attribute, verdict=verdict, detail=detail, claims=ordered))
    return sorted(tracks, key=lambda t: (t.subject.casefold(), t.subject, t.attribute))


def filter_tracks(tracks: Sequence[ClaimTrack], *, subject: str | None = None,
                  attribute: str | None = None) -> list[ClaimTrack]:
    """Tracks whose subject contains every word of `subject` and whose attribute is `attribute` (or `attribute_*`)."""
    result = list(tracks)
    if subject:
        wanted = subject.casefold().split()
        result = [t for t in result if all(w in t.subject.casefold() for w in wanted)]
    if attribute:
        a = attribute.casefold().strip()
        result = [t for t in result if t.attribute == a or t.attribute.startswith(a + "_")]
    return result


def judge(claims: Sequence[Claim]) -> tuple[str, str]:
    """(verdict, detail) of claims already in track order."""
    if len(claims) == 1:
        return "single", _cite(claims[0].value, [claims[0]])
    clusters = _clusters(claims)
    if len(clusters) == 1:
        return "agree", f"{len(claims)} claims agree: {_cite(claims[0].value, claims)}"
    finals = _finals(claims)
    conflicts = [
        (a, b) for i, a in enumerate(finals) for b in finals[i + 1 :]
        if _same_time(a, b) and not compatible(a.value, b.value)
    ]
    if conflicts:
        seen: list[Claim] = []
        for a, b in conflicts:
            seen.extend(c for c in (a, b) if c not in seen)
        return "disagree", " vs ".join(_cite(c.value, [c]) for c in seen)
    steps = sorted(clusters, key=_step_order)
    return "changed", " -> ".join(_cite(step[0].value, step) for step in steps)


def compatible(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether two values can both be true: equal numbers within tolerance, overlapping spans, joint statuses."""
    if a.kind != b.kind:
        return False
    if a.kind == "number":
        if a.unit != b.unit or a.number is None or b.number is None:
            return False
        tolerance = APPROXIMATE_TOLERANCE if "approximate" in (a.bound, b.bound) else EXACT_TOLERANCE
        return math.isclose(a.number, b.number, rel_tol=tolerance)
    if a.kind == "date":
        if a.when is None or b.when is None:
            return a.text == b.text
        (s1, e1), (s2, e2) = _bounds(a), _bounds(b)
        return s1 <= e2 and s2 <= e1
    return a.status == b.status or frozenset({a.status, b.status}) in COMPATIBLE_STATUSES


def describe_value(value: ClaimValue) -> str:
    """The value in English words: 'up to 72 billion USD', 'autumn 2025 or later', 'unreleased'."""
    if value.kind == "number" and value.number is not None:
        unit = f" {value.unit}" if value.unit else ""
        return f"{_BOUNDS.get(value.bound, '')}{_number(value.number)}{unit}"
    if value.kind == "date" and value.when is not None:
        words = timespan.describe(value.when)
        if value.modifier == "not_before":
            return f"{words} or later"
        if value.modifier == "not_after":
            return f"by {words}"
        if value.modifier == "approximate":
            return f"around {words}"
        return words
    return value.status or value.text


def _number(n: float) -> str:
    for scale, name in _SCALES:
        if abs(n) >= scale:
            return f"{n / scale:g} {name}"
    return f"{n:,.0f}" if n == int(n) else f"{n:g}"


def _order(claim: Claim):
    published = claim.published
    key = (published.start, published.end) if published else (date.max, date.max)
    return (*key, claim.source, claim.start, claim.value_start or 0, claim.value_end or 0)


def _clusters(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims grouped by compatible values, each group joining the first claim it agrees with."""
    clusters: list[list[Claim]] = []
    for claim in claims:
        for cluster in clusters:
            if compatible(cluster[0].value, claim.value):
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    return clusters


def _finals(claims: Sequence[Claim]) -> list[Claim]:
    """Each source's last word: its latest target date, else its last claim in the text."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    finals = []
    for group in by_source.values():
        dated = [c for c in group if c.value.kind == "date" and c.value.when is not None]
        if dated:
            finals.append(max(dated, key=lambda c: (_bounds(c.value)[0], _bounds(c.value)[1], c.start)))
        else:
            finals.append(max(group, key=lambda c: (c.start, c.value_start or 0)))
    return finals


def _same_time(a: Claim, b: Claim) -> bool:
    """Sources published at overlapping times (or undated) speak of the same moment."""
    if a.published is None or b.published is None:
        return True
    return a.published.overlaps(b.published)


def _bounds(value: ClaimValue) -> tuple[date, date]:
    assert value.when is not None
    start, end = value.when.start, value.when.end
    if value.modifier == "not_before":
        end = date.max
    elif value.modifier == "not_after":
        start = date.min
    return start, end


def _step_order(cluster: list[Claim]):
    first = min(cluster, key=_order)
    when = first.value.when
    return (_order(first)[:2], when.start if when else date.min, _order(first))


def _cite(value: ClaimValue, claims: Sequence[Claim]) -> str:
    sources = ", ".join(dict.fromkeys(c.source for c in claims))
    dates = ", ".join(dict.fromkeys(c.published.edtf if c.published else "undated" for c in claims))
    return f"{describe_value(value)} ({sources}; {dates})"
