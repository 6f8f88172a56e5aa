"""Readable, stable event ids and titles, and finding an event by id, id prefix or words."""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from .types import registry
from ..models import Event, TimeSpan

# Subject kinds in the order they lead an id or a title.
KIND_RANK = {"product": 0, "event": 1, "person": 2, "organisation": 3, "outlet": 4}

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case ASCII: umlauts transliterated (ä -> ae, ß -> ss), other accents dropped."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


@lru_cache(maxsize=1 << 16)  # event ids repeat their main subjects: a million events, a few thousand slugs
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def base_id(when: TimeSpan, main: Sequence[str], event_type: str, considered: bool = False) -> str:
    """`YYYY-MM-<main subject>-<type>` (`YYYY` when the span leaves its month), e.g. `2025-05-x-delay`."""
    return event_id(id_period(when), main, event_type, considered)


def id_period(when: TimeSpan) -> str:
    """The period of an id: `YYYY-MM`, or `YYYY` when the span leaves its month."""
    s, e = when.start, when.end
    return f"{s.year:04d}-{s.month:02d}" if (s.year, s.month) == (e.year, e.month) else f"{s.year:04d}"


def event_id(period: str, main: Sequence[str], event_type: str, considered: bool = False) -> str:
    """`base_id` from the period of the span."""
    words = slug(main[0]) if main else "event"
    return f"{period}-{words or 'event'}-{event_type}" + ("-considered" if considered else "")


def _content_hash(event: Mapping) -> str:
    text = "\n".join(map("{0.source}:{0.start}:{0.end}:{0.type}".format, event["mentions"]))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def make_ids_unique(events: list[dict], ids: list[str] | None = None) -> None:
    """Events (as field dicts) sharing an id: the earliest keeps it, the others get a suffix from their content.
    `ids`: the events' ids, if the caller has them at hand."""
    if ids is None:
        ids = [event["id"] for event in events]
    counts = Counter(ids)  # in order of first occurrence
    shared = {x for x, n in counts.items() if n > 1}
    if not shared:
        return
    by_id: dict[str, list[int]] = {x: [] for x in counts if x in shared}
    for i, x in enumerate(ids):
        if x in shared:
            by_id[x].append(i)
    taken = set(counts)
    for base, idx in by_id.items():
        digests = {i: _content_hash(events[i]) for i in idx}
        idx.sort(key=lambda i: (events[i]["when"].start, events[i]["when"].end, digests[i]))
        for i in idx[1:]:
            digest, n = digests[i], 6
            while f"{base}-{digest[:n]}" in taken:
                n += 1
            events[i]["id"] = f"{base}-{digest[:n]}"
            taken.add(events[i]["id"])


def title(event_type: str, main: Sequence[str], kinds: Mapping[str, str], considered: bool = False,
          planned: bool = False, what: str | None = None) -> str:
    """Short English UI text from the type and the main subjects; `what`: the word the text names an untyped
    happening by ("Zulassung"), so that a title says what happened, never a bare name."""
    name = main[0] if main else "unnamed subject"
    if considered:
        return f"{name}: {event_type} considered"
    if planned:
        return f"{name}: {event_type if event_type != 'other' else what or 'event'} planned"
    known = registry()[event_type]
    if len(main) == 2 and kinds:
        by_kind = {kinds.get(x): x for x in main}
        for (k1, k2), template in known.titles.items():
            if k1 in by_kind and k2 in by_kind:
                return template.format(**{k1: by_kind[k1], k2: by_kind[k2]})
    if kinds.get(name) == "person" and known.person_title:
        return known.person_title.format(s=name)
    said = known.title.format(s=name)
    if said == name:  # a bare name says nothing of what happened
        return f"{name}: {what}" if what else f"Event: {name}"
    return said


# ---------------------------------------------------------------------------------------------- finding


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", fold(text)) if t]


@cache
def _trigger_patterns() -> tuple[tuple[str, str], ...]:
    """(folded one-word trigger pattern, event type) from every language: "Verzögerung" finds delays."""
    from .. import lang

    found = set()
    for code in lang.languages():
        try:
            triggers = lang.load(code, "events").get("triggers", {})
        except (KeyError, OSError, ValueError):
            continue
        for event_type, patterns in triggers.items():
            for pattern in patterns:
                if " " not in pattern and "$" not in pattern:
                    found.add((fold(pattern), event_type))
    return tuple(sorted(found))


def _types_of_word(word: str) -> set[str]:
    return {t for pattern, t in _trigger_patterns() if fnmatch.fnmatchcase(word, pattern)}


def find_events(events: Sequence[Event], query: str, limit: int = 5) -> list[Event]:
    """Events `query` names, best first: an exact id, else an id prefix, else fuzzy words.

    Words are compared case- and umlaut-insensitively with title, subjects, type and id; a word that is a
    trigger of an event type in any language ("Verzögerung") also stands for that type. A single element
    comes back when one event matches best.
    """
    q = fold(query.strip())
    if not q:
        return []
    exact = [e for e in events if fold(e.id) == q]
    if exact:
        return exact[:1]
    prefixed = sorted((e for e in events if fold(e.id).startswith(q)), key=lambda e: e.id)
    if prefixed:
        return prefixed[:limit]
    words = _tokens(query)
    if not words:
        return []
    word_types = [_types_of_word(w) for w in words]
    scored = []
    for event in events:
        vocab = set(_tokens(" ".join([event.id, event.title, event.type, *event.subjects])))
        total = sum(1.0 if event.type in types else _word_score(w, vocab) for w, types in zip(words, word_types))
        total /= len(words)
        if total >= 0.5:
            scored.append((-total, event.id, event))
    scored.sort(key=lambda x: (x[0], x[1]))
    if not scored:
        return []
    if len(scored) == 1 or scored[0][0] < scored[1][0]:
        return [scored[0][2]]
    best = [x[2] for x in scored if x[0] == scored[0][0]]
    happened = [e for e in best if getattr(e, "modality", "happened") == "happened"]
    if len(happened) == 1:  # the happening before the plan of it
        return happened
    return [x[2] for x in scored[:limit]]


def _word_score(word: str, vocab: set[str]) -> float:
    if word in vocab:
        return 1.0
    if len(word) >= 3 and any(v.startswith(word) for v in vocab):
        return 0.9
    close = difflib.get_close_matches(word, sorted(vocab), n=1, cutoff=0.75)
    if close:
        return 0.8 * difflib.SequenceMatcher(None, word, close[0]).ratio()
    return 0.0
