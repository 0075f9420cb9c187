"""The data folders the benchmarks open: invented people, made fresh for each run of the suite."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

NETWORK_PEOPLE = 150


DEMO_MOST_YEARS = 50
"""The most `imr-companion demo --years` makes."""

# Beyond 50 years the demo is built here as the command builds it, with one
# change: Sam's coping strategies are tried over their last 50 years only (a
# strategy holds at most 2000 tries; a century of tries every 4-25 days is more).
_CENTURY = """
import sys
from datetime import timedelta
from pathlib import Path

from imr_companion import demo
from imr_companion.demo.coping import coping_tables

def coping_of_the_last_50_years(rng, start, end, words):
    return coping_tables(rng, max(start, end - timedelta(days=round(365.25 * 50))), end, words)

demo.BUILDERS[demo.BUILDERS.index(coping_tables)] = coping_of_the_last_50_years
demo.create(Path(sys.argv[1]), float(sys.argv[2]), language="en").close()
"""


def demo(root: Path, years: float) -> Path:
    """`imr-companion demo --years N` in a new folder under `root` (beyond 50 years, see _CENTURY)."""
    folder = root / f"years-{years:g}"
    if years > DEMO_MOST_YEARS:
        subprocess.run([sys.executable, "-c", _CENTURY, str(folder), f"{years:g}"], check=True)
        return folder
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


def megabytes(folder: Path) -> float:
    """The data file's size in MB (millions of bytes)."""
    return (folder / "companion.json").stat().st_size / 1e6


def copy(source: Path, root: Path, name: str) -> Path:
    """A fresh copy of a data folder, for a scenario that writes into it."""
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
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
