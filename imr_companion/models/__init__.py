"""Pydantic models, one module per area. Pure: no disk, no screen."""

from imr_companion.models.base import Model, Record
from imr_companion.models.handouts import Answer, Reading
from imr_companion.models.moments import Moment
from imr_companion.models.network import Person
from imr_companion.models.practice import PracticeTask
from imr_companion.models.settings import Settings

# Every table of records in the data file and the model that validates it.
# A new area adds its line here; the store, export, import and doctor follow.
RECORD_TABLES: dict[str, type[Record]] = {
    "moments": Moment,
    "practice": PracticeTask,
    "people": Person,
    "reading": Reading,
    "answers": Answer,
}

__all__ = [
    "RECORD_TABLES",
    "Answer",
    "Model",
    "Moment",
    "Person",
    "PracticeTask",
    "Reading",
    "Record",
    "Settings",
]
