"""Every stored field holding text that Textual would read as markup, to prove it is shown as typed.

Names are the ones that broke the app: "Anne [/Bob]" (a closing tag with no
opening one stopped it), "Dr Lee [GP]" (shown as "Dr Lee "), "[Jo]" (shown
as nothing). Every other field holds a tag ("Q07") and one of the markup
forms, so that a screen can be read for "Q07" and checked for what follows.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from imr_companion.models import (
    Answer,
    CheckIn,
    Goal,
    Moment,
    Person,
    Plan,
    PlanVersion,
    PracticeTask,
    SessionNote,
    Settings,
    SupporterNote,
)
from imr_companion.models.goals import Step
from imr_companion.models.network import LifeArea, Ring
from imr_companion.models.plan import (
    ActionStep,
    CrisisContact,
    Helper,
    Item,
    NoticedSign,
    PlanContent,
    Trigger,
    WarningSign,
)
from imr_companion.store import Database, Repository

MARKUP = ["[/Bob]", "[bold]x", "[@click=app.quit]x", "[GP]", "[Jo]", "[b]y[/b]", "[red]z", "[link=x]w[/link]"]
NAMES = ["Anne [/Bob]", "Dr Lee [GP]", "[Jo]", "[bold]x", "[@click=app.quit]x"]
"""The people on the network card, in the order the card shows them (services first)."""
ANCHORED = {"Anne": " [/Bob]", "Dr Lee": " [GP]"}
"""A visible word of a name, and what must follow it wherever it is shown."""

TEXTS: dict[str, str] = {}
"""tag -> the whole text stored, for every tagged field."""
FIELD: dict[str, str] = {}
"""A field's name in this seed -> the text stored in it."""


def text(field: str) -> str:
    """The next tag's text, stored in `field`: 'Q07 [@click=app.quit]x'."""
    number = len(TEXTS) + 1
    tag = f"Q{number:02d}"
    value = f"{tag} {MARKUP[number % len(MARKUP)]}"
    TEXTS[tag] = FIELD[field] = value
    return value


def seed_markup(folder: Path) -> None:
    """One of every stored record, every text field hostile, in `folder`."""
    db = Database.open(folder)
    TEXTS.clear()
    FIELD.clear()
    try:
        db.save_settings(Settings(first_name=text("first name"), welcomed=True, emergency_number="[112]"))
        people = [
            Person(
                id=f"p{i}",
                name=name,
                area=LifeArea.SERVICES if i < 2 else LifeArea.FRIENDS,
                ring=Ring.CLOSE,
                reach=text(f"{name} reach"),
                note=text(f"{name} note"),
                notices_signs=True,
                call_for_help=True,
                together_with=NAMES[(i + 1) % len(NAMES)],
            )
            for i, name in enumerate(NAMES)
        ]
        for person in people:
            Repository.of(db, Person).add(person)
        content = PlanContent(
            well=[Item(text=text("well"))],
            triggers=[Trigger(text=text("trigger"))],
            signs=[
                WarningSign(id="sign-a", text=text("sign"), person_id="p0"),
                WarningSign(id="sign-b", text=text("other sign"), noticed_by=text("noticed by")),
            ],
            steps=[ActionStep(text=text("action step"))],
            helpers=[
                Helper(name=text("helper"), reach=text("helper reach")),
                Helper(name="x", person_id="p1"),
            ],
            helped=[Item(text=text("helped"))],
            unhelpful=[Item(text=text("unhelpful"))],
            crisis=[CrisisContact(name=text("crisis contact"), reach=text("crisis reach"))],
        )
        Repository.of(db, Plan).add(Plan(**content.model_dump(), together_with="[Jo]"))
        Repository.of(db, PlanVersion).add(
            PlanVersion(reviewed_on=date(2026, 3, 2), content=content, together_with="Dr Lee [GP]")
        )
        Repository.of(db, CheckIn).add(
            CheckIn(day=date(2026, 3, 17), noticed=[NoticedSign(id="sign-gone", text=text("noticed sign"))])
        )
        Repository.of(db, Goal).add(
            Goal(
                text=text("goal"),
                why=text("why"),
                made_current=datetime(2026, 3, 1, 10),
                together_with="Anne [/Bob]",
                steps=[
                    Step(text=text("step done"), done_on=date(2026, 3, 10), together_with="[Jo]"),
                    Step(text=text("next step")),
                    Step(text=text("top step")),
                ],
            )
        )
        Repository.of(db, Goal).add(Goal(text=text("other goal"), why=text("other why")))
        for day in (date(2026, 3, 18), date(2026, 3, 12)):
            Repository.of(db, Moment).add(
                Moment(text=text(f"moment {day:%d}"), day=day, together_with="Dr Lee [GP]")
            )
        answers = [
            Answer(
                handout="recovery-strategies", exercise="recovery-means", kind="text", text=text("answer")
            ),
            Answer(
                handout="recovery-strategies",
                exercise="my-strengths",
                kind="list",
                lines=[text("list line 1"), text("list line 2")],
            ),
            Answer(
                handout="recovery-strategies",
                exercise="strategies-to-try",
                kind="checklist",
                ticked=["learn-more-mental"],
                other=text("checklist other"),
                together_with="Anne [/Bob]",
            ),
        ]
        for answer in answers:
            Repository.of(db, Answer).add(
                answer.model_copy(update={"id": f"{answer.handout}_{answer.exercise}"})
            )
        Repository.of(db, PracticeTask).add(PracticeTask(text=text("practice"), together_with="[Jo]"))
        Repository.of(db, PracticeTask).add(
            PracticeTask(text=text("other practice"), source=text("practice source"))
        )
        Repository.of(db, SessionNote).add(
            SessionNote(
                day=date(2026, 3, 16),
                done=[text("session line 1"), text("session line 2")],
                note=text("session note"),
                together_with="Dr Lee [GP]",
            )
        )
        for i in range(len(NAMES)):
            Repository.of(db, SupporterNote).add(SupporterNote(id=f"p{i}", asks=text(f"asks of p{i}")))
    finally:
        db.close()
