"""The keys of the together pages (ui/together/), declared once.

Like declared.py: ids "group.name" that a person's keys file names, English
words marked N_(), translated where drawn. Not imported before Today's first
frame.
"""

from __future__ import annotations

from imr_companion.i18n import N_
from imr_companion.ui.keys.action import Action, Keys

TOGETHER_PAGE = Keys("together_page", Action("back", "escape", "back", N_("Back"), fixed=True))
"""Since we last met and the other pages with nothing but a way back (ui/together/page.py)."""


def _choice(name: str, key: str, title: str) -> Action:
    # Offered in ctrl+p's list by together_commands, in the menu's own words.
    return Action(name, key, f"choose('{name}')", title, show=False, in_palette=False)


TOGETHER_MENU = Keys(
    "together_menu",
    Action("close", "escape", "close", N_("Close"), fixed=True),
    _choice("together", "g", N_("Filling in together")),
    _choice("since", "s", N_("Since we last met")),
    _choice("session", "w", N_("A session, step by step")),
    _choice("notes", "n", N_("Session notes")),
    _choice("share", "p", N_("Share or print")),
    _choice("supporter", "h", N_("Supporter sheet")),
    _choice("forget", "d", N_("Delete everything")),
)
"""F2's menu (ui/together/menu.py): each choice's key and title."""

SESSION = Keys(
    "session",
    Action("leave", "escape", "back", N_("Leave"), fixed=True),
    Action(
        "back", "ctrl+b", "step(-1)", N_("Back"), help=N_("The step before"), when=N_("after the first step")
    ),
    Action("next", "ctrl+n", "step(1)", N_("Next or skip"), when=N_("before the summary")),
    Action("keep", "ctrl+s", "keep", N_("Keep note"), show=False, when=N_("at the summary")),
)
"""A session, step by step (ui/together/session.py)."""

SESSION_PRACTICE = Keys(
    "session_practice",
    # Named keys, not letters: a word typed here by mistake ticks nothing and lets nothing go.
    Action("done", "ctrl+x", "mark('done')", N_("Done"), palette=N_("Mark this practice done")),
    Action("let_go", "ctrl+l", "mark('let_go')", N_("Let go"), palette=N_("Let this practice go")),
)
"""The list of last week's practice in a session (ui/together/session_practice.py)."""

SESSION_NOTES = Keys(
    "session_notes",
    Action("back", "escape", "back", N_("Back"), fixed=True),
    Action("new_session", "w", "new_session", N_("New session")),
    Action("remove", "x", "remove", N_("Remove"), palette=N_("Remove this note")),
    Action("rhythm", "r", "rhythm", N_("Rhythm"), palette=N_("How often to have a check-up with myself")),
)

SUPPORTER = Keys(
    "supporter",
    Action("back", "escape", "back", N_("Back"), fixed=True),
    Action("save", "ctrl+s", "save", N_("Save as"), palette=N_("Save the sheet as a file")),
)

SHARE = Keys(
    "share",
    Action("back", "escape", "back", N_("Back"), fixed=True),
    Action("save", "ctrl+s", "save", N_("Save as"), palette=N_("Save the page as a file")),
)

GROUPS = (TOGETHER_PAGE, TOGETHER_MENU, SESSION, SESSION_PRACTICE, SESSION_NOTES, SUPPORTER, SHARE)
