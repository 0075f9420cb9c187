"""The network card: the people in a person's life, by closeness and life area."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from imr_companion.i18n import N_, _, ngettext, pgettext
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
# The same words on the screen, in the summary and in the printed card. Marked
# with N_() and translated where they are shown: `_(RING_WORDS[ring])`.

RING_WORDS: dict[Ring, str] = {
    Ring.VERY_CLOSE: "Very close",
    Ring.CLOSE: "Close",
    Ring.FURTHER: "Further away",
}
"""In English; shown through `ring_name()`: "Close" is also a verb, so the rings' words have a context."""


def ring_name(ring: Ring) -> str:
    """The ring's name in the person's language: "Very close", "Close", "Further away"."""
    if ring is Ring.VERY_CLOSE:
        return pgettext("network ring", "Very close")
    if ring is Ring.CLOSE:
        return pgettext("network ring", "Close")
    return pgettext("network ring", "Further away")


LIFE_AREA_WORDS: dict[LifeArea, str] = {
    LifeArea.FAMILY: N_("Family"),
    LifeArea.FRIENDS: N_("Friends"),
    LifeArea.COMMUNITY: N_("Neighbours and community"),
    LifeArea.ACTIVITIES: N_("Work, school and activities"),
    LifeArea.SERVICES: N_("Health and support services"),
}
# Translators: the life areas' short names, on the map's corners and in the list (14 letters at most).
LIFE_AREA_SHORT: dict[LifeArea, str] = {
    LifeArea.FAMILY: N_("Family"),
    LifeArea.FRIENDS: N_("Friends"),
    LifeArea.COMMUNITY: N_("Neighbours"),
    LifeArea.ACTIVITIES: N_("Activities"),
    LifeArea.SERVICES: N_("Services"),
}
# Translators: kinds of help, in "Helps with listening, practical help and advice."
HELP_WORDS: dict[HelpKind, str] = {
    HelpKind.LISTENING: N_("listening"),
    HelpKind.PRACTICAL: N_("practical help"),
    HelpKind.ADVICE: N_("advice"),
    HelpKind.COMPANY: N_("company"),
    HelpKind.CRISIS: N_("help in a crisis"),
}
# Translators: how often, in "In touch every week".
FREQUENCY_WORDS: dict[ContactFrequency, str] = {
    ContactFrequency.DAILY: N_("every day"),
    ContactFrequency.WEEKLY: N_("every week"),
    ContactFrequency.MONTHLY: N_("every month"),
    ContactFrequency.NOW_AND_THEN: N_("now and then"),
    ContactFrequency.RARELY: N_("rarely"),
}
WISH_WORDS: dict[Wish, str] = {
    Wish.MORE: N_("I would like more contact"),
    Wish.SAME: N_("this much contact feels right"),
    Wish.LESS: N_("I would like less contact"),
}
NOTICES_SIGNS = N_("notices my early warning signs")
CALL_FOR_HELP = N_("I call them when I need help")

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
    """'a, b and c' (or with `last="or"`: 'a, b or c'), in the person's language."""
    if len(words) <= 1:
        return "".join(words)
    # Translators: the end of a list, "listening, advice and company"; {first} is the list before it.
    pattern = _("{first} or {last}") if last == "or" else _("{first} and {last}")
    return pattern.format(first=", ".join(words[:-1]), last=words[-1])


def people_phrase(count: int) -> str:
    return ngettext("{count} person", "{count} people", count).format(count=count)


def ring_counts(people: list[Person]) -> dict[Ring, int]:
    counts = {ring: 0 for ring in RINGS}
    for person in people:
        counts[person.ring] += 1
    return counts


def _help_words(kinds: set[HelpKind] | list[HelpKind], present: bool = True) -> list[str]:
    return [_(HELP_WORDS[kind]) for kind in HelpKind if (kind in kinds) is present]


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def summary(people: list[Person]) -> list[str]:
    """A few kind sentences about the help on the card: what is there, what nobody gives yet."""
    if not people:
        return []
    given = {kind for person in people for kind in person.helps_with}
    covered = _help_words(given)
    missing = _help_words(given, present=False)
    if not covered:
        lines = [_("When you are ready, you can note how each person helps you.")]
    elif not missing:
        lines = [_("You have people for every kind of help: {kinds}.").format(kinds=joined(covered))]
    else:
        lines = [
            _(
                "You have people for {kinds}. If someone comes to mind for {missing}, "
                "you can add them any time."
            ).format(kinds=joined(covered), missing=joined(missing, "or"))
        ]
    signs = sum(person.notices_signs for person in people)
    calls = sum(person.call_for_help for person in people)
    marks = []
    if signs:
        marks.append(
            ngettext(
                "{count} person notices your early warning signs",
                "{count} people notice your early warning signs",
                signs,
            ).format(count=signs)
        )
    if calls:
        marks.append(
            ngettext(
                "{count} person to call when you need help",
                "{count} people to call when you need help",
                calls,
            ).format(count=calls)
        )
    if marks:
        lines.append(_capital("; ".join(marks)) + ".")
    return lines


def paper_summary(people: list[Person]) -> list[str]:
    """What the card says, in the person's own voice, for a printed or shared page: no hints to the app."""
    given = {kind for person in people for kind in person.helps_with}
    covered = _help_words(given)
    lines = []
    if covered and len(covered) == len(HelpKind):
        lines.append(_("I have people for every kind of help: {kinds}.").format(kinds=joined(covered)))
    elif covered:
        lines.append(_("I have people for {kinds}.").format(kinds=joined(covered)))
    signs = sum(person.notices_signs for person in people)
    if signs:
        lines.append(
            ngettext(
                "{count} person notices my early warning signs.",
                "{count} people notice my early warning signs.",
                signs,
            ).format(count=signs)
        )
    calls = sum(person.call_for_help for person in people)
    if calls:
        lines.append(
            ngettext(
                "I call {count} person when I need help.", "I call {count} people when I need help.", calls
            ).format(count=calls)
        )
    return lines


def facts(person: Person) -> list[str]:
    """What the card says about one person, one plain sentence a line (first person, as on paper)."""
    # Translators: a person's ring and life area, "Close, friends."
    lines = [
        _("{ring}, {area}.").format(ring=ring_name(person.ring), area=_(LIFE_AREA_WORDS[person.area]).lower())
    ]
    if person.helps_with:
        lines.append(_("Helps with {kinds}.").format(kinds=joined(_help_words(person.helps_with))))
    contact = []
    if person.contact:
        contact.append(_("In touch {how_often}").format(how_often=_(FREQUENCY_WORDS[person.contact])))
    if person.wish:
        contact.append(_(WISH_WORDS[person.wish]))
    if contact:
        lines.append(_capital("; ".join(contact)) + ".")
    marks = [
        _(words)
        for mark, words in ((person.notices_signs, NOTICES_SIGNS), (person.call_for_help, CALL_FOR_HELP))
        if mark
    ]
    if marks:
        lines.append(_capital("; ".join(marks)) + ".")
    if person.reach:
        lines.append(_("Reach: {reach}").format(reach=person.reach))
    if person.note:
        lines.append(_("Note: {note}").format(note=" ".join(person.note.split())))
    if person.together_with:
        lines.append(_("Written together with {name}.").format(name=person.together_with))
    return lines
