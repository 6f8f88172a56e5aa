"""Issue 14, the command line: output that cannot be written, --jobs, export -o, usage errors, the cache
commands, standard input in any encoding. Each failure is one line on stderr and exit 1 (usage: exit 2)."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import one_line_error, write
from llamaline.cli import app

GERMAN = "Der Konzern hat das neue Modell im April 2025 vorgestellt. Die Nutzer sind nicht zufrieden.\n"


def run(runner, *args, input=None):
    return runner.invoke(app, list(args), input=input)


def llamaline(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "LLAMALINE_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "llamaline", *args], capture_output=True, text=True, env=env,
                          timeout=120, **kwargs)


# --- standard output that cannot take the output -------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["timeline"], ["export"], ["claims", "--json"]])
def test_full_disk_is_one_line_exit_1(command):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "llamaline", *command], stdout=full, stderr=subprocess.PIPE,
                              text=True, env={**os.environ, "LLAMALINE_NO_CACHE": "1"}, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "llamaline: error: cannot write to standard output: No space left on device"
    ]


def test_closed_stdout_is_one_line_exit_1():
    done = subprocess.run([sys.executable, "-m", "llamaline", "timeline"], stdout=None, stderr=subprocess.PIPE,
                          text=True, env={**os.environ, "LLAMALINE_NO_CACHE": "1"}, timeout=120, close_fds=True,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == ["llamaline: error: cannot write to standard output: it is closed"]


def test_closed_pipe_is_one_line_exit_1():
    process = subprocess.Popen([sys.executable, "-m", "llamaline", "export"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "LLAMALINE_NO_CACHE": "1"})
    process.stdout.close()  # the reader went away (as `| head -1` does)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert err.decode().strip().splitlines() == ["llamaline: error: cannot write to standard output: Broken pipe"]


# --- --jobs ---------------------------------------------------------------------------------------

def test_jobs_are_capped_by_cores_and_files(runner, monkeypatch, tmp_path):
    import llamaline.api

    seen = []
    real = llamaline.api.build_timeline
    monkeypatch.setattr(llamaline.api, "build_timeline",
                        lambda corpus, jobs, cache, progress=None: seen.append(jobs) or real(corpus))
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert run(runner, "timeline", "--jobs", "1000000").exit_code == 0  # five files, three cores
    write(tmp_path, "a.txt", GERMAN)
    write(tmp_path, "b.txt", GERMAN)
    assert run(runner, "timeline", "--jobs", "64", "--corpus", str(tmp_path)).exit_code == 0  # two files
    assert seen == [3, 2]


def test_workers_that_cannot_start_are_one_line(runner, monkeypatch):
    import concurrent.futures

    def refuse(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    line = one_line_error(run(runner, "timeline", "--jobs", "4", "--no-cache"))
    assert "cannot start 4 worker processes: Resource temporarily unavailable" in line


def _die(item):
    os._exit(3)


def test_a_worker_that_dies_is_one_line_and_leaves_no_process(runner, monkeypatch):
    from llamaline import pipeline

    monkeypatch.setattr(pipeline, "_findings_in_worker", _die)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    line = one_line_error(run(runner, "timeline", "--jobs", "2", "--no-cache"))
    assert "worker process" in line
    assert multiprocessing.active_children() == []


# --- export -o --------------------------------------------------------------------------------------

def test_export_onto_a_fifo_is_refused_before_the_build(runner, tmp_path, monkeypatch):
    import llamaline.api

    monkeypatch.setattr(llamaline.api, "build_timeline", lambda *a, **k: pytest.fail("built before checking -o"))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    line = one_line_error(run(runner, "export", "-o", str(fifo)))
    assert f"refusing to replace {fifo}: it is a FIFO" in line and stat.S_ISFIFO(fifo.stat().st_mode)
    line = one_line_error(run(runner, "export", "-o", str(tmp_path / "nope" / "x.json")))
    assert "does not exist" in line


def test_export_onto_a_read_only_file_needs_force(runner, tmp_path):
    target = tmp_path / "ro.json"
    target.write_text("old")
    target.chmod(0o444)
    line = one_line_error(run(runner, "export", "-o", str(target)))
    assert "read-only" in line and "--force" in line and target.read_text() == "old"
    result = run(runner, "export", "-o", str(target), "--force")
    assert result.exit_code == 0 and json.loads(target.read_text())["schema"] == "llamaline.timeline/1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_export_through_a_symlink_writes_its_target(runner, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    (tmp_path / "link.json").symlink_to(target)
    assert run(runner, "export", "-o", str(tmp_path / "link.json")).exit_code == 0
    assert (tmp_path / "link.json").is_symlink() and json.loads(target.read_text())["events"]


def test_export_dash_is_stdout(runner):
    result = run(runner, "export", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["events"]


def test_export_with_a_non_utf8_file_name_leaves_no_temporary_file(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.fsencode(corpus) + b"/M\xe4rz.txt", "w", encoding="utf-8") as handle:
        handle.write(GERMAN)
    out = tmp_path / "out"
    out.mkdir()
    result = run(runner, "export", "--corpus", str(corpus), "-o", str(out / "x.json"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["x.json"]


# --- usage errors -----------------------------------------------------------------------------------

def test_sources_with_an_empty_event_is_a_usage_error(runner):
    result = run(runner, "sources", "--event", "  ")
    assert result.exit_code == 2 and "--event" in result.stderr


def test_tag_on_a_folder_is_a_usage_error(runner, tmp_path):
    result = run(runner, "tag", str(tmp_path), "--published", "2025-05-01")
    assert result.exit_code == 2 and "folder" in result.stderr


# --- standard input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, warning", [
    ("Gestern kam es, sagte er.".encode("cp1252") + b" \x93Caf\xe9\x94", "not UTF-8, read as Windows-1252"),
    ("\ufeffGestern kam es. Café".encode("utf-8"), None),
    ("Gestern kam es. Café".encode("utf-16"), None),
])
def test_tag_reads_standard_input_in_any_encoding_a_file_may_have(raw, warning):
    done = subprocess.run([sys.executable, "-m", "llamaline", "tag", "-", "--published", "2025-05-05", "--json",
                           "--language", "de"], input=raw, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [(e["text"], e["when"]["edtf"]) for e in found] == [("Gestern", "2025-05-04")]
    assert (warning in done.stderr.decode()) if warning else done.stderr == b""


# --- the cache --------------------------------------------------------------------------------------

def test_cache_info_clear_and_no_cache(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("LLAMALINE_NO_CACHE", raising=False)
    monkeypatch.setenv("LLAMALINE_CACHE_DIR", str(tmp_path / "cache"))
    write(tmp_path / "corpus", "a.txt", GERMAN)
    corpus = ["--corpus", str(tmp_path / "corpus")]
    assert run(runner, "timeline", *corpus, "--no-cache").exit_code == 0
    assert not (tmp_path / "cache").exists()
    assert run(runner, "timeline", *corpus).exit_code == 0
    info = run(runner, "cache", "info")
    assert info.exit_code == 0 and "1 timeline(s)" in info.stdout and str(tmp_path / "cache") in info.stdout
    cleared = run(runner, "cache", "clear")
    assert cleared.exit_code == 0 and "removed 1 cached timeline(s)" in cleared.stderr
    assert list((tmp_path / "cache").glob("*.json")) == []


def test_json_is_utf8_whatever_the_locale():
    env = {**os.environ, "LLAMALINE_NO_CACHE": "1", "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([sys.executable, "-m", "llamaline", "export"], capture_output=True, env=env, timeout=120)
    assert done.returncode == 0
    assert "verzögert" in json.loads(done.stdout.decode("utf-8"))["sources"][0]["title"]
    view = subprocess.run([sys.executable, "-m", "llamaline", "timeline"], capture_output=True, env=env, timeout=120)
    assert view.returncode == 0 and view.stderr == b""


def test_tag_on_a_windows_1252_file_warns_like_standard_input(runner, tmp_path):
    path = tmp_path / "notiz.txt"
    path.write_bytes("Die Firma stellte am 3. März 2024 ihr Modell vor. Größer.".encode("cp1252"))
    result = runner.invoke(app, ["tag", str(path), "--published", "2024-04-01", "--json"])
    assert result.exit_code == 0, result.output
    assert [e["text"] for e in json.loads(result.stdout)] == ["3. März 2024"]
    assert "warning" in result.stderr and "notiz.txt" in result.stderr
