"""The whole flow, corpus -> sentences -> time -> mentions -> events: the Python API behind the commands."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from .claimtracks import claims_of, track_claims
from .events.mentions import mentions_of
from .events.reconcile import reconcile
from .models import Claim, Mention, Source, Timeline
from .text.analysis import analyse
from .text.boilerplate import Region, find_boilerplate, find_references
from .text.corpus import Corpus, Document
from .text.names import Gazetteer


def timeline_of(corpus: Corpus, *, jobs: int = 1) -> Timeline:
    """Reconcile a read corpus into a Timeline (`api.build_timeline` comes through here)."""
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
    """Mentions and claims of one document, both read from its one analysis: a pure function, so it maps over
    processes."""
    doc, regions = item
    analysis = analyse(doc, regions, gazetteer)
    return mentions_of(analysis), claims_of(analysis)


def extract_all(work: list[tuple[Document, list[Region]]], gazetteer: Gazetteer, *,
                jobs: int = 1) -> list[tuple[list[Mention], list[Claim]]]:
    """Mentions and claims of every document, in order; over `jobs` processes when there is enough work."""
    if jobs <= 1 or len(work) < 2:
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
    return findings_of(item, _worker_gazetteer)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """The pipeline makes millions of small objects and no reference cycles, so the cyclic collector would only
    rescan what is alive, again and again (about 6 % of `build_timeline`'s CPU on the bench_extract corpus).
    Reference counting still frees everything; the collector is back when the block ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
