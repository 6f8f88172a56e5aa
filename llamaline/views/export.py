"""Writers by format name (a registry, the way an add-on would register), and atomic file output."""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..errors import LlamalineError
from ..models import Timeline


def to_json(timeline: Timeline) -> str:
    """The `llamaline.timeline/1` document: deterministic, UTF-8, two-space indent, trailing newline."""
    return render(timeline, "json")


def render(timeline: Timeline, format: str) -> str:
    """The timeline in an export format by name (the writers register in `views.formats.FORMATS`)."""
    out = io.StringIO(newline="")  # writers choose their own line ends (CSV: CRLF)
    render_to(timeline, format, out)
    return out.getvalue()


def render_to(timeline: Timeline, format: str, out: TextIO) -> None:
    """`render`, written to `out` as it is made: the export of a huge timeline need not be one string."""
    from .formats import FORMATS

    try:
        writer = FORMATS[format]
    except KeyError:
        raise LlamalineError(f"unknown export format {format!r} (have: {', '.join(FORMATS)})") from None
    writer(timeline, out)


def schema_json() -> str:
    """The JSON Schema of the export."""
    schema = Timeline.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "llamaline.timeline/1"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def check_output(path: Path | str, *, force: bool = False) -> Path:
    """The file that writing to `path` will replace, checked before any work is done: a symlink leads to its
    target; a folder that does not exist, anything that is not a regular file (a FIFO, a device, a folder), and a
    read-only file (unless `force`) are refused with a LlamalineError naming `path`."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise LlamalineError(f"cannot write {path}: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise LlamalineError(f"cannot write {path}: it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise LlamalineError(f"refusing to replace {path}: it is {_kind(info.st_mode)}, not a regular file")
        if not force and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
            raise LlamalineError(f"refusing to replace {path}: it is read-only (use --force to replace it)")
    if not folder.is_dir():
        raise LlamalineError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LlamalineError(f"cannot write {path}: folder {folder} is not writable")
    return target


def write_atomic(path: Path | str, text: str | Callable[[TextIO], None], *, force: bool = False) -> None:
    """Write `text` (or what a function given the open file writes to it) via a temporary file in the same
    folder and rename: a failure leaves no partial file and no temporary one. A symlink is followed and its
    target replaced; a file keeps its mode (see `check_output` for what is refused)."""
    path = Path(path)
    target = check_output(path, force=force)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()  # a new file gets the user's usual mode (mkstemp makes 0600)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise LlamalineError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if callable(text):
                text(handle)
            else:
                handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise LlamalineError(f"cannot write {path}: {exc.strerror or exc}") from None
        if isinstance(exc, UnicodeEncodeError):
            raise LlamalineError(f"cannot write {path}: the text is not valid Unicode ({exc.reason})") from None
        raise


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
