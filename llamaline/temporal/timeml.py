"""TimeML output: the text with a TIMEX3 tag around each time expression, for TempEval tooling.

    from llamaline.temporal import tag
    from llamaline.temporal.timeml import to_timeml
    to_timeml(text, tag(text, published, "de"), published)

A range is written as TIMEX3 does: its two ends, each its own TIMEX3 ("[1939] bis [1945]").
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from ..models import TimeExpression, TimeSpan
from .timex3 import span_value

# The tagger's modifiers as TIMEX3 `mod` values.
MODS = {"start": "START", "mid": "MID", "end": "END", "approximate": "APPROX", "before": "BEFORE",
        "after": "AFTER", "not_before": "ON_OR_AFTER", "not_after": "ON_OR_BEFORE"}
# A value where the tagger could not give one (no anchor): TIMEX3's unknown digits.
_UNKNOWN = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PX", "SET": "PX"}


def timex3_pieces(expressions: Iterable[TimeExpression]) -> list[TimeExpression]:
    """The expressions as TIMEX3 sees them: a range as its two parts, in text order."""
    out = [x for e in expressions for x in (e.parts or (e,))]
    return sorted(out, key=lambda e: (e.start, e.end))


def to_timeml(text: str, expressions: Iterable[TimeExpression], dct: TimeSpan | str | None = None) -> str:
    """`text` as a TimeML document: the DCT (if given) as TIMEX3 t0, each expression as a TIMEX3 with
    tid, type, value and (where the words bound or narrow it) mod."""
    pieces: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if dct is not None:
        value = dct if isinstance(dct, str) else span_value(dct)
        pieces.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(value)} temporalFunction="false" '
                      f'functionInDocument="CREATION_TIME">{escape(value)}</TIMEX3></DCT>')
    body: list[str] = []
    at = 0
    for n, e in enumerate(timex3_pieces(expressions), start=1):
        if e.start < at:  # overlapping output never comes from `tag`; keep the document well-formed
            continue
        kind = e.type or ("DURATION" if e.kind == "duration" else "DATE")
        value = e.value or _UNKNOWN[kind]
        attributes = f'tid="t{n}" type="{kind}" value={quoteattr(value)}'
        if e.modifier in MODS:
            attributes += f' mod="{MODS[e.modifier]}"'
        body += [escape(text[at:e.start]), f"<TIMEX3 {attributes}>{escape(text[e.start:e.end])}</TIMEX3>"]
        at = e.end
    body.append(escape(text[at:]))
    pieces += ["<TEXT>" + "".join(body) + "</TEXT>", "</TimeML>", ""]
    return "\n".join(pieces)
