"""Asking where to save a file the person chose to write out."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_path
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from imr_companion.i18n import N_, _
from imr_companion.store.files.chosen_file import UnsafePlace, check_place
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput


def default_folder() -> Path:
    documents = user_documents_path()
    return documents if documents.is_dir() else Path.home()


class SaveFilePrompt(EditorDialog[Path | None]):
    """Returns the file to write (its folder exists; replacing a file was agreed), or None."""

    DEFAULT_CSS = stylesheet.beside(__file__, "save_file.tcss")

    MARKDOWN_HINT = N_(
        "A plain text file that prints well and opens in any text editor. "
        "It is not protected: share it only if you choose to."
    )
    """`hint` when none is given; a given hint and `title` are in the person's language already."""

    def __init__(
        self, title: str, file_name: str, folder: Path | None = None, hint: str = MARKDOWN_HINT
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = _(hint) if hint is self.MARKDOWN_HINT else hint
        self.suggested = (folder or default_folder()) / file_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            yield Label(_("Save it as"))
            yield OneLineInput(str(self.suggested), id="path", select_on_focus=False)
            yield FieldMessage(id="path-message")
            yield Static(self.hint, classes="hint")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def has_unsaved_text(self) -> bool:
        # Where to save is not the person's writing: leaving asks nothing.
        return False

    def save(self) -> None:
        message = self.query_one("#path-message", FieldMessage)
        text = self.query_one(Input).value.strip()
        if not text:
            message.say(_("Please write where to save it, like ~/my-plan.md."), error=True)
            return
        path = Path(text).expanduser().absolute()
        if path.is_dir():
            message.say(
                _("That is a folder. Please add a file name at the end, like my-plan.md."), error=True
            )
            return
        if not path.parent.is_dir():
            message.say(
                _("There is no folder {folder}. Please choose a folder that exists.").format(
                    folder=path.parent
                ),
                error=True,
            )
            return
        try:
            # Refused before "Replace it?" is ever asked: the data file, a backup, a link, a device.
            path = check_place(path, self.companion.data_folder)
        except UnsafePlace as unsafe:
            message.say(str(unsafe), error=True)
            return
        message.say("")
        if not path.exists():
            self.dismiss(path)
            return

        def replace(yes: bool | None) -> None:
            if yes:
                self.dismiss(path)

        self.app.push_screen(
            Confirm(
                _("There is already a file {name} there. Replace it?").format(name=path.name),
                yes=_("Replace"),
                no=_("No"),
            ),
            replace,
        )
