"""The `llamaline.timeline/1` document, exactly as `export.to_json` writes it."""

from __future__ import annotations

import json
from typing import TextIO

from ...models import Timeline


def write(timeline: Timeline, out: TextIO) -> None:
    # The same dump and options as the JSON export: field order is the models' order, which is fixed.
    data = timeline.model_dump(mode="json", by_alias=True)
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
