"""Read a folder of articles: manifest > front matter > inference, decoding, every file accounted for."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import lang
from ..errors import CorpusError
from ..models import SkippedFile, Source
from ..temporal.timespan import parse_iso

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST = "sources.toml"
# Files of the corpus folder itself that are not articles.
CORPUS_CONFIG = frozenset({MANIFEST, "entities.toml"})
METADATA_KEYS = ("title", "url", "outlet", "author", "language", "published")
KEY_ALIASES = {"lang": "language"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Document:
    """One article: its metadata and its decoded text, which is never rewritten."""

    source: Source
    text: str
    body_start: int = 0  # offset where the body starts (after YAML front matter)

    @property
    def language(self) -> str:
        return self.source.language or lang.DEFAULT_LANGUAGE


@dataclass
class Corpus:
    root: Path
    documents: list[Document]
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def bundled_corpus() -> Path:
    """The five bundled articles: inside the installed package, or `data/corpus` of a source checkout."""
    from importlib import resources

    packaged = Path(str(resources.files("llamaline"))) / "_corpus"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "corpus"


def read_corpus(root: Path | str | None = None) -> Corpus:
    """Every `.txt`/`.md` below `root` (recursively) as a Document, or as a SkippedFile with a reason."""
    root = Path(root) if root is not None else bundled_corpus()
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus is not a folder: {root}")
    manifest = read_manifest(root)
    corpus = Corpus(root=root, documents=[])
    seen: set[str] = set()
    for path, rel in _walk(root, corpus):
        seen.add(rel)
        corpus.documents.extend(_read_file(root, path, rel, manifest.get(rel, {}), corpus))
    for rel in sorted(set(manifest) - seen):
        corpus.warnings.append(f"{MANIFEST}: no file {rel!r} in the corpus")
    if not corpus.documents:
        if corpus.skipped:
            raise CorpusError(f"no readable articles in {root} ({len(corpus.skipped)} files skipped)")
        raise CorpusError(f"corpus folder has no articles (.txt, .md, .html, .jsonl): {root}")
    _assign_ids(corpus)
    return corpus


def read_manifest(root: Path) -> dict[str, dict[str, Any]]:
    """The sidecar manifest: one table per file, keyed by the path relative to the corpus root."""
    path = root / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path}: malformed manifest: {exc}") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise CorpusError(f"{path}: cannot read manifest: {exc}") from None
    tables: dict[str, dict[str, Any]] = {}
    for key, table in data.items():
        if not isinstance(table, dict):
            raise CorpusError(f"{path}: entry {key!r} must be a table of metadata, like [\"{key}\"]")
        tables[Path(key).as_posix()] = table
    return tables


def _walk(root: Path, corpus: Corpus):
    """Article files in a stable order; everything else is accounted for as skipped."""
    found = [(path.relative_to(root), path) for path in root.rglob("*")]
    for rel, path in sorted(found, key=lambda f: f[0].as_posix()):
        if any(part.startswith(".") for part in rel.parts):
            continue  # hidden files and folders (.git, .DS_Store) are not part of a corpus
        if path.is_dir():
            continue
        name = rel.as_posix()
        if name in CORPUS_CONFIG:
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            corpus.skipped.append(SkippedFile(path=name, reason=f"not an article ({path.suffix or 'no suffix'}): "
                                                                "only .txt, .md, .html, .htm and .jsonl are read"))
            continue
        yield path, name


def decode(raw: bytes) -> tuple[str | None, str, str | None]:
    """(text, encoding, reason): UTF-8 (BOM dropped), else Windows-1252; binary gives a reason, no text."""
    if b"\x00" in raw:
        return None, "binary", "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None, "binary", "not text: neither UTF-8 nor Windows-1252"
    if sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f") > len(text) // 100:
        return None, "binary", "binary file (control characters)"
    return text, "windows-1252", None


def _read_file(root: Path, path: Path, rel: str, manifest_entry: dict[str, Any], corpus: Corpus) -> list[Document]:
    """The documents of one file: one article, or one per line of a `.jsonl` file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        corpus.skipped.append(SkippedFile(path=rel, reason=f"cannot read: {exc.strerror or exc}"))
        return []
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        document = _read_html(root, raw, rel, manifest_entry, corpus)
        return [document] if document is not None else []
    if suffix == ".jsonl":
        return _read_jsonl(root, raw, rel, manifest_entry, corpus)
    document = _read_text(root, raw, rel, manifest_entry, corpus)
    return [document] if document is not None else []


def _read_text(root: Path, raw: bytes, rel: str, manifest_entry: dict[str, Any], corpus: Corpus) -> Document | None:
    text, encoding, reason = decode(raw)
    if text is None:
        corpus.skipped.append(SkippedFile(path=rel, reason=reason or "unreadable"))
        return None
    if encoding != "utf-8":
        corpus.warnings.append(f"{rel}: not UTF-8, read as Windows-1252")
    front, body_start = _front_matter(text, root / rel)
    if not text[body_start:].strip():
        corpus.skipped.append(SkippedFile(path=rel, reason="empty file" if not text.strip() else "no text after the front matter"))
        return None
    return _document(root, rel, text, body_start, [("front matter", front), (MANIFEST, manifest_entry)], encoding,
                     corpus)


def _read_html(root: Path, raw: bytes, rel: str, manifest_entry: dict[str, Any], corpus: Corpus) -> Document | None:
    """A saved web page: the article's main text and metadata as trafilatura extracts them. Citations point into
    that text (`llamaline text ID` prints it)."""
    from .html import NoArticleText, read_html

    try:
        text, page = read_html(raw, rel)
    except NoArticleText as exc:
        corpus.skipped.append(SkippedFile(path=rel, reason=str(exc)))
        return None
    inferred = page.pop("inferred", [])
    return _document(root, rel, text, 0, [("page", page), (MANIFEST, manifest_entry)], "html-extracted", corpus,
                     inferred=inferred)


def _read_jsonl(root: Path, raw: bytes, rel: str, manifest_entry: dict[str, Any], corpus: Corpus) -> list[Document]:
    """One document per line of a JSON-lines file; the manifest's entry for the file applies to every line."""
    from .jsonl import UnreadableJsonl, read_jsonl

    try:
        articles, skipped = read_jsonl(raw, rel)
    except UnreadableJsonl as exc:
        corpus.skipped.append(SkippedFile(path=rel, reason=str(exc)))
        return []
    corpus.skipped.extend(skipped)
    shared = {k: v for k, v in manifest_entry.items() if k != "id"}
    documents = []
    for article in articles:
        if not article.text.strip():
            corpus.skipped.append(SkippedFile(path=f"{rel}:{article.line}", reason="empty text"))
            continue
        line = {**article.metadata, "id": article.metadata.get("id") or article.id}
        document = _document(root, rel, article.text, 0, [("line", line), (MANIFEST, shared)], "utf-8", corpus,
                             where=f"{rel}:{article.line}")
        if document is not None:
            documents.append(document)
    return documents


def _document(root: Path, rel: str, text: str, body_start: int, layers: list[tuple[str, dict[str, Any]]],
              encoding: str, corpus: Corpus, *, inferred: list[str] | None = None,
              where: str | None = None) -> Document | None:
    """A Document from its text and metadata layers (later layers win), the rest inferred from the text."""
    where = where or rel
    metadata: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    for origin, table in layers:
        for key, value in table.items():
            key = KEY_ALIASES.get(str(key).lower(), str(key))
            metadata[key] = value
            provenance[key] = origin
    inferred = list(inferred or [])
    if metadata.get("title") in (None, ""):
        metadata["title"] = infer_title(text, body_start)
        inferred.append("title")
    if metadata.get("language") in (None, ""):
        metadata["language"] = infer_language(text[body_start:])
        inferred.append("language")
    language = _language_code(metadata["language"])
    if language not in lang.languages():
        corpus.skipped.append(SkippedFile(path=where, reason=f"no language data for {metadata['language']!r} (have: {', '.join(lang.languages())})"))
        return None
    published = None
    if metadata.get("published") not in (None, ""):
        try:
            published = parse_iso(metadata["published"])
        except ValueError as exc:
            origin = root / MANIFEST if provenance["published"] == MANIFEST else root / rel
            raise CorpusError(f"{origin}: {where}: published: {exc}") from None
    extra = {k: _plain(v) for k, v in metadata.items() if k not in METADATA_KEYS and k != "id"}
    source = Source(
        id=str(metadata.get("id") or ""),
        path=rel,
        title=_str(metadata.get("title")),
        url=_str(metadata.get("url")),
        outlet=_str(metadata.get("outlet")),
        author=_str(metadata.get("author")),
        language=language,
        published=published,
        inferred=list(dict.fromkeys(inferred)),
        encoding=encoding,
        extra=extra,
    )
    return Document(source=source, text=text, body_start=body_start)


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    import yaml  # only files with front matter pay for the import

    try:
        # libyaml's parser where PyYAML has it: the same safe loading, several times faster
        data = yaml.load(match.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        # Where the broken construct began (an unclosed list) beats where the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # 0-based inside the block, which starts on line 2
        problem = " ".join(filter(None, (getattr(exc, "context", None), getattr(exc, "problem", None)))) or "not valid YAML"
        raise CorpusError(f"{path}:{line}: malformed front matter: {problem}") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{path}:2: malformed front matter: expected 'key: value' lines")
    return data, match.end()


def infer_title(text: str, body_start: int) -> str | None:
    """The first non-empty line of the body, without Markdown heading marks."""
    for line in text[body_start:].splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return None


def infer_language(text: str) -> str:
    """The language whose frequent words occur most often in the text."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    best, best_score = lang.DEFAULT_LANGUAGE, 0
    for code in lang.languages():
        try:
            stopwords = set(lang.load(code, "detect").get("stopwords", ()))
        except FileNotFoundError:
            continue
        score = sum(1 for w in words if w in stopwords)
        if score > best_score:
            best, best_score = code, score
    return best


def _language_code(value: Any) -> str:
    return re.split(r"[-_]", str(value).strip().lower())[0]


def _assign_ids(corpus: Corpus) -> None:
    """Readable ids: the manifest's `id`, else the path without suffix (the full path where that collides)."""
    stems = [d.source.id or d.source.path.rsplit(".", 1)[0] for d in corpus.documents]
    clashes = {s for s, n in Counter(stems).items() if n > 1}  # counted once: a corpus may have 100,000 files
    ids = [d.source.path if s in clashes else s for d, s in zip(corpus.documents, stems)]
    if len(set(ids)) != len(ids):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise CorpusError(f"{corpus.root / MANIFEST}: duplicate source id {dupes[0]!r}")
    corpus.documents[:] = [
        Document(source=d.source.model_copy(update={"id": i}), text=d.text, body_start=d.body_start)
        for d, i in zip(corpus.documents, ids)
    ]


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _plain(value: Any) -> Any:
    """Front-matter values as JSON-friendly data (YAML gives dates and datetimes)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
