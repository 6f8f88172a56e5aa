"""The bundled corpus's named events, each once, with its date and sources (issues 4 and 5)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED
from llamaline.cli import app

A000, A001, A002, A003, A004 = (
    "000_ae96c7f18c7de5f6", "001_90d3bd37a3053b0b", "002_e831337deed064ed", "003_b716d2b00cf8b381", "004_d9441db48cb36866")


@pytest.fixture(scope="module")
def events() -> list[dict]:
    result = CliRunner().invoke(app, ["export"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


def only(events, type_, subject, start_from, start_to):
    found = [e for e in events if e["type"] == type_ and subject in e["subjects"] and e.get("modality") != "planned"
             and start_from <= e["when"]["start"] and e["when"]["end"] <= start_to]  # plans are events of their own
    assert len(found) == 1, [e["id"] for e in found]
    return found[0]


def test_llama_4_announcement_early_april_2025_from_three_articles(events):
    event = only(events, "announcement", "Llama 4", "2025-04-01", "2025-04-30")
    assert event["when"]["end"] <= "2025-04-10"
    assert event["sources"] == [A000, A001, A002]


def test_llamacon_end_of_april_2025_from_two_articles(events):
    event = only(events, "conference", "LlamaCon", "2025-04-01", "2025-04-30")
    assert event["when"]["start"] >= "2025-04-21"
    assert event["sources"] == [A000, A001]


def test_behemoth_delay_reported_by_the_wsj_in_may_2025(events):
    event = only(events, "delay", "Llama 4 Behemoth", "2025-05-01", "2025-05-31")
    assert event["sources"] == [A000, A001, A002]
    assert event["origins"] == ["Wall Street Journal"]
    assert any(m["attributed_to"] == "Wall Street Journal" for m in event["mentions"])


def test_behemoth_abandoned_by_july_2025(events):
    event = only(events, "abandonment", "Llama 4 Behemoth", "2025-07-01", "2025-07-31")
    assert A002 in event["sources"]


def test_lecun_leaves_at_the_turn_of_the_year(events):
    event = only(events, "departure", "Yann LeCun", "2025-12-01", "2026-01-31")
    assert event["sources"] == [A004]
    assert any("Jahreswechsel" == m["time_text"] for m in event["mentions"])


def test_no_event_comes_from_boilerplate_or_references(events):
    text = (BUNDLED / f"{A001}.txt").read_text(encoding="utf-8")
    teasers = text.index("Ähnliche Beiträge")
    assert all(m["start"] < teasers for e in events for m in e["mentions"] if m["source"] == A001)
