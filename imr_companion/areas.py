"""The areas of the app in the order of the bar, read by the app and by any widget that links to one.

Pure data, no Textual: each area names its screen as 'module:Class', imported
only when the area is first opened, so start-up loads only Today.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_companion.i18n import N_


@dataclass(frozen=True)
class Area:
    mode: str
    key: str
    title: str
    """In English, marked for the catalogue: drawn through `_()` (i18n) where it is shown."""
    screen: str
    """'module:Class' of the area's screen, imported only when first opened."""


# Keys follow DESIGN.md so that they stay the same as areas arrive.
AREAS: tuple[Area, ...] = (
    Area("today", "1", N_("Today"), "imr_companion.ui.today.screen:TodayScreen"),
    Area("handouts", "2", N_("Handouts"), "imr_companion.ui.handouts.screen:HandoutsScreen"),
    Area("moments", "3", N_("Good moments"), "imr_companion.ui.moments.screen:MomentsScreen"),
    Area("goals", "4", N_("Goals"), "imr_companion.ui.goals.screen:GoalsScreen"),
    Area("network", "5", N_("Network"), "imr_companion.ui.network.screen:NetworkScreen"),
    Area("plan", "6", N_("My plan"), "imr_companion.ui.plan.screen:PlanScreen"),
)

# Where each kind of tool exercise in a handout is done: good moments are
# written on Today.
TOOL_AREAS: dict[str, str] = {"goals": "goals", "network": "network", "plan": "plan", "moments": "today"}


def area(mode: str) -> Area:
    return next(a for a in AREAS if a.mode == mode)
