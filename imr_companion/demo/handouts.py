"""Sam's handouts: a year and more in an IMR group, then practice of their own.

Sam worked through modules 1 to 10 with a group, one every five weeks or so,
often with their contact person Jo beside them, and is now reading module 11
(Healthy lifestyles, added in the second edition). Invented, like all of Sam.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from imr_companion import content
from imr_companion.models import Answer, PracticeTask, Reading
from imr_companion.models.handouts import answer_id
from imr_companion.models.practice import PracticeStatus, week_start

CONTACT = "Jo"
SHEET = "bipolar"

TEXTS = {
    "recovery-means": "Having my own place, seeing friends, and feeling like myself again most days.",
    "diagnosis-name": "Bipolar disorder. The doctor said type 1.",
    "answer-stigma": "I would say: I have an illness and I look after it. It does not make me dangerous.",
    "my-vulnerability": "Poor sleep and skipping meals. Big changes at home too.",
    "treatment-thoughts": (
        "The medicine helps with sleep but makes me tired in the mornings. "
        "The group is good. I would like more help with finding work."
    ),
    "personal-plan": (
        "Goal: no more than two drinks at a time, and none when I feel low.\n"
        "Reasons: I sleep better and my mood is steadier.\n"
        "In a risky moment I will leave, call Ali, or go home and make tea."
    ),
    "how-it-went": (
        "Slow breathing on the bus helped a little. Walking after the argument helped more. "
        "I felt calmer after twenty minutes."
    ),
    "my-problem": "The post piles up and I avoid opening letters, then I worry about the bills.",
    "problem-plan": (
        "Open the post every Saturday after breakfast, with the radio on. "
        "Ask Jo to help with anything I do not understand."
    ),
    "small-change": "Walk to the shop instead of taking the bus, three days a week.",
    "my-picture": (
        "Stress: money worries, arguments at home, big changes.\n"
        "More vulnerable: poor sleep, skipping meals, drinking.\n"
        "Protects me: my medicine, a regular bedtime, walks, calling my sister, seeing Jo."
    ),
    "look-back": (
        "Opening the post on Saturdays worked three weeks out of four. The first letter was the hardest. "
        "Next: set up a direct debit for the gas bill, with Jo."
    ),
    "symptom-or-sign": (
        "Usual: I feel a bit flat in the mornings. "
        "Warning sign: I stop feeling tired at night, or I start lots of new plans at once."
    ),
    "belief-check": (
        "Thought: the people at the bus stop were laughing at me. "
        "What else: they were watching something on a phone. Jo said that happens to her too."
    ),
    "ask-for-needs": (
        "I would like to talk about feeling tired in the mornings. Can we look at the time I take my tablets?"
    ),
}
LISTS = {
    "what-helps": ["Music", "Calling my sister", "Walking by the canal", "My IMR group"],
    "my-strengths": [
        "I am a good listener",
        "I kept going through hard times",
        "I am good with plants",
        "My sister says I am funny",
    ],
    "how-it-shows": [
        "I sleep very little and do not feel tired",
        "I talk fast and spend money",
        "Later I feel low and stay in bed",
    ],
    "med-pros": ["I sleep better", "Fewer big mood swings", "I can follow a TV programme again"],
    "med-cons": ["Tired in the morning", "Some weight gain", "Dry mouth"],
    "no-med-pros": ["No tiredness in the morning", "Maybe lose some weight"],
    "no-med-cons": [
        "My moods could swing again",
        "I might stop sleeping and end up in hospital",
        "My sister would worry",
    ],
    "my-medicines": [
        "Lithium, 800 mg at night, to keep my mood steady, Dr Okafor",
        "Quetiapine, 100 mg at night, for sleep and mood, Dr Okafor",
    ],
    "doctor-questions": [
        "Can I take it in the evening instead?",
        "Is the weight gain from the medicine?",
        "How often do I need blood tests?",
    ],
    "using-cons": ["I feel low the day after", "I spend too much on nights out", "I sleep badly"],
    "reasons-for-not-using": ["I sleep better", "Less money spent", "My mood stays steadier"],
    "not-using-cons": ["I might feel left out on nights out", "Harder to relax at first"],
    "what-i-will-do": [
        "Tell Jo or my sister",
        "Keep my bedtime",
        "No alcohol",
        "Call the clinic for an earlier appointment",
    ],
    "strategies-to-try": ["Slow breathing", "A walk after dinner", "Music with headphones"],
    "problem-ideas": [
        "Open one letter a day",
        "Ask Jo for help",
        "Set up direct debits",
        "Keep all post in one box",
    ],
    "weigh-ideas": [
        "Open one letter a day: good, it is small; not so good, easy to skip",
        "Ask Jo for help: good, she knows about forms; not so good, I have to wait until Tuesday",
        "Direct debits: good, bills pay themselves; not so good, I need to call the bank",
    ],
    "fear-steps": [
        "Go to the Thursday drop-in on my own",
        "Walk past it on a quiet day",
        "Go in with Jo for ten minutes",
        "Go in with Jo and stay for tea",
        "Go in on my own for half an hour",
    ],
    "strategy-1": [
        "Slow breathing, when my thoughts race at night",
        "Monday: 3 of 5, a bit calmer",
        "Wednesday: 4 of 5, fell asleep sooner",
        "Saturday: 2 of 5, too wound up after the party",
    ],
    "strategy-2": ["A walk after dinner, for low mood", "Tuesday: 4 of 5, lighter after", "Thursday: 3 of 5"],
    "strategy-3": ["Music with headphones, for racing thoughts", "Friday: 3 of 5, helped on the bus"],
    "care-team-contacts": [
        "Jo, my contact person, number on my appointment card",
        "Dr Okafor, psychiatrist, through the clinic",
        "Clinic reception, for changing appointments",
        "The crisis team, number saved in Help now",
    ],
    "appointment-list": ["Tiredness in the morning", "Ask about a work course", "Blood test results"],
    "activity-ideas": ["Walking", "Swimming", "Gardening at the community garden"],
}
# Checklists and choices whose answer has to fit Sam's story (bipolar disorder,
# drinks a little, smokes); the others are picked at random.
TICKED: dict[str, tuple[list[str], str]] = {
    "bipolar-signs": (
        [
            "Needing little sleep and not feeling tired",
            "Talking fast, or racing thoughts",
            "Taking big risks, like spending a lot of money",
            "Feeling sad, empty or hopeless",
            "Feeling very tired and staying in bed",
        ],
        "",
    ),
    "substances-used": (["Alcohol", "Cigarettes or vapes"], ""),
    "check-ups": (
        ["Blood sugar", "Weight and waist size", "Teeth"],
        "Kidney and thyroid tests for my lithium",
    ),
}
CHOICES = {"smoking-stage": "I smoke and I am thinking about cutting down or stopping"}
OWN_TASKS = [
    "Walk to the shop and back three times",
    "Call my sister on Sunday",
    "Go to bed by eleven on weeknights",
    "Open the post on Saturday",
    "Slow breathing before bed",
    "Cook one meal from scratch",
    "Go to the drop-in on Thursday",
    "Check in on my warning signs each evening",
    "Ask the pharmacist about my tablets",
    "An hour at the community garden",
    "Text Ali to meet for coffee",
    "Tidy one shelf",
    "Read for twenty minutes before bed",
    "Swim on Tuesday morning",
    "Write down three good moments",
    "Plan the week on Monday morning",
]


def _at(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(10 + rng.randrange(9), rng.randrange(60)))


def _value(rng: random.Random, kind: str, exercise: content.Exercise) -> dict:
    if kind == "text":
        return {"text": TEXTS.get(exercise.id, "Still thinking about this one.")}
    if kind == "list":
        return {"lines": LISTS.get(exercise.id, ["Talk it over with Jo"])}
    # TICKED and CHOICES name options by their English words; answers store the options' ids.
    if kind == "checklist" and exercise.id in TICKED:
        ticked, other = TICKED[exercise.id]
        return {"ticked": [o.id for o in exercise.options if o.text in ticked], "other": other}
    if kind == "choice" and exercise.id in CHOICES:
        return {"choice": next(o.id for o in exercise.options if o.text == CHOICES[exercise.id])}
    if kind == "checklist":
        picked = rng.sample(list(exercise.options), k=rng.randint(2, min(4, len(exercise.options))))
        other = "Seeing my nephew" if exercise.allow_other and rng.random() < 0.2 else ""
        return {"ticked": [o.id for o in exercise.options if o in picked], "other": other}
    if kind == "choice":
        return {"choice": rng.choice(exercise.options).id}
    return {"rating": rng.randint(2, 5)}


def _task(rng: random.Random, text: str, week: date, today: date, source: str | None) -> PracticeTask:
    written = _at(rng, week)
    if week_start(today) == week:
        status, finished = PracticeStatus.OPEN, None
    else:
        status = rng.choices(
            [PracticeStatus.DONE, PracticeStatus.LET_GO, PracticeStatus.OPEN], weights=[70, 25, 5]
        )[0]
        finished = None if status == PracticeStatus.OPEN else week + timedelta(days=rng.randint(1, 6))
    updated = datetime.combine(finished, time(20)) if finished else written
    return PracticeTask(
        text=text,
        week_of=week,
        status=status,
        finished_on=finished,
        source=source,
        created=written,
        updated=updated,
        together_with=CONTACT if source and rng.random() < 0.3 else None,
    )


def _module(
    rng: random.Random, handout: content.Handout, begin: date, finish: date, end: date
) -> tuple[Reading, list[Answer], list[PracticeTask]]:
    sheet = SHEET if handout.sheets else None
    sections = handout.sections_for(sheet)
    finished = finish <= end
    if finished:
        count = len(sections)
    else:
        share = (end - begin).days / max(1, (finish - begin).days)
        count = min(len(sections) - 1, int(len(sections) * share))
    read = [s.id for s in sections[:count]]
    last_day = finish if finished else end
    reading = Reading(
        id=handout.id,
        handout=handout.id,
        read=read,
        current=sections[min(count, len(sections) - 1)].id,
        done=finished,
        done_on=finish if finished else None,
        sheet=sheet,
        created=_at(rng, begin),
        updated=_at(rng, last_day),
    )
    answers = []
    for section in sections[:count]:
        for exercise_id in section.exercises:
            exercise = handout.exercise(exercise_id)
            if exercise is None or exercise.kind == "tool" or rng.random() < 0.1:
                continue
            day = begin + timedelta(days=rng.randint(0, max(0, (last_day - begin).days)))
            answers.append(
                Answer(
                    id=answer_id(handout.id, exercise.id),
                    handout=handout.id,
                    exercise=exercise.id,
                    kind=exercise.kind,
                    changed=day,
                    created=_at(rng, day),
                    updated=_at(rng, day),
                    together_with=CONTACT if rng.random() < 0.3 else None,
                    **_value(rng, exercise.kind, exercise),
                )
            )
    tasks = []
    week = week_start(begin)
    suggestions = list(handout.practice)
    while week <= min(finish, end):
        # A 'Try this week' task is named by its id, as the handout's form adds it.
        texts: list[tuple[str, str | None]] = (
            [(suggestions[0].text, f"handout:{handout.id}:{suggestions[0].id}")]
            if suggestions
            else [(rng.choice(OWN_TASKS), None)]
        )
        suggestions = suggestions[1:]
        if rng.random() < 0.4:
            texts.append((rng.choice(OWN_TASKS), None))
        for text, source in texts:
            tasks.append(_task(rng, text, week, end, source))
        week += timedelta(days=7)
    return reading, answers, tasks


def handouts_tables(rng: random.Random, start: date, end: date) -> dict[str, list[dict]]:
    library = content.library()
    readings: list[Reading] = []
    answers: list[Answer] = []
    tasks: list[PracticeTask] = []
    day = start + timedelta(days=min(30, (end - start).days // 10))
    for handout in library[:-1]:
        if day > end:
            if not readings or not readings[-1].done:
                break
            # The break after a finished module runs past today: Sam has just opened the next one.
            day = end
        finish = day + timedelta(days=rng.randint(28, 42))
        reading, kept, practice = _module(rng, handout, day, finish, end)
        readings.append(reading)
        answers += kept
        tasks += practice
        day = finish + timedelta(days=rng.randint(3, 14))
    if day <= end:
        # The group is over: practice of Sam's own every week or two, and the newest module now.
        newest = library[-1]
        begin = max(day, end - timedelta(days=20))
        week = week_start(day)
        while week < week_start(begin):
            if rng.random() < 0.55:
                tasks.append(_task(rng, rng.choice(OWN_TASKS), week, end, None))
            week += timedelta(days=7)
        reading, kept, practice = _module(rng, newest, begin, end + timedelta(days=25), end)
        readings.append(reading)
        answers += kept
        tasks += practice
    return {
        "reading": [r.model_dump(mode="json") for r in readings],
        "answers": [a.model_dump(mode="json") for a in answers],
        "practice": [t.model_dump(mode="json") for t in tasks],
    }
