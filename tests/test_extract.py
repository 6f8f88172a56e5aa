"""Mentions from sentences: type, modality, attribution, subjects, dating; the same table for German and English."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUNDLED, cast
from llamaline import lang
from llamaline.temporal import timespan
from llamaline.text.boilerplate import find_boilerplate
from llamaline.text.corpus import Document, read_corpus
from llamaline.text.names import Gazetteer
from llamaline.events.mentions import extract_mentions
from llamaline.models import Mention, Source, TimeExpression, TimeSpan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"

try:  # the tagger is another module's work; end-to-end tests wait for it
    from llamaline.temporal import tag
except ImportError:  # pragma: no cover
    tag = None
needs_tagger = pytest.mark.skipif(tag is None, reason="llamaline.temporal.tag not available yet")


def test_detect_stopwords() -> None:
    for code in ("de", "en"):
        words = lang.load(code, "detect")["stopwords"]
        assert 40 <= len(words) <= 80 and len(set(words)) == len(words)


# -- the table -------------------------------------------------------------------------------------------------
def span(edtf: str) -> TimeSpan:
    if edtf[5:7] in ("21", "22", "23", "24") and len(edtf) == 7:
        return timespan.season(int(edtf[:4]), {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}[int(edtf[5:])])
    return timespan.parse_iso(edtf)


def document(text: str, language: str, published: str = "2025-05") -> Document:
    return Document(source=Source(id="t", path="t.txt", language=language, published=span(published)), text=text)


def expressions(text: str, times: dict[str, str]) -> list[TimeExpression]:
    out = []
    for words, edtf in times.items():
        start = text.index(words)
        kind = "present" if edtf == "published" else "date"
        out.append(TimeExpression(text=words, start=start, end=start + len(words), kind=kind,
                                  when=span("2025-05") if edtf == "published" else span(edtf)))
    return out


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return cast(BUNDLED, FIXTURES)


def extract(text: str, language: str, times: dict[str, str], gazetteer: Gazetteer, published: str = "2025-05") -> list[Mention]:
    d = document(text, language, published)
    return extract_mentions(d, expressions(text, times), gazetteer, [])


# (language, sentence, {time expression: EDTF}, expected fields of the one mention)
CASES = [
    ("de", "Meta hat Llama 4 bereits Anfang April angekündigt.", {"Anfang April": "2025-04"},
     dict(type="announcement", modality="happened", when="2025-04", subjects=["Llama 4", "Meta"], attributed_to=None)),
    ("en", "Meta announced Llama 4 in early April.", {"early April": "2025-04"},
     dict(type="announcement", modality="happened", when="2025-04", subjects=["Llama 4", "Meta"], attributed_to=None)),
    ("de", "Die Veröffentlichung von Behemoth verzögert sich, berichtet das Wall Street Journal.", {},
     dict(type="delay", modality="happened", when="2025-05", time_text=None, attributed_to="Wall Street Journal",
          subjects=["Llama 4 Behemoth"])),
    ("en", "Meta is delaying the release of Behemoth, the WSJ reports.", {},
     dict(type="delay", modality="happened", when="2025-05", time_text=None, attributed_to="Wall Street Journal",
          subjects=["Llama 4 Behemoth", "Meta"])),
    ("de", "Laut Reuters wurde der Start von Kestrel X2 im März verschoben.", {"im März": "2025-03"},
     dict(type="delay", when="2025-03", attributed_to="Reuters", subjects=["Kestrel X2"])),
    ("en", "According to Bloomberg, the Arc 7 launch was pushed back in March.", {"in March": "2025-03"},
     dict(type="delay", when="2025-03", attributed_to="Bloomberg", subjects=["Arc 7"])),
    ("de", "Nordwind erwog Berichten zufolge, den Kestrel X2 im Juli 2025 ganz aufzugeben.", {"im Juli 2025": "2025-07"},
     dict(type="abandonment", modality="considered", when="2025-07", attributed_to="unnamed reports",
          subjects=["Kestrel X2", "Nordwind Robotics"])),
    ("en", "Helio reportedly considered scrapping the Arc 7 in July 2025.", {"in July 2025": "2025-07"},
     dict(type="abandonment", modality="considered", when="2025-07", attributed_to="unnamed reports",
          subjects=["Arc 7", "Helio Motors"])),
    ("de", "Der Kestrel X2 sollte eigentlich im April vorgestellt werden.", {"im April": "2025-04"},
     dict(type="announcement", modality="planned", when="2025-04", subjects=["Kestrel X2"])),
    ("en", "The Arc 7 was slated for release in June 2024.", {"in June 2024": "2024-06"},
     dict(type="release", modality="planned", when="2024-06", subjects=["Arc 7"])),
    ("de", "Ursprünglich wurde der Marktstart von Kestrel X2 für Juni 2024 erwartet.", {"Juni 2024": "2024-06"},
     dict(type="release", modality="expected", when="2024-06", subjects=["Kestrel X2"])),
    ("de", "Nordwind dementierte am 18. März 2025, dass der Kestrel X2 eingestellt werde.", {"am 18. März 2025": "2025-03-18"},
     dict(type="abandonment", modality="denied", when="2025-03-18", subjects=["Kestrel X2", "Nordwind Robotics"])),
    ("en", "Helio denied on March 18, 2025 that it would abandon the Arc 7.", {"on March 18, 2025": "2025-03-18"},
     dict(type="abandonment", modality="denied", when="2025-03-18", subjects=["Arc 7", "Helio Motors"])),
    ("de", "Lena Hartmann verlässt Nordwind.", {},
     dict(type="departure", modality="happened", when="2025-05", time_text=None, subjects=["Lena Hartmann", "Nordwind Robotics"])),
    ("en", "Priya Raman stepped down as CFO of Helio in August 2025.", {"in August 2025": "2025-08"},
     dict(type="departure", when="2025-08", subjects=["Helio Motors", "Priya Raman"])),
    ("de", "Lena Hartmann bestätigt zum Jahreswechsel ihren Abschied von Nordwind.", {"zum Jahreswechsel": "2025-12"},
     dict(type="departure", when="2025-12", subjects=["Lena Hartmann", "Nordwind Robotics"])),
    ("de", "Nordwind verpflichtete im Juni 2025 Jonas Weber für die Produktion.", {"im Juni 2025": "2025-06"},
     dict(type="hiring", when="2025-06", subjects=["Jonas Weber", "Nordwind Robotics"])),
    ("en", "In June 2025, Helio hired Tom Becker as head of manufacturing.", {"In June 2025": "2025-06"},
     dict(type="hiring", when="2025-06", subjects=["Helio Motors", "Tom Becker"])),
    ("de", "Nordwind investierte im Mai 2025 rund 300 Mio. Euro in Voltline.", {"im Mai 2025": "2025-05"},
     dict(type="investment", when="2025-05", subjects=["Nordwind Robotics", "Voltline"])),
    ("en", "Helio invested $300 million in Voltline in May 2025.", {"in May 2025": "2025-05"},
     dict(type="investment", when="2025-05", subjects=["Helio Motors", "Voltline"])),
    ("de", "Nordwind wurde 2019 in Hamburg gegründet.", {"2019": "2019"},
     dict(type="founding", when="2019", subjects=["Nordwind Robotics"])),
    ("en", "Helio was founded in 2019 in Austin.", {"2019": "2019"},
     dict(type="founding", when="2019", subjects=["Helio Motors"])),
    ("de", "Auf der Entwicklerkonferenz RoboConf im April 2025 zeigte Nordwind neue Roboter.", {"im April 2025": "2025-04"},
     dict(type="conference", when="2025-04", subjects=["Nordwind Robotics", "RoboConf"])),
    ("en", "At its developer conference in April 2025, Helio showed new cars.", {"in April 2025": "2025-04"},
     dict(type="conference", when="2025-04", subjects=["Helio Motors"])),
    ("de", "Nordwind stellte den Kestrel X2 im Februar 2025 vor.", {"im Februar 2025": "2025-02"},
     dict(type="announcement", when="2025-02", trigger="stellte … vor", subjects=["Kestrel X2", "Nordwind Robotics"])),
    ("de", "Nordwind brachte den Kestrel X2 im Februar 2025 heraus.", {"im Februar 2025": "2025-02"},
     dict(type="release", when="2025-02", subjects=["Kestrel X2", "Nordwind Robotics"])),
    ("en", "Helio released the Arc 7 in February 2025.", {"in February 2025": "2025-02"},
     dict(type="release", when="2025-02", subjects=["Arc 7", "Helio Motors"])),
    ("de", "Kritik an Nordwind gab es im Jahr 2024 wegen geschönter Tests.", {"im Jahr 2024": "2024"},
     dict(type="controversy", when="2024", subjects=["Nordwind Robotics"])),
    ("en", "Helio faced a lawsuit over faked range tests in 2024.", {"in 2024": "2024"},
     dict(type="controversy", when="2024", subjects=["Helio Motors"])),
    ("de", "Der Marktstart von Kestrel X2 wird nun frühestens im Herbst erfolgen.", {"frühestens im Herbst": "2025-23"},
     dict(type="release", modality="expected", when="2025-23", subjects=["Kestrel X2"])),
    ("de", "Nordwind hat den Kestrel X2 von Sommer auf Herbst verschoben.", {"Sommer": "2025-22", "Herbst": "2025-23"},
     dict(type="delay", modality="happened", when="2025-05", time_text=None, subjects=["Kestrel X2", "Nordwind Robotics"])),
    ("en", "Helio will launch the Arc 7 in October 2025.", {"in October 2025": "2025-10"},
     dict(type="release", modality="planned", when="2025-10", subjects=["Arc 7", "Helio Motors"])),
    ("de", "Nordwind hat den Kestrel X2 im März nicht vorgestellt.", {"im März": "2025-03"}, None),
    ("en", "Helio did not release the Arc 7 in March.", {"in March": "2025-03"}, None),
    ("de", "Das Wetter in Hamburg war im März schön.", {"im März": "2025-03"}, None),
    ("de", "Die Start-up-Szene wächst.", {}, None),
    # an original plan's date is not the date of the delay; a clause that only carries the news lends its date
    ("de", "Der Marktstart von Kestrel X2, der ursprünglich für den 16. August geplant war, verzögert sich.",
     {"16. August": "2025-08-16"}, dict(type="delay", modality="happened", when="2025-05", time_text=None)),
    ("en", "The launch of the Arc 7, which was originally planned for August, has been delayed, Helio said on May 6.",
     {"August": "2025-08", "on May 6": "2025-05-06"}, dict(type="delay", modality="happened", when="2025-05-06")),
    ("de", "Nordwind hat Jonas Weber als Vertriebschef verpflichtet, teilte das Unternehmen am 6. Mai mit.",
     {"am 6. Mai": "2025-05-06"}, dict(type="hiring", when="2025-05-06", subjects=["Jonas Weber", "Nordwind Robotics"])),
    ("en", "Helio hired Tom Becker as head of manufacturing, the company announced on May 6.",
     {"on May 6": "2025-05-06"}, dict(type="hiring", when="2025-05-06", subjects=["Helio Motors", "Tom Becker"])),
    ("en", "Helio recalled 4,000 Arc 7 cars in April.", {"in April": "2025-04"},
     dict(type="other", when="2025-04", subjects=["Arc 7", "Helio Motors"])),
    ("de", "Nordwind ruft 4.000 Kestrel X2 zurück.", {}, dict(type="other", when="2025-05", subjects=["Kestrel X2"])),
    ("de", "Die Telefonkonferenz mit Analysten fand im März statt.", {"im März": "2025-03"}, None),
]


SAYING = ("statement", "report", "announcement")  # the communications: events of their own beside what they tell
DECISIONS = ("delay",)


@pytest.mark.parametrize(("language", "text", "times", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_mention(language: str, text: str, times: dict, expected: dict | None, gazetteer: Gazetteer) -> None:
    mentions = extract(text, language, times, gazetteer)
    if expected is None:
        assert mentions == []
        return
    if expected.get("type") not in SAYING:  # who says or reports it is an event of its own (tests/test_news.py)
        mentions = [m for m in mentions if m.type not in SAYING]
    if expected.get("type") in DECISIONS:  # so is the new target a decision sets (tests/test_news.py)
        mentions = [m for m in mentions if m.type in DECISIONS or m.modality != "planned"]
    assert len(mentions) == 1, [(m.type, m.trigger) for m in mentions]
    m = mentions[0]
    assert m.quote == text and (m.start, m.end) == (0, len(text))
    for field, value in expected.items():
        got = getattr(m, field)
        if field == "when":
            got = got.edtf if got else None
        if field == "subjects":  # places and other names the text marks may come along
            assert set(value) <= set(got), f"{field}: {got!r} lacks {value!r}"
            continue
        assert got == value, f"{field}: {got!r} != {value!r}"
    if m.time_text is not None:
        assert text[m.time_start:m.time_end] == m.time_text


def test_planned_presentation_at_a_conference_gives_two_mentions(gazetteer: Gazetteer) -> None:
    text = "Vorgestellt werden sollte der Kestrel X2 eigentlich Ende April bei Nordwinds Hauskonferenz."
    mentions = extract(text, "de", {"Ende April": "2025-04"}, gazetteer)
    assert sorted((m.type, m.modality, m.when.edtf) for m in mentions) == [
        ("announcement", "planned", "2025-04"), ("conference", "happened", "2025-04")]


def test_then_refers_to_the_previous_sentence(gazetteer: Gazetteer) -> None:
    text = "Im April 2025 tagte die RoboConf. Damals präsentierte Nordwind den Kestrel X2."
    mentions = extract(text, "de", {"Im April 2025": "2025-04"}, gazetteer)
    announcement = next(m for m in mentions if m.type == "announcement")
    assert announcement.when.edtf == "2025-04" and announcement.time_text == "Damals"


def test_product_in_focus_is_the_subject_of_a_sentence_without_one(gazetteer: Gazetteer) -> None:
    text = "Der Kestrel X2 kommt später. Daher verzögert sich der Start weiter, berichtet das Handelsblatt."
    mentions = extract(text, "de", {}, gazetteer)
    delay = [m for m in mentions if m.type == "delay"][-1]
    assert delay.subjects == ["Kestrel X2"] and delay.attributed_to == "Handelsblatt"


def test_undated_and_unpublished(gazetteer: Gazetteer) -> None:
    text = "Nordwind verschiebt den Kestrel X2."
    d = Document(source=Source(id="t", path="t.txt", language="de"), text=text)
    (m,) = extract_mentions(d, [], gazetteer, [])
    assert m.when is None and m.time_text is None and m.published is None  # never a made-up date


def test_boilerplate_is_skipped(gazetteer: Gazetteer) -> None:
    text = "Nordwind verschiebt den Kestrel X2.\n\nÄhnliche Beiträge\n\nNordwind stellte 2019 den Kestrel vor.\n"
    d = document(text, "de")
    regions = find_boilerplate([d])["t"]
    mentions = extract_mentions(d, expressions(text, {"2019": "2019"}), gazetteer, regions)
    assert [m.type for m in mentions] == ["delay"]


# -- the bundled corpus ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_mentions() -> tuple[dict[str, Document], list[Mention], dict]:
    corpus = read_corpus(CORPUS)
    gazetteer = Gazetteer.load(corpus.root)
    regions = find_boilerplate(corpus.documents)
    mentions = []
    for d in corpus.documents:
        found = tag(d.text, d.source.published, d.language, start=d.body_start) if tag else []
        mentions += extract_mentions(d, found, gazetteer, regions[d.source.id])
    return {d.source.id: d for d in corpus.documents}, mentions, regions


def test_corpus_offsets_and_no_boilerplate(corpus_mentions) -> None:
    docs, mentions, regions = corpus_mentions
    assert len(mentions) > 30
    for m in mentions:
        text = docs[m.source].text
        assert text[m.start:m.end] == m.quote
        if m.time_text is not None:
            assert text[m.time_start:m.time_end] == m.time_text
        for r in regions[m.source]:
            assert not (r.start < m.end and m.start < r.end), (m.quote, r.label)
        assert m.published == docs[m.source].source.published
        assert m.subjects == sorted(m.subjects)


def test_corpus_mentions_are_valid_models(corpus_mentions) -> None:
    """Mentions are built without validation on the hot path: every one must still pass it, field for field."""
    _, mentions, _ = corpus_mentions
    for m in mentions:
        again = Mention.model_validate(m.model_dump())
        assert again == m and again.model_dump_json() == m.model_dump_json()
        assert m.model_fields_set == set(Mention.model_fields)


def test_corpus_is_deterministic(corpus_mentions) -> None:
    docs, mentions, regions = corpus_mentions
    gazetteer = Gazetteer.load(CORPUS)
    again = []
    for d in reversed(list(docs.values())):
        found = tag(d.text, d.source.published, d.language, start=d.body_start) if tag else []
        again += extract_mentions(d, found, gazetteer, regions[d.source.id])
    key = lambda m: (m.source, m.start, m.type)  # noqa: E731
    assert sorted(again, key=key) == sorted(mentions, key=key)


def _find(mentions, type_, subject, edtf_prefix=None, source=None, attributed_to=None):
    return [m for m in mentions if m.type == type_ and subject in m.subjects
            and (edtf_prefix is None or (m.when is not None and m.when.edtf.startswith(edtf_prefix)))
            and (source is None or m.source.startswith(source))
            and (attributed_to is None or m.attributed_to == attributed_to)]


@needs_tagger
def test_corpus_named_events(corpus_mentions) -> None:
    _, mentions, _ = corpus_mentions
    assert _find(mentions, "announcement", "Llama 4 Behemoth", "2025-04", "000")  # "Anfang April angekündigt"
    assert _find(mentions, "release", "Llama 4", "2025-04", "002")  # "bis April 2025 brachte Meta ... heraus"
    assert _find(mentions, "conference", "LlamaCon", "2025-04", "001")
    # "Ende April" in an article of May 2025; the year is the tagger's call (see the report), the month is ours
    assert [m for m in _find(mentions, "conference", "Meta", None, "000") if m.when and m.when.start.month == 4]
    assert _find(mentions, "delay", "Llama 4 Behemoth", "2025-05", "000", "Wall Street Journal")
    assert _find(mentions, "delay", "Llama 4 Behemoth", "2025-05", "001")
    assert _find(mentions, "delay", "Llama 4 Behemoth", "2025-05", "002")
    assert _find(mentions, "abandonment", "Llama 4 Behemoth", "2025-07", "002")
    assert _find(mentions, "abandonment", "Llama 4 Behemoth", None, "003")
    exit_ = _find(mentions, "departure", "Yann LeCun", None, "004")
    assert exit_ and all(m.when is None or m.when.start.year in (2025, 2026) for m in exit_)
    assert any(m.when is not None and m.when.start <= timespan.day(2026, 1, 1).start <= m.when.end
               or m.when is not None and m.when.start.year == 2025 and m.when.start.month == 12 for m in exit_)


@needs_tagger
def test_corpus_teaser_years_are_not_events(corpus_mentions) -> None:
    docs, mentions, _ = corpus_mentions
    kinews = next(d for key, d in docs.items() if key.startswith("001"))
    teaser_at = kinews.text.index("Ähnliche Beiträge")
    assert all(m.start < teaser_at for m in mentions if m.source == kinews.source.id)


# -- articles the extractor was not written for ----------------------------------------------------------------
@needs_tagger
@pytest.mark.parametrize("language", ["de", "en"])
def test_unseen_articles_recall(language: str) -> None:
    corpus = read_corpus(FIXTURES)
    gazetteer = cast(BUNDLED, FIXTURES)
    regions = find_boilerplate(corpus.documents)
    expected = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))["event"]
    by_path = {d.source.path: d for d in corpus.documents}
    wanted = [e for e in expected if by_path[e["file"]].language == language]
    found = 0
    for event in wanted:
        d = by_path[event["file"]]
        mentions = extract_mentions(d, tag(d.text, d.source.published, d.language, start=d.body_start),
                                    gazetteer, regions[d.source.id])
        target = span(event["when"])
        # nested spans; news dated by its publication is a span ending on that day, which may reach into the month before
        if any(m.type == event["type"] and m.when is not None and m.when.overlaps(target)
               and (m.when.contains(target) or target.contains(m.when) or m.dated_by == "publication")
               for m in mentions):
            found += 1
    assert found >= 0.8 * len(wanted), f"{found}/{len(wanted)}"


# -- cue matching with token ids computed once per document equals matching sentence by sentence --------------
def test_cue_ids_per_document_same_as_per_sentence() -> None:
    import bisect
    import re

    from llamaline.text.cues import cues_for, spans_of_words, tokenize
    from llamaline.text.sentences import split_sentences

    text = ("Meta hat den Start von Llama 4 Behemoth verschoben, berichtet das Wall Street Journal. "
            "Laut Insidern wurde die Veröffentlichung ursprünglich für April erwartet. Das Modell kam nicht.")
    assert tokenize(text) == [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W_]+", text.lower())]
    assert spans_of_words(text, 5) == [(m.start() + 5, m.end() + 5, m.group()) for m in re.finditer(r"[^\W_]+", text)]
    patterns = cues_for("de").patterns
    tokens = tokenize(text)
    ids = patterns.token_ids(tokens)
    starts = [t[0] for t in tokens]
    for start, end in split_sentences(text, 0, len(text), "de"):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        assert patterns.find(text, tokens, first, last, ids) == patterns.find(text, tokens, first, last)
        assert patterns.find(text, tokens, first, last)  # every sentence here has a cue


@pytest.mark.parametrize(("language", "text", "times", "wanted"), [
    ("en", "Helio was founded in 2019 and invested in Voltline in 2023.", {"in 2019": "2019", "in 2023": "2023"},
     {("founding", "2019"), ("investment", "2023")}),
    ("de", "Hartmann wechselte 2019 zu Nordwind und wurde im März 2023 zur Chefin ernannt.", {"2019": "2019", "im März 2023": "2023-03"},
     {("hiring", "2019"), ("appointment", "2023-03")}),
    ("en", "Planning permission for the Helio plant was granted in 2021, and construction began in 2022.",
     {"in 2021": "2021", "in 2022": "2022"}, {("other", "2021"), ("other", "2022")}),
])
def test_each_event_of_a_clause_takes_its_own_date(language: str, text: str, times: dict, wanted: set,
                                                   gazetteer: Gazetteer) -> None:
    got = {(m.type, m.when.edtf if m.when else None) for m in extract(text, language, times, gazetteer)}
    assert wanted <= got, got


# the definition the fast clause-break scan must agree with: a punctuation mark, or " - " / " ... " between spaces
_CLAUSE_BREAK_DEFINITION = __import__("re").compile(r"[,;:()\[\]–—]|\s-\s|\s\.\.\.\s")


@given(st.text(alphabet=" -.,;:()–—\n\u00a0ab", max_size=40), st.integers(min_value=0, max_value=3))
def test_clause_breaks_follow_their_definition(text: str, start: int) -> None:
    from llamaline.text.analysis import _clause_breaks

    spans = [m.span() for m in _CLAUSE_BREAK_DEFINITION.finditer(text, start)]
    breaks, spaced = _clause_breaks(text, start)
    assert breaks == [s for s, _ in spans]
    assert spaced == {s: e for s, e in spans if e - s > 1}


def test_the_pipeline_gives_the_collector_back() -> None:
    """The cyclic garbage collector pauses while the pipeline runs and is on again afterwards, also after an error."""
    import gc

    from llamaline.api import build_timeline
    from llamaline.pipeline import cyclic_gc_paused

    build_timeline(CORPUS)
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), cyclic_gc_paused():
        assert not gc.isenabled()
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_cue_ids_stay_right_when_the_word_memo_overflows(monkeypatch) -> None:
    """The per-word memo of cue ids is bounded; clearing it when full changes no answer."""
    from llamaline.text import cues
    from llamaline.text.cues import CuePatterns

    entries = [("triggers", "delay", "verschob*"), ("triggers", "release", "*start"), ("clause", "negation", "nicht")]
    words = "Nordwind verschob den Marktstart nicht , verschoben VERSCHOBEN Start Nicht".split()
    expected = CuePatterns(entries).word_ids(words)
    assert [bool(ids) for ids in expected] == [False, True, False, True, True, False, True, True, True, True]
    monkeypatch.setattr(cues, "WORD_MEMO", 3)
    small = CuePatterns(entries)
    assert small.word_ids(words) == expected
    assert small.word_ids(list(reversed(words))) == list(reversed(expected))
    assert len(small._written) <= len(set(words))


def test_a_mention_and_a_claim_of_one_sentence_name_the_same_source() -> None:
    """One attribution rule: whatever a sentence's mentions are attributed to, its claims are too."""
    from llamaline.pipeline import findings_of
    from llamaline.text.boilerplate import find_boilerplate
    from llamaline.text.corpus import read_corpus

    corpus = read_corpus(CORPUS)
    gazetteer = Gazetteer.load(CORPUS)
    regions = find_boilerplate(corpus.documents)
    compared = 0
    for doc in corpus.documents:
        mentions, claims = findings_of((doc, regions.get(doc.source.id, [])), gazetteer)
        sources = {}
        for m in mentions:
            sources.setdefault(m.start, set()).add(m.attributed_to)
        for c in claims:
            if c.start in sources:
                compared += 1
                assert sources[c.start] == {c.attributed_to}, c.quote
    assert compared > 20
