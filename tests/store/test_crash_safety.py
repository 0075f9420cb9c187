"""A writer killed at random moments never leaves a broken file behind."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import time
from contextlib import suppress
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database, file_head
from imr_companion.store.database import parse_document
from imr_companion.store.files import codec
from imr_companion.store.files.stamp import holds_stamp
from tests.store.crash_writer import PRELOAD, write_until_killed

# The full count runs in CI (CI=true); a newcomer's run keeps the suite quick with fewer.
KILLS = 200 if os.environ.get("CI") else 32
SEALED_KILLS = 50 if os.environ.get("CI") else 5
"""The sealed runs add fewer kills: the plain ones cover the timing, these the sealing on top."""
OLDER_KILLS = 25 if os.environ.get("CI") else 6
"""A file with older years, read back from the file each save replaces (store/files/years.py)."""
PARTS = 4
"""The plain kills in four parts, so that the workers share them instead of one running them all."""


@pytest.fixture(scope="module")
def writers():
    """Writers forked from a server that has imported the store once: each is still a process of its
    own, killed with SIGKILL in the middle of its saves, but starts in milliseconds, not a new Python's
    quarter of a second (250 times in CI). Not forked from this worker itself: it runs threads."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


@pytest.mark.parametrize(
    ("passphrase", "part"),
    [*((None, n) for n in range(PARTS)), ("words", 0), (None, "older")],
    ids=[*(f"plain-{n + 1}" for n in range(PARTS)), "passphrase", "older-years"],
)
def test_killed_writer_always_leaves_a_whole_file_with_the_last_returned_save(
    tmp_path: Path, passphrase: str | None, part: int | str, writers
):
    folder = tmp_path / "data"
    rng = random.Random(20261125 + (part if isinstance(part, int) else PARTS))
    older = part == "older"
    if older:
        from tests.store.test_older_years import thirty_years

        thirty_years(folder)  # stamped: each writer reads its older years back at every save
    if passphrase:
        from imr_companion.passphrase.folder import set_passphrase

        Database.open(folder).close()
        set_passphrase(folder, passphrase, None)  # at the tests' tiny Argon2 costs (conftest)
    kills = SEALED_KILLS if passphrase else OLDER_KILLS if older else KILLS // PARTS
    for _ in range(kills):
        heard, saved = writers.Pipe(duplex=False)
        child = writers.Process(target=write_until_killed, args=(str(folder), passphrase, saved), daemon=True)
        child.start()
        saved.close()  # the writer's end is the writer's alone: its death ends the pipe
        # Let it save at least once, then kill it at a random moment.
        try:
            first = int(heard.recv_bytes())
        except EOFError:
            child.join()
            ended = f"the writer ended before its first save (exit code {child.exitcode})"
            raise AssertionError(ended) from None
        time.sleep(rng.uniform(0, 0.03))
        os.kill(child.pid, signal.SIGKILL)
        confirmed = first
        with suppress(EOFError):
            while True:
                confirmed = int(heard.recv_bytes())
        child.join()
        heard.close()

        assert codec.is_encrypted(folder) == bool(passphrase)
        document = parse_document(codec.read(folder / DATA_FILE))
        records = list(document["moments"].values())
        for record in records:
            Moment.model_validate(record)
        if older:  # every older year written back whole, and the file still what the app checked
            assert sum(r["text"].startswith("Moment ") for r in records) == 120
            content = codec.read(folder / DATA_FILE)
            assert holds_stamp(content, file_head.head_tables(content))
        numbers = {int(r["text"].split()[1]) for r in records if r["text"].startswith("moment ")}
        # Every save that returned is there; at most one more (written but not yet reported).
        assert confirmed in numbers
        assert max(numbers) <= confirmed + 1
    assert json.loads(codec.read(folder / DATA_FILE))
