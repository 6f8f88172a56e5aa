"""`models.constructed` sets what `model_construct` sets, for the models built with it."""

from datetime import date

import pytest

from llamaline.models import Conflict, Event, Mention, TimeSpan, constructed

SPAN = TimeSpan(edtf="2025-04", start=date(2025, 4, 1), end=date(2025, 4, 30), precision="month")
MENTION = dict(source="a", quote="Q.", start=0, end=2, time_text="April", when=SPAN, attributed_to=None,
               time_start=0, time_end=5, modality="happened", type="release", subjects=["X"], trigger="released",
               published=None, dated_by=None)


@pytest.mark.parametrize("model, fields", [
    (Mention, MENTION),
    (Event, dict(id="2025-04-x-release", type="release", title="X released", subjects=["X"], when=SPAN,
                 sources=["a"], mentions=[Mention(**MENTION)], conflicts=[Conflict(field="when", detail="d")],
                 origins=["a"], modality="planned")),
])
def test_constructed_is_model_construct(model, fields):
    assert list(fields) == list(model.model_fields)  # every field, in the declared order
    fast, slow = constructed(model, dict(fields)), model.model_construct(**fields)
    assert fast == slow
    assert list(fast.__dict__) == list(slow.__dict__)
    assert fast.model_fields_set == slow.model_fields_set
    assert (fast.__pydantic_extra__, fast.__pydantic_private__) == (slow.__pydantic_extra__, slow.__pydantic_private__)
    assert fast.model_dump_json() == slow.model_dump_json() == model.model_validate(fields).model_dump_json()
    assert repr(fast) == repr(slow)
