"""Every main screen at 80x24 in the default, the light and the high-contrast theme, with demo data.

The README's pictures (docs/*.png) are made from the default-theme ones.

State must show by mark, not colour, and every word must stay readable:
review the SVGs (converted to PNG) when one changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import no_blink
from tests.helpers import demo_folder as sam

KEYS = {
    "today": [],
    "handouts": ["escape", "2"],
    "good_moments": ["escape", "3"],
    "goals": ["escape", "4"],
    "network": ["escape", "5"],
    "plan": ["escape", "6"],
    "help_now": ["f1"],
}


@pytest.fixture
def demo_folder(data_dir: Path) -> Path:
    return sam(data_dir.parent)


@pytest.mark.parametrize("theme", ["dark", "light", "high-contrast"])
@pytest.mark.parametrize("screen", list(KEYS))
def test_main_screen(snap_compare, demo_folder: Path, open_app, screen: str, theme: str):
    app = open_app(demo_folder, theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), press=KEYS[screen], run_before=no_blink)
