"""What the person would like one supporter to know: the part of the plan meant for them.

One record per person on the network card (its id is the person's id), so a
supporter sheet written again next year says the same unless it was changed.
"""

from __future__ import annotations

from pydantic import Field

from imr_companion.models.base import LongText, Record

ASK_LIMIT = 1000


class SupporterNote(Record):
    """What the person would like this supporter to do when they notice the signs."""

    asks: LongText = Field(default="", max_length=ASK_LIMIT)
    share_helpers: bool = False
    """The person ticked that this supporter may see how to reach their other helpers."""
    share_coping: bool = False
    """The person ticked that this supporter may see the things that help them, to support them."""
