"""The person's own preferences, kept in a single record."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from imr_companion.models.base import Day, Model, ShortText
from imr_companion.models.group import Meeting


class Settings(Model):
    first_name: ShortText = ""
    theme: ShortText = "dark"
    language: Literal["en", "da"] | None = None
    """The language the app speaks (imr_companion.i18n); None until chosen: the computer's decides."""
    welcomed: bool = False
    """The first-run welcome has been seen."""
    region: ShortText | None = None
    """Where the person lives: a code of models.emergency.REGIONS; None until chosen (the locale decides)."""
    emergency_number: ShortText = ""
    """The person's own number for an emergency; it comes before the region's in Help now."""
    demo: bool = False
    """This folder holds the invented demo person's data, safe to replace."""
    lock_after_minutes: int = Field(default=0, ge=0, le=240)
    """With a passphrase: lock the app after this many idle minutes; 0 never (ui/unlock/idle.py)."""
    checkup_weeks: int = Field(default=0, ge=0, le=26)
    """How often the person would like a session with themselves (weeks); 0 when they have not chosen."""
    selfcheck_months: int = Field(default=0, ge=0, le=24)
    """How often the person would like a self-check (months); 0 when they have not chosen."""
    selfcheck_medicine: bool = False
    """The person has prescribed medicine: the self-check asks about taking it as agreed."""
    selfcheck_more: list[Literal["hospital", "alcohol", "drugs"]] = Field(default_factory=list)
    """The self-check's areas that are off by default and the person turned on."""
    selfcheck_offer: Literal["", "start"] = ""
    """"start" from the end of the welcome until the person does or skips a first self-check."""
    selfcheck_not_now: Day | None = None
    """The day the person said "not now" to a self-check offered on Today."""
    meeting: Meeting | None = None
    """The person's IMR group or fixed day with their contact person (models.group); None: none said."""
    moment_draft: str = ""
    """A good moment being written on Today when the window closed, kept whole (no limit: nothing
    typed is cut); back in Today's field at the next start (ui/closing.py)."""
    words_kept: list[str] = Field(default_factory=list)
    """Words typed in a window (an editor) not saved when the app window closed: shown at the next start."""
    kept_on_close: list[ShortText] = Field(default_factory=list, max_length=20)
    """The areas (modes) where writing was saved as the window closed, said once at the next start."""
