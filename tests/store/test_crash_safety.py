"""A writer killed at random moments never leaves a broken file behind."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from imr_companion.models import Moment
from imr_companion.paths import DATA_FILE
from imr_companion.store import Database
from imr_companion.store.database import parse_document
from imr_companion.store.files import codec

WRITER = r"""
import sys
from pathlib import Path
from imr_companion.models import Moment
from imr_companion.store import Database, Repository

folder = Path(sys.argv[1])
if len(sys.argv) > 2:
    from imr_companion.store.files import codec
    assert codec.unlock(folder, sys.argv[2])
db = Database.open(folder)
repo = Repository.of(db, Moment)
n = repo.count()
while True:
    n += 1
    repo.add(Moment(text=f"moment {n} " + "x" * (n % 500)))
    # Tell the parent which save has returned, after it has returned.
    sys.stdout.write(f"{n}\n")
    sys.stdout.flush()
"""

# The full count runs in CI (CI=true); a newcomer's run keeps the suite quick with fewer.
KILLS = 200 if os.environ.get("CI") else 32
SEALED_KILLS = 50 if os.environ.get("CI") else 5
"""The sealed runs add fewer kills: the plain ones cover the timing, these the sealing on top."""
PARTS = 4
"""The plain kills in four parts, so that the workers share them instead of one running them all."""


@pytest.mark.parametrize(
    ("passphrase", "part"),
    [*((None, n) for n in range(PARTS)), ("words", 0)],
    ids=[*(f"plain-{n + 1}" for n in range(PARTS)), "passphrase"],
)
def test_killed_writer_always_leaves_a_whole_file_with_the_last_returned_save(
    tmp_path: Path, passphrase: str | None, part: int
):
    folder = tmp_path / "data"
    rng = random.Random(20261125 + part)
    if passphrase:
        from imr_companion.passphrase.folder import set_passphrase

        Database.open(folder).close()
        set_passphrase(folder, passphrase, None)  # at the tests' tiny Argon2 costs (conftest)
    kills = SEALED_KILLS if passphrase else KILLS // PARTS
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), *([passphrase] if passphrase else [])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        # Let it save at least once, then kill it at a random moment.
        first = child.stdout.readline()
        assert first, child.stderr.read().decode()
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read().decode().split()
        child.wait()
        confirmed = int(rest[-1]) if rest else int(first)

        assert codec.is_encrypted(folder) == bool(passphrase)
        document = parse_document(codec.read(folder / DATA_FILE))
        records = list(document["moments"].values())
        for record in records:
            Moment.model_validate(record)
        numbers = {int(r["text"].split()[1]) for r in records}
        # Every save that returned is there; at most one more (written but not yet reported).
        assert confirmed in numbers
        assert max(numbers) <= confirmed + 1
    assert json.loads(codec.read(folder / DATA_FILE))
