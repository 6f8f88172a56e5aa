"""The Python API: one function per command, with the command's filters as arguments.

    import llamaline

    timeline = llamaline.build_timeline("articles/")          # a Timeline (pydantic model)
    delays = llamaline.timeline("articles/", types=["delay"], since="2025-01")
    cited = llamaline.sources("words of an event title", "articles/")
    tracks = llamaline.claimtracks("articles/", attribute="release_target")
    text = llamaline.export("articles/", format="json")
    found = llamaline.tag("Mitte März stellte die Firma ihr Modell vor.", published="2024-05-15")

A corpus is a folder (the bundled corpus when None) or a `Corpus` already read. The result cache
(see `cache.py`) is used only when asked for with `cache=True`; the command line asks for it.
Bad arguments raise ValueError; unusable input raises `LlamalineError` with a message fit for a user.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import LlamalineError
from .models import Claim, ClaimTrack, Event, Source, TimeExpression, TimeSpan, Timeline
from .text.corpus import Corpus, Document, read_corpus

CorpusLike = Corpus | Path | str | None
# How far the analysis of a huge document has come: the document, characters done, characters in all.
Progress = Callable[[Document, int, int], None]
DateLike = TimeSpan | date | str | None

__all__ = [
    "AmbiguousEvent", "Citations", "Corpus", "build_timeline", "claims", "export", "read_corpus", "select_events",
    "sources", "tag", "timeline",
]


def build_timeline(corpus: CorpusLike = None, *, jobs: int = 1, cache: bool = False,
                   progress: Progress | None = None) -> Timeline:
    """Read a corpus and reconcile its events into a Timeline (sources, events with citations, claims).
    `progress(document, done, total)` hears how far the analysis of a huge document has come, in characters."""
    if not isinstance(corpus, Corpus):
        corpus = read_corpus(corpus)
    if not cache:
        return _build(corpus, jobs, progress)
    from .cache import timeline_cached

    return timeline_cached(corpus, lambda: _build(corpus, jobs, progress))


def _build(corpus: Corpus, jobs: int, progress: Progress | None = None) -> Timeline:
    from .pipeline import timeline_of  # the pipeline's imports are paid only when something is built

    return timeline_of(corpus, jobs=jobs, progress=progress)


def select_events(
    events: Iterable[Event],
    *,
    since: DateLike = None,
    until: DateLike = None,
    types: Iterable[str] | None = None,
    subjects: Iterable[str] | None = None,
    min_sources: int = 1,
    include_untyped: bool = False,
) -> list[Event]:
    """Events that reach `since` or later, begin by `until`, are of one of `types`, name every wanted subject
    (words of a name suffice) and are backed by at least `min_sources` sources. Untyped events ("other": a
    happening no type describes) only with `include_untyped` or when asked for by type."""
    start, end = as_span(since), as_span(until)
    wanted_types = event_types(types)
    untyped = _untyped_types()
    wanted = [_fold(s) for s in subjects or () if s.strip()]
    kept = []
    for event in events:
        if start is not None and event.when.end < start.start:
            continue
        if end is not None and event.when.start > end.end:
            continue
        if wanted_types and event.type not in wanted_types:
            continue
        if not wanted_types and not include_untyped and event.type in untyped:
            continue
        if len(event.sources) < min_sources:
            continue
        names = [_fold(s) for s in event.subjects]
        if any(not any(_words_in(w, n) for n in names) for w in wanted):
            continue
        kept.append(event)
    return kept


def timeline(
    corpus: CorpusLike = None,
    *,
    since: DateLike = None,
    until: DateLike = None,
    types: Iterable[str] | None = None,
    subjects: Iterable[str] | None = None,
    min_sources: int = 1,
    include_untyped: bool = False,
    jobs: int = 1,
    cache: bool = False,
) -> Timeline:
    """The timeline with only the events that pass the filters (see `select_events`)."""
    built = build_timeline(corpus, jobs=jobs, cache=cache)
    events = select_events(built.events, since=since, until=until, types=types, subjects=subjects,
                           min_sources=min_sources, include_untyped=include_untyped)
    return built.model_copy(update={"events": events})


@dataclass(frozen=True)
class Citations:
    """One event and the sources that cite it."""

    event: Event
    sources: dict[str, Source]


class AmbiguousEvent(LlamalineError):
    """Several events match the words asked for; `candidates` lists them, best first."""

    def __init__(self, query: str, candidates: Sequence[Event]) -> None:
        super().__init__(f"{len(candidates)} events match {query!r}; pass one of their ids")
        self.candidates = list(candidates)


def sources(event: str, corpus: CorpusLike = None, *, timeline: Timeline | None = None, jobs: int = 1,
            cache: bool = False) -> Citations:
    """Every citation of the event that `event` names: an id, an id prefix, or words of its title or subjects.

    Raises AmbiguousEvent when several events match, LlamalineError naming the closest ids when none does.
    """
    if not event.strip():
        raise ValueError("name an event: an id, an id prefix, or words of its title")
    built = timeline if timeline is not None else build_timeline(corpus, jobs=jobs, cache=cache)
    found = pick_event(built.events, event)
    by_id = {s.id: s for s in built.sources}
    return Citations(found, {s: by_id[s] for s in found.sources if s in by_id})


def pick_event(events: Sequence[Event], query: str) -> Event:
    """The one event `query` names; AmbiguousEvent or LlamalineError otherwise."""
    from .events.ids import find_events

    matches = find_events(events, query)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousEvent(query, matches)
    ids = [e.id for e in events]
    closest = difflib.get_close_matches(query.strip().lower(), ids, n=3, cutoff=0.0) if ids else []
    hint = f"; closest: {', '.join(closest)}" if closest else "; the timeline has no events"
    raise LlamalineError(f"no event matches {query!r}{hint}")


def claims(corpus: CorpusLike = None, *, subject: str | None = None, attribute: str | None = None,
           jobs: int = 1, cache: bool = False, progress: Progress | None = None) -> list[ClaimTrack]:
    """Claim tracks (values claimed about a subject over time, with a verdict), filtered by subject words and
    attribute."""
    from .claimtracks import filter_tracks

    built = build_timeline(corpus, jobs=jobs, cache=cache, progress=progress)
    return filter_tracks(built.claims, subject=subject, attribute=attribute)


def export(corpus: CorpusLike = None, *, format: str = "json", timeline: Timeline | None = None, jobs: int = 1,
           cache: bool = False) -> str:
    """The whole timeline in an export format by name (see `export_formats()`)."""
    from .views.export import render

    check_format(format)
    built = timeline if timeline is not None else build_timeline(corpus, jobs=jobs, cache=cache)
    return render(built, format)


def export_formats() -> list[str]:
    """The names of the export formats, json first."""
    from .views.formats import FORMATS

    return list(FORMATS)


def check_format(format: str) -> None:
    if format not in export_formats():
        raise ValueError(f"unknown format {format!r} (have: {', '.join(export_formats())})")


def tag(text: str, published: DateLike = None, language: str | None = None, *, start: int = 0) -> list[TimeExpression]:
    """The time expressions of `text[start:]`, each resolved against the publication date (any precision).
    Without `language` it is detected; without `published`, relative expressions stay unresolved."""
    from .temporal import tag as find_times
    from .text.corpus import infer_language

    code = language_code(language) if language is not None else infer_language(text)
    return find_times(text, as_span(published), code, start=start)


def as_span(value: DateLike) -> TimeSpan | None:
    """A date given as YYYY, YYYY-MM or YYYY-MM-DD (or a date, or a span) as a TimeSpan."""
    if value is None or isinstance(value, TimeSpan):
        return value
    from .temporal.timespan import parse_iso

    return parse_iso(value.isoformat() if isinstance(value, date) else str(value))


def event_types(values: Iterable[str] | None) -> set[str] | None:
    """Event type names, also comma-separated; ValueError names an unknown one."""
    from .models import EVENT_TYPES

    if not values:
        return None
    wanted = {v.strip().lower() for value in values for v in value.split(",") if v.strip()}
    unknown = sorted(wanted - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r} (one of: {', '.join(EVENT_TYPES)})")
    return wanted or None


def language_code(value: str) -> str:
    """A language code with data ("de", "en"), from "de", "DE", "de-AT" or "en_US"."""
    from . import lang

    code = value.strip().lower().split("-")[0].split("_")[0]
    if code not in lang.languages():
        raise ValueError(f"no language data for {value!r} (have: {', '.join(lang.languages())})")
    return code


def _untyped_types() -> set[str]:
    from .events.types import Role, with_role

    return set(with_role(Role.UNTYPED))


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _words_in(wanted: str, name: str) -> bool:
    words = name.split()
    return all(any(w.startswith(part) for w in words) for part in wanted.split())


# the models users meet in results, importable from here and from the package
__all__ += ["Claim", "ClaimTrack", "Event", "Source", "TimeExpression", "TimeSpan", "Timeline"]


@dataclass(frozen=True)
class TaggedText:
    """A text with its time expressions, and what they were resolved against."""

    text: str
    expressions: list[TimeExpression]
    published: TimeSpan | None
    language: str
    warning: str | None = None  # how the file was decoded, where a fallback was needed


def tag_file(path: Path | str, corpus: CorpusLike = None, *, published: DateLike = None,
             language: str | None = None) -> TaggedText:
    """The time expressions of one file. A file of the corpus brings its publication date, language and body
    start (after front matter); `published` and `language` override them."""
    from .text.corpus import bundled_corpus, decode_bytes, infer_language

    path = Path(path)
    root = corpus.root if isinstance(corpus, Corpus) else Path(corpus) if corpus is not None else bundled_corpus()
    if not path.exists() and (root / path).is_file():
        path = root / path
    if path.is_dir():
        raise ValueError(f"{path} is a folder: tag reads one text (a file, or - for standard input)")
    if not path.is_file():
        raise LlamalineError(f"file not found: {path}")
    text, start, doc_published, doc_language = None, 0, None, None
    if path.resolve().is_relative_to(root.resolve()):
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        docs = corpus.documents if isinstance(corpus, Corpus) else read_corpus(root).documents
        for doc in docs:
            if doc.source.path == rel:
                text, start, doc_published, doc_language = doc.text, doc.body_start, doc.source.published, doc.language
    warning = None
    if text is None:
        decoded = decode_bytes(path.read_bytes())
        if decoded.text is None:
            raise LlamalineError(f"cannot tag {path}: {decoded.reason}")
        text, warning = decoded.text, decoded.warning
    anchor = as_span(published) or doc_published
    code = language_code(language) if language else doc_language or infer_language(text)
    from .temporal import tag as find_times

    return TaggedText(text, find_times(text, anchor, code, start=start), anchor, code, warning)


__all__ += ["TaggedText", "tag_file"]


def source_text(source: str, corpus: CorpusLike = None) -> str:
    """The text of one source (by id or path) as read: the text every citation's offsets refer to."""
    if not isinstance(corpus, Corpus):
        corpus = read_corpus(corpus)
    wanted = source.strip()
    for doc in corpus.documents:
        if wanted in (doc.source.id, doc.source.path):
            return doc.text
    ids = [d.source.id for d in corpus.documents]
    closest = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.0)
    raise LlamalineError(f"no source {wanted!r} in the corpus; closest: {', '.join(closest) or '-'}")


def add_articles(urls: Sequence[str], corpus: Path | str) -> list:
    """Fetch web pages into a corpus folder as Markdown with front matter; see `fetch.fetch_articles`."""
    from .fetch import fetch_articles

    return fetch_articles(list(urls), Path(corpus))


__all__ += ["add_articles", "source_text"]
