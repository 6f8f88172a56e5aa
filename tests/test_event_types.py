"""The event-type registry: one entry per type, read by extraction, the reconciler, titles and the models."""

from __future__ import annotations

import pytest

from llamaline import lang
from llamaline.events.ids import title
from llamaline.events.types import Role, absorbed_by, group_of, names, registry, with_role
from llamaline.models import EVENT_TYPES, Event


def test_the_models_list_the_registry_types_in_order() -> None:
    assert EVENT_TYPES == names()
    assert EVENT_TYPES[0] == "announcement" and EVENT_TYPES[-1] == "other"
    schema = Event.model_json_schema()
    assert schema["properties"]["type"]["enum"] == list(names())


@pytest.mark.parametrize("code", lang.languages())
def test_every_type_has_trigger_words_in_every_language(code: str) -> None:
    triggers = lang.load(code, "events")["triggers"]
    assert set(triggers) == set(names())


def test_announcing_and_releasing_are_one_happening() -> None:
    assert group_of("announcement") == group_of("release") != group_of("delay")
    assert group_of("departure") != group_of("hiring")


def test_roles() -> None:
    assert with_role(Role.UNTYPED) == ("other",)
    assert "delay" in with_role(Role.DECISION)
    assert {"statement", "report", "announcement"} <= set(with_role(Role.COMMUNICATION))
    assert all(x in names() for absorbed in absorbed_by().values() for x in absorbed)


@pytest.mark.parametrize(("event_type", "subjects", "kinds", "expected"), [
    ("departure", ["Anna Berg", "Acme"], {"Anna Berg": "person", "Acme": "organisation"}, "Anna Berg leaves Acme"),
    ("hiring", ["Anna Berg", "Acme"], {"Anna Berg": "person", "Acme": "organisation"}, "Acme hires Anna Berg"),
    ("departure", ["Anna Berg"], {"Anna Berg": "person"}, "Anna Berg leaves"),
    ("delay", ["Falke 2"], {"Falke 2": "product"}, "Falke 2 delayed"),
    ("release", [], {}, "unnamed subject released"),
])
def test_titles_say_what_happened(event_type: str, subjects: list[str], kinds: dict, expected: str) -> None:
    assert title(event_type, subjects, kinds) == expected


def test_a_malformed_entry_is_named() -> None:
    from llamaline.events.types import _event_type

    with pytest.raises(ValueError, match=r"\[delay\] has unknown key 'colour'"):
        _event_type("delay", {"colour": "red"})
    assert registry()["delay"].role is Role.DECISION
