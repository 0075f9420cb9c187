"""Sam's things that help: a few of Sam's own, a few from module 9's lists, tried and rated over the years.

Each strategy has the way it usually helps Sam; a try is rated near it, so the
toolbox, Help now and the plan after signs show a real order. Its own random
numbers, so the other areas' days stay the same whatever this adds.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from imr_companion.demo.words import Sam
from imr_companion.models.coping import CopingStrategy, CopingTry, handout_source

FROM_MODULE_9: tuple[tuple[str, str, int], ...] = (
    ("strategies-to-try", "hum-listen-music", 4),
    ("strategies-to-try", "talk-someone-trust", 5),
    ("anger-helps", "breathe-slowly-count", 3),
)
"""(exercise, option, how well it usually helps): stored by id, read in the person's language."""


def coping_tables(_rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    rng = random.Random(start.toordinal())
    chosen = [(text, "", usual) for text, usual in sam.words["coping"]]
    chosen += [
        ("", handout_source("coping-with-problems", exercise, option), usual)
        for exercise, option, usual in FROM_MODULE_9
    ]
    strategies: list[dict] = []
    span = max(1, (end - start).days)
    for text, source, usual in chosen:
        added = start + timedelta(days=rng.randrange(max(1, span // 2)))
        tries: list[CopingTry] = []
        day = added + timedelta(days=rng.randrange(1, 10))
        while day <= end:
            helped = max(1, min(5, usual + rng.choice([-1, 0, 0, 0, 1])))
            tries.append(CopingTry(day=day, helped=helped))
            day += timedelta(days=rng.randrange(4, 25))
        written = datetime.combine(added, time(15, rng.randrange(60)))
        last = datetime.combine(tries[-1].day, time(20, 0)) if tries else written
        strategy = CopingStrategy(text=text, source=source, tries=tries, created=written, updated=last)
        strategies.append(strategy.model_dump(mode="json"))
    return {"coping": strategies}
