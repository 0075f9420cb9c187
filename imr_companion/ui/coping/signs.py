"""After a check-in that noticed signs: the person's own plan, calmly, in their own words.

What they will do first, who helps (with numbers), what has helped them most,
and a few of their own good moments from a good time; one key to Help now.
Signs on two days in a row or more add a gentle word about talking with their
contact person or a helper. Nothing here counts, warns or blames.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words, ngettext
from imr_companion.models.coping import helped_well, marks
from imr_companion.store import Repository
from imr_companion.store.queries.coping import words
from imr_companion.store.queries.people_to_call import load_people_to_call
from imr_companion.store.queries.plan import load_plan
from imr_companion.store.queries.signs import good_time_moments, signs_in_a_row
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.tools import SIGNS

SHOWN = 3
"""Entries a part shows: a few, read at a glance."""


def part(title: str, lines: list[Text], empty: str) -> Text:
    """A heading and its lines (the person's words as plain text), or a calm line when it has none."""
    text = Text()
    text.append(title + "\n", style="bold underline")
    if not lines:
        text.append(empty + "\n", style="italic")
    for line in lines:
        text.append_text(line)
        text.append("\n")
    return text


class SignsNoticedScreen(Dialog[None]):
    DEFAULT_CSS = """
    SignsNoticedScreen > .dialog { width: 78; padding: 0 1; }
    SignsNoticedScreen #signs-calm { margin-bottom: 1; }
    SignsNoticedScreen VerticalScroll { height: auto; }
    SignsNoticedScreen #signs-columns { height: auto; }
    SignsNoticedScreen #signs-columns > Static { width: 1fr; height: auto; margin-right: 1; }
    SignsNoticedScreen #signs-suggestion { margin-top: 1; color: $text-accent; }
    SignsNoticedScreen .buttons { height: 1; }
    SignsNoticedScreen .buttons Button { margin-left: 2; min-width: 0; }
    """
    BINDINGS = SIGNS.bindings()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Your own plan")
            yield Static(
                _("Noticing early is a strong step. Here is what you wrote for a time like this."),
                id="signs-calm",
            )
            with VerticalScroll():
                with Horizontal(id="signs-columns"):
                    yield Static(id="signs-plan")
                    yield Static(id="signs-good")
                yield Static(id="signs-suggestion")
            with Horizontal(classes="buttons"):
                for label, action, button in [
                    (N_("Things that help me ({key})"), "toolbox", "toolbox"),
                    (N_("Help now ({key})"), "help_now", "help-now"),
                ]:
                    yield Button(_(label).format(key=key_for(self, action)), id=button, compact=True)
                yield Button(_("Close (esc)"), id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#back", Button).focus()

    def refresh_data(self) -> None:
        database = self.companion.database
        today = clock.today()
        plan = load_plan(database)
        steps = [Text.assemble((f"{n}. ", "bold"), step.text) for n, step in enumerate(plan.steps[:SHOWN], 1)]
        people = []
        for caller in load_people_to_call(database)[:SHOWN]:
            line = Text(caller.name, style="bold")
            if caller.number:
                line.append("  ")
                line.append(f" {caller.number} ", style="bold reverse")
            people.append(line)
        plan_text = part(_("What I will do"), steps, _("Your plan has room for your first steps."))
        plan_text.append("\n")
        plan_text.append_text(part(_("People who can help"), people, _("Your plan has room for them.")))
        plan_text.rstrip()
        self.query_one("#signs-plan", Static).update(plan_text)

        from imr_companion.models import CopingStrategy

        helped = helped_well(Repository.of(database, CopingStrategy).all(), SHOWN)
        strategies = [Text.assemble((marks(s.how_well) + " ", "bold"), words(s)) for s in helped]
        moments = [
            Text.assemble((date_words(m.day, "short") + ": ", "bold"), m.text)
            for m in good_time_moments(database, today, SHOWN)
        ]
        good = part(
            _("What has helped me"),
            strategies,
            _("What helps you can be kept under things that help me ({key}).").format(
                key=key_for(self, "toolbox")
            ),
        )
        good.append("\n")
        good.append_text(
            part(_("Good moments from a good time"), moments, _("Your good moments will show here."))
        )
        good.rstrip()
        self.query_one("#signs-good", Static).update(good)

        days = signs_in_a_row(database, today)
        suggestion = self.query_one("#signs-suggestion", Static)
        suggestion.display = days >= 2
        suggestion.update(
            ngettext(
                "You have noticed signs on {count} day in a row. It may help to talk it over "
                "with your contact person or someone who helps you.",
                "You have noticed signs on {count} days in a row. It may help to talk it over "
                "with your contact person or someone who helps you.",
                days,
            ).format(count=days)
        )

    def on_resize(self) -> None:
        # The buttons stay in view on a small terminal; the person's words scroll instead.
        self.query_one(VerticalScroll).styles.max_height = max(3, self.size.height - 8)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#help-now")
    def action_help_now(self) -> None:
        self.dismiss(None)
        self.companion.action_help_now()

    @on(Button.Pressed, "#toolbox")
    def action_toolbox(self) -> None:
        self.companion.open_coping()
