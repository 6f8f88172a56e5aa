"""Fuzzing in the suite (issue 14), bounded to seconds: texts, front matter, manifests, file names, encodings
and publication dates through the library and the command line. Reading may refuse input with a
LlamalineError; nothing may raise anything else, and every quote is `text[start:end]`.
`bench/fuzz.py` runs the same pieces over 100,000 inputs."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUNDLED, ROOT
from llamaline import api
from llamaline.cli import app
from llamaline.errors import LlamalineError
from llamaline.models import Source
from llamaline.pipeline import timeline_of
from llamaline.text.corpus import Corpus, Document, decode_bytes, read_corpus

sys.path.insert(0, str(ROOT / "bench"))
import fuzz  # noqa: E402 - the pieces and checks of bench/fuzz.py

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

piece = st.one_of(st.sampled_from(fuzz.TIME), st.sampled_from(fuzz.NAMES), st.sampled_from(fuzz.VERBS),
                  st.sampled_from(fuzz.NUMBERS), st.sampled_from(fuzz.GLUE), st.sampled_from(fuzz.BOILERPLATE),
                  st.text(max_size=4))
texts = st.lists(piece, max_size=60).map("".join)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
published = st.one_of(st.none(), days.map(date.isoformat), days.map(lambda d: d.isoformat()[:7]),
                      days.map(lambda d: d.isoformat()[:4]))
front = st.lists(st.tuples(st.sampled_from(fuzz.FRONT_KEYS), st.sampled_from(fuzz.FRONT_VALUES)), max_size=5).map(
    lambda pairs: "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n")
manifests = st.lists(st.tuples(st.sampled_from(["id", "title", "published", "outlet", "language", "x"]),
                               st.sampled_from(fuzz.MANIFEST_VALUES)), max_size=4).map(
    lambda pairs: '["a.txt"]\n' + "".join(f"{k} = {v}\n" for k, v in pairs))
names = st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))


@contextmanager
def folder():
    path = Path(tempfile.mkdtemp(prefix="llamaline-fuzz-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def read_and_build(root: Path) -> None:
    """Read (a refusal is fine), then build: nothing may fail and every quote must hold."""
    try:
        corpus = read_corpus(root)
    except LlamalineError:
        return
    fuzz.check_timeline(fuzz.build(corpus), {d.source.id: d.text for d in corpus.documents})


@FAST
@given(text=texts, published=published, language=st.sampled_from(["de", "en", None]))
def test_tag_any_text_at_any_date(text, published, language):
    fuzz.check_tagged(text, api.tag(text, published, language))


@FAST
@given(bodies=st.lists(st.tuples(texts, published, st.sampled_from(["de", "en"])), min_size=1, max_size=3))
def test_pipeline_keeps_every_quote(bodies):
    documents = []
    for n, (text, when, language) in enumerate(bodies):
        source = Source(id=f"d{n}", path=f"d{n}.txt", language=language, published=api.as_span(when),
                        outlet="[/]Reuters")
        documents.append(Document(source=source, text=text))
    timeline = timeline_of(Corpus(root=BUNDLED, documents=documents))
    fuzz.check_timeline(timeline, {d.source.id: d.text for d in documents})


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300))
def test_any_bytes_decode_to_text_or_a_reason(raw):
    found = decode_bytes(raw)
    assert (found.text is None) == (found.reason is not None)
    if found.text is not None:
        found.text.encode("utf-8")  # no lone surrogates reach the pipeline or the JSON


@FAST
@given(head=front, body=texts, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_any_front_matter_is_read_or_refused_in_one_line(head, body, encoding):
    with folder() as root:
        (root / "a.md").write_bytes((head + body + "\nDer Text.").encode(encoding, "replace"))
        read_and_build(root)


@FAST
@given(table=manifests, body=texts)
def test_any_manifest_is_read_or_refused_in_one_line(table, body):
    with folder() as root:
        (root / "a.txt").write_text(body + "\nDer Text.", encoding="utf-8")
        (root / "sources.toml").write_text(table, encoding="utf-8")
        read_and_build(root)


@FAST
@given(name=names, body=texts)
def test_any_file_name_is_read_and_exported(name, body):
    with folder() as root:
        with open(os.fsencode(root) + b"/" + name + b".txt", "wb") as handle:
            handle.write((body + "\nMeta hat am 5. April 2025 Llama 4 vorgestellt.").encode("utf-8"))
        result = CliRunner().invoke(app, ["export", "--corpus", str(root), "-o", str(root / "out.json")])
        assert result.exit_code in (0, 1) and "internal error" not in result.output, result.output
        assert not [p for p in root.iterdir() if p.name.endswith(".tmp")]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), command=st.sampled_from(["timeline", "export", "claims", "sources", "tag"]))
def test_any_corpus_through_the_command_line(seed, command):
    import random

    rng = random.Random(seed)
    with folder() as root:
        (root / "corpus").mkdir()
        fuzz.write_corpus(rng, root / "corpus")
        corpus = ["--corpus", str(root / "corpus")]
        args = {"timeline": ["timeline", *corpus], "export": ["export", *corpus], "claims": ["claims", *corpus],
                "sources": ["sources", "--event", "llama", *corpus],
                "tag": ["tag", "-", "--published", fuzz.published(rng) or "2025"]}[command]
        stdin = fuzz.encode(rng, fuzz.article(rng)) if command == "tag" else None
        result = CliRunner().invoke(app, args, input=stdin)
        assert result.exit_code in (0, 1, 2), result.output
        assert "internal error" not in result.output and "Traceback" not in result.output, result.output
