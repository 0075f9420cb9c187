"""The network card: the people in a person's life, by closeness and life area."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from imr_companion.models.base import LongText, Record, RequiredShortText, ShortText


class Ring(StrEnum):
    VERY_CLOSE = "very_close"
    CLOSE = "close"
    FURTHER = "further"


class LifeArea(StrEnum):
    FAMILY = "family"
    FRIENDS = "friends"
    COMMUNITY = "community"
    """Neighbours and community."""
    ACTIVITIES = "activities"
    """Work, school and activities."""
    SERVICES = "services"
    """Health and support services."""


class HelpKind(StrEnum):
    LISTENING = "listening"
    PRACTICAL = "practical"
    ADVICE = "advice"
    COMPANY = "company"
    CRISIS = "crisis"


class ContactFrequency(StrEnum):
    """How often we are in touch."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    NOW_AND_THEN = "now_and_then"
    RARELY = "rarely"


class Wish(StrEnum):
    """Whether the person would like more, less or the same contact."""

    MORE = "more"
    SAME = "same"
    LESS = "less"


class Person(Record):
    name: RequiredShortText = Field(max_length=80)
    area: LifeArea = LifeArea.FRIENDS
    ring: Ring = Ring.CLOSE
    helps_with: list[HelpKind] = Field(default_factory=list, max_length=len(HelpKind))
    contact: ContactFrequency | None = None
    wish: Wish | None = None
    reach: ShortText = Field(default="", max_length=80)
    """A phone number or another way to reach them: free text, formats differ by country."""
    note: LongText = Field(default="", max_length=500)
    notices_signs: bool = False
    """Notices my early warning signs (used by the relapse plan)."""
    call_for_help: bool = False
    """I call them when I need help (used by the relapse plan and Help now)."""


# --- Words ---------------------------------------------------------------
# The same words on the screen, in the summary and in the printed card.

RING_WORDS: dict[Ring, str] = {
    Ring.VERY_CLOSE: "Very close",
    Ring.CLOSE: "Close",
    Ring.FURTHER: "Further away",
}
LIFE_AREA_WORDS: dict[LifeArea, str] = {
    LifeArea.FAMILY: "Family",
    LifeArea.FRIENDS: "Friends",
    LifeArea.COMMUNITY: "Neighbours and community",
    LifeArea.ACTIVITIES: "Work, school and activities",
    LifeArea.SERVICES: "Health and support services",
}
LIFE_AREA_SHORT: dict[LifeArea, str] = {
    LifeArea.FAMILY: "Family",
    LifeArea.FRIENDS: "Friends",
    LifeArea.COMMUNITY: "Neighbours",
    LifeArea.ACTIVITIES: "Activities",
    LifeArea.SERVICES: "Services",
}
HELP_WORDS: dict[HelpKind, str] = {
    HelpKind.LISTENING: "listening",
    HelpKind.PRACTICAL: "practical help",
    HelpKind.ADVICE: "advice",
    HelpKind.COMPANY: "company",
    HelpKind.CRISIS: "help in a crisis",
}
FREQUENCY_WORDS: dict[ContactFrequency, str] = {
    ContactFrequency.DAILY: "every day",
    ContactFrequency.WEEKLY: "every week",
    ContactFrequency.MONTHLY: "every month",
    ContactFrequency.NOW_AND_THEN: "now and then",
    ContactFrequency.RARELY: "rarely",
}
WISH_WORDS: dict[Wish, str] = {
    Wish.MORE: "I would like more contact",
    Wish.SAME: "this much contact feels right",
    Wish.LESS: "I would like less contact",
}
NOTICES_SIGNS = "notices my early warning signs"
CALL_FOR_HELP = "I call them when I need help"

RINGS: list[Ring] = list(Ring)
"""From the middle outwards."""
LIFE_AREAS: list[LifeArea] = list(LifeArea)
"""Clockwise round the map, family at the top."""


def card_order(people: list[Person]) -> list[Person]:
    """By ring from the middle out, then life area, then name; same names stay in the order added."""
    return sorted(
        people,
        key=lambda p: (RINGS.index(p.ring), LIFE_AREAS.index(p.area), p.name.casefold(), p.created, p.id),
    )


def moved_ring(ring: Ring, step: int) -> Ring | None:
    """The ring `step` places further out (negative: closer in), or None past the edge."""
    index = RINGS.index(ring) + step
    return RINGS[index] if 0 <= index < len(RINGS) else None


def moved_area(area: LifeArea, step: int) -> LifeArea:
    """The next life area round the map (it wraps round, like the circle does)."""
    return LIFE_AREAS[(LIFE_AREAS.index(area) + step) % len(LIFE_AREAS)]


def joined(words: list[str], last: str = "and") -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def people_phrase(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def ring_counts(people: list[Person]) -> dict[Ring, int]:
    counts = {ring: 0 for ring in RINGS}
    for person in people:
        counts[person.ring] += 1
    return counts


def summary(people: list[Person]) -> list[str]:
    """A few kind sentences about the help on the card: what is there, what nobody gives yet."""
    if not people:
        return []
    given = {kind for person in people for kind in person.helps_with}
    covered = [HELP_WORDS[kind] for kind in HelpKind if kind in given]
    missing = [HELP_WORDS[kind] for kind in HelpKind if kind not in given]
    if not covered:
        lines = ["When you are ready, you can note how each person helps you."]
    elif not missing:
        lines = [f"You have people for every kind of help: {joined(covered)}."]
    else:
        lines = [
            f"You have people for {joined(covered)}. "
            f"If someone comes to mind for {joined(missing, 'or')}, you can add them any time."
        ]
    signs = sum(person.notices_signs for person in people)
    calls = sum(person.call_for_help for person in people)
    marks = []
    if signs:
        marks.append(f"{people_phrase(signs)} notice{'s' if signs == 1 else ''} your early warning signs")
    if calls:
        marks.append(f"{people_phrase(calls)} to call when you need help")
    if marks:
        sentence = "; ".join(marks)
        lines.append(sentence[0].upper() + sentence[1:] + ".")
    return lines


def paper_summary(people: list[Person]) -> list[str]:
    """What the card says, in the person's own voice, for a printed or shared page: no hints to the app."""
    given = {kind for person in people for kind in person.helps_with}
    covered = [HELP_WORDS[kind] for kind in HelpKind if kind in given]
    lines = []
    if covered and len(covered) == len(HelpKind):
        lines.append(f"I have people for every kind of help: {joined(covered)}.")
    elif covered:
        lines.append(f"I have people for {joined(covered)}.")
    signs = sum(person.notices_signs for person in people)
    if signs == 1:
        lines.append("1 person notices my early warning signs.")
    elif signs:
        lines.append(f"{signs} people notice my early warning signs.")
    calls = sum(person.call_for_help for person in people)
    if calls == 1:
        lines.append("I call 1 person when I need help.")
    elif calls:
        lines.append(f"I call {calls} people when I need help.")
    return lines


def facts(person: Person) -> list[str]:
    """What the card says about one person, one plain sentence a line (first person, as on paper)."""
    lines = [f"{RING_WORDS[person.ring]}, {LIFE_AREA_WORDS[person.area].lower()}."]
    if person.helps_with:
        lines.append(
            f"Helps with {joined([HELP_WORDS[kind] for kind in HelpKind if kind in person.helps_with])}."
        )
    contact = []
    if person.contact:
        contact.append(f"In touch {FREQUENCY_WORDS[person.contact]}")
    if person.wish:
        contact.append(WISH_WORDS[person.wish])
    if contact:
        sentence = "; ".join(contact)
        lines.append(sentence[0].upper() + sentence[1:] + ".")
    marks = [
        words
        for mark, words in ((person.notices_signs, NOTICES_SIGNS), (person.call_for_help, CALL_FOR_HELP))
        if mark
    ]
    if marks:
        sentence = "; ".join(marks)
        lines.append(sentence[0].upper() + sentence[1:] + ".")
    if person.reach:
        lines.append(f"Reach: {person.reach}")
    if person.note:
        lines.append(f"Note: {' '.join(person.note.split())}")
    if person.together_with:
        lines.append(f"Written together with {person.together_with}.")
    return lines
