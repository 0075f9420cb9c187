"""What a person keeps from the handouts: their answers and how far they have read.

The handouts themselves are content (imr_companion/content.py), not records.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from imr_companion import clock
from imr_companion.models.base import Day, LongText, Record, RequiredShortText, ShortText

ANSWER_LIMIT = 2000
"""Characters in a written answer: a long page, far more than a worksheet line."""
LIST_LINES = 40

ContentId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=30)]
"""An id written in a handout file: a handout's, an exercise's, a sheet's."""
OptionId = ContentId
"""A checklist or choice option's id, the same in every language (the words are looked up)."""
SectionId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A section's id, written in the handout file after its heading."""
AnswerKind = Literal["text", "list", "checklist", "choice", "rating"]

# Which fields hold the value of each kind of exercise; the others stay empty.
VALUE_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text",),
    "list": ("lines",),
    "checklist": ("ticked", "other", "unmatched"),
    "choice": ("choice", "unmatched"),
    "rating": ("rating",),
}


def answer_id(handout: str, exercise: str) -> str:
    """One answer per exercise: the id says which (slugs never hold '_')."""
    return f"{handout}_{exercise}"


class Answer(Record):
    handout: ContentId
    exercise: ContentId
    kind: AnswerKind
    text: Annotated[LongText, Field(max_length=ANSWER_LIMIT)] = ""
    lines: list[RequiredShortText] = Field(default_factory=list, max_length=LIST_LINES)
    ticked: list[OptionId] = Field(default_factory=list, max_length=LIST_LINES)
    """checklist: the ids of the options the person ticked; the words come from the handout."""
    other: ShortText = ""
    """checklist: 'something else', in the person's own words."""
    choice: OptionId | None = None
    """choice: the id of the option chosen."""
    unmatched: list[RequiredShortText] = Field(default_factory=list, max_length=LIST_LINES)
    """checklist and choice: ticks or a choice stored as words (before options had ids) that
    match no option of the handout any more. Kept as they were and shown as ticked, never dropped."""
    rating: int | None = Field(None, ge=1, le=5)
    changed: Day = Field(default_factory=clock.today)
    """The day the person last changed this answer."""

    @model_validator(mode="after")
    def _one_kind_of_value(self) -> Answer:
        own = VALUE_FIELDS[self.kind]
        for kind_fields in VALUE_FIELDS.values():
            for name in kind_fields:
                if name not in own and getattr(self, name) not in ("", None, []):
                    raise ValueError(f"a {self.kind} answer has no {name}")
        return self

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, name) in ("", None, []) for name in VALUE_FIELDS[self.kind])

    def same_value(self, other: Answer) -> bool:
        return all(getattr(self, n) == getattr(other, n) for n in VALUE_FIELDS[self.kind])


class Reading(Record):
    """How far the person is in one handout. Its id is the handout's id."""

    WRITTEN: ClassVar[bool] = False  # what was read, not written: never marked as together

    handout: ContentId
    read: list[SectionId] = Field(default_factory=list, max_length=100)
    """Ids of the sections the person has read to the end (moved on from)."""
    current: SectionId | None = None
    """The section open last."""
    done: bool = False
    done_on: Day | None = None
    sheet: ContentId | None = None
    """The sheet chosen to read ('all' for every sheet); None until chosen."""

    @classmethod
    def of(cls, handout: str) -> Reading:
        return cls(id=handout, handout=handout)

    @model_validator(mode="after")
    def _id_is_the_handout(self) -> Reading:
        if self.id != self.handout:
            raise ValueError("a reading's id is its handout's id")
        if len(set(self.read)) != len(self.read):
            raise ValueError("a section is listed as read twice")
        return self

    def has_read(self, section_ids: list[str]) -> int:
        """How many of `section_ids` (the sections this person reads) are read."""
        read = set(self.read)
        return sum(1 for s in section_ids if s in read)


def last_read(readings: list[Reading]) -> Reading | None:
    """The handout the person was in most recently."""
    return max(readings, key=lambda r: r.updated, default=None)
