"""Saved web pages (`.html`, `.htm`) as articles: the main text and the page's metadata, via trafilatura.

The text returned is exactly what trafilatura extracts as plain text: citations are offsets into it,
so the corpus must keep it as the document's text, unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# Dates only from what the page says about itself (meta tags, markup, the URL), never guessed from the
# wording of the text; and no clock: htmldate's default upper bound is "today", which would make the
# same saved page read differently next year.
_PAGE_DATE = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}
_GUESSED_DATE = {"original_date": True, "extensive_search": True, "max_date": "2999-12-31"}

# <html lang="de-DE">: the one language hint trafilatura does not report.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
                        "cp1252", "x-cp1252"}
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)


class NoArticleText(ValueError):
    """The page has no main text to read (an index page, a login wall, an empty file)."""


def read_html(data: bytes, path: Path | str | None = None, *, charset: str | None = None) -> tuple[str, dict[str, Any]]:
    """The article text of a web page and its metadata (`title`, `author`, `outlet`, `published`, `url`,
    `language`; only the keys the page has). A publication date found only in the visible text, not in
    the page's metadata, is a guess: then `inferred` is `["published"]`, for `Source.inferred`.
    `charset` is the one an HTTP response declared, if any. Raises NoArticleText with a reason for users."""
    # trafilatura and lxml cost a few hundred milliseconds to import: only corpora with pages pay for it.
    import trafilatura

    if not data.strip():
        raise NoArticleText("empty page")
    url = str(path) if isinstance(path, str) and path.startswith(("http://", "https://")) else None
    document = trafilatura.bare_extraction(
        _decoded(data, charset),
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        include_tables=True,
        date_extraction_params=_PAGE_DATE,
    )
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        raise NoArticleText("no article text found in the page")
    metadata: dict[str, Any] = {
        "title": document.title,
        "author": document.author,
        "outlet": document.sitename,
        "url": document.url,
        "published": document.date,
        "language": _page_language(data),
    }
    if not metadata["published"]:
        metadata["published"] = _guess_date(data, document.url or url)
        metadata["inferred"] = ["published"] if metadata["published"] else None
    return text, {key: value for key, value in metadata.items() if value}


def _decoded(data: bytes, charset: str | None) -> str | bytes:
    """The page as text by the charset it declares (HTTP header, else <meta>) when it is not UTF-8.

    trafilatura ignores declarations and guesses from the bytes, which goes wrong on short German text
    in Windows-1252 ("kündigte" read as "k³ndigte"). Valid UTF-8 is taken as UTF-8 whatever is declared.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = None if charset else _META_CHARSET.search(data[:4096])
    declared = charset or (match.group(1).decode("ascii") if match else None)
    if declared:
        # As browsers do (WHATWG Encoding): latin-1 and ASCII labels mean Windows-1252.
        name = "cp1252" if declared.lower() in _WINDOWS_1252_LABELS else declared
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return data  # undeclared or wrongly declared: trafilatura's guess


def _guess_date(data: bytes, url: str | None) -> str | None:
    """htmldate's wider search (dates in the visible text) when the page's metadata names none."""
    from htmldate import find_date

    try:
        return find_date(data, url=url, **_GUESSED_DATE)
    except (ValueError, TypeError):
        return None


def _page_language(data: bytes) -> str | None:
    match = _HTML_LANG.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
