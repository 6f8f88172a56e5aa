"""Issue 14, reading a corpus: every hostile or odd input gives one clear line naming the file (and line),
or is read, or is skipped with a reason the user sees on stderr and in the JSON `skipped`."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from conftest import BUNDLED, one_line_error, write
from llamaline.cli import app
from llamaline.errors import CorpusError
from llamaline.text.corpus import decode_bytes, read_corpus

GERMAN = "Der Konzern hat das neue Modell im April vorgestellt. Die Nutzer sind mit der Leistung nicht zufrieden.\n"
ARTICLE = "000_ae96c7f18c7de5f6.txt"


def run(runner, *args, input=None):
    return runner.invoke(app, list(args), input=input)


def export(runner, corpus: Path) -> tuple[dict, str]:
    result = run(runner, "export", "--corpus", str(corpus))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


# --- front matter -------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "0000-01-01"])
def test_impossible_published_date_names_file_and_line(runner, tmp_path, value):
    write(tmp_path, "a.md", f"---\ntitle: t\npublished: {value}\n---\n{GERMAN}")
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert "a.md:3" in line and "published" in line and value in line


def test_impossible_date_in_another_key_is_kept_as_text(tmp_path):
    write(tmp_path, "a.md", f"---\nupdated: 2025-02-30\nseen: 0000-01-01\n---\n{GERMAN}")
    assert read_corpus(tmp_path).documents[0].source.extra == {"updated": "2025-02-30", "seen": "0000-01-01"}


def test_recursive_alias_is_refused_with_file_and_line(runner, tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: t\ntags: &a [*a]\n---\n{GERMAN}")
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert "a.md:3" in line and "alias" in line


def test_billion_laughs_is_refused_at_once(runner, tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    write(tmp_path, "a.md", "---\n" + "\n".join(lines) + "\n---\n" + GERMAN)
    began = time.perf_counter()
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert time.perf_counter() - began < 5 and "a.md" in line and "alias" in line


def test_deep_nesting_is_refused(tmp_path):
    write(tmp_path, "a.md", "---\nx: " + "[" * 60 + "]" * 60 + "\n---\n" + GERMAN)
    with pytest.raises(CorpusError, match="a.md:2: .*nested"):
        read_corpus(tmp_path)


def test_published_as_a_list_is_named_without_python_repr(runner, tmp_path):
    write(tmp_path, "a.md", f"---\npublished: [2025, 2026]\n---\n{GERMAN}")
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert "a.md:2" in line and "a list" in line and "[2025" not in line


def test_author_list_is_joined_and_odd_values_stay_json(tmp_path):
    write(tmp_path, "a.md",
          f"---\nauthor: [Ann, Bo]\nblob: !!binary aGVsbG8=\nodd: .nan\nset: !!set {{b, a}}\n---\n{GERMAN}")
    source = read_corpus(tmp_path).documents[0].source
    assert source.author == "Ann, Bo"
    assert source.extra == {"blob": "hello", "odd": "nan", "set": ["a", "b"]}
    json.loads(source.model_dump_json())


# --- decoding -----------------------------------------------------------------------------------

def test_one_stray_windows_1252_byte_keeps_the_rest_utf8_and_the_events(runner, bundled_copy):
    clean, _ = export(runner, bundled_copy)
    path = bundled_copy / ARTICLE
    raw = path.read_bytes()
    cut = raw.index(b".", len(raw) // 2) + 1
    path.write_bytes(raw[:cut] + b" \x96" + raw[cut:])  # an en dash of Windows-1252
    stray, stderr = export(runner, bundled_copy)
    assert f"{ARTICLE}: not valid UTF-8 at byte {cut + 1}" in stderr
    source = next(s for s in stray["sources"] if s["path"] == ARTICLE)
    assert source["encoding"] == "utf-8"
    assert len(stray["events"]) == len(clean["events"])
    before, after = raw[:cut].decode("utf-8"), raw[cut:].decode("utf-8")
    assert decode_bytes(path.read_bytes()).text == before + " –" + after


def test_utf16_with_bom_is_read(runner, tmp_path):
    (tmp_path / "a.txt").write_bytes(GERMAN.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(GERMAN.encode("utf-16-be").join([b"\xfe\xff", b""]))
    data, _ = export(runner, tmp_path)
    assert sorted(s["encoding"] for s in data["sources"]) == ["utf-16", "utf-16"]
    assert data["skipped"] == []


def test_a_few_stray_nul_bytes_are_text(runner, tmp_path):
    write(tmp_path, "a.txt", GERMAN.encode() + b"\x00" + GERMAN.encode())
    data, stderr = export(runner, tmp_path)
    assert [s["path"] for s in data["sources"]] == ["a.txt"] and "NUL" in stderr


def test_binary_file_is_still_skipped():
    assert decode_bytes(bytes(range(256)) * 4).text is None


def test_only_file_skipped_shows_its_reason(runner, tmp_path):
    write(tmp_path, "a.txt", b"\x00\x01\x02\x03" * 100)
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert "a.txt: binary file" in line


# --- folders and names --------------------------------------------------------------------------

def test_linked_folder_is_reported(runner, tmp_path):
    write(tmp_path / "elsewhere", "b.txt", GERMAN)
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", GERMAN)
    (corpus / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    data, stderr = export(runner, corpus)
    assert "skipped linked/: link to a folder" in stderr
    assert {"path": "linked/", "reason": "link to a folder: not followed"} in data["skipped"]


def test_unreadable_folder_is_reported(runner, tmp_path, monkeypatch):
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "locked/b.txt", GERMAN)
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    data, stderr = export(runner, tmp_path)
    assert "skipped locked/: cannot read folder: Permission denied" in stderr
    assert [s["path"] for s in data["skipped"]] == ["locked/"]


def test_fifo_in_corpus_is_skipped_not_waited_on(runner, tmp_path):
    write(tmp_path, "a.txt", GERMAN)
    os.mkfifo(tmp_path / "pipe.txt")
    data, _ = export(runner, tmp_path)
    assert {"path": "pipe.txt", "reason": "not a regular file"} in data["skipped"]


def test_file_name_not_utf8_is_read_and_cached(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("LLAMALINE_NO_CACHE", raising=False)
    monkeypatch.setenv("LLAMALINE_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.fsencode(corpus) + b"/M\xe4rz.txt", "w", encoding="utf-8") as handle:
        handle.write(GERMAN)
    for _ in range(2):  # built, then from the cache
        data, stderr = export(runner, corpus)
        assert [s["path"] for s in data["sources"]] == ["M\\xe4rz.txt"] and "not valid UTF-8" in stderr


# --- manifest and entities ----------------------------------------------------------------------

def test_duplicate_manifest_ids_are_reported(runner, tmp_path):
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "b.txt", GERMAN)
    write(tmp_path, "sources.toml", '["a.txt"]\nid = "x"\n["b.txt"]\nid = "x"\n')
    data, stderr = export(runner, tmp_path)
    assert "source id 'x' is given to 2 files (a.txt, b.txt)" in stderr
    assert sorted(s["id"] for s in data["sources"]) == ["a.txt", "b.txt"]


def test_manifest_key_with_backslashes_finds_its_file(tmp_path):
    write(tmp_path, "sub/a.txt", GERMAN)
    write(tmp_path, "sources.toml", '["sub\\\\a.txt"]\ntitle = "From the manifest"\n')
    corpus = read_corpus(tmp_path)
    assert corpus.documents[0].source.title == "From the manifest" and corpus.warnings == []


@pytest.mark.parametrize("content", [b'[broken\n', b"\xff\xfe not utf-8 \x80"])
def test_invalid_entities_file_is_one_line(runner, bundled_copy, content):
    (bundled_copy / "entities.toml").write_bytes(content)
    line = one_line_error(run(runner, "timeline", "--corpus", str(bundled_copy)))
    assert "entities.toml" in line


def test_unreadable_entities_file_is_one_line(runner, bundled_copy, monkeypatch):
    real = Path.read_text

    def read_text(path, *args, **kwargs):
        if path.name == "entities.toml":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    line = one_line_error(run(runner, "timeline", "--corpus", str(bundled_copy), "--no-cache"))
    assert "entities.toml" in line and "Permission denied" in line


@pytest.mark.parametrize("command", ["timeline", "claims"])
def test_entities_file_with_bad_tables_is_one_line(runner, bundled_copy, command):
    (bundled_copy / "entities.toml").write_text('[[entity]]\nname = 1\n', encoding="utf-8")
    line = one_line_error(run(runner, command, "--corpus", str(bundled_copy), "--no-cache"))
    assert "entities.toml" in line


# --- extreme publication dates ------------------------------------------------------------------

@pytest.mark.parametrize("published, words", [("0001-01-01", "gestern"), ("0001-01-01", "last week"),
                                              ("9999-12-31", "morgen"), ("9999-12-31", "in two weeks"),
                                              ("9999-12", "next Friday"), ("0001", "yesterday")])
def test_relative_words_off_the_calendar_stay_unresolved(runner, published, words):
    language = "de" if words in ("gestern", "morgen") else "en"
    result = run(runner, "tag", "-", "--published", published, "--json", "--language", language,
                 input=f"It is {words}, Meta says.\n")  # no past tense: "in two weeks" is a date, not a length
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    # "in" is a signal: TimeML leaves it outside the expression
    assert [(e["text"], e["when"], e["resolved"]) for e in found] == [(words.removeprefix("in "), None, False)]


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31", "9999", "0001"])
def test_corpus_published_at_the_ends_of_the_calendar_is_built(runner, tmp_path, published):
    for path in sorted(BUNDLED.glob("*.txt"))[:2]:
        write(tmp_path, path.stem + ".md", f"---\npublished: {published}\n---\n" + path.read_text(encoding="utf-8")
              + "\nGestern kündigte Meta an, dass Llama 4 morgen erscheint, nächste Woche oder im Januar.\n")
    data, _ = export(runner, tmp_path)
    assert {s["published"]["start"][:4] for s in data["sources"]} == {published[:4].rjust(4, "0")}


# --- boilerplate --------------------------------------------------------------------------------

TEASER_MID_ARTICLE = """Meta stellt neues Modell vor

Meta hat am 5. April 2025 das Modell Llama 4 Scout vorgestellt, wie der Konzern mitteilte.

Mehr zum Thema:

Meta verschiebt Behemoth

Zuckerberg und die KI

Am 15. Mai 2025 berichtete das Wall Street Journal, dass Meta den Start von Llama 4 Behemoth verschoben hat.

Im November 2025 kündigte Yann LeCun an, dass er Meta verlässt und ein eigenes Startup gründet.
"""


def test_related_heading_mid_article_does_not_swallow_the_dated_paragraphs(runner, tmp_path):
    (tmp_path / "entities.toml").write_bytes((BUNDLED / "entities.toml").read_bytes())
    write(tmp_path, "a.txt", TEASER_MID_ARTICLE)
    data, _ = export(runner, tmp_path)
    quoted = " ".join(m["quote"] for e in data["events"] for m in e["mentions"])
    assert "5. April 2025" in quoted and "15. Mai 2025" in quoted and "November 2025" in quoted
    assert "Meta verschiebt Behemoth" not in quoted  # the teaser lines stay boilerplate


def test_a_large_file_is_announced_before_the_wait(tmp_path, monkeypatch):
    from llamaline.text import corpus as corpus_module

    monkeypatch.setattr(corpus_module, "LARGE_FILE", 1000)
    write(tmp_path, "a.txt", GERMAN * 50)
    write(tmp_path, "b.txt", GERMAN)
    warnings = read_corpus(tmp_path).warnings
    assert len(warnings) == 1 and warnings[0].startswith("a.txt: a large file") and "may take" in warnings[0]


def test_a_large_corpus_is_announced_before_the_wait(tmp_path, monkeypatch):
    from llamaline.text import corpus as corpus_module

    monkeypatch.setattr(corpus_module, "LARGE_CORPUS", 150)
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "b.txt", GERMAN)
    warnings = read_corpus(tmp_path).warnings
    assert len(warnings) == 1 and "of text in 2 files" in warnings[0] and "may take" in warnings[0]


def test_values_that_do_not_fit_their_yaml_type_are_kept_as_text(tmp_path):
    write(tmp_path, "a.md", "---\na: !!int abc\nb: !!float x\nc: !!bool maybe\nd: !!timestamp 2x\ne: !!int 0x\n"
                            f"f: {'1' * 5000}\n---\n{GERMAN}")
    extra = read_corpus(tmp_path).documents[0].source.extra
    assert extra == {"a": "abc", "b": "x", "c": "maybe", "d": "2x", "e": "0x", "f": "1" * 5000}


def test_entities_file_with_bad_tables_is_a_corpus_error_for_the_library(bundled_copy):
    import llamaline

    (bundled_copy / "entities.toml").write_text('[[entity]]\nkind = "person"\n', encoding="utf-8")
    with pytest.raises(llamaline.LlamalineError, match="entities.toml"):
        llamaline.build_timeline(bundled_copy)


@pytest.mark.parametrize("published", ["9999-01-01", "9999-12-31", "9999", "0001-01-01", "0001"])
def test_tagging_at_the_ends_of_the_calendar(published):
    from llamaline import api

    for text, language in (("", "de"), ("Gestern und morgen, im Jahr 9999, Ende 9999, im Dezember.", "de"),
                           ("Yesterday, next year, the year 9999, in December.", "en")):
        for found in api.tag(text, published, language):
            assert text[found.start:found.end] == found.text
