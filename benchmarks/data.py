"""The data folders the benchmarks open: invented people, made fresh for each run of the suite."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

NETWORK_PEOPLE = 150


def demo(root: Path, years: float) -> Path:
    """`imr-companion demo --years N` in a new folder under `root`."""
    folder = root / f"years-{years:g}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "imr_companion",
            "demo",
            "--data-dir",
            str(folder),
            "--years",
            f"{years:g}",
            "--language",
            "en",
        ],
        check=True,
        capture_output=True,
    )
    return folder


PASSPHRASE = "a passphrase for the benchmarks"


def sealed(source: Path, root: Path) -> Path:
    """A copy of `source` locked with PASSPHRASE, at the real Argon2 costs (store/files/keys.py)."""
    from imr_companion.passphrase.folder import set_passphrase
    from imr_companion.store.files import codec

    folder = root / f"{source.name}-passphrase"
    shutil.copytree(source, folder)
    set_passphrase(folder, PASSPHRASE, None)
    codec.forget()  # as a new process starts: locked
    return folder


def welcomed_but_empty(root: Path) -> Path:
    """No records at all, past the welcome: Today as on the first day."""
    from imr_companion.store import Database

    folder = root / "empty"
    database = Database.open(folder)
    try:
        database.save_settings(database.settings().model_copy(update={"welcomed": True, "first_name": "Sam"}))
    finally:
        database.close()
    return folder


def never_opened(root: Path) -> Path:
    """A folder the app has never seen: it opens on the welcome screen."""
    return root / "welcome"


def with_network(source: Path, root: Path, count: int = NETWORK_PEOPLE) -> Path:
    """A copy of `source` whose network card holds `count` people (a generous real network)."""
    from imr_companion.models import Person
    from imr_companion.models.network import LIFE_AREAS, RINGS
    from imr_companion.store import Database, Repository

    folder = root / f"network-{count}"
    shutil.copytree(source, folder)
    database = Database.open(folder)
    try:
        people = Repository.of(database, Person)
        rng = random.Random(1)
        names = ["Sam", "Alex", "Jo", "Kim", "Priya", "Mohammed", "Christopher", "Ruth", "Dev", "Lou", "Zoë"]
        document = database.document()
        table = document.setdefault(people.table, {})
        next_key = max((int(key) for key in table), default=0) + 1
        for n in range(count - people.count()):
            name = f"{rng.choice(names)} {n}"
            person = Person(name=name, ring=rng.choice(RINGS), area=rng.choice(LIFE_AREAS))
            table[str(next_key + n)] = person.model_dump(mode="json")
        database.save_document(document)
    finally:
        database.close()
    return folder


def oldest_moment_row(folder: Path) -> str:
    """The start of the last row of the good moments list (the oldest moment), as drawn."""
    import json

    moments = json.loads((folder / "companion.json").read_bytes()).get("moments", {}).values()
    oldest = min(moments, key=lambda m: (m["day"], m["created"]))
    from datetime import date

    day = date.fromisoformat(oldest["day"])
    # As moments/screen.py draws a row in English: "Sat  6  Helped at the community garden".
    return f"{day:%a} {day.day:>2}  {oldest['text'].splitlines()[0]}"[:40]
