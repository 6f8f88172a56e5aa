"""The command line as a user sees it: exit codes, output, errors, JSON, determinism."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED, GOLDEN, write
from llamaline.cli import app

COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[0-9;]*m")


def run(runner, *args, env=None, input=None):
    return runner.invoke(app, list(args), env=env, input=input)


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("llamaline: error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[-1]


# --- help ---------------------------------------------------------------------------------------

def test_help_lists_every_command_with_an_example(runner):
    result = run(runner, "--help")
    assert result.exit_code == 0
    for command in ("timeline", "sources", "export", "tag"):
        assert command in result.stdout
        sub = run(runner, command, "--help")
        assert sub.exit_code == 0 and "Example" in sub.stdout, command


def test_every_command_is_documented_in_the_readme(runner):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"llamaline {name}" in readme, name


# --- export -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled_export() -> dict:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["export", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_export_follows_the_schema(bundled_export):
    data = bundled_export
    assert data["schema"] == "llamaline.timeline/1"
    assert {s["id"] for s in data["sources"]} == {p.stem for p in BUNDLED.glob("*.txt")}
    for source in data["sources"]:
        assert set(source) >= {"id", "path", "title", "url", "outlet", "author", "language", "published"}
    for event in data["events"]:
        assert set(event) >= {"id", "type", "title", "subjects", "when", "sources", "mentions", "conflicts"}
        assert set(event["when"]) == {"edtf", "start", "end", "precision"}
        assert event["when"]["start"] <= event["when"]["end"]
        assert event["sources"] == sorted(set(event["sources"]))
        assert {m["source"] for m in event["mentions"]} == set(event["sources"])
    ids = [e["id"] for e in data["events"]]
    assert len(ids) == len(set(ids))


def test_every_quote_is_the_exact_text_at_its_offsets(bundled_export):
    texts = {s["id"]: (BUNDLED / s["path"]).read_bytes().decode("utf-8-sig") for s in bundled_export["sources"]}
    mentions = [m for e in bundled_export["events"] for m in e["mentions"]] + bundled_export.get("unplaced", [])
    assert mentions
    for m in mentions:
        assert texts[m["source"]][m["start"]:m["end"]] == m["quote"]
        if m["time_start"] is not None:
            assert texts[m["source"]][m["time_start"]:m["time_end"]] == m["time_text"]
            assert m["start"] <= m["time_start"] < m["time_end"] <= m["end"]


def test_golden_export_of_the_bundled_corpus(runner, update_golden):
    result = run(runner, "export")
    assert result.exit_code == 0, result.output
    golden = GOLDEN / "bundled.json"
    if update_golden or not golden.exists():
        golden.write_text(result.stdout, encoding="utf-8")
        if not update_golden:
            pytest.fail("golden file was missing and has been written; run again")
    assert result.stdout == golden.read_text(encoding="utf-8"), "export changed: run pytest --update-golden and read the diff"


def test_same_corpus_in_another_order_gives_identical_json(runner, tmp_path):
    reordered = tmp_path / "reordered"
    reordered.mkdir()
    for path in sorted(BUNDLED.iterdir(), reverse=True):
        shutil.copy(path, reordered / path.name)
    first = run(runner, "export", "--corpus", str(BUNDLED))
    second = run(runner, "export", "--corpus", str(reordered))
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


def test_export_to_file_is_written_and_reported(runner, tmp_path):
    out = tmp_path / "timeline.json"
    result = run(runner, "export", "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "llamaline.timeline/1"
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.json"]


def test_export_schema_describes_the_document(runner):
    result = run(runner, "export", "--schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"schema", "sources", "events"} <= set(schema["properties"])
    assert "TimeSpan" in schema["$defs"] and "Mention" in schema["$defs"]


def test_unwritable_output_fails_cleanly_and_leaves_nothing(runner, tmp_path):
    missing = tmp_path / "no" / "such" / "folder" / "out.json"
    line = one_line_error(run(runner, "export", "-o", str(missing)))
    assert "cannot write" in line and not missing.exists()
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() != 0:  # root writes anywhere
        locked.chmod(0o500)
        line = one_line_error(run(runner, "export", "-o", str(locked / "out.json")))
        assert "cannot write" in line and list(locked.iterdir()) == []
    line = one_line_error(run(runner, "export", "-o", str(locked)))
    assert "is a folder" in line


def test_a_failed_export_keeps_the_previous_file(runner, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    one_line_error(run(runner, "export", "-o", str(out), "--corpus", str(tmp_path / "missing")))
    assert out.read_text(encoding="utf-8") == "previous"


def test_unknown_format_is_a_usage_error(runner):
    result = run(runner, "export", "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.output


# --- timeline -----------------------------------------------------------------------------------

def test_timeline_view_groups_by_month_and_keeps_precision(runner, bundled_export):
    result = run(runner, "timeline", "--all")
    assert result.exit_code == 0, result.output
    assert not COLOUR.search(result.stdout)  # not a terminal: no colour
    for event in bundled_export["events"]:
        assert event["id"] in result.stdout
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    day_dates = {e["when"]["start"] for e in bundled_export["events"] if e["when"]["precision"] == "day"}
    for event in bundled_export["events"]:
        start, end = event["when"]["start"], event["when"]["end"]
        if start[:7] == end[:7] and start.endswith("-01") and int(end[8:]) >= 28:  # a whole month
            assert f"{months[int(start[5:7]) - 1]} {start[:4]}" in result.stdout
            if start not in day_dates:  # known to the month: never shown as the 1st
                assert f"1 {months[int(start[5:7]) - 1]} {start[:4]}" not in result.stdout


def test_timeline_json_filters(runner, bundled_export):
    everything = bundled_export["events"]
    assert everything
    result = run(runner, "timeline", "--json", "--all", "--min-sources", "2")
    assert result.exit_code == 0
    kept = json.loads(result.stdout)["events"]
    assert kept == [e for e in everything if len(e["sources"]) >= 2]
    first_type = everything[0]["type"]
    typed = json.loads(run(runner, "timeline", "--json", "--type", first_type).stdout)["events"]
    assert typed and all(e["type"] == first_type for e in typed)
    year = everything[-1]["when"]["end"][:4]
    late = json.loads(run(runner, "timeline", "--json", "--from", year).stdout)["events"]
    assert late and all(e["when"]["end"] >= f"{year}-01-01" for e in late)


def test_untyped_events_only_with_all(runner, bundled_export):
    untyped = [e["id"] for e in bundled_export["events"] if e["type"] == "other"]
    typed = [e["id"] for e in bundled_export["events"] if e["type"] != "other"]
    shown = run(runner, "timeline").stdout
    assert all(x in shown for x in typed)
    assert not any(x in shown for x in untyped)
    assert all(x in run(runner, "timeline", "--all").stdout for x in untyped)
    asked = json.loads(run(runner, "timeline", "--json", "--type", "other").stdout)["events"]
    assert [e["id"] for e in asked] == untyped


def test_timeline_filter_by_subject_words(runner, bundled_export):
    subject = next(s for e in bundled_export["events"] if e["type"] != "other" for s in e["subjects"])
    word = subject.split()[-1].lower()
    result = json.loads(run(runner, "timeline", "--json", "--subject", word).stdout)["events"]
    assert result and all(any(word in s.lower() for s in e["subjects"]) for e in result)


@pytest.mark.parametrize("args", [["--type", "party"], ["--from", "April"], ["--to", "2025-13"], ["--min-sources", "0"]])
def test_bad_timeline_options_are_usage_errors(runner, args):
    result = run(runner, "timeline", *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_missing_corpus_is_one_line_exit_1(runner, tmp_path):
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path / "nope")))
    assert "not found" in line


def test_empty_corpus_is_one_line_exit_1(runner, tmp_path):
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert "has no articles (.txt, .md, .html, .jsonl)" in line


def test_malformed_manifest_names_file_and_line(runner, bundled_copy):
    (bundled_copy / "sources.toml").write_text('["000_ae96c7f18c7de5f6.txt"]\ntitle = "x"\nauthor =\n', encoding="utf-8")
    line = one_line_error(run(runner, "timeline", "--corpus", str(bundled_copy)))
    assert "sources.toml" in line and "line 3" in line


def test_malformed_front_matter_names_file_and_line(runner, tmp_path):
    write(tmp_path, "a.md", "---\ntitle: ok\nlang: [de\n---\nDer Text wurde im April veröffentlicht.\n")
    line = one_line_error(run(runner, "timeline", "--corpus", str(tmp_path)))
    assert "a.md:3" in line


def test_skipped_files_are_reported_on_stderr_and_in_json(runner, bundled_copy):
    write(bundled_copy, "empty.txt", "")
    write(bundled_copy, "photo.jpg", b"\xff\xd8\xff\x00")
    result = run(runner, "export", "--corpus", str(bundled_copy))
    assert result.exit_code == 0
    assert "skipped empty.txt: empty file" in result.stderr and "skipped photo.jpg" in result.stderr
    assert {s["path"] for s in json.loads(result.stdout)["skipped"]} == {"empty.txt", "photo.jpg"}


# --- sources ------------------------------------------------------------------------------------

def test_sources_by_id_shows_every_citation_with_time_marked(runner, bundled_export):
    event = max(bundled_export["events"], key=lambda e: len(e["mentions"]))
    result = run(runner, "sources", "--event", event["id"], env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    for mention in event["mentions"]:
        assert mention["source"] in result.stdout
        marked = mention["quote"]
        if mention["time_start"] is not None:
            a, b = mention["time_start"] - mention["start"], mention["time_end"] - mention["start"]
            marked = marked[:a] + "⟦" + marked[a:b] + "⟧" + marked[b:]
        assert marked in result.stdout


def test_sources_json_has_the_event_and_its_sources(runner, bundled_export):
    event = bundled_export["events"][0]
    result = run(runner, "sources", "--event", event["id"], "--json")
    data = json.loads(result.stdout)
    assert data["event"]["id"] == event["id"]
    assert sorted(s["id"] for s in data["sources"]) == event["sources"]


def test_unknown_event_names_the_closest_ids(runner, bundled_export):
    line = one_line_error(run(runner, "sources", "--event", "zzzz-no-such-event-qqq"))
    assert "no event matches" in line and "closest:" in line
    assert any(e["id"] in line for e in bundled_export["events"])


# --- tag ----------------------------------------------------------------------------------------

def test_tag_stdin_json_resolves_against_the_publication_date(runner):
    result = run(runner, "tag", "-", "--published", "2025-05-20", "--language", "de", "--json",
                 input="Das Modell wurde Anfang April angekündigt.")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["text"] for r in rows] == ["Anfang April"]
    row = rows[0]
    assert (row["start"], row["end"]) == (17, 29)
    assert row["when"]["start"] == "2025-04-01" and row["when"]["end"] == "2025-04-10"


def test_tag_a_corpus_file_uses_its_metadata(runner, tmp_path):
    write(tmp_path, "a.md", "---\nlang: en\npublished: 2024-03-10\n---\nThe firm said yesterday it will ship in June.\n")
    result = run(runner, "tag", "a.md", "--corpus", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    by_text = {r["text"]: r["when"] for r in rows}
    assert by_text["yesterday"]["edtf"] == "2024-03-09"
    assert by_text["June"]["edtf"] == "2024-06"
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_tag_view_without_publication_date_marks_relative_words_unresolved(runner):
    result = run(runner, "tag", "-", "--language", "en", input="It shipped yesterday, on 15 May 2025.")
    assert result.exit_code == 0
    assert "unresolved" in result.stdout and "2025-05-15" in result.stdout


@pytest.mark.parametrize("args", [["--published", "soon"], ["--language", "xx"]])
def test_tag_bad_options_are_usage_errors(runner, args):
    result = run(runner, "tag", "-", *args, input="heute")
    assert result.exit_code == 2


def test_tag_missing_file_is_one_line(runner, tmp_path):
    line = one_line_error(run(runner, "tag", str(tmp_path / "missing.txt")))
    assert "file not found" in line


# --- installed script ---------------------------------------------------------------------------

def test_installed_script_runs_from_any_folder_on_the_bundled_corpus(tmp_path):
    script = Path(sys.executable).with_name("llamaline")
    if not script.exists():
        pytest.skip("llamaline is not installed next to this Python")
    env = dict(os.environ, NO_COLOR="1")
    done = subprocess.run([str(script), "export"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["sources"]) == 5
    failed = subprocess.run([str(script), "timeline", "--corpus", "missing"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert failed.returncode == 1 and failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr


def test_colour_only_on_a_terminal_and_never_with_no_color(runner):
    forced = run(runner, "timeline", env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": None})
    assert forced.exit_code == 0 and COLOUR.search(forced.stdout)
    plain = run(runner, "timeline", env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": "1"})
    assert plain.exit_code == 0 and not COLOUR.search(plain.stdout)


def test_result_cache_gives_the_same_bytes_and_notices_changes(runner, bundled_copy, tmp_path, monkeypatch):
    monkeypatch.delenv("LLAMALINE_NO_CACHE")
    monkeypatch.setenv("LLAMALINE_CACHE_DIR", str(tmp_path / "cache"))
    fresh = run(runner, "export", "--corpus", str(bundled_copy))
    assert fresh.exit_code == 0 and len(list((tmp_path / "cache").glob("*.json"))) == 1
    cached = run(runner, "export", "--corpus", str(bundled_copy))
    assert cached.stdout == fresh.stdout
    article = next(bundled_copy.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nEin neuer Satz.\n", encoding="utf-8")
    changed = run(runner, "export", "--corpus", str(bundled_copy))
    assert changed.exit_code == 0 and len(list((tmp_path / "cache").glob("*.json"))) == 2
    a_file = next((tmp_path / "cache").glob("*.json"))
    monkeypatch.setenv("LLAMALINE_CACHE_DIR", str(a_file / "sub"))
    assert run(runner, "export", "--corpus", str(bundled_copy)).stdout == changed.stdout  # unwritable cache: ignored


def test_the_articles_own_outlet_is_not_a_subject(runner, tmp_path):
    write(tmp_path, "a.md", "---\noutlet: Example Wire\npublished: 2025-03-12\nlang: en\n---\n"
          "SEATTLE (Example Wire) - Orbit Air said on Tuesday it had pushed back the first delivery of its A9 jet.\n")
    result = run(runner, "export", "--corpus", str(tmp_path))
    events = json.loads(result.stdout)["events"]
    assert events and all("Example Wire" not in e["subjects"] for e in events)
    assert any(e["type"] == "delay" and e["when"]["edtf"] == "2025-03-11" for e in events)


def test_a_person_named_in_full_is_recognised_by_surname_later(runner, tmp_path):
    write(tmp_path, "a.md", "---\npublished: 2025-03-12\nlang: en\n---\n"
          "Chief executive Dana Kolb told analysts on Tuesday that the supplier missed several deadlines.\n\n"
          "Kolb, who joined the company in 2019, will step down at the end of June, the board said.\n")
    events = json.loads(run(runner, "export", "--corpus", str(tmp_path)).stdout)["events"]
    joined = [e for e in events if e["when"]["edtf"] == "2019"]
    assert joined and joined[0]["subjects"] == ["Dana Kolb"]


def test_an_ambiguous_event_lists_the_candidates_and_fails(runner, bundled_export):
    from collections import Counter

    prefix = Counter(e["id"][:7] for e in bundled_export["events"]).most_common(1)[0][0]  # a month several share
    matching = [e["id"] for e in bundled_export["events"] if e["id"].startswith(prefix)]
    assert len(matching) > 1
    result = run(runner, "sources", "--event", prefix, env={"COLUMNS": "200"})
    line = one_line_error(result)
    assert "events match" in line and result.stdout == ""
    assert sum(event_id in result.stderr for event_id in matching) >= 2


def test_at_80_columns_names_are_never_cut(runner, bundled_export):
    result = runner.invoke(app, ["timeline", "--all"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for event in bundled_export["events"]:
        for subject in event["subjects"]:
            assert any(subject in line for line in lines), subject  # whole, on one line


def test_at_80_columns_the_tag_table_keeps_its_values_whole(runner):
    text = "Ursprünglich für Juni geplant, kommt das Gerät nun frühestens im Herbst; vor zwei Wochen hieß es anders."
    result = runner.invoke(app, ["tag", "-", "--published", "2025-05-20"], input=text,
                           env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "not_before" in result.stdout and "Modifier" in result.stdout and "…" not in result.stdout


def test_quiet_and_verbose(runner, tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(BUNDLED, folder)
    write(folder, "notes.pdf", b"%PDF")
    normal = runner.invoke(app, ["timeline", "--corpus", str(folder)])
    assert "skipped notes.pdf" in normal.stderr and "took" not in normal.stderr
    quiet = runner.invoke(app, ["--quiet", "timeline", "--corpus", str(folder)])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == normal.stdout
    verbose = runner.invoke(app, ["-v", "timeline", "--corpus", str(folder)])
    assert "skipped notes.pdf" in verbose.stderr and "built the timeline of 5 articles in" in verbose.stderr


@pytest.mark.parametrize(("text", "published"), [
    ("Am 2. Mai 1871 begann die Belagerung. Zwei Tage später, am Abend, gab die Stadt auf.", "2011-05-01"),
    ("The company said on Tuesday that profit rose 5% in the third quarter, two years after the merger.", "1998-03-12"),
])
def test_tag_writes_timeml_with_one_timex3_per_expression(runner, text, published):
    import xml.etree.ElementTree as ET

    found = json.loads(runner.invoke(app, ["tag", "-", "-p", published, "--json"], input=text).stdout)
    result = runner.invoke(app, ["tag", "-", "-p", published, "--format", "timeml"], input=text)
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout)
    timexes = root.find("TEXT").findall(".//TIMEX3")
    assert [t.text for t in timexes] == [e["text"] for e in found]
    assert [t.get("value") for t in timexes] == [e["value"] for e in found]
    assert all(t.get("type") in ("DATE", "TIME", "DURATION", "SET") for t in timexes)
    assert root.find("DCT/TIMEX3").get("value") == published
    assert "".join(root.find("TEXT").itertext()).strip() == text  # the text itself is unchanged


def test_tag_refuses_an_unknown_format(runner):
    result = runner.invoke(app, ["tag", "-", "--format", "xml"], input="heute")
    assert result.exit_code == 2 and "timeml" in result.output


def test_sources_say_when_a_date_comes_from_the_publication(runner, bundled_export):
    dated = [(e["id"], m) for e in bundled_export["events"] for m in e["mentions"] if m.get("dated_by") == "publication"]
    assert dated, "the bundled corpus has news dated by its publication"
    event_id, mention = dated[0]
    shown = runner.invoke(app, ["sources", "--event", event_id], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    line = next(x for x in shown.splitlines() if f"chars {mention['start']}-{mention['end']}" in x)
    assert "no date in the sentence: news up to its publication" in line
