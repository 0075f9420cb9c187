"""Pydantic models, one module per area. Pure: no disk, no screen."""

from imr_companion.models.base import Model, Record
from imr_companion.models.coping import CopingStrategy
from imr_companion.models.goals import Goal
from imr_companion.models.group import GroupNote
from imr_companion.models.handouts import Answer, Reading
from imr_companion.models.moments import Moment
from imr_companion.models.network import Person
from imr_companion.models.plan import CheckIn, Plan, PlanVersion
from imr_companion.models.practice import PracticeTask
from imr_companion.models.selfcheck import SelfCheck
from imr_companion.models.settings import Settings
from imr_companion.models.together.sessions import SessionNote
from imr_companion.models.together.supporters import SupporterNote

# Every table of records in the data file and the model that validates it.
# A new area adds its line here; the store, export, import and doctor follow.
RECORD_TABLES: dict[str, type[Record]] = {
    "moments": Moment,
    "practice": PracticeTask,
    "people": Person,
    "goals": Goal,
    "plan": Plan,
    "plan_versions": PlanVersion,
    "checkins": CheckIn,
    "reading": Reading,
    "answers": Answer,
    "sessions": SessionNote,
    "supporters": SupporterNote,
    "self_checks": SelfCheck,
    "coping": CopingStrategy,
    "group_notes": GroupNote,
}

__all__ = [
    "RECORD_TABLES",
    "Answer",
    "CheckIn",
    "CopingStrategy",
    "Goal",
    "GroupNote",
    "Model",
    "Moment",
    "Person",
    "Plan",
    "PlanVersion",
    "PracticeTask",
    "Reading",
    "Record",
    "SelfCheck",
    "SessionNote",
    "Settings",
    "SupporterNote",
]
