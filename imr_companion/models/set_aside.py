"""An entry of the quarantine table: a record the gate refused, kept whole with where it was and why."""

from __future__ import annotations

from typing import Any

from imr_companion.models.base import Model, ShortText


class SetAside(Model):
    """One entry of the quarantine table: a refused record, kept whole."""

    table: ShortText
    record: Any
    reason: ShortText
    set_aside: ShortText
