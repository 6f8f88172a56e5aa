"""The `llamaline.timeline/1` document, exactly as `export.to_json` writes it."""

from __future__ import annotations

import json
from typing import Any, TextIO

from pydantic import BaseModel

from ...models import Timeline


def write(timeline: Timeline, out: TextIO) -> None:
    """The text `json.dumps(timeline.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2)` and a
    line end, written one list item (a source, an event, a claim track) at a time: the timeline of a huge corpus
    is never one tree of dicts and one string in memory at once. Field order is the models' order, which is
    fixed."""
    out.write("{")
    for n, (name, field) in enumerate(Timeline.model_fields.items()):
        value = getattr(timeline, name)
        out.write(f"{',' if n else ''}\n  {json.dumps(field.alias or name)}: ")
        if isinstance(value, list) and value:
            for k, item in enumerate(value):
                out.write(f"{',' if k else '['}\n    {_dumps(item, '    ')}")
            out.write("\n  ]")
        else:
            out.write(_dumps(value, "  "))
    out.write("\n}\n")


def _dumps(value: Any, indent: str) -> str:
    """`value` as JSON with two-space indent, its lines after the first indented by `indent` (where it stands)."""
    plain = value.model_dump(mode="json", by_alias=True) if isinstance(value, BaseModel) else value
    return json.dumps(plain, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
