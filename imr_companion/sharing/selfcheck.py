"""The self-check part of a shared page or an export: the same picture as the screen (layout/change.py)."""

from __future__ import annotations

from itertools import groupby

from imr_companion import clock
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.layout.change import changes
from imr_companion.models.selfcheck import AREAS, CONTACT, PERSON, SelfCheck, own_checks
from imr_companion.sharing.blocks import Block, Item, Items, Paragraph
from imr_companion.store import Database, Repository


def selfcheck_blocks(database: Database) -> list[Block]:
    checks = Repository.of(database, SelfCheck).all()
    mine = own_checks(checks, PERSON)
    if not mine:
        return [Paragraph(_("No self-check yet."))]
    said = ngettext(
        "{count} self-check, from {first} to {last}. 1 to 5 in each area; 5 is the end I hope for.",
        "{count} self-checks, from {first} to {last}. 1 to 5 in each area; 5 is the end I hope for.",
        len(mine),
    ).format(count=len(mine), first=date_words(mine[0].day, "date"), last=date_words(mine[-1].day, "date"))
    blocks: list[Block] = [
        Paragraph(said),
        Paragraph(_("Each mark is one self-check, oldest first; a dot: skipped."), quiet=True),
        _rows(mine),
    ]
    theirs = sorted(own_checks(checks, CONTACT), key=lambda c: c.together_with or "")
    for name, group in groupby(theirs, key=lambda c: c.together_with or ""):
        if name:
            caption = _("Seen by {name}, beside me:").format(name=name)
        else:
            caption = _("Seen by a contact person, beside me:")
        blocks += [Paragraph(caption), _rows(sorted(group, key=lambda c: c.day))]
    return blocks


def _rows(checks: list[SelfCheck]) -> Items:
    """One item an area: its sentence, then its row of marks and numbers (plain text, no fence:
    the full Markdown export holds no code blocks)."""
    found = changes([(c.day, c.ratings) for c in checks], AREAS, clock.today())
    return Items(tuple(Item(change.row, label=change.words) for change in found))
