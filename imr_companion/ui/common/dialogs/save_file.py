"""Asking where to save a file the person chose to write out."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_path
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.field_message import FieldMessage


def default_folder() -> Path:
    documents = user_documents_path()
    return documents if documents.is_dir() else Path.home()


class SaveFilePrompt(ModalScreen[Path | None]):
    """Returns the file to write (its folder exists; replacing a file was agreed), or None."""

    DEFAULT_CSS = """
    SaveFilePrompt { align: center middle; }
    SaveFilePrompt > Vertical {
        width: 76; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    SaveFilePrompt Label { margin-top: 1; }
    SaveFilePrompt .hint { color: $text-muted; margin-top: 1; }
    SaveFilePrompt Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    SaveFilePrompt Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, file_name: str, folder: Path | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.suggested = (folder or default_folder()) / file_name

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Label("Save it as")
            yield Input(str(self.suggested), id="path", select_on_focus=False)
            yield FieldMessage(id="path-message")
            yield Static(
                "A plain text file that prints well and opens in any text editor. "
                "It is private until you choose to share it.",
                classes="hint",
            )
            with Horizontal():
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        message = self.query_one("#path-message", FieldMessage)
        text = self.query_one(Input).value.strip()
        if not text:
            message.say("Please write where to save it, like ~/my-plan.md.", error=True)
            return
        path = Path(text).expanduser().absolute()
        if path.is_dir():
            message.say("That is a folder. Please add a file name at the end, like my-plan.md.", error=True)
            return
        if not path.parent.is_dir():
            message.say(f"There is no folder {path.parent}. Please choose a folder that exists.", error=True)
            return
        message.say("")
        if not path.exists():
            self.dismiss(path)
            return

        def replace(yes: bool | None) -> None:
            if yes:
                self.dismiss(path)

        self.app.push_screen(
            Confirm(f"There is already a file {path.name} there. Replace it?", yes="Replace", no="No"),
            replace,
        )
