"""A huge document, analysed piece by piece so that memory stays bounded.

The analysis of a document (text/analysis.py) takes about forty times the text's size in memory: 2.3 GB
for a 60 MB article. A document longer than `PIECE_CHARS` characters is therefore cut at paragraph breaks
into pieces of at most that size; each piece is analysed, its mentions and claims are kept, and its
analysis is released before the next piece is read. Only the pieces' findings grow with the document.

The time expressions are tagged in the whole text first (a small part of the analysis's memory), so the
story's own time, the date a narrative's "am 4. Mai" or "two days later" is read against, carries across
pieces as in a document read whole. Each piece after the first is read together with the lines just before it
that hold `CONTEXT_CHARS` characters outside boilerplate (the piece's context): what a sentence refers back to
("the model", "it") is there as in the whole text, and the piece's first sentences are no lede (news without a
date of its own is dated by the publication only in an article's lede). Only findings that start in the
piece's own text are kept, so nothing is found twice. The offsets of what is kept are moved from the piece's
text to the document's, so every quote is still `text[start:end]` of the whole decoded text.

What a piece cannot know of the text before its context: the product in focus (the one named most so far)
restarts from what the context names, and a sentence's first word is checked for a lower-case use ("Then" vs
"then") within the piece only. On a generated 60 MB article in 1 MB pieces, that changed the subjects of 498
of 130,694 mentions (one undated among them then joined no event); the 427 events, every date and all 53,642
claims stayed the same. A document that is not longer than a piece is analysed whole, as always.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .claimtracks import claims_of
from .events.mentions import mentions_of
from .models import Claim, Mention, TimeExpression
from .text.analysis import analyse, expressions_of
from .text.boilerplate import Region
from .text.corpus import Document
from .temporal.tagger import PARAGRAPH_BREAK
from .text.names import Gazetteer

if TYPE_CHECKING:
    from .api import Progress

PIECE_CHARS = 1_000_000  # a document longer than this is analysed in pieces of at most this many characters
CONTEXT_CHARS = 3000  # each later piece is read with the lines before it that hold this much text outside boilerplate


class Piece(NamedTuple):
    context: int  # where its reading starts: before `start`, the end of the text before it, for context only
    start: int  # where its own text starts: findings from here on are its own
    end: int


def needs_pieces(document: Document, size: int | None = None) -> bool:
    return len(document.text) - document.body_start > (size or PIECE_CHARS)


def pieces_of(text: str, start: int, size: int | None = None, context: int | None = None,
              regions: Sequence[Region] = ()) -> list[Piece]:
    """text[start:] in pieces of at most `size` characters (`PIECE_CHARS`), each ending at a paragraph break
    where one is in its second half (else at a line break, a space, or after `size` characters), each after the
    first with about `context` characters (`CONTEXT_CHARS`) outside the boilerplate `regions` before it."""
    size, context = size or PIECE_CHARS, CONTEXT_CHARS if context is None else context
    pieces: list[Piece] = []
    pos = start
    while pos < len(text):
        end = len(text) if len(text) - pos <= size else _cut(text, pos + size // 2, pos + size)
        before = _context_start(text, pieces[-1].start, pos, context, regions) if pieces else pos
        pieces.append(Piece(before, pos, end))
        pos = end
    return pieces


def _cut(text: str, lo: int, hi: int) -> int:
    """Where a piece that may end between `lo` and `hi` ends: after the last paragraph break there, else the
    last line break, else the last space, else at `hi`."""
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text, lo, hi)]
    if breaks:
        return breaks[-1]
    for mark in ("\n", " "):
        found = text.rfind(mark, lo, hi)
        if found >= 0:
            return found + 1
    return hi


def _context_start(text: str, floor: int, start: int, chars: int, regions: Sequence[Region]) -> int:
    """Where the context of a piece starting at `start` begins: at the start of the line where the text up to
    `start` holds about `chars` characters outside boilerplate (not before `floor`, the previous piece's start).
    Boilerplate is no context: a sentence a few lines after a menu is no lede of the article."""
    at, need = start, chars
    for r_start, r_end, _ in sorted((r for r in regions if r.end > floor and r.start < start), reverse=True):
        r_end = min(r_end, at)  # the latest region first; text between its end and `at` is context
        if at - r_end >= need:
            break
        need -= at - r_end
        at = min(at, max(r_start, floor))
    at = max(floor, at - need)
    line = text.rfind("\n", floor, at)
    return line + 1 if line >= 0 else at


def findings_in_pieces(document: Document, regions: list[Region], gazetteer: Gazetteer, *,
                       size: int | None = None, context: int | None = None,
                       progress: Progress | None = None) -> tuple[list[Mention], list[Claim]]:
    """The mentions and claims of a document read piece by piece, in text order, with offsets into its text."""
    text = document.text
    mentions: list[Mention] = []
    claims: list[Claim] = []
    expressions = deque(expressions_of(document, regions))  # in text order; let go of as the pieces pass them
    for piece in pieces_of(text, document.body_start, size, context, regions):
        while expressions and expressions[0].start < piece.context:
            expressions.popleft()
        inside = list(itertools.takewhile(lambda x, end=piece.end: x.start < end, expressions))
        piece_mentions, piece_claims = _findings_of_piece(document, regions, gazetteer, piece, inside)
        mentions += piece_mentions
        claims += piece_claims
        if progress is not None:
            progress(document, piece.end - document.body_start, len(text) - document.body_start)
    return mentions, claims


def _findings_of_piece(document: Document, regions: list[Region], gazetteer: Gazetteer, piece: Piece,
                       expressions: list[TimeExpression]) -> tuple[list[Mention], list[Claim]]:
    """The findings of one piece: its text (with its context) analysed as a document of its own, with the
    document's time `expressions` in it; those that start in the piece's own text are kept, moved to the
    document's offsets. The analysis ends here."""
    shift = piece.context
    part = Document(document.source, document.text[shift:piece.end], max(0, document.body_start - shift))
    part_regions = [Region(max(r.start, shift) - shift, min(r.end, piece.end) - shift, r.label)
                    for r in regions if r.start < piece.end and r.end > shift]
    part_expressions = [_moved(x, -shift) for x in expressions if x.end <= piece.end]
    analysis = analyse(part, part_regions, gazetteer, part_expressions)
    own = piece.start - shift
    mentions = [_moved(m, shift) for m in mentions_of(analysis) if m.start >= own]
    claims = [_moved(c, shift) for c in claims_of(analysis) if c.start >= own]
    return mentions, claims


_Finding = TypeVar("_Finding", TimeExpression, Mention, Claim)

# The offsets of each kind of finding into its text (None where it has none).
_OFFSETS = {
    TimeExpression: ("start", "end", "signal_start"),
    Mention: ("start", "end", "time_start", "time_end"),
    Claim: ("start", "end", "value_start", "value_end"),
}


def _moved(item: _Finding, shift: int) -> _Finding:
    """`item` with its offsets moved by `shift` characters (a time expression's parts too)."""
    if not shift:
        return item
    update: dict = {name: getattr(item, name) + shift for name in _OFFSETS[type(item)]
                    if getattr(item, name) is not None}
    if isinstance(item, TimeExpression) and item.parts:
        update["parts"] = tuple(_moved(part, shift) for part in item.parts)
    return item.model_copy(update=update)
