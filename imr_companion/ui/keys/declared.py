"""Every key of the app, its areas, Help now and the most used screens, declared once.

Each screen's BINDINGS is its group here (`MOMENTS.bindings()`); ctrl+p's list,
the key list and the keys file read the same declarations. Ids are
"group.name" and stay as they are (a person's keys file names them); words are
English marked N_(), translated where they are drawn. Today's cards are in
cards.py; screens not named here declare their keys beside it: dialogs.py (the editors, questions,
the welcome, the unlock window...), together.py (the together pages) and tools.py
(things that help me, the self-check, the group).

Imported by Today before its first frame: plain data, nothing heavy.
"""

from __future__ import annotations

from imr_companion.areas import in_bar
from imr_companion.i18n import N_
from imr_companion.ui.keys.action import Action, Keys

RESERVED_KEYS = ("f1", "escape", "ctrl+q")
"""Keys no other action may be given: Help now, going back and quitting work
whatever the keys file says (keymap.py), so a file can never lock a person out."""

APP = Keys(
    "app",
    # Help now must work from every screen, even while typing: F1 is not used
    # by Input or TextArea, and priority puts it before them.
    Action(
        "help_now",
        "f1",
        "help_now",
        N_("Help now"),
        help=N_("Your own steps, people and numbers, from anywhere"),
        show=False,
        priority=True,
        fixed=True,
    ),
    Action(
        "theme",
        "ctrl+t",
        "change_theme",
        N_("Theme"),
        palette=N_("Colours and contrast"),
        help=N_("Dark, light, high contrast..."),
        show=False,
    ),
    Action(
        "together",
        "ctrl+g",
        "together",
        N_("Together"),
        help=N_("Fill in together with a contact person: start or end"),
        show=False,
        in_palette=False,
    ),
    Action(
        "together_menu",
        "f2",
        "together_menu",
        N_("Together"),
        help=N_("Since we last met, a session, notes, share or print"),
        show=False,
        in_palette=False,
    ),
    Action(
        "quit",
        "ctrl+q",
        "quit",
        N_("Quit"),
        help=N_("Close IMR Companion; everything is saved"),
        priority=True,
        fixed=True,
    ),
    # Not a priority: a text box's own ctrl+z takes back typing there.
    Action(
        "undo",
        "ctrl+z",
        "undo",
        N_("Undo"),
        palette=N_("Undo the last delete, let go or done"),
        show=False,
        in_palette=False,
    ),
    # Named here so the footer says what it is: Textual's own calls it "palette".
    Action(
        "more",
        "ctrl+p",
        "command_palette",
        N_("More"),
        palette=N_("All actions"),
        show=False,
        priority=True,
        in_palette=False,
    ),
)

AREA_KEYS = Keys(
    "area",
    *(
        Action(
            area.mode,
            area.key,
            f"open_area('{area.mode}')",
            area.title,
            show=False,
            in_palette=False,
            fixed=True,
        )
        for area in in_bar()
        if area.key
    ),
)
"""The digits of the bar's areas (the app's keys): "area.today" .. "area.plan". Fixed: the area bar,
Today's footer ("1-6") and sentences ("press its number") name them by their numbers."""

HELP_NOW = Keys(
    "help_now",
    Action("back", "escape", "back", N_("Back"), fixed=True),
    Action("add_number", "a", "add_number", N_("Add a number")),
    Action("emergency", "e", "emergency", N_("Emergency number")),
    Action("open_plan", "p", "open_plan", N_("My plan")),
    Action("toolbox", "t", "toolbox", N_("Things that help me")),
)

TODAY = Keys(
    "today",
    Action(
        "to_cards",
        "tab",
        "to_cards",
        N_("Cards"),
        palette=N_("Move to the cards below, where their keys work"),
    ),
    Action("to_cards_down", "down", "to_cards", N_("Cards"), show=False, in_palette=False),
    # The footer says how to reach the areas, since the digits type while writing.
    Action("leave_field", "escape", "leave_field", N_("then 1-6: areas"), key_display="esc", fixed=True),
    Action("to_field", "escape", "to_field", N_("Back to writing"), fixed=True),
    Action("card_up", "up", "card_up", N_("Up"), show=False, in_palette=False),
    Action("card_up_tab", "shift+tab", "card_up", N_("Up"), show=False, in_palette=False),
    Action("card_down", "down", "card_down", N_("Down"), show=False, in_palette=False),
    Action("card_down_tab", "tab", "card_down", N_("Down"), show=False, in_palette=False),
    # Shown once the field is left, where the digits open the areas (they are
    # the app's keys; 1 is Today, where the person already is).
    Action("areas", "1", "areas", N_("Areas"), key_display="1-6", in_palette=False),
    Action("write", "tab", "write", N_("Write"), show=False, in_palette=False),
)

MOMENTS = Keys(
    "moments",
    Action("edit", "e", "edit", N_("Change")),
    Action("delete", "d", "delete", N_("Delete")),
    Action("search", "slash", "search", N_("Search")),
    Action("month_back", "left_square_bracket", "month(-1)", N_("Month back")),
    Action("month_on", "right_square_bracket", "month(1)", N_("Month on")),
    Action("clear_search", "escape", "clear_search", N_("Clear search"), show=False, fixed=True),
)


def _goal_key(name: str, key: str, footer: str, where: str, when: str = "") -> Action:
    # Shown in the footer where it belongs (the goal list or the ladder) and
    # working from both: the screen's check_action picks which copy is active.
    return Action(name, key, f"{name}('{where}')", footer, when=when, also=(f"{name}('any')",))


# When the goals' keys work (ui/goals/keys.py: key_works decides it).
_OPEN_STEP = N_("on a step not done yet")


GOALS = Keys(
    "goals",
    _goal_key("new_goal", "n", N_("New goal"), "list"),
    _goal_key("add_step", "a", N_("Add step"), "ladder"),
    Action("change", "e", "change", N_("Change")),
    Action("enter", "enter", "enter", N_("Open"), show=False),
    Action("done", "space", "done", N_("Done"), when=_OPEN_STEP),
    Action("not_done", "space", "not_done", N_("Not done yet"), when=N_("on a step done")),
    Action("move_up", "shift+up", "move(1)", N_("Move"), key_display="⇧↑↓"),
    Action("move_down", "shift+down", "move(-1)", N_("Move down"), show=False),
    Action("practice", "p", "practice", N_("Practice"), when=_OPEN_STEP),
    _goal_key("make_current", "c", N_("Make current"), "list", N_("on a goal that is not the current one")),
    _goal_key("reach", "r", N_("Reached"), "list", N_("on a goal not reached yet")),
    _goal_key("reopen", "o", N_("Reopen"), "list", N_("on a reached goal")),
    _goal_key("delete", "d", N_("Delete"), "list"),
    Action("focus_ladder", "right", "focus_ladder", N_("Steps"), show=False),
    Action("focus_list", "left", "focus_list", N_("Goals"), show=False),
)

HANDOUTS = Keys(
    "handouts",
    Action("continue", "c", "continue", N_("Continue")),
    Action("practice", "p", "practice", N_("This week's practice")),
    Action(
        "group", "g", "group", N_("My group"), palette=N_("My group or meeting day, and the group's module")
    ),
)

# The footer fits 80 columns: the sheet (chosen once, asked at the start), "Add task" (the
# practice section has its own Add buttons) and Save (answers are kept as they are written)
# are in ctrl+p's list instead, and their keys work as before.
READER = Keys(
    "reader",
    Action("next", "n,right", "turn(1)", N_("Next")),
    Action("back", "b,left", "turn(-1)", N_("Back")),
    # Named keys, not letters: a word typed here marks nothing done (Tab to a task's Add to add it).
    Action("mark_done", "ctrl+x", "mark_done(True)", N_("Mark done")),
    Action("not_done", "ctrl+x", "mark_done(False)", N_("Not done")),
    Action("sheet", "s", "choose_sheet", N_("Sheet"), show=False, when=N_("where the module has sheets")),
    Action("practice", "p", "practice", N_("Practice"), when=_OPEN_STEP),
    Action("words", "w", "words", N_("Words"), palette=N_("The words of this module and what they mean")),
    Action("save", "ctrl+s", "save", N_("Save"), show=False),
    Action("leave", "escape", "leave", N_("Library"), fixed=True),
)

IN_LIST = N_("in the list")
WRITING_A_TASK = N_("while writing a task")
PRACTICE = Keys(
    "practice",
    Action(
        "to_list",
        "tab,down",
        "to_list",
        N_("The list"),
        palette=N_("Move to the list, where its keys work"),
        when=WRITING_A_TASK,
    ),
    # Named keys, not letters: a word typed here by mistake ticks nothing and lets nothing go.
    Action("done", "ctrl+x", "mark('done')", N_("Done"), when=IN_LIST),
    Action("let_go", "ctrl+l", "mark('let_go')", N_("Let go"), when=IN_LIST),
    Action("add", "a", "add", N_("Add"), when=IN_LIST),
    Action("change", "e", "edit", N_("Change"), when=IN_LIST),
    Action("delete", "d", "delete", N_("Delete"), when=IN_LIST),
    Action("leave", "escape", "leave", N_("Back"), fixed=True),
)
"""This week's practice (ui/handouts/practice.py)."""

# Where the list and the map do not fit side by side.
_NARROW = N_("on a narrow screen")
NETWORK = Keys(
    "network",
    Action("add", "a", "add", N_("Add"), palette=N_("Add a person")),
    Action("edit", "e", "edit", N_("Change"), palette=N_("Change this person")),
    Action("edit_enter", "enter", "edit", N_("Change"), palette=N_("Change this person"), show=False),
    Action("remove", "d", "remove", N_("Remove"), palette=N_("Remove this person")),
    Action("closer", "i", "move(-1)", N_("Closer"), palette=N_("Move closer")),
    Action("further", "o", "move(1)", N_("Further"), palette=N_("Move further")),
    Action("next_area", "right_square_bracket", "area(1)", N_("Area"), palette=N_("Next life area")),
    Action(
        "previous_area",
        "left_square_bracket",
        "area(-1)",
        N_("Area back"),
        palette=N_("Previous life area"),
        show=False,
    ),
    # The marks are in the editor too; their keys are shortcuts, kept out of a full footer.
    # Named keys, not letters: a word typed here marks nobody.
    Action(
        "notices_signs",
        "ctrl+w",
        "mark('notices_signs')",
        N_("Notices signs"),
        palette=N_("Mark: notices my early warning signs"),
        show=False,
    ),
    Action(
        "call_for_help",
        "ctrl+k",
        "mark('call_for_help')",
        N_("Call for help"),
        palette=N_("Mark: I call them when I need help"),
        show=False,
    ),
    Action("list", "v", "switch_view('list')", N_("List"), palette=N_("Switch list and map"), when=_NARROW),
    Action("map", "v", "switch_view('map')", N_("Map"), palette=N_("Switch list and map"), when=_NARROW),
)

PLAN = Keys(
    "plan",
    Action("add", "a", "entry('add')", N_("Add")),
    Action("change", "e", "entry('change')", N_("Change")),
    Action("remove", "d", "entry('remove_entry')", N_("Remove")),
    Action("move_up", "shift+up", "entry('move_up')", N_("Move"), key_display="⇧↑↓"),
    Action("move_down", "shift+down", "entry('move_down')", N_("Move down"), key_display="⇧↓", show=False),
    Action("review", "r", "review", N_("Look over"), palette=N_("Look over my plan")),
    Action("history", "h", "history", N_("Check-ins"), palette=N_("My check-ins")),
    Action("toolbox", "t", "toolbox", N_("Things that help me"), show=False),
    Action(
        "versions", "v", "versions", N_("Versions"), palette=N_("Earlier versions of my plan"), show=False
    ),
    Action("reminders", "s", "reminders", N_("Reminders"), palette=N_("When my plan reminds me"), show=False),
    Action("save_file", "x", "save_file", N_("Save"), palette=N_("Save my plan as a file")),
    Action("enter", "enter", "enter", N_("Change"), show=False),
    Action(
        "to_entries",
        "right",
        "to_entries",
        N_("Entries"),
        palette=N_("What is written in this section"),
        show=False,
    ),
    Action(
        "to_sections",
        "left,escape",
        "to_sections",
        N_("Sections"),
        palette=N_("Back to the list of sections"),
        show=False,
        fixed=True,
    ),
)

REVIEW = Keys(
    "review",
    Action("next", "y", "next", N_("Next")),
    Action("back", "b", "back", N_("Back")),
    Action("add", "a", "entry('add')", N_("Add")),
    # Change and Remove are on the buttons under the list: the footer keeps room for Quit.
    Action("change", "e", "entry('change')", N_("Change"), show=False),
    Action("remove", "d", "entry('remove_entry')", N_("Remove"), show=False),
    Action("move_up", "shift+up", "entry('move_up')", N_("Move up"), show=False),
    Action("move_down", "shift+down", "entry('move_down')", N_("Move down"), show=False),
    Action("change_enter", "enter", "entry('change')", N_("Change"), show=False),
    Action("stop", "escape", "stop", N_("Stop for now"), fixed=True),
)
"""Looking the plan over (ui/plan/review.py)."""

CHECKINS = Keys(
    "checkins",
    Action("earlier", "left_square_bracket", "move(-1)", N_("Earlier")),
    Action("later", "right_square_bracket", "move(1)", N_("Later")),
    Action("back", "escape", "back", N_("Back"), fixed=True),
)
"""The check-in history (ui/plan/checkin_history.py)."""

EVERYWHERE = (APP, AREA_KEYS)
"""Keys that work on every screen (the app's own)."""
SCREENS = (
    HELP_NOW,
    TODAY,
    MOMENTS,
    GOALS,
    HANDOUTS,
    READER,
    PRACTICE,
    NETWORK,
    PLAN,
    REVIEW,
    CHECKINS,
)
"""Each a screen's own keys: two actions there never share a key by the keys file.
Today's cards are in cards.py, the other screens' in dialogs.py, together.py and tools.py."""
