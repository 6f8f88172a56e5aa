"""The corpus reader: metadata precedence, decoding, and every file accounted for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import BUNDLED, write
from llamaline.text.corpus import bundled_corpus, read_corpus
from llamaline.errors import CorpusError

GERMAN = "Der Konzern hat das neue Modell im April vorgestellt. Die Nutzer sind mit der Leistung nicht zufrieden.\n"
ENGLISH = "The company said on Monday that the new model will be released in the autumn, and the users are happy.\n"


def test_bundled_corpus_is_found_and_read_with_its_manifest():
    corpus = read_corpus()
    assert bundled_corpus().resolve() in (BUNDLED.resolve(), bundled_corpus().resolve())
    assert [d.source.id for d in corpus.documents] == sorted(d.source.id for d in corpus.documents)
    assert len(corpus.documents) == 5 and corpus.skipped == []
    by_path = {d.source.path: d.source for d in corpus.documents}
    kinews = by_path["001_90d3bd37a3053b0b.txt"]
    assert kinews.outlet == "KINEWS24" and kinews.author == "Oliver Welling"
    assert kinews.published.precision == "month" and kinews.published.edtf == "2025-05"
    assert all(s.language == "de" and s.inferred == [] for s in by_path.values())


def test_bundled_files_are_byte_for_byte_the_seeds():
    seeds = BUNDLED.parent.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for seed in sorted(seeds.glob("*.txt")):
        assert (BUNDLED / seed.name).read_bytes() == seed.read_bytes()


def test_manifest_wins_over_front_matter_which_wins_over_inference(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: From front matter\nlang: en\noutlet: Front Outlet\nfoo: 1\npublished: 2025-05-15\n---\n# Heading\n" + ENGLISH)
    write(tmp_path, "sources.toml", '["a.md"]\noutlet = "Manifest Outlet"\nbar = "kept"\n')
    source = read_corpus(tmp_path).documents[0].source
    assert source.title == "From front matter"
    assert source.outlet == "Manifest Outlet"
    assert source.language == "en"  # `lang` is an alias of `language`
    assert source.extra == {"foo": 1, "bar": "kept"}
    assert source.published.edtf == "2025-05-15" and source.published.precision == "day"
    assert source.inferred == []


def test_title_and_language_are_inferred_and_marked(tmp_path):
    write(tmp_path, "x/de.txt", "Ein Titel ohne Punkt\n" + GERMAN * 3)
    write(tmp_path, "en.txt", "\n\nA headline\n" + ENGLISH * 3)
    docs = {d.source.path: d.source for d in read_corpus(tmp_path).documents}
    assert docs["x/de.txt"].title == "Ein Titel ohne Punkt" and docs["x/de.txt"].language == "de"
    assert docs["en.txt"].title == "A headline" and docs["en.txt"].language == "en"
    assert docs["en.txt"].inferred == ["title", "language"]
    assert docs["x/de.txt"].id == "x/de"


def test_published_keeps_its_precision(tmp_path):
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "b.txt", GERMAN)
    write(tmp_path, "sources.toml", '["a.txt"]\npublished = "2025"\n["b.txt"]\npublished = 2025-05-15\n')
    docs = {d.source.path: d.source for d in read_corpus(tmp_path).documents}
    assert docs["a.txt"].published.precision == "year"
    assert (docs["a.txt"].published.start, docs["a.txt"].published.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert docs["b.txt"].published.edtf == "2025-05-15"


def test_decoding_bom_and_windows_1252(tmp_path):
    write(tmp_path, "bom.txt", "\ufeff".encode() + GERMAN.encode())
    write(tmp_path, "latin.txt", "Größere Änderungen für Nutzer, die Firma hat es bestätigt.\n".encode("cp1252"))
    corpus = read_corpus(tmp_path)
    docs = {d.source.path: d for d in corpus.documents}
    assert docs["bom.txt"].text == GERMAN  # the BOM is not part of the text offsets point into
    assert docs["latin.txt"].text.startswith("Größere Änderungen")
    assert docs["latin.txt"].source.encoding == "windows-1252"
    assert any("latin.txt" in w and "Windows-1252" in w for w in corpus.warnings)


def test_every_file_is_accounted_for(tmp_path):
    write(tmp_path, "good.txt", GERMAN)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.md", "  \n\n")
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, "fm-only.md", "---\ntitle: x\n---\n")
    corpus = read_corpus(tmp_path)
    assert [d.source.path for d in corpus.documents] == ["good.txt"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert set(reasons) == {"empty.txt", "blank.md", "image.txt", "notes.pdf", "fm-only.md"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["image.txt"]
    assert "not an article" in reasons["notes.pdf"] and "front matter" in reasons["fm-only.md"]


def test_unknown_language_is_skipped_with_a_reason(tmp_path):
    write(tmp_path, "good.txt", GERMAN)
    write(tmp_path, "fr.md", "---\nlanguage: fr\n---\nLe texte.\n")
    corpus = read_corpus(tmp_path)
    assert [s.path for s in corpus.skipped] == ["fr.md"] and "fr" in corpus.skipped[0].reason


@pytest.mark.parametrize(
    "files, message",
    [
        ({}, "has no articles"),
        ({"a.txt": ""}, "no readable articles"),
        ({"a.txt": GERMAN, "sources.toml": '["a.txt"\ntitle = 1\n'}, "sources.toml: malformed manifest"),
        ({"a.txt": GERMAN, "sources.toml": '"a.txt" = 3\n'}, "must be a table"),
        ({"a.md": "---\ntitle: [unclosed\nlang: de\n---\n" + GERMAN}, "a.md:2: malformed front matter"),  # where the unclosed list begins
        ({"a.md": "---\n- just\n- a list\n---\n" + GERMAN}, "a.md:2: malformed front matter"),
        ({"a.txt": GERMAN, "sources.toml": '["a.txt"]\npublished = "May 2025"\n'}, "published: not an ISO 8601 date"),
        ({"a.txt": GERMAN, "sources.toml": '["a.txt"]\npublished = "2025-13"\n'}, "not a calendar date"),
    ],
)
def test_bad_corpora_raise_one_clear_error(tmp_path, files, message):
    for name, content in files.items():
        write(tmp_path, name, content)
    with pytest.raises(CorpusError, match=message.replace("[", r"\[")):
        read_corpus(tmp_path)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        read_corpus(tmp_path / "nope")


def test_manifest_line_is_named(tmp_path):
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "sources.toml", '["a.txt"]\ntitle = "ok"\noutlet = \n')
    with pytest.raises(CorpusError, match=r"line 3"):
        read_corpus(tmp_path)


def test_manifest_entry_without_file_is_a_warning(tmp_path):
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "sources.toml", '["gone.txt"]\ntitle = "x"\n')
    assert any("gone.txt" in w for w in read_corpus(tmp_path).warnings)


def test_reading_order_does_not_depend_on_creation_order(tmp_path):
    names = ["b.txt", "a/c.txt", "a.txt", "z.md"]
    first, second = tmp_path / "one", tmp_path / "two"
    for name in names:
        write(first, name, GERMAN)
    for name in reversed(names):
        write(second, name, GERMAN)
    assert [d.source for d in read_corpus(first).documents] == [d.source for d in read_corpus(second).documents]


def test_hidden_files_are_not_articles(tmp_path: Path):
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, ".git/HEAD", "ref: refs/heads/main\n")
    corpus = read_corpus(tmp_path)
    assert [d.source.path for d in corpus.documents] == ["a.txt"] and corpus.skipped == []
