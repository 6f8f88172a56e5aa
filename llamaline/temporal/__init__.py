"""The temporal tagger: time expressions in German and English text, resolved against a publication date.

    from llamaline.temporal import tag
    tag("Nordwind will das Modell im Herbst vorstellen.", parse_iso("2024-03-15"), "de")

The words of each language live in `llamaline/lang/<code>/time.toml`; the engine here has none.
"""

from __future__ import annotations

from .tagger import tag

__all__ = ["tag"]
