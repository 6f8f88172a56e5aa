"""Who a sentence attributes its news to: `laut X`, `X zufolge`, `berichtet das X`, `according to X`,
or unnamed reports."""

from __future__ import annotations

from collections.abc import Sequence

from .cues import CueHit, LanguageCues
from .names import UNKNOWN, EntityHit

REACH = 40  # characters between a cue and the source it names ("laut dem Bericht des Tagesboten")


def attribution(
    hits: Sequence[CueHit], entities: Sequence[EntityHit], cues: LanguageCues
) -> tuple[str | None, EntityHit | None]:
    """The source a sentence names for what it reports (canonical name), and the entity hit that named it."""
    cues_here = [h for h in hits if h.category == "attribution"]
    if not cues_here:
        return None, None
    unnamed = [h for h in cues_here if h.label == "unnamed"]
    cues_here = [h for h in cues_here if h.label == "unnamed" or not any(u.start <= h.start < u.end for u in unnamed)]
    named: list[tuple[int, EntityHit]] = []  # (rank, hit): lower rank wins
    for cue in cues_here:
        if cue.label == "before":
            after = [e for e in entities if 0 <= e.start - cue.end <= REACH]
            if after:
                first = min(after, key=lambda e: e.start)
                named.append((0 if first.kind == "outlet" else 2, first))
        elif cue.label == "after":
            before = [e for e in entities if 0 <= cue.start - e.end <= REACH]
            if before:
                last = max(before, key=lambda e: e.end)
                named.append((0 if last.kind == "outlet" else 2, last))
        elif cue.label == "reporting":
            outlets = [e for e in entities if e.kind == "outlet"]
            if outlets:
                nearest = min(outlets, key=lambda e: min(abs(e.start - cue.end), abs(cue.start - e.end)))
                named.append((1, nearest))
    if named:
        rank, hit = min(named, key=lambda n: (n[0], n[1].start))
        if rank < 2 or hit.kind != UNKNOWN:
            return hit.name, hit
    if any(h.label == "unnamed" for h in cues_here):
        return cues.unnamed_attribution, None
    if named:
        return named[0][1].name, named[0][1]
    return None, None
