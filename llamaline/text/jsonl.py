"""JSON Lines corpora: one article per line, `{"text": ..., "title": ..., "published": ...}`.

A bad line is skipped with its file and line number and the reason; the other lines are still read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ..models import SkippedFile

KEY_ALIASES = {"lang": "language"}
_JSON_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}


@dataclass(frozen=True)
class JsonlArticle:
    """One line's article: `id` is `<path without suffix>#<line>` (1-based), stable while lines stay put."""

    id: str
    line: int
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


class UnreadableJsonl(ValueError):
    """The file as a whole cannot be read (not UTF-8, which JSON Lines requires)."""


def read_jsonl(data: bytes, path: str) -> tuple[list[JsonlArticle], list[SkippedFile]]:
    """The articles of a `.jsonl` file (`path` relative to the corpus root, for ids and messages) and the
    lines skipped, each as `SkippedFile(path="<path>:<line>", reason=...)`. Blank lines are not articles."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableJsonl(f"not UTF-8 (byte {exc.start}): JSON Lines files are UTF-8") from None
    stem = str(PurePosixPath(path).with_suffix(""))
    articles: list[JsonlArticle] = []
    skipped: list[SkippedFile] = []
    # Split on "\n" only: str.splitlines would also split at U+2028 inside a JSON string.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            text, metadata = _record(line)
        except ValueError as exc:
            skipped.append(SkippedFile(path=f"{path}:{number}", reason=str(exc)))
            continue
        articles.append(JsonlArticle(id=f"{stem}#{number}", line=number, text=text, metadata=metadata))
    return articles, skipped


def _record(line: str) -> tuple[str, dict[str, Any]]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected an object like {{\"text\": ...}}, found {_JSON_NAMES[type(record)]}")
    text = record.pop("text", None)
    if not isinstance(text, str):
        raise ValueError('no "text"' if text is None else f'"text" must be a string, found {_JSON_NAMES[type(text)]}')
    if not text.strip():
        raise ValueError('"text" is empty')
    # Unknown keys are kept, as in front matter; only the alias is folded.
    metadata = {KEY_ALIASES.get(key.lower(), key): value for key, value in record.items()}
    return text, metadata
