"""The writer the crash test kills (tests/store/test_crash_safety.py): good moments saved one after
another, each number sent to the test once its save has returned.

A module of its own, imported ahead by the test's fork server: each writer is forked from a process
that has the store and the models imported already, instead of a new Python importing them again
(a quarter of a second each, 250 times in CI).
"""

from __future__ import annotations

from pathlib import Path

PRELOAD = ["imr_companion.models", "imr_companion.store", "imr_companion.store.files.codec", __name__]


def write_until_killed(folder: str, passphrase: str | None, saved) -> None:
    from imr_companion.models import Moment
    from imr_companion.store import Database, Repository

    if passphrase is not None:
        from imr_companion.store.files import codec

        assert codec.unlock(Path(folder), passphrase)
    db = Database.open(Path(folder))
    repo = Repository.of(db, Moment)
    n = repo.count()
    while True:
        n += 1
        repo.add(Moment(text=f"moment {n} " + "x" * (n % 500)))
        # Tell the test which save has returned, after it has returned.
        saved.send_bytes(b"%d" % n)
