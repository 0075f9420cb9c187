"""A fictional person's data, for trying the app and for benchmarks.

Sam is invented. The entries are the kind of thing a person in IMR might
write over the years; nothing here comes from a real person.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from imr_companion import clock
from imr_companion.demo.handouts import handouts_tables
from imr_companion.demo.sessions import MARIA_ID, sessions_tables, supporters_tables
from imr_companion.models import CheckIn, Goal, Moment, Person, Plan, PlanVersion, Settings
from imr_companion.models.goals import GoalArea, GoalStatus, Step
from imr_companion.models.network import Contact, Help, LifeArea, Ring, Wish
from imr_companion.models.plan import SECTION_BY_FIELD, SECTIONS, NoticedSign
from imr_companion.paths import DATA_FILE
from imr_companion.store.database import SETTINGS, Database, Document, new_document, parse
from imr_companion.store.errors import StoreError

FIRST_NAME = "Sam"

_MOMENT_STARTS = [
    "Had a cup of tea in the sun",
    "Walked to the shop and back",
    "My sister called to say hello",
    "Cooked pasta for the first time in weeks",
    "Slept through the night",
    "Finished a crossword",
    "The cat sat on my lap all evening",
    "Went to my IMR group",
    "Watered the plants on the balcony",
    "Had a good talk with my contact person",
    "Listened to an old favourite album",
    "Took the bus on my own",
    "Fed the ducks in the park",
    "Tidied one drawer",
    "Laughed at a silly film",
    "Found a nice shirt at the charity shop",
    "Made soup with a neighbour",
    "Wrote a letter to my nephew",
    "Swam ten lengths",
    "Had breakfast at the table, not in bed",
    "Helped at the community garden",
    "Read a chapter of my book",
    "Phoned the clinic about my appointment myself",
    "Saw the first snowdrops",
    "Baked bread",
    "Played cards with my brother",
    "Went for a coffee with Ali",
    "Got my bike fixed",
    "Sorted my post and paid a bill",
    "Sat in the library for an hour",
]
_MOMENT_ENDS = [
    "",
    ". It felt calm.",
    ". Small, but it counts.",
    ". I felt proud.",
    ". Nice to feel normal.",
    ". It made me smile.",
    ". Good day overall.",
    " and it went well.",
]
_CONTACT = "Jo"


def _moments(rng: random.Random, start: date, end: date) -> list[Moment]:
    moments = []
    day = start
    while day <= end:
        # Some days have two or three moments, some none: life is uneven.
        count = rng.choices([0, 1, 2, 3], weights=[30, 50, 15, 5])[0]
        for _n in range(count):
            written = datetime.combine(day, time(9 + rng.randrange(12), rng.randrange(60)))
            text = rng.choice(_MOMENT_STARTS) + rng.choice(_MOMENT_ENDS)
            together = _CONTACT if rng.random() < 0.04 else None
            moments.append(
                Moment(text=text, day=day, created=written, updated=written, together_with=together)
            )
        day += timedelta(days=1)
    return moments


Builder = Callable[[random.Random, date, date], dict[str, list[dict]]]


def _moments_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    return {"moments": [m.model_dump(mode="json") for m in _moments(rng, start, end)]}


# Sam's goals, oldest first: (goal, why, life area, steps from the bottom rung up).
_GOALS: list[tuple[str, str, GoalArea, list[str]]] = [
    (
        "Keep my flat tidy enough to invite someone round",
        "I feel better when the place is clear, and I miss having visitors.",
        GoalArea.HOME,
        [
            "Clear the kitchen table",
            "Wash up every evening for a week",
            "Take the old newspapers to recycling",
            "Hoover the living room",
            "Invite my sister for tea",
        ],
    ),
    (
        "Sort out the electricity bill",
        "The letters were piling up and worrying me at night.",
        GoalArea.MONEY,
        [
            "Open all the letters with Jo",
            "Make a list of what I owe",
            "Call the advice centre",
            "Agree a payment plan",
            "Pay the first instalment",
            "Set up a standing order",
        ],
    ),
    (
        "Walk for half an hour most days",
        "Walking clears my head and helps me sleep.",
        GoalArea.HEALTH,
        [
            "Walk to the corner shop and back",
            "Walk round the park once",
            "Walk three days in one week",
            "Find a longer route by the river",
            "Walk five days in one week",
        ],
    ),
    (
        "See my sister once a month",
        "We used to be close. I want that back.",
        GoalArea.FRIENDS_FAMILY,
        [
            "Send her a message to say hello",
            "Ask if she is free for a coffee",
            "Meet her at the café",
            "Put a monthly date in my calendar",
        ],
    ),
    (
        "Cook a proper meal twice a week",
        "Takeaways cost too much and I feel better when I eat well.",
        GoalArea.HEALTH,
        [
            "Find three simple recipes",
            "Write a shopping list",
            "Cook pasta with vegetables",
            "Cook twice in one week",
            "Cook for a friend",
        ],
    ),
    (
        "Help at the community garden",
        "I like being outside and doing something useful with others.",
        GoalArea.FREE_TIME,
        [
            "Find out when the garden is open",
            "Go and look with my contact person",
            "Help for one hour",
            "Go every Saturday for a month",
        ],
    ),
    (
        "Take the bus to town on my own",
        "I want to get about without always asking for a lift.",
        GoalArea.OTHER,
        [
            "Look up the timetable",
            "Ride two stops with Jo",
            "Ride into town with Jo",
            "Ride into town on my own",
            "Go to the library by bus",
        ],
    ),
    (
        "Do a computer course at the library",
        "I would like to write emails and look for work online.",
        GoalArea.WORK_STUDY,
        [
            "Ask at the library about courses",
            "Sign up for the beginners' course",
            "Go to the first lesson",
            "Send my first email",
            "Finish the course",
        ],
    ),
    (
        "Sleep better",
        "When I sleep well, everything else is easier.",
        GoalArea.HEALTH,
        [
            "Go to bed at the same time for a week",
            "No coffee after lunch",
            "Put my phone away an hour before bed",
            "Talk to my doctor about my sleep",
        ],
    ),
    (
        "Make a new friend",
        "Most people I know are family or staff. I want a friend of my own.",
        GoalArea.FRIENDS_FAMILY,
        [
            "Join the Tuesday walking group",
            "Say hello to one person there",
            "Have a coffee with someone after the walk",
            "Swap phone numbers",
            "Meet up outside the group",
        ],
    ),
    (
        "Ride my bike again",
        "I loved cycling as a teenager.",
        GoalArea.FREE_TIME,
        [
            "Get the bike out of the shed",
            "Take it to be fixed",
            "Ride round the block",
            "Ride to the park",
        ],
    ),
    (
        "Volunteer at the charity shop",
        "A reason to get up in the morning, and people to talk to.",
        GoalArea.WORK_STUDY,
        [
            "Ask what volunteers do there",
            "Fill in the form with Jo",
            "Try one morning",
            "Do two mornings a week",
            "Learn to use the till",
        ],
    ),
    (
        "Cut down on smoking",
        "I get out of breath on the stairs and it costs so much.",
        GoalArea.HEALTH,
        [
            "Count how many I smoke in a day",
            "No smoking indoors",
            "Ask my doctor about patches",
            "Smoke five fewer a day",
        ],
    ),
]

# The one Sam is climbing now, half-way up, and an earlier one put on hold.
_CURRENT = (
    "Get back to swimming",
    "I used to love the water. I want to feel strong again.",
    GoalArea.HEALTH,
    [
        "Find out when the pool is quiet",
        "Buy a swimming costume",
        "Go to the pool with Jo and just look",
        "Get into the water once",
        "Swim four lengths",
        "Swim ten lengths",
        "Go twice a week for a month",
    ],
)
_ON_HOLD = (
    "Find a part-time job",
    "I want to earn my own money and have a reason to get out.",
    GoalArea.WORK_STUDY,
    [
        "Talk to the employment adviser",
        "Write my CV with help",
        "Look at ten job adverts",
        "Apply for one job",
        "Go to an interview",
    ],
)


def _goal(
    rng: random.Random, plan: tuple[str, str, GoalArea, list[str]], begun: date, end: date, climbed: int
) -> Goal:
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
                together_with=_CONTACT if "Jo" in step_text else None,
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
        together_with=_CONTACT if rng.random() < 0.3 else None,
    )


def _goals(rng: random.Random, start: date, end: date) -> list[Goal]:
    """One goal after another, as many as the years allow, most of them reached."""
    goals = []
    current_start = end - timedelta(days=45)
    hold_start = end - timedelta(days=300)
    day = start + timedelta(days=rng.randrange(20, 60))
    for plan in _GOALS:
        length = rng.randrange(120, 260)
        if day + timedelta(days=length) >= hold_start:
            break
        reached_on = day + timedelta(days=length)
        goal = _goal(rng, plan, day, reached_on, climbed=len(plan[3]))
        goals.append(goal.model_copy(update={"status": GoalStatus.REACHED, "reached_on": reached_on}))
        day = reached_on + timedelta(days=rng.randrange(10, 90))
    if hold_start > start:
        goals.append(_goal(rng, _ON_HOLD, hold_start, end - timedelta(days=120), climbed=2))
    goals.append(_goal(rng, _CURRENT, max(start, current_start), end, climbed=3))
    return goals


def _goal_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    return {"goals": [g.model_dump(mode="json") for g in _goals(rng, start, end)]}


# Sam's network card as it stands now: (name, area, ring, help, contact, wish, reach, note, marks).
# Marks: "s" notices early warning signs, "c" someone to call when help is needed.
_PEOPLE = [
    ("Mum", "family", "very_close", "listening practical", "daily", "same", "07700 900123", "", "sc"),
    (
        "Maria (sister)",
        "family",
        "very_close",
        "listening company",
        "weekly",
        "more",
        "06 555 0123",
        "",
        "sc",
    ),
    ("Tom (brother)", "family", "close", "company", "monthly", "more", "", "Cards on Sundays", ""),
    (
        "Finn (nephew)",
        "family",
        "close",
        "company",
        "now_and_then",
        "same",
        "",
        "Writes back to my letters",
        "",
    ),
    ("Dad", "family", "further", "", "rarely", "same", "", "", ""),
    ("Aunt Ruth", "family", "further", "advice", "now_and_then", "same", "", "", ""),
    ("Ali", "friends", "very_close", "listening company", "weekly", "same", "06 555 0187", "", "sc"),
    ("Priya", "friends", "close", "company", "monthly", "more", "", "From the swimming club", ""),
    ("Marco", "friends", "close", "practical", "now_and_then", "same", "", "Good with bikes", ""),
    (
        "Ben from school",
        "friends",
        "further",
        "",
        "rarely",
        "more",
        "",
        "Would like to get back in touch",
        "",
    ),
    (
        "Mrs Haddad (next door)",
        "community",
        "close",
        "practical",
        "weekly",
        "same",
        "",
        "Has my spare key",
        "",
    ),
    ("Lou at the garden", "community", "close", "company advice", "weekly", "same", "", "", ""),
    ("Karen at the library", "community", "further", "advice", "monthly", "same", "", "", ""),
    ("Dev at the corner shop", "community", "further", "", "daily", "same", "", "", ""),
    ("Sue (volunteer lead)", "activities", "close", "advice company", "weekly", "same", "", "", ""),
    ("Rob at the pool", "activities", "further", "company", "weekly", "same", "", "", ""),
    ("IMR group", "activities", "further", "listening advice", "weekly", "same", "", "Thursday mornings", ""),
    (
        "Jo (contact person)",
        "services",
        "very_close",
        "advice listening crisis",
        "weekly",
        "same",
        "020 555 0142",
        "",
        "sc",
    ),
    ("Dr Osei (GP)", "services", "further", "advice", "monthly", "same", "020 555 0199", "", "c"),
    ("Dr Lind (psychiatrist)", "services", "further", "advice crisis", "now_and_then", "same", "", "", ""),
    (
        "Out-of-hours crisis line",
        "services",
        "further",
        "listening crisis",
        "rarely",
        "same",
        "0800 555 0111",
        "Open day and night",
        "c",
    ),
    ("Dana (peer worker)", "services", "close", "listening advice", "monthly", "more", "", "", ""),
]


def _people_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    # The card was first filled in with the contact person during the social
    # support module, then grew now and then; some entries were changed later.
    first = start + timedelta(days=min(120, (end - start).days // 4))
    records = []
    for n, (name, area, ring, helps, contact, wish, reach, note, marks) in enumerate(_PEOPLE):
        spread = max(0, (end - first).days)
        added = first if n < 12 else first + timedelta(days=rng.randrange(spread + 1))
        written = datetime.combine(added, time(10 + rng.randrange(6), rng.randrange(60)))
        changed = written + timedelta(days=rng.randrange(max(1, (end - added).days + 1)))
        changed = min(changed, datetime.combine(end, time(9)))
        person = Person(
            name=name,
            area=LifeArea(area),
            ring=Ring(ring),
            helps_with=[Help(kind) for kind in helps.split()],
            contact=Contact(contact),
            wish=Wish(wish),
            reach=reach,
            note=note,
            notices_signs="s" in marks,
            call_for_help="c" in marks,
            created=written,
            updated=max(written, changed),
            together_with=_CONTACT if n < 12 else None,
            # A fixed id, so that the note for Maria's supporter sheet finds her.
            **({"id": MARIA_ID} if name.startswith("Maria") else {}),
        )
        records.append(person.model_dump(mode="json"))
    return {"people": records}


# --- My plan ---------------------------------------------------------------
# Sam's plan grows over the years: a first version a couple of months into
# IMR, then a review every few months that adds, rewords or lets go of an
# entry. Names are typed in (not linked to the network card), and the
# numbers are invented 555 numbers, never a real service.

_PLAN_POOLS: dict[str, list] = {
    "well": [
        "I sleep about eight hours and get up by nine",
        "I cook for myself and see my sister on Sundays",
        "I go to my IMR group and the community garden",
        "I make jokes and answer the phone",
        "I keep my room tidy enough and open my post",
    ],
    "triggers": [
        "Not sleeping for a few nights",
        "Arguments at home",
        "Stopping my medication without talking to my doctor",
        "Money worries at the end of the month",
        "Too many appointments in one week",
        "The anniversary of my dad's death in November",
        "Smoking cannabis",
    ],
    "signs": [
        ("Sleeping less than six hours", "Maria"),
        ("Not answering the phone", "Jo"),
        ("Feeling that people on TV talk about me", ""),
        ("Skipping meals", "Maria"),
        ("Staying in my room all day", "Ali"),
        ("Thoughts racing at night", ""),
        ("Getting irritated quickly", "Maria"),
        ("Not wanting to shower", ""),
    ],
    "steps": [
        "Tell Maria or Jo how I am feeling",
        "Go to bed at eleven, no screens after ten",
        "Call the clinic and ask for an earlier appointment",
        "Take my medication as agreed and ask about the dose",
        "Cancel what is not urgent this week",
        "Go for a short walk every day",
    ],
    "helpers": [
        ("Maria (my sister)", "06 555 0123"),
        ("Jo (contact person)", "020 555 0142"),
        ("Ali", "06 555 0187"),
        ("Dr Osei (GP)", "020 555 0199"),
    ],
    "helped": [
        "Talking to Maria on the phone",
        "A regular bedtime",
        "Walking in the park",
        "Seeing Jo every week for a while",
        "Music with headphones",
    ],
    "unhelpful": [
        "Being told to pull myself together",
        "Staying in bed all day",
        "Coffee after four",
        "Too many questions at once",
    ],
    "crisis": [
        ("Community mental health team", "020 555 0100"),
        ("Out-of-hours crisis line", "0800 555 0111"),
    ],
}


def _plan_entry(field: str, value) -> dict:
    model = SECTION_BY_FIELD[field].model
    if field == "signs":
        return model(text=value[0], noticed_by=value[1]).model_dump(mode="json")
    if field in ("helpers", "crisis"):
        return model(name=value[0], reach=value[1]).model_dump(mode="json")
    return model(text=value).model_dump(mode="json")


_REWORDED = {
    "I sleep about eight hours and get up by nine": "I sleep about eight hours and get up before nine",
    "Not sleeping for a few nights": "Not sleeping well for two or three nights",
    "Sleeping less than six hours": "Sleeping less than six hours, two nights in a row",
    "Not answering the phone": "Not answering the phone or the door",
    "Skipping meals": "Skipping meals or only eating snacks",
    "Tell Maria or Jo how I am feeling": "Tell Maria or Jo how I am feeling, the same day",
    "Go for a short walk every day": "Go for a short walk every day, even ten minutes",
    "Walking in the park": "Walking in the park with Ali",
    "Coffee after four": "Coffee after three",
}


def _grow(rng: random.Random, content: dict[str, list[dict]], used: dict[str, int]) -> None:
    """One review's worth of change: add an entry, reword one, or let one go."""
    for _n in range(rng.choice([0, 1, 1, 2])):
        field = rng.choice([s.field for s in SECTIONS])
        entries = content[field]
        pool = _PLAN_POOLS[field]
        choice = rng.random()
        rewordable = [e for e in entries if e.get("text") in _REWORDED]
        if choice < 0.55 and used[field] < len(pool):
            entries.append(_plan_entry(field, pool[used[field]]))
            used[field] += 1
        elif choice < 0.8 and rewordable:
            entry = rng.choice(rewordable)
            entry["text"] = _REWORDED[entry["text"]]
        elif len(entries) > 2 and field not in ("steps", "helpers", "crisis"):
            entries.pop(rng.randrange(len(entries)))


def _plan_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    begun = start + timedelta(days=min(60, (end - start).days // 4))
    used = {s.field: min(3, len(_PLAN_POOLS[s.field])) for s in SECTIONS}
    content = {
        s.field: [_plan_entry(s.field, v) for v in _PLAN_POOLS[s.field][: used[s.field]]] for s in SECTIONS
    }
    versions: list[dict] = []
    checkins: list[dict] = []
    # The signs in the plan on each day from which they applied, for the check-ins.
    signs_from: dict[date, list[dict]] = {begun: [dict(sign) for sign in content["signs"]]}
    review = begun + timedelta(days=rng.randrange(20, 45))
    # Reviews every three to five months; the last one long enough ago that
    # Today's gentle note about the next review shows in the demo.
    while review <= end - timedelta(days=95):
        _grow(rng, content, used)
        written = datetime.combine(review, time(14, rng.randrange(60)))
        version = PlanVersion(
            reviewed_on=review,
            content=Plan.model_validate(content).snapshot(),
            created=written,
            updated=written,
            together_with=_CONTACT if rng.random() < 0.6 else None,
        )
        versions.append(version.model_dump(mode="json"))
        signs_from[review] = [sign.model_dump(mode="json") for sign in version.content.signs]
        review += timedelta(days=rng.randrange(85, 150))
    _grow(rng, content, used)  # something changed since the last review
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
]


def build(years: float, seed: int = 7) -> Document:
    rng = random.Random(seed)
    end = clock.today()
    start = end - timedelta(days=max(1, round(365.25 * years)))
    document = new_document()
    settings = Settings(first_name=FIRST_NAME, welcomed=True, demo=True)
    document[SETTINGS] = {"1": settings.model_dump(mode="json")}
    tables: dict[str, list[dict]] = {}
    for builder in BUILDERS:
        # Several areas may fill one table (practice tasks come from handouts and goals).
        for table, records in builder(rng, start, end).items():
            tables.setdefault(table, []).extend(records)
    for table, records in tables.items():
        document[table] = {str(i): r for i, r in enumerate(records, start=1)}
    return document


class HoldsRealData(StoreError):
    pass


def create(folder: Path, years: float, seed: int = 7) -> Database:
    """Fill an empty (or demo-only) data folder with Sam's data."""
    path = folder / DATA_FILE
    if path.exists():
        try:
            existing = parse(path.read_bytes())
        except Exception:
            existing = {"unreadable": {"1": {}}}
        settings = next(iter(existing.get(SETTINGS, {}).values()), {})
        has_records = any(t for name, t in existing.items() if name not in (SETTINGS, "_meta"))
        if has_records and settings.get("demo") is not True:
            raise HoldsRealData(
                f"{folder} already holds data, so no demo data was written. "
                "Please choose an empty folder for the demo."
            )
    database = Database.open(folder)
    try:
        database.save_document(build(years, seed))
    except BaseException:
        database.close()
        raise
    return database
