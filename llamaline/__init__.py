"""llamaline: turn a pile of news articles into a reconciled, cited timeline.

The public API lives in `llamaline.api` and is importable from here (`llamaline.build_timeline`, ...); it is
loaded on first use, so that `llamaline --help` does not pay for the pipeline's imports.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguousEvent", "Citations", "Claim", "ClaimTrack", "Corpus", "Event", "LlamalineError", "Source", "TaggedText",
    "TimeExpression", "TimeSpan", "Timeline", "build_timeline", "claims", "export", "read_corpus", "select_events",
    "sources", "tag", "tag_file", "timeline",
]


def __getattr__(name: str) -> Any:
    if name == "LlamalineError":
        from .errors import LlamalineError

        return LlamalineError
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'llamaline' has no attribute {name!r}")
