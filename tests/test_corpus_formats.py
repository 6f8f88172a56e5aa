"""Saved web pages and JSON lines as corpus files, `llamaline text`, `llamaline add` and every export format,
through the command line as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import BUNDLED, write
from llamaline.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGE = (FIXTURES / "html" / "article.html").read_bytes()

LINES = [
    {"text": "Die Firma Nordlicht stellte am 3. März 2025 ihr neues Modell vor. Es soll im Herbst erscheinen.",
     "title": "Nordlicht zeigt Modell", "outlet": "Beispielblatt", "published": "2025-03-04", "language": "de"},
    {"text": "Acme announced on Monday that it has acquired Widgets Inc. for $2 billion.",
     "outlet": "Example Wire", "published": "2024-06-12", "lang": "en"},
]


def run(runner, *args, **kwargs):
    return runner.invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"}, **kwargs)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A corpus of one saved page and one JSON-lines file (two articles and a broken line)."""
    folder = tmp_path / "mixed"
    write(folder, "page.html", PAGE)
    write(folder, "feed.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n{broken\n")
    return folder


def test_pages_and_json_lines_are_articles(runner, mixed):
    result = run(runner, "export", "--corpus", str(mixed))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sources = {s["id"]: s for s in data["sources"]}
    assert set(sources) == {"page", "feed#1", "feed#2"}
    page = sources["page"]
    assert page["outlet"] == "Beispiel-Verlag" and page["author"] == "Erika Mustermann"
    assert page["published"]["edtf"] == "2025-05-16" and page["encoding"] == "html-extracted"
    assert sources["feed#1"]["outlet"] == "Beispielblatt" and sources["feed#2"]["language"] == "en"
    assert [s["path"] for s in data["skipped"]] == ["feed.jsonl:3"]  # the broken line, with its number
    assert "feed.jsonl:3" in result.stderr


def test_every_quote_is_in_the_text_that_llamaline_text_prints(runner, mixed):
    data = json.loads(run(runner, "export", "--corpus", str(mixed)).stdout)
    texts = {}
    mentions = [m for e in data["events"] for m in e["mentions"]] + data["unplaced"]
    assert {m["source"] for m in mentions} == {"page", "feed#1", "feed#2"}
    for m in mentions:
        if m["source"] not in texts:
            result = run(runner, "text", m["source"], "--corpus", str(mixed))
            assert result.exit_code == 0, result.output
            texts[m["source"]] = result.stdout
        assert texts[m["source"]][m["start"]:m["end"]] == m["quote"]
    assert "<nav>" not in texts["page"] and "Startseite" not in texts["page"]


def test_text_of_an_unknown_source_names_the_closest(runner, mixed):
    result = run(runner, "text", "pag", "--corpus", str(mixed))
    assert result.exit_code == 1
    assert "no source 'pag'" in result.stderr and "page" in result.stderr


@pytest.mark.parametrize("format", ["json", "jsonl", "csv", "md", "timelinejs", "html"])
def test_every_format_goes_to_a_file_and_to_stdout_alike(runner, tmp_path, format):
    target = tmp_path / f"out.{format}"
    written = run(runner, "export", "--format", format, "-o", str(target))
    assert written.exit_code == 0, written.output
    printed = run(runner, "export", "--format", format, "-o", "-")
    assert printed.exit_code == 0
    assert target.read_bytes() == printed.stdout_bytes and target.stat().st_size > 500


def test_csv_has_one_row_per_citation(runner):
    events = json.loads(run(runner, "export").stdout)["events"]
    rows = list(csv.DictReader(io.StringIO(run(runner, "export", "--format", "csv").stdout.lstrip("\ufeff"))))
    assert len(rows) == sum(len(e["mentions"]) for e in events)
    assert {r["event_id"] for r in rows} == {e["id"] for e in events}


def test_an_unknown_format_is_a_usage_error_before_anything_is_built(runner):
    result = run(runner, "export", "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.output and "timelinejs" in result.output


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        found = self.path == "/article.html"
        body = PAGE if found else b"<h1>Not Found</h1>"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_add_fetches_into_the_corpus_and_the_timeline_reads_it(runner, server, tmp_path):
    folder = tmp_path / "fetched"
    result = run(runner, "add", f"{server}/article.html", f"{server}/missing.html", "--corpus", str(folder))
    assert result.exit_code == 1  # one page failed, and says why; the other was saved
    assert "saved" in result.stderr and "404" in result.stderr
    saved = list(folder.glob("*.md"))
    assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("---\n")
    again = run(runner, "add", f"{server}/article.html", "--corpus", str(folder))
    assert again.exit_code == 0 and "already in the corpus" in again.stderr
    assert len(list(folder.glob("*.md"))) == 1
    data = json.loads(run(runner, "export", "--corpus", str(folder)).stdout)
    assert data["sources"][0]["url"].endswith("/article.html")
    first = data["sources"][0]["id"]
    assert any(m["source"] == first for e in data["events"] for m in e["mentions"]) or data["unplaced"]


def test_add_needs_a_corpus_folder(runner, server):
    result = run(runner, "add", f"{server}/article.html")
    assert result.exit_code == 2 and "--corpus" in result.output


def test_a_page_without_an_article_is_skipped_with_a_reason(runner, tmp_path):
    folder = tmp_path / "c"
    write(folder, "menu.html", b"<html><head><title>Menu</title></head><body></body></html>")
    write(folder, "page.htm", PAGE)
    result = run(runner, "export", "--corpus", str(folder))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["path"] for s in data["sources"]] == ["page.htm"]
    assert [s["path"] for s in data["skipped"]] == ["menu.html"] and "menu.html" in result.stderr


def test_one_article_file_is_a_corpus(runner):
    article = BUNDLED / "001_90d3bd37a3053b0b.txt"
    data = json.loads(run(runner, "export", "--corpus", str(article)).stdout)
    assert [s["path"] for s in data["sources"]] == [article.name]
    assert data["sources"][0]["outlet"] == "KINEWS24"  # the folder's manifest applies
    only = data["sources"][0]["id"]
    assert data["events"] and all(m["source"] == only for e in data["events"] for m in e["mentions"])


def test_standard_input_gives_paths_or_json_lines(runner, mixed):
    paths = "\n".join(str(BUNDLED / name) for name in ("000_ae96c7f18c7de5f6.txt", "002_e831337deed064ed.txt"))
    by_paths = json.loads(run(runner, "export", "--corpus", "-", input=paths + "\n").stdout)
    assert [s["path"] for s in by_paths["sources"]] == ["000_ae96c7f18c7de5f6.txt", "002_e831337deed064ed.txt"]
    lines = "\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n"
    by_lines = json.loads(run(runner, "export", "--corpus", "-", input=lines).stdout)
    assert [s["id"] for s in by_lines["sources"]] == ["stdin#1", "stdin#2"]
    assert by_lines["sources"][0]["outlet"] == "Beispielblatt"
    missing = run(runner, "export", "--corpus", "-", input="no/such/file.txt\n")
    assert missing.exit_code == 1 and "no such file" in missing.stderr and "Traceback" not in missing.output
