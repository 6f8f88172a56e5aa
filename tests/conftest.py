"""Shared fixtures: a CLI runner, corpus builders, and the --update-golden switch."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"


# Every test computes its timeline; tests of the result cache turn it on for themselves.
os.environ["LLAMALINE_NO_CACHE"] = "1"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED, target)
    return target


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def cast(*folders: Path):
    """A gazetteer of the entities.toml files of these folders, later ones replacing earlier names."""
    from llamaline.text.names import Gazetteer

    entities: dict = {}
    for folder in folders:
        entities.update(Gazetteer.load(folder).entities)
    return Gazetteer(entities)


def one_line_error(result, code: int = 1) -> str:
    """The one line a failed command prints: exit `code`, `llamaline: error: ...` last on stderr, no traceback."""
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("llamaline: error: "), result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output
    return lines[-1]
