"""A result cache: the timeline of a corpus, keyed by everything it depends on.

The key hashes the corpus as read (paths, decoded texts, metadata, skipped files, a corpus
`entities.toml`) and llamaline's own code and language data, so any change to either misses.
Set LLAMALINE_NO_CACHE=1 to turn it off; LLAMALINE_CACHE_DIR to move it (default: the user's
cache folder). A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .text.corpus import Corpus
from .models import Timeline

_KEEP = 16  # timelines kept; the oldest go first


def cache_dir() -> Path | None:
    if os.environ.get("LLAMALINE_NO_CACHE"):
        return None
    if os.environ.get("LLAMALINE_CACHE_DIR"):
        return Path(os.environ["LLAMALINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "llamaline"


def timeline_cached(corpus: Corpus, build: Callable[[], Timeline]) -> Timeline:
    """The cached timeline of `corpus`, or `build()` stored for next time."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{corpus_key(corpus)}.json"
    try:
        return Timeline.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        pass
    timeline = build()
    _store(folder, path, timeline)
    return timeline


def corpus_key(corpus: Corpus) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for doc in corpus.documents:
        digest.update(doc.source.model_dump_json().encode())
        digest.update(b"\0%d\0" % doc.body_start)
        digest.update(doc.text.encode("utf-8", "surrogatepass"))
    for skipped in corpus.skipped:
        digest.update(skipped.model_dump_json().encode())
    entities = corpus.root / "entities.toml"
    if entities.is_file():
        digest.update(entities.read_bytes())
    return digest.hexdigest()[:32]


@cache
def code_fingerprint() -> str:
    """A hash of the package's code and data files: a new version or an edited word list misses the cache."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml") and "_corpus" not in path.parts and path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _store(folder: Path, path: Path, timeline: Timeline) -> None:
    from .views.export import write_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, timeline.model_dump_json(by_alias=True))
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        pass
