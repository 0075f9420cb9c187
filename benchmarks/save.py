"""Time to save one good moment with ten years of data already stored."""

from __future__ import annotations

import time

from _common import demo_folder, summary

from imr_companion.models import Moment
from imr_companion.store import Database, Repository


def main(saves: int = 200) -> None:
    folder = demo_folder(10)
    db = Database.open(folder)
    moments = Repository.of(db, Moment)
    print(f"{moments.count()} good moments stored, {len((folder / 'companion.json').read_bytes()):,} bytes")
    times = []
    for n in range(saves):
        start = time.perf_counter()
        moments.add(Moment(text=f"A small good thing, number {n}"))
        times.append(time.perf_counter() - start)
    db.close()
    print(summary("save a good moment (atomic + fsync)", times))


if __name__ == "__main__":
    main()
