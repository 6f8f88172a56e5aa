"""Claims and claim tracks: table tests in German and English on a cast of our own, tracks, view, bundled corpus."""

from __future__ import annotations

import tomllib
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from conftest import BUNDLED, cast
from llamaline import lang
from llamaline.temporal import timespan
from llamaline.text.boilerplate import Region
from llamaline.claimtracks import extract_claims, filter_tracks, find_quantities, track_claims
from llamaline.claimtracks.words import REQUIRED, claim_words
from llamaline.views.claims import claims_view
from llamaline.text.corpus import Document
from llamaline.text.cues import tokenize
from llamaline.text.names import Gazetteer
from llamaline.models import Claim, ClaimValue, Source, TimeExpression, TimeSpan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "claims"
GAZETTEER = cast(BUNDLED, FIXTURES)
LANGS = ("de", "en")


def document(language: str, text: str, published: str | None = "2024-03", source: str = "t") -> Document:
    span = timespan.parse_iso(published) if published else None
    return Document(source=Source(id=source, path=f"{source}.txt", language=language, published=span), text=text)


def expression(text: str, surface: str, when: TimeSpan, modifier: str | None = None) -> TimeExpression:
    start = text.index(surface)
    return TimeExpression(text=surface, start=start, end=start + len(surface), when=when, modifier=modifier)


def claims_of(language: str, text: str, expressions=(), regions=(), published: str | None = "2024-03") -> list[Claim]:
    doc = document(language, text, published)
    found = extract_claims(doc, [expression(text, *e) for e in expressions], GAZETTEER, list(regions))
    for claim in found:  # every claim cites exactly
        assert text[claim.start : claim.end] == claim.quote
        assert claim.value_start is not None and claim.value_end is not None
        assert text[claim.value_start : claim.value_end] == claim.value.text
        assert claim.start <= claim.value_start < claim.value_end <= claim.end
    return found


def one(claims: list[Claim], attribute: str, subject: str | None = None) -> Claim:
    chosen = [c for c in claims if c.attribute == attribute and (subject is None or c.subject == subject)]
    assert len(chosen) == 1, [(c.subject, c.attribute, c.value.text) for c in claims]
    return chosen[0]


# -- language data -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGS)
def test_required_claim_keys_are_present_and_lists(language):
    data = lang.load(language, "claims")
    for table, keys in REQUIRED.items():
        for key in keys:
            assert key in data[table], (language, table, key)
            value = data[table][key]
            assert isinstance(value, (list, str, dict)) and value, (language, table, key)


def test_no_language_words_in_the_engine():
    words, labels = set(), set()
    for code in LANGS:
        data = tomllib.loads((Path(lang.__file__).parent / code / "claims.toml").read_text(encoding="utf-8"))
        for table in ("scales", "currencies", "bounds", "statuses", "targets", "attributes", "clause"):
            labels |= set(data[table])
            for surfaces in data[table].values():
                words |= {w.strip("*").lower() for w in surfaces if len(w.strip("*")) > 4 and " " not in w}
    words -= labels  # the labels are the data's keys, shared by every language
    engine = Path(lang.__file__).parent.parent / "claimtracks"
    for path in (engine / "words.py", engine / "quantities.py", engine / "extract.py"):  # output wording aside
        source = path.read_text(encoding="utf-8").lower()
        leaked = sorted(w for w in words if f'"{w}"' in source or f"'{w}'" in source)
        assert not leaked, (path.name, leaked)


# -- quantities --------------------------------------------------------------------------------------------------
QUANTITIES = [
    ("de", "bis zu 72 Milliarden US-Dollar", 72e9, "USD", "up_to"),
    ("de", "rund 3,5 Mrd. Euro", 3.5e9, "EUR", "approximate"),
    ("de", "mindestens 128.000 Token", 128_000, "tokens", "at_least"),
    ("de", "2 Billionen Parameter", 2e12, "parameters", "exact"),
    ("de", "zwei Billionen Parameter", 2e12, "parameters", "exact"),
    ("de", "500 Millionen €", 5e8, "EUR", "exact"),
    ("de", "17 Milliarden aktive Parameter", 17e9, "parameters", "exact"),
    ("de", "eine Milliarde Dollar", 1e9, "USD", "exact"),
    ("en", "up to $72 billion", 72e9, "USD", "up_to"),
    ("en", "about 3.5 billion euros", 3.5e9, "EUR", "approximate"),
    ("en", "at least 128,000 tokens", 128_000, "tokens", "at_least"),
    ("en", "2 trillion parameters", 2e12, "parameters", "exact"),
    ("en", "two trillion parameters", 2e12, "parameters", "exact"),
    ("en", "€500 million", 5e8, "EUR", "exact"),
    ("en", "17 billion active parameters", 17e9, "parameters", "exact"),
    ("en", "a billion dollars", 1e9, "USD", "exact"),
    ("en", "roughly $12bn", 12e9, "USD", "approximate"),
    ("en", "400B", 4e11, None, "exact"),
    ("de", "400B", 4e11, None, "exact"),
    ("en", "128K tokens", 128e3, "tokens", "exact"),
]


@pytest.mark.parametrize("language, text, number, unit, bound", QUANTITIES)
def test_quantities(language, text, number, unit, bound):
    words = claim_words(language)
    sentence = f"xx {text} xx"
    tokens = tokenize(sentence)
    found = find_quantities(sentence, 0, len(sentence), tokens, words.find(sentence, tokens), words, [])
    assert len(found) == 1, found
    q = found[0]
    assert q.number == pytest.approx(number)
    assert (q.unit, q.bound) == (unit, bound)
    assert sentence[q.start : q.end] == text


def test_german_billion_is_a_trillion_and_english_billion_is_not():
    for language, text, number in (("de", "1 Billion Parameter", 1e12), ("en", "1 billion parameters", 1e9)):
        words = claim_words(language)
        tokens = tokenize(text)
        (q,) = find_quantities(text, 0, len(text), tokens, words.find(text, tokens), words, [])
        assert q.number == number


@pytest.mark.parametrize("language, text", [("de", "Claude 3,5 und GPT-4o und 2025"), ("en", "model v2.5 and x4o")])
def test_names_and_years_are_no_quantities(language, text):
    words = claim_words(language)
    tokens = tokenize(text)
    found = find_quantities(text, 0, len(text), tokens, words.find(text, tokens), words, [(0, 10)])
    assert all(q.scale == 0 and q.unit is None for q in found)


# -- number claims, German and English alike -------------------------------------------------------------------
NUMBER_CLAIMS = [
    # (lang, sentence, subject, attribute, number, unit, bound)
    ("de", "Das Modell Kestrel 2 Falcon hat 70 Milliarden Parameter.", "Kestrel 2 Falcon", "parameters", 70e9, "parameters", "exact"),
    ("en", "The Kestrel 2 Falcon model has 70 billion parameters.", "Kestrel 2 Falcon", "parameters", 70e9, "parameters", "exact"),
    ("de", "Osprey: Mit 8 Milliarden Parametern und einem Kontextfenster von 128.000 Token.", "Kestrel 2 Osprey", "parameters", 8e9, "parameters", "exact"),
    ("en", "Osprey: 8 billion parameters and a context window of 128,000 tokens.", "Kestrel 2 Osprey", "parameters", 8e9, "parameters", "exact"),
    ("de", "Osprey: Mit 8 Milliarden Parametern und einem Kontextfenster von 128.000 Token.", "Kestrel 2 Osprey", "context_window", 128e3, "tokens", "exact"),
    ("en", "Osprey: 8 billion parameters and a context window of 128,000 tokens.", "Kestrel 2 Osprey", "context_window", 128e3, "tokens", "exact"),
    ("de", "Kestrel 2 hat ein Kontextfenster von 1 Million Token.", "Kestrel 2", "context_window", 1e6, "tokens", "exact"),
    ("en", "Kestrel 2 has a context window of 1 million tokens.", "Kestrel 2", "context_window", 1e6, "tokens", "exact"),
    ("de", "Kestrel 2 Falcon wurde mit 15 Billionen Token trainiert.", "Kestrel 2 Falcon", "training_tokens", 15e12, "tokens", "exact"),
    ("en", "Kestrel 2 Falcon was trained on 15 trillion tokens.", "Kestrel 2 Falcon", "training_tokens", 15e12, "tokens", "exact"),
    ("de", "Kestrel 2 Falcon ist ein 70B-Modell.", "Kestrel 2 Falcon", "parameters", 70e9, None, "exact"),
    ("en", "Kestrel 2 Falcon is a 70B model.", "Kestrel 2 Falcon", "parameters", 70e9, None, "exact"),
    ("de", "Nordwind Labs will in diesem Jahr bis zu 4,5 Milliarden Euro investieren.", "Nordwind Labs", "spending", 4.5e9, "EUR", "up_to"),
    ("en", "Nordwind Labs plans to invest up to €4.5 billion this year.", "Nordwind Labs", "spending", 4.5e9, "EUR", "up_to"),
    ("de", "Nordwind gibt für Rechenzentren 250 Millionen € aus.", "Nordwind Labs", "spending", 2.5e8, "EUR", "exact"),
    ("en", "Nordwind spends €250m on data centres.", "Nordwind Labs", "spending", 2.5e8, "EUR", "exact"),
    ("de", "Die Bewertung von Nordwind Labs liegt bei rund 12 Mrd. Dollar.", "Nordwind Labs", "valuation", 12e9, "USD", "approximate"),
    ("en", "Nordwind Labs is valued at about $12bn.", "Nordwind Labs", "valuation", 12e9, "USD", "approximate"),
    ("de", "Nordwind Labs hat in einer Finanzierungsrunde mindestens 300 Millionen Euro eingesammelt.", "Nordwind Labs", "funding", 3e8, "EUR", "at_least"),
    ("en", "Nordwind Labs raised at least 300 million euros in a funding round.", "Nordwind Labs", "funding", 3e8, "EUR", "at_least"),
    ("de", "Ines Varga sammelte ein Startkapital von 20 Millionen US-Dollar ein.", "Ines Varga", "funding", 2e7, "USD", "exact"),
    ("en", "Ines Varga raised seed funding of $20 million.", "Ines Varga", "funding", 2e7, "USD", "exact"),
    ("de", "Nur noch drei von 14 Ingenieuren arbeiten bei Nordwind Labs.", "Nordwind Labs", "staff_remaining", 3, "of 14", "exact"),
    ("en", "Only three of 14 engineers still work at Nordwind Labs.", "Nordwind Labs", "staff_remaining", 3, "of 14", "exact"),
    ("de", "Von den 20 Forschern des Teams sind bei Nordwind Labs nur fünf geblieben.", "Nordwind Labs", "staff_remaining", 5, "of 20", "exact"),
    ("en", "Of the 20 researchers on the team, only five remain at Nordwind Labs.", "Nordwind Labs", "staff_remaining", 5, "of 20", "exact"),
    ("de", "Bei Nordwind Labs sind 11 von 14 Autoren ausgeschieden.", "Nordwind Labs", "staff_departed", 11, "of 14", "exact"),
    ("en", "At Nordwind Labs, 11 of 14 authors have left.", "Nordwind Labs", "staff_departed", 11, "of 14", "exact"),
]


@pytest.mark.parametrize("language, sentence, subject, attribute, number, unit, bound", NUMBER_CLAIMS)
def test_number_claims(language, sentence, subject, attribute, number, unit, bound):
    claim = one(claims_of(language, sentence), attribute)
    assert claim.subject == subject
    assert claim.value.kind == "number"
    assert claim.value.number == pytest.approx(number)
    assert (claim.value.unit, claim.value.bound) == (unit, bound)
    assert claim.source == "t" and claim.published == timespan.month(2024, 3)


@pytest.mark.parametrize("language, sentence", [
    ("de", "Osprey: Kontextfenster von 1 Million Token (zum Vergleich: Kestrel 1 hat nur 32.000 Token)."),
    ("en", "Osprey: a context window of 1 million tokens (by comparison, Kestrel 1 has only 32,000 tokens)."),
])
def test_a_compared_value_belongs_to_the_name_after_the_comparison(language, sentence):
    claims = claims_of(language, sentence)
    assert one(claims, "context_window", "Kestrel 2 Osprey").value.number == 1e6
    assert one(claims, "context_window", "Kestrel 1").value.number == 32_000


@pytest.mark.parametrize("language, text", [
    ("de", "Kestrel 2 Falcon erschien im April. Das Modell hat 70 Milliarden Parameter."),
    ("en", "Kestrel 2 Falcon came out in April. The model has 70 billion parameters."),
])
def test_a_subject_named_in_an_earlier_sentence_carries_over(language, text):
    assert one(claims_of(language, text), "parameters").subject == "Kestrel 2 Falcon"


@pytest.mark.parametrize("language, sentence", [
    ("de", "Das Jahr 2024 brachte 12 neue Modelle und 3 Konferenzen."),
    ("en", "In 2024 there were 12 new models, 3 conferences and 7 lawsuits."),
    ("de", "Kestrel 2 Falcon kommt auf 7,5 Millionen Wörter."),
    ("en", "Kestrel 2 Falcon covers 7.5 million words."),
])
def test_numbers_without_unit_or_cue_are_no_claims(language, sentence):
    assert claims_of(language, sentence) == []


@pytest.mark.parametrize("language, sentence, attributed", [
    ("de", "Laut dem Daily Ledger hat Kestrel 2 Falcon 70 Milliarden Parameter.", "Daily Ledger"),
    ("en", "According to the Daily Ledger, Kestrel 2 Falcon has 70 billion parameters.", "Daily Ledger"),
    ("de", "Kestrel 2 Falcon hat 70 Milliarden Parameter, berichtet The Daily Ledger.", "Daily Ledger"),
    ("en", "Kestrel 2 Falcon has 70 billion parameters, The Daily Ledger reported.", "Daily Ledger"),
    ("de", "Berichten zufolge hat Kestrel 2 Falcon 70 Milliarden Parameter.", "unnamed reports"),
    ("en", "Kestrel 2 Falcon reportedly has 70 billion parameters.", "unnamed reports"),
    ("de", "Kestrel 2 Falcon hat 70 Milliarden Parameter.", None),
    ("en", "Kestrel 2 Falcon has 70 billion parameters.", None),
])
def test_attribution(language, sentence, attributed):
    claim = one(claims_of(language, sentence), "parameters")
    assert (claim.subject, claim.attributed_to) == ("Kestrel 2 Falcon", attributed)


# -- target dates --------------------------------------------------------------------------------------------------
JUNE, MARCH, AUTUMN = timespan.month(2024, 6), timespan.month(2024, 3), timespan.season(2024, "autumn")
TARGETS = [
    # (lang, sentence, (expression, span, modifier from the tagger), subject, expected modifier)
    ("de", "Kestrel 2 Falcon war ursprünglich für Juni geplant.", ("Juni", JUNE, None), "Kestrel 2 Falcon", None),
    ("en", "Kestrel 2 Falcon was originally slated for June.", ("June", JUNE, None), "Kestrel 2 Falcon", None),
    ("de", "Kestrel 2 Falcon wird im Juni erwartet.", ("im Juni", JUNE, None), "Kestrel 2 Falcon", None),
    ("en", "Kestrel 2 Falcon is expected in June.", ("in June", JUNE, None), "Kestrel 2 Falcon", None),
    ("de", "Die Veröffentlichung von Kestrel 2 Falcon erfolgt frühestens im Herbst.", ("frühestens im Herbst", AUTUMN, "not_before"), "Kestrel 2 Falcon", "not_before"),
    ("en", "The release of Kestrel 2 Falcon will come in the fall at the earliest.", ("in the fall", AUTUMN, None), "Kestrel 2 Falcon", "not_before"),
    ("de", "Nordwind Labs visierte den März für Kestrel 2 Osprey an.", ("März", MARCH, None), "Kestrel 2 Osprey", None),
    ("en", "Nordwind Labs is targeting March for Kestrel 2 Osprey.", ("March", MARCH, None), "Kestrel 2 Osprey", None),
    ("de", "Kestrel 2 wurde auf den Herbst verschoben.", ("den Herbst", AUTUMN, None), "Kestrel 2", None),
    ("en", "Kestrel 2 was pushed back to the fall.", ("the fall", AUTUMN, None), "Kestrel 2", None),
    ("de", "Die Harbor Summit ist für Juni angesetzt, geplant ist sie in Oslo.", ("Juni", JUNE, None), "Harbor Summit", None),
    ("en", "The Harbor Summit is scheduled for June.", ("June", JUNE, None), "Harbor Summit", None),
]


@pytest.mark.parametrize("language, sentence, expr, subject, modifier", TARGETS)
def test_target_dates(language, sentence, expr, subject, modifier):
    claim = one(claims_of(language, sentence, [expr]), "release_target")
    assert claim.subject == subject
    assert claim.value.kind == "date" and claim.value.when == expr[1]
    assert claim.value.modifier == modifier
    assert claim.value.text == expr[0]


@pytest.mark.parametrize("language, sentence, expr", [
    ("de", "Kestrel 2 Falcon wurde im April vorgestellt.", ("im April", timespan.month(2024, 4), None)),
    ("en", "Kestrel 2 Falcon was announced in April.", ("in April", timespan.month(2024, 4), None)),
])
def test_a_date_that_happened_is_no_target(language, sentence, expr):
    assert [c for c in claims_of(language, sentence, [expr]) if c.attribute == "release_target"] == []


@pytest.mark.parametrize("language, text, exprs", [
    ("de", "Kestrel 2 Falcon war ursprünglich für Juni geplant, jetzt ist der Herbst als Termin im Gespräch.",
     [("Juni", JUNE, None), ("Herbst", AUTUMN, None)]),
    ("en", "Kestrel 2 Falcon was originally planned for June; the target date is now the fall.",
     [("June", JUNE, None), ("the fall", AUTUMN, None)]),
])
def test_a_moving_target_in_one_source_is_a_change(language, text, exprs):
    claims = claims_of(language, text, exprs)
    (track,) = track_claims(claims)
    assert (track.subject, track.attribute, track.verdict) == ("Kestrel 2 Falcon", "release_target", "changed")
    assert track.detail == "June 2024 (t; 2024-03) -> autumn 2024 (t; 2024-03)"


# -- statuses --------------------------------------------------------------------------------------------------
STATUSES = [
    ("de", "Kestrel 2 Osprey ist seit Mai verfügbar.", {"Kestrel 2 Osprey": ["available"]}),
    ("en", "Kestrel 2 Osprey has been available since the spring.", {"Kestrel 2 Osprey": ["available"]}),
    ("de", "Kestrel 2 Falcon bleibt unveröffentlicht.", {"Kestrel 2 Falcon": ["unreleased"]}),
    ("en", "Kestrel 2 Falcon remains unreleased.", {"Kestrel 2 Falcon": ["unreleased"]}),
    ("de", "Kestrel 2 Falcon ist noch nicht veröffentlicht.", {"Kestrel 2 Falcon": ["unreleased"]}),
    ("en", "Kestrel 2 Falcon is not yet released.", {"Kestrel 2 Falcon": ["unreleased"]}),
    ("de", "Nordwind Labs hat Kestrel 2 Falcon auf Eis gelegt.", {"Kestrel 2 Falcon": ["paused"]}),
    ("en", "Nordwind Labs has put Kestrel 2 Falcon on hold.", {"Kestrel 2 Falcon": ["paused"]}),
    ("de", "Kestrel 2 Falcon wurde endgültig eingestellt.", {"Kestrel 2 Falcon": ["abandoned"]}),
    ("en", "Kestrel 2 Falcon has been discontinued.", {"Kestrel 2 Falcon": ["abandoned"]}),
    ("de", "Die Veröffentlichung von Kestrel 2 Falcon verzögert sich.", {"Kestrel 2 Falcon": ["delayed"]}),
    ("en", "The release of Kestrel 2 Falcon has been delayed.", {"Kestrel 2 Falcon": ["delayed"]}),
    ("de", "Kestrel 2 (Osprey und Falcon) ist veröffentlicht, aber Kestrel 1 bleibt unveröffentlicht.",
     {"Kestrel 2 Osprey": ["released"], "Kestrel 2 Falcon": ["released"], "Kestrel 1": ["unreleased"]}),
    ("en", "Kestrel 2 (Osprey and Falcon) is released, but Kestrel 1 remains unreleased.",
     {"Kestrel 2 Osprey": ["released"], "Kestrel 2 Falcon": ["released"], "Kestrel 1": ["unreleased"]}),
    ("de", "Kestrel 2 Falcon könnte bald verfügbar sein.", {}),
    ("en", "Kestrel 2 Falcon could soon be available.", {}),
    ("de", "Nordwind Labs erwog, Kestrel 2 Falcon auf Eis zu legen, sollte es nicht überzeugen.", {}),
    ("en", "Nordwind Labs considered whether Kestrel 2 Falcon should be shelved.", {}),
    ("de", "Die verfügbaren Daten reichen nicht aus.", {}),
    ("en", "The data is not available.", {}),
]


@pytest.mark.parametrize("language, sentence, expected", STATUSES)
def test_statuses(language, sentence, expected):
    found: dict[str, list[str]] = {}
    for claim in claims_of(language, sentence):
        if claim.attribute == "status":
            found.setdefault(claim.subject, []).append(claim.value.status)
    assert found == expected


# -- boilerplate ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language, sentence", [
    ("de", "Kestrel 2 Falcon hat 70 Milliarden Parameter."),
    ("en", "Kestrel 2 Falcon has 70 billion parameters."),
])
def test_nothing_from_boilerplate(language, sentence):
    text = f"{sentence}\n\n{sentence}\n"
    second = text.index(sentence, 1)
    claims = claims_of(language, text, regions=[Region(second, len(text), "teaser")])
    assert [c.start for c in claims] == [0]


def test_front_matter_is_no_source_of_claims():
    text = "---\ntitle: Kestrel 2 Falcon hat 70 Milliarden Parameter\n---\nKestrel 2 Falcon hat 8 Milliarden Parameter.\n"
    doc = Document(source=Source(id="t", path="t.md", language="de"), text=text, body_start=text.index("Kestrel 2 Falcon hat 8"))
    claims = extract_claims(doc, [], GAZETTEER, [])
    assert [c.value.number for c in claims] == [8e9]


# -- tracks --------------------------------------------------------------------------------------------------------
def claim(source: str, published: str, value: ClaimValue, subject="Kestrel 2 Falcon", attribute="release_target", start=0) -> Claim:
    return Claim(subject=subject, attribute=attribute, value=value, source=source, quote="x", start=start, end=start + 1,
                 published=timespan.parse_iso(published))


def date_value(span: TimeSpan, modifier=None) -> ClaimValue:
    return ClaimValue(kind="date", text="t", when=span, modifier=modifier)


def number_value(n: float, unit="USD", bound="exact") -> ClaimValue:
    return ClaimValue(kind="number", text="n", number=n, unit=unit, bound=bound)


def status_value(status: str) -> ClaimValue:
    return ClaimValue(kind="status", text="s", status=status)


@pytest.mark.parametrize("claims, verdict", [
    ([claim("a", "2024-03", date_value(JUNE))], "single"),
    ([claim("a", "2024-03", date_value(JUNE)), claim("b", "2024-03", date_value(timespan.season(2024, "summer")))], "agree"),
    ([claim("a", "2024-03", date_value(JUNE)), claim("b", "2024-03", date_value(AUTUMN))], "disagree"),
    ([claim("a", "2024-03", date_value(JUNE)), claim("b", "2024-07", date_value(AUTUMN))], "changed"),
    ([claim("a", "2024-03", date_value(JUNE)), claim("a", "2024-03", date_value(AUTUMN, "not_before"), start=5),
      claim("b", "2024-03", date_value(AUTUMN))], "changed"),
    ([claim("a", "2024-03", number_value(12e9, bound="approximate")), claim("b", "2024-03", number_value(12.5e9))], "agree"),
    ([claim("a", "2024-03", number_value(12e9)), claim("b", "2024-03", number_value(12.5e9))], "disagree"),
    ([claim("a", "2024-03", number_value(12e9)), claim("b", "2024-03", number_value(12e9, unit="EUR"))], "disagree"),
    ([claim("a", "2024-03", status_value("released")), claim("b", "2024-09", status_value("available"))], "agree"),
    ([claim("a", "2024-03", status_value("delayed")), claim("b", "2024-09", status_value("abandoned"))], "changed"),
    ([claim("a", "2024-09", status_value("paused")), claim("b", "2024-09", status_value("abandoned"))], "disagree"),
])
def test_verdicts(claims, verdict):
    (track,) = track_claims(claims)
    assert track.verdict == verdict
    assert track.detail


def test_tracks_are_ordered_and_claims_by_publication():
    later = claim("a", "2024-07", date_value(AUTUMN))
    earlier = claim("b", "2024-03", date_value(JUNE))
    other = claim("a", "2024-03", number_value(7e9, unit="parameters"), attribute="parameters")
    budget = claim("c", "2024-03", number_value(1e9), subject="Nordwind Labs", attribute="spending")
    tracks = track_claims([later, other, budget, earlier])
    assert [(t.subject, t.attribute) for t in tracks] == [
        ("Kestrel 2 Falcon", "parameters"), ("Kestrel 2 Falcon", "release_target"), ("Nordwind Labs", "spending")]
    assert [c.source for c in tracks[1].claims] == ["b", "a"]
    assert tracks[1].detail == "June 2024 (b; 2024-03) -> autumn 2024 (a; 2024-07)"
    assert track_claims([earlier, other, later, budget]) == tracks


def test_filter_tracks():
    tracks = track_claims([
        claim("a", "2024-03", date_value(JUNE)),
        claim("a", "2024-03", number_value(3, unit="of 14"), subject="Nordwind Labs", attribute="staff_remaining"),
    ])
    assert [t.attribute for t in filter_tracks(tracks, subject="falcon")] == ["release_target"]
    assert [t.subject for t in filter_tracks(tracks, subject="nordwind labs")] == ["Nordwind Labs"]
    assert [t.attribute for t in filter_tracks(tracks, attribute="staff")] == ["staff_remaining"]
    assert filter_tracks(tracks, subject="falcon", attribute="staff") == []
    assert filter_tracks(tracks) == tracks


# -- view ----------------------------------------------------------------------------------------------------------
def test_claims_view_brackets_the_value_without_colour():
    text = "Laut dem Daily Ledger hat Kestrel 2 Falcon 70 Milliarden Parameter."
    tracks = track_claims(claims_of("de", text))
    out = StringIO()
    claims_view(tracks, Console(file=out, width=100, color_system=None))
    shown = out.getvalue()
    assert "Kestrel 2 Falcon · parameters · single" in shown
    assert "⟦70 Milliarden Parameter⟧" in shown
    assert "70 billion parameters" in shown and "Daily Ledger" in shown and "2024-03" in shown


def test_claims_view_without_tracks():
    out = StringIO()
    claims_view([], Console(file=out, width=100, color_system=None))
    assert "No claims" in out.getvalue()


# -- articles of our own, with the real sentence splitter and time tagger ------------------------------------------
ARTICLES = {
    "de": [
        ("2024-03", "Nordwind Labs verschiebt Kestrel 2 Falcon\n\nKestrel 2 Falcon war ursprünglich für Juni geplant. "
                    "Das Modell soll nun frühestens im Herbst erscheinen, berichtet der Daily Ledger. "
                    "Nordwind Labs hat für dieses Jahr bis zu 4,5 Milliarden Euro an Ausgaben budgetiert.\n"),
        ("2024-11", "Kestrel 2 Falcon ist da\n\nNordwind Labs hat Kestrel 2 Falcon mit 70 Milliarden Parametern veröffentlicht. "
                    "Die Ausgaben von Nordwind Labs liegen in diesem Jahr bei bis zu 4,5 Milliarden Euro.\n"),
    ],
    "en": [
        ("2024-03", "Nordwind Labs delays Kestrel 2 Falcon\n\nKestrel 2 Falcon was originally slated for June. "
                    "The model is now expected in the fall at the earliest, according to the Daily Ledger. "
                    "Nordwind Labs has budgeted spending of up to €4.5 billion this year.\n"),
        ("2024-11", "Kestrel 2 Falcon is here\n\nNordwind Labs has released Kestrel 2 Falcon with 70 billion parameters. "
                    "Nordwind Labs is spending up to 4.5 billion euros this year.\n"),
    ],
}


@pytest.mark.parametrize("language", LANGS)
def test_articles_of_our_own_end_to_end(language):
    from llamaline.temporal import tag

    claims = []
    for n, (published, text) in enumerate(ARTICLES[language]):
        doc = document(language, text, published, source=f"s{n}")
        expressions = tag(text, doc.source.published, language, start=doc.body_start)
        claims.extend(extract_claims(doc, expressions, GAZETTEER, []))
    tracks = {(t.subject, t.attribute): t for t in track_claims(claims)}
    target = tracks["Kestrel 2 Falcon", "release_target"]
    assert target.verdict == "changed"
    assert target.detail == "June 2024 (s0; 2024-03) -> autumn 2024 or later (s0; 2024-03)"
    assert [c.attributed_to for c in target.claims] == [None, "Daily Ledger"]
    status = tracks["Kestrel 2 Falcon", "status"]
    assert [(c.source, c.value.status) for c in status.claims] == [("s0", "delayed"), ("s1", "released")]
    assert status.verdict == "changed"
    spending = tracks["Nordwind Labs", "spending"]
    assert spending.verdict == "agree" and [c.source for c in spending.claims] == ["s0", "s1"]
    assert tracks["Kestrel 2 Falcon", "parameters"].claims[0].value.number == 70e9


# -- the bundled corpus, end to end -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bundled():
    from llamaline.text.boilerplate import find_boilerplate
    from llamaline.text.corpus import read_corpus
    from llamaline.temporal import tag

    corpus = read_corpus()
    gazetteer = Gazetteer.load(corpus.root)
    regions = find_boilerplate(corpus.documents)
    documents = {d.source.id: d for d in corpus.documents}
    claims = []
    for doc in corpus.documents:
        expressions = tag(doc.text, doc.source.published, doc.language, start=doc.body_start)
        claims.extend(extract_claims(doc, expressions, gazetteer, regions.get(doc.source.id, [])))
    return documents, regions, claims, track_claims(claims)


def _track(tracks, subject, attribute):
    found = [t for t in tracks if t.subject == subject and t.attribute == attribute]
    assert found, sorted((t.subject, t.attribute) for t in tracks)
    return found[0]


def test_bundled_claims_cite_exactly_and_skip_boilerplate(bundled):
    documents, regions, claims, _ = bundled
    assert claims
    for c in claims:
        text = documents[c.source].text
        assert text[c.start : c.end] == c.quote
        assert text[c.value_start : c.value_end] == c.value.text
        assert c.start >= documents[c.source].body_start
        assert not any(r.start < c.end and c.start < r.end for r in regions.get(c.source, []))
        assert c.published == documents[c.source].source.published


@pytest.mark.parametrize("subject, attribute, number, unit", [
    ("Llama 4 Behemoth", "parameters", 2e12, "parameters"),
    ("Llama 4 Maverick", "parameters", 400e9, "parameters"),
    ("Llama 4 Scout", "parameters", 109e9, "parameters"),
    ("Llama 4 Maverick", "context_window", 1e6, "tokens"),
    ("Llama 4 Scout", "context_window", 10e6, "tokens"),
    ("Meta", "spending", 72e9, "USD"),
])
def test_bundled_numbers(bundled, subject, attribute, number, unit):
    track = _track(bundled[3], subject, attribute)
    assert track.verdict in ("single", "agree"), track.detail
    assert {(c.value.number, c.value.unit) for c in track.claims} == {(number, unit)}


def test_bundled_spending_is_an_upper_bound(bundled):
    track = _track(bundled[3], "Meta", "spending")
    assert {c.value.bound for c in track.claims} == {"up_to"}
    assert len({c.source for c in track.claims}) >= 2


def test_bundled_release_target_moves_over_time(bundled):
    documents, _, _, tracks = bundled
    track = _track(tracks, "Llama 4 Behemoth", "release_target")
    assert track.verdict == "changed"
    spans = [c.value.when for c in track.claims]
    assert all(s is not None for s in spans)
    summer, autumn = timespan.season(2025, "summer"), timespan.season(2025, "autumn")
    assert any(s.overlaps(summer) and summer.contains(s) for s in spans)  # the earlier target
    assert any(autumn.contains(s) for s in spans)  # the later one
    assert any(c.value.modifier == "not_before" for c in track.claims)  # "at the earliest"
    assert " -> " in track.detail
    keys = [(c.published.start, c.source, c.start) for c in track.claims]
    assert keys == sorted(keys)
    for c in track.claims:  # every step cited
        assert documents[c.source].text[c.start : c.end] == c.quote
        assert c.value.text in c.quote


def test_bundled_comparison_value_is_not_given_to_the_list_item(bundled):
    track = _track(bundled[3], "Llama 4 Maverick", "context_window")
    assert [c.value.number for c in track.claims] == [1e6]


def test_bundled_tracks_are_deterministic(bundled):
    documents, regions, claims, tracks = bundled
    assert track_claims(list(reversed(claims))) == tracks
    keys = [(t.subject.casefold(), t.subject, t.attribute) for t in tracks]
    assert keys == sorted(keys)


def test_one_character_lower_cases_longer():
    """Extraction looks for this one character instead of lower-casing a whole text to compare lengths."""
    import sys

    from llamaline.text.cues import LONGER_LOWER

    assert [chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1] == [LONGER_LOWER]


@pytest.mark.parametrize(("language", "before", "text", "value"), [
    ("en", "Nordwind Labs showed its new line of language models to the press on a long day. ",
     "The largest model is Kestrel 2 Falcon; at 7 billion parameters the smallest one is Kestrel 1.", "7 billion parameters"),
    ("de", "Nordwind Labs hat der Presse an einem langen Tag seine neue Reihe von Sprachmodellen gezeigt. ",
     "Das größte Modell ist Kestrel 2 Falcon; mit 7 Milliarden Parametern ist das kleinste Kestrel 1.",
     "7 Milliarden Parametern"),
])
def test_a_semicolon_ends_the_clause_of_a_value_also_after_the_first_sentence(language, before, text, value):
    """The name of the value's own clause, not the nearer one across the semicolon; anywhere in the article."""
    claim = one(claims_of(language, before + text), "parameters")
    assert (claim.subject, claim.value.text) == ("Kestrel 1", value)
