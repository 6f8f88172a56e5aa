"""Helpers for the temporal tables: one row is a sentence, its publication date and what to find."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    text: str
    expect: str  # the matched text
    edtf: str | None  # None: no span (durations, unresolved)
    start: str | None = None  # inclusive bounds; derived from the EDTF when left out
    end: str | None = None
    modifier: str | None = None
    published: str | None = "2025-05-15"  # a Thursday
    kind: str = "date"
    precision: str | None = None
    resolved: bool = True

    def __str__(self) -> str:  # readable test ids
        return f"{self.published}|{self.text[:60]}"


def R(text, expect, edtf, start=None, end=None, mod=None, pub="2025-05-15", kind="date", prec=None, resolved=True):  # noqa: N802
    return Row(text, expect, edtf, start, end, mod, pub, kind, prec, resolved)
