"""Things that help me: the strategies, their words in the person's language, and what may be added.

Shared by the toolbox, Help now, the plan brought by warning signs, the
shared pages and the supporter sheet, so that a strategy reads the same in each.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_companion import content, i18n
from imr_companion.models.coping import CopingStrategy, handout_source, helped_most_first
from imr_companion.store import Database, Repository

COPING_LISTS: tuple[tuple[str, str], ...] = (
    ("coping-with-problems", "strategies-to-try"),
    ("coping-with-problems", "anger-helps"),
)
"""(handout id, checklist exercise id): the modules' lists of strategies to try. Module 8's own list
("strategies-to-try") is the person's written lines: offered as their own words."""
MODULE_8_LIST = ("coping-with-stress", "strategies-to-try")


@dataclass(frozen=True)
class Offer:
    """Something the person may add to the toolbox: its words and where it comes from."""

    words: str
    source: str
    text: str = ""
    """Stored as the strategy's words ('' for an option, read from the handout when drawn)."""


def strategies(database: Database) -> list[CopingStrategy]:
    """Every strategy, the ones that helped most first."""
    return helped_most_first(Repository.of(database, CopingStrategy).all())


def words(strategy: CopingStrategy, language: str | None = None) -> str:
    """The strategy in the person's words, or its module option's words in their language."""
    if strategy.text:
        return strategy.text
    found = strategy.option
    if found is None:
        return strategy.source
    handout_id, exercise_id, option_id = found
    handout = content.readable_handout(handout_id, language or i18n.language())
    exercise = handout.exercise(exercise_id) if handout else None
    option = exercise.option(option_id) if exercise else None
    return option.text if option else option_id.replace("-", " ")


def module_offers(language: str | None = None) -> list[Offer]:
    """Modules 8 and 9's strategies to try: the lists' options in the person's language."""
    offers = []
    for handout_id, exercise_id in COPING_LISTS:
        handout = content.readable_handout(handout_id, language or i18n.language())
        exercise = handout.exercise(exercise_id) if handout else None
        for option in exercise.options if exercise else ():
            offers.append(Offer(option.text, handout_source(handout_id, exercise_id, option.id)))
    return offers


def written_offers(database: Database) -> list[Offer]:
    """The person's own lines: the plan's "What has helped" and module 8's list of strategies to try."""
    from imr_companion.models import Answer
    from imr_companion.store.queries.plan import load_plan

    offers = [Offer(item.text, f"plan:{item.id}", item.text) for item in load_plan(database).helped]
    handout_id, exercise_id = MODULE_8_LIST
    for answer in Repository.of(database, Answer).where("handout", handout_id, handout_id):
        if answer.exercise == exercise_id:
            offers += [Offer(line, "", line) for line in answer.lines if line.strip()]
    return offers


def offers(database: Database) -> list[Offer]:
    """What may be added, without what the toolbox already holds (by source, or by the same words)."""
    held = Repository.of(database, CopingStrategy).all()
    sources = {s.source for s in held if s.source}
    held_words = {words(s).casefold() for s in held}
    found: list[Offer] = []
    for offer in [*written_offers(database), *module_offers()]:
        if offer.source in sources or offer.words.casefold() in held_words:
            continue
        if offer.words.casefold() in {o.words.casefold() for o in found}:
            continue
        found.append(offer)
    return found
