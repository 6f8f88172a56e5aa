"""Boilerplate regions by general signals, on the bundled corpus and on synthetic pages; references from URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from llamaline.text.boilerplate import Region, date_from_url, find_boilerplate, find_references, in_regions
from llamaline.text.corpus import Document, read_corpus
from llamaline.models import Source
from llamaline.temporal.timespan import parse_iso

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def doc(text: str, id_: str = "page", outlet: str | None = None, language: str = "de") -> Document:
    return Document(source=Source(id=id_, path=f"{id_}.txt", outlet=outlet, language=language,
                                  published=parse_iso("2025-05")), text=text)


def labelled(document: Document, regions: list[Region]) -> list[tuple[str, str]]:
    return [(r.label, document.text[r.start:r.end].split("\n")[0]) for r in regions]


@pytest.fixture(scope="module")
def corpus():
    c = read_corpus(CORPUS)
    return {d.source.id[:3]: d for d in c.documents}, find_boilerplate(c.documents)


def test_corpus_teasers_ads_footers_references(corpus) -> None:
    docs, regions = corpus
    labels = {key: {r.label for r in regions[d.source.id]} for key, d in docs.items()}
    assert labels["000"] == set()
    assert {"navigation", "teaser", "hashtags"} <= labels["001"]
    assert labels["002"] == {"references"} and labels["003"] == {"references"}
    assert labels["004"] == {"ad", "footer"}
    teaser = next(r for r in regions[docs["001"].source.id] if r.label == "teaser")
    assert docs["001"].text[teaser.start:].startswith("Ähnliche Beiträge") and teaser.end == len(docs["001"].text.rstrip())
    footer = next(r for r in regions[docs["004"].source.id] if r.label == "footer")
    assert "Unterstützung" in docs["004"].text[footer.start:footer.end]


def test_corpus_story_is_not_boilerplate(corpus) -> None:
    docs, regions = corpus
    for key, d in docs.items():
        for r in regions[d.source.id]:
            assert r.label != "teaser" or r.start > len(d.text) * 0.8, key
            assert r.end - r.start < 1000 or r.label == "references", key
        body = d.text[d.body_start:]
        covered = sum(r.end - r.start for r in regions[d.source.id] if r.label != "references")
        assert covered < 0.2 * len(body), key


def test_corpus_references(corpus) -> None:
    docs, regions = corpus
    refs = find_references(docs["002"], regions[docs["002"].source.id])
    assert len(refs) == 7 and all(r.url.startswith("https://") and r.title for r in refs)
    dated = {r.url.split("/")[2]: r.published.edtf for r in refs if r.published}
    assert dated == {"www.businessinsider.com": "2025-09", "www.reuters.com": "2025-05-15"}
    refs3 = find_references(docs["003"], regions[docs["003"].source.id])
    assert [r.published.edtf for r in refs3 if r.published] == ["2025-05", "2025", "2025-04-10"]
    assert find_references(docs["000"], regions[docs["000"].source.id]) == []


DE_PAGE = """Jetzt Newsletter abonnieren
Startseite

Firma X stellt neues Produkt vor

Die Firma X hat am Montag ein neues Produkt vorgestellt. Es soll im Herbst erscheinen und kostet wenig.
Das ist ein zweiter Absatz mit mehr Inhalt über das Produkt, damit der Artikel lang genug ist.

Werbung

Noch ein Absatz zum Produkt, der ebenfalls zum Artikel gehört und nicht entfernt werden darf.

#Tech #Produkt #FirmaX

Quellen
- https://example.com/news/2024/11/03/firma-x
- [Pressemitteilung](https://firma-x.de/presse-2025-01-15)

Das könnte Sie auch interessieren

Firma Y: Rückblick auf 2019
Was 2020 geschah
"""

EN_PAGE = """Skip to content
Home

# Acme launches widget

Acme launched its widget on Tuesday, the company said. It was delayed twice before.

Advertisement

More on the widget follows here in a paragraph that belongs to the story and should stay.

## References
1. [Acme press release](https://acme.com/press/2025/3/launch)
2. https://news.example.org/acme-widget-2024

Support us

Our journalism is free. Please donate or subscribe to keep it that way.
"""


def test_synthetic_german_page() -> None:
    d = doc(DE_PAGE)
    regions = find_boilerplate([d])["page"]
    assert labelled(d, regions) == [
        ("navigation", "Jetzt Newsletter abonnieren"), ("navigation", "Startseite"), ("ad", "Werbung"),
        ("hashtags", "#Tech #Produkt #FirmaX"), ("references", "Quellen"), ("teaser", "Das könnte Sie auch interessieren"),
    ]
    refs = find_references(d, regions)
    assert [(r.title, r.published.edtf if r.published else None) for r in refs] == [
        (None, "2024-11-03"), ("Pressemitteilung", "2025-01-15")]
    story = DE_PAGE.index("Die Firma X")
    assert not in_regions(story, story + 20, regions)


def test_synthetic_english_page() -> None:
    d = doc(EN_PAGE, language="en")
    regions = find_boilerplate([d])["page"]
    assert labelled(d, regions) == [
        ("navigation", "Skip to content"), ("navigation", "Home"), ("ad", "Advertisement"),
        ("references", "## References"), ("footer", "Support us"),
    ]
    assert [r.published.edtf for r in find_references(d, regions)] == ["2025-03", "2024"]


def test_lines_shared_by_one_outlets_pages() -> None:
    template = "Mein Portal – Nachrichten aus der Technik\n\n{body}\n\nAlle Artikel im Überblick\n"
    a = doc(template.format(body="Die Firma A hat ein Produkt vorgestellt. Das ist ein Satz."), "a", "Portal")
    b = doc(template.format(body="Die Firma B hat ein Team verloren. Das ist ein Satz."), "b", "Portal")
    c = doc("Alle Artikel im Überblick\n\nEin anderer Verlag schreibt das auch.", "c", "Anderer")
    regions = find_boilerplate([a, b, c])
    assert [r.label for r in regions["a"]] == ["navigation", "navigation"]
    assert regions["c"] == []  # one file of its outlet: nothing to compare with


@pytest.mark.parametrize(("url", "edtf"), [
    ("https://fortune.com/2025/04/10/meta-ai/", "2025-04-10"),
    ("https://www.reuters.com/business/x-wsj-reports-2025-05-15/", "2025-05-15"),
    ("https://www.businessinsider.com/meta-llama-talent-2025-5", "2025-05"),
    ("https://spectrum.ieee.org/large-language-models-2025", "2025"),
    ("https://example.com/2024/02/story", "2024-02"),
    ("https://www.facebook.com/zuck/videos/1334337587862376/", None),
    ("https://example.com/2025/13/40/x", "2025"),  # no month 13: only the year is a date
])
def test_date_from_url(url: str, edtf: str | None) -> None:
    span = date_from_url(url)
    assert (span.edtf if span else None) == edtf


def test_the_space_list_is_every_space_character() -> None:
    import sys

    from llamaline.text.boilerplate import SPACES

    assert set(SPACES) == {ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace()}


def test_overlap_test_answers_as_in_regions() -> None:
    import random

    from llamaline.text.boilerplate import overlap_test

    rnd = random.Random(3)
    for _ in range(300):
        regions = []
        for _ in range(rnd.randint(0, 6)):
            a = rnd.randint(0, 60)
            regions.append(Region(a, a + rnd.randint(1, 30), "navigation"))
        test = overlap_test(regions)
        for _ in range(20):
            s = rnd.randint(0, 90)
            e = s + rnd.randint(1, 15)
            assert test(s, e) == in_regions(s, e, regions), (regions, s, e)


def test_time_expressions_only_outside_boilerplate() -> None:
    """Dates in a reference list or a teaser are not read (no mention or claim comes from there); the story's
    dates are read as a tagger reading the whole page reads them."""
    from llamaline.text.analysis import expressions_of
    from llamaline.temporal import tag

    d = doc(DE_PAGE)
    regions = find_boilerplate([d])["page"]
    found = expressions_of(d, regions)
    everything = tag(d.text, d.source.published, "de", start=d.body_start)
    inside = [x for x in everything if in_regions(x.start, x.end, regions)]
    assert inside, "the page's boilerplate should carry a date for this test to mean anything"
    assert not any(in_regions(x.start, x.end, regions) for x in found)
    assert found == [x for x in everything if not in_regions(x.start, x.end, regions)]
    assert found, "the story's own dates are read"
