"""What real news needs from extraction (issue 13), through the real per-document flow and without a gazetteer:
statements dated by their own time, news dated by its publication, headlines without a date, plans as plans,
year-less dates in the present tense, the types news often names. The same table for German and English; the
sentences are written for these tests."""

from __future__ import annotations

from datetime import timedelta

import pytest

from llamaline.events.reconcile import reconcile
from llamaline.models import Mention, Source
from llamaline.pipeline import findings_of
from llamaline.temporal import timespan
from llamaline.text.corpus import Document
from llamaline.text.names import Gazetteer

NEWS = "news"  # dated by the publication: a span ending on the publication day, at most about a month back


def mentions_of(text: str, language: str, published: str, outlet: str | None = None) -> list[Mention]:
    source = Source(id="t", path="t.txt", language=language, outlet=outlet, published=timespan.parse_iso(published))
    found, _claims = findings_of((Document(source=source, text=text), []), Gazetteer())
    return found


def dated_as(m: Mention, expected: str, published: str) -> bool:
    if m.when is None:
        return False
    if expected == NEWS:
        day = timespan.parse_iso(published).start
        return (m.dated_by == "publication" and m.time_text is None and m.when.end == day
                and day - timedelta(days=31) <= m.when.start < day)
    want = timespan.parse_iso(expected) if len(expected) != 7 or expected[5] not in "2" else None
    if want is None:  # a season, "YYYY-23"
        names = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}
        want = timespan.season(int(expected[:4]), names[expected[5:]])
    return (m.when.start, m.when.end) == (want.start, want.end)


# (language, published, text, [(type, modality, when)]): each expected mention must be among those found
FOUND = [
    # statements and reports are events, dated by their own time expression
    ("de", "2025-03-10", "Am 3. März bestätigte die Ministerin den Rücktritt des Staatssekretärs.",
     [("statement", "happened", "2025-03-03"), ("departure", "happened", "2025-03-03")]),
    ("de", "2025-03-07", "Der Verband werde die Regeln ändern, sagte ein Sprecher am Montag.",
     [("statement", "happened", "2025-03-03")]),
    ("en", "2025-03-07", "The company said on Wednesday that it would close the plant.",
     [("statement", "happened", "2025-03-05")]),
    ("en", "2025-03-07", "Sales fell sharply in the winter, a spokeswoman said on Tuesday.",
     [("statement", "happened", "2025-03-04")]),
    # a happening reported as news, without a time expression: the publication dates it
    ("de", "2025-03-07", "Die Firma hat ihren Chef entlassen.", [("departure", "happened", NEWS)]),
    ("de", "2025-03-07", "Die Stadt hat den Bau der Brücke gestoppt.", [("abandonment", "happened", NEWS)]),
    ("en", "2025-03-07", "Harbor Freight has fired its chief executive.", [("departure", "happened", NEWS)]),
    ("en", "2025-03-07", "The regulator has approved the merger of the two banks.", [("investment", "happened", NEWS)]),
    # year-less dates beside a present-tense verb: the nearest such date, whatever the rest of the sentence says
    ("de", "2025-02-10", "Er verlässt das Unternehmen zum 31. März.", [("departure", "expected", "2025-03-31")]),
    ("en", "2025-03-04", "Pre-orders begin March 19, the company said.", [("other", "expected", "2025-03-19")]),
    # plans with a target date are plans
    ("en", "2025-03-04", "The launch is scheduled for 12 June.", [("release", "planned", "2025-06-12")]),
    ("de", "2025-03-04", "Der Marktstart soll im Herbst erfolgen.", [("release", "planned", "2025-23")]),
    ("en", "2025-03-04", "Dana Kolb will take over on August 1.", [("appointment", "planned", "2025-08-01")]),
    # types news often names
    ("de", "2025-03-04", "Der Konzern kauft 30 Prozent der Anteile an einem Zulieferer.",
     [("investment", "happened", NEWS)]),
    ("en", "2025-03-04", "The group bought a 30 percent stake in the startup.", [("investment", "happened", NEWS)]),
    ("de", "2025-03-04", "Die Vorsitzende legt ihr Amt nieder.", [("departure", "happened", NEWS)]),
    ("de", "2025-03-04", "Nachfolger wird der bisherige Finanzchef.", [("appointment", "happened", NEWS)]),
    ("en", "2025-03-04", "The carmaker announced plans for a new plant in Ohio.", [("announcement", "happened", NEWS)]),
    ("en", "2025-03-04", "Mara Lind joined the club in 2019.", [("hiring", "happened", "2019")]),
    ("de", "2025-03-04", "Mara Lind wechselte 2019 zu dem Verein.", [("hiring", "happened", "2019")]),
    ("de", "2025-03-04", "Die Gründerin hat das Start-up im Jahr 2019 gegründet.", [("founding", "happened", "2019")]),
    ("en", "2025-03-04", "Two engineers founded the company in 2019.", [("founding", "happened", "2019")]),
    ("de", "2025-03-04", "Die Aktionäre verklagten den Konzern am Montag.",
     [("controversy", "happened", "2025-03-03")]),
    ("en", "2025-03-04", "Shareholders sued the company on Monday.", [("controversy", "happened", "2025-03-03")]),
    # a delay is dated when it was decided; its new target is a plan of its own
    ("de", "2025-03-04", "Der Verkaufsstart des Geräts wurde auf den Herbst verschoben.",
     [("delay", "happened", NEWS), ("release", "planned", "2025-23")]),
    ("en", "2025-03-04", "The release of the console has been pushed back to October.",
     [("delay", "happened", NEWS), ("release", "planned", "2025-10")]),
    # a launch that will not come before a time not yet past has slipped: a delay, decided now
    ("de", "2025-05-02", "Das Spiel wird nicht mehr in diesem Jahr erscheinen.", [("delay", "happened", NEWS)]),
    ("en", "2025-05-02", "The console will not launch until 2026.", [("delay", "happened", NEWS)]),
    # so has one that will not come at the time planned, the plan named beside the negation, as an aside or not
    ("de", "2025-05-02", "Die Konsole wird nicht – wie ursprünglich geplant – im Herbst erscheinen.",
     [("delay", "happened", NEWS)]),
    ("de", "2025-05-02", "Das Museum wird nicht wie vorgesehen im Oktober eröffnet.", [("delay", "happened", NEWS)]),
    ("en", "2025-05-02", "The console will not ship, as originally planned, in the fall.",
     [("delay", "happened", NEWS)]),
    ("en", "2025-05-02", "The update will not be released as scheduled in October.", [("delay", "happened", NEWS)]),
    # a new date named after a slip is the launch's new target
    ("de", "2025-11-06", "Als neuen Termin für das Album nennt die Band den 3. Mai.",
     [("release", "expected", "2026-05-03")]),
    ("de", "2025-11-06", "Der neue Starttermin der Serie ist der 3. Mai.", [("release", "expected", "2026-05-03")]),
    ("en", "2025-11-06", "The new date for the album is May 3.", [("release", "expected", "2026-05-03")]),
    ("en", "2025-11-06", "The new start date for the series is May 3.", [("release", "expected", "2026-05-03")]),
    # two events of one type in one clause, each with its own time between them, are two events
    ("en", "2022-11-22",
     "The firm faced a legal battle with Anna Berg in 2021 and a public spat with Acme in spring 2022.",
     [("controversy", "happened", "2021"), ("controversy", "happened", "2022-21")]),
    ("de", "2022-11-22",
     "Die Firma führte 2021 einen Rechtsstreit mit Anna Berg und im Frühjahr 2022 einen Streit mit Acme.",
     [("controversy", "happened", "2021"), ("controversy", "happened", "2022-21")]),
    # a time in office from one date to another: taking the role at its start, leaving it at its end
    ("en", "2022-11-21", "Anna Berg served as chair of Acme from 2005 to 2020.",
     [("appointment", "happened", "2005"), ("departure", "happened", "2020")]),
    ("en", "2022-11-21", "Her second stint as coach lasted from March 2011 until June 2014.",
     [("appointment", "happened", "2011-03"), ("departure", "happened", "2014-06")]),
    ("de", "2022-11-21", "Die Amtszeit von Anna Berg als Vorsitzende dauerte von 2005 bis 2020.",
     [("appointment", "happened", "2005"), ("departure", "happened", "2020")]),
    ("de", "2022-11-21", "Von März 2011 bis Juni 2014 stand sie an der Spitze des Vereins.",
     [("appointment", "happened", "2011-03"), ("departure", "happened", "2014-06")]),
    # words news uses for leaving, a new date, a film's start, a trade fair, a protest
    ("en", "2025-03-07", "Acme parted ways with its chief executive Anna Berg on Monday.",
     [("departure", "happened", "2025-03-03")]),
    ("de", "2025-03-07", "Der Verein hat Trainerin Anna Berg am Montag beurlaubt.",
     [("departure", "happened", "2025-03-03")]),
    ("de", "2025-03-07", "Anna Berg muss gehen, teilte der Verein am Montag mit.",
     [("departure", "happened", "2025-03-03")]),
    ("en", "2025-03-07", "The concert was rescheduled for May 3.", [("delay", "happened", NEWS)]),
    ("de", "2025-03-07", "Das Konzert wurde auf den 3. Mai neu angesetzt.", [("delay", "happened", NEWS)]),
    ("en", "2025-03-07", "The film hits theaters on May 3.", [("release", "expected", "2025-05-03")]),
    ("de", "2025-03-07", "Der Film kommt am 3. Mai in die Kinos.", [("release", "expected", "2025-05-03")]),
    ("en", "2025-03-07", "Acme showed the car at a trade show on Monday.", [("conference", "happened", "2025-03-03")]),
    ("de", "2025-03-07", "Das Gipfeltreffen findet am 3. Mai statt.", [("conference", "expected", "2025-05-03")]),
    ("en", "2025-03-07", "Hundreds of workers protested outside the plant on Monday.",
     [("controversy", "happened", "2025-03-03")]),
    ("de", "2025-03-07", "Hunderte Beschäftigte protestierten am Montag vor dem Werk.",
     [("controversy", "happened", "2025-03-03")]),
    # a time right after its trigger is its own, before a more precise one elsewhere in the clause
    ("en", "2025-01-08", "The maker expects enough stock by the end of January for a launch by February.",
     [("release", "expected", "2025-02")]),
    ("de", "2025-01-08", "Die Ware soll Ende Januar in den Lagern sein, für einen Marktstart im Februar.",
     [("release", "expected", "2025-02")]),
    # an announcing verb is a saying: news wherever it stands in the article
    ("de", "2025-03-04", "Die Fluglinie meldet Rekordzahlen. Viele Passagiere flogen nach Süden. Dazu kamen neue "
     "Ziele. Außerdem gab der Konzern nach langer Prüfung die Schließung eines Werks bekannt.",
     [("announcement", "happened", NEWS)]),
    ("en", "2025-03-04", "Sales rose. Prices fell. Margins held. The group also announced the closure of a plant.",
     [("announcement", "happened", NEWS)]),
    ("en", "2025-03-04", "Klaus Brandt announced on Monday that he will leave the club in June.",
     [("announcement", "happened", "2025-03-03"), ("departure", "planned", "2025-06")]),
]


@pytest.mark.parametrize(("language", "published", "text", "expected"), FOUND, ids=[r[2][:45] for r in FOUND])
def test_found(language: str, published: str, text: str, expected: list) -> None:
    found = mentions_of(text, language, published)
    for type_, modality, when in expected:
        assert any(m.type == type_ and m.modality == modality and dated_as(m, when, published) for m in found), (
            f"no {type_}/{modality} at {when}: {[(m.type, m.modality, m.when and m.when.edtf) for m in found]}")


# (language, published, text, type): no mention of this type with a date
NOT_DATED = [
    # background in the past perfect, or placed before the news, is not dated by the publication
    ("de", "2025-03-07", "Zuvor hatte die Firma ihren Chef entlassen.", "departure"),
    ("en", "2025-03-07", "The regulator had approved the merger of the two banks.", "investment"),
    ("en", "2025-03-07", "The plant opened weeks after the company delayed its launch.", "delay"),
    ("de", "2025-03-07", "Das Werk öffnete Monate nachdem der Konzern den Start verschoben hatte.", "delay"),
    # an earlier telling, in the passive, is no news
    ("de", "2025-03-07", "Die Zahlen sind gut. Der Umsatz stieg. Die Marge hielt. "
     "Das neue Werk, das angekündigt wurde, steht noch leer.", "announcement"),
    # a start with a delay is a start, not a delay
    ("de", "2025-03-07", "Der Bau des Stadions begann mit zwei Jahren Verspätung.", "delay"),
    ("en", "2025-03-07", "Construction of the stadium began with a two-year delay.", "delay"),
    # a plan kept is no delay
    ("de", "2025-05-02", "Die Konsole erscheint wie geplant im Herbst.", "delay"),
    ("en", "2025-05-02", "The console will ship as planned in the fall.", "delay"),
    # nor is a plan denied in a clause of its own before the time of another one
    ("de", "2025-05-02", "Nicht alles lief wie geplant, im Herbst erscheint dann die Konsole.", "delay"),
    ("en", "2025-05-02", "Not everything went as planned, in the fall the console will ship.", "delay"),
]


# (language, published, text, type, date): two words of one type with only the period something is for between them
# name one event, dated by its own time, not by that period
ONE_EVENT = [
    ("de", "2025-03-04", "Acme wird am 26. März seine Geschäftszahlen für 2024 vorlegen.", "report", "2024"),
    ("en", "2025-03-04", "Acme will report its annual results for 2024 on March 26.", "report", "2024"),
    ("de", "2025-03-04", "Acme wurde 2011 als Ausgründung einer Hochschule gegründet und ist seit 2016 an der Börse.",
     "founding", "2016"),
]


@pytest.mark.parametrize(("language", "published", "text", "type_", "not_when"), ONE_EVENT,
                         ids=[r[2][:45] for r in ONE_EVENT])
def test_one_event_of_a_type(language: str, published: str, text: str, type_: str, not_when: str) -> None:
    found = mentions_of(text, language, published)
    assert any(m.type == type_ for m in found)
    assert not any(m.type == type_ and dated_as(m, not_when, published) for m in found), [
        (m.type, m.when and m.when.edtf) for m in found]


@pytest.mark.parametrize(("language", "published", "text", "type_"), NOT_DATED, ids=[r[2][:45] for r in NOT_DATED])
def test_not_dated(language: str, published: str, text: str, type_: str) -> None:
    found = mentions_of(text, language, published)
    assert not any(m.type == type_ and m.when is not None for m in found), [(m.type, m.when) for m in found]


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Orbit Air holt neue Chefin\n\n"
           "Orbit Air hat Dana Kolb zur Chefin ernannt, teilte die Fluglinie am Montag mit."),
    ("en", "Orbit Air names new chief\n\nOrbit Air has named Dana Kolb chief executive, the airline said on Monday."),
])
def test_a_headline_has_no_date_of_its_own(language: str, text: str) -> None:
    found = mentions_of(text, language, "2025-03-05")
    headline_end = text.index("\n")
    assert not any(m.start < headline_end and m.when is not None for m in found)
    body = [m for m in found if m.start > headline_end and m.type == "appointment"]
    assert body and all(m.when is not None and m.when.end <= timespan.parse_iso("2025-03-05").end for m in body)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die Firma hat ihren Chef entlassen. „Das war nötig“, sagte sie am Montag."),
    ("en", "The firm has fired its chief executive. “It was necessary,” she said on Monday."),
])
def test_she_said_is_not_the_outlet_reporting(language: str, text: str) -> None:
    found = mentions_of(text, language, "2025-03-05", outlet="Tagesbote")
    said = [m for m in found if m.type == "statement"]
    assert said and all(m.attributed_to is None for m in said)
    assert all(m.attributed_to != "Tagesbote" for m in found)


# -- reconciled: plans stay plans, titles say what happened ----------------------------------------------------
def test_a_plan_is_an_event_of_its_own_beside_the_happening() -> None:
    happened = mentions_of("Orbit Air hat den Flug nach Oslo im März gestartet.", "de", "2025-04-02")
    planned = mentions_of("Der Flug nach Oslo soll im Juni starten.", "de", "2025-04-02")
    subjects = {"subjects": ["Oslo"]}
    ms = [m.model_copy(update=subjects) for m in happened + planned if m.type == "release"]
    events, _ = reconcile(ms)
    assert sorted((e.modality, e.when.edtf) for e in events) == [("happened", "2025-03"), ("planned", "2025-06")]
    plan = next(e for e in events if e.modality == "planned")
    assert plan.id.endswith("-planned") and "planned" in plan.title


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die Behörde hat am Montag das Medikament Zelora zugelassen."),
    ("en", "The agency approved the drug Zelora on Monday."),
])
def test_an_untyped_event_is_titled_by_what_happened(language: str, text: str) -> None:
    found = [m for m in mentions_of(text, language, "2025-03-05") if m.type == "other"]
    assert found
    events, _ = reconcile([m.model_copy(update={"subjects": ["Zelora"]}) for m in found])
    (event,) = events
    assert event.type == "other" and event.title != "Zelora" and event.title.startswith("Zelora: ")


# -- subjects: the actors, not the nearest capitalised words ---------------------------------------------------
@pytest.mark.parametrize(("language", "text", "type_", "subjects"), [
    ("de", "Am Montag hat Bundestrainerin Anna Berg ihren Posten geräumt.", "departure", ["Anna Berg"]),
    ("en", "On Monday, Board Chair Lena Voss resigned.", "departure", ["Lena Voss"]),
    ("de", "Die Firma Orbit Motors hat 4000 Lastwagen zurückgerufen. Der Konzern teilte am Montag mit, der Fehler "
     "sei gering.", "statement", ["Orbit Motors"]),
    ("en", "Orbit Motors has recalled 4,000 trucks. The carmaker said on Monday that the fault was minor.",
     "statement", ["Orbit Motors"]),
    ("en", "Sales at the Detroit carmaker fell by a third, the company said on Monday.", "statement", []),
])
def test_subjects_are_the_actors(language: str, text: str, type_: str, subjects: list[str]) -> None:
    found = [m for m in mentions_of(text, language, "2025-03-05") if m.type == type_]
    assert found and found[-1].subjects == subjects, [(m.type, m.subjects) for m in found]


# -- actors: a possessor, the one told, and names the text marks elsewhere ------------------------------------
@pytest.mark.parametrize(("language", "text", "type_", "subjects"), [
    # a possessor is the actor only of the event its noun names, not of another event of the sentence
    ("de", "Anna Bergs Kommentare vom Montag führten zu einer Einstellungsoffensive im Konzern.", "hiring", []),
    ("en", "Anna Berg's comments on Monday led to a hiring spree at Acme.", "hiring", ["Acme"]),
    ("de", "Anna Bergs Kommentare vom Montag führten zu einer Einstellungsoffensive im Konzern.", "statement",
     ["Anna Berg"]),
    ("de", "Anna Bergs Rücktritt am Montag kam überraschend.", "departure", ["Anna Berg"]),
    ("en", "Anna Berg's resignation on Monday came as a surprise.", "departure", ["Anna Berg"]),
    # a pronoun that opens what a saying says refers to the sentence's subject, not to the one told
    ("de", "Müller ging am Montag ins Büro seines Chefs Peter Hahn und sagte ihm, dass er das Unternehmen "
     "verlässt. Müllers Vertrag läuft bis 2026.", "departure", ["Müller"]),
    ("en", "On Monday, Smith told his boss Peter Hahn that he is leaving the company.", "departure", ["Smith"]),
    ("en", "Dana Kolb went to see her boss, Peter Hahn, on Monday and told him that she was quitting.",
     "departure", ["Dana Kolb"]),
    # a capital at the sentence start is a name where the text marks it as one elsewhere
    ("de", "Müller hat am Montag seinen Rücktritt erklärt. Müllers Vertrag wäre bis 2026 gelaufen.", "departure",
     ["Müller"]),
    ("en", "Smith resigned on Monday. The board thanked Smith for his work.", "departure", ["Smith"]),
    ("de", "Klaus Müller hat am Montag seinen Rücktritt erklärt. Das bestätigte Klaus Müller der Zeitung.",
     "departure", ["Klaus Müller"]),
    ("de", "Anna Berg, die Chefin von Acme, hat am Montag ihren Rücktritt erklärt.", "departure",
     ["Acme", "Anna Berg"]),
    ("en", "Berg, the chief executive of Acme, resigned on Monday.", "departure", ["Acme", "Berg"]),
    # ... and nowhere else: an adjective and a noun, a noun alone, a word that opens a sentence
    ("de", "Neue Modelle hat die Firma am Montag vorgestellt.", "announcement", []),
    ("de", "Klaus Müller hat am Montag seinen Rücktritt erklärt.", "departure", []),
    ("en", "Markets fell on Monday, the company said.", "statement", []),
])
def test_the_actor_of_the_trigger(language: str, text: str, type_: str, subjects: list[str]) -> None:
    found = [m for m in mentions_of(text, language, "2025-03-05") if m.type == type_]
    assert found and found[0].subjects == subjects, [(m.type, m.subjects) for m in found]


@pytest.mark.parametrize(("language", "text"), [
    # a request for a statement is none ("blieb unbeantwortet", "went unanswered")
    ("de", "Eine Anfrage an Acme bezüglich einer Stellungnahme blieb am Montag unbeantwortet."),
    ("en", "A request for a statement from Acme went unanswered on Monday."),
    # "sich äußern in": a thing shows itself, nobody says anything
    ("de", "Am Montag äußerte sich dies im schwachen Absatz von Acme."),
    ("en", "On Monday this expressed itself in weak sales at Acme."),
])
def test_no_statement(language: str, text: str) -> None:
    found = [m for m in mentions_of(text, language, "2025-03-05") if m.type == "statement"]
    assert not found, [(m.type, m.trigger) for m in found]


@pytest.mark.parametrize(("language", "text", "type_", "when"), [
    # a happening in the simple past right after a sentence of an earlier time is told in that time
    ("de", "Im Juli 2024 sagte Acme die Übernahme ab. Die Firma Beta reichte daraufhin Klage ein.", "controversy",
     "2024-07"),
    ("en", "In July 2024, Acme called off the deal. Beta in turn filed a lawsuit.", "controversy", "2024-07"),
    # a saying stays news: a quote of today after a sentence of background
    ("de", "Im Juli 2024 sagte Acme die Übernahme ab. „Wir bedauern das“, sagte ein Sprecher.", "statement", NEWS),
    ("en", "In July 2024, Acme called off the deal. \"We regret it,\" a spokesman said.", "statement", NEWS),
    # the present perfect is news whatever the sentence before tells of
    ("de", "Im Juli 2024 sagte Acme die Übernahme ab. Die Firma hat dagegen Klage eingereicht.", "controversy", NEWS),
    ("en", "In July 2024, Acme called off the deal. Beta has filed a lawsuit.", "controversy", NEWS),
])
def test_the_story_time_of_the_sentence_before(language: str, text: str, type_: str, when: str) -> None:
    published = "2025-03-05"
    found = [m for m in mentions_of(text, language, published) if m.type == type_]
    assert found and dated_as(found[-1], when, published), [(m.type, m.when, m.dated_by) for m in found]
    if when != NEWS:
        assert found[-1].dated_by == "story" and found[-1].time_text is None


@pytest.mark.parametrize(("language", "text", "expected"), [
    # a consideration governs what follows it, not an aside before it
    ("de", "Bis 2024 äußerte sich das in Führungswechseln (etwa der Abgang von Anna Berg) und Gerüchten über einen "
     "Verkauf.", [("departure", "happened")]),
    ("en", "By 2024 this showed in leadership changes (such as the departure of Anna Berg) and rumours of a sale.",
     [("departure", "happened")]),
    # ... and in a relative clause, what the clause is about, before it; not the clause after it
    ("de", "Die Übernahme von Acme Corp, die der Konzern im März 2024 erwog, sorgte für Streit.",
     [("investment", "considered"), ("controversy", "happened")]),
    ("en", "The takeover of Beta, which Acme considered in March 2024, caused a dispute.",
     [("investment", "considered"), ("controversy", "happened")]),
])
def test_what_a_consideration_governs(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = {(m.type, m.modality) for m in mentions_of(text, language, "2025-03-05")}
    assert set(expected) <= found, found
