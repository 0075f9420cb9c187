"""What screens, dialogs and widgets need of the app: `Companion`, and `companion_of()` to reach it.

The interface depends on this small Protocol, not on `ui/app.py`: a widget
that typed `self.app` as `CompanionApp` pulled the whole app (and every area
it names) into its types, and the app imports those widgets. `CompanionApp`
satisfies the Protocol: mypy checks it (the assignment under TYPE_CHECKING at
the end of ui/app.py), so a name used here and renamed there is caught.

Everything else a node needs of the app is Textual's own (`self.app`:
push_screen, notify, switch_mode...).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from imr_companion.models import Settings
    from imr_companion.store import Database
    from imr_companion.store.undo import UndoHistory


class Companion(Protocol):
    """IMR Companion's own part of the app: its data, the person's settings, undo, the together mark."""

    @property
    def database(self) -> Database: ...

    @property
    def settings(self) -> Settings:
        """The person's settings (validated when first asked, after the first frame)."""
        ...

    def save_settings(self, **changes: object) -> bool:
        """Save changed settings; False (and a calm notice) when they could not be kept."""
        ...

    @property
    def undo_history(self) -> UndoHistory:
        """Every change of this session that ctrl+z can put back."""
        ...

    @property
    def together_with(self) -> str | None:
        """The contact person's name while filling in together (ctrl+g), else None."""
        ...

    @property
    def data_folder(self) -> Path: ...

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the app's first frame is on screen."""
        ...

    def refresh_areas(self) -> None:
        """Ask every open area to show the stored data again."""
        ...

    def read_handout(self, handout_id: str, section_id: str | None = None) -> None:
        """The handout reader on top of the screen in front."""
        ...

    def open_coping(self, screen: str = "toolbox:ToolboxScreen") -> None:
        """Things that help me (or the plan after signs), on top of the screen in front."""
        ...

    def leave_welcome(self) -> None: ...

    def action_undo(self) -> None: ...

    def action_help_now(self) -> None: ...

    def action_together(self) -> None: ...

    def action_together_menu(self) -> None: ...


def companion_of(node: DOMNode) -> Companion:
    """The app `node` belongs to (or the app itself), as IMR Companion's own."""
    return cast("Companion", node.app)
