"""The check-up after the program: the session's way, with its own steps.

At the rhythm the person chose (settings.checkup_weeks), a check-up walks
through the plan, the goal, the network card and, where the app has one, the
self-check, each step skippable, and ends like a session: a dated session
note (models/together/sessions.SessionNote), which also sets the next check-up's day.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from imr_companion import clock
from imr_companion.areas import area
from imr_companion.i18n import N_, _, ngettext
from imr_companion.models import Person, PlanVersion
from imr_companion.models.network import Ring, ring_name
from imr_companion.models.together.sessions import (
    NETWORK_FITS,
    NETWORK_TO_CHANGE,
    PLAN_FITS,
    PLAN_TO_CHANGE,
    SELF_CHECK_DONE,
)
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.plan import load_plan
from imr_companion.ui.together.session import SessionScreen
from imr_companion.ui.together.session_steps import GoalStep, SessionStep

SELF_CHECK_FORM = "imr_companion.ui.selfcheck.form:SelfCheckForm"
"""The self-check's form (ui/selfcheck, built beside this): a screen made with no arguments that
returns the saved self-check, or None. Where the app has no such module, the check-up has no
self-check step (checkup_steps)."""


def _self_check_form() -> type | None:
    module, _colon, name = SELF_CHECK_FORM.partition(":")
    if (
        importlib.util.find_spec(module.rpartition(".")[0]) is None
        or importlib.util.find_spec(module) is None
    ):
        return None
    return getattr(importlib.import_module(module), name, None)


class LookedOverStep(SessionStep):
    """A part shown as it is now, with two answers: it still fits, or something to change."""

    FITS = ""
    TO_CHANGE = ""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.answer = ""

    def compose_step(self) -> ComposeResult:
        yield Static("", classes="looked-over")
        with Horizontal(classes="step-buttons"):
            yield Button(_("It still fits"), classes="fits")
            yield Button(_("Something to change"), classes="to-change")
        yield Static("", classes="answered")

    def summary(self) -> str:
        return ""

    def nothing_yet(self) -> bool:
        """Nothing written here yet: nothing that could "still fit" (the summary says where to start)."""
        return False

    def shown(self) -> None:
        self.query_one(".looked-over", Static).update(Content(self.summary()))
        empty = self.nothing_yet()
        self.query_one(".step-buttons").display = not empty
        if not empty:
            self.query_one(".fits", Button).focus()

    @on(Button.Pressed, ".fits")
    def _fits(self) -> None:
        self.answered(self.FITS)

    @on(Button.Pressed, ".to-change")
    def _to_change(self) -> None:
        self.answered(self.TO_CHANGE)

    def answered(self, line: str) -> None:
        self.answer = line
        self.query_one(".answered", Static).update(_(line))

    def lines(self) -> list[str]:
        return [self.answer] if self.answer else []


class PlanStep(LookedOverStep):
    TITLE = N_("My plan")
    INTRO = N_("Your plan for hard times. Does it still fit your life as it is now?")
    FITS, TO_CHANGE = PLAN_FITS, PLAN_TO_CHANGE

    def __init__(self) -> None:
        super().__init__(id="step-plan")

    def nothing_yet(self) -> bool:
        return load_plan(self.companion.database).is_empty

    def summary(self) -> str:
        plan = load_plan(self.companion.database)
        if plan.is_empty:
            return _(
                "Your plan is empty so far. {plan} (key {key}) is where to write it, when you are ready."
            ).format(plan=_(area("plan").title), key=area("plan").key)
        signs = ngettext("{count} early warning sign", "{count} early warning signs", len(plan.signs))
        steps = ngettext("{count} step to take", "{count} steps to take", len(plan.steps))
        people = ngettext("{count} person to call", "{count} people to call", len(plan.helpers))
        # Translators: "3 early warning signs, 2 steps to take, 1 person to call."
        return _("{signs}, {steps}, {people}.").format(
            signs=signs.format(count=len(plan.signs)),
            steps=steps.format(count=len(plan.steps)),
            people=people.format(count=len(plan.helpers)),
        )

    def answered(self, line: str) -> None:
        super().answered(line)
        if line != PLAN_FITS:
            return
        # "It still fits" is a review of the plan: Today's gentle note about looking it over waits again.
        database = self.companion.database
        try:
            version = PlanVersion(reviewed_on=clock.today(), content=load_plan(database).snapshot())
            Repository.of(database, PlanVersion).add(version)
        except SaveError as error:
            self.notify(str(error), severity="warning")


class NetworkStep(LookedOverStep):
    TITLE = N_("Network card")
    INTRO = N_("The people around you. Is there someone to add, or someone who has moved closer or further?")
    FITS, TO_CHANGE = NETWORK_FITS, NETWORK_TO_CHANGE

    def __init__(self) -> None:
        super().__init__(id="step-network")

    def nothing_yet(self) -> bool:
        return not Repository.of(self.companion.database, Person).all()

    def summary(self) -> str:
        people = Repository.of(self.companion.database, Person).all()
        if not people:
            return _("No one on your network card yet. {network} (key {key}) is where to add people.").format(
                network=_(area("network").title), key=area("network").key
            )
        rings = Counter(person.ring for person in people)
        return "  ".join(f"{ring_name(ring)}: {rings[ring]}" for ring in Ring)


class SelfCheckStep(SessionStep):
    TITLE = N_("Self-check")
    INTRO = N_("How things have gone lately, area by area. It takes a few minutes; skip it if not today.")

    def __init__(self) -> None:
        super().__init__(id="step-selfcheck")
        self.done = False

    def compose_step(self) -> ComposeResult:
        with Horizontal(classes="step-buttons"):
            yield Button(_("Take the self-check"), id="selfcheck-start")
        yield Static("", id="selfcheck-done")

    def shown(self) -> None:
        self.query_one("#selfcheck-start", Button).focus()

    @on(Button.Pressed, "#selfcheck-start")
    def _start(self) -> None:
        form = _self_check_form()
        if form is None:
            return

        def saved(check: object) -> None:
            if check is not None:
                self.done = True
                self.query_one("#selfcheck-done", Static).update(_(SELF_CHECK_DONE))

        self.app.push_screen(form(), saved)

    def lines(self) -> list[str]:
        return [SELF_CHECK_DONE] if self.done else []


def checkup_steps() -> list[Callable[[], SessionStep]]:
    """The check-up's steps: the plan, the goal, the network card, and the self-check where it exists."""
    steps: list[Callable[[], SessionStep]] = [PlanStep, GoalStep, NetworkStep]
    if _self_check_form() is not None:
        steps.append(SelfCheckStep)
    return steps


class CheckupScreen(SessionScreen):
    TITLE_TEXT = N_("A check-up with myself")

    def step_makers(self) -> list[Callable[[], SessionStep]]:
        return checkup_steps()
