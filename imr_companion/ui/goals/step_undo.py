"""Marking a step done or not done, and undoing it with u: the goals screen and Today's goal card share it."""

from __future__ import annotations

from imr_companion.models import Goal
from imr_companion.models.goals import DoneChange
from imr_companion.store import Repository, SaveError


class StepUndo:
    """The last step marked done or not done, remembered until it is undone or forgotten."""

    def __init__(self) -> None:
        self.change: DoneChange | None = None

    def mark(self, repository: Repository[Goal], goal: Goal, changed: Goal, step_id: str) -> None:
        """Save `changed` (`goal` with the step marked) and remember how to undo it; raises SaveError."""
        repository.save(changed)
        self.change = DoneChange.between(goal, changed, step_id)

    def offered(self, goal_id: str | None = None) -> bool:
        return self.change is not None and (goal_id is None or self.change.goal_id == goal_id)

    def forget(self, goal_id: str | None = None) -> None:
        if self.offered(goal_id):
            self.change = None

    def undo(self, repository: Repository[Goal]) -> Goal | None:
        """The goal saved as it was; None when there is nothing left to undo (the step has gone).

        A failed save raises SaveError and keeps the undo on offer.
        """
        change, self.change = self.change, None
        goal = repository.get(change.goal_id) if change else None
        restored = change.undone(goal) if change and goal else None
        if restored is None:
            return None
        try:
            repository.save(restored)
        except SaveError:
            self.change = change
            raise
        return restored
