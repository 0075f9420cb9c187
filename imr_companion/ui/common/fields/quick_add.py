"""Adding a record from a one-line field with Enter: the same rules wherever it happens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.widgets import Input

from imr_companion.i18n import _
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.fields.field_message import FieldMessage

if TYPE_CHECKING:
    from imr_companion.models import Record

# Today's field is drawn before pydantic is imported; saving imports it.
R = TypeVar("R", bound="Record")


def add_from_field(
    field: Input,
    message: FieldMessage,
    build: Callable[[str], R],
    repository: Repository[R],
    saved: str,
) -> R | None:
    """Store `build(field.value)` (stamped for filling in together) and empty the field.

    On empty or refused text, or a failed save, a calm message shows next to
    the field and what was typed stays in it.
    """
    from pydantic import ValidationError

    from imr_companion.models.base import field_messages

    if not field.value.strip():
        message.say(_("Write a few words first, then press Enter."), error=True)
        return None
    try:
        record = repository.add(build(field.value))
    except ValidationError as error:
        message.say(field_messages(error).get("text", _("Please check what you wrote.")), error=True)
        return None
    except SaveError as error:
        message.say(str(error), error=True)
        return None
    field.value = ""
    message.say(saved)
    return record
