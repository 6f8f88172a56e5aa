"""The whole flow, corpus -> sentences -> time -> mentions -> events: the Python API behind the commands."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .text.boilerplate import Region, find_boilerplate, find_references
from .claimtracks import extract_claims, track_claims
from .text.corpus import Corpus, Document, read_corpus
from .text.names import Gazetteer
from .events.mentions import extract_mentions
from .models import Claim, Mention, Source, TimeExpression, Timeline
from .events.reconcile import reconcile
from .temporal import tag


def build_timeline(corpus_dir: Path | str | None = None, *, jobs: int = 1) -> Timeline:
    """Read a corpus folder (the bundled one by default) and reconcile its events into a Timeline."""
    with cyclic_gc_paused():
        corpus = read_corpus(corpus_dir)
        return timeline_of(corpus, jobs=jobs)


def timeline_of(corpus: Corpus, *, jobs: int = 1) -> Timeline:
    with cyclic_gc_paused():
        return _timeline_of(corpus, jobs)


def _timeline_of(corpus: Corpus, jobs: int) -> Timeline:
    gazetteer = Gazetteer.load(corpus.root)
    regions = find_boilerplate(corpus.documents)
    sources: list[Source] = []
    work = [(doc, regions.get(doc.source.id, [])) for doc in corpus.documents]
    for doc, doc_regions in work:
        references = find_references(doc, doc_regions)
        sources.append(doc.source.model_copy(update={"references": references}) if references else doc.source)
    found = extract_all(work, gazetteer, jobs=jobs)
    mentions = [m for doc_mentions, _ in found for m in doc_mentions]
    claims = [c for _, doc_claims in found for c in doc_claims]
    events, leftovers = reconcile(
        mentions,
        families=gazetteer.families(),
        kinds={name: entity.kind for name, entity in gazetteer.entities.items()},
        outlets={s.id: s.outlet for s in sources if s.outlet},
    )
    return Timeline(
        sources=sorted(sources, key=lambda s: s.id),
        events=events,
        unplaced=leftovers,
        claims=track_claims(claims),
        skipped=corpus.skipped,
    )


def findings_of(item: tuple[Document, list[Region]], gazetteer: Gazetteer) -> tuple[list[Mention], list[Claim]]:
    """Mentions and claims of one document: a pure function, so it maps over processes."""
    doc, regions = item
    expressions = expressions_of(doc, regions)
    return extract_mentions(doc, expressions, gazetteer, regions), extract_claims(doc, expressions, gazetteer, regions)


def expressions_of(doc: Document, regions: list[Region]) -> list[TimeExpression]:
    """The time expressions of a document's body outside its boilerplate (no mention or claim comes from there):
    each stretch between regions is tagged on its own, so a date in a menu or a reference list neither costs a
    scan nor runs on into the article's text."""
    text, published, language = doc.text, doc.source.published, doc.language
    if not regions:
        return tag(text, published, language, start=doc.body_start)
    expressions: list[TimeExpression] = []
    pos = doc.body_start
    for start, end, _ in sorted(regions):
        if start > pos:
            expressions += tag(text, published, language, start=pos, end=start)
        pos = max(pos, end)
    if pos < len(text):
        expressions += tag(text, published, language, start=pos)
    return expressions


def extract_all(work: list[tuple[Document, list[Region]]], gazetteer: Gazetteer, *, jobs: int = 1) -> list[tuple[list[Mention], list[Claim]]]:
    """Mentions and claims of every document, in order; over `jobs` processes when there is enough work."""
    if jobs <= 1 or len(work) < 2:
        with cyclic_gc_paused():
            return [findings_of(item, gazetteer) for item in work]
    from concurrent.futures import ProcessPoolExecutor

    # Each worker receives the gazetteer once, not once per document.
    with ProcessPoolExecutor(max_workers=jobs, initializer=_adopt, initargs=(gazetteer,)) as pool:
        return list(pool.map(_findings_in_worker, work, chunksize=max(1, len(work) // (8 * jobs))))


_worker_gazetteer: Gazetteer | None = None


def _adopt(gazetteer: Gazetteer) -> None:
    global _worker_gazetteer
    _worker_gazetteer = gazetteer


def _findings_in_worker(item: tuple[Document, list[Region]]) -> tuple[list[Mention], list[Claim]]:
    assert _worker_gazetteer is not None
    with cyclic_gc_paused():
        return findings_of(item, _worker_gazetteer)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """The pipeline makes millions of small objects and no reference cycles, so the cyclic collector would only
    rescan what is alive, again and again (5-8 % of extraction on 10 MB). Reference counting still frees
    everything at once; the collector is back when the block ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
