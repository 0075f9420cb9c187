"""The store knows the tables by name before the models load: the names and the models' tables agree."""

from imr_companion.models import RECORD_TABLES
from imr_companion.tables import RECORD_TABLE_NAMES


def test_every_record_table_has_its_name_known_to_the_store():
    assert tuple(RECORD_TABLES) == RECORD_TABLE_NAMES
