"""TimelineJS 3 JSON (timeline.knightlab.com): load it with `new TL.Timeline(id, data)` or host it.

Dates go only as far as the span's precision carries: a year for "2025", a month for "May 2025", a day
only for a day. Where the words say more than those fields can ("early April 2025", "May – Aug 2025"),
`display_date` shows the words. Each event's text carries its citations; `group` is the event type.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import TextIO

from ...models import Event, Source, Timeline, TimeSpan
from ...temporal.timespan import last_day
from ._shared import backing, readable, single_origin, source_name, sources_by_id, summary, when_words


def write(timeline: Timeline, out: TextIO) -> None:
    sources = sources_by_id(timeline)
    document = {
        "title": {"text": {"headline": "Timeline", "text": _title_text(timeline)}},
        "events": [_slide(event, sources) for event in timeline.events],
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _title_text(timeline: Timeline) -> str:
    text = summary(timeline).replace(" from ", " reconciled from ", 1)
    outlets = sorted({source.outlet for source in timeline.sources if source.outlet})
    if outlets:
        text += f"; outlets: {', '.join(outlets)}"
    return f"<p>{escape(text)}.</p>"


def _slide(event: Event, sources: dict[str, Source]) -> dict:
    unit = _unit(event.when)
    slide: dict = {"unique_id": event.id, "start_date": _date(event.when.start, unit)}
    if _truncate(event.when.end, unit) != _truncate(event.when.start, unit):
        slide["end_date"] = _date(event.when.end, unit)
    if _shown(event.when, unit) != (event.when.start, event.when.end):
        slide["display_date"] = when_words(event.when)
    slide["text"] = {"headline": escape(event.title), "text": _citations(event, sources)}
    slide["group"] = event.type
    return slide


def _unit(span: TimeSpan) -> str:
    """The finest date field the span's precision vouches for."""
    if span.precision == "year":
        return "year"
    if span.precision == "day":
        return "day"
    whole_months = span.start.day == 1 and span.end.day == last_day(span.end.year, span.end.month)
    return "month" if span.precision != "interval" or whole_months else "day"


def _truncate(day: date, unit: str) -> tuple[int, ...]:
    return {"year": (day.year,), "month": (day.year, day.month), "day": (day.year, day.month, day.day)}[unit]


def _date(day: date, unit: str) -> dict[str, str]:
    fields = {"year": str(day.year)}
    if unit in ("month", "day"):
        fields["month"] = str(day.month)
    if unit == "day":
        fields["day"] = str(day.day)
    return fields


def _shown(span: TimeSpan, unit: str) -> tuple[date, date]:
    """The days TimelineJS's own date label covers, from the truncated start and end fields."""
    start, end = span.start, span.end
    if unit == "year":
        return date(start.year, 1, 1), date(end.year, 12, 31)
    if unit == "month":
        return date(start.year, start.month, 1), date(end.year, end.month, last_day(end.year, end.month))
    return start, end


def _citations(event: Event, sources: dict[str, Source]) -> str:
    """Subjects and backing, conflicts, then every quote with its source: HTML, all corpus text escaped."""
    parts = [f"<p><b>{escape(event.type)}</b> · {escape(', '.join(event.subjects))} · {escape(backing(event))}</p>"]
    origin = single_origin(event)
    if origin:
        parts.append(f"<p><i>All sources trace this back to {escape(origin)}.</i></p>")
    for conflict in event.conflicts:
        detail = readable(conflict.detail, sources)
        parts.append(f"<p><b>Sources disagree</b> on {escape(conflict.field)}: {escape(detail)}</p>")
    for mention in event.mentions:
        source = sources.get(mention.source)
        cite = source_name(source, mention.source)
        if source is not None and source.published is not None:
            cite += f", {when_words(source.published)}"
        if mention.attributed_to:
            cite += f", according to {mention.attributed_to}"
        parts.append(f"<blockquote>{escape(mention.quote)}<br><small>— {escape(cite)}</small></blockquote>")
    return "".join(parts)
