"""The plan's fixed words in the person's language: the sections' words and the entries' details.

The sections are defined in models/plan.py in English (the model knows no
language); their words are marked here for the plan's catalogue and passed
through _() where they are shown: `_(section.title)` works anywhere, since
the English words are the message ids.
"""

from __future__ import annotations

from imr_companion.i18n import N_, _
from imr_companion.models import Person
from imr_companion.models.plan import Change, CrisisContact, Entry, Helper, PlanSection, WarningSign, noticer
from imr_companion.models.plan import entry_words as model_entry_words

SECTION_WORDS = (
    N_("When I am well"),
    N_("A few words about you at your best, so others can see the difference."),
    N_("When I am well, I ..."),
    N_("My triggers"),
    N_("Situations or stresses that came before a difficult time."),
    N_("A trigger, in your own words"),
    N_("Early warning signs"),
    N_("Small changes that showed up before, and who might notice them."),
    N_("An early warning sign"),
    N_("What I will do"),
    N_("The steps you will take when you notice signs, in order."),
    N_("A step I will take"),
    N_("People who can help"),
    N_("People you can call when you need help, with their numbers."),
    N_("Their name"),
    N_("What has helped"),
    N_("Things that helped you before."),
    N_("Something that helped"),
    N_("What does not help"),
    N_("Things that made it harder, so others know too."),
    N_("Something that does not help"),
    N_("Crisis contacts"),
    N_("Your clinic, an out-of-hours service, your local emergency number."),
    N_("Who or what it is"),
)
"""Every title, hint and label of models.plan.SECTIONS (a test checks none is missing)."""


def title(section: PlanSection) -> str:
    return _(section.title)


def hint(section: PlanSection) -> str:
    return _(section.hint)


def label(section: PlanSection) -> str:
    return _(section.label)


def entry_words(entry: Entry, people: dict[str, Person] | None = None) -> tuple[str, str]:
    """(main words, muted detail) of one entry, as the plan shows it, in the person's language."""
    if isinstance(entry, WarningSign):
        who = noticer(entry, people or {})
        return entry.text, _("{name} may notice").format(name=who) if who else ""
    return model_entry_words(entry, people)


def entry_line(entry: Entry, people: dict[str, Person] | None = None) -> str:
    """One entry on one line, as models.plan.entry_line, in the person's language."""
    text, detail = entry_words(entry, people)
    if isinstance(entry, Helper | CrisisContact):
        return f"{text}: {detail}" if detail else text
    return f"{text} ({detail})" if detail else text


def change_line(change: Change) -> str:
    """One change between two versions of the plan, named in words."""
    if change.kind == "changed":
        return _("changed: {before} → {now}").format(before=change.before, now=change.words)
    if change.kind == "added":
        return _("added: {words}").format(words=change.words)
    if change.kind == "taken out":
        return _("taken out: {words}").format(words=change.words)
    return _("new order: {words}").format(words=change.words)
