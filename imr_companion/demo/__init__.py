"""A fictional person's data, for trying the app and for benchmarks.

Sam is invented. The entries are the kind of thing a person in IMR might
write over the years; nothing here comes from a real person.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from imr_companion import clock
from imr_companion.demo.coping import coping_tables
from imr_companion.demo.group import group_tables, mark_told, meeting
from imr_companion.demo.handouts import handouts_tables
from imr_companion.demo.selfcheck import MONTHS as SELFCHECK_MONTHS
from imr_companion.demo.selfcheck import selfcheck_tables
from imr_companion.demo.sessions import sessions_tables, supporters_tables
from imr_companion.demo.words import Sam, sam
from imr_companion.i18n import Language, _
from imr_companion.models import CheckIn, Goal, Moment, Person, Plan, PlanVersion, Settings
from imr_companion.models.goals import GoalStatus, RecoveryArea, Step
from imr_companion.models.network import ContactFrequency, HelpKind, LifeArea, Ring, Wish
from imr_companion.models.plan import SECTION_BY_FIELD, SECTIONS, NoticedSign
from imr_companion.paths import DATA_FILE
from imr_companion.store.database import SETTINGS, Database, Document, parse_document
from imr_companion.store.errors import StoreError
from imr_companion.store.files import codec
from imr_companion.store.reading import new_document

FIRST_NAME = "Sam"

# Sam's words (moments, goals, people, plan, answers, notes) are data, in
# sam.json beside this file and sam.da.json in Danish (see words.py).


def _moments(rng: random.Random, start: date, end: date, sam: Sam) -> list[Moment]:
    moments = []
    day = start
    while day <= end:
        # Some days have two or three moments, some none: life is uneven.
        count = rng.choices([0, 1, 2, 3], weights=[30, 50, 15, 5])[0]
        for _n in range(count):
            written = datetime.combine(day, time(9 + rng.randrange(12), rng.randrange(60)))
            text = rng.choice(sam.words["moment_starts"]) + rng.choice(sam.words["moment_ends"])
            together = sam.contact if rng.random() < 0.04 else None
            moments.append(
                Moment(text=text, day=day, created=written, updated=written, together_with=together)
            )
        day += timedelta(days=1)
    return moments


Builder = Callable[[random.Random, date, date, Sam], dict[str, list[dict]]]


def _moments_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    return {"moments": [m.model_dump(mode="json") for m in _moments(rng, start, end, sam)]}


GoalPlan = tuple[str, str, RecoveryArea, list[str]]
"""A goal as planned: its words, why it matters, its life area, its steps from the bottom rung up."""


def _goal_plan(entry: dict) -> GoalPlan:
    return entry["goal"], entry["why"], RecoveryArea(entry["area"]), entry["steps"]


def _goal(rng: random.Random, plan: GoalPlan, begun: date, end: date, climbed: int, contact: str) -> Goal:
    """A goal begun on `begun` whose first `climbed` steps were done by `end`."""
    text, why, area, texts = plan
    span = max(len(texts), (end - begun).days)
    days = sorted(rng.sample(range(1, span + 1), len(texts)))
    steps = []
    for n, step_text in enumerate(texts):
        done = begun + timedelta(days=days[n]) if n < climbed else None
        planned = end + timedelta(days=7 * (n - climbed + 1))
        steps.append(
            Step(
                text=step_text,
                done_on=done,
                planned_on=None if done or rng.random() < 0.6 else planned,
                together_with=contact if contact in step_text else None,
            )
        )
    made = datetime.combine(begun, time(11, 0))
    return Goal(
        text=text,
        why=why,
        area=area,
        hoped_for=begun + timedelta(days=rng.choice([90, 120, 180])) if rng.random() < 0.6 else None,
        steps=steps,
        made_current=made,
        created=made,
        updated=made,
        together_with=contact if rng.random() < 0.3 else None,
    )


def _goals(rng: random.Random, start: date, end: date, sam: Sam) -> list[Goal]:
    """One goal after another, as many as the years allow, most of them reached.

    Sam's goals, oldest first; the one Sam is climbing now, half-way up; and an earlier one put on hold.
    """
    contact = sam.contact
    goals = []
    current_start = end - timedelta(days=45)
    hold_start = end - timedelta(days=300)
    day = start + timedelta(days=rng.randrange(20, 60))
    for plan in map(_goal_plan, sam.words["goals"]):
        length = rng.randrange(120, 260)
        if day + timedelta(days=length) >= hold_start:
            break
        reached_on = day + timedelta(days=length)
        goal = _goal(rng, plan, day, reached_on, len(plan[3]), contact)
        goals.append(goal.model_copy(update={"status": GoalStatus.REACHED, "reached_on": reached_on}))
        day = reached_on + timedelta(days=rng.randrange(10, 90))
    if hold_start > start:
        on_hold = _goal_plan(sam.words["goal_on_hold"])
        goals.append(_goal(rng, on_hold, hold_start, end - timedelta(days=120), 2, contact))
    current = _goal_plan(sam.words["current_goal"])
    goals.append(_goal(rng, current, max(start, current_start), end, 3, contact))
    return goals


def _goal_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    return {"goals": [g.model_dump(mode="json") for g in _goals(rng, start, end, sam)]}


def _people_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    # Sam's network card as it stands now. Marks: "s" notices early warning
    # signs, "c" someone to call when help is needed.
    # The card was first filled in with the contact person during the social
    # support module, then grew now and then; some entries were changed later.
    first = start + timedelta(days=min(120, (end - start).days // 4))
    records = []
    for n, entry in enumerate(sam.words["people"]):
        spread = max(0, (end - first).days)
        added = first if n < 12 else first + timedelta(days=rng.randrange(spread + 1))
        written = datetime.combine(added, time(10 + rng.randrange(6), rng.randrange(60)))
        changed = written + timedelta(days=rng.randrange(max(1, (end - added).days + 1)))
        changed = min(changed, datetime.combine(end, time(9)))
        person = Person(
            name=entry["name"],
            area=LifeArea(entry["area"]),
            ring=Ring(entry["ring"]),
            helps_with=[HelpKind(kind) for kind in entry["helps"].split()],
            contact=ContactFrequency(entry["in_touch"]),
            wish=Wish(entry["wish"]),
            reach=entry["reach"],
            note=entry["note"],
            notices_signs="s" in entry["marks"],
            call_for_help="c" in entry["marks"],
            created=written,
            updated=max(written, changed),
            together_with=sam.contact if n < 12 else None,
            # A fixed id (Maria's), so that the note for her supporter sheet finds her.
            **({"id": entry["id"]} if "id" in entry else {}),
        )
        records.append(person.model_dump(mode="json"))
    return {"people": records}


# --- My plan ---------------------------------------------------------------
# Sam's plan grows over the years: a first version a couple of months into
# IMR, then a review every few months that adds, rewords or lets go of an
# entry. Names are typed in (not linked to the network card), and the
# numbers are invented (555 numbers in English; in Danish numbers that begin
# with 0, which the Danish numbering plan never gives anyone), never a real
# service, apart from the public emergency number 112.
# sam.words["plan"]: each section's entries in the order Sam adds them;
# signs are [text, noticed by], people [name, number].


def _plan_entry(field: str, value) -> dict:
    # The section's own model (WarningSign, Helper...), validated from its fields by name.
    model = SECTION_BY_FIELD[field].model
    if field == "signs":
        fields = {"text": value[0], "noticed_by": value[1]}
    elif field in ("helpers", "crisis"):
        fields = {"name": value[0], "reach": value[1]}
    else:
        fields = {"text": value}
    return model.model_validate(fields).model_dump(mode="json")


def _grow(rng: random.Random, content: dict[str, list[dict]], used: dict[str, int], sam: Sam) -> None:
    """One review's worth of change: add an entry, reword one, or let one go."""
    reworded: dict[str, str] = sam.words["plan_rewordings"]
    for _n in range(rng.choice([0, 1, 1, 2])):
        field = rng.choice([s.field for s in SECTIONS])
        entries = content[field]
        pool = sam.words["plan"][field]
        choice = rng.random()
        rewordable = [e for e in entries if e.get("text") in reworded]
        if choice < 0.55 and used[field] < len(pool):
            entries.append(_plan_entry(field, pool[used[field]]))
            used[field] += 1
        elif choice < 0.8 and rewordable:
            entry = rng.choice(rewordable)
            entry["text"] = reworded[entry["text"]]
        elif len(entries) > 2 and field not in ("steps", "helpers", "crisis"):
            entries.pop(rng.randrange(len(entries)))


def _plan_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    pools: dict[str, list] = sam.words["plan"]
    begun = start + timedelta(days=min(60, (end - start).days // 4))
    used = {s.field: min(3, len(pools[s.field])) for s in SECTIONS}
    content = {s.field: [_plan_entry(s.field, v) for v in pools[s.field][: used[s.field]]] for s in SECTIONS}
    versions: list[dict] = []
    checkins: list[dict] = []
    # The signs in the plan on each day from which they applied, for the check-ins.
    signs_from: dict[date, list[dict]] = {begun: [dict(sign) for sign in content["signs"]]}
    review = begun + timedelta(days=rng.randrange(20, 45))
    # Reviews every three to five months; the last one long enough ago that
    # Today's gentle note about the next review shows in the demo.
    while review <= end - timedelta(days=95):
        _grow(rng, content, used, sam)
        written = datetime.combine(review, time(14, rng.randrange(60)))
        version = PlanVersion(
            reviewed_on=review,
            content=Plan.model_validate(content).snapshot(),
            created=written,
            updated=written,
            together_with=sam.contact if rng.random() < 0.6 else None,
        )
        versions.append(version.model_dump(mode="json"))
        signs_from[review] = [sign.model_dump(mode="json") for sign in version.content.signs]
        review += timedelta(days=rng.randrange(85, 150))
    _grow(rng, content, used, sam)  # something changed since the last review
    signs: list[dict] = []
    cluster = 0
    day = begun
    while day <= end:
        signs = signs_from.get(day, signs)
        if cluster == 0 and rng.random() < 0.012:
            cluster = rng.randrange(2, 7)  # a few unsettled days now and then
        if rng.random() < (0.95 if cluster else 0.8):
            noticed = []
            if cluster and signs and rng.random() < 0.75:
                noticed = rng.sample(signs, k=min(len(signs), rng.choice([1, 1, 2, 3])))
            written = datetime.combine(day, time(18 + rng.randrange(4), rng.randrange(60)))
            checkin = CheckIn.for_day(day, [])
            checkin = checkin.model_copy(
                update={
                    "noticed": [NoticedSign(id=s["id"], text=s["text"]) for s in noticed],
                    "created": written,
                    "updated": written,
                }
            )
            checkins.append(checkin.model_dump(mode="json"))
        cluster = max(0, cluster - 1)
        day += timedelta(days=1)
    created = datetime.combine(begun, time(11, 0))
    plan = Plan.model_validate({**content, "created": created, "updated": datetime.combine(end, time(10, 0))})
    return {
        "plan": [plan.model_dump(mode="json")],
        "plan_versions": versions,
        "checkins": checkins,
    }


# Each area adds a builder that returns its tables' records.
BUILDERS: list[Builder] = [
    _moments_tables,
    handouts_tables,
    _goal_tables,
    _people_tables,
    _plan_tables,
    sessions_tables,
    supporters_tables,
    selfcheck_tables,
    coping_tables,
    group_tables,
]


# Danish Sam lives in Copenhagen (walks by the lakes): Help now shows Region Hovedstaden's numbers.
# English Sam's region is left to the computer's locale, as before.
_REGION: dict[Language, str] = {"da": "DK-84"}


def build(years: float, seed: int = 7, language: Language = "en") -> Document:
    """Sam's data over `years`, in Sam's words in `language`, which is also the app's setting."""
    rng = random.Random(seed)
    words = sam(language)
    end = clock.today()
    start = end - timedelta(days=max(1, round(365.25 * years)))
    document = new_document()
    settings = Settings(
        first_name=FIRST_NAME,
        welcomed=True,
        demo=True,
        language=language,
        region=_REGION.get(language),
        selfcheck_months=SELFCHECK_MONTHS,
        selfcheck_medicine=True,
        meeting=meeting(end),
    )
    document[SETTINGS] = {"1": settings.model_dump(mode="json")}
    tables: dict[str, list[dict]] = {}
    for builder in BUILDERS:
        # Several areas may fill one table (practice tasks come from handouts and goals).
        for table, records in builder(rng, start, end, words).items():
            tables.setdefault(table, []).extend(records)
    mark_told(tables.get("moments", []), end)
    for table, records in tables.items():
        document[table] = {str(i): r for i, r in enumerate(records, start=1)}
    return document


class HoldsRealData(StoreError):
    pass


def create(folder: Path, years: float, seed: int = 7, language: Language = "en") -> Database:
    """Fill an empty (or demo-only) data folder with Sam's data, in `language`."""
    path = folder / DATA_FILE
    if path.exists():
        try:
            existing = parse_document(codec.read(path))
        except Exception:
            existing = {"unreadable": {"1": {}}}
        settings: dict[str, Any] = next(iter(existing.get(SETTINGS, {}).values()), {})
        has_records = any(t for name, t in existing.items() if name not in (SETTINGS, "_meta"))
        if has_records and settings.get("demo") is not True:
            raise HoldsRealData(
                _(
                    "{folder} already holds data, so no demo data was written. "
                    "Please choose an empty folder for the demo."
                ).format(folder=folder)
            )
    database = Database.open(folder)
    try:
        database.save_document(build(years, seed, language))
        # Checked through the gate and saved with its stamp, as after a person's first start.
        database.check_records(stamp=True)
    except BaseException:
        database.close()
        raise
    return database
