"""A result cache: the timeline of a corpus, keyed by everything it depends on.

The key hashes the corpus as read (paths, decoded texts, metadata, skipped files, a corpus
`entities.toml`) and llamaline's own code and language data, so any change to either misses.
Set LLAMALINE_NO_CACHE=1 to turn it off (or pass --no-cache); LLAMALINE_CACHE_DIR to move it (default: the
user's cache folder). The cache is bounded: at most LLAMALINE_CACHE_MAX_MB megabytes (default 256) and
entries unused for 30 days are dropped, the least recently used first; a timeline larger than a quarter of
the limit is not kept. `llamaline cache clear` empties it. A cache that cannot be read or written is
ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TextIO

from .text.corpus import Corpus
from .models import Timeline

_KEEP = 16  # timelines kept at most; the least recently used go first
MAX_BYTES = 256 * 1024 * 1024  # the whole cache, unless LLAMALINE_CACHE_MAX_MB says otherwise
MAX_AGE = 30 * 24 * 3600  # seconds since an entry was last used
_HASHED_AT_ONCE = 1 << 20  # characters of a text encoded for the key at a time


def cache_dir() -> Path | None:
    if os.environ.get("LLAMALINE_NO_CACHE"):
        return None
    return _default_dir()


def _default_dir() -> Path:
    if os.environ.get("LLAMALINE_CACHE_DIR"):
        return Path(os.environ["LLAMALINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "llamaline"


def max_bytes() -> int:
    try:
        return max(0, int(float(os.environ["LLAMALINE_CACHE_MAX_MB"]) * 1024 * 1024))
    except (KeyError, ValueError):
        return MAX_BYTES


def timeline_cached(corpus: Corpus, build: Callable[[], Timeline]) -> Timeline:
    """The cached timeline of `corpus`, or `build()` stored for next time."""
    folder = cache_dir()
    if folder is None or max_bytes() == 0:
        return build()
    try:
        path = folder / f"{corpus_key(corpus)}.json"
    except (OSError, ValueError):  # a corpus that cannot be hashed is built, not cached
        return build()
    try:
        timeline = Timeline.model_validate_json(path.read_bytes())
        os.utime(path)  # used: the last to go
        return timeline
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
        for start in range(0, len(doc.text), _HASHED_AT_ONCE):  # a huge text is not copied whole
            digest.update(doc.text[start:start + _HASHED_AT_ONCE].encode("utf-8", "surrogatepass"))
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
        # one huge corpus would push out every other entry: an entry larger than a quarter of the limit is dropped
        write_atomic(path, lambda out: _write_entry(timeline, out, max_bytes() // 4), force=True)
        prune(folder)
    except Exception:  # noqa: BLE001 - a cache that cannot be written (or is too large to keep) only costs time
        pass


class _TooLarge(Exception):
    pass


def _write_entry(timeline: Timeline, out: TextIO, limit: int) -> None:
    """The timeline's compact JSON, what `timeline.model_dump_json(by_alias=True)` makes, written one list item
    (a source, an event, a claim track) at a time, so that a huge timeline is never one string in memory;
    `_TooLarge` once it passes `limit` characters."""
    written = 0

    def put(part: str) -> None:
        nonlocal written
        written += len(part)
        if written > limit:
            raise _TooLarge
        out.write(part)

    put("{")
    for n, (name, field) in enumerate(Timeline.model_fields.items()):
        value = getattr(timeline, name)
        put(f"{',' if n else ''}{json.dumps(field.alias or name)}:")
        if isinstance(value, list):
            put("[")
            for k, item in enumerate(value):
                put(("," if k else "") + item.model_dump_json(by_alias=True))
            put("]")
        else:
            put(json.dumps(value, ensure_ascii=False))
    put("}")


def _entries(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The cache's entries, the most recently used first."""
    entries = []
    for path in folder.glob("*.json"):
        try:
            entries.append((path, path.stat()))
        except OSError:
            continue
    return sorted(entries, key=lambda e: e[1].st_mtime, reverse=True)


def prune(folder: Path) -> None:
    """Drop entries beyond the count, the size limit or the age limit, the least recently used first."""
    now, total, limit = time.time(), 0, max_bytes()
    for n, (path, info) in enumerate(_entries(folder)):
        total += info.st_size
        if n >= _KEEP or total > limit or now - info.st_mtime > MAX_AGE:
            path.unlink(missing_ok=True)
    for tmp in folder.glob(".*.tmp"):  # left by a process that was killed while writing
        try:
            if now - tmp.stat().st_mtime > 3600:
                tmp.unlink(missing_ok=True)
        except OSError:
            continue


def cache_info() -> dict[str, object]:
    """Where the cache is, how many timelines it holds, their size and the limit."""
    folder = cache_dir()
    entries = _entries(folder) if folder is not None and folder.is_dir() else []
    return {"folder": str(folder) if folder is not None else None, "enabled": folder is not None,
            "entries": len(entries), "bytes": sum(info.st_size for _, info in entries), "max_bytes": max_bytes()}


def clear_cache() -> tuple[int, int]:
    """Remove every cached timeline: (entries removed, bytes freed)."""
    folder = cache_dir() or _default_dir()
    count = size = 0
    if not folder.is_dir():
        return 0, 0
    for path in [*folder.glob("*.json"), *folder.glob(".*.tmp")]:
        try:
            info = path.stat()
            path.unlink()
        except OSError:
            continue
        count, size = count + (path.suffix == ".json"), size + info.st_size
    return count, size
