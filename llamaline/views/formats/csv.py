"""One row per mention, for spreadsheets: an event's row repeats its date and type for each citation.

Written as UTF-8 with a byte order mark and CRLF line ends (RFC 4180): without the mark, Excel reads a
CSV file as the local ANSI code page and turns "Müllers Käufe" into "MÃ¼llers KÃ¤ufe"; LibreOffice, pandas
and Python's csv module with `encoding="utf-8-sig"` read the mark and drop it.

Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) get a
leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection): quotes come from
articles written by others. Such a quote is then no longer `text[start:end]`; the JSON export is exact.
"""

from __future__ import annotations

import csv
from typing import TextIO

from ...models import Timeline
from ._shared import sources_by_id

COLUMNS = (
    "event_id", "type", "title", "date", "precision", "start", "end",
    "source", "outlet", "published", "quote", "quote_start", "quote_end",
    "time_text", "mention_date", "attributed_to",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write(timeline: Timeline, out: TextIO) -> None:
    sources = sources_by_id(timeline)
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for event in timeline.events:
        for mention in event.mentions:
            source = sources.get(mention.source)
            row = [
                event.id, event.type, event.title,
                event.when.edtf, event.when.precision, event.when.start.isoformat(), event.when.end.isoformat(),
                mention.source,
                source.outlet if source else None,
                source.published.edtf if source and source.published else None,
                mention.quote, mention.start, mention.end,
                mention.time_text,
                mention.when.edtf if mention.when else None,
                mention.attributed_to,
            ]
            writer.writerow([_cell(value) for value in row])


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value
