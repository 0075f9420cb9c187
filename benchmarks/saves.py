"""Saves as the screens make them: a good moment, a plan entry, an exercise answer.

Timed in this process around the store call the screen makes (validation,
encoding, the atomic write with its fsyncs), on a copy of the demo data, so
the file is as big as after years of use. The first save of a day also writes
the day's backup; it is the worst case and counted like any other.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path


def _savers(database) -> dict[str, Callable[[int], None]]:
    from imr_companion import content
    from imr_companion.models import Answer, Moment
    from imr_companion.models.handouts import answer_id
    from imr_companion.models.plan import Item
    from imr_companion.store import Repository
    from imr_companion.store.queries.plan import load_plan, save_plan

    moments = Repository.of(database, Moment)
    answers = Repository.of(database, Answer)
    handout = content.library()[0]
    exercise = next(
        e for s in handout.sections for e in map(handout.exercise, s.exercises) if e and e.kind == "text"
    )

    def moment(n: int) -> None:
        moments.add(Moment(text=f"A small good thing, number {n}"))

    def plan_entry(n: int) -> None:
        plan = load_plan(database)
        plan.well = [*plan.well[:-1], Item(text=f"A walk in the morning ({n})")]
        save_plan(database, plan)

    def answer(n: int) -> None:
        # The same answer changed again, as the reader saves it (one id per exercise).
        answers.save(
            Answer(
                id=answer_id(handout.id, exercise.id),
                handout=handout.id,
                exercise=exercise.id,
                kind=exercise.kind,
                text=f"My words, {n}",
            )
        )

    return {"a good moment": moment, "a plan entry": plan_entry, "an exercise answer": answer}


def measure(source: Path, scratch: Path, runs: int, passphrase: str | None = None) -> dict[str, list[float]]:
    """Seconds per save of each kind, `runs` of each, interleaved, on a copy of `source`
    (unlocked with `passphrase` first when it is locked with one: every save is then sealed)."""
    from imr_companion.store import Database
    from imr_companion.store.files import codec

    folder = scratch / f"saves-{source.name}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    if passphrase is not None:
        assert codec.unlock(folder, passphrase)
    database = Database.open(folder)
    try:
        savers = _savers(database)
        times: dict[str, list[float]] = {name: [] for name in savers}
        for n in range(runs):
            for name, save in savers.items():
                start = time.perf_counter()
                save(n)
                times[name].append(time.perf_counter() - start)
    finally:
        database.close()
        codec.forget()
        shutil.rmtree(folder, ignore_errors=True)
    return times
