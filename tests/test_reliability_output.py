"""Issue 14, output: writing a file never destroys what is not a regular file, follows symlinks, respects
read-only files, leaves no temporary file behind; the terminal views print text from the corpus verbatim."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from llamaline.errors import LlamalineError
from llamaline.views.export import check_output, write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_with_the_usual_mode(tmp_path):
    write_atomic(tmp_path / "out.json", "{}\n")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "out.json").read_text() == "{}\n"
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o666 & ~mask


def test_symlink_is_followed_and_stays_a_symlink(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new" and leftovers(tmp_path) == []


def test_fifo_is_refused_and_kept(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(LlamalineError, match="refusing to replace .*pipe: it is a FIFO"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.stat().st_mode) and leftovers(tmp_path) == []


def test_device_is_refused():
    with pytest.raises(LlamalineError, match="it is a device"):
        check_output("/dev/null")


def test_symlink_to_a_device_is_refused(tmp_path):
    (tmp_path / "null").symlink_to("/dev/null")
    with pytest.raises(LlamalineError, match="it is a device"):
        check_output(tmp_path / "null")
    assert (tmp_path / "null").is_symlink()


def test_read_only_file_is_refused_unless_forced_and_keeps_its_mode(tmp_path):
    path = tmp_path / "ro.json"
    path.write_text("old")
    path.chmod(0o444)
    with pytest.raises(LlamalineError, match="read-only .*--force"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    write_atomic(path, "new", force=True)
    assert path.read_text() == "new" and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_folder_and_missing_folder_are_refused(tmp_path):
    with pytest.raises(LlamalineError, match="it is a folder"):
        check_output(tmp_path)
    with pytest.raises(LlamalineError, match="does not exist"):
        check_output(tmp_path / "nope" / "out.json")


def test_unencodable_text_leaves_no_temporary_file(tmp_path):
    with pytest.raises(LlamalineError, match="not valid Unicode"):
        write_atomic(tmp_path / "x.json", "M\udce4rz")
    assert list(tmp_path.iterdir()) == []


def test_markup_in_corpus_names_is_printed_verbatim(runner, bundled_copy):
    import json
    import re

    from llamaline.cli import app

    manifest = bundled_copy / "sources.toml"
    text = re.sub(r'(\[".*?"\]\n)', r'\1outlet = "[/]Reuters [bold]"\n', manifest.read_text(encoding="utf-8"))
    manifest.write_text(re.sub(r'\noutlet = "(?!\[/\])[^"]*"', "", text), encoding="utf-8")
    entities = bundled_copy / "entities.toml"
    entities.write_text(entities.read_text(encoding="utf-8").replace('name = "Meta"\n', 'name = "[/]Meta"\n'),
                        encoding="utf-8")
    corpus = ["--corpus", str(bundled_copy)]
    data = json.loads(runner.invoke(app, ["export", *corpus]).stdout)
    event = next(e for e in data["events"] if "[/]Meta" in e["subjects"] and len(e["sources"]) > 1)
    outputs = []
    for args in (["timeline"], ["sources", "--event", event["id"]], ["claims"]):
        result = runner.invoke(app, [*args, *corpus])
        assert result.exit_code == 0 and "Error" not in result.output, (args, result.output)
        outputs.append(result.stdout)
    assert "[/]Meta" in outputs[0] and "[/]Reuters [bold]" in outputs[1]
    tagged = runner.invoke(app, ["tag", "-", "--published", "2025-05-01"],
                           input="[/]Reuters meldete am [b]5. Mai[/b].\n")
    assert tagged.exit_code == 0, tagged.output
