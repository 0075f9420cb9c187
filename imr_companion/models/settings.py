"""The person's own preferences, kept in a single record."""

from __future__ import annotations

from imr_companion.models.base import Model, ShortText


class Settings(Model):
    first_name: ShortText = ""
    theme: ShortText = "textual-dark"
    welcomed: bool = False
    """The first-run welcome has been seen."""
    demo: bool = False
    """This folder holds the invented demo person's data, safe to replace."""
