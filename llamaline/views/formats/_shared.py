"""What several export formats say the same way: dates in words, month groups, how a source is named."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...models import Event, Mention, Source, Timeline, TimeSpan
from ...temporal.timespan import describe


def when_words(span: TimeSpan | None) -> str:
    """'15 May 2025', 'early April 2025', '2025': the span in words, at the precision it has."""
    return describe(span) if span is not None else "undated"


def period_heading(span: TimeSpan) -> str:
    """The group an event is listed under: its month when it lies within one, else its own period."""
    if (span.start.year, span.start.month) == (span.end.year, span.end.month):
        return span.start.strftime("%B %Y")  # English month names: strftime with the C locale
    return describe(span)


def by_period(events: Iterable[Event]) -> list[tuple[str, list[Event]]]:
    """Events in timeline order, in runs under one heading each (the timeline is already in date order)."""
    groups: list[tuple[str, list[Event]]] = []
    for event in events:
        heading = period_heading(event.when)
        if groups and groups[-1][0] == heading:
            groups[-1][1].append(event)
        else:
            groups.append((heading, [event]))
    return groups


def summary(timeline: Timeline) -> str:
    """'22 events from 5 sources, 2023 to January 2026': what the page or report covers."""
    events, sources = len(timeline.events), len(timeline.sources)
    line = f"{events} event{'s' * (events != 1)} from {sources} source{'s' * (sources != 1)}"
    if timeline.events:
        first = period_heading(timeline.events[0].when)
        last = max(event.when.end for event in timeline.events).strftime("%B %Y")
        line += f", {first}" if first == last else f", {first} to {last}"
    return line


def sources_by_id(timeline: Timeline) -> dict[str, Source]:
    return {source.id: source for source in timeline.sources}


def source_name(source: Source | None, source_id: str) -> str:
    """How a reader knows a source: its outlet, else its title, else its id."""
    if source is None:
        return source_id
    return source.outlet or source.title or source.id


def readable(detail: str, sources: dict[str, Source]) -> str:
    """A conflict's detail with source ids ("002_e831...") replaced by the names readers know the sources by."""
    def name(match: re.Match[str]) -> str:
        source = sources[match.group(0)]
        return source.outlet or (f"“{source.title}”" if source.title else source.id)

    if not sources:
        return detail
    # Whole ids only, longest first: a source "a" must not turn "May" into "MExample Timesy".
    ids = "|".join(re.escape(i) for i in sorted(sources, key=len, reverse=True))
    return re.sub(rf"(?<![\w/#-])(?:{ids})(?![\w/#-])", name, detail)


def backing(event: Event) -> str:
    """'3 sources', with the catch when they all go back to one origin ('3 sources, one origin: WSJ')."""
    count = len(event.sources)
    words = f"{count} source" + ("" if count == 1 else "s")
    if count > 1 and len(event.origins) == 1:
        words += f", one origin: {event.origins[0]}"
    return words


def single_origin(event: Event) -> str | None:
    """The one origin several sources trace back to ("laut WSJ" in each), or None."""
    if len(event.sources) > 1 and len(event.origins) == 1:
        return event.origins[0]
    return None


def time_in_quote(mention: Mention) -> tuple[int, int] | None:
    """Where the mention's time expression lies in its quote: by offset, or failing that, by its words."""
    quote, time_text = mention.quote, mention.time_text
    if not time_text:
        return None
    if mention.time_start is not None and mention.time_end is not None:
        start, end = mention.time_start - mention.start, mention.time_end - mention.start
        if 0 <= start < end <= len(quote) and quote[start:end] == time_text:
            return start, end
    start = quote.find(time_text)
    return (start, start + len(time_text)) if start >= 0 else None
