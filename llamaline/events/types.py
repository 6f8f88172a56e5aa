"""The event-type registry (`types.toml`): what extraction, the reconciler, ids and titles, and the models know
of each event type, in one place."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources


class Role(StrEnum):
    HAPPENING = "happening"
    COMMUNICATION = "communication"
    DECISION = "decision"
    UNTYPED = "untyped"


@dataclass(frozen=True)
class EventType:
    name: str
    group: str
    role: Role
    generic: bool = False
    absorbs: tuple[str, ...] = ()
    about: str | None = None  # the kind of subject: product, person, organisation, event
    then_about: str | None = None  # the kind that leads such an event where no subject is of the `about` kind
    title: str = "{s}"
    person_title: str | None = None
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # subject kinds -> template


@cache
def registry() -> dict[str, EventType]:
    """Every event type by name, in the order of the file."""
    data = tomllib.loads(resources.files(__package__).joinpath("types.toml").read_text(encoding="utf-8"))
    types = {name: _event_type(name, entry) for name, entry in data.items()}
    for t in types.values():
        unknown = [x for x in t.absorbs if x not in types]
        if unknown:
            raise ValueError(f"types.toml: {t.name} absorbs unknown type {unknown[0]!r}")
    return types


def _event_type(name: str, entry: dict) -> EventType:
    known = {"group", "role", "generic", "absorbs", "about", "then_about", "title", "person_title", "titles"}
    extra = sorted(set(entry) - known)
    if extra:
        raise ValueError(f"types.toml: [{name}] has unknown key {extra[0]!r}")
    return EventType(
        name=name,
        group=entry.get("group", name),
        role=Role(entry.get("role", Role.HAPPENING.value)),
        generic=entry.get("generic", False),
        absorbs=tuple(entry.get("absorbs", ())),
        about=entry.get("about"),
        then_about=entry.get("then_about"),
        title=entry.get("title", "{s}"),
        person_title=entry.get("person_title"),
        titles={tuple(kinds.split()): template for kinds, template in entry.get("titles", {}).items()},
    )


def names() -> tuple[str, ...]:
    return tuple(registry())


def group_of(event_type: str) -> str:
    return registry()[event_type].group


def with_role(role: Role) -> tuple[str, ...]:
    return tuple(t.name for t in registry().values() if t.role == role)


def generic_types() -> tuple[str, ...]:
    return tuple(t.name for t in registry().values() if t.generic)


def about(kind: str) -> tuple[str, ...]:
    """The types whose events are about a subject of this kind."""
    return tuple(t.name for t in registry().values() if t.about == kind)


def absorbed_by() -> dict[str, tuple[str, ...]]:
    """Type -> the types it absorbs, for the types that absorb any."""
    return {t.name: t.absorbs for t in registry().values() if t.absorbs}
