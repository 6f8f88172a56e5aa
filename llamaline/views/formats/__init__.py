"""Export writers by format name: `FORMATS[name](timeline, out)` writes the whole timeline to a text stream.

Every writer is deterministic: the same timeline gives the same characters. The writers need the models
(pydantic), so the command line imports this registry inside the export command, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ...models import Timeline
from . import csv, html, json, jsonl, md, timelinejs

Writer = Callable[[Timeline, TextIO], None]

FORMATS: dict[str, Writer] = {
    "json": json.write,
    "jsonl": jsonl.write,
    "csv": csv.write,
    "md": md.write,
    "timelinejs": timelinejs.write,
    "html": html.write,
}

# The file name ending each format is usually saved under (TimelineJS reads JSON).
SUFFIXES: dict[str, str] = {
    "json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "timelinejs": ".json", "html": ".html",
}
