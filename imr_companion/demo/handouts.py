"""Sam's handouts: a year and more in an IMR group, then practice of their own.

Sam worked through modules 1 to 10 with a group, one every five weeks or so,
often with their contact person Jo beside them, and is now reading module 11
(Healthy lifestyles, added in the second edition). Invented, like all of Sam.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from imr_companion import content
from imr_companion.demo.words import Sam
from imr_companion.models import Answer, PracticeTask, Reading
from imr_companion.models.handouts import answer_id
from imr_companion.models.practice import PracticeStatus, week_start

SHEETS = {"practical-facts": "bipolar", "coping-with-problems": "low-mood"}
"""The sheet Sam reads in a module with sheets: the diagnosis, the symptom that stays."""

# Checklists and choices whose answer has to fit Sam's story (bipolar disorder,
# drinks a little, smokes), named by the options' ids; the others are picked at
# random. Sam's own words (answers, tasks) are in sam.json and sam.da.json.
TICKED: dict[str, list[str]] = {
    "bipolar-signs": [
        "needing-little-sleep",
        "talking-fast-racing",
        "taking-big-risks",
        "feeling-sad-empty",
        "feeling-very-tired",
    ],
    "substances-used": ["alcohol", "cigarettes-vapes"],
    "check-ups": ["blood-sugar", "weight-waist-size", "teeth"],
}
CHOICES = {"smoking-stage": "smoke-thinking-cutting"}


def _at(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(10 + rng.randrange(9), rng.randrange(60)))


def _value(rng: random.Random, kind: str, exercise: content.Exercise, sam: Sam) -> dict:
    answers = sam.words["answers"]
    if kind == "text":
        return {"text": answers["texts"].get(exercise.id, answers["text_default"])}
    if kind == "list":
        return {"lines": answers["lists"].get(exercise.id, answers["list_default"])}
    if kind == "checklist" and exercise.id in TICKED:
        ticked = TICKED[exercise.id]
        return {
            "ticked": [o.id for o in exercise.options if o.id in ticked],
            "other": answers["other"].get(exercise.id, ""),
        }
    if kind == "choice" and exercise.id in CHOICES:
        return {"choice": CHOICES[exercise.id]}
    if kind == "checklist":
        picked = rng.sample(list(exercise.options), k=rng.randint(2, min(4, len(exercise.options))))
        other = answers["other_default"] if exercise.allow_other and rng.random() < 0.2 else ""
        return {"ticked": [o.id for o in exercise.options if o in picked], "other": other}
    if kind == "choice":
        return {"choice": rng.choice(exercise.options).id}
    return {"rating": rng.randint(2, 5)}


def _task(
    rng: random.Random, text: str, week: date, today: date, source: str | None, sam: Sam
) -> PracticeTask:
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
        together_with=sam.contact if source and rng.random() < 0.3 else None,
    )


def _module(
    rng: random.Random, handout: content.Handout, begin: date, finish: date, end: date, sam: Sam
) -> tuple[Reading, list[Answer], list[PracticeTask]]:
    sheet = SHEETS.get(handout.id) if handout.sheets else None
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
                    together_with=sam.contact if rng.random() < 0.3 else None,
                    **_value(rng, exercise.kind, exercise, sam),
                )
            )
    tasks = []
    own_tasks = sam.words["own_tasks"]
    week = week_start(begin)
    suggestions = list(handout.practice)
    while week <= min(finish, end):
        # A 'Try this week' task is named by its id, as the handout's form adds it.
        texts: list[tuple[str, str | None]] = (
            [(suggestions[0].text, f"handout:{handout.id}:{suggestions[0].id}")]
            if suggestions
            else [(rng.choice(own_tasks), None)]
        )
        suggestions = suggestions[1:]
        if rng.random() < 0.4:
            texts.append((rng.choice(own_tasks), None))
        for text, source in texts:
            tasks.append(_task(rng, text, week, end, source, sam))
        week += timedelta(days=7)
    return reading, answers, tasks


def handouts_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    # Each module in Sam's language where it has been written, else in English, as the app reads it.
    library = content.library(sam.language)
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
        reading, kept, practice = _module(rng, handout, day, finish, end, sam)
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
                tasks.append(_task(rng, rng.choice(sam.words["own_tasks"]), week, end, None, sam))
            week += timedelta(days=7)
        reading, kept, practice = _module(rng, newest, begin, end + timedelta(days=25), end, sam)
        readings.append(reading)
        answers += kept
        tasks += practice
    return {
        "reading": [r.model_dump(mode="json") for r in readings],
        "answers": [a.model_dump(mode="json") for a in answers],
        "practice": [t.model_dump(mode="json") for t in tasks],
    }
