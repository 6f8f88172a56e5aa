"""Rich views for a terminal: timeline, citations of one event, time expressions of one text.

Everything that comes from a corpus (titles, outlets, names, quotes) is printed as `Text`, never as a string
rich would read as markup: `[/]Reuters` is an outlet, not a closing tag."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..models import Event, Mention, Source, TimeExpression, TimeSpan
from ..temporal.timespan import describe

TIME_STYLE = "bold black on yellow"


def when_words(span: TimeSpan | None) -> str:
    return describe(span) if span is not None else "undated"


def month_heading(span: TimeSpan) -> str:
    """The group an event falls in: its month when it lies within one month, else its own period."""
    if (span.start.year, span.start.month) == (span.end.year, span.end.month):
        return span.start.strftime("%B %Y")
    return describe(span)


def timeline_view(events: Sequence[Event], console: Console, *, total: int | None = None) -> None:
    """Events grouped by month: date in words, type, title and backing; then id and subjects."""
    if not events:
        console.print("No events match." if total else "No dated events found.")
        return
    when_width = max(len(when_words(e.when)) for e in events)
    type_width = max(len(e.type) for e in events)
    backing_width = max(len(_backing(e)) for e in events)
    title_column = 2 + when_width + 2 + type_width + 2 + backing_width + 2
    heading = None
    for event in events:
        group = month_heading(event.when)
        if group != heading:
            console.print(Text(("\n" if heading is not None else "") + group, style="bold magenta"))
            heading = group
        line = Text("  ")
        line.append(when_words(event.when).ljust(when_width), style="bold")
        line.append("  ")
        line.append(event.type.ljust(type_width), style="cyan")
        line.append("  ")
        line.append(_backing(event).ljust(backing_width), style="yellow")
        line.append("  ")
        _print_packed(console, line, [(w, "bold") for w in event.title.split(" ")], " ", title_column)
        detail = Text(" " * 4)
        detail.append(event.id, style="dim")
        pieces = [(f"· {name}" if i == 0 else name, "green") for i, name in enumerate(event.subjects)]
        if event.conflicts:
            n = len(event.conflicts)
            pieces.append((f"· {n} conflict{'s' if n != 1 else ''}", "red"))
        if pieces:
            detail.append(" ")
        _print_packed(console, detail, pieces, ", ", 6, after_last=" ")
    shown = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    of_total = f" of {total}" if total is not None and total != len(events) else ""
    console.print(Text("\n" + shown + of_total, style="dim"))


def _print_packed(console: Console, head: Text, pieces: list[tuple[str, str]], separator: str, indent: int,
                  after_last: str | None = None) -> None:
    """`head` followed by the pieces, wrapped to the console only between pieces (a name is never cut), the
    following lines indented. Pieces starting with "·" are joined to the previous one by `after_last`."""
    width = max(40, console.width)
    line = head.copy()
    for i, (piece, style) in enumerate(pieces):
        joiner = "" if i == 0 else (after_last if after_last is not None and piece.startswith("·") else separator)
        if (i or line.cell_len > indent) and line.cell_len + len(joiner.rstrip()) + 1 + len(piece) > width:
            line.append(joiner.rstrip())
            line.rstrip()
            console.print(line, soft_wrap=True)
            line = Text(" " * indent)
        elif i:
            line.append(joiner)
        line.append(piece, style=style)
    console.print(line, soft_wrap=True)


def _backing(event: Event) -> str:
    text = f"{len(event.sources)} src"
    if event.origins and len(event.origins) != len(event.sources):
        text += f" / {len(event.origins)} orig"
    return text


def quote_text(mention: Mention, console: Console) -> Text:
    """The quote with its time expression highlighted (or bracketed where there is no colour)."""
    text = Text(mention.quote)
    if mention.time_start is not None and mention.time_end is not None:
        a, b = mention.time_start - mention.start, mention.time_end - mention.start
        if 0 <= a < b <= len(mention.quote):
            if console.color_system is None or console.no_color:
                text = Text(mention.quote[:a] + "⟦" + mention.quote[a:b] + "⟧" + mention.quote[b:])
            else:
                text.stylize(TIME_STYLE, a, b)
    return text


def print_indented(console: Console, text: Text, indent: int = 4) -> None:
    """Text wrapped to the console, every line indented, no trailing padding."""
    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def sources_view(event: Event, sources: dict[str, Source], console: Console) -> None:
    console.print(Text(event.title, style="bold"), Text(f"({event.id})", style="dim"))
    console.print(Text(f"{when_words(event.when)} · {event.type} · {', '.join(event.subjects) or 'no subjects'}"))
    origins = ", ".join(event.origins) or "-"
    console.print(Text(f"{len(event.sources)} source(s), {len(event.mentions)} citation(s); origins: {origins}"))
    for conflict in event.conflicts:
        console.print(Text(f"conflict ({conflict.field}): {conflict.detail}", style="red"))
    for number, mention in enumerate(event.mentions, 1):
        source = sources.get(mention.source)
        console.print()
        head = Text(f"[{number}] ", style="bold")
        head.append(mention.source, style="bold cyan")
        if source is not None:
            head.append(f" · {source.outlet or 'outlet unknown'}")
            head.append(f" · published {when_words(source.published) if source.published else 'date unknown'}")
        console.print(head)
        print_indented(console, Text("“").append_text(quote_text(mention, console)).append("”"))
        says = f"says: {when_words(mention.when)}" + (f" ({mention.time_text})" if mention.time_text else "")
        if mention.dated_by == "publication":
            says += " (no date in the sentence: news up to its publication)"
        elif mention.dated_by == "story":
            says += " (no date in the sentence: the time the sentence before tells of)"
        facts = [says]
        facts.append(f"attributed to: {mention.attributed_to or 'the source itself'}")
        if mention.modality != "happened":
            facts.append(f"modality: {mention.modality}")
        facts.append(f"chars {mention.start}-{mention.end}")
        print_indented(console, Text(" · ".join(facts), style="dim"))


def candidates_view(events: Sequence[Event], console: Console) -> None:
    table = Table(title="Several events match; pass one id", title_justify="left")
    table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Event")
    for event in events:
        table.add_row(Text(event.id), Text(when_words(event.when)), Text(event.title))
    console.print(table)


def tag_view(text: str, expressions: Sequence[TimeExpression], console: Console, *, anchored: bool = False) -> None:
    """The expressions as a table; `anchored` when there was a publication date to resolve them against."""
    why = "(beyond the calendar)" if anchored else "(no publication date)"
    if not expressions:
        console.print("No time expressions found.")
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column("Expression", style="bold", ratio=3, min_width=10)
    table.add_column("Chars", justify="right", no_wrap=True)
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Resolves to", ratio=2, min_width=11)
    table.add_column("EDTF", style="green", no_wrap=True)
    table.add_column("Modifier", no_wrap=True)
    for e in expressions:
        if e.when is not None:
            resolved, edtf = describe(e.when), e.when.edtf
        else:
            edtf = "-"
            resolved = "a duration, not a date" if e.kind == "duration" else "unresolved " + why
        table.add_row(Text(e.text), f"{e.start}-{e.end}", e.kind, Text(resolved), edtf, e.modifier or "")
    console.print(table)
