"""What the commands ask of a timeline: filters, picking one event, reading the text to tag."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .errors import LlamalineError
from .models import EVENT_TYPES, Event, TimeSpan
from .temporal.timespan import parse_iso


def parse_bound(value: str | None, option: str) -> TimeSpan | None:
    if value is None:
        return None
    try:
        return parse_iso(value)
    except ValueError as exc:
        raise ValueError(f"{option}: {exc}") from None


def parse_types(values: Sequence[str] | None) -> set[str] | None:
    if not values:
        return None
    wanted = {v.strip().lower() for value in values for v in value.split(",") if v.strip()}
    unknown = sorted(wanted - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"--type: unknown event type {unknown[0]!r} (one of: {', '.join(EVENT_TYPES)})")
    return wanted


def parse_language(value: str) -> str:
    from . import lang

    code = value.strip().lower().split("-")[0].split("_")[0]
    if code not in lang.languages():
        raise ValueError(f"--language: no language data for {value!r} (have: {', '.join(lang.languages())})")
    return code


def filter_events(
    events: Sequence[Event],
    *,
    start: TimeSpan | None = None,
    end: TimeSpan | None = None,
    types: set[str] | None = None,
    subjects: Sequence[str] | None = None,
    min_sources: int = 1,
) -> list[Event]:
    """Events that overlap [start, end], are of one of `types`, name every wanted subject, have enough sources."""
    wanted = [_fold(s) for s in subjects or () if s.strip()]
    kept = []
    for event in events:
        if start is not None and event.when.end < start.start:
            continue
        if end is not None and event.when.start > end.end:
            continue
        if types and event.type not in types:
            continue
        if len(event.sources) < min_sources:
            continue
        names = [_fold(s) for s in event.subjects]
        if any(not any(_words_in(w, n) for n in names) for w in wanted):
            continue
        kept.append(event)
    return kept


def pick_event(events: Sequence[Event], query: str) -> tuple[Event | None, list[Event]]:
    """(the event, []) when `query` names one event; (None, candidates) when several match.

    Raises LlamalineError, naming the closest ids, when nothing matches.
    """
    from .events.reconcile import find_events

    matches = find_events(events, query)
    if len(matches) == 1:
        return matches[0], []
    if matches:
        return None, list(matches)
    ids = [e.id for e in events]
    closest = difflib.get_close_matches(query.strip().lower(), ids, n=3, cutoff=0.0) if ids else []
    hint = f"; closest: {', '.join(closest)}" if closest else "; the timeline has no events"
    raise LlamalineError(f"no event matches {query!r}{hint}")


def read_tag_input(file: str, corpus_dir: Path | None, stdin: TextIO) -> tuple[str, int, TimeSpan | None, str]:
    """(text, body start, publication date, language) of the text to tag.

    A file of the corpus brings its metadata; any other text gets its language detected.
    """
    from .text.corpus import bundled_corpus, decode, infer_language, read_corpus

    if file == "-":
        if stdin.isatty():
            raise LlamalineError("no text: pass a FILE, or pipe text and use - for standard input")
        text = stdin.read()
        return text, 0, None, infer_language(text)
    path = Path(file)
    root = Path(corpus_dir) if corpus_dir is not None else bundled_corpus()
    if not path.exists() and (root / file).is_file():
        path = root / file
    if not path.is_file():
        raise LlamalineError(f"file not found: {file}")
    if path.resolve().is_relative_to(root.resolve()):
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        for doc in read_corpus(root).documents:
            if doc.source.path == rel:
                return doc.text, doc.body_start, doc.source.published, doc.language
    text, _, reason = decode(path.read_bytes())
    if text is None:
        raise LlamalineError(f"cannot tag {file}: {reason}")
    return text, 0, None, infer_language(text)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _words_in(wanted: str, name: str) -> bool:
    words = name.split()
    return all(any(w.startswith(part) for w in words) for part in wanted.split())
