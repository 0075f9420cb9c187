"""The parts a person can choose to share or print, each as plain blocks.

Only the parts chosen are read, so a file holds exactly those and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from imr_companion import clock, content, i18n
from imr_companion.areas import SHARE_PARTS, load, share_part
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.layout.ladder import paper_lines
from imr_companion.models import Answer, Goal, Moment, Person, SessionNote
from imr_companion.models.goals import RECOVERY_AREA_NAMES, reached_newest_first, steps_phrase, working_on
from imr_companion.models.moments import by_month
from imr_companion.models.network import (
    LIFE_AREA_WORDS,
    LIFE_AREAS,
    RINGS,
    card_order,
    facts,
    paper_summary,
    ring_name,
)
from imr_companion.models.together.sessions import done_words, newest_first, with_whom
from imr_companion.sharing import plan
from imr_companion.sharing.blocks import Block, Heading, Item, Items, Page, Paragraph, Picture, items
from imr_companion.sharing.pictures import network_picture
from imr_companion.store import Database, Repository

# The parts are the manifest's (areas.SHARE_PARTS), in the order they are printed,
# with the words the person sees (through _() where shown).
PART_TITLES: dict[str, str] = {part.name: part.title for part in SHARE_PARTS}
PARTS = tuple(PART_TITLES)


@dataclass(frozen=True)
class Choice:
    """What the person chose to include."""

    parts: tuple[str, ...] = PARTS
    modules: frozenset[str] | None = None
    """Handout ids whose answers are included; None for every module."""
    moments_from: date | None = None
    moments_to: date | None = None

    def __post_init__(self) -> None:
        unknown = [part for part in self.parts if part not in PART_TITLES]
        if unknown:
            raise ValueError(f"unknown parts: {', '.join(unknown)}")


def parse_parts(text: str) -> tuple[str, ...]:
    """'plan,goals' as parts in print order; ValueError naming the parts there are."""
    wanted = {word.strip().lower() for word in text.split(",") if word.strip()}
    if not wanted or wanted - set(PARTS):
        # The parts' names are the command line's words, the same in every language.
        raise ValueError(_("the parts are: {parts}").format(parts=", ".join(PARTS)))
    return tuple(part for part in PARTS if part in wanted)


def _day(day: date) -> str:
    return date_words(day, "date")


def capital(text: str) -> str:
    """`text` with a capital first letter: a heading may start with a month, in Danish "december"."""
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def plan_blocks(database: Database, choice: Choice) -> list[Block]:
    return plan.plan_blocks(database)


def network_blocks(database: Database, choice: Choice) -> list[Block]:
    people = card_order(Repository.of(database, Person).all())
    if not people:
        return [Paragraph(_("Nobody on the network card yet."))]
    blocks: list[Block] = [Paragraph(line) for line in paper_summary(people)]
    blocks.append(
        Picture(tuple(network_picture(people)), _("The network card as a map, with me in the middle."))
    )
    for ring in RINGS:
        for area in LIFE_AREAS:
            group = [p for p in people if p.ring == ring and p.area == area]
            if group:
                words = ring_name(ring) + ": " + _(LIFE_AREA_WORDS[area]).lower()
                blocks.append(Heading(3, words))
                # The ring and life area are the heading; the rest of what the card says follows the name.
                said = [(" ".join(_sentence(line) for line in facts(p)[1:]), p.name) for p in group]
                blocks.append(Items(tuple(Item(text, label=name) for text, name in said)))
    return blocks


def _goal_blocks(goal: Goal, level: int, picture: bool, current: bool = False) -> list[Block]:
    title = _("Current goal: {goal}").format(goal=goal.text) if current else goal.text
    blocks: list[Block] = [Heading(level, title), Paragraph(goal_facts(goal, _day))]
    if goal.why:
        blocks.append(Paragraph(_("Why it matters: {why}").format(why=goal.why)))
    if picture:
        blocks.append(Picture(tuple(paper_lines(goal, _day)), _("The ladder, climbed from the bottom up.")))
    if goal.steps:
        # The same steps in words, first step first, for reading aloud and for a screen reader.
        next_step = goal.next_step
        steps = []
        for step in goal.steps:
            notes = []
            if step.done_on:
                notes.append(_("done {date}").format(date=_day(step.done_on)))
            elif next_step is not None and step.id == next_step.id:
                notes.append(_("next step"))
            if step.planned_on and not step.done_on:
                notes.append(_("a day to try it: {date}").format(date=_day(step.planned_on)))
            if step.together_with:
                notes.append(_("together with {name}").format(name=step.together_with))
            note = f" ({'; '.join(notes)})" if notes else ""
            steps.append(Item(f"{step.text}{note}", mark="[x]" if step.done else "[ ]"))
        blocks.append(Items(tuple(steps), numbered=True))
    return blocks


def goal_facts(goal: Goal, day: Callable[[date], str]) -> str:
    """'Reached on 3 March 2026. Health. 5 steps on the ladder.': the goal's facts as sentences.

    `day` writes a date (the Markdown export and the shared page write it the same way today).
    Shared by both, so a goal reads the same on every printed page.
    """
    words = [_(RECOVERY_AREA_NAMES[goal.area]), steps_phrase(goal)]
    if goal.reached_on:
        words.insert(0, _("reached on {date}").format(date=day(goal.reached_on)))
    elif goal.hoped_for:
        words.append(_("hoping for {date}").format(date=day(goal.hoped_for)))
    if goal.together_with:
        words.append(_("written together with {name}").format(name=goal.together_with))
    return ". ".join(capital(w) for w in words) + "."


def goals_blocks(database: Database, choice: Choice) -> list[Block]:
    goals = Repository.of(database, Goal).all()
    if not goals:
        return [Paragraph(_("No goal written yet."))]
    blocks: list[Block] = []
    for index, goal in enumerate(working_on(goals)):
        blocks += _goal_blocks(goal, 3, picture=True, current=index == 0)
    reached = reached_newest_first(goals)
    if reached:
        blocks.append(Heading(3, _("Goals reached ({count})").format(count=len(reached))))
        for goal in reached:
            blocks += _goal_blocks(goal, 4, picture=False)
    return blocks


def moments_blocks(database: Database, choice: Choice) -> list[Block]:
    low = choice.moments_from.isoformat() if choice.moments_from else "0000"
    high = choice.moments_to.isoformat() if choice.moments_to else None
    moments = Repository.of(database, Moment).where("day", low, high)
    span = _span(choice)
    if not moments:
        return [Paragraph(span + _("No good moments written in this time."))]
    count = len(moments)
    blocks: list[Block] = [
        Paragraph(span + ngettext("{count} good moment.", "{count} good moments.", count).format(count=count))
    ]
    for month, group in by_month(moments):
        blocks.append(Heading(3, f"{capital(date_words(month, 'month'))} ({len(group)})"))
        shown = []
        for moment in group:
            text = moment.text
            if moment.together_with:
                text = _("{text} (together with {name})").format(text=text, name=moment.together_with)
            shown.append(Item(text, label=date_words(moment.day, "week_day")))
        blocks.append(Items(tuple(shown)))
    return blocks


def _span(choice: Choice) -> str:
    """'From 1 March 2026 to today. ': the time the good moments were chosen from, or nothing."""
    start, end = choice.moments_from, choice.moments_to
    if start and end:
        return _("From {start} to {end}.").format(start=_day(start), end=_day(end)) + " "
    if start:
        return _("From {start} to today.").format(start=_day(start)) + " "
    if end:
        return _("From the beginning to {end}.").format(end=_day(end)) + " "
    return ""


def answer_texts(answer: Answer, exercise: content.Exercise | None) -> list[str]:
    """What an answer says, as plain text: one text, or a line each (a list, the ticks of a checklist).

    The one reading of an answer, for the share page and the Markdown export alike."""
    if answer.kind == "text":
        return [answer.text]
    if answer.kind == "list":
        return list(answer.lines)
    if answer.kind == "checklist":
        ticked = content.picked_words(exercise, answer.ticked, answer.unmatched)
        return [
            *ticked,
            *([_("{words} (in my own words)").format(words=answer.other)] if answer.other else []),
        ]
    if answer.kind == "choice":
        return [
            " ".join(
                content.picked_words(exercise, [answer.choice] if answer.choice else [], answer.unmatched)
            )
        ]
    if exercise and exercise.low:
        ends = _("{rating} of 5 ({low} = 1, {high} = 5)")
        return [ends.format(rating=answer.rating, low=exercise.low, high=exercise.high)]
    return [_("{rating} of 5").format(rating=answer.rating)]


def last_changed(answer: Answer, day: str) -> str:
    """'Last changed 3 March 2026, together with Jo.' (`day` already written, escaped where it must be)."""
    if answer.together_with:
        return _("Last changed {date}, together with {name}.").format(date=day, name=answer.together_with)
    return _("Last changed {date}.").format(date=day)


def answers_blocks(database: Database, choice: Choice) -> list[Block]:
    answers = [a for a in Repository.of(database, Answer).all() if not a.is_empty]
    if choice.modules is not None:
        answers = [a for a in answers if a.handout in choice.modules]
    if not answers:
        return [Paragraph(_("No answers written in these modules yet."))]
    blocks: list[Block] = []
    # In the person's language where a module has it (else English), as the reader shows them.
    for handout in content.library(i18n.language()):
        mine = [a for a in answers if a.handout == handout.id]
        if not mine:
            continue
        blocks.append(
            Heading(3, _("Module {number}: {title}").format(number=handout.number, title=handout.title))
        )
        order = {e.id: n for n, e in enumerate(handout.exercises)}
        for answer in sorted(mine, key=lambda a: order.get(a.exercise, len(order))):
            exercise = handout.exercise(answer.exercise)
            blocks.append(Heading(4, exercise.prompt if exercise else answer.exercise.replace("-", " ")))
            texts = answer_texts(answer, exercise)
            if answer.kind in ("list", "checklist"):
                blocks.append(items(texts))
            else:
                blocks.append(Paragraph(texts[0]))
            blocks.append(Paragraph(last_changed(answer, _day(answer.changed)), quiet=True))
    return blocks


def sessions_blocks(database: Database, choice: Choice) -> list[Block]:
    notes = newest_first(Repository.of(database, SessionNote).all())
    if not notes:
        return [Paragraph(_("No session notes kept yet."))]
    blocks: list[Block] = []
    for note in notes:
        blocks.append(Heading(3, f"{_day(note.day)}, {with_whom(note)}"))
        if note.done:
            blocks.append(items([done_words(line) for line in note.done]))
        if note.note:
            blocks.append(Paragraph(note.note))
    return blocks


def selfcheck_blocks(database: Database, choice: Choice) -> list[Block]:
    """Each area's change in words and as its row of marks, the person's own view; a contact
    person's view beside it is marked as theirs."""
    from imr_companion.sharing.selfcheck import selfcheck_blocks as blocks

    return blocks(database)


def coping_blocks(database: Database, choice: Choice) -> list[Block]:
    """Each strategy, the ones that helped most first: how well (marks and words), how often, when."""
    from imr_companion.models.coping import marks, tries_words
    from imr_companion.store.queries.coping import strategies, words

    shown = strategies(database)
    if not shown:
        return [Paragraph(_("Nothing kept under things that help me yet."))]
    blocks: list[Block] = [Paragraph(_("The ones that helped most first; ●●●●○ is how well, from 1 to 5."))]
    blocks.append(Items(tuple(Item(f"{marks(s.how_well)} {tries_words(s)}", label=words(s)) for s in shown)))
    return blocks


def shared_page(database: Database, choice: Choice) -> Page:
    name = database.settings().first_name
    title = _("{name}'s IMR Companion").format(name=name) if name else _("My IMR Companion")
    if len(choice.parts) == 1:
        part = _(PART_TITLES[choice.parts[0]])
        title = _("{part} ({name})").format(part=part, name=name) if name else part
    intro = _("Written out on {date}. Private: shared only by my choice.").format(date=_day(clock.today()))
    page = Page(title, intro)
    for part in choice.parts:
        page.blocks.append(Heading(2, _(PART_TITLES[part])))
        page.blocks += load(share_part(part).blocks)(database, choice)
    return page
