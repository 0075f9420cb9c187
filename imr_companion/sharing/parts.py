"""The parts a person can choose to share or print, each as plain blocks.

Only the parts chosen are read, so a file holds exactly those and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from imr_companion import clock, content
from imr_companion.models import Answer, Goal, Moment, Person, SessionNote
from imr_companion.models.goals import (
    RECOVERY_AREA_NAMES,
    long_date,
    reached_newest_first,
    steps_phrase,
    working_on,
)
from imr_companion.models.moments import by_month
from imr_companion.models.network import (
    LIFE_AREA_WORDS,
    LIFE_AREAS,
    RING_WORDS,
    RINGS,
    card_order,
    facts,
    paper_summary,
)
from imr_companion.models.sessions import newest_first, with_whom
from imr_companion.sharing import plan
from imr_companion.sharing.blocks import Block, Heading, Item, Items, Page, Paragraph, Picture, items
from imr_companion.sharing.pictures import ladder_picture, network_picture
from imr_companion.store import Database, Repository

# In the order they are printed, with the words the person sees.
PART_TITLES: dict[str, str] = {
    "plan": "My plan for staying well",
    "network": "My network card",
    "goals": "My goal ladder",
    "moments": "Good moments",
    "answers": "Answers from the handouts",
    "sessions": "Session notes",
}
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
        raise ValueError(f"the parts are: {', '.join(PARTS)}")
    return tuple(part for part in PARTS if part in wanted)


def _day(day: date) -> str:
    return long_date(day)


def plan_blocks(database: Database, choice: Choice) -> list[Block]:
    return plan.plan_blocks(database)


def network_blocks(database: Database, choice: Choice) -> list[Block]:
    people = card_order(Repository.of(database, Person).all())
    if not people:
        return [Paragraph("Nobody on the network card yet.")]
    blocks: list[Block] = [Paragraph(line) for line in paper_summary(people)]
    blocks.append(
        Picture(tuple(network_picture(people)), "The network card as a map, with me in the middle.")
    )
    for ring in RINGS:
        for area in LIFE_AREAS:
            group = [p for p in people if p.ring == ring and p.area == area]
            if group:
                blocks.append(Heading(3, f"{RING_WORDS[ring]}: {LIFE_AREA_WORDS[area].lower()}"))
                blocks.append(Items(tuple(Item(" ".join(facts(p)[1:]), label=p.name) for p in group)))
    return blocks


def _goal_blocks(goal: Goal, level: int, picture: bool) -> list[Block]:
    words = [RECOVERY_AREA_NAMES[goal.area], steps_phrase(goal)]
    if goal.reached_on:
        words.insert(0, f"reached on {_day(goal.reached_on)}")
    elif goal.hoped_for:
        words.append(f"hoping for {_day(goal.hoped_for)}")
    if goal.together_with:
        words.append(f"written together with {goal.together_with}")
    blocks: list[Block] = [
        Heading(level, goal.text),
        Paragraph(". ".join(w[0].upper() + w[1:] for w in words) + "."),
    ]
    if goal.why:
        blocks.append(Paragraph(f"Why it matters: {goal.why}"))
    if picture:
        blocks.append(Picture(tuple(ladder_picture(goal)), "The ladder, climbed from the bottom up."))
    if goal.steps:
        # The same steps in words, first step first, for reading aloud and for a screen reader.
        next_step = goal.next_step
        steps = []
        for step in goal.steps:
            notes = []
            if step.done_on:
                notes.append(f"done {_day(step.done_on)}")
            elif next_step is not None and step.id == next_step.id:
                notes.append("next step")
            if step.together_with:
                notes.append(f"together with {step.together_with}")
            note = f" ({'; '.join(notes)})" if notes else ""
            steps.append(Item(f"{step.text}{note}", mark="[x]" if step.done else "[ ]"))
        blocks.append(Items(tuple(steps), numbered=True))
    return blocks


def goals_blocks(database: Database, choice: Choice) -> list[Block]:
    goals = Repository.of(database, Goal).all()
    if not goals:
        return [Paragraph("No goal written yet.")]
    blocks: list[Block] = []
    for goal in working_on(goals):
        blocks += _goal_blocks(goal, 3, picture=True)
    reached = reached_newest_first(goals)
    if reached:
        blocks.append(Heading(3, f"Goals reached ({len(reached)})"))
        for goal in reached:
            blocks += _goal_blocks(goal, 4, picture=False)
    return blocks


def moments_blocks(database: Database, choice: Choice) -> list[Block]:
    low = choice.moments_from.isoformat() if choice.moments_from else "0000"
    high = choice.moments_to.isoformat() if choice.moments_to else None
    moments = Repository.of(database, Moment).where("day", low, high)
    span = ""
    if choice.moments_from or choice.moments_to:
        start = _day(choice.moments_from) if choice.moments_from else "the beginning"
        end = _day(choice.moments_to) if choice.moments_to else "today"
        span = f"From {start} to {end}. "
    if not moments:
        return [Paragraph(f"{span}No good moments written in this time.")]
    blocks: list[Block] = [Paragraph(f"{span}{len(moments)} good moment{'' if len(moments) == 1 else 's'}.")]
    for month, group in by_month(moments):
        blocks.append(Heading(3, f"{month:%B %Y} ({len(group)})"))
        shown = []
        for moment in group:
            together = f" (together with {moment.together_with})" if moment.together_with else ""
            shown.append(
                Item(f"{moment.text}{together}", label=f"{moment.day:%a} {moment.day.day} {moment.day:%b}")
            )
        blocks.append(Items(tuple(shown)))
    return blocks


def _answer_texts(answer: Answer, exercise: content.Exercise | None) -> list[str]:
    if answer.kind == "text":
        return [answer.text]
    if answer.kind == "list":
        return list(answer.lines)
    if answer.kind == "checklist":
        ticked = content.picked_words(exercise, answer.ticked, answer.unmatched)
        return [*ticked, *([f"{answer.other} (in my own words)"] if answer.other else [])]
    if answer.kind == "choice":
        return [
            " ".join(
                content.picked_words(exercise, [answer.choice] if answer.choice else [], answer.unmatched)
            )
        ]
    return [f"{answer.rating} of 5"]


def answers_blocks(database: Database, choice: Choice) -> list[Block]:
    answers = [a for a in Repository.of(database, Answer).all() if not a.is_empty]
    if choice.modules is not None:
        answers = [a for a in answers if a.handout in choice.modules]
    if not answers:
        return [Paragraph("No answers written in these modules yet.")]
    blocks: list[Block] = []
    for handout in content.library():
        mine = [a for a in answers if a.handout == handout.id]
        if not mine:
            continue
        blocks.append(Heading(3, f"Module {handout.number}: {handout.title}"))
        order = {e.id: n for n, e in enumerate(handout.exercises)}
        for answer in sorted(mine, key=lambda a: order.get(a.exercise, len(order))):
            exercise = handout.exercise(answer.exercise)
            blocks.append(Heading(4, exercise.prompt if exercise else answer.exercise.replace("-", " ")))
            texts = _answer_texts(answer, exercise)
            if answer.kind in ("list", "checklist"):
                blocks.append(items(texts))
            else:
                blocks.append(Paragraph(texts[0]))
            together = f", together with {answer.together_with}" if answer.together_with else ""
            blocks.append(Paragraph(f"Last changed {_day(answer.changed)}{together}.", quiet=True))
    return blocks


def sessions_blocks(database: Database, choice: Choice) -> list[Block]:
    notes = newest_first(Repository.of(database, SessionNote).all())
    if not notes:
        return [Paragraph("No session notes kept yet.")]
    blocks: list[Block] = []
    for note in notes:
        blocks.append(Heading(3, f"{_day(note.day)}, {with_whom(note)}"))
        if note.done:
            blocks.append(items(list(note.done)))
        if note.note:
            blocks.append(Paragraph(note.note))
    return blocks


BUILDERS: dict[str, Callable[[Database, Choice], list[Block]]] = {
    "plan": plan_blocks,
    "network": network_blocks,
    "goals": goals_blocks,
    "moments": moments_blocks,
    "answers": answers_blocks,
    "sessions": sessions_blocks,
}


def shared_page(database: Database, choice: Choice) -> Page:
    name = database.settings().first_name
    title = f"{name}'s IMR Companion" if name else "My IMR Companion"
    if len(choice.parts) == 1:
        title = PART_TITLES[choice.parts[0]] + (f" ({name})" if name else "")
    page = Page(title, f"Written out on {_day(clock.today())}. Private: shared only by my choice.")
    for part in choice.parts:
        page.blocks.append(Heading(2, PART_TITLES[part]))
        page.blocks += BUILDERS[part](database, choice)
    return page
