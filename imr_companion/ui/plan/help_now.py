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
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from imr_companion import emergency
from imr_companion.emergency import EmergencyRoute
from imr_companion.layout.text import cells, pad, shorten
from imr_companion.models.people_to_call import PersonToCall, people_to_call
from imr_companion.models.plan import Plan
from imr_companion.store.queries.plan import load_plan, people_by_id
from imr_companion.ui.common.dialogs.dialog import Dialog

NAME_CELLS = 30
COMFORT = "When things feel hard, reach out. You do not have to manage alone."
NO_NUMBER = "no number yet: press a to add one"
START_HERE = (
    "You can add the people who help you and the steps that help you in My plan (press p), "
    "or a number right here (press a)."
)


def route_for(settings) -> EmergencyRoute:
    return emergency.route_for(settings.emergency_number, settings.region, os.environ)


def contact_lines(title: str, pairs: list[tuple[str, str]]) -> Text:
    """A heading and 'name   number' rows, the numbers lined up on screen cells and easy to read."""
    text = Text()
    text.append(title + "\n", style="bold underline")
    names = [shorten(name, NAME_CELLS) for name, _ in pairs]
    width = max(cells(name) for name in names)
    for name, (_, reach) in zip(names, pairs, strict=True):
        text.append("  ")
        text.append(pad(name, width), style="bold")
        text.append("   ")
        if reach:
            text.append(f" {reach} ", style="bold reverse")
        else:
            text.append(NO_NUMBER, style="italic")
        text.append("\n")
    return text


def emergency_line(route: EmergencyRoute) -> Text:
    text = Text()
    if route.number:
        text.append(route.label + "   ", style="bold")
        text.append(f" {route.number} ", style="bold reverse")
    else:
        text.append(route.label, style="bold")
    text.append("\n")
    return text


def help_text(route: EmergencyRoute, plan: Plan, callers: list[PersonToCall]) -> Text:
    blocks: list[Text] = [emergency_line(route)]
    if plan.crisis:
        blocks.append(contact_lines("Crisis contacts", [(c.name, c.reach) for c in plan.crisis]))
    if plan.steps:
        steps = Text()
        steps.append("What I will do\n", style="bold underline")
        for number, step in enumerate(plan.steps, start=1):
            steps.append(f"  {number}. ", style="bold")
            steps.append(step.text + "\n")
        blocks.append(steps)
    if callers:
        blocks.append(contact_lines("People I can call", [(c.name, c.number) for c in callers]))
    if not (plan.crisis or plan.steps or callers):
        blocks.append(Text(START_HERE + "\n"))
    return Text("\n").join(blocks)


class HelpNowScreen(Dialog[None]):
    DEFAULT_CSS = """
    HelpNowScreen > .dialog { width: 78; padding: 0 2; }
    HelpNowScreen #help-title { color: $text-muted; margin: 0 0 1 0; }
    HelpNowScreen VerticalScroll { height: auto; }
    HelpNowScreen #help-text { height: auto; }
    HelpNowScreen .buttons { height: 1; }
    HelpNowScreen .buttons Button { margin-left: 2; min-width: 0; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add_number", "Add a number"),
        Binding("e", "emergency", "Emergency number"),
        Binding("p", "open_plan", "My plan"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Help now"
            yield Static(COMFORT, id="help-title")
            with VerticalScroll():
                yield Static(id="help-text")
            with Horizontal(classes="buttons"):
                yield Button("Add a number (a)", id="add-number", compact=True)
                yield Button("Emergency number (e)", id="emergency", compact=True)
                yield Button("My plan (p)", id="open-plan", compact=True)
                yield Button("Back (esc)", id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.show_help()
        self.query_one("#back", Button).focus()

    def show_help(self) -> None:
        database = self.companion.database
        plan = load_plan(database)
        self.callers = people_to_call(plan, people_by_id(database))
        route = route_for(self.companion.settings)
        self.query_one("#help-text", Static).update(help_text(route, plan, self.callers))

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

    @on(Button.Pressed, "#add-number")
    def action_add_number(self) -> None:
        from imr_companion.ui.plan.add_number import AddNumber

        def added(name: str | None) -> None:
            if name:
                self.show_help()
                self.companion.refresh_areas()
                self.notify(f"Saved the number for {name}.")

        self.app.push_screen(AddNumber(self.callers), added)

    @on(Button.Pressed, "#emergency")
    def action_emergency(self) -> None:
        from imr_companion.ui.common.dialogs.emergency import EmergencySettings

        def chosen(saved: bool | None) -> None:
            if saved:
                self.show_help()

        self.app.push_screen(EmergencySettings(), chosen)
