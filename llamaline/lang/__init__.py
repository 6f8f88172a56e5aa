"""Language data: one folder per language with the same files and keys; the engines read them all.

    lang/<code>/time.toml     time words for the temporal tagger
    lang/<code>/events.toml   trigger words, modality and clause cues, abbreviations, boilerplate cues
    lang/<code>/attribution.toml  who a sentence names as its source (mentions and claims read the one table)
    lang/<code>/claims.toml   numbers, units, scales and the cues of claimed values
    lang/<code>/detect.toml   frequent words for telling languages apart

A story's cast (names, aliases, kinds) is not a language's word: a corpus brings it in its own entities.toml.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "de"


@cache
def languages() -> tuple[str, ...]:
    """Codes of the languages that have data, sorted."""
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))


@cache
def load(language: str, part: str) -> dict[str, Any]:
    """The table `lang/<language>/<part>.toml`; an unknown language raises KeyError."""
    if language not in languages():
        raise KeyError(f"no language data for {language!r} (have: {', '.join(languages())})")
    path = resources.files(__name__).joinpath(language, f"{part}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))
