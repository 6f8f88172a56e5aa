"""Read a folder of articles: manifest > front matter > inference, decoding, every file accounted for."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Source


@dataclass(frozen=True)
class Document:
    """One article: its metadata and its decoded text, which is never rewritten."""

    source: Source
    text: str
    body_start: int = 0  # offset where the body starts (after YAML front matter)

    @property
    def language(self) -> str:
        return self.source.language or "de"
