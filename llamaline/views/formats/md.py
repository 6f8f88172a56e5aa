"""A Markdown report: events grouped by month, each citation a verbatim quote with a footnote naming the
source, its outlet and publication date. Renders on GitHub, in Pandoc and in most note apps."""

from __future__ import annotations

import re
from typing import TextIO

from ...models import Event, Mention, Source, Timeline
from ._shared import backing, by_period, readable, sources_by_id, summary, time_in_quote, when_words

# Characters that Markdown would read as markup; escaped, the rendered text is the corpus's text.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~!])")
_SPACE = re.compile(r"\s+")  # a quote spans lines in the article; a list item must not


def write(timeline: Timeline, out: TextIO) -> None:
    sources = sources_by_id(timeline)
    footnotes: dict[str, int] = {}  # source id -> footnote number, by first citation
    out.write("# Timeline\n\n")
    out.write(summary(timeline) + ".\n")
    for heading, events in by_period(timeline.events):
        out.write(f"\n## {_text(heading)}\n")
        for event in events:
            out.write("\n" + _event(event, footnotes, sources))
    if footnotes:
        out.write("\n")
        for source_id, number in footnotes.items():
            out.write(f"[^{number}]: {_reference(sources.get(source_id), source_id)}\n")
    if timeline.skipped:
        out.write("\n## Files not read\n\n")
        for skipped in timeline.skipped:
            out.write(f"- `{skipped.path}`: {_text(skipped.reason)}\n")


def _event(event: Event, footnotes: dict[str, int], sources: dict[str, Source]) -> str:
    subjects = ", ".join(_text(s) for s in event.subjects)
    lines = [
        f"### {_text(when_words(event.when))}: {_text(event.title)}",
        "",
        " · ".join(filter(None, [f"**{event.type}**", subjects, backing(event), f"`{event.id}`"])),
        "",
    ]
    for conflict in event.conflicts:
        lines += [f"> **Sources disagree** on {_text(conflict.field)}: {_text(readable(conflict.detail, sources))}", ""]
    for mention in event.mentions:
        number = footnotes.setdefault(mention.source, len(footnotes) + 1)
        line = f"- “{_quote(mention)}”[^{number}]"
        if mention.attributed_to:
            line += f" (according to {_text(mention.attributed_to)})"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _reference(source: Source | None, source_id: str) -> str:
    """'“Title”, Outlet, by Author, published May 2025, <url> (source `id`)'."""
    if source is None:
        return f"source `{source_id}`"
    parts = []
    if source.title:
        parts.append(f"“{_text(source.title)}”")
    if source.outlet:
        parts.append(_text(source.outlet))
    if source.author:
        parts.append(f"by {_text(source.author)}")
    parts.append(f"published {when_words(source.published)}" if source.published else "publication date unknown")
    if source.url:
        parts.append(f"<{source.url.replace('>', '%3E').replace(' ', '%20')}>")
    return ", ".join(parts) + f" (source `{source.id}`)"


def _quote(mention: Mention) -> str:
    """The quote, its time expression in bold (as the terminal and the HTML page mark it)."""
    found = time_in_quote(mention)
    if found is None:
        return _text(mention.quote).strip()
    start, end = found
    quote = mention.quote
    return f"{_text(quote[:start])}**{_text(quote[start:end])}**{_text(quote[end:])}"


def _text(value: str) -> str:
    """Corpus text on one line with Markdown's markup characters escaped."""
    return _MARKUP.sub(r"\\\1", _SPACE.sub(" ", value))
