"""The network card: the people in a person's life, by closeness and life area."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from imr_companion.models.base import LongText, Record, RequiredShortText, ShortText


class Ring(StrEnum):
    VERY_CLOSE = "very_close"
    CLOSE = "close"
    FURTHER = "further"


class LifeArea(StrEnum):
    FAMILY = "family"
    FRIENDS = "friends"
    COMMUNITY = "community"
    """Neighbours and community."""
    ACTIVITIES = "activities"
    """Work, school and activities."""
    SERVICES = "services"
    """Health and support services."""


class Help(StrEnum):
    LISTENING = "listening"
    PRACTICAL = "practical"
    ADVICE = "advice"
    COMPANY = "company"
    CRISIS = "crisis"


class Contact(StrEnum):
    """How often we are in touch."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    NOW_AND_THEN = "now_and_then"
    RARELY = "rarely"


class Wish(StrEnum):
    """Whether the person would like more, less or the same contact."""

    MORE = "more"
    SAME = "same"
    LESS = "less"


class Person(Record):
    name: RequiredShortText = Field(max_length=80)
    area: LifeArea = LifeArea.FRIENDS
    ring: Ring = Ring.CLOSE
    helps_with: list[Help] = Field(default_factory=list, max_length=len(Help))
    contact: Contact | None = None
    wish: Wish | None = None
    reach: ShortText = Field(default="", max_length=80)
    """A phone number or another way to reach them: free text, formats differ by country."""
    note: LongText = Field(default="", max_length=500)
    notices_signs: bool = False
    """Notices my early warning signs (used by the relapse plan)."""
    call_for_help: bool = False
    """I call them when I need help (used by the relapse plan and Help now)."""
