"""The person's own preferences, kept in a single record."""

from __future__ import annotations

from imr_companion.models.base import Model, ShortText


class Settings(Model):
    first_name: ShortText = ""
    theme: ShortText = "dark"
    welcomed: bool = False
    """The first-run welcome has been seen."""
    region: ShortText | None = None
    """Where the person lives: a code of models.emergency.REGIONS; None until chosen (the locale decides)."""
    emergency_number: ShortText = ""
    """The person's own number for an emergency; it comes before the region's in Help now."""
    demo: bool = False
    """This folder holds the invented demo person's data, safe to replace."""
