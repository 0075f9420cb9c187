"""The app's start, after its first frame: the work that waits for it, and the record check after that.

The first frame needs only the settings at the head of the data file (see
ARCHITECTURE "Before the first frame"). Once it is on screen the rest of the
file is read, Today fills in its cards, and every record is checked, unless
the file carries the stamp of this app's check (store/files/stamp.py); the
check runs a few milliseconds at a time, so that a key typed meanwhile
appears at once. Then the areas' code is imported ahead in a thread.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.worker import Worker, WorkerCancelled, WorkerFailed

from imr_companion import areas
from imr_companion.store import SaveError
from imr_companion.ui import giving_way

if TYPE_CHECKING:
    from textual.worker import WorkType

    from imr_companion.store import Database
    from imr_companion.ui.app import CompanionApp

WARM_UP = (
    *(areas.module_of(area.screen) for area in areas.AREAS if area.mode != areas.HOME),
    "imr_companion.ui.plan.help_now",
    # Not the handout reader (Markdown, markdown-it, TextArea and pygments: 3.3 MiB held for the
    # session at 30 years): Handouts imports it ahead when it is opened (HandoutsScreen._import_reader).
    "imr_companion.ui.coping.signs",
    # TinyDB and the store's table over it, imported at the first save: 2 ms off that save.
    "imr_companion.store.in_place",
)
"""Modules imported in the background once Today's cards are shown (a file with this app's stamp)
or every record is checked, so that
each first open (and Help now) does not wait for its code: 3-20 ms an area. A module's
`read_ahead()`, where it has one, is called then too."""


WARM_UP_SWITCH = 0.001
"""Seconds the importing thread may hold Python's lock while the app's thread waits for it (5 ms by default):
a key typed during the warm-up is handled within about a millisecond of arriving."""


@contextmanager
def _sharing_the_lock() -> Iterator[None]:
    """For a thread's work: importing and building validators hold Python's lock, and the app's
    thread asks for it back at every wait (a key, a write to the terminal), getting it only after
    the switch interval."""
    usual = sys.getswitchinterval()
    sys.setswitchinterval(WARM_UP_SWITCH)
    try:
        yield
    finally:
        sys.setswitchinterval(usual)


def import_ahead() -> None:
    """What an area's first open needs, in the order it needs it: pydantic and the models (every
    area's code imports them; for a trusted file Today's cards were drawn without them), then area
    by area its code, the validators of the tables it keeps (AREA_READS) and what its module reads
    ahead (`read_ahead()`: its stylesheets, the handouts' text), then the other validators: an
    area's key pressed meanwhile finds its area ready, or does only its own steps (the import
    waits while it opens: ui/giving_way.py)."""
    with _sharing_the_lock():
        prepare_the_models(validators=False)
        for name in WARM_UP:
            module = importlib.import_module(name)
            build_the_validators(AREA_READS.get(name, ()))
            # A module may read ahead what its first open shows and is certain (the handouts' text).
            read_ahead = getattr(module, "read_ahead", None)
            if read_ahead is not None:
                giving_way.pause()  # ~5-20 ms in one step: not while a key or an area is drawn
                read_ahead()
        prepare_the_models(OPENS_READ)


CARDS_NEED = (
    # Where the reading card finds its place in the handouts (it imports it when drawn).
    "imr_companion.progress",
    *(areas.module_of(card.widget) for card in areas.TODAY_CARDS),
    # What cards_ready starts: imported here, not on the app's thread while a key may be waiting.
    "imr_companion.ui.closing",
    "imr_companion.ui.unlock.idle",
)
"""What Today's cards import: for a file already checked they draw its stored records as they are
(store/queries/today_reads.py), without pydantic or the models."""
CARDS_READ = (
    *("moments", "practice", "people", "goals", "plan"),
    *("checkins", "reading", "sessions", "self_checks"),
)
"""The tables Today, its cards and the areas first read: their validators are built in a thread."""
UNCHECKED_READ = ("plan_versions",)
"""Read by the cards through the models only until every record is checked (the plan's last review:
its day as stored once checked); its validator, the slowest to build, waits for a file not trusted."""


OPENS_READ = ("plan_versions",)
"""Read by an area's first open beyond what Today reads (My plan's line on its last review):
their validators are built ahead too (~5 ms off that open)."""


AREA_READS = {
    areas.module_of(area.screen): tuple(
        table for table in areas.TABLES.get(area.mode, ()) if table in (*CARDS_READ, *OPENS_READ)
    )
    for area in areas.AREAS
}
"""Each area's screen module, and the tables it keeps that its first open reads."""


def prepare_the_cards(trusted: bool = False, database: Database | None = None) -> None:
    """In a thread, just after the first frame: the cards' code, which would otherwise hold back a
    key typed then, and what a card reads ahead of its mounting (TodayCard.read_ahead: the
    handout the reading card names, parsed here rather than on the app's thread).

    A file with this app's stamp (`trusted`) is drawn as stored: pydantic and the models come
    after the cards (import_ahead). Any other is read through them until every record is
    checked: then they are imported here, with the validators the cards use (pydantic builds
    them at first use, about 100 ms in all)."""
    with _sharing_the_lock():
        import_the_cards()
        if database is not None:
            for card in areas.TODAY_CARDS:
                giving_way.pause()  # a key typed meanwhile first (ui/giving_way.py)
                areas.load(card.widget).read_ahead(database)
        if not trusted:
            prepare_the_models(UNCHECKED_READ)
        elif "imr_companion.models" in sys.modules:
            # A card still reads through the models (its module imported them): their
            # validators are built here, not on the app's thread as that card is drawn.
            prepare_the_models()


def import_the_cards() -> None:
    """The cards' code (CARDS_NEED): it needs no data, so it is imported while the file is read."""
    for module in CARDS_NEED:
        importlib.import_module(module)


def prepare_the_models(more: tuple[str, ...] = (), validators: bool = True) -> None:
    """pydantic, the models, and the validators of the tables Today and the areas first read
    (each built once: calling again costs nothing). Without `validators`, only the first model
    built: that one also pays for what pydantic imports and sets up at its first build (~15 ms)."""
    from imr_companion.models import Moment, Settings

    Settings.model_rebuild()
    if not validators:
        return
    Moment.model_rebuild()  # Today's field makes one at its first save: 2 ms off that save
    build_the_validators((*CARDS_READ, *more))


def build_the_validators(tables: tuple[str, ...]) -> None:
    """The validators the store reads these tables with (each built once: again costs nothing)."""
    from imr_companion.models import RECORD_TABLES
    from imr_companion.store.repository import build_validators

    for table in tables:
        giving_way.pause()  # a key typed meanwhile first (ui/giving_way.py)
        build_validators([RECORD_TABLES[table]])


CHECK_STEP = 0.008
"""Seconds of record checking between two looks at the keys (_check_in_steps)."""
RECORD_CHECK_DELAY = 0.3
"""Seconds after the first frame: Today's cards are drawn by then, even with thirty years of data."""


def collect_garbage_again() -> None:
    """Collect garbage again, sparing the objects that live as long as the app.

    The command line turns the collector off while the app starts and Today
    fills in (there is little to collect yet, and each pass over the new
    widgets and records costs time); freezing keeps later passes off them.
    """
    gc.freeze()
    gc.enable()


def first_frame_shown(app: CompanionApp) -> None:
    """The first frame is on screen: now the work that could wait for it.

    The rest of the file is read in a thread, then the code the cards need is
    imported there, keys being handled meanwhile; the cards are mounted when
    it is done (cards_ready).
    """

    def prepare() -> None:
        try:
            # The frame needed only the settings at the head of the data file; the rest is read
            # here, off the app's thread: a key typed meanwhile is drawn at once (the stamp's hash
            # even lets go of Python's lock). Anything on the app's thread that needs the data
            # waits for it (Database.finish_reading); what the reading found is said when it is done.
            # Its bytes are read in a thread of their own while this one imports the cards' code:
            # reading lets go of Python's lock (~3 ms at thirty years); hashing a line at a time
            # there took back the lock from the imports once a line, and took five times as long.
            threading.Thread(target=_read_ahead, args=(app,), name="imr-read", daemon=True).start()
            # A key typed meanwhile is handled and drawn first (giving_way).
            with giving_way.giving_way(app), _sharing_the_lock():
                import_the_cards()
            app.database.finish_reading()  # waits for the bytes being read (its lock)
            with giving_way.giving_way(app):
                prepare_the_cards(trusted=app.database.records_checked, database=app.database)
        except Exception:
            pass  # a failed reading is read again, and its error raised, on the app's thread
        finally:
            if app.is_running:  # not once closing (see ui/common/stylesheet.read_ahead)
                with suppress(RuntimeError):  # the app closed meanwhile
                    app.call_from_thread(cards_ready, app)

    if app.current_mode != areas.HOME:
        app.database.finish_reading()
        cards_ready(app)  # the welcome: Today and its cards come after it
        return
    app.run_worker(prepare, thread=True, exit_on_error=False, group="prepare the cards")


def _read_ahead(app: CompanionApp) -> None:
    # A failed reading is read again, and its error raised, where it is needed (finish_reading).
    with suppress(Exception):
        # What reads it (the store's reading side, hashlib) waits for a key typed meanwhile, as the
        # cards' code does; the reading not: it holds the lock the app's thread may wait for.
        with giving_way.giving_way(app):
            importlib.import_module("imr_companion.store.reading")
        app.database.read_ahead()


def cards_ready(app: CompanionApp) -> None:
    """The file is read and the cards' code imported: the notices, Today's cards, what follows them."""
    for notice in app.database.notices:
        app.show_notice(notice)
    waiting, app.waiting_for_first_frame = app.waiting_for_first_frame or [], None
    for callback in waiting:
        callback()
    # From now on closing the window keeps what is being written, as ctrl+q does.
    from imr_companion.ui import closing

    closing.install(app)
    closing.say_what_was_kept(app)
    from imr_companion.ui.unlock import idle

    idle.watch(app)
    if app.database.records_checked and app.current_mode == areas.HOME:
        # A file with this app's stamp has nothing to check: the areas' code (and the models,
        # which the cards drew without) is imported as soon as the cards are on screen, not
        # 0.3 s later. An area's key pressed then would wait for it all (~100 ms of imports).
        after: WorkType[None] = partial(_after_the_cards, app)
        app.run_worker(after, exit_on_error=False, group="after the cards")
    # Checking every record takes longer than drawing what was waiting
    # (tens of milliseconds with years of data): it comes once that is
    # on screen. Until then repositories skip any record it would set aside.
    app.set_timer(RECORD_CHECK_DELAY, lambda: check_records(app))


def check_records(app: CompanionApp) -> None:
    # Off until now: the cards and years of parsed records make many objects
    # and few cycles, and the collector's passes over them only cost time.
    collect_garbage_again()
    if app.database.records_checked:
        # The file carries the stamp of this app's check (store/files/stamp.py): nothing to check.
        _checked(app)
    else:
        check: WorkType[None] = partial(_check_in_steps, app)
        app.run_worker(check, exit_on_error=False, group="record check")


async def _check_in_steps(app: CompanionApp) -> None:
    """Every record checked, a few milliseconds at a time: a key typed meanwhile waits at most one step.

    Not in a thread: validating holds Python's lock all along, and the check
    may set records right in the document the screens read.
    """
    before = len(app.database.notices)
    steps = app.database.checking(stamp=True)
    try:
        while True:
            until = time.perf_counter() + CHECK_STEP
            next(steps)
            while time.perf_counter() < until:
                next(steps)
            await asyncio.sleep(0)
    except StopIteration as done:
        moved = done.value
    except SaveError as error:
        app.notify(str(error), severity="warning")
        moved = 0
    for notice in app.database.notices[before:]:
        app.show_notice(notice)
    if moved:
        app.refresh_areas()
    _checked(app)


def _checked(app: CompanionApp) -> None:
    app.records_checked = True
    _start_import_ahead(app)
    # The workers of the start-up are given functions, not coroutines: one the app closes before
    # it starts is then not left unawaited (Python reports that on the terminal after the app).
    prepare: WorkType[None] = partial(_prepare_to_save, app)
    app.run_worker(prepare, exit_on_error=False, group="prepare to save")


async def _prepare_to_save(app: CompanionApp) -> None:
    """The stamp's older years hashed ahead of the first save, in a thread (hashing lets go of the
    lock), once the import ahead is done: with thirty years, its Python steps took Python's lock
    from an area's first open as much as the import did (the record check 0.3 s after the cards,
    a key pressed just after the first frame: both come then)."""
    with suppress(WorkerFailed, WorkerCancelled):  # a failed import ahead is only a missed head start
        await _IMPORTING_AHEAD[app].wait()
    app.run_worker(
        partial(_prepare_giving_way, app), thread=True, exit_on_error=False, group="prepare to save"
    )


def _prepare_giving_way(app: CompanionApp) -> None:
    with _sharing_the_lock(), giving_way.giving_way(app):
        giving_way.pause()  # a key typed or an area opened just now first: it comes in one step
        app.database.storage.prepare_to_save()


async def _after_the_cards(app: CompanionApp) -> None:
    """Once Today's cards are shown (their worker done): the import ahead, which would otherwise
    share Python's lock with their mounting."""
    for worker in [w for w in app.workers if w.group == "today cards"]:
        await worker.wait()
    _start_import_ahead(app)


_IMPORTING_AHEAD: WeakKeyDictionary[CompanionApp, Worker] = WeakKeyDictionary()
"""The apps whose import ahead has started (after the cards for a trusted file, else after the
check), with its worker."""


def _start_import_ahead(app: CompanionApp) -> None:
    """The areas' code imported ahead in a thread, once a session."""
    if app in _IMPORTING_AHEAD:
        return
    # A failure here is only a missed head start: opening the area imports
    # it again, and the crash handler says what failed.
    _IMPORTING_AHEAD[app] = app.run_worker(
        partial(_import_ahead_giving_way, app), thread=True, exit_on_error=False, group="import ahead"
    )


def _import_ahead_giving_way(app: CompanionApp) -> None:
    with giving_way.giving_way(app):  # a key typed meanwhile is handled and drawn first
        import_ahead()
