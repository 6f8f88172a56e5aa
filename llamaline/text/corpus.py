"""Read a folder of articles: manifest > front matter > inference, decoding, every file accounted for."""

from __future__ import annotations

import codecs
import math
import os
import re
import stat
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
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

# Front matter is a few lines of metadata: bounded, so a hostile file cannot exhaust memory or the stack.
FRONT_MATTER_MAX_BYTES = 256 * 1024
FRONT_MATTER_MAX_DEPTH = 32
# A file this large is announced on stderr before the wait, with what it will roughly cost (measured: a 6 MB
# article takes 19 s; time grows about linearly with the size of one document. Memory, read in 1 MB pieces
# (pieces.py) and exported as JSON: 144 MB for 6 MB, 262 MB for 20 MB, 657 MB for 60 MB; bench/bench_memory.py).
LARGE_FILE = 5 * 1024 * 1024
LARGE_CORPUS = 20 * 1024 * 1024
SECONDS_PER_MB = 3
MEMORY_MB, MEMORY_PER_MB = 100, 10
# A text may carry a few stray NUL bytes (a bad copy, a broken editor); more than this share is binary.
NUL_SHARE_BINARY = 0.01

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
    """Every article below `root` (recursively) as a Document, or as a SkippedFile with a reason. `root` may
    also be one article file: a corpus of that file, its folder's manifest and entities.toml applying."""
    root = Path(root) if root is not None else bundled_corpus()
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if root.is_file():
        return read_files([root])
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
    return _finished(corpus)


def read_files(paths: list[Path]) -> Corpus:
    """A corpus of the given article files (paths relative to their common folder, whose manifest and
    entities.toml apply); a path that is missing or no article is skipped with its reason."""
    if not paths:
        raise CorpusError("no article files given")
    resolved = [Path(p).resolve() for p in paths]
    root = Path(os.path.commonpath([p.parent for p in resolved]))
    manifest = read_manifest(root)
    corpus = Corpus(root=root, documents=[])
    for path in sorted(set(resolved)):
        rel = path.relative_to(root).as_posix()
        if not path.is_file():
            corpus.skipped.append(SkippedFile(path=rel, reason="no such file"))
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            corpus.skipped.append(SkippedFile(path=rel, reason=f"not an article ({path.suffix or 'no suffix'})"))
        else:
            corpus.documents.extend(_read_file(root, path, rel, manifest.get(rel, {}), corpus))
    return _finished(corpus)


def read_stream(data: bytes) -> Corpus:
    """A corpus from standard input: JSON lines (one article a line, as `.jsonl` files), or a list of article
    paths, one a line (relative to the current folder)."""
    text = data.decode("utf-8-sig", errors="replace")
    if text.lstrip().startswith("{"):
        corpus = Corpus(root=Path.cwd(), documents=[])
        corpus.documents.extend(_read_jsonl(corpus.root, data, "stdin.jsonl", {}, corpus))
        return _finished(corpus)
    paths = [Path(line.strip()) for line in text.splitlines() if line.strip()]
    if not paths:
        raise CorpusError("standard input is empty: pipe JSON lines, or paths of articles one a line")
    return read_files(paths)


def _finished(corpus: Corpus) -> Corpus:
    """Ids assigned and the corpus checked: at least one article, a readable entities.toml, a size warning."""
    root = corpus.root
    if not corpus.documents:
        if corpus.skipped:
            shown = "; ".join(f"{s.path}: {s.reason}" for s in corpus.skipped[:3])
            more = f"; and {len(corpus.skipped) - 3} more" if len(corpus.skipped) > 3 else ""
            raise CorpusError(f"no readable articles in {root} ({len(corpus.skipped)} skipped: {shown}{more})")
        raise CorpusError(f"corpus folder has no articles (.txt, .md, .html, .jsonl): {root}")
    _assign_ids(corpus)
    check_entities(root)
    size = sum(len(d.text) for d in corpus.documents) / 1024 / 1024
    if size * 1024 * 1024 >= LARGE_CORPUS:
        corpus.warnings.append(
            f"{size:.0f} MB of text in {len(corpus.documents)} files: building the timeline may take "
            f"about {size * SECONDS_PER_MB:.0f} s on one core (--jobs N uses more; the result is cached)"
        )
    return corpus


def check_entities(root: Path) -> None:
    """A corpus `entities.toml` that cannot be read or is not TOML is the user's error, named with its file.
    (Only read and parsed here, so a cached timeline does not pay for the gazetteer's import; what its tables
    mean is checked where it is loaded.)"""
    path = root / "entities.toml"
    try:
        if path.is_file():
            tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path}: malformed entities file: {exc}") from None
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: malformed entities file: not UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read entities file: {exc.strerror or exc}") from None


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
        name = manifest_key(key)
        if name in tables:
            raise CorpusError(f"{path}: two entries for the file {name!r}")
        tables[name] = table
    return tables


def manifest_key(key: str) -> str:
    """A manifest key as a corpus path: Windows backslashes and a leading ./ are accepted."""
    name = Path(key.replace("\\", "/")).as_posix()
    return name[2:] if name.startswith("./") else name


def _walk(root: Path, corpus: Corpus):
    """Article files in a stable order; everything else is accounted for as skipped (or is hidden)."""
    found: list[tuple[str, Path]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        corpus.skipped.append(SkippedFile(path=_rel_name(where, root, corpus) + "/",
                                          reason=f"cannot read folder: {exc.strerror or exc}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders (.git) are not part of a corpus
        for name in list(dirs):
            if (base / name).is_symlink():
                dirs.remove(name)
                corpus.skipped.append(SkippedFile(path=_rel_name(base / name, root, corpus) + "/",
                                                  reason="link to a folder: not followed"))
        for name in files:
            if not name.startswith("."):  # hidden files (.DS_Store) are not part of a corpus
                found.append((_rel_name(base / name, root, corpus), base / name))
    for name, path in sorted(found):
        if name in CORPUS_CONFIG:
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            corpus.skipped.append(SkippedFile(path=name, reason=f"not an article ({path.suffix or 'no suffix'}): "
                                                                "only .txt, .md, .html, .htm and .jsonl are read"))
            continue
        yield path, name


def _rel_name(path: Path, root: Path, corpus: Corpus) -> str:
    """The path relative to the root as shown to users; a name that is not valid UTF-8 is shown with \\x escapes."""
    rel = path.relative_to(root).as_posix() if path != root else "."
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        corpus.warnings.append(f"{shown}: file name is not valid UTF-8; shown with \\x escapes")
        return shown
    return rel


@dataclass(frozen=True)
class Decoded:
    """A file's bytes as text: `text` is None (with a `reason`) for what is not text; `warning` when the
    text was read with a fallback the user should know about."""

    text: str | None
    encoding: str
    reason: str | None = None
    warning: str | None = None


def decode(raw: bytes) -> tuple[str | None, str, str | None]:
    """(text, encoding, reason): see `decode_bytes`."""
    found = decode_bytes(raw)
    return found.text, found.encoding, found.reason


def decode_bytes(raw: bytes) -> Decoded:
    """UTF-16/32 with a BOM; UTF-8 (BOM dropped), where a byte that is not UTF-8 is read as Windows-1252 on its
    own (one stray byte does not turn the whole text into mojibake); Windows-1252 for a file with no UTF-8 in
    it at all. A few stray NUL bytes stay text; many, or many control characters, make a file binary."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            text = raw.decode(codec, "replace")
            try:
                raw.decode(codec)
            except UnicodeDecodeError as exc:
                return Decoded(text, codec,
                               warning=f"not valid {codec.upper()} at byte {exc.start}: replaced by \ufffd")
            return Decoded(text, codec)
    if raw.count(b"\x00") > max(2, len(raw) * NUL_SHARE_BINARY):
        return Decoded(None, "binary", "binary file (contains NUL bytes)")
    warning = None
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        # Each byte that is not UTF-8 becomes one character: offsets into the text stay those of a decoding.
        escaped = raw.decode("utf-8-sig", "surrogateescape")
        bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
        text = escaped.translate(_SURROGATE_TO_CP1252)
        if _UTF8_MULTIBYTE.search(raw):
            encoding = "utf-8"
            more = f" and {bad - 1} more" if bad > 1 else ""
            warning = f"not valid UTF-8 at byte {exc.start}{more}: read those bytes as Windows-1252"
        else:
            encoding, warning = "windows-1252", "not UTF-8, read as Windows-1252"
    if len(_CONTROL.findall(text)) > len(text) // 100:
        return Decoded(None, "binary", "binary file (control characters)")
    if "\x00" in text:
        nul = f"{text.count(chr(0))} NUL byte(s) kept as characters"
        warning = f"{warning}; {nul}" if warning else nul
    return Decoded(text, encoding, warning=warning)


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in Windows-1252, kept as Latin-1
        return chr(byte)


# surrogateescape turns a byte b that is not UTF-8 into U+DC00+b; this reads it as Windows-1252 instead
_SURROGATE_TO_CP1252 = {0xDC00 + b: _cp1252_char(b) for b in range(0x80, 0x100)}
# UTF-8 sequences of non-ASCII characters: a file that has them is UTF-8 with stray bytes, not Windows-1252
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# control characters that make a file binary: below the space, except tab, line feed, carriage return, form feed and
# NUL (stray NUL bytes are counted on their own)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")


def _read_file(root: Path, path: Path, rel: str, manifest_entry: dict[str, Any], corpus: Corpus) -> list[Document]:
    """The documents of one file: one article, or one per line of a `.jsonl` file."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            corpus.skipped.append(SkippedFile(path=rel, reason="not a regular file"))
            return []
        if info.st_size >= LARGE_FILE:
            mb = info.st_size / 1024 / 1024
            corpus.warnings.append(f"{rel}: a large file ({mb:.0f} MB): reading it may take about "
                                   f"{mb * SECONDS_PER_MB:.0f} s and {_memory(mb)} of memory")
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


def _memory(mb: float) -> str:
    """What reading a file of `mb` megabytes takes in memory, roughly."""
    need = MEMORY_MB + mb * MEMORY_PER_MB
    return f"{need / 1024:.1f} GB" if need >= 1024 else f"{need:.0f} MB"


def _read_text(root: Path, raw: bytes, rel: str, manifest_entry: dict[str, Any], corpus: Corpus) -> Document | None:
    decoded = decode_bytes(raw)
    del raw
    text, encoding = decoded.text, decoded.encoding
    if text is None:
        corpus.skipped.append(SkippedFile(path=rel, reason=decoded.reason or "unreadable"))
        return None
    if decoded.warning:
        corpus.warnings.append(f"{rel}: {decoded.warning}")
    front, body_start = _front_matter(text, root / rel)
    if not text[body_start:].strip():
        reason = "empty file" if not text.strip() else "no text after the front matter"
        corpus.skipped.append(SkippedFile(path=rel, reason=reason))
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
        have = ", ".join(lang.languages())
        reason = f"no language data for {_str(metadata['language'])!r} (have: {have})"
        corpus.skipped.append(SkippedFile(path=where, reason=reason))
        return None
    published = None
    if metadata.get("published") not in (None, ""):
        value = metadata["published"]
        if provenance["published"] == "front matter":  # the file and the line
            shown = f"{root / rel}:{_front_matter_line(text, body_start, 'published')}"
        else:
            shown = f"{root / MANIFEST if provenance['published'] == MANIFEST else root / rel}: {where}"
        if not isinstance(value, (str, int, date)) or isinstance(value, bool):
            kinds = {list: "a list", dict: "a table", bool: "true/false", float: "a number"}
            kind = kinds.get(type(value), "not a date")
            raise CorpusError(
                f"{shown}: published: expected one ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got {kind}"
            )
        if isinstance(value, int) and 0 < value <= 9999:
            value = f"{value:04d}"  # YAML reads `published: 0001` as the number 1
        try:
            published = parse_iso(value)
        except ValueError as exc:
            raise CorpusError(f"{shown}: published: {exc}") from None
    extra = {k: _plain(v) for k, v in metadata.items() if k not in METADATA_KEYS and k != "id"}
    source = Source(
        id=_str(metadata.get("id")) or "",
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

    block = match.group(1) or ""
    if len(block) > FRONT_MATTER_MAX_BYTES:
        raise CorpusError(f"{path}:2: front matter is larger than {FRONT_MATTER_MAX_BYTES // 1024} KB")
    try:
        _check_events(yaml.parse(block, Loader=_loader()), path)
        data = yaml.load(block, Loader=_loader()) or {}
    except yaml.YAMLError as exc:
        # Where the broken construct began (an unclosed list) beats where the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # 0-based inside the block, which starts on line 2
        parts = (getattr(exc, "context", None), getattr(exc, "problem", None))
        problem = " ".join(filter(None, parts)) or "not valid YAML"
        raise CorpusError(f"{path}:{line}: malformed front matter: {problem}") from None
    except (RecursionError, MemoryError):
        raise CorpusError(f"{path}:2: malformed front matter: nested too deeply") from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:  # a value PyYAML cannot build
        raise CorpusError(f"{path}:2: malformed front matter: {type(exc).__name__}: {exc}") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{path}:2: malformed front matter: expected 'key: value' lines")
    return data, match.end()


def _check_events(events, path: Path) -> None:
    """Refuse aliases (`*a`: a recursive one never ends, nested ones multiply a few bytes into gigabytes) and
    deep nesting, before anything is built."""
    import yaml

    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 2
            raise CorpusError(
                f"{path}:{line}: malformed front matter: YAML aliases (*{event.anchor}) are not supported"
            )
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > FRONT_MATTER_MAX_DEPTH:
                line = event.start_mark.line + 2
                raise CorpusError(
                    f"{path}:{line}: malformed front matter: nested more than {FRONT_MATTER_MAX_DEPTH} levels deep"
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


@cache
def _loader():
    """PyYAML's safe loader (libyaml's parser where PyYAML has it) that keeps a value which does not fit its type
    as the text it is: a date which is no calendar date (`2025-13-45`, `2025-02-30`, `0000-01-01`), a number of
    5,000 digits, `!!int abc`, `!!bool maybe`. The metadata check names what it cannot use."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(base):  # type: ignore[misc, valid-type]
        pass

    def lenient(construct):
        def build(loader, node):
            try:
                return construct(loader, node)
            except (ValueError, KeyError, AttributeError, OverflowError):
                return loader.construct_scalar(node)

        return build

    safe = yaml.constructor.SafeConstructor
    for kind, construct in (("timestamp", safe.construct_yaml_timestamp), ("int", safe.construct_yaml_int),
                            ("float", safe.construct_yaml_float), ("bool", safe.construct_yaml_bool)):
        FrontMatterLoader.add_constructor(f"tag:yaml.org,2002:{kind}", lenient(construct))
    return FrontMatterLoader


def _front_matter_line(text: str, body_start: int, key: str) -> int:
    """The line of `key:` in the front matter (1-based in the file), or 2 where it cannot be found."""
    found = re.search(rf"^[ \t]*['\"]?{re.escape(key)}['\"]?[ \t]*:", text[:body_start], re.M | re.I)
    return text.count("\n", 0, found.start()) + 1 if found else 2


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
    for given in sorted({d.source.id for d in corpus.documents if d.source.id} & clashes):
        paths = [d.source.path for d, s in zip(corpus.documents, stems) if s == given]
        corpus.warnings.append(
            f"source id {given!r} is given to {len(paths)} files ({', '.join(paths)}): they keep their paths as ids"
        )
    ids = [d.source.path if s in clashes else s for d, s in zip(corpus.documents, stems)]
    if len(set(ids)) != len(ids):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise CorpusError(f"{corpus.root / MANIFEST}: duplicate source id {dupes[0]!r}")
    corpus.documents[:] = [
        Document(source=d.source.model_copy(update={"id": i}), text=d.text, body_start=d.body_start)
        for d, i in zip(corpus.documents, ids)
    ]


def _str(value: Any) -> str | None:
    """A metadata value as text: a list of names (`author: [A, B]`) is joined, never shown as Python's repr."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(filter(None, (_str(v) for v in value))) or None
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_str(v)}" for k, v in value.items()) or None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _plain(value: Any) -> Any:
    """Front-matter values as JSON-friendly data (YAML gives dates, datetimes, bytes, sets, NaN)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=str)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
