"""Setting, changing and removing the passphrase in the app, and the idle minutes.

Argon2 takes about half a second by design: it runs in a thread while the
dialog says so; the files are then written on the app's own thread, where
every save happens, so no save runs beside them.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Static

from imr_companion.i18n import N_, _
from imr_companion.passphrase import folder as sealing
from imr_companion.passphrase.words import forgetting_warning
from imr_companion.store.files import codec, keys
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage

TITLES = {
    "set": N_("Set a passphrase"),
    "change": N_("Change the passphrase"),
    "remove": N_("Remove the passphrase"),
}


def _hidden(name: str) -> Input:
    return Input(id=name, password=True, max_length=1000, compact=True)


class PassphraseDialog(EditorDialog[bool | None]):
    """`kind`: set, change or remove. Dismisses with True once done."""

    DEFAULT_CSS = """
    PassphraseDialog > .dialog { width: 74; }
    PassphraseDialog Checkbox { margin-top: 1; }
    """

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _(TITLES[self.kind])
            if self.kind == "set":
                yield Static("\n".join(forgetting_warning()), classes="hint")
            if self.kind == "change":
                yield Label(_("Your passphrase now, or your recovery key"))
                yield _hidden("old")
            if self.kind == "remove":
                yield Static(
                    _("Your data and its backups are kept as plain files again, as before the passphrase."),
                    classes="hint",
                )
                yield Label(_("Your passphrase, or your recovery key"))
                yield _hidden("old")
            else:
                yield Label(_("A new passphrase"))
                yield _hidden("new")
                yield Label(_("The same passphrase again"))
                yield _hidden("again")
            if self.kind == "set":
                yield TickBox(_("Make a recovery key to write down"), True, id="recovery", compact=True)
            yield FieldMessage(id="passphrase-message")
            yield from self.save_buttons(compact=True)

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def _value(self, name: str) -> str:
        found = self.query(f"#{name}")
        return found.first(Input).value if found else ""

    def save(self) -> None:
        message = self.query_one("#passphrase-message", FieldMessage)
        old, new = self._value("old"), self._value("new")
        if self.kind != "remove" and not new:
            message.say(_("Please write a passphrase."), error=True)
            return
        if self.kind != "remove" and new != self._value("again"):
            message.say(_("The two were not the same. Please write it again."), error=True)
            return
        if self.kind != "set" and not old:
            message.say(_("Please write your passphrase now."), error=True)
            return
        recovery = None
        if self.kind == "set" and self.query_one("#recovery", Checkbox).value:
            recovery = keys.new_recovery_key()
        message.say(_("Just a moment…"))
        self.query_one(".buttons").disabled = True
        self._work(old, new, recovery)

    @work(thread=True, exclusive=True)
    def _work(self, old: str, new: str, recovery: str | None) -> None:
        if self.kind != "set" and not sealing.opens(old):
            self.app.call_from_thread(self._refused)
            return
        if self.kind == "remove":
            self.app.call_from_thread(self._finish, None, None)
            return
        unlocked = sealing.new_key(new, recovery) if self.kind == "set" else sealing.changed_key(new)
        self.app.call_from_thread(self._finish, unlocked, recovery)

    def _refused(self) -> None:
        self.query_one(".buttons").disabled = False
        self.query_one("#passphrase-message", FieldMessage).say(
            _("That passphrase does not open your data. Nothing was changed."), error=True
        )

    def _finish(self, unlocked: codec.Unlocked | None, recovery: str | None) -> None:
        folder = self.companion.data_folder
        try:
            done = sealing.seal(folder, unlocked) if unlocked else sealing.remove_passphrase(folder)
        except OSError:
            self._refused_by_disk()
            return
        self.dismiss(True)
        if self.kind == "remove":
            self.app.notify(_("The passphrase is removed. Your data is plain files again."))
        else:
            self.app.notify(_("Your data is locked with the passphrase."))
        if done.left:
            self.app.notify(
                _("Some files could not be read (they may be damaged) and were left as they are.")
            )
        if recovery is not None:
            self.app.push_screen(
                Confirm(
                    _(
                        "Your recovery key:\n\n    {key}\n\nWrite it down now, or print it: it is not shown "
                        "again. It opens your data in place of the passphrase."
                    ).format(key=recovery),
                    yes=_("I have written it down"),
                    no=None,
                )
            )

    def _refused_by_disk(self) -> None:
        self.query_one(".buttons").disabled = False
        self.query_one("#passphrase-message", FieldMessage).say(
            _("The disk did not take it. Please try again: every file is whole, some still as before."),
            error=True,
        )


class IdleMinutes(EditorDialog[bool | None]):
    """How many idle minutes before the app locks itself; 0 never."""

    def compose(self) -> ComposeResult:
        minutes = self.companion.database.stored_setting("lock_after_minutes", 0)
        with Vertical(classes="dialog") as box:
            box.border_title = _("Lock when idle")
            yield Static(
                _("After this many minutes without a key pressed, the app locks itself."),
                classes="hint",
            )
            yield Label(_("Minutes (0: never)"))
            yield Input(str(minutes), id="minutes", type="integer", max_length=3, compact=True)
            yield FieldMessage(id="minutes-message")
            yield from self.save_buttons(compact=True)

    def save(self) -> None:
        text = self.query_one("#minutes", Input).value.strip() or "0"
        message = self.query_one("#minutes-message", FieldMessage)
        if not text.isdigit() or int(text) > 240:
            message.say(_("Please write a number of minutes from 0 to 240."), error=True)
            return
        if self.companion.save_settings(lock_after_minutes=int(text)):
            self.dismiss(True)
        else:
            message.say(_("That could not be saved just now."), error=True)
