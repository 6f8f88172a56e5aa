"""Issue 14, resources: the result cache is bounded in size, count and age, and can be emptied."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import write
from llamaline import cache
from llamaline.models import Timeline
from llamaline.text.corpus import read_corpus

GERMAN = "Der Konzern hat das neue Modell im April 2025 vorgestellt. Die Nutzer sind nicht zufrieden.\n"


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("LLAMALINE_NO_CACHE", raising=False)
    monkeypatch.setenv("LLAMALINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def corpus_of(folder: Path, text: str):
    write(folder, "a.txt", text)
    return read_corpus(folder)


def empty() -> Timeline:
    return Timeline(sources=[], events=[])


def test_a_hit_does_not_build(cache_folder, tmp_path):
    corpus = corpus_of(tmp_path / "c", GERMAN)
    cache.timeline_cached(corpus, empty)
    assert cache.timeline_cached(corpus, lambda: pytest.fail("built again")) == empty()
    assert cache.cache_info()["entries"] == 1


def test_size_limit_drops_the_least_recently_used(cache_folder, tmp_path, monkeypatch):
    corpora = [corpus_of(tmp_path / f"c{n}", GERMAN + str(n)) for n in range(4)]
    one = len(empty().model_dump_json(by_alias=True))
    monkeypatch.setenv("LLAMALINE_CACHE_MAX_MB", str(4.5 * one / 1024 / 1024))  # room for four entries
    for n, corpus in enumerate(corpora):
        cache.timeline_cached(corpus, empty)
        os.utime(cache_folder / f"{cache.corpus_key(corpus)}.json", (1e9 + n, time.time() - 100 + n))
    monkeypatch.setenv("LLAMALINE_CACHE_MAX_MB", str(2.5 * one / 1024 / 1024))  # now only two fit
    cache.prune(cache_folder)
    kept = sorted(p.stem for p in cache_folder.glob("*.json"))
    assert kept == sorted(cache.corpus_key(c) for c in corpora[2:])


def test_an_entry_larger_than_a_quarter_of_the_limit_is_not_kept(cache_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("LLAMALINE_CACHE_MAX_MB", "0.0001")
    cache.timeline_cached(corpus_of(tmp_path / "c", GERMAN), empty)
    assert list(cache_folder.glob("*.json")) == []


def test_old_entries_expire(cache_folder, tmp_path):
    corpus = corpus_of(tmp_path / "c", GERMAN)
    cache.timeline_cached(corpus, empty)
    entry = cache_folder / f"{cache.corpus_key(corpus)}.json"
    old = time.time() - cache.MAX_AGE - 10
    os.utime(entry, (old, old))
    cache.prune(cache_folder)
    assert not entry.exists()


def test_clear_removes_everything_and_info_says_so(cache_folder, tmp_path):
    cache.timeline_cached(corpus_of(tmp_path / "c", GERMAN), empty)
    (cache_folder / ".x.json.abcd.tmp").write_text("partial")
    info = cache.cache_info()
    assert info["entries"] == 1 and info["bytes"] > 0 and info["folder"] == str(cache_folder)
    count, size = cache.clear_cache()
    assert count == 1 and size > 0 and list(cache_folder.iterdir()) == []


def test_no_cache_builds_every_time(cache_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("LLAMALINE_NO_CACHE", "1")
    corpus = corpus_of(tmp_path / "c", GERMAN)
    cache.timeline_cached(corpus, empty)
    assert not cache_folder.exists()


def test_an_entry_is_the_timeline_read_back_and_is_written_in_parts(cache_folder, monkeypatch):
    """The entry of a timeline is its compact JSON, written one source, event and claim track at a time (a huge
    timeline is never one string in memory); one larger than a quarter of the limit is dropped while written."""
    import llamaline

    unseen = Path(__file__).resolve().parent / "fixtures" / "unseen"
    built = llamaline.build_timeline(unseen, cache=True)
    (entry,) = cache_folder.glob("*.json")
    assert entry.read_text(encoding="utf-8") == built.model_dump_json(by_alias=True)
    assert llamaline.build_timeline(unseen, cache=True) == built
    entry.unlink()
    size = len(built.model_dump_json(by_alias=True))
    monkeypatch.setenv("LLAMALINE_CACHE_MAX_MB", str(0.9 * 4 * size / 2**20))  # a quarter of it: 90 % of the entry
    assert llamaline.build_timeline(unseen, cache=True) == built
    assert list(cache_folder.iterdir()) == []  # nothing kept, no temporary file left
