"""My plan: IMR's relapse prevention plan, its reviews, and the daily check-in on warning signs.

The plan is one record holding its sections as ordered lists of small
entries, so that any change to it is a single write. Each entry keeps a
stable id: a review can then say which entry changed, and a check-in can
follow a warning sign even after its words are reworded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from pydantic import Field, model_validator

from imr_companion import clock
from imr_companion.i18n import N_, _
from imr_companion.models.base import Day, Model, Record, RequiredShortText, ShortText, new_id
from imr_companion.models.network import Person

# A plan is read in a hurry and printed on one or two pages: a few entries
# per section are what helps. The limit only stops a runaway paste.
SECTION_LIMIT = 20
NAME_LIMIT = 80
PLAN_ID = "plan"

EntryId = Annotated[
    str, Field(default_factory=new_id, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
]
PersonId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class Entry(Model):
    id: EntryId


class Item(Entry):
    """A few words in the person's own voice."""

    text: RequiredShortText


class Trigger(Item):
    pass


class ActionStep(Item):
    pass


class WarningSign(Item):
    person_id: PersonId | None = None
    """Someone from the network card who might notice this sign."""
    noticed_by: ShortText = Field(default="", max_length=NAME_LIMIT)
    """Their name as typed, or as it was on the network card (kept if they are removed)."""


class Helper(Entry):
    person_id: PersonId | None = None
    """Linked to the network card, whose name and number then stay current."""
    name: RequiredShortText = Field(max_length=NAME_LIMIT)
    reach: ShortText = Field(default="", max_length=NAME_LIMIT)
    """A phone number or another way to reach them."""


class CrisisContact(Entry):
    name: RequiredShortText = Field(max_length=NAME_LIMIT)
    reach: RequiredShortText = Field(max_length=NAME_LIMIT)


class PlanContent(Model):
    """The sections of the plan: what a review looks over and a version keeps."""

    well: list[Item] = Field(default_factory=list, max_length=SECTION_LIMIT)
    triggers: list[Trigger] = Field(default_factory=list, max_length=SECTION_LIMIT)
    signs: list[WarningSign] = Field(default_factory=list, max_length=SECTION_LIMIT)
    steps: list[ActionStep] = Field(default_factory=list, max_length=SECTION_LIMIT)
    helpers: list[Helper] = Field(default_factory=list, max_length=SECTION_LIMIT)
    helped: list[Item] = Field(default_factory=list, max_length=SECTION_LIMIT)
    unhelpful: list[Item] = Field(default_factory=list, max_length=SECTION_LIMIT)
    crisis: list[CrisisContact] = Field(default_factory=list, max_length=SECTION_LIMIT)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> PlanContent:
        ids = [entry.id for section in SECTIONS for entry in getattr(self, section.field)]
        if len(ids) != len(set(ids)):
            raise ValueError("has two entries with the same id")
        return self

    def snapshot(self) -> PlanContent:
        return PlanContent.model_validate(self.model_dump(include={s.field for s in SECTIONS}))

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, section.field) for section in SECTIONS)


class Plan(PlanContent, Record):
    id: str = Field(default=PLAN_ID, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    review_days: int = Field(default=90, ge=7, le=730)
    """How often the person would like to look the plan over."""
    note_days: int = Field(default=2, ge=1, le=14)
    note_window: int = Field(default=3, ge=1, le=14)
    """Today shows a calm note when signs were noticed on note_days of the last note_window days."""

    @model_validator(mode="after")
    def _days_fit_the_window(self) -> Plan:
        if self.note_days > self.note_window:
            raise ValueError("asks for more days than the days it looks at")
        return self


class PlanVersion(Record):
    """The plan as it stood when the person finished a review."""

    reviewed_on: Day = Field(default_factory=clock.today)
    content: PlanContent


class NoticedSign(Model):
    id: PersonId
    """The WarningSign's id."""
    text: RequiredShortText
    """Its words on that day, so the history reads well after the plan changes."""


class CheckIn(Record):
    """One day's answer to 'Have you noticed any of your early warning signs today?'."""

    day: Day = Field(default_factory=clock.today)
    noticed: list[NoticedSign] = Field(default_factory=list, max_length=SECTION_LIMIT)
    """Empty: none today."""

    @classmethod
    def for_day(cls, day: date, noticed: list[WarningSign]) -> CheckIn:
        # One check-in per day: the id is the date, so saving again replaces it.
        return cls(
            id=f"checkin-{day.isoformat()}",
            day=day,
            noticed=[NoticedSign(id=sign.id, text=sign.text) for sign in noticed],
        )


@dataclass(frozen=True)
class PlanSection:
    """One section of the plan; its words are kept in English (the catalogue's ids) and said in the
    person's language by `title`, `hint` and `label`."""

    field: str
    title_words: str
    hint_words: str
    label_words: str
    model: type[Entry]

    @property
    def title(self) -> str:
        return _(self.title_words)

    @property
    def hint(self) -> str:
        """What belongs here, in a sentence."""
        return _(self.hint_words)

    @property
    def label(self) -> str:
        """The label of the main field when writing one entry."""
        return _(self.label_words)


SECTIONS: list[PlanSection] = [
    PlanSection(
        "well",
        N_("When I am well"),
        N_("A few words about you at your best, so others can see the difference."),
        N_("When I am well, I ..."),
        Item,
    ),
    PlanSection(
        "triggers",
        N_("My triggers"),
        N_("Situations or stresses that came before a difficult time."),
        N_("A trigger, in your own words"),
        Trigger,
    ),
    PlanSection(
        "signs",
        N_("Early warning signs"),
        N_("Small changes that showed up before, and who might notice them."),
        N_("An early warning sign"),
        WarningSign,
    ),
    PlanSection(
        "steps",
        N_("What I will do"),
        N_("The steps you will take when you notice signs, in order."),
        N_("A step I will take"),
        ActionStep,
    ),
    PlanSection(
        "helpers",
        N_("People who can help"),
        N_("People you can call when you need help, with their numbers."),
        N_("Their name"),
        Helper,
    ),
    PlanSection(
        "helped",
        N_("What has helped"),
        N_("Things that helped you before."),
        N_("Something that helped"),
        Item,
    ),
    PlanSection(
        "unhelpful",
        N_("What does not help"),
        N_("Things that made it harder, so others know too."),
        N_("Something that does not help"),
        Item,
    ),
    PlanSection(
        "crisis",
        N_("Crisis contacts"),
        N_("Your clinic, an out-of-hours service, your local emergency number."),
        N_("Who or what it is"),
        CrisisContact,
    ),
]
SECTION_BY_FIELD = {section.field: section for section in SECTIONS}


# --- Reading entries with the network card --------------------------------


def helper_name(helper: Helper, people: dict[str, Person]) -> str:
    person = people.get(helper.person_id) if helper.person_id else None
    return person.name if person else helper.name


def helper_reach(helper: Helper, people: dict[str, Person]) -> str:
    person = people.get(helper.person_id) if helper.person_id else None
    return (person.reach if person and person.reach else "") or helper.reach


def noticer(sign: WarningSign, people: dict[str, Person]) -> str:
    person = people.get(sign.person_id) if sign.person_id else None
    return person.name if person else sign.noticed_by


def entry_words(entry: Entry, people: dict[str, Person] | None = None) -> tuple[str, str]:
    """(main words, muted detail) of one entry, as the plan shows it."""
    people = people or {}
    if isinstance(entry, WarningSign):
        who = noticer(entry, people)
        return entry.text, _("{name} may notice").format(name=who) if who else ""
    if isinstance(entry, Helper):
        return helper_name(entry, people), helper_reach(entry, people)
    if isinstance(entry, CrisisContact):
        return entry.name, entry.reach
    assert isinstance(entry, Item)
    return entry.text, ""


def entry_line(entry: Entry, people: dict[str, Person] | None = None) -> str:
    text, detail = entry_words(entry, people)
    if isinstance(entry, Helper | CrisisContact):
        return f"{text}: {detail}" if detail else text
    return f"{text} ({detail})" if detail else text


# --- Check-ins ------------------------------------------------------------


def days_with_signs(checkins: list[CheckIn]) -> set[date]:
    return {checkin.day for checkin in checkins if checkin.noticed}


def window_start(plan: Plan, today: date) -> date:
    return today - timedelta(days=plan.note_window - 1)


def signs_note_due(plan: Plan, checkins: list[CheckIn], today: date) -> int:
    """How many of the last note_window days had signs, when that reaches note_days; else 0."""
    start = window_start(plan, today)
    count = len({day for day in days_with_signs(checkins) if start <= day <= today})
    return count if count >= plan.note_days else 0


def latest_per_day(checkins: list[CheckIn]) -> dict[date, CheckIn]:
    """One check-in per day (the newest, should an import have brought two)."""
    by_day: dict[date, CheckIn] = {}
    for checkin in sorted(checkins, key=lambda c: c.updated):
        by_day[checkin.day] = checkin
    return by_day


# --- Reviews --------------------------------------------------------------


def last_looked_over(plan: Plan, newest_review: date | None) -> date:
    """The day a review is counted from: the newest review, else the day the plan was begun."""
    return newest_review or plan.created.date()


def review_due(plan: Plan, newest_review: date | None, today: date) -> bool:
    if plan.is_empty:
        return False
    return today >= last_looked_over(plan, newest_review) + timedelta(days=plan.review_days)


@dataclass(frozen=True)
class Change:
    section: PlanSection
    kind: str
    """'added', 'changed', 'taken out' or 'new order'."""
    words: str
    before: str = ""


def changes(old: PlanContent | None, new: PlanContent) -> list[Change]:
    """What differs from `old` to `new`, section by section, in the plan's order."""
    found: list[Change] = []
    for section in SECTIONS:
        before = getattr(old, section.field) if old else []
        after = getattr(new, section.field)
        old_by_id = {entry.id: entry for entry in before}
        new_ids = {entry.id for entry in after}
        for entry in after:
            previous = old_by_id.get(entry.id)
            if previous is None:
                found.append(Change(section, "added", entry_line(entry)))
            elif previous != entry:
                found.append(Change(section, "changed", entry_line(entry), entry_line(previous)))
        for entry in before:
            if entry.id not in new_ids:
                found.append(Change(section, "taken out", entry_line(entry)))
        kept_before = [entry.id for entry in before if entry.id in new_ids]
        kept_after = [entry.id for entry in after if entry.id in old_by_id]
        if kept_before != kept_after:
            found.append(Change(section, "new order", ", ".join(entry_line(e) for e in after)))
    return found


def change_line(change: Change) -> str:
    """One change in the person's language ('added: ...'); the kinds are codes, never shown as they are."""
    if change.kind == "changed":
        return _("changed: {before} → {after}").format(before=change.before, after=change.words)
    if change.kind == "added":
        return _("added: {words}").format(words=change.words)
    if change.kind == "taken out":
        return _("taken out: {words}").format(words=change.words)
    return _("new order: {words}").format(words=change.words)
