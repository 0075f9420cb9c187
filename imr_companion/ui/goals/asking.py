"""The goal screen's questions. The dialogs' module (and the widgets it knows) is imported
when a question is first asked, not as Goals first opens: that import cost the opening ~12 ms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from imr_companion.i18n import _

if TYPE_CHECKING:
    from rich.text import Text

    from imr_companion.ui.common.dialogs.confirm import Confirm


def confirm_reached(question: str | Text) -> Confirm:
    """Asks `question`, answered "Reached" or "Not yet"."""
    from imr_companion.ui.common.dialogs.confirm import Confirm

    return Confirm(question, yes=_("Reached"), no=_("Not yet"))


def confirm_then_remove(*args: Any, **kwargs: Any) -> None:
    """As `ui.common.dialogs.confirm.confirm_then_remove`."""
    from imr_companion.ui.common.dialogs import confirm as dialogs

    dialogs.confirm_then_remove(*args, **kwargs)
