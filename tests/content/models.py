"""The handouts' rules as pydantic models, as content.py had them before it was read without pydantic.

Only for tests (test_plain_content.py): the app reads the handouts with its own checks
(content_format.record and the fields declared in content.py); these models are the
second opinion that the plain reading keeps every rule and gives the same handouts.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from imr_companion.content_format import ID_PATTERN

Slug = Annotated[str, Field(pattern=ID_PATTERN, max_length=30)]
Words = Annotated[str, Field(min_length=1, max_length=200)]


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Content):
    id: Slug
    text: Words


class Exercise(_Content):
    id: Slug
    kind: Literal["text", "list", "checklist", "choice", "rating", "tool"]
    prompt: Words
    hint: str = Field("", max_length=300)
    options: tuple[Option, ...] = ()
    allow_other: bool = False
    low: str = Field("", max_length=40)
    high: str = Field("", max_length=40)
    tool: Literal["goals", "network", "plan", "moments"] | None = None

    @model_validator(mode="after")
    def _fits_kind(self) -> Exercise:
        picks = self.kind in ("checklist", "choice")
        if picks and len(self.options) < 2:
            raise ValueError(f"a {self.kind} needs at least two options")
        if picks and len({o.text for o in self.options}) != len(self.options):
            raise ValueError("the same option is listed twice")
        if not picks and self.options:
            raise ValueError(f"a {self.kind} has no options")
        if self.allow_other and self.kind != "checklist":
            raise ValueError("only a checklist can allow 'other'")
        if (self.kind == "rating") != bool(self.low and self.high):
            raise ValueError("a rating needs both 'low' and 'high' words, and nothing else has them")
        if (self.kind == "tool") != (self.tool is not None):
            raise ValueError("a tool exercise needs 'tool', and nothing else has it")
        return self


class Word(_Content):
    word: Annotated[str, Field(min_length=1, max_length=60)]
    meaning: Words


class Sheet(_Content):
    id: Slug
    title: Words


class Section(_Content):
    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
    title: str
    source: str
    sheet: str | None = None
    exercises: tuple[str, ...] = ()


class Handout(_Content):
    id: Slug
    number: int = Field(ge=1, le=99)
    title: Words
    summary: Words
    minutes: int = Field(ge=1, le=120)
    practice: tuple[Option, ...] = Field(min_length=1, max_length=3)
    language: str = "en"
    sheets: tuple[Sheet, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    words: tuple[Word, ...] = ()
    sections: tuple[Section, ...] = ()
