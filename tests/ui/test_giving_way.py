"""A thread of the start-up gives way to a key: it waits before each import while a key is fresh."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from imr_companion.ui import giving_way


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class Typed:
    def __init__(self, last_activity: float) -> None:
        self.last_activity = last_activity


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(giving_way, "time", fake)
    # Not busy drawing an area, whatever an earlier test in this process opened (by the real clock).
    monkeypatch.setattr(giving_way, "_BUSY_UNTIL", [0.0])
    return fake


def test_a_thread_waits_until_the_key_had_its_time_and_never_long(clock: FakeClock):
    giving_way.wait_for_keys(Typed(last_activity=clock.now - 1.0))  # no key lately: no wait
    assert clock.slept == []
    giving_way.wait_for_keys(Typed(last_activity=clock.now - 0.01))  # a key 10 ms ago
    assert sum(clock.slept) == pytest.approx(giving_way.GIVE_WAY - 0.01)
    clock.slept.clear()
    holding = Typed(last_activity=clock.now)
    original = FakeClock.sleep

    def key_again(self: FakeClock, seconds: float) -> None:  # someone holding a key down
        original(self, seconds)
        holding.last_activity = self.now

    clock.sleep = key_again.__get__(clock)  # type: ignore[method-assign]
    giving_way.wait_for_keys(holding)
    assert sum(clock.slept) == pytest.approx(giving_way.LONGEST_WAIT)  # the work still goes on


def test_a_thread_waits_while_an_area_is_first_opened(clock: FakeClock):
    # The area's key was pressed long ago by this fake clock: only the opening keeps the thread waiting.
    with giving_way.opening():
        giving_way.wait_for_keys(Typed(last_activity=clock.now - 1.0))
    assert sum(clock.slept) == pytest.approx(giving_way.LONGEST_WAIT)
    clock.slept.clear()
    giving_way.wait_for_keys(Typed(last_activity=clock.now - 1.0))  # opened: the work goes on
    assert clock.slept == []


def test_a_thread_never_waits_while_the_app_waits_for_a_module_it_imports(tmp_path: Path, monkeypatch):
    """An area's first open needs its code, which the thread importing ahead may be halfway through:
    the app's thread waits for that module's lock, and the thread, waiting for the open to be drawn,
    would hold it back as long as it waits. It goes on at once instead; and it never keeps Python's
    global import lock while it waits, so the app's thread imports any other module meanwhile."""
    monkeypatch.setattr(giving_way, "LONGEST_WAIT", 60.0)  # waiting for the open: the test would hang
    monkeypatch.setattr(giving_way, "_BUSY_UNTIL", [0.0])
    signal = type(sys)("ahead_signal")
    halfway, go, waiting = threading.Event(), threading.Event(), threading.Event()
    signal.halfway, signal.go = halfway, go  # type: ignore[attr-defined]
    happened: list[str] = []
    waited: list[float] = []
    monkeypatch.setitem(sys.modules, "ahead_signal", signal)
    (tmp_path / "ahead_outer.py").write_text(
        "from ahead_signal import go, halfway\nhalfway.set()\ngo.wait(30)\nimport ahead_inner\n"
    )
    (tmp_path / "ahead_inner.py").write_text("VALUE = 1\n")
    (tmp_path / "ahead_other.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    waits = giving_way.wait_for_keys

    def wait_for_keys(app: Typed) -> None:
        if go.is_set():
            waiting.set()  # before ahead_inner, while the area opens
        began = time.monotonic()
        waits(app)
        if go.is_set():
            happened.append("the thread went on")
            waited.append(time.monotonic() - began)

    monkeypatch.setattr(giving_way, "wait_for_keys", wait_for_keys)

    def ahead() -> None:
        with giving_way.giving_way(Typed(0.0)):
            import ahead_outer  # noqa: F401

    thread = threading.Thread(target=ahead, daemon=True)
    thread.start()
    assert halfway.wait(30)
    with giving_way.opening():
        go.set()
        assert waiting.wait(30)
        import ahead_other  # noqa: F401

        happened.append("another module imported")
        import ahead_outer  # waits for the thread's import, which goes on at once
    thread.join(30)
    assert not thread.is_alive()
    assert happened[0] == "another module imported"
    assert max(waited) < giving_way.LONGEST_WAIT / 2  # went on as soon as the app's thread waited
    assert ahead_outer.ahead_inner.VALUE == 1  # type: ignore[attr-defined]
    for name in ("ahead_outer", "ahead_inner", "ahead_other"):
        sys.modules.pop(name, None)


def test_a_thread_waits_while_an_area_is_first_drawn(clock: FakeClock):
    giving_way.busy_for(0.05)  # an area's first open, just begun: no key for a second
    giving_way.wait_for_keys(Typed(last_activity=clock.now - 1.0))
    assert sum(clock.slept) == pytest.approx(0.05)
    clock.slept.clear()
    giving_way.wait_for_keys(Typed(last_activity=clock.now - 1.0))  # drawn: the work goes on
    assert clock.slept == []


def test_only_a_thread_that_gives_way_waits_before_its_imports(tmp_path: Path, monkeypatch):
    waited: list[str] = []
    monkeypatch.setattr(
        giving_way, "wait_for_keys", lambda app: waited.append(threading.current_thread().name)
    )
    for name in ("given_way_a", "given_way_b"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    def importing(name: str, give_way: bool) -> None:
        if give_way:
            with giving_way.giving_way(Typed(0.0)):
                __import__(name)
        else:
            __import__(name)

    for name, give_way in (("given_way_a", True), ("given_way_b", False)):
        thread = threading.Thread(target=importing, args=(name, give_way), name=name)
        thread.start()
        thread.join()
        monkeypatch.delitem(sys.modules, name)
    assert waited == ["given_way_a"]
