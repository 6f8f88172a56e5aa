"""`llamaline add URL...`: fetch web pages into a corpus folder as Markdown files with YAML front matter.

Each URL gives one result: saved (with the file's path), already in the corpus (found by the `url` in
the front matter of its `.md` files), or failed with a reason a user can act on. One bad URL does not
stop the others.
"""

from __future__ import annotations

import re
import socket
import tomllib
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urldefrag, urlsplit

from .text.html import NoArticleText, read_html

USER_AGENT = "llamaline/0.1 (news timeline builder; +https://pypi.org/project/llamaline/)"
TIMEOUT = 20.0  # seconds without an answer before a URL fails
MAX_BYTES = 10 * 1024 * 1024  # a news page is well under 10 MB; more is a video or an endless stream
MANIFEST = "sources.toml"  # the corpus's sidecar metadata (see CONTRACT.md)
FRONT_MATTER_KEYS = ("title", "url", "outlet", "author", "published", "language")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: Literal["saved", "exists", "failed"]
    path: Path | None = None  # the saved file, or the corpus file that already has this URL
    reason: str | None = None  # why it failed

    @property
    def ok(self) -> bool:
        return self.status != "failed"


class FetchError(Exception):
    """One URL could not be turned into an article; the message is for users."""


def fetch_articles(urls: list[str], corpus_dir: Path | str, *, timeout: float = TIMEOUT,
                   max_bytes: int = MAX_BYTES) -> list[FetchResult]:
    """Fetch each URL (in the order given) and save its article text into `corpus_dir`."""
    corpus = Path(corpus_dir)
    corpus.mkdir(parents=True, exist_ok=True)
    known = known_urls(corpus)
    results = []
    for url in urls:
        key = _url_key(url)
        if key in known:
            results.append(FetchResult(url, "exists", path=known[key]))
            continue
        try:
            text, metadata = _fetch_one(url, timeout=timeout, max_bytes=max_bytes)
            # The page's own address (<link rel="canonical">) catches a second link to a page saved in this run.
            canonical = _url_key(metadata["url"]) if metadata.get("url") else None
            if canonical in known:
                known[key] = known[canonical]
                results.append(FetchResult(url, "exists", path=known[canonical]))
                continue
            metadata["url"] = urldefrag(url.strip())[0]  # the address the user gave: the one `add` gets again
            path = save_article(corpus, text, metadata)
        except FetchError as exc:
            results.append(FetchResult(url, "failed", reason=str(exc)))
            continue
        known[key] = path
        if canonical:
            known[canonical] = path
        results.append(FetchResult(url, "saved", path=path))
    return results


def known_urls(corpus: Path) -> dict[str, Path]:
    """The `url` of every `.md` file's front matter below `corpus`, and of the manifest's entries, as the
    key that matches duplicates."""
    import yaml

    found: dict[str, Path] = {}
    for path in sorted(corpus.rglob("*.md")):
        try:
            head = path.read_text(encoding="utf-8-sig", errors="replace")[:20000]
        except OSError:
            continue
        match = _FRONT_MATTER.match(head)
        if not match:
            continue
        try:
            data = yaml.safe_load(match.group(1) or "")
        except yaml.YAMLError:
            continue  # the corpus reader reports a broken front matter; here it only cannot be a duplicate
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            found.setdefault(_url_key(data["url"]), path)
    # Files that must stay untouched carry their metadata in the manifest instead.
    try:
        manifest = tomllib.loads((corpus / MANIFEST).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        manifest = {}
    for name, table in sorted(manifest.items()):
        if isinstance(table, dict) and isinstance(table.get("url"), str):
            found.setdefault(_url_key(table["url"]), corpus / name)
    return found


def _url_key(url: str) -> str:
    """The same page whatever the fragment, the case of scheme and host, a trailing slash or tracking tags."""
    url, _ = urldefrag(url.strip())
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{'?' + query if query else ''}"


def _fetch_one(url: str, *, timeout: float, max_bytes: int) -> tuple[str, dict]:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError("not a web address: only http:// and https:// URLs can be fetched")
    data, charset = download(url, timeout=timeout, max_bytes=max_bytes)
    try:
        return read_html(data, url, charset=charset)
    except NoArticleText as exc:
        raise FetchError(f"{exc}: nothing to save") from None


def download(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None]:
    """The body of a web page and the charset its server declared; FetchError says what went wrong in
    words (HTTP status, timeout, size, type)."""
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in _PAGE_TYPES:
                raise FetchError(f"not a web page: the server sent {kind}")
            charset = response.headers.get_content_charset()
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"no answer within {timeout:g} s") from None
        raise FetchError(f"cannot reach the server: {getattr(reason, 'strerror', None) or reason}") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # connection reset mid-body, a malformed URL
        raise FetchError(f"download failed: {exc}") from None
    if len(data) > max_bytes:
        raise FetchError(f"page larger than {_size(max_bytes)}: not an article")
    return data, charset


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):g} MB" if count >= 1024 * 1024 else f"{count:,} bytes"


def save_article(corpus: Path, text: str, metadata: dict) -> Path:
    """Write `text` under front matter to a new file named after the title; never overwrites a file."""
    import yaml

    front = {key: metadata[key] for key in FRONT_MATTER_KEYS if metadata.get(key)}
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    # Paragraphs as Markdown paragraphs: trafilatura separates them by one line break.
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    content = f"---\n{header}---\n\n{body}\n"
    stem = slug(metadata.get("title") or urlsplit(metadata.get("url") or "").path.rsplit("/", 1)[-1])
    return _write_new(corpus, stem, content)


def slug(words: str, limit: int = 80) -> str:
    """A file name anyone's system accepts: ASCII letters, digits and hyphens ('Äpfel & Öl' -> 'aepfel-oel')."""
    words = words.translate(_GERMAN)
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"[^a-z0-9]+", "-", ascii_words.lower()).strip("-")
    return name[:limit].rstrip("-") or "article"


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def _write_new(corpus: Path, stem: str, content: str) -> Path:
    """Write to `<stem>.md`, or `<stem>-2.md`... when taken; never over an existing file, and no half file."""
    for n in range(1, 10000):
        path = corpus / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        try:
            handle = open(path, "x", encoding="utf-8", newline="\n")  # noqa: SIM115 - "x" fails if the name is taken
        except FileExistsError:
            continue
        except OSError as exc:
            raise FetchError(f"cannot save into {corpus}: {exc.strerror or exc}") from None
        try:
            with handle:
                handle.write(content)
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise FetchError(f"cannot save {path}: {exc.strerror or exc}") from None
        return path
    raise FetchError(f"too many files named {stem}-N.md in {corpus}")
