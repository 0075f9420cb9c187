"""Help now: the person's own steps, people and numbers, one key away from anywhere.

Only what the person wrote is shown; nothing invented, no numbers of any
country built in. It opens over whatever is on screen, so nothing that was
being typed is lost.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from imr_companion.models.plan import Plan, helper_name, helper_reach
from imr_companion.store.queries.plan import load_plan, people_by_id

NO_CONTACTS = (
    "Your plan has no people or numbers yet. You can add them in My plan (key 6): "
    "choose “People who can help” or “Crisis contacts” and press a. "
    "A good start: your clinic, an out-of-hours service, and your local emergency number."
)
LAST_RESORT = "If you cannot reach anyone, call your local emergency number."


def contact_lines(title: str, pairs: list[tuple[str, str]]) -> Text:
    """A heading and 'name   number' rows, the numbers lined up and stand-out so they are easy to read."""
    text = Text()
    text.append(title + "\n", style="bold underline")
    width = min(30, max(len(name) for name, _ in pairs))
    for name, reach in pairs:
        text.append("  ")
        text.append(name.ljust(width), style="bold")
        if reach:
            text.append("   ")
            text.append(f" {reach} ", style="bold reverse")
        text.append("\n")
    return text


def help_text(plan: Plan, people: dict) -> Text:
    blocks: list[Text] = []
    if plan.steps:
        steps = Text()
        steps.append("What I will do\n", style="bold underline")
        for number, step in enumerate(plan.steps, start=1):
            steps.append(f"  {number}. ", style="bold")
            steps.append(step.text + "\n")
        blocks.append(steps)
    helpers = [(helper_name(h, people), helper_reach(h, people)) for h in plan.helpers]
    if helpers:
        blocks.append(contact_lines("People who can help", helpers))
    if plan.crisis:
        blocks.append(contact_lines("Crisis contacts", [(c.name, c.reach) for c in plan.crisis]))
    blocks.append(Text(LAST_RESORT if helpers or plan.crisis else NO_CONTACTS))
    return Text("\n").join(blocks)


class HelpNowScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpNowScreen { align: center middle; }
    HelpNowScreen > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 2;
    }
    HelpNowScreen #help-title { color: $text-muted; margin: 0 0 1 0; }
    HelpNowScreen VerticalScroll { height: auto; }
    HelpNowScreen #help-text { height: auto; }
    HelpNowScreen Horizontal { height: 1; align-horizontal: right; margin: 1 0 0 0; }
    HelpNowScreen Button { margin-left: 2; min-width: 0; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("p", "open_plan", "My plan"),
    ]

    def compose(self) -> ComposeResult:
        database = self.app.database  # type: ignore[attr-defined]
        plan = load_plan(database)
        people = people_by_id(database) if plan.helpers else {}
        with Vertical() as box:
            box.border_title = "Help now"
            yield Static("What you wrote for times like this.", id="help-title")
            with VerticalScroll():
                yield Static(help_text(plan, people), id="help-text")
            with Horizontal():
                yield Button("Open my plan (p)", id="open-plan", compact=True)
                yield Button("Back (esc)", id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

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
