"""The README's example outputs are real: each block is the command's output, regenerated with --update-golden."""

from __future__ import annotations

import re
import shlex

from conftest import ROOT
from llamaline.cli import app

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- output: (?P<command>.+?) -->\n```\n)(?P<output>.*?)(```)", re.S)


def run_documented(runner, command: str) -> str:
    stdin = None
    if " | " in command:
        feed, command = command.split(" | ", 1)
        stdin = shlex.split(feed)[1] + "\n"
    args = shlex.split(command)
    assert args[0] == "llamaline"
    result = runner.invoke(app, args[1:], input=stdin, env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, (command, result.output)
    return result.stdout


def test_readme_examples_show_real_output(runner, update_golden):
    text = README.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert len(blocks) >= 4
    if update_golden:
        text = BLOCK.sub(lambda m: m.group(1) + run_documented(runner, m.group("command")) + m.group(4), text)
        README.write_text(text, encoding="utf-8")
        return
    for block in blocks:
        assert block.group("output") == run_documented(runner, block.group("command")), (
            f"README output of {block.group('command')!r} is stale: run pytest --update-golden")


def test_readme_python_example_runs(capsys) -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- python-example -->\n```python\n(.*?)```", text, re.S)
    assert found, "the README's Python API section has no example"
    exec(compile(found.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "conference" in printed and "2024-06-21" in printed

