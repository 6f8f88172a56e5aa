"""`add URL...` (issue 15): pages fetched from a local server into a corpus folder as Markdown with front matter."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from llamaline.fetch import USER_AGENT, fetch_articles, slug

PAGE = (Path(__file__).resolve().parent / "fixtures" / "html" / "article.html").read_bytes()
HOSTILE_TITLE = b"<html><head><title>../../etc/passwd</title></head><body><article><p>" + b"Ein Satz. " * 30 + b"</p></article></body></html>"


LATIN_PAGE = ("<html><head><title>Kosten</title></head><body><article><p>Der Konzern kündigte am Montag an, dass "
              "die Kosten steigen. Das Ergebnis fällt schwächer aus.</p></article></body></html>")


class Pages(BaseHTTPRequestHandler):
    """A few pages and the ways a web server can fail, on 127.0.0.1 only."""

    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        Pages.seen_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", PAGE),
            "/other.html": (200, "text/html", PAGE.replace(b"Modell X verz\xc3\xb6gert sich bis zum Herbst", b"Zweiter Bericht")),
            "/hostile.html": (200, "text/html", HOSTILE_TITLE),
            "/report.pdf": (200, "application/pdf", b"%PDF-1.7"),
            "/huge.html": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
            "/menu.html": (200, "text/html", b""),
            "/latin.html": (200, "text/html; charset=iso-8859-1", LATIN_PAGE.encode("cp1252")),
        }
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/slow.html":
            time.sleep(1.5)
        status, kind, body = routes.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
        if self.path == "/slow.html":
            status, kind, body = 200, "text/html", PAGE
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout and size tests): what they test, not an error

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """A proxy set in the environment must not carry requests for the local server elsewhere."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def test_a_page_is_saved_as_markdown_with_front_matter(server, tmp_path):
    [result] = fetch_articles([f"{server}/article.html"], tmp_path)
    assert result.status == "saved", result.reason
    assert result.path == tmp_path / "modell-x-verzoegert-sich-bis-zum-herbst.md"
    metadata, body = front_matter(result.path)
    assert metadata == {
        "title": "Modell X verzögert sich bis zum Herbst",
        "url": f"{server}/article.html",
        "outlet": "Beispiel-Verlag",
        "author": "Erika Mustermann",
        "published": "2025-05-16",
        "language": "de",
    }
    assert list(metadata) == ["title", "url", "outlet", "author", "published", "language"]
    assert "Laut einem Bericht des Wall Street Journal soll das Modell nun frühestens im Herbst erscheinen." in body
    assert "Impressum" not in body
    assert Pages.seen_agents[-1] == USER_AGENT


def test_the_saved_article_is_read_by_the_corpus_reader(server, tmp_path):
    try:
        from llamaline.text.corpus import read_corpus
    except ImportError:
        from llamaline.corpus import read_corpus

    fetch_articles([f"{server}/article.html"], tmp_path)
    [document] = read_corpus(tmp_path).documents
    source = document.source
    assert (source.title, source.outlet, source.author, source.language) == (
        "Modell X verzögert sich bis zum Herbst", "Beispiel-Verlag", "Erika Mustermann", "de")
    assert source.published.edtf == "2025-05-16" and source.inferred == []
    assert document.text[document.body_start:].lstrip().startswith("Das Unternehmen Beispiel AG")


def test_a_url_already_in_the_corpus_is_not_fetched_again(server, tmp_path):
    [first] = fetch_articles([f"{server}/article.html"], tmp_path)
    asked = len(Pages.seen_agents)
    again = fetch_articles([f"{server}/article.html#comments", f"{server}/article.html"], tmp_path)
    assert [(r.status, r.path) for r in again] == [("exists", first.path), ("exists", first.path)]
    assert len(Pages.seen_agents) == asked, "nothing downloaded"
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.path.name]


def test_a_url_in_the_manifest_is_in_the_corpus(server, tmp_path):
    (tmp_path / "kept.txt").write_text("Ein Artikel.\n")
    (tmp_path / "sources.toml").write_text(f'["kept.txt"]\nurl = "{server}/article.html"\n')
    [result] = fetch_articles([f"{server}/article.html"], tmp_path)
    assert (result.status, result.path) == ("exists", tmp_path / "kept.txt")


def test_the_same_page_twice_in_one_call_gives_one_file(server, tmp_path):
    results = fetch_articles([f"{server}/article.html", f"{server}/article.html?utm_source=feed",
                              f"{server}/other.html"], tmp_path)
    assert [r.status for r in results] == ["saved", "exists", "exists"], "other.html names the same canonical page"
    assert len(list(tmp_path.glob("*.md"))) == 1


def test_two_pages_with_the_same_title_get_two_files(server, tmp_path):
    (tmp_path / "modell-x-verzoegert-sich-bis-zum-herbst.md").write_text("Ein Artikel ohne Front Matter.\n")
    [result] = fetch_articles([f"{server}/article.html"], tmp_path)
    assert result.path.name == "modell-x-verzoegert-sich-bis-zum-herbst-2.md"
    assert (tmp_path / "modell-x-verzoegert-sich-bis-zum-herbst.md").read_text() == "Ein Artikel ohne Front Matter.\n"


def test_a_title_cannot_put_a_file_outside_the_corpus(server, tmp_path):
    corpus = tmp_path / "corpus"
    [result] = fetch_articles([f"{server}/hostile.html"], corpus)
    assert result.status == "saved" and result.path.parent == corpus
    assert result.path.name == "etc-passwd.md"


def test_each_failing_url_says_why_and_the_others_are_still_saved(server, tmp_path):
    urls = [f"{server}/missing.html", f"{server}/report.pdf", f"{server}/menu.html", "ftp://example.org/a",
            "not a url", f"{server}/article.html"]
    results = fetch_articles(urls, tmp_path)
    reasons = {r.url: r.reason for r in results if r.status == "failed"}
    assert reasons == {
        f"{server}/missing.html": "the server answered HTTP 404 Not Found",
        f"{server}/report.pdf": "not a web page: the server sent application/pdf",
        f"{server}/menu.html": "empty page: nothing to save",
        "ftp://example.org/a": "not a web address: only http:// and https:// URLs can be fetched",
        "not a url": "not a web address: only http:// and https:// URLs can be fetched",
    }
    assert results[-1].status == "saved"


def test_size_cap_timeout_and_a_closed_port(server, tmp_path):
    [huge] = fetch_articles([f"{server}/huge.html"], tmp_path, max_bytes=1000)
    assert huge.reason == "page larger than 1,000 bytes: not an article"
    [slow] = fetch_articles([f"{server}/slow.html"], tmp_path, timeout=0.3)
    assert slow.reason == "no answer within 0.3 s"
    [closed] = fetch_articles(["http://127.0.0.1:9/"], tmp_path, timeout=2)
    assert closed.status == "failed" and closed.reason.startswith("cannot reach the server")


def test_the_charset_the_server_declares_is_used(server, tmp_path):
    [result] = fetch_articles([f"{server}/latin.html"], tmp_path)
    _, body = front_matter(result.path)
    assert "Der Konzern kündigte am Montag an" in body and "fällt schwächer" in body


def test_a_redirect_is_followed_and_the_url_given_is_kept(server, tmp_path):
    [result] = fetch_articles([f"{server}/moved"], tmp_path)
    assert result.status == "saved"
    assert front_matter(result.path)[0]["url"] == f"{server}/moved"


@pytest.mark.parametrize("title, name", [
    ("Äpfel & Öl: Großhändler gibt auf", "aepfel-oel-grosshaendler-gibt-auf"),
    ("Café in São Paulo", "cafe-in-sao-paulo"),
    ("???", "article"),
    ("x" * 200, "x" * 80),
])
def test_file_names_are_plain_ascii(title, name):
    assert slug(title) == name
