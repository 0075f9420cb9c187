"""The Markdown export: the person's data for reading and printing.

Everything the person wrote passes through escape.py, so that it shows as
typed and can never change the document's structure.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from imr_companion import clock, content, i18n
from imr_companion.areas import load, share_part
from imr_companion.content import Exercise
from imr_companion.export.escape import markdown_inline, markdown_text
from imr_companion.i18n import N_, _, date_words, ngettext
from imr_companion.layout.checkin_grid import first_monday, legend, paper_lines, rows_for
from imr_companion.models import (
    Answer,
    CopingStrategy,
    Goal,
    Moment,
    Person,
    PracticeTask,
    Reading,
    Record,
    SelfCheck,
    SessionNote,
)
from imr_companion.models.group import GroupNote
from imr_companion.models.plan import PLAN_ID, CheckIn, Plan, PlanVersion
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.models.together.supporters import SupporterNote
from imr_companion.sharing.parts import answer_texts, last_changed
from imr_companion.sharing.parts import capital as _capital
from imr_companion.store.database import Database
from imr_companion.store.queries.plan import checkins_between, load_plan
from imr_companion.store.repository import Repository

# --- Markdown -------------------------------------------------------------

MarkdownSection = Callable[[Database], list[str]]


def _shared_part(part: str, heading: str, table: type[Record]) -> MarkdownSection:
    """A part drawn as the share page draws it (areas.SHARE_PARTS), under the export's own heading."""

    def section(database: Database) -> list[str]:
        # Imported here because sharing uses this package's escape.
        from imr_companion.sharing.markdown import blocks_markdown
        from imr_companion.sharing.parts import Choice

        if not Repository.of(database, table).count():
            return []
        blocks = load(share_part(part).blocks)(database, Choice((part,)))
        return ["## " + _(heading), "", blocks_markdown(blocks)]

    return section


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


def _newest_review(database: Database) -> PlanVersion | None:
    versions = Repository.of(database, PlanVersion).all()
    return max(versions, key=lambda v: (v.reviewed_on, v.created), default=None)


def plan_markdown(database: Database) -> str:
    """The plan alone, for the person to print or give to whom they choose."""
    name = database.settings().first_name
    title = (
        _("{name}'s plan for staying well").format(name=markdown_inline(name))
        if name
        else _("My plan for staying well")
    )
    intro = _("My relapse prevention plan (IMR). Written out on {date}.").format(date=_day(clock.today()))
    newest = _newest_review(database)
    if newest:
        intro += " " + _("Last looked over on {date}.").format(date=_day(newest.reviewed_on))
    lines = [f"# {title}", "", intro, ""]
    # The emergency number and the people to call are printed even before the plan is written.
    from imr_companion.sharing.markdown import blocks_markdown
    from imr_companion.sharing.plan import plan_blocks

    lines.append(blocks_markdown(plan_blocks(database, 2, empty_sections=True)))
    return "\n".join(lines).rstrip() + "\n"


GRID_WEEKS = 8


def _recent_checkins(database: Database) -> list[str]:
    """The last weeks' check-ins drawn as the plan's check-in history draws them; [] without any."""
    from imr_companion.sharing.blocks import Picture
    from imr_companion.sharing.markdown import blocks_markdown

    today = clock.today()
    recent = checkins_between(database, first_monday(today, GRID_WEEKS), today)
    rows = rows_for([(sign.id, sign.text) for sign in load_plan(database).signs], recent)
    if not recent or not rows:
        return []
    picture = Picture(tuple(paper_lines(rows, recent, today, GRID_WEEKS)), legend())
    heading = ngettext("Check-ins, the last {count} week", "Check-ins, the last {count} weeks", GRID_WEEKS)
    return ["### " + heading.format(count=GRID_WEEKS), "", blocks_markdown([picture])]


def _plan_section(database: Database) -> list[str]:
    body = _plan_lines(database, "###")
    versions = sorted(Repository.of(database, PlanVersion).all(), key=lambda v: v.reviewed_on)
    checkins = sorted(Repository.of(database, CheckIn).all(), key=lambda c: c.day)
    if not body and not versions and not checkins:
        return []
    lines = ["## " + _("My plan"), "", *body]
    if versions:
        dates = ", ".join(date_words(v.reviewed_on, "short_year") for v in versions)
        lines += ["### " + _("Looked over"), "", dates, ""]
    if checkins:
        lines += _recent_checkins(database)
        lines += ["### " + _("Check-ins by month"), ""]
        months: dict[date, list[CheckIn]] = {}
        for checkin in checkins:
            months.setdefault(checkin.day.replace(day=1), []).append(checkin)
        for month, group in reversed(months.items()):
            noticed = [c for c in group if c.noticed]
            counts: dict[str, int] = {}
            for checkin in noticed:
                for sign in checkin.noticed:
                    counts[sign.text] = counts.get(sign.text, 0) + 1
            days = len(group)
            line = ngettext("{month}: checked in on {count} day", "{month}: checked in on {count} days", days)
            line = "- " + line.format(month=_capital(date_words(month, "month")), count=days)
            if noticed:
                signs = ", ".join(f"{markdown_inline(text)} ({n})" for text, n in counts.items())
                seen = ngettext(
                    "signs on {count} day: {signs}", "signs on {count} days: {signs}", len(noticed)
                )
                line += "; " + seen.format(count=len(noticed), signs=signs)
            lines.append(line)
        lines.append("")
    return lines


def _day(day: date) -> str:
    return date_words(day, "date")


def _answer_lines(answer: Answer, exercise: Exercise | None) -> list[str]:
    """An answer as a printable paragraph under its question: what it says is the share page's
    reading of it (sharing/parts.answer_texts), escaped here."""
    texts = answer_texts(answer, exercise)
    if answer.kind == "text":
        return [line + "  " for line in markdown_text(texts[0]).split("  \n")]
    if answer.kind == "list":
        return [f"- {markdown_inline(line)}" for line in texts]
    if answer.kind == "checklist":
        return [f"- [x] {markdown_inline(line)}" for line in texts]
    return [markdown_inline(texts[0])]


def _handouts_section(database: Database) -> list[str]:
    readings = {r.handout: r for r in Repository.of(database, Reading).all()}
    answers = [a for a in Repository.of(database, Answer).all() if not a.is_empty]
    if not readings and not answers:
        return []
    # The handouts in the person's language where a module has it (else English), as the reader shows them.
    library = content.library(i18n.language())
    lines = ["## " + _("Handouts"), ""]
    for handout in library:
        reading = readings.get(handout.id)
        if reading is None:
            continue
        lines.append("- " + _reading_line(handout, reading))
    lines.append("")
    by_handout: dict[str, list[Answer]] = {}
    for answer in answers:
        by_handout.setdefault(answer.handout, []).append(answer)
    known = {h.id for h in library}
    for handout in library:
        if handout.id not in by_handout:
            continue
        lines += [
            "### " + _("Module {number}: {title}").format(number=handout.number, title=handout.title),
            "",
        ]
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
            lines += [f"**{question}**", "", *_answer_lines(answer, exercise), ""]
            escaped = answer.model_copy(update={"together_with": markdown_inline(answer.together_with or "")})
            lines += [f"*{last_changed(escaped, _day(answer.changed))}*", ""]
    for handout_id in sorted(set(by_handout) - known):
        # Answers to a handout this version no longer has are still the person's words.
        lines += ["### " + _("Earlier handout: {name}").format(name=markdown_inline(handout_id)), ""]
        for answer in by_handout[handout_id]:
            lines += [f"**{markdown_inline(answer.exercise)}**", "", *_answer_lines(answer, None), ""]
    return lines


def _reading_line(handout: content.Handout, reading: Reading) -> str:
    """'Module 3, Title: done on 3 March 2026, 4 of 4 sections read, sheet: Title'."""
    ids = [s.id for s in handout.sections_for(reading.sheet)]
    read, total = reading.has_read(ids), len(ids)
    state = ngettext("{read} of {total} section read", "{read} of {total} sections read", total)
    state = state.format(read=read, total=total)
    if reading.done and reading.done_on:
        state = _("done on {date}, {sections}").format(date=_day(reading.done_on), sections=state)
    elif reading.done:
        state = _("done, {sections}").format(sections=state)
    sheet = handout.sheet(reading.sheet)
    if sheet:
        state = _("{sections}, sheet: {sheet}").format(sections=state, sheet=sheet.title)
    return _("Module {number}, {title}: {state}").format(
        number=handout.number, title=handout.title, state=state
    )


_PRACTICE_MARKS = {PracticeStatus.OPEN: "[ ]", PracticeStatus.DONE: "[x]", PracticeStatus.LET_GO: "[~]"}


def _practice_section(database: Database) -> list[str]:
    tasks = Repository.of(database, PracticeTask).all()
    if not tasks:
        return []
    title = _("This week's practice")
    lines = [f"## {title}", "", _("[x] done, [~] let go, [ ] open."), ""]
    weeks: dict[date, list[PracticeTask]] = {}
    for task in tasks:
        weeks.setdefault(week_start(task.week_of), []).append(task)
    for monday in sorted(weeks, reverse=True):
        lines += ["### " + _("Week of {date}").format(date=_day(monday)), ""]
        for task in sorted(weeks[monday], key=lambda t: t.created):
            notes = []
            if task.status == PracticeStatus.DONE and task.finished_on:
                notes.append(_("done {date}").format(date=date_words(task.finished_on, "short")))
            if task.status == PracticeStatus.LET_GO:
                notes.append(_("let go"))
            if task.together_with:
                notes.append(_("together with {name}").format(name=markdown_inline(task.together_with)))
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
    lines = ["## " + _("What I would like my supporters to do"), ""]
    for note in sorted(notes, key=lambda n: people[n.id].name.casefold()):
        lines += [f"**{markdown_inline(people[note.id].name)}**", "", markdown_text(note.asks), ""]
        if note.together_with:
            lines += [_("Written together with {name}").format(name=markdown_inline(note.together_with)), ""]
    return lines


def _group_section(database: Database) -> list[str]:
    notes = sorted(Repository.of(database, GroupNote).all(), key=lambda n: (n.day, n.created), reverse=True)
    if not notes:
        return []
    lines = ["## " + _("After my group's meetings"), ""]
    for note in notes:
        lines += ["### " + _day(note.day), ""]
        if note.took:
            lines += ["**" + _("What I took with me") + "**", "", markdown_text(note.took), ""]
        if note.agreed:
            lines += ["**" + _("What we agreed to try") + "**", "", markdown_text(note.agreed), ""]
    return lines


MARKDOWN_SECTIONS: list[MarkdownSection] = [
    _handouts_section,
    _practice_section,
    _shared_part("moments", N_("Good moments"), Moment),
    _shared_part("goals", N_("Goals"), Goal),
    _shared_part("network", N_("My network card"), Person),
    _plan_section,
    _shared_part("coping", N_("Things that help me"), CopingStrategy),
    _supporters_section,
    _shared_part("sessions", N_("Session notes"), SessionNote),
    # The same picture as the screen and the share page (layout/change.py, sharing/selfcheck.py).
    _shared_part("self-check", N_("Self-check"), SelfCheck),
    _group_section,
]

# Parts that can be written out on their own (`export --only NAME`).
MARKDOWN_PARTS: dict[str, Callable[[Database], str]] = {"plan": plan_markdown}


def to_markdown(database: Database) -> str:
    name = database.settings().first_name
    title = _("{name}'s IMR Companion").format(name=markdown_inline(name)) if name else _("My IMR Companion")
    intro = _("Written out on {date}. Private: shared only if I choose.").format(date=_day(clock.today()))
    lines = [f"# {title}", "", intro, ""]
    body: list[str] = []
    for section in MARKDOWN_SECTIONS:
        body += section(database)
    lines += body or [_("Nothing written yet.")]
    return "\n".join(lines).rstrip() + "\n"
