"""The whole flow, corpus -> sentences -> time -> mentions -> events: the Python API behind the commands."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .claimtracks import claims_of, track_claims
from .events.mentions import mentions_of
from .events.reconcile import reconcile
from .models import Claim, Mention, Source, Timeline
from .pieces import findings_in_pieces, needs_pieces
from .text.analysis import analyse
from .text.boilerplate import Region, find_boilerplate, find_references
from .text.corpus import Corpus, Document
from .text.names import Gazetteer

if TYPE_CHECKING:
    from .api import Progress


def timeline_of(corpus: Corpus, *, jobs: int = 1, progress: Progress | None = None) -> Timeline:
    """Reconcile a read corpus into a Timeline (`api.build_timeline` comes through here). `progress` hears
    how far the analysis of a huge document has come (see `pieces.py`)."""
    with cyclic_gc_paused():
        return _timeline_of(corpus, jobs, progress)


def _timeline_of(corpus: Corpus, jobs: int, progress: Progress | None = None) -> Timeline:
    gazetteer = Gazetteer.load(corpus.root)
    regions = find_boilerplate(corpus.documents)
    sources: list[Source] = []
    work = [(doc, regions.get(doc.source.id, [])) for doc in corpus.documents]
    for doc, doc_regions in work:
        references = find_references(doc, doc_regions)
        sources.append(doc.source.model_copy(update={"references": references}) if references else doc.source)
    found = extract_all(work, gazetteer, jobs=jobs, progress=progress)
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


def findings_of(item: tuple[Document, list[Region]], gazetteer: Gazetteer,
                progress: Progress | None = None) -> tuple[list[Mention], list[Claim]]:
    """Mentions and claims of one document, both read from its one analysis (a huge document: piece by piece):
    a pure function, so it maps over processes."""
    doc, regions = item
    if needs_pieces(doc):
        return findings_in_pieces(doc, regions, gazetteer, progress=progress)
    analysis = analyse(doc, regions, gazetteer)
    return mentions_of(analysis), claims_of(analysis)


def extract_all(work: list[tuple[Document, list[Region]]], gazetteer: Gazetteer, *, jobs: int = 1,
                progress: Progress | None = None) -> list[tuple[list[Mention], list[Claim]]]:
    """Mentions and claims of every document, in order; over `jobs` processes when there is enough work. A huge
    document is read in this process, piece by piece, while the workers read the others: it is not copied to
    a worker, and its progress can be told."""
    huge = {k for k, (doc, _) in enumerate(work) if needs_pieces(doc)}
    if jobs <= 1 or len(work) - len(huge) < 2:
        return [findings_of(item, gazetteer, progress) for item in work]
    from concurrent.futures import ProcessPoolExecutor

    others = [item for k, item in enumerate(work) if k not in huge]
    # Each worker receives the gazetteer once, not once per document.
    with ProcessPoolExecutor(max_workers=jobs, initializer=_adopt, initargs=(gazetteer,)) as pool:
        found = pool.map(_findings_in_worker, others, chunksize=max(1, len(others) // (8 * jobs)))
        here = {k: findings_of(work[k], gazetteer, progress) for k in sorted(huge)}
        found = list(found)
    if not here:
        return found
    rest = iter(found)
    return [here[k] if k in here else next(rest) for k in range(len(work))]


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
