"""Saved web pages as articles (issue 15): the main text without the page's furniture, and its metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from llamaline.text.html import NoArticleText, read_html

PAGE = Path(__file__).resolve().parent / "fixtures" / "html" / "article.html"


@pytest.fixture(scope="module")
def article() -> tuple[str, dict]:
    return read_html(PAGE.read_bytes(), PAGE)


def test_the_article_text_without_menus_teasers_and_footer(article):
    text, _ = article
    assert text.startswith("Das Unternehmen Beispiel AG hat die Veröffentlichung")
    assert "Laut einem Bericht des Wall Street Journal soll das Modell nun frühestens im Herbst erscheinen." in text
    for furniture in ("Startseite", "Ähnliche Beiträge", "Impressum", "Alle Rechte vorbehalten"):
        assert furniture not in text


def test_the_page_metadata(article):
    _, metadata = article
    assert metadata == {
        "title": "Modell X verzögert sich bis zum Herbst",
        "author": "Erika Mustermann",
        "outlet": "Beispiel-Verlag",
        "url": "https://news.example.org/2025/05/modell-x-verzoegert",
        "published": "2025-05-16",
        "language": "de",
    }


def test_the_text_is_exactly_trafilaturas_so_offsets_hold(article):
    """Citations are offsets into this text: it must be what trafilatura extracts, not a cleaned copy."""
    import trafilatura

    text, _ = article
    assert text == trafilatura.extract(PAGE.read_bytes(), output_format="txt", include_comments=False)


def test_the_same_page_reads_the_same_every_time(article):
    assert read_html(PAGE.read_bytes(), PAGE) == article


def test_a_date_only_in_the_text_is_a_guess_and_says_so():
    page = ("<html><body><article><p>Berlin, 3. März 2024. Das Unternehmen Beispiel AG stellt sein neues "
            "Modell vor, das nach eigenen Angaben schneller und günstiger ist als sein Vorgänger.</p>"
            "</article></body></html>").encode()
    _, metadata = read_html(page, "page.html")
    assert metadata.get("published") == "2024-03-03"
    assert metadata.get("inferred") == ["published"]


# Short German text in Windows-1252: trafilatura's own guess reads "kündigte" as "k³ndigte".
SHORT_1252 = ("<html><body><article><p>Der Konzern kündigte am Montag an, dass die Kosten steigen. Das Ergebnis "
              "fällt schwächer aus.</p></article></body></html>")


def test_the_charset_a_server_declares_is_used():
    text, _ = read_html(SHORT_1252.encode("cp1252"), "https://example.org/a", charset="ISO-8859-1")
    assert text.startswith("Der Konzern kündigte am Montag an") and "fällt schwächer" in text


def test_the_charset_a_page_declares_is_used():
    page = SHORT_1252.replace("<html>", '<html><head><meta http-equiv="Content-Type" content="text/html; '
                              'charset=windows-1252"></head>')
    text, _ = read_html(page.encode("cp1252"), "page.html")
    assert "kündigte" in text and "fällt schwächer" in text


def test_a_page_in_windows_1252_keeps_its_umlauts():
    page = ("<html lang='de'><head><meta charset='windows-1252'><title>Müller geht</title></head><body><article>"
            "<p>Der Vorstand Jürgen Müller verlässt das Unternehmen zum Jahresende, wie der Konzern am Montag "
            "mitteilte. Über einen Nachfolger sei noch nicht entschieden.</p></article></body></html>").encode("cp1252")
    text, metadata = read_html(page, "page.htm")
    assert "Jürgen Müller verlässt" in text and "Über einen Nachfolger" in text
    assert metadata["language"] == "de"


@pytest.mark.parametrize("page, reason", [
    (b"", "empty page"),
    (b"   \n", "empty page"),
    (b"\x00\x01\x02", "no article text found in the page"),
])
def test_a_page_without_an_article_gives_a_reason(page, reason):
    with pytest.raises(NoArticleText, match=reason):
        read_html(page, "page.html")


def test_reading_a_page_does_not_slow_down_the_command_line():
    """trafilatura takes a few hundred milliseconds to import: only reading a page may pay for it."""
    import subprocess
    import sys

    code = "import sys, llamaline.text.html, llamaline.fetch; print('trafilatura' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
