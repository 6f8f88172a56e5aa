"""One event per line, the same objects as in the JSON export: for `jq`, `grep`, and streaming loaders."""

from __future__ import annotations

import json
from typing import TextIO

from ...models import Timeline


def write(timeline: Timeline, out: TextIO) -> None:
    for event in timeline.events:
        data = event.model_dump(mode="json", by_alias=True)
        out.write(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
