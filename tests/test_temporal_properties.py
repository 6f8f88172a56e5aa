"""Property tests: whatever the text, the tagger neither crashes nor returns bad offsets or spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from llamaline.temporal import timespan as ts
from llamaline.temporal import tag

WORDS = ["April", "Mai", "May", "im", "am", "Ende", "Anfang", "Mitte", "bis", "seit", "von", "zwischen", "und",
         "Q2", "H1", "2025", "1999", "15.", "3.4.", "/", "-", "–", "Jahr", "Jahres", "des", "letzten", "vor",
         "zwei", "Wochen", "ago", "last", "next", "early", "mid-", "late", "the", "end", "of", "year", "fall",
         "Herbst", "Jahreswechsel", "2024/25", "Dienstag", "Tuesday", "gestern", "now", "derzeit", ",", ".",
         "31", "29.", "Februar", "February", "12/31/2025", "2025-13-40", "0", "99", "Llama", "4", "Token"]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=20).map("".join),
)
published = st.sampled_from([None, "2025-05-15", "2025-05", "2025", "2024-02-29", "2025-12-31"])


@settings(max_examples=200, deadline=None)
@given(text=texts, pub=published, language=st.sampled_from(["de", "en"]))
def test_any_text(text: str, pub: str | None, language: str) -> None:
    found = tag(text, ts.parse_iso(pub) if pub else None, language)
    last = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert e.start >= last
        last = e.end
        if e.when is not None:
            assert e.when.start <= e.when.end
