"""Errors users see, and the exit codes of the command line (one table, as httpie's status.py)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # bad input or a failure: one line on stderr
    USAGE = 2  # wrong options or arguments


class LlamalineError(Exception):
    """A failure with a message fit for the user: printed as one line, never as a traceback."""


class CorpusError(LlamalineError):
    """The corpus folder or one of its files cannot be used."""


class OutputError(LlamalineError):
    """Standard output or an output file cannot take what is written (a full disk, a closed pipe)."""
