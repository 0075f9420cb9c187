"""Where a person is in the handouts, from the content and their reading records."""

from __future__ import annotations

from dataclasses import dataclass

from imr_companion import content, i18n
from imr_companion.content import Handout, Section
from imr_companion.i18n import N_, _, pgettext
from imr_companion.models.handouts import Reading, last_read
from imr_companion.store import Database, Repository

BAR_CELLS = 8


def progress_bar(read: int, total: int, cells: int = BAR_CELLS) -> str:
    """'███░░░░░': solid for read, light for not yet, so it reads without colour."""
    filled = round(cells * read / total) if total else 0
    if read and not filled:
        filled = 1
    return "█" * filled + "░" * (cells - filled)


@dataclass(frozen=True)
class Place:
    """Where a person is in one handout: the section to open and how far they are."""

    handout: Handout
    reading: Reading
    index: int
    total: int
    read: int

    @property
    def section(self) -> Section:
        return self.handout.sections_for(self.reading.sheet)[self.index]

    @property
    def section_phrase(self) -> str:
        """'section 2 of 6', in the person's language."""
        return _("section {number} of {total}").format(number=self.index + 1, total=self.total)

    def phrase(self) -> str:
        """'Module 3, section 2 of 6', in the person's language."""
        return _("Module {module}, section {number} of {total}").format(
            module=self.handout.number, number=self.index + 1, total=self.total
        )


def readings(database: Database) -> dict[str, Reading]:
    """Every reading record by handout id (at most one per module, so this stays small)."""
    return {r.handout: r for r in Repository.of(database, Reading).all()}


def place_in(handout: Handout, reading: Reading | None) -> Place:
    reading = reading or Reading.of(handout.id)
    ids = [s.id for s in handout.sections_for(reading.sheet)]
    return Place(handout, reading, reading.resume_at(ids), len(ids), reading.has_read(ids))


def where_to_continue(readings: dict[str, Reading]) -> tuple[Place, bool] | None:
    """(place, started) for Continue: the module the person was in, else the next one to start.

    The modules in the person's language (each in English where it has none yet).
    None when every module is done.
    """
    language = i18n.language()
    last = last_read(list(readings.values()))
    last_handout = content.handout(last.handout, language) if last is not None else None
    if last is not None and last_handout is not None and not last.done:
        return place_in(last_handout, last), True
    waiting = [h for h in content.library(language) if not (h.id in readings and readings[h.id].done)]
    after = last_handout.number if last_handout is not None else 0
    upcoming = [h for h in waiting if h.number > after] or waiting
    if not upcoming:
        return None
    handout = upcoming[0]
    return place_in(handout, readings.get(handout.id)), handout.id in readings


ONLY_IN_ENGLISH = N_("This handout is only in English so far.")


def language_note(handout: Handout) -> str:
    """A word when a module is shown in English because the person's language has no file for it yet."""
    return _(ONLY_IN_ENGLISH) if handout.language != i18n.language() else ""


def reader_place(handout: Handout, reading: Reading, index: int, total: int) -> tuple[str, str]:
    """The reader's top line: the module (and sheet), and "6 of 11" with a done mark."""
    title = _("Module {number} · {title}").format(number=handout.number, title=handout.title)
    sheet = handout.sheet(reading.sheet)
    if sheet is not None:
        title += f" · {sheet.title}"
    position = _("{number} of {total}").format(number=index + 1, total=total)
    if reading.done:
        # Translators: after "6 of 11" above the reader's text, for a module marked done.
        position += " · " + pgettext("reader", "✓ done")
    return title, position


def after_sheet_chosen(
    handout: Handout, reading: Reading, here: Section, chosen: str | None, read: str | None
) -> tuple[list[Section], int]:
    """The sections to read once a sheet is chosen (`reading` has it), and which of them to show.

    `here` is the section the question came on; `read` is set when it came on turning the page."""
    sections = handout.sections_for(reading.sheet)
    if chosen is not None and chosen != content.ALL_SHEETS:
        first = next(i for i, s in enumerate(sections) if s.sheet == chosen)
        if read is not None or here.sheet not in (None, chosen):
            return sections, first
    ids = [s.id for s in sections]
    index = ids.index(here.id) if here.id in ids else 0
    return sections, index + 1 if read is not None else index
