"""The self-check's picture of change at 80x24 with Sam's year of self-checks: every theme, both languages.

State must show by mark, not colour: each rating is a mark of its own height with its number beside it.
Only the settings and the self-checks are seeded (not all of Sam's year): the picture reads nothing else.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from imr_companion import clock
from imr_companion.demo.selfcheck import selfcheck_tables
from imr_companion.demo.words import sam
from imr_companion.models import SelfCheck, Settings
from imr_companion.store import Database, Repository
from imr_companion.ui.selfcheck.screen import SelfCheckScreen
from tests.conftest import no_blink


def seed(folder: Path, language: str, theme: str) -> None:
    db = Database.open(folder)
    settings = Settings(
        first_name="Sam",
        welcomed=True,
        language=language,
        theme=theme,
        selfcheck_months=3,
        selfcheck_medicine=True,
    )
    db.save_settings(settings)
    end = clock.today()
    tables = selfcheck_tables(random.Random(7), end - timedelta(days=365), end, sam(language))
    repository = Repository.of(db, SelfCheck)
    for record in tables["self_checks"]:
        repository.add(SelfCheck.model_validate(record))
    db.close()


async def show_picture(pilot) -> None:
    await no_blink(pilot)
    await pilot.app.push_screen(SelfCheckScreen())


@pytest.mark.parametrize(("theme", "language"), [("dark", "en"), ("light", "da"), ("high-contrast", "en")])
def test_the_picture_of_change(snap_compare, data_dir: Path, open_app, theme: str, language: str):
    seed(data_dir, language, theme)
    assert snap_compare(open_app(data_dir), terminal_size=(80, 24), run_before=show_picture)
