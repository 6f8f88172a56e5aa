"""A huge document is analysed piece by piece (issue 14: bounded memory): quotes stay exact, the findings are those
of the whole reading, a narrative's date carries across pieces, and the user hears how far it has come."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from llamaline import pieces
from llamaline.cli import app
from llamaline.models import Source
from llamaline.pipeline import findings_of
from llamaline.temporal.timespan import parse_iso
from llamaline.text.boilerplate import find_boilerplate
from llamaline.text.corpus import Document, read_corpus
from llamaline.text.names import Gazetteer

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def long_document(language: str) -> tuple[Document, Gazetteer]:
    """The unseen fixture articles of a language, one after the other in one document of about 15,000 characters."""
    texts = [_FRONT.sub("", path.read_text(encoding="utf-8")) for path in sorted(UNSEEN.glob(f"{language}_*"))]
    source = Source(id="long", path="long.txt", language=language, published=parse_iso("2024-06"))
    return Document(source, "\n\n".join(texts)), Gazetteer.load(UNSEEN)


def whole_and_in_pieces(document: Document, gazetteer: Gazetteer, size: int = 1500, context: int = 600):
    regions = find_boilerplate([document])[document.source.id]
    whole = findings_of((document, regions), gazetteer)
    piecewise = pieces.findings_in_pieces(document, regions, gazetteer, size=size, context=context)
    return whole, piecewise


def what_a_reader_sees(mention) -> tuple:
    """A citation's sentence, event type, date, time expression, modality and attribution (not its subjects: the
    product in focus is the one named most so far, which a piece knows only from itself)."""
    return (mention.start, mention.end, mention.quote, mention.type, mention.when, mention.time_text,
            mention.time_start, mention.modality, mention.attributed_to, mention.dated_by)


@pytest.mark.parametrize("language", ["de", "en"])
def test_pieces_cite_exactly_what_the_whole_reading_cites(language):
    document, gazetteer = long_document(language)
    (whole, whole_claims), (mentions, claims) = whole_and_in_pieces(document, gazetteer)
    assert len(pieces.pieces_of(document.text, 0, 1500, 600)) >= 10
    text = document.text
    for m in mentions:
        assert text[m.start:m.end] == m.quote
        assert m.time_start is None or text[m.time_start:m.time_end] == m.time_text
    for c in claims:
        assert text[c.start:c.end] == c.quote
        assert c.value_start is None or c.value_start >= c.start and c.value_end <= c.end
    assert [what_a_reader_sees(m) for m in mentions] == [what_a_reader_sees(m) for m in whole]
    assert claims == whole_claims


def test_a_narratives_date_carries_into_a_later_piece():
    filler = "Die Verhandlungen zogen sich über viele Stunden hin, und die Gesandten berieten sich lange im Saal.\n\n"
    text = "Am 2. Mai 1871 trafen die Gesandten in der Stadt ein.\n\n" + filler * 40 + \
        "Am 4. Mai gründeten die Gesandten einen Bund.\n"
    source = Source(id="n", path="n.txt", language="de", published=parse_iso("2025-05-15"))
    document = Document(source, text)
    (whole, _), (mentions, _) = whole_and_in_pieces(document, Gazetteer.load(None), size=1000, context=300)
    last = pieces.pieces_of(text, 0, 1000, 300)[-1]
    assert "1871" not in text[last.context:]  # the last piece and its context name no year
    assert [(m.quote, m.when.edtf) for m in mentions] == [(m.quote, m.when.edtf) for m in whole] == [
        ("Am 4. Mai gründeten die Gesandten einen Bund.", "1871-05-04")]


def test_pieces_cover_the_text_and_end_at_paragraph_breaks():
    paragraph = "Ein Absatz mit einigen Wörtern, der nichts Besonderes sagt.\n\n"
    text = "---\ntitle: x\n---\n" + paragraph * 200
    body = text.index("Ein")
    cut = pieces.pieces_of(text, body, size=1000, context=200)
    assert cut[0].start == cut[0].context == body and cut[-1].end == len(text)
    for before, after in zip(cut, cut[1:]):
        assert before.end == after.start and after.context >= before.start and after.context < after.start
        assert text[:after.start].endswith("\n\n")
    assert all(p.end - p.start <= 1000 for p in cut)


def test_a_text_without_line_breaks_is_cut_between_words():
    text = "wort " * 1000
    cut = pieces.pieces_of(text, 0, size=1200, context=100)
    assert len(cut) > 4 and all(text[p.start - 1] == " " for p in cut[1:])
    assert pieces.pieces_of("x" * 2500, 0, size=1000)[1].start == 1000  # no space at all: cut at the size


def test_a_document_no_longer_than_a_piece_is_read_whole(monkeypatch):
    document, gazetteer = long_document("en")
    monkeypatch.setattr(pieces, "findings_in_pieces", lambda *a, **k: pytest.fail("read in pieces"))
    assert not pieces.needs_pieces(document)
    findings_of((document, []), gazetteer)


def huge_corpus(tmp_path: Path) -> Path:
    document, _ = long_document("de")
    (tmp_path / "entities.toml").write_bytes((UNSEEN / "entities.toml").read_bytes())
    (tmp_path / "huge.md").write_text(f"---\nlanguage: de\npublished: 2024-06\n---\n{document.text}", encoding="utf-8")
    return tmp_path


def test_export_of_a_huge_file_cites_exactly_and_tells_how_far_it_has_come(runner, tmp_path, monkeypatch):
    from llamaline import cli

    corpus = huge_corpus(tmp_path)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2000)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 0.0)
    result = runner.invoke(app, ["export", "--corpus", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    text = read_corpus(corpus).documents[0].text
    quotes = [m for e in data["events"] for m in e["mentions"]]
    assert len(quotes) > 20 and all(text[m["start"]:m["end"]] == m["quote"] for m in quotes)
    told = [line for line in result.stderr.splitlines() if line.startswith("llamaline: huge.md:")]
    assert len(told) >= 5 and told[-1] == "llamaline: huge.md: 100 % analysed"
    quiet = runner.invoke(app, ["--quiet", "export", "--corpus", str(corpus), "--format", "json"])
    assert quiet.exit_code == 0 and "analysed" not in quiet.stderr
    assert json.loads(quiet.stdout) == data


def test_a_huge_file_beside_others_gives_the_same_timeline_over_processes(tmp_path, monkeypatch):
    import llamaline

    corpus = huge_corpus(tmp_path)
    for name in ("de_heizungsgesetz.txt", "en_transit_bill.txt"):
        (corpus / name).write_bytes((UNSEEN / name).read_bytes())
    monkeypatch.setattr(pieces, "PIECE_CHARS", 3000)  # above the size of either article beside the huge one
    heard = []
    one = llamaline.build_timeline(corpus, progress=lambda doc, done, total: heard.append((doc.source.path, done)))
    assert [path for path, _ in heard] == ["huge.md"] * len(heard) and len(heard) >= 5
    assert llamaline.build_timeline(corpus, jobs=2) == one


def test_the_json_export_written_item_by_item_is_the_whole_document(tmp_path):
    """The JSON export is written one source, event and claim track at a time (a huge timeline is never one
    string in memory): the text is the one `json.dumps` makes of the whole timeline."""
    import llamaline
    from llamaline.views.export import to_json

    for path in UNSEEN.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    timeline = llamaline.build_timeline(tmp_path)
    assert timeline.events and timeline.claims and timeline.unplaced and timeline.skipped
    whole = json.dumps(timeline.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2) + "\n"
    assert to_json(timeline) == whole
    empty = timeline.model_copy(update={"sources": [], "events": [], "unplaced": [], "claims": [], "skipped": []})
    assert to_json(empty) == json.dumps(empty.model_dump(mode="json", by_alias=True), indent=2) + "\n"


def test_boilerplate_cut_by_a_piece_boundary_stays_boilerplate():
    bundled = Path(__file__).resolve().parent.parent / "data" / "corpus"
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(bundled.glob("*.txt")))
    source = Source(id="b", path="b.txt", language="de", published=parse_iso("2025-05"))
    document = Document(source, text)
    regions = find_boilerplate([document])["b"]
    cut = pieces.pieces_of(text, 0, 3000, 800)
    assert any(r.start < p.start < r.end for r in regions for p in cut)  # some region spans a boundary
    (whole, whole_claims), (mentions, claims) = whole_and_in_pieces(document, Gazetteer.load(bundled), 3000, 800)
    assert mentions and not any(r.start < m.end and m.start < r.end for r in regions for m in mentions)
    assert [what_a_reader_sees(m) for m in mentions] == [what_a_reader_sees(m) for m in whole]
    assert claims == whole_claims
