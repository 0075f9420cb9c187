"""Where a person is in the handouts, from the content and their reading records.

Read without pydantic: the reading records come as stored (store/queries/today_reads.stored,
which passes them through the models first where the file is not yet checked), so Today's
handouts card is drawn before pydantic is imported, and the same functions serve both.
"""

# No `from __future__ import annotations`: a NamedTuple's string annotations are each compiled as
# its class is made (typing.ForwardRef), on the way to Today's cards.

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from imr_companion import content, i18n
from imr_companion.content import Handout, Section
from imr_companion.content_format import ContentError
from imr_companion.i18n import N_, _, pgettext
from imr_companion.store import Database
from imr_companion.store.queries.today_reads import stored

if TYPE_CHECKING:
    from imr_companion.models.handouts import Reading

BAR_CELLS = 8


def progress_bar(read: int, total: int, cells: int = BAR_CELLS) -> str:
    """'███░░░░░': solid for read, light for not yet, so it reads without colour."""
    filled = round(cells * read / total) if total else 0
    if read and not filled:
        filled = 1
    return "█" * filled + "░" * (cells - filled)


def resume_at(read: Sequence[str], current: str | None, section_ids: list[str]) -> int:
    """Index of the section to open: where the person stopped (`current`), else the next unread one.

    When everything is read, the first section: coming back to a finished
    module is reading it again.
    """
    if not section_ids:
        return 0
    done = set(read)
    start = section_ids.index(current) if current in section_ids else 0
    if section_ids[start] not in done:
        return start
    for offset in range(1, len(section_ids)):
        index = (start + offset) % len(section_ids)
        if section_ids[index] not in done:
            return index
    return 0


class StoredReading(NamedTuple):
    """How far the person is in one handout, from its stored record (models.handouts.Reading's fields)."""

    handout: str
    read: tuple[str, ...] = ()
    """Ids of the sections read to the end."""
    current: str | None = None
    done: bool = False
    done_on: date | None = None
    sheet: str | None = None
    updated: datetime = datetime.min

    @classmethod
    def of(cls, record: dict[str, Any]) -> "StoredReading":
        return cls(
            record["handout"],
            tuple(record.get("read", ())),
            record.get("current"),
            record.get("done", False),
            date.fromisoformat(done_on) if (done_on := record.get("done_on")) else None,
            record.get("sheet"),
            datetime.fromisoformat(updated) if (updated := record.get("updated")) else datetime.min,
        )

    def has_read(self, section_ids: list[str]) -> int:
        """How many of `section_ids` (the sections this person reads) are read."""
        done = set(self.read)
        return sum(1 for s in section_ids if s in done)


@dataclass(frozen=True)
class Place:
    """Where a person is in one handout: the section to open and how far they are."""

    handout: Handout
    reading: StoredReading
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


def readings(database: Database) -> dict[str, StoredReading]:
    """Every reading record by handout id (at most one per module, so this stays small)."""
    return {record["handout"]: StoredReading.of(record) for record in stored(database, "reading")}


def place_in(handout: Handout, reading: StoredReading | None) -> Place:
    reading = reading or StoredReading(handout.id)
    ids = [s.id for s in handout.sections_for(reading.sheet)]
    return Place(
        handout, reading, resume_at(reading.read, reading.current, ids), len(ids), reading.has_read(ids)
    )


def where_to_continue(readings: dict[str, StoredReading]) -> tuple[Place, bool] | None:
    """(place, started) for Continue: the module the person was in, else the next one to start.

    The modules in the person's language (each in English where it has none yet).
    None when every module is done. Only the modules up to the one found are read
    (Today's card needs one, not all eleven).
    """
    language = i18n.language()
    last = max(readings.values(), key=lambda r: r.updated, default=None)
    last_handout = content.handout(last.handout, language) if last is not None else None
    if last is not None and last_handout is not None and not last.done:
        return place_in(last_handout, last), True
    after = last_handout.number if last_handout is not None else 0
    first_waiting: Handout | None = None
    for handout in content.in_order(language):
        if handout.id in readings and readings[handout.id].done:
            continue
        if handout.number > after:
            return place_in(handout, readings.get(handout.id)), handout.id in readings
        first_waiting = first_waiting or handout
    if first_waiting is None:
        return None
    return place_in(first_waiting, readings.get(first_waiting.id)), first_waiting.id in readings


def readable_library() -> tuple[Handout, ...] | None:
    """The handouts in the person's language; None when a file is broken or cannot be read.

    The handouts ship with the app, but a broken install must not take the app down with it:
    the library says so kindly, and everything else (Help now first) works as always."""
    try:
        return content.library(i18n.language())
    except (ContentError, OSError):
        return None


def unreadable_words() -> str:
    return _(
        "The handouts cannot be read just now: a file of the app is missing or damaged. "
        "Everything you wrote is kept, and Help now works as always. Installing the app again mends it."
    )


ONLY_IN_ENGLISH = N_("This handout is only in English so far.")


def language_note(handout: Handout) -> str:
    """A word when a module is shown in English because the person's language has no file for it yet."""
    return _(ONLY_IN_ENGLISH) if handout.language != i18n.language() else ""


def reader_place(handout: Handout, reading: "Reading", index: int, total: int) -> tuple[str, str]:
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
    handout: Handout, reading: "Reading", here: Section, chosen: str | None, read: str | None
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
