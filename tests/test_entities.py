"""The gazetteer: canonical names, aliases, inflections, families, a corpus's own entities.toml, unmarked names."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUNDLED, cast
from llamaline.text.names import Gazetteer, GazetteerError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return cast(BUNDLED)


def names(g: Gazetteer, text: str, language: str = "de") -> list[tuple[str, str, str]]:
    return [(text[h.start:h.end], h.name, h.kind) for h in g.find(text, 0, len(text), language)]


FINDS = [
    ("de", "Metas Modell", [("Metas", "Meta", "organisation")]),
    ("en", "Meta's model", [("Meta's", "Meta", "organisation")]),
    ("de", "laut WSJ", [("WSJ", "Wall Street Journal", "outlet")]),
    ("de", "Laut The Wall Street Journal", [("The Wall Street Journal", "Wall Street Journal", "outlet")]),
    ("de", "die Llama-4-Reihe", [("Llama-4", "Llama 4", "product")]),
    ("de", "Llama 4 Behemoth und Behemoth", [("Llama 4 Behemoth", "Llama 4 Behemoth", "product"),
                                          ("Behemoth", "Llama 4 Behemoth", "product")]),
    ("de", "Meta-CEO Mark Zuckerbergs Plan", [("Meta", "Meta", "organisation"),
                                           ("Mark Zuckerbergs", "Mark Zuckerberg", "person")]),
    ("de", "Ex-Meta-Forscher", [("Meta", "Meta", "organisation")]),
    ("de", "Das Modell GPT-4.5 kam", [("GPT-4.5", "GPT-4.5", "product")]),
    ("de", "Ein metaphysisches Lama", []),
    ("de", "Die Llama 4 Familie", [("Llama 4", "Llama 4", "product")]),
    ("de", "Dann kam Llama 4 Titan heraus", [("Llama 4 Titan", "Llama 4 Titan", "unknown")]),
    ("de", "Metas Llama Aufstieg und Fall", [("Metas", "Meta", "organisation"), ("Llama", "Llama", "product")]),
    ("de", "Das als „Orion“ bezeichnete Modell", [("Orion", "Orion", "unknown")]),
    ("de", "eine Art „Denkprozess“ eben", []),
    ("de", "Forscher wie Guillaume Lample gingen", [("Guillaume Lample", "Guillaume Lample", "unknown")]),
    ("de", "Modelle wie DeepSeek und Qwen", [("DeepSeek", "DeepSeek", "organisation")]),
    ("en", "Then Sundar Pichai spoke at Google in Mountain View.",
     [("Sundar Pichai", "Sundar Pichai", "unknown"), ("Google", "Google", "organisation"),
      ("Mountain View", "Mountain View", "unknown")]),
    ("en", "the model, dubbed 'Nova', shipped", [("Nova", "Nova", "unknown")]),
    # a run of names may open an English sentence; a single capitalised opener is no name
    ("en", "Orbit Air unveiled the jet at the show.", [("Orbit Air", "Orbit Air", "unknown")]),
    ("en", "Meanwhile Dana Kolb left.", [("Dana Kolb", "Dana Kolb", "unknown")]),
    ("en", "Analysts expect more.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), FINDS)
def test_find(gazetteer: Gazetteer, language: str, text: str, expected: list) -> None:
    assert names(gazetteer, text, language) == expected


def test_lookups(gazetteer: Gazetteer) -> None:
    assert gazetteer.canonical("WSJ") == "Wall Street Journal"
    assert gazetteer.canonical("Metas") == "Meta"
    assert gazetteer.canonical("nobody at all") is None
    assert gazetteer.kind("Reuters") == "outlet"
    assert gazetteer.kind("LlamaCon") == "event"
    assert gazetteer.family("Llama 4 Scout") == "Llama 4"
    assert gazetteer.family("Llama 4") == "Llama"
    assert gazetteer.family("Llama 4 Titan") == "Llama 4"  # an unknown member of a known family
    assert gazetteer.family("Meta") is None
    families = gazetteer.families()
    assert families["Llama 4 Behemoth"] == "Llama 4" and "Meta" not in families


def test_only_the_corpus_cast_is_known(tmp_path: Path) -> None:
    (tmp_path / "entities.toml").write_text(
        '[[entity]]\nname = "Acme"\nkind = "organisation"\naliases = ["Acme Corp"]\n'
        '[[entity]]\nname = "Meta"\nkind = "organisation"\naliases = ["Zuckerberg-Konzern"]\n', encoding="utf-8")
    g = Gazetteer.load(tmp_path)
    assert g.canonical("Acme Corp") == "Acme"
    assert g.canonical("Zuckerberg-Konzern") == "Meta"
    assert g.canonical("Meta Platforms") is None  # another corpus's cast is not this one's
    assert g.kind("Llama 4") is None
    assert Gazetteer.load(tmp_path / "no such folder").entities == {}


def test_malformed_entities_file(tmp_path: Path) -> None:
    (tmp_path / "entities.toml").write_text('[[entity]]\nname = "X"\nkind = "planet"\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match="kind must be one of"):
        Gazetteer.load(tmp_path)


def test_fixture_cast() -> None:
    g = Gazetteer.load(FIXTURES)
    text = "Nordwinds Kestrel X2 und Helio's Arc 7"
    expected = ["Nordwind Robotics", "Kestrel X2", "Helio Motors", "Arc 7"]
    assert [h.name for h in g.find(text, 0, len(text), "de")] == expected


def test_pickles(gazetteer: Gazetteer) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))
    assert names(copy, "laut WSJ") == names(gazetteer, "laut WSJ")


# -- the per-document memo and the fast paths must not change what is found ------------------------------------
def test_memo_gives_what_a_fresh_gazetteer_gives() -> None:
    text = "Laut WSJ hat Metas Team Llama 4 Titan gezeigt. Danach sprach Yann LeCun über „Projekt Nordlicht“ in Paris."
    primed = cast(BUNDLED)
    for start, end in ((0, 46), (47, len(text)), (5, 30), (0, len(text))):
        primed.find(text, start, end, "de", marked=False)  # the known names first, as event extraction asks
        assert primed.find(text, start, end, "de") == cast(BUNDLED).find(text, start, end, "de")
        fresh = cast(BUNDLED).find(text, start, end, "de", marked=False)
        assert primed.find(text, start, end, "de", marked=False) == fresh


def test_span_edge_inside_a_word() -> None:
    g = cast(BUNDLED)
    text = "XMeta und Meta"
    # a span that starts inside "XMeta" does not see a name starting at its edge; the whole text does
    assert [h.name for h in g.find(text, 1, len(text), "de", marked=False)] == ["Meta"]
    assert [h.start for h in g.find(text, 1, len(text), "de", marked=False)] == [10]
    assert [h.name for h in g.find(text, 10, 12, "de", marked=False)] == []  # "Me": cut, no name


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["Meta", "Metas", "Meta's", "Llama", "4", "Llama-4", "Behemoth", "WSJ", " ", " ", "-", ".",
                           "„", "“", "İ", "Σ", "und", "Yann", "LeCun", "DeepSeek", "GPT-4o", "\n",
                           "Wall Street Journal"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.integers(0, 200), st.integers(0, 200), st.sampled_from(["de", "en"]))
def test_any_span_same_as_fresh(pieces: list[str], a: int, b: int, language: str) -> None:
    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    primed = cast(BUNDLED)
    primed.find(text, 0, len(text), language)
    assert primed.find(text, start, end, language) == cast(BUNDLED).find(text, start, end, language)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="„“”«»\"'’ aB1\n", max_size=40))
def test_quote_matches(text: str) -> None:
    # `find` searches for quotes only from the first opener on: every `_QUOTED` match must start with one;
    # and it takes the quoted text from the last group matched: the one group of its alternative
    from llamaline.text.names import _QUOTE_OPENERS, _QUOTED

    for start in range(len(text) + 1):
        m = _QUOTED.search(text, start)
        if m is not None:
            assert text[m.start()] in _QUOTE_OPENERS
            assert [g for g in range(1, _QUOTED.groups + 1) if m.group(g) is not None] == [m.lastindex]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbB _-.1ä", max_size=30), st.text(alphabet="aAbBä.", min_size=1, max_size=3))
def test_also_lower_as_defined(text: str, word: str) -> None:
    import re

    from llamaline.text.names import _also_lower

    lower = word.lower()
    expected = lower != word and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None
    assert _also_lower(text, word) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aB1 -‑_.", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_hyphen_words_as_defined(text: str, a: int, b: int) -> None:
    # hyphens are found by searching the text; by definition a word goes on over every gap that is one hyphen
    from llamaline.text.cues import document_words
    from llamaline.text.names import _HYPHEN_GAPS, _hyphen_words

    words = document_words(text)
    first, limit = sorted((min(a, len(words.words)), min(b, len(words.words))))
    if first == limit:
        return
    texts, firsts = [words.words[first]], [first]
    for k in range(first + 1, limit):
        if words.gaps[k] in _HYPHEN_GAPS:
            texts[-1] += words.gaps[k] + words.words[k]
        else:
            texts.append(words.words[k])
            firsts.append(k)
    got = _hyphen_words(text, words, first, limit)
    assert (got[0], list(got[1])) == (texts, firsts)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["Llama", "Llama 4", "LLaMA"]), st.text(alphabet=" aZ4.,-_äÄ²", max_size=10),
       st.sampled_from(["de", "en"]))
def test_family_members_start_with_a_digit_or_capital(product: str, rest: str, language: str) -> None:
    # `find` extends a product's name only where a digit or a capital follows its space: elsewhere nothing follows
    from llamaline.text.cues import document_words

    g = cast(BUNDLED)
    text = product + " " + rest
    words = document_words(text)
    limit = len(words.words)
    j, name, hit_end = g._known_at(text, words, 0, limit, len(text))
    after = text[hit_end + 1 : hit_end + 2]
    if text.startswith(" ", hit_end) and not (after.isdigit() or after.isupper()):
        assert g._extend_family(text, words, 0, j, name, hit_end, language, limit) == (j, name, hit_end, "product")
