"""The keys of the dialogs and the screens outside the areas, declared once.

The editors' Save and Cancel, the question before a change, the restore
offer, the check-in, the welcome, the plan's versions, the handout reader's
words and sheets, and the unlock window. Like declared.py: ids "group.name"
that a person's keys file names, English words marked N_(), translated where
drawn. Not imported before Today's first frame (keymap.every_group reads
this module only when a keys file or a list of keys asks).
"""

from __future__ import annotations

from imr_companion.i18n import N_
from imr_companion.ui.keys.action import Action, Keys

EDITOR = Keys(
    "editor",
    Action("save", "ctrl+s", "save", N_("Save"), help=N_("Keep what is written here and close")),
    Action("cancel", "escape", "cancel", N_("Cancel"), fixed=True),
)
"""Every editor (ui/common/dialogs/dialog.py: EditorDialog); an editor's own keys are beside these."""

CONFIRM = Keys(
    "confirm",
    # The safe answer, by a letter: the other answer is never a letter (ARCHITECTURE "Asking first").
    Action("keep", "n", "answer(False)", N_("Keep"), show=False),
    Action("keep_escape", "escape", "answer(False)", N_("Keep"), show=False, fixed=True),
)
"""The question before a change (ui/common/dialogs/confirm.py)."""

RESTORE_OFFER = Keys(
    "restore_offer",
    Action("restore", "ctrl+r", "answer('restore')", N_("Restore")),
    Action("later", "n", "answer('later')", N_("Not now")),
    Action("later_escape", "escape", "answer('later')", N_("Not now"), show=False, fixed=True),
)
"""The offer at the start to bring back a good copy (ui/restore.py)."""

RESTORE_CHOOSER = Keys("restore_chooser", Action("cancel", "escape", "cancel", N_("Cancel"), fixed=True))

CHECKIN = Keys(
    "checkin",
    Action("none_today", "ctrl+n", "none_today", N_("None today"), help=N_("No warning signs today")),
    beside=(EDITOR,),
)
"""The check-in (ui/plan/checkin.py), an editor."""

VERSIONS = Keys("versions", Action("back", "escape", "back", N_("Back"), fixed=True))
"""Earlier versions of my plan (ui/plan/versions.py)."""

WELCOME = Keys(
    "welcome",
    Action("start", "escape", "start", N_("Start"), fixed=True),
)
"""A first run's welcome (ui/today/welcome.py)."""

WORDS = Keys(
    "words",
    Action("back", "escape", "close", N_("Back to reading"), fixed=True),
    Action("back_w", "w", "close", N_("Back to reading"), show=False, in_palette=False),
)
"""The words of a module (ui/handouts/words.py): w opens it from the reader and closes it."""

SHEET_CHOOSER = Keys("sheet_chooser", Action("later", "escape", "later", N_("Not now"), fixed=True))
"""Choosing a handout's sheet (ui/handouts/sheet_chooser.py)."""

UNLOCK = Keys(
    "unlock",
    # Before the data is open: Help now and quitting work as everywhere else.
    Action("help_now", "f1", "help_now", N_("Help now"), priority=True, fixed=True),
    Action("quit", "ctrl+q", "quit", N_("Quit"), priority=True, fixed=True),
)
"""The unlock window (ui/unlock/app.py), its own app before the data is open."""

LOCKED_HELP = Keys("locked_help", Action("back", "escape", "back", N_("Back"), fixed=True))

GROUPS = (
    EDITOR,
    CONFIRM,
    RESTORE_OFFER,
    RESTORE_CHOOSER,
    CHECKIN,
    VERSIONS,
    WELCOME,
    WORDS,
    SHEET_CHOOSER,
    UNLOCK,
    LOCKED_HELP,
)
