"""A thread of the start-up gives way to a key: it waits before each import while a key is fresh."""

from __future__ import annotations

import sys
import threading
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


def test_no_thread_waits_for_a_key_while_the_app_waits_for_its_imports(clock: FakeClock):
    # An area's first open imports its code, which the thread importing ahead may hold half done.
    with giving_way.hurrying():
        giving_way.wait_for_keys(Typed(last_activity=clock.now))  # the area's key, just pressed
    assert clock.slept == []
    giving_way.wait_for_keys(Typed(last_activity=clock.now))  # once it is done, keys come first again
    assert sum(clock.slept) == pytest.approx(giving_way.GIVE_WAY)


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
