"""Export formats (issue 15): golden files of the bundled timeline, and what each format promises its readers."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import subprocess
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import GOLDEN

from llamaline.models import Conflict, Event, Mention, Source, Timeline, TimeSpan
from llamaline.views.formats import FORMATS, SUFFIXES

try:  # the pipeline's home while the package is being rearranged
    from llamaline.api import build_timeline
except ImportError:
    from llamaline.api import build_timeline

FORMAT_GOLDEN = GOLDEN / "formats"


@pytest.fixture(scope="session")
def bundled() -> Timeline:
    return build_timeline()


def export(timeline: Timeline, name: str) -> str:
    out = io.StringIO(newline="")
    FORMATS[name](timeline, out)
    return out.getvalue()


# --- the bundled timeline in every format -------------------------------------------------------------


def golden_path(name: str) -> Path:
    suffix = SUFFIXES[name]
    return FORMAT_GOLDEN / (f"bundled{suffix}" if suffix == f".{name}" else f"bundled.{name}{suffix}")


# json's golden file is tests/golden/bundled.json, the CLI's (test_json_is_the_export_document).
@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"json"}))
def test_golden_export_in_every_format(bundled, name, update_golden):
    written = export(bundled, name)
    golden = golden_path(name)
    if update_golden or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(written.encode("utf-8"))
        if not update_golden:
            pytest.fail(f"golden file {golden.name} was missing and has been written; run again")
    assert written.encode("utf-8") == golden.read_bytes(), f"{name} export changed: run pytest --update-golden and read the diff"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_same_timeline_gives_the_same_bytes(bundled, name):
    again = Timeline.model_validate_json(bundled.model_dump_json(by_alias=True))
    assert export(again, name) == export(bundled, name)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_corpus_without_events_still_exports(name):
    """A corpus where nothing was found gives a valid, empty document, not an error."""
    empty = tiny_timeline().model_copy(update={"events": []})
    written = export(empty, name)
    if name in ("json", "timelinejs"):
        assert json.loads(written)
    assert written.endswith("\n") or name == "jsonl" and written == ""


def test_json_is_the_export_document(bundled):
    """`export --format json` stays what the CLI has always written (tests/golden/bundled.json)."""
    assert export(bundled, "json") == (GOLDEN / "bundled.json").read_text(encoding="utf-8")


# --- jsonl ---------------------------------------------------------------------------------------------


def test_jsonl_has_one_event_per_line_as_in_the_json_export(bundled):
    lines = export(bundled, "jsonl").splitlines()
    document = json.loads(export(bundled, "json"))
    assert [json.loads(line) for line in lines] == document["events"]
    first = lines[0]
    assert list(json.loads(first)) == sorted(json.loads(first)), "keys sorted"


# --- csv -----------------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "a byte order mark, so that Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_one_row_per_mention_with_the_event_date(bundled):
    rows = read_csv(export(bundled, "csv"))
    assert len(rows) == sum(len(e.mentions) for e in bundled.events)
    delay = next(r for r in rows if r["event_id"] == "2025-05-llama-4-behemoth-delay")
    assert (delay["type"], delay["date"], delay["precision"]) == ("delay", "2025-05", "month")
    assert (delay["start"], delay["end"]) == ("2025-05-01", "2025-05-31")
    assert {r["attributed_to"] for r in rows if r["event_id"] == delay["event_id"]} >= {"Wall Street Journal"}


def test_csv_quotes_are_exact_and_offsets_point_at_them(bundled):
    texts = {s.id: (Path("data/corpus") / s.path) for s in bundled.sources}
    root = Path(__file__).resolve().parent.parent
    for row in read_csv(export(bundled, "csv"))[:40]:
        text = (root / texts[row["source"]]).read_text(encoding="utf-8")
        assert text[int(row["quote_start"]):int(row["quote_end"])] == row["quote"]


def test_csv_cells_that_a_spreadsheet_would_run_are_text(tmp_path):
    hostile = tiny_timeline(quote='=HYPERLINK("http://evil.example","click"), "quoted", and, commas\nand a line break',
                            outlet="@outlet", attributed_to="-1+2")
    row = read_csv(export(hostile, "csv"))[0]
    assert row["quote"] == '\'=HYPERLINK("http://evil.example","click"), "quoted", and, commas\nand a line break'
    assert row["outlet"] == "'@outlet"
    assert row["attributed_to"] == "'-1+2"
    assert row["title"] == "Model X delayed"


# --- md ------------------------------------------------------------------------------------------------


def test_markdown_report_is_grouped_by_month_in_date_order(bundled):
    report = export(bundled, "md")
    months = re.findall(r"^## (.+)$", report, re.M)
    assert months[:3] == ["2023", "December 2024", "2025"]
    assert months.index("April 2025") < months.index("May 2025") < months.index("January 2026")
    assert "### early April 2025: " in report


def test_markdown_cites_every_quote_with_a_footnote_naming_source_and_date(bundled):
    report = export(bundled, "md")
    definitions = dict(re.findall(r"^\[\^(\d+)\]: (.+)$", report, re.M))
    assert len(definitions) == len({m.source for e in bundled.events for m in e.mentions}), "one footnote per source"
    kinews = next(text for text in definitions.values() if "KINEWS24" in text)
    assert "by Oliver Welling" in kinews and "published May 2025" in kinews
    for number in re.findall(r"”\[\^(\d+)\]", report):
        assert number in definitions


def test_markdown_shows_quotes_verbatim_however_they_are_written():
    report = export(tiny_timeline(quote="Das *Modell* [X] <b>kommt</b> # später_"), "md")
    assert r"“Das \*Modell\* \[X\] \<b\>kommt\</b\> \# später\_”[^1]" in report
    assert "[^1]: “Model X delayed, says Example”, Example Times, by Erika Mustermann, published 16 May 2025" in report
    assert "1 event from 1 source, May 2025." in report


def test_markdown_puts_the_time_expression_in_bold():
    report = export(tiny_timeline(quote="Der Start ist für Anfang Mai geplant.", time_text="Anfang Mai"), "md")
    assert "- “Der Start ist für **Anfang Mai** geplant.”[^1]" in report


def test_markdown_marks_disagreement():
    report = export(tiny_timeline(conflict=Conflict(field="when", detail="May according to a; June according to b")), "md")
    assert "> **Sources disagree** on when: May according to Example Times; June according to b" in report


# --- timelinejs ----------------------------------------------------------------------------------------


def test_timelinejs_dates_go_only_as_far_as_the_precision(bundled):
    slides = {s["unique_id"]: s for s in json.loads(export(bundled, "timelinejs"))["events"]}
    assert slides["2023-llama-report"]["start_date"] == {"year": "2023"}
    assert slides["2024-12-gpt-5-delay"]["start_date"] == {"year": "2024", "month": "12"}
    assert "display_date" not in slides["2024-12-gpt-5-delay"], "TimelineJS says 'December 2024' by itself"
    assert slides["2025-04-llama-4-announcement"]["display_date"] == "early April 2025"
    assert slides["2025-04-llamacon-conference"]["display_date"] == "late April 2025"


def test_timelinejs_has_a_title_slide_groups_and_citations(bundled):
    document = json.loads(export(bundled, "timelinejs"))
    assert f"{len(bundled.events)} events reconciled from 5 sources" in document["title"]["text"]["text"]
    assert len(document["events"]) == len(bundled.events)
    for slide, event in zip(document["events"], bundled.events):
        assert slide["group"] == event.type
        for mention in event.mentions:
            assert html_escape(mention.quote) in slide["text"]["text"]


def test_timelinejs_day_and_interval_dates():
    day = export(tiny_timeline(when=TimeSpan(edtf="2025-05-15", start=date(2025, 5, 15), end=date(2025, 5, 15), precision="day")), "timelinejs")
    slide = json.loads(day)["events"][0]
    assert slide["start_date"] == {"year": "2025", "month": "5", "day": "15"} and "end_date" not in slide
    turn = TimeSpan(edtf="2025-12/2026-01", start=date(2025, 12, 1), end=date(2026, 1, 31), precision="interval")
    slide = json.loads(export(tiny_timeline(when=turn), "timelinejs"))["events"][0]
    assert (slide["start_date"], slide["end_date"]) == ({"year": "2025", "month": "12"}, {"year": "2026", "month": "1"})


# TimelineJS itself is not a dependency: point LLAMALINE_TIMELINEJS at its dist folder to run this check
# (npm install @knight-lab/timelinejs; then .../node_modules/@knight-lab/timelinejs/dist).
TIMELINEJS = os.environ.get("LLAMALINE_TIMELINEJS")


@pytest.mark.skipif(not TIMELINEJS or not (shutil.which("chromium") or shutil.which("chromium-browser")),
                    reason="set LLAMALINE_TIMELINEJS to a TimelineJS 3 dist folder, and install Chromium")
def test_timelinejs_loads_the_document_with_every_event(bundled, tmp_path):
    shutil.copytree(TIMELINEJS, tmp_path / "dist")
    data = export(bundled, "timelinejs")
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>waiting</title>'
        '<link rel="stylesheet" href="dist/css/timeline.css"><script src="dist/js/timeline.js"></script></head>'
        '<body><div id="tl" style="width:1000px;height:700px"></div><script>'
        'window.onerror = function (m) { document.title = "ERROR " + m; };'
        f'var tl = new TL.Timeline("tl", {data}, {{script_path: location.origin + "/dist/js/", language: "en"}});'
        'tl.on("loaded", function () { document.title = "LOADED " + tl.config.events.length; });'
        "</script></body></html>", encoding="utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/index.html"
        dom = chromium("--virtual-time-budget=10000", "--dump-dom", url).stdout
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert f"<title>LOADED {len(bundled.events)}</title>" in dom, re.findall(r"<title>.*?</title>", dom)


# --- html ----------------------------------------------------------------------------------------------


def test_html_escapes_everything_from_the_corpus():
    page = export(tiny_timeline(quote="Er sagte <script>alert(1)</script> & ging.", title="<img src=x onerror=alert(2)>",
                                subject='"><script>alert(3)</script>', outlet="<b>Times</b>",
                                url="javascript:alert(4)"), "html")
    assert page.count("<script>") == 1, "only the page's own script"
    assert "<img src=x" not in page and "<b>Times</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ging." in page
    assert 'href="javascript:' not in page


def test_html_needs_nothing_from_the_network(bundled):
    page = export(bundled, "html")
    assert not re.search(r"""<(?:link|img|iframe)\b|\bsrc\s*=|@import|url\(""", page)
    assert page.count("<script") == 1 and page.count("<style") == 1


def test_html_marks_conflicts_and_single_origin_events(bundled):
    page = export(bundled, "html")
    abandonment = page[page.index('id="2025-07-llama-4-behemoth-abandonment"'):]
    assert "sources disagree" in abandonment[:abandonment.index("</article>")]
    delay = page[page.index('id="2025-05-llama-4-behemoth-delay"'):]
    assert "one origin: Wall Street Journal" in delay[:delay.index("</article>")]


def test_html_marks_the_time_expression_in_each_quote():
    page = export(tiny_timeline(quote="Der Start ist für Anfang Mai geplant.", time_text="Anfang Mai"), "html")
    assert "Der Start ist für <mark>Anfang Mai</mark> geplant." in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                           "--disable-extensions", "--disable-background-networking", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def bundled_page(bundled, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "timeline.html"
    path.write_text(export(bundled, "html"), encoding="utf-8")
    return path


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium for a real browser (apt-get install chromium)")
def test_html_renders_offline_in_a_browser_with_every_event(bundled, bundled_page, tmp_path):
    shot = tmp_path / "timeline.png"
    result = chromium("--window-size=1200,1800", "--hide-scrollbars", f"--screenshot={shot}", bundled_page.as_uri())
    assert shot.exists() and shot.stat().st_size > 20_000, result.stderr[-2000:]
    dom = chromium("--dump-dom", bundled_page.as_uri()).stdout
    for event in bundled.events:
        assert f'id="{event.id}"' in dom
    assert '<form class="filters" id="filters">' in dom, "the script ran and showed the filters"
    assert f"{len(bundled.events)} of {len(bundled.events)} events" in dom


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium for a real browser (apt-get install chromium)")
def test_html_filters_by_type_and_subject_from_a_shared_link(bundled, bundled_page):
    dom = chromium("--dump-dom", bundled_page.as_uri() + "?type=delay&subject=Llama%204%20Behemoth").stdout
    shown = [e for e in bundled.events if e.type == "delay" and "Llama 4 Behemoth" in e.subjects]
    assert f"{len(shown)} of {len(bundled.events)} events" in dom
    visible = re.findall(r'<article class="event" id="([^"]+)"(?![^>]*hidden)', dom)
    assert visible == [e.id for e in shown]


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium for a real browser (apt-get install chromium)")
def test_html_clicking_a_subject_on_a_card_shows_only_its_events(bundled, bundled_page, tmp_path):
    clicked = tmp_path / "clicked.html"
    click = ('<script>document.getElementById("2025-10-alexandr-wang-hiring")'
             '.querySelector(".subjects button").click();</script>')
    clicked.write_text(bundled_page.read_text(encoding="utf-8").replace("</body>", click + "</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", clicked.as_uri()).stdout
    about = [e.id for e in bundled.events if "Alexandr Wang" in e.subjects]
    assert re.findall(r'<article class="event" id="([^"]+)"(?![^>]*hidden)', dom) == about
    assert f"{len(about)} of {len(bundled.events)} events" in dom


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium for a real browser (apt-get install chromium)")
def test_html_link_to_an_event_opens_its_sources(bundled_page):
    dom = chromium("--dump-dom", bundled_page.as_uri() + "#2025-05-llama-4-behemoth-delay").stdout
    event = dom[dom.index('id="2025-05-llama-4-behemoth-delay"'):]
    assert "<details open" in event[:event.index("</article>")]


# --- helpers -------------------------------------------------------------------------------------------


def html_escape(text: str) -> str:
    from html import escape

    return escape(text)


def tiny_timeline(*, quote="Modell X erscheint erst im Herbst.", title="Model X delayed", subject="Model X",
                  outlet="Example Times", attributed_to=None, url="https://news.example.org/a", time_text=None,
                  when=None, conflict=None) -> Timeline:
    """A one-event, one-source timeline, for what the bundled corpus does not contain."""
    may = TimeSpan(edtf="2025-05", start=date(2025, 5, 1), end=date(2025, 5, 31), precision="month")
    published = TimeSpan(edtf="2025-05-16", start=date(2025, 5, 16), end=date(2025, 5, 16), precision="day")
    text = "Vorspann. " + quote
    start = text.index(quote)
    time_start = text.find(time_text) if time_text else None
    mention = Mention(source="a", quote=quote, start=start, end=start + len(quote), time_text=time_text,
                      time_start=time_start, time_end=time_start + len(time_text) if time_text else None,
                      when=when or may, attributed_to=attributed_to)
    source = Source(id="a", path="a.md", title="Model X delayed, says Example", url=url, outlet=outlet,
                    author="Erika Mustermann", language="de", published=published)
    event = Event(id="2025-05-model-x-delay", type="delay", title=title, subjects=[subject], when=when or may,
                  sources=["a"], mentions=[mention], conflicts=[conflict] if conflict else [], origins=["a"])
    return Timeline(sources=[source], events=[event])
