"""Examples hypothesis once found against the tagger's merged tries, kept so they are tried on every run."""

from __future__ import annotations

import pytest

from test_temporal_fastpaths import _same_first_match


@pytest.mark.parametrize("text", ["ba", "b ba", "b  ba", "bBA", "b \n ba"])
def test_a_bounded_form_ending_in_a_blank_beside_a_glued_form(text: str) -> None:
    _same_first_match({"b "}, {"BA"}, frozenset(), text)
