"""The temporal tagger: time expressions in German and English text, resolved against a publication date.

    from llamaline.temporal import tag
    tag("Nordwind will das Modell im Herbst vorstellen.", parse_iso("2024-03-15"), "de")

The words of each language live in `llamaline/lang/<code>/time.toml`; the engine here has none.
"""

from __future__ import annotations

from typing import Any

__all__ = ["tag"]


def __getattr__(name: str) -> Any:
    # The tagger's grammar loads on first use, so that `timespan` (imported by the views of a cached timeline)
    # does not pay for it.
    if name == "tag":
        from .tagger import tag

        return tag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
