"""The tables of the data file, by name: known to the store before the models are loaded.

Opening the data reads and sets right its tables before the first frame,
when pydantic and the models are not imported yet; `models.RECORD_TABLES`
gives each record table its model (a test keeps the two the same).
"""

from imr_companion.i18n import _, ngettext, pgettext

RECORD_TABLE_NAMES: tuple[str, ...] = (
    "moments",
    "practice",
    "people",
    "goals",
    "plan",
    "plan_versions",
    "checkins",
    "reading",
    "answers",
    "sessions",
    "supporters",
    "self_checks",
    "coping",
    "group_notes",
)
META = "_meta"
SETTINGS = "settings"
QUARANTINE = "_quarantine"


def _counted(table: str, count: int) -> str:
    """What a person recognises in a copy of their data, counted in their words."""
    number = f"{count:,}".replace(",", pgettext("thousands separator", ","))
    if table == "moments":
        words = ngettext("{count} good moment", "{count} good moments", count)
    elif table == "goals":
        words = ngettext("{count} goal", "{count} goals", count)
    elif table == "people":
        words = ngettext("{count} person on the network card", "{count} people on the network card", count)
    elif table == "answers":
        words = ngettext("{count} answer", "{count} answers", count)
    elif table == "practice":
        words = ngettext("{count} practice task", "{count} practice tasks", count)
    elif table == "sessions":
        words = ngettext("{count} session note", "{count} session notes", count)
    else:
        words = ngettext("{count} check-in", "{count} check-ins", count)
    return words.format(count=number)


HOLDINGS = ("moments", "goals", "people", "answers", "practice", "sessions", "checkins")
"""The tables a copy is described by, most telling first."""


def holdings(document: dict) -> str:
    """What a copy holds, in the person's words: "1,204 good moments, 3 goals, 12 people ... and more"."""
    said = []
    for table in HOLDINGS:
        records = document.get(table)
        count = len(records) if isinstance(records, dict) else 0
        if count:
            said.append(_counted(table, count))
    # The plan, its reviews, reading marks, supporter notes: said as "more", never as a count of records.
    other = any(
        isinstance(document.get(table), dict) and document[table]
        for table in RECORD_TABLE_NAMES
        if table not in HOLDINGS
    )
    if len(said) > 3 or (said and other):
        said = [*said[:3], _("more")]
    if not said:
        return _("some of what you wrote") if other else _("nothing written yet")
    if len(said) == 1:
        return said[0]
    # Translators: the end of a list, "1 goal, 2 answers and more": {items} is the list before the last.
    return _("{items} and {last}").format(items=", ".join(said[:-1]), last=said[-1])
