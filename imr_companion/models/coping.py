"""Things that help me: IMR's coping strategies (modules 8 and 9), each tried and rated over time.

A strategy keeps where it came from: a module's list (by the option's id, so
its words are read from the handout in the person's language when drawn), the
plan's "What has helped" (a copy of the person's words), or the person's own
words. Each try is a day and how well it helped, 1 (did not help) to 5
(helped a lot); the toolbox shows the ones that helped most first.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from imr_companion import clock
from imr_companion.i18n import _, date_words, ngettext, pgettext
from imr_companion.models.base import Day, Model, Record, ShortText

STRATEGY_LIMIT = 200
TRY_LIMIT = 2000
"""Ten years of tries at one strategy every other day: only a runaway import reaches it."""
HANDOUT = "handout:"
PLAN = "plan:"


class CopingTry(Model):
    day: Day = Field(default_factory=clock.today)
    helped: int = Field(ge=1, le=5)
    """1: did not help; 5: helped a lot."""


class CopingStrategy(Record):
    text: ShortText = Field(default="", max_length=STRATEGY_LIMIT)
    """The person's words; empty for a strategy from a module's list, whose words are its option's."""
    source: ShortText = ""
    """'' for the person's own words; 'handout:<handout id>:<exercise id>:<option id>' for a module's
    list; 'plan:<entry id>' for the plan's "What has helped" (the words copied into `text`)."""
    tries: list[CopingTry] = Field(default_factory=list, max_length=TRY_LIMIT)
    """Oldest first."""

    @model_validator(mode="after")
    def _has_words(self) -> CopingStrategy:
        if not self.text and not self.source.startswith(HANDOUT):
            raise ValueError("should have words, or come from a module's list")
        return self

    @property
    def option(self) -> tuple[str, str, str] | None:
        """(handout id, exercise id, option id) for a strategy from a module's list."""
        if not self.source.startswith(HANDOUT):
            return None
        parts = self.source[len(HANDOUT) :].split(":")
        return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None

    @property
    def how_well(self) -> float | None:
        """The average of its tries, or None when not tried yet."""
        return sum(t.helped for t in self.tries) / len(self.tries) if self.tries else None

    @property
    def last_tried(self) -> date | None:
        return max((t.day for t in self.tries), default=None)


def handout_source(handout_id: str, exercise_id: str, option_id: str) -> str:
    return f"{HANDOUT}{handout_id}:{exercise_id}:{option_id}"


def helped_most_first(strategies: list[CopingStrategy]) -> list[CopingStrategy]:
    """Tried ones by how well they helped (to a tenth), then how often, then the latest try;
    the ones not tried yet after them, newest first."""
    tried = [s for s in strategies if s.tries]
    untried = [s for s in strategies if not s.tries]
    tried.sort(
        key=lambda s: (round(s.how_well or 0, 1), len(s.tries), s.last_tried or date.min, s.created),
        reverse=True,
    )
    untried.sort(key=lambda s: s.created, reverse=True)
    return tried + untried


def helped_well(strategies: list[CopingStrategy], count: int = 3) -> list[CopingStrategy]:
    """Up to `count` that helped most, among those that helped at least a little (3 or more)."""
    return [s for s in helped_most_first(strategies) if (s.how_well or 0) >= 3][:count]


def marks(how_well: float | None) -> str:
    """'●●●●○': how well it helped, as filled marks out of five (read without colour)."""
    if how_well is None:
        return "○○○○○"
    filled = max(1, min(5, int(how_well + 0.5)))
    return "●" * filled + "○" * (5 - filled)


def tries_words(strategy: CopingStrategy) -> str:
    """'4 of 5, tried 6 times, last 3 Dec', or 'not tried yet'."""
    if not strategy.tries or strategy.how_well is None or strategy.last_tried is None:
        return _("not tried yet")
    how_well = f"{strategy.how_well:.1f}".removesuffix(".0").replace(".", pgettext("decimal separator", "."))
    count = len(strategy.tries)
    return ngettext(
        "{how_well} of 5, tried {count} time, last {day}",
        "{how_well} of 5, tried {count} times, last {day}",
        count,
    ).format(
        how_well=how_well,
        count=count,
        day=date_words(strategy.last_tried, "short"),
    )
