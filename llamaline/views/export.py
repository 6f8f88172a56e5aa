"""Writers by format name (a registry, the way an add-on would register), and atomic file output."""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from ..errors import LlamalineError
from ..models import Timeline


def to_json(timeline: Timeline) -> str:
    """The `llamaline.timeline/1` document: deterministic, UTF-8, two-space indent, trailing newline."""
    return render(timeline, "json")


def render(timeline: Timeline, format: str) -> str:
    """The timeline in an export format by name (the writers register in `views.formats.FORMATS`)."""
    from .formats import FORMATS

    try:
        writer = FORMATS[format]
    except KeyError:
        raise LlamalineError(f"unknown export format {format!r} (have: {', '.join(FORMATS)})") from None
    out = io.StringIO(newline="")  # writers choose their own line ends (CSV: CRLF)
    writer(timeline, out)
    return out.getvalue()


def schema_json() -> str:
    """The JSON Schema of the export."""
    schema = Timeline.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "llamaline.timeline/1"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: a failure leaves no partial file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise LlamalineError(f"cannot write {path}: folder {folder} does not exist")
    if path.is_dir():
        raise LlamalineError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LlamalineError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the user's usual mode
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise LlamalineError(f"cannot write {path}: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
