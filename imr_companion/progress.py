"""Where a person is in the handouts, from the content and their reading records."""

from __future__ import annotations

from dataclasses import dataclass

from imr_companion import content, i18n
from imr_companion.content import Handout, Section
from imr_companion.i18n import _
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
