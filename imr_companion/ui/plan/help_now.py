"""Help now: a way to get help at once, then the person's own people, numbers and steps.

Never empty: before anything is written it shows the emergency number of the
person's region (or their own), and says how to add more. It opens over
whatever is on screen, so nothing that was being typed is lost.
"""

from __future__ import annotations

import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from imr_companion import emergency
from imr_companion.emergency import EmergencyRoute, RouteLine
from imr_companion.i18n import N_, _
from imr_companion.layout.text import cells, pad, shorten
from imr_companion.models.people_to_call import PersonToCall, people_to_call
from imr_companion.models.plan import Plan
from imr_companion.store.queries.plan import load_plan, people_by_id
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.declared import HELP_NOW

NAME_CELLS = 30
COMFORT = N_("When things feel hard, reach out. You do not have to manage alone.")


def route_for(settings) -> EmergencyRoute:
    return emergency.route_for(settings.emergency_number, settings.region, os.environ)


def contact_lines(title: str, pairs: list[tuple[str, str]], add_key: str = "a") -> Text:
    """A heading and 'name   number' rows, the numbers lined up on screen cells and easy to read."""
    text = Text()
    text.append(title + "\n", style="bold underline")
    names = [shorten(name, NAME_CELLS) for name, _number in pairs]
    width = max(cells(name) for name in names)
    for name, (_name, reach) in zip(names, pairs, strict=True):
        text.append("  ")
        text.append(pad(name, width), style="bold")
        text.append("   ")
        if reach:
            text.append(f" {reach} ", style="bold reverse")
        else:
            text.append(_("no number yet: press {key} to add one").format(key=add_key), style="italic")
        text.append("\n")
    return text


def emergency_line(route: EmergencyRoute) -> Text:
    """The first route in bold; in Denmark the routes after it, a line each."""
    text = Text()
    for index, line in enumerate(route.lines):
        text.append_text(_route_line(line, "bold" if index == 0 else ""))
    return text


def _route_line(line: RouteLine, style: str) -> Text:
    text = Text()
    if line.number:
        text.append(line.label + "   ", style=style)
        text.append(f" {line.number} ", style="bold reverse")
    else:
        text.append(line.label, style=style)
    text.append("\n")
    return text


def help_text(
    route: EmergencyRoute,
    plan: Plan,
    callers: list[PersonToCall],
    keys: dict[str, str] | None = None,
    helped: list[tuple[str, str]] | None = None,
) -> Text:
    """What Help now shows; `keys` are the keys of the screen's actions named in its sentences;
    `helped` the things that have helped most (marks, words), from the toolbox."""
    keys = {"add_number": "a", "open_plan": "p", "toolbox": "t", **(keys or {})}
    blocks: list[Text] = [emergency_line(route)]
    if plan.crisis:
        pairs = [(c.name, c.reach) for c in plan.crisis]
        blocks.append(contact_lines(_("Crisis contacts"), pairs, keys["add_number"]))
    if plan.steps:
        steps = Text()
        steps.append(_("What I will do") + "\n", style="bold underline")
        for number, step in enumerate(plan.steps, start=1):
            steps.append(f"  {number}. ", style="bold")
            steps.append(step.text + "\n")
        blocks.append(steps)
    if callers:
        pairs = [(c.name, c.number) for c in callers]
        blocks.append(contact_lines(_("People I can call"), pairs, keys["add_number"]))
    if helped is not None:
        blocks.append(helped_lines(helped, keys["toolbox"]))
    if not (plan.crisis or plan.steps or callers):
        start_here = _(
            "You can add the people who help you and the steps that help you in My plan (press {plan}), "
            "or a number right here (press {add})."
        ).format(plan=keys["open_plan"], add=keys["add_number"])
        blocks.append(Text(start_here + "\n"))
    return Text("\n").join(blocks)


def helped_lines(helped: list[tuple[str, str]], key: str) -> Text:
    """Things that have helped me, the most first, and the key to all of them."""
    text = Text()
    text.append(_("Things that have helped me") + "\n", style="bold underline")
    for marks, words in helped:
        text.append(f"  {marks}  ", style="bold")
        text.append(words + "\n")
    more = (
        _("All of them, or one to add: press {key}.")
        if helped
        else _("Press {key} to see what you have tried.")
    )
    text.append("  " + more.format(key=key) + "\n", style="italic")
    return text


class HelpNowScreen(Dialog[None]):
    DEFAULT_CSS = """
    HelpNowScreen > .dialog { width: 78; padding: 0 2; }
    HelpNowScreen #help-title { color: $text-muted; margin: 0 0 1 0; }
    HelpNowScreen VerticalScroll { height: auto; }
    HelpNowScreen #help-text { height: auto; }
    HelpNowScreen .buttons { height: 1; }
    HelpNowScreen .buttons Button { margin-left: 2; min-width: 0; }
    """
    BINDINGS = HELP_NOW.bindings()  # declared once: ui/keys/declared.py

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Help now")
            yield Static(_(COMFORT), id="help-title")
            with VerticalScroll():
                yield Static(id="help-text")
            with Horizontal(classes="buttons"):
                for words, action, button in [
                    (N_("Add a number ({key})"), "add_number", "add-number"),
                    (N_("Emergency number ({key})"), "emergency", "emergency"),
                    (N_("My plan ({key})"), "open_plan", "open-plan"),
                ]:
                    yield Button(_(words).format(key=key_for(self, action)), id=button, compact=True)
                yield Button(_("Back (esc)"), id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.show_help()
        self.query_one("#back", Button).focus()

    def show_help(self) -> None:
        database = self.companion.database
        plan = load_plan(database)
        self.callers = people_to_call(plan, people_by_id(database))
        route = route_for(self.companion.settings)
        keys = {action: key_for(self, action) for action in ("add_number", "open_plan", "toolbox")}
        from imr_companion.models.coping import helped_well, marks
        from imr_companion.store.queries.coping import strategies, words

        # Nothing about them until something is kept: Help now stays short for a new person.
        kept = strategies(database)
        helped = [(marks(s.how_well), words(s)) for s in helped_well(kept)] if kept else None
        self.query_one("#help-text", Static).update(help_text(route, plan, self.callers, keys, helped))

    def on_resize(self) -> None:
        # The buttons stay in view on a small terminal; the person's words scroll instead.
        self.query_one(VerticalScroll).styles.max_height = max(3, self.size.height - 6)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#open-plan")
    def action_open_plan(self) -> None:
        self.dismiss(None)
        self.app.switch_mode("plan")

    def action_toolbox(self) -> None:
        self.companion.open_coping()

    def refresh_data(self) -> None:
        """After an undo: the lists as stored now."""
        self.show_help()

    def on_screen_resume(self) -> None:
        # Back from things that help me: what was added or tried there shows here at once.
        self.show_help()

    @on(Button.Pressed, "#add-number")
    def action_add_number(self) -> None:
        from imr_companion.ui.plan.add_number import AddNumber

        def added(name: str | None) -> None:
            if name:
                self.show_help()
                self.companion.refresh_areas()
                self.notify(_("Saved the number for {name}.").format(name=name))

        self.app.push_screen(AddNumber(self.callers), added)

    @on(Button.Pressed, "#emergency")
    def action_emergency(self) -> None:
        from imr_companion.ui.common.dialogs.emergency import EmergencySettings

        def chosen(saved: bool | None) -> None:
            if saved:
                self.show_help()

        self.app.push_screen(EmergencySettings(), chosen)
