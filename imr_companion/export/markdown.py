"""The Markdown export: the person's data for reading and printing.

Everything the person wrote passes through escape.py, so that it shows as
typed and can never change the document's structure.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from imr_companion import clock, content
from imr_companion.content import Exercise
from imr_companion.export.escape import markdown_inline, markdown_text
from imr_companion.models import Answer, PracticeTask, Reading
from imr_companion.models.goals import (
    RECOVERY_AREA_NAMES,
    Goal,
    long_date,
    reached_newest_first,
    steps_phrase,
    working_on,
)
from imr_companion.models.moments import Moment, by_month
from imr_companion.models.network import (
    LIFE_AREA_WORDS,
    LIFE_AREAS,
    RING_WORDS,
    RINGS,
    Person,
    card_order,
    facts,
    paper_summary,
    people_phrase,
    ring_counts,
)
from imr_companion.models.plan import PLAN_ID, CheckIn, Plan, PlanVersion
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.models.sessions import SessionNote
from imr_companion.models.supporters import SupporterNote
from imr_companion.store.database import Database
from imr_companion.store.repository import Repository

# --- Markdown -------------------------------------------------------------

MarkdownSection = Callable[[Database], list[str]]


def _moments_section(database: Database) -> list[str]:
    moments = Repository.of(database, Moment).all()
    if not moments:
        return []
    lines = ["## Good moments", ""]
    for month, group in by_month(moments):
        lines += [f"### {month:%B %Y} ({len(group)})", ""]
        for moment in group:
            together = f" (together with {_one_line(moment.together_with)})" if moment.together_with else ""
            text = _one_line(moment.text)
            lines.append(f"- {moment.day:%a %d %b}: {text}{together}")
        lines.append("")
    return lines


def _one_line(text: str) -> str:
    return markdown_inline(text)


def _goal_lines(goal: Goal, heading: str) -> list[str]:
    lines = [f"{heading} {_one_line(goal.text)}", ""]
    facts = [RECOVERY_AREA_NAMES[goal.area], steps_phrase(goal)]
    if goal.reached_on:
        facts.insert(0, f"Reached on {long_date(goal.reached_on)}")
    elif goal.hoped_for:
        facts.append(f"hoping for {long_date(goal.hoped_for)}")
    if goal.together_with:
        facts.append(f"written together with {_one_line(goal.together_with)}")
    lines += [". ".join(fact[0].upper() + fact[1:] for fact in facts) + ".", ""]
    if goal.why:
        lines += ["Why it matters: " + _one_line(goal.why), ""]
    if goal.steps:
        # Printed the way the ladder is climbed: first step first.
        next_step = goal.next_step
        for number, step in enumerate(goal.steps, start=1):
            notes = []
            if step.done_on:
                notes.append(f"done {long_date(step.done_on)}")
            elif next_step is not None and step.id == next_step.id:
                notes.append("next step")
            if step.planned_on and not step.done_on:
                notes.append(f"a day to try it: {long_date(step.planned_on)}")
            if step.together_with:
                notes.append(f"together with {_one_line(step.together_with)}")
            mark = "x" if step.done else " "
            note = f" ({'; '.join(notes)})" if notes else ""
            lines.append(f"{number}. [{mark}] {_one_line(step.text)}{note}")
        lines.append("")
    return lines


def _plan_lines(database: Database, level: str) -> list[str]:
    """The plan's sections as Markdown, inside the full export; [] when nothing is written.

    Drawn by the one builder of the printed plan (sharing/plan.py): the
    emergency number first, and the people to call as Help now lists them. A
    section with nothing in it yet keeps its heading and says so, so that a
    reader sees it was not forgotten and the person sees what is still open.
    """
    # Imported here because sharing uses this package's escape.
    from imr_companion.sharing.markdown import blocks_markdown
    from imr_companion.sharing.plan import plan_blocks

    found = Repository.of(database, Plan).where("id", PLAN_ID, PLAN_ID)
    if not found or found[0].is_empty:
        return []
    return [blocks_markdown(plan_blocks(database, len(level), empty_sections=True))]


def _goals_section(database: Database) -> list[str]:
    goals = Repository.of(database, Goal).all()
    if not goals:
        return []
    lines = ["## Goals", ""]
    for index, goal in enumerate(working_on(goals)):
        lines += _goal_lines(goal, "### Current goal:" if index == 0 else "###")
    reached = reached_newest_first(goals)
    if reached:
        lines += [f"### Reached ({len(reached)})", ""]
        for goal in reached:
            lines += _goal_lines(goal, "####")
    return lines


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _network_section(database: Database) -> list[str]:
    people = card_order(Repository.of(database, Person).all())
    if not people:
        return []
    counts = ring_counts(people)
    by_ring = ", ".join(f"{counts[ring]} {RING_WORDS[ring].lower()}" for ring in RINGS)
    lines = ["## My network card", "", f"{people_phrase(len(people))}: {by_ring}.", ""]
    lines += [*paper_summary(people), ""]
    for ring in RINGS:
        in_ring = [person for person in people if person.ring == ring]
        if not in_ring:
            continue
        lines += [f"### {RING_WORDS[ring]} ({people_phrase(len(in_ring))})", ""]
        for area in LIFE_AREAS:
            group = [person for person in in_ring if person.area == area]
            if not group:
                continue
            lines += [f"**{LIFE_AREA_WORDS[area]}**", ""]
            for person in group:
                # The ring and life area are the headings; the rest of what the card says follows the name.
                details = " ".join(_sentence(markdown_inline(line)) for line in facts(person)[1:])
                lines.append(f"- **{markdown_inline(person.name)}**" + (f": {details}" if details else ""))
            lines.append("")
    return lines


def _newest_review(database: Database) -> PlanVersion | None:
    versions = Repository.of(database, PlanVersion).all()
    return max(versions, key=lambda v: (v.reviewed_on, v.created), default=None)


def plan_markdown(database: Database) -> str:
    """The plan alone, for the person to print or give to whom they choose."""
    name = database.settings().first_name
    title = f"# {markdown_inline(name)}'s plan for staying well" if name else "# My plan for staying well"
    newest = _newest_review(database)
    looked = f" Last looked over on {newest.reviewed_on:%d %B %Y}." if newest else ""
    lines = [
        title,
        "",
        f"My relapse prevention plan (IMR). Written out on {clock.today():%d %B %Y}.{looked}",
        "",
    ]
    # The emergency number and the people to call are printed even before the plan is written.
    from imr_companion.sharing.markdown import blocks_markdown
    from imr_companion.sharing.plan import plan_blocks

    lines.append(blocks_markdown(plan_blocks(database, 2, empty_sections=True)))
    return "\n".join(lines).rstrip() + "\n"


def _plan_section(database: Database) -> list[str]:
    body = _plan_lines(database, "###")
    versions = sorted(Repository.of(database, PlanVersion).all(), key=lambda v: v.reviewed_on)
    checkins = sorted(Repository.of(database, CheckIn).all(), key=lambda c: c.day)
    if not body and not versions and not checkins:
        return []
    lines = ["## My plan", "", *body]
    if versions:
        dates = ", ".join(f"{v.reviewed_on:%d %b %Y}" for v in versions)
        lines += ["### Looked over", "", dates, ""]
    if checkins:
        lines += ["### Check-ins by month", ""]
        months: dict[str, list[CheckIn]] = {}
        for checkin in checkins:
            months.setdefault(f"{checkin.day:%B %Y}", []).append(checkin)
        for month, group in reversed(months.items()):
            noticed = [c for c in group if c.noticed]
            counts: dict[str, int] = {}
            for checkin in noticed:
                for sign in checkin.noticed:
                    counts[sign.text] = counts.get(sign.text, 0) + 1
            line = f"- {month}: checked in on {len(group)} day{'' if len(group) == 1 else 's'}"
            if noticed:
                signs = ", ".join(f"{markdown_inline(text)} ({n})" for text, n in counts.items())
                line += f"; signs on {len(noticed)} day{'' if len(noticed) == 1 else 's'}: {signs}"
            lines.append(line)
        lines.append("")
    return lines


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _answer_lines(answer: Answer, exercise: Exercise | None) -> list[str]:
    """An answer as a printable paragraph under its question."""
    if answer.kind == "text":
        return [line + "  " for line in markdown_text(answer.text).split("  \n")]
    if answer.kind == "list":
        return [f"- {markdown_inline(line)}" for line in answer.lines]
    if answer.kind == "checklist":
        other = [f"{markdown_inline(answer.other)} (in my own words)"] if answer.other else []
        ticked = content.picked_words(exercise, answer.ticked, answer.unmatched)
        return [f"- [x] {item}" for item in [*map(markdown_inline, ticked), *other]]
    if answer.kind == "choice":
        chosen = content.picked_words(exercise, [answer.choice] if answer.choice else [], answer.unmatched)
        return [markdown_inline(" ".join(chosen))]
    ends = f" ({exercise.low} = 1, {exercise.high} = 5)" if exercise and exercise.low else ""
    return [f"{answer.rating} of 5{ends}"]


def _handouts_section(database: Database) -> list[str]:
    readings = {r.handout: r for r in Repository.of(database, Reading).all()}
    answers = [a for a in Repository.of(database, Answer).all() if not a.is_empty]
    if not readings and not answers:
        return []
    lines = ["## Handouts", ""]
    for handout in content.library():
        reading = readings.get(handout.id)
        if reading is None:
            continue
        ids = [s.id for s in handout.sections_for(reading.sheet)]
        state = f"{reading.has_read(ids)} of {len(ids)} sections read"
        if reading.done:
            state = f"done{f' on {_day(reading.done_on)}' if reading.done_on else ''}, {state}"
        sheet = handout.sheet(reading.sheet)
        sheet_words = f", sheet: {sheet.title}" if sheet else ""
        lines.append(f"- Module {handout.number}, {handout.title}: {state}{sheet_words}")
    lines.append("")
    by_handout: dict[str, list[Answer]] = {}
    for answer in answers:
        by_handout.setdefault(answer.handout, []).append(answer)
    known = {h.id for h in content.library()}
    for handout in content.library():
        if handout.id not in by_handout:
            continue
        lines += [f"### Module {handout.number}: {handout.title}", ""]
        order = {e.id: n for n, e in enumerate(handout.exercises)}
        # Each answer under the section it belongs to, so it reads with its context.
        section_of = {ident: section.title for section in handout.sections for ident in section.exercises}
        heading = None
        for answer in sorted(by_handout[handout.id], key=lambda a: order.get(a.exercise, len(order))):
            exercise = handout.exercise(answer.exercise)
            title = section_of.get(answer.exercise)
            if title and title != heading:
                lines += [f"#### {title}", ""]
                heading = title
            question = (
                exercise.prompt
                if exercise
                else markdown_inline(answer.exercise.replace("-", " ").capitalize())
            )
            together = (
                f", together with {markdown_inline(answer.together_with)}" if answer.together_with else ""
            )
            lines += [f"**{question}**", "", *_answer_lines(answer, exercise), ""]
            lines += [f"*Last changed {_day(answer.changed)}{together}.*", ""]
    for handout_id in sorted(set(by_handout) - known):
        # Answers to a handout this version no longer has are still the person's words.
        lines += [f"### Earlier handout: {markdown_inline(handout_id)}", ""]
        for answer in by_handout[handout_id]:
            lines += [f"**{markdown_inline(answer.exercise)}**", "", *_answer_lines(answer, None), ""]
    return lines


_PRACTICE_MARKS = {PracticeStatus.OPEN: "[ ]", PracticeStatus.DONE: "[x]", PracticeStatus.LET_GO: "[~]"}


def _practice_section(database: Database) -> list[str]:
    tasks = Repository.of(database, PracticeTask).all()
    if not tasks:
        return []
    lines = ["## This week's practice", "", "[x] done, [~] let go, [ ] open.", ""]
    weeks: dict[date, list[PracticeTask]] = {}
    for task in tasks:
        weeks.setdefault(week_start(task.week_of), []).append(task)
    for monday in sorted(weeks, reverse=True):
        lines += [f"### Week of {_day(monday)}", ""]
        for task in sorted(weeks[monday], key=lambda t: t.created):
            notes = []
            if task.status == PracticeStatus.DONE and task.finished_on:
                notes.append(f"done {task.finished_on.day} {task.finished_on:%b}")
            if task.status == PracticeStatus.LET_GO:
                notes.append("let go")
            if task.together_with:
                notes.append(f"together with {markdown_inline(task.together_with)}")
            extra = f" ({', '.join(notes)})" if notes else ""
            lines.append(f"- {_PRACTICE_MARKS[task.status]} {markdown_inline(task.text)}{extra}")
        lines.append("")
    return lines


# Each area adds its section here, in the order a reader would want them.
def _supporters_section(database: Database) -> list[str]:
    people = {person.id: person for person in Repository.of(database, Person).all()}
    notes = [note for note in Repository.of(database, SupporterNote).all() if note.asks and note.id in people]
    if not notes:
        return []
    lines = ["## What I would like my supporters to do", ""]
    for note in sorted(notes, key=lambda n: people[n.id].name.casefold()):
        lines += [f"**{markdown_inline(people[note.id].name)}**", "", markdown_text(note.asks), ""]
    return lines


def _sessions_section(database: Database) -> list[str]:
    # Drawn as the share page draws them, so a session note reads the same in
    # both; imported here because sharing uses this package's escape.
    from imr_companion.sharing.markdown import blocks_markdown
    from imr_companion.sharing.parts import Choice, sessions_blocks

    if not Repository.of(database, SessionNote).count():
        return []
    return ["## Session notes", "", blocks_markdown(sessions_blocks(database, Choice(("sessions",))))]


MARKDOWN_SECTIONS: list[MarkdownSection] = [
    _handouts_section,
    _practice_section,
    _moments_section,
    _goals_section,
    _network_section,
    _plan_section,
    _supporters_section,
    _sessions_section,
]

# Parts that can be written out on their own (`export --only NAME`).
MARKDOWN_PARTS: dict[str, Callable[[Database], str]] = {"plan": plan_markdown}


def to_markdown(database: Database) -> str:
    name = database.settings().first_name
    title = f"# {markdown_inline(name)}'s IMR Companion" if name else "# My IMR Companion"
    lines = [title, "", f"Written out on {clock.today():%d %B %Y}. Private: shared only if I choose.", ""]
    body: list[str] = []
    for section in MARKDOWN_SECTIONS:
        body += section(database)
    lines += body or ["Nothing written yet."]
    return "\n".join(lines).rstrip() + "\n"
