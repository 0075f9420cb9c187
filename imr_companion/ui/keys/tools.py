"""The keys of things that help me, the self-check and the IMR group, declared once.

Like declared.py: ids "group.name" that a person's keys file names, English
words marked N_(), translated where drawn. Not imported before Today's first
frame.
"""

from __future__ import annotations

from imr_companion.i18n import N_
from imr_companion.ui.keys.action import Action, Keys
from imr_companion.ui.keys.dialogs import EDITOR

TOOLBOX = Keys(
    "toolbox",
    Action("add", "a", "add", N_("Add"), palette=N_("Add something that helps me")),
    Action("tried", "t", "tried", N_("Tried it"), help=N_("Say how much it helped this time")),
    Action("tried_enter", "enter", "tried", N_("Tried it"), show=False, in_palette=False),
    Action("delete", "d", "delete", N_("Delete")),
    Action("back", "escape", "back", N_("Back"), fixed=True),
    # The app's ctrl+z does not reach a modal screen's keys: the same undo, named here.
    Action("undo", "ctrl+z", "undo", N_("Undo"), show=False, in_palette=False),
)
"""Things that help me (ui/coping/toolbox.py)."""

COPING_ADD = Keys(
    "coping_add",
    Action("choose", "enter", "choose", N_("Add this one"), show=False),
    beside=(EDITOR,),
)
"""Adding something that helps (ui/coping/add.py), an editor."""

TRIED = Keys("tried", Action("cancel", "escape", "cancel", N_("Cancel"), fixed=True))
"""How much it helped (ui/coping/tried.py)."""

SIGNS = Keys(
    "signs",
    Action("help_now", "h", "help_now", N_("Help now")),
    Action("toolbox", "t", "toolbox", N_("Things that help me")),
    Action("back", "escape", "back", N_("Close"), fixed=True),
)
"""Signs noticed in a check-in (ui/coping/signs.py)."""

SELFCHECK = Keys(
    "selfcheck",
    Action("new", "n", "new", N_("New self-check")),
    Action(
        "their_view",
        "v",
        "their_view",
        N_("Their view"),
        palette=N_("The contact person's view, beside mine"),
        when=N_("while filling in together"),
    ),
    Action("choices", "o", "choices", N_("Choices"), palette=N_("Which areas the self-check asks about")),
    Action("back", "escape", "back", N_("Back"), fixed=True),
)
"""The self-check's page (ui/selfcheck/screen.py)."""

SELFCHECK_FORM = Keys(
    "selfcheck_form",
    Action("skip", "s", "skip", N_("Skip"), when=N_("before the last area")),
    Action("back", "b", "back", N_("Back one"), when=N_("after the first area")),
    Action("save", "ctrl+s", "save", N_("Save"), when=N_("at the end, once an area is rated")),
    Action("save_enter", "enter", "save", N_("Save"), show=False, in_palette=False),
    Action("leave", "escape", "leave", N_("Leave"), fixed=True),
)
"""Filling in a self-check (ui/selfcheck/form.py)."""

CHOOSE_MOMENT = Keys("choose_moment", Action("close", "escape", "close", N_("Close"), fixed=True))
"""A good moment to tell the group (ui/group/choose_moment.py)."""

GROUPS = (TOOLBOX, COPING_ADD, TRIED, SIGNS, SELFCHECK, SELFCHECK_FORM, CHOOSE_MOMENT)
