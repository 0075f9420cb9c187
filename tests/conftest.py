from __future__ import annotations

import html
import inspect
import pickle
import re
import socket
import sys
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from imr_companion import clock, i18n
from imr_companion.store import Database
from imr_companion.ui.app import CompanionApp
from tests.helpers import settled

FIXED_NOW = datetime(2026, 3, 18, 19, 30)


def pytest_xdist_auto_num_workers(config) -> int:
    """Three workers for each core (`-n auto`, pyproject.toml): most of a screen test is spent
    waiting for the app to be idle (Textual's pilot waits after every key), so while one
    worker waits another runs. On 2 cores, 1,570 tests took 2:53 with six workers, 3:39 with
    four and about 6 minutes with two. PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set."""
    import os

    chosen = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "")
    if chosen.isdigit():
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 3 * cores


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app must never touch the network; any socket use fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to use the network")

    def guard(name: str):
        real = getattr(socket.socket, name)

        def guarded(self, *args, **kwargs):
            # asyncio's own wake-up pipe is a local Unix socket pair: allowed.
            if self.family != socket.AF_UNIX:
                refuse()
            return real(self, *args, **kwargs)

        return guarded

    for name in ("connect", "connect_ex", "bind", "sendto"):
        monkeypatch.setattr(socket.socket, name, guard(name))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def quick_passphrases(monkeypatch: pytest.MonkeyPatch):
    """Argon2 at tiny costs (the real ones take about half a second a passphrase), and every
    test starts and ends with no data key held (store/files/codec.py keeps one per process)."""
    from imr_companion.store.files import codec, keys

    monkeypatch.setattr(keys, "COSTS", {"time_cost": 1, "memory_cost": 8, "parallelism": 1})
    codec.forget()
    yield
    codec.forget()


@pytest.fixture(autouse=True)
def fixed_clock():
    clock.fix(FIXED_NOW)
    yield FIXED_NOW
    clock.fix(None)


@pytest.fixture(autouse=True)
def english_after():
    """Each test starts and ends in English, whatever a test (or an app it opened) chose."""
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture
def danish():
    """Words in Danish for this test (an app opened in it speaks Danish when its settings say so:
    open it with a data folder whose settings have language "da", or set LANG=da_DK.UTF-8)."""
    i18n.use("da")
    yield
    i18n.use("en")


@pytest.fixture(autouse=True)
def private_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing touches the real home directory."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.delenv("IMR_COMPANION_DATA_DIR", raising=False)
    # Help now's emergency number follows the locale: no region unless a test names one.
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def database(data_dir: Path):
    db = Database.open(data_dir)
    yield db
    db.close()


@pytest.fixture
def open_app():
    """Makes the app on a folder, as a person starts it; every database it opened is closed afterwards."""
    opened: list[Database] = []

    def make(folder: Path, theme: str | None = None) -> CompanionApp:
        """`theme` (for example "light" or "high-contrast") is saved as the person's choice first."""
        db = Database.open(folder)
        opened.append(db)
        if theme is not None:
            db.save_settings(db.settings().model_copy(update={"theme": theme}))
        return CompanionApp(db)

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def snap_compare(snap_compare):
    """pytest-textual-snapshot's snap_compare, taking the snapshot only once the screen has settled.

    Every snapshot test uses it (it has the plugin's name): the screen settles
    (`tests.helpers.settled`) before `run_before`, and again after it and the
    key presses, so a busy machine cannot catch a screen half drawn.
    """

    def compare(app, press=(), terminal_size=(80, 24), run_before=None, **options) -> bool:
        async def then_settle(pilot) -> None:
            await settled(pilot)
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await pilot.press(*press)
            await settled(pilot)

        matched = snap_compare(app, terminal_size=terminal_size, run_before=then_settle, **options)
        if not matched:
            # The HTML report stays on the machine that ran the tests: say in the
            # test's own output which rows differ, so a failure far away can be read.
            print(_rows_that_differ(snap_compare), file=sys.stderr)
        return matched

    return compare


def _svg_rows(svg: str) -> list[str]:
    """The text of each row of a snapshot SVG (styles aside)."""
    rows: dict[str, list[tuple[float, str]]] = {}
    drawn = r'<text class="terminal-[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>'
    for x, y, text in re.findall(drawn, svg):
        rows.setdefault(y, []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    in_order = sorted(rows.items(), key=lambda row: float(row[0]))
    return ["".join(text for _, text in sorted(parts)).rstrip() for _, parts in in_order]


def _rows_that_differ(snap_compare) -> str:
    from pytest_textual_snapshot import node_to_report_path

    request = inspect.getclosurevars(snap_compare).nonlocals.get("request")
    if request is None:
        return "the snapshot differs (no report found)"
    data = pickle.loads(node_to_report_path(request.node).read_bytes())
    expected, actual = _svg_rows(data[1]), _svg_rows(data[2])
    lines = ["The snapshot differs in these rows (expected / drawn):"]
    for row, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            lines += [f"{row:2} - {want}", f"{row:2} + {got}"]
    if len(expected) != len(actual):
        lines.append(f"{len(expected)} rows expected, {len(actual)} drawn")
    if len(lines) == 1:
        lines.append("(the same text: only colours or styles differ)")
    return "\n".join(lines)


async def no_blink(pilot) -> None:
    """Snapshots must not depend on where the cursor's blink happens to be."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


# Reading levels per module, recorded by tests/content/test_content.py and
# printed at the end of every run, so that CI output always shows them. They
# travel as report properties, which pytest-xdist brings back from its workers.
READING_LEVELS: dict[str, str] = {}


def pytest_runtest_logreport(report) -> None:
    for name, value in getattr(report, "user_properties", ()):
        if name == "reading_level":
            READING_LEVELS[report.nodeid] = value


def pytest_terminal_summary(terminalreporter) -> None:
    if READING_LEVELS:
        terminalreporter.section(
            "handout reading levels (Flesch-Kincaid at most 8; Dale-Chall min / median / max, at most 8.0)"
        )
        for line in sorted(READING_LEVELS.values()):
            terminalreporter.write_line(line)
