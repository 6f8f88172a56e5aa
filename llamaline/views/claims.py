"""Rich view of claim tracks: per track its verdict, then every claim with source, date, value and the sentence."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from ..claimtracks.tracks import describe_value
from ..models import Claim, ClaimTrack
from .terminal import print_indented

VALUE_STYLE = "bold black on yellow"
VERDICT_STYLES = {"single": "dim", "agree": "green", "disagree": "bold red", "changed": "yellow"}


def claims_view(tracks: Sequence[ClaimTrack], console: Console) -> None:
    if not tracks:
        console.print("No claims match.")
        return
    for n, track in enumerate(tracks):
        if n:
            console.print()
        heading = Text()
        heading.append(track.subject, style="bold")
        heading.append(" · ")
        heading.append(track.attribute, style="cyan")
        heading.append(" · ")
        heading.append(track.verdict, style=VERDICT_STYLES.get(track.verdict, ""))
        console.print(heading)
        if track.detail:
            console.print(Text(track.detail, style="dim"))
        for claim in track.claims:
            console.print(_claim_line(claim))
            print_indented(console, claim_quote(claim, console))
    claims = sum(len(t.claims) for t in tracks)
    counts = f"{len(tracks)} track{'s' if len(tracks) != 1 else ''}, {claims} claim{'s' if claims != 1 else ''}"
    console.print(Text("\n" + counts, style="dim"))


def _claim_line(claim: Claim) -> Text:
    line = Text("  ")
    line.append(claim.source, style="magenta")
    line.append(f" ({claim.published.edtf if claim.published else 'undated'})", style="dim")
    line.append(": ")
    line.append(describe_value(claim.value), style="bold")
    if claim.attributed_to:
        line.append(f" — according to {claim.attributed_to}", style="italic")
    return line


def claim_quote(claim: Claim, console: Console) -> Text:
    """The cited sentence with the value highlighted (bracketed with ⟦ ⟧ where there is no colour)."""
    quote = claim.quote
    text = Text(quote)
    if claim.value_start is None or claim.value_end is None:
        return text
    a, b = claim.value_start - claim.start, claim.value_end - claim.start
    if not 0 <= a < b <= len(quote):
        return text
    if console.color_system is None or console.no_color:
        return Text(quote[:a] + "⟦" + quote[a:b] + "⟧" + quote[b:])
    text.stylize(VALUE_STYLE, a, b)
    return text
