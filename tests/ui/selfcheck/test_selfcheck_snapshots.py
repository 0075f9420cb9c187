"""The self-check's picture of change at 80x24 with Sam's year of self-checks: every theme, both languages.

State must show by mark, not colour: each rating is a mark of its own height with its number beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_companion import demo
from imr_companion.ui.selfcheck.screen import SelfCheckScreen
from tests.conftest import no_blink


async def show_picture(pilot) -> None:
    await no_blink(pilot)
    await pilot.app.push_screen(SelfCheckScreen())


@pytest.mark.parametrize(
    ("theme", "language"), [("dark", "en"), ("dark", "da"), ("light", "en"), ("high-contrast", "da")]
)
def test_the_picture_of_change(snap_compare, data_dir: Path, open_app, theme: str, language: str):
    demo.create(data_dir, years=1, language=language).close()
    app = open_app(data_dir, theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=show_picture)
