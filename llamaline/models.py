"""Pydantic models of llamaline; the JSON export is `Timeline.model_dump(mode="json", by_alias=True)`."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .events.types import names as event_type_names

SCHEMA = "llamaline.timeline/1"

Precision = Literal["day", "month", "season", "quarter", "year", "interval"]

# The event types come from the registry (events/types.toml), in its order.
EVENT_TYPES: tuple[str, ...] = event_type_names()
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]

# What the words say about the span beyond its bounds ("Anfang", "frühestens", "etwa", "bis").
Modifier = Literal["start", "mid", "end", "approximate", "before", "after", "not_before", "not_after"]

# Whether a mention reports something that happened, or a plan, an expectation, a consideration, a denial.
Modality = Literal["happened", "planned", "expected", "considered", "denied"]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


def constructed(model: type[_M], fields: dict[str, Any]) -> _M:
    """`model.model_construct(**fields)` where `fields` holds every field of the model, in the order the model
    declares them, with values valid by construction. `model_construct` looks at each field for aliases and
    defaults in Python, which makes it a sizeable share of extraction (one Mention per event found) and of
    reconciling (one Event per event); this sets what it would set. tests/test_models.py checks that both agree."""
    instance = model.__new__(model)
    _set(instance, "__dict__", fields)
    _set(instance, "__pydantic_fields_set__", set(fields))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


class TimeSpan(_Model):
    """A stretch of calendar time with inclusive bounds; EDTF for exchange, dates for arithmetic."""

    edtf: str
    start: date
    end: date
    precision: Precision

    def contains(self, other: TimeSpan) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: TimeSpan) -> bool:
        return self.start <= other.end and other.start <= self.end


class TimeExpression(_Model):
    """One time expression found in a text; `text == source[start:end]`."""

    text: str
    start: int
    end: int
    kind: Literal["date", "range", "duration", "present"] = "date"
    when: TimeSpan | None = None
    modifier: Modifier | None = None
    # False when the words need an anchor (a publication date) that was not there.
    resolved: bool = True
    # TIMEX3: DATE, TIME, DURATION or SET, and the value in TIMEX3 notation ("1998-01-20", "1989-Q3",
    # "P3M", "1998-01-20TEV", "PAST_REF" ...); None where the tagger could not say.
    type: Literal["DATE", "TIME", "DURATION", "SET"] | None = None
    value: str | None = None
    # The signal word before the expression that gives it its bound ("bis", "since"), outside the
    # extent as TIMEX3 draws it; the bound itself is `modifier`.
    signal: str | None = None
    signal_start: int | None = None  # where the signal starts: text[signal_start:start] holds it
    # What a relative or year-less expression was read against: the publication date, or the story's
    # own time (the closest preceding explicit date, where the narrative has moved away from it).
    anchor: Literal["published", "story"] | None = None
    # A range ("3. bis 5. Mai", "from 1990 to 1995") as the two TIMEX3 expressions it is made of; the
    # range itself then has no TIMEX3 value of its own (its span is `when`).
    parts: tuple[TimeExpression, ...] = ()


class Reference(_Model):
    """An entry of a source's reference list: a citation, not an event."""

    title: str | None = None
    url: str | None = None
    published: TimeSpan | None = None


class Source(_Model):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str
    path: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published: TimeSpan | None = None
    # Extensions of llamaline.timeline/1:
    inferred: list[str] = Field(default_factory=list, description="metadata keys inferred from the text")
    encoding: str = "utf-8"
    extra: dict[str, Any] = Field(default_factory=dict, description="unknown metadata keys, kept")
    references: list[Reference] = Field(default_factory=list)


class SkippedFile(_Model):
    path: str
    reason: str


class Mention(_Model):
    """One sentence of one source that reports an event."""

    source: str
    quote: str
    start: int
    end: int
    time_text: str | None = None
    when: TimeSpan | None = None
    attributed_to: str | None = None
    # Extensions of llamaline.timeline/1:
    time_start: int | None = Field(None, description="offset of time_text in the source text")
    time_end: int | None = None
    modality: Modality = "happened"
    type: EventType = "other"
    subjects: list[str] = Field(default_factory=list)
    trigger: str | None = Field(None, description="the word that gave the event type")
    published: TimeSpan | None = Field(None, description="publication date of the citing source")
    dated_by: Literal["publication", "story"] | None = Field(
        None, description="'publication': the text gives no time; news dated by the publication (a span ending on it); "
                          "'story': the sentence gives no time; dated by the time the sentence before tells of")


class Conflict(_Model):
    field: str
    detail: str


class Event(_Model):
    id: str
    type: EventType
    title: str
    subjects: list[str]
    when: TimeSpan
    sources: list[str]
    mentions: list[Mention]
    conflicts: list[Conflict] = Field(default_factory=list)
    # Extension: distinct outlets or sources the mentions trace back to ("laut FT" -> FT).
    origins: list[str] = Field(default_factory=list)
    # Extension: "planned" for a plan or expectation with a target date (its own event beside the happening).
    modality: Literal["happened", "planned"] = "happened"


class ClaimValue(_Model):
    """A normalised value: a number with unit and bound, a target date, or a status."""

    kind: Literal["number", "date", "status"]
    text: str = Field(description="the value as written")
    number: float | None = None
    unit: str | None = None
    bound: Literal["exact", "up_to", "at_least", "approximate"] = "exact"
    when: TimeSpan | None = None
    status: str | None = None
    modifier: Modifier | None = None


class Claim(_Model):
    """One source's statement of a value about a subject, cited like a mention."""

    subject: str
    attribute: str
    value: ClaimValue
    source: str
    quote: str
    start: int
    end: int
    value_start: int | None = None
    value_end: int | None = None
    attributed_to: str | None = None
    published: TimeSpan | None = None


class ClaimTrack(_Model):
    """The claims on one subject and attribute across sources, by publication date, and how they relate."""

    subject: str
    attribute: str
    verdict: Literal["single", "agree", "disagree", "changed"]
    detail: str = ""
    claims: list[Claim]


class Timeline(_Model):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["llamaline.timeline/1"] = Field(SCHEMA, alias="schema")
    sources: list[Source]
    events: list[Event]
    # Extensions: undated mentions that joined no event, and files not read.
    unplaced: list[Mention] = Field(default_factory=list)
    claims: list[ClaimTrack] = Field(default_factory=list)
    skipped: list[SkippedFile] = Field(default_factory=list)
