"""Migration 1 -> 2: answers and practice tasks refer to ids, not to English words.

Before version 2 a checklist tick and a choice were stored as the option's
English words, and a practice task taken from a handout said only which
handout. A Danish handout would then have matched none of them. This moves
every tick and choice to its option's id, and every such practice task to
'handout:<handout>:<task id>', using the words the handouts had then
(`stable_ids_words`, frozen), never the content shipped later.

Nothing is dropped: a tick or a choice whose words match no option (an
older wording of the handout) is kept as it was in the answer's
`unmatched`, which the reader shows as ticked. A practice task whose words
match no suggestion keeps its source as it was; its own words are always
kept. Reading marks need nothing: the section ids now written in the
handouts are the slugs reading progress already stored.

Records that are not in the shape this expects are left alone for the
gate to judge (and set aside, never lose).
"""

from __future__ import annotations

from typing import Any

from imr_companion.store.upgrades.stable_ids_words import OPTIONS, PRACTICE


def _key(words: str) -> str:
    """Words as compared: spacing and capitals do not make a tick unmatched."""
    return " ".join(words.split()).casefold()


def _lookup(table: dict[str, str]) -> dict[str, str]:
    return {_key(words): ident for words, ident in table.items()}


def to_stable_ids(document: dict[str, dict[str, Any]]) -> None:
    """Ticks, choices and practice tasks from English words to ids, in place."""
    options = {where: _lookup(table) for where, table in OPTIONS.items()}
    for record in _records(document, "answers"):
        found = options.get(f"{record.get('handout')}/{record.get('exercise')}", {})
        if record.get("kind") == "checklist":
            _tick_ids(record, found)
        elif record.get("kind") == "choice":
            _choice_id(record, found)
    suggestions = {handout: _lookup(table) for handout, table in PRACTICE.items()}
    for record in _records(document, "practice"):
        source, text = record.get("source"), record.get("text")
        if not (isinstance(source, str) and source.startswith("handout:") and isinstance(text, str)):
            continue
        handout = source.removeprefix("handout:")
        task = suggestions.get(handout, {}).get(_key(text))
        if task is not None:
            record["source"] = f"handout:{handout}:{task}"


def _records(document: dict[str, dict[str, Any]], table: str) -> list[dict[str, Any]]:
    records = document.get(table)
    if not isinstance(records, dict):
        return []
    return [record for record in records.values() if isinstance(record, dict)]


def _tick_ids(record: dict[str, Any], found: dict[str, str]) -> None:
    ticked = record.get("ticked", [])
    if not isinstance(ticked, list) or not all(isinstance(t, str) for t in ticked):
        return
    ids: list[str] = []
    unmatched: list[str] = []
    for words in ticked:
        ident = found.get(_key(words))
        if ident is None:
            unmatched.append(words)
        elif ident not in ids:
            ids.append(ident)
    record["ticked"] = ids
    if unmatched:
        record["unmatched"] = unmatched


def _choice_id(record: dict[str, Any], found: dict[str, str]) -> None:
    choice = record.get("choice")
    if not isinstance(choice, str):
        return
    ident = found.get(_key(choice))
    if ident is None:
        record["choice"] = None
        record["unmatched"] = [choice]
    else:
        record["choice"] = ident
