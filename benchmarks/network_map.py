"""Time to draw the network map with 150 people (a generous real network).

Two cases for each size: a new size (as after the terminal is resized: the
rings and life areas are worked out again) and the same size (as when the
chosen person changes). Target: under 30 ms per render.
"""

from __future__ import annotations

import random
import time

from _common import summary

from imr_companion.layout.network_map import draw_map
from imr_companion.layout.network_shape import map_shape
from imr_companion.models.network import LIFE_AREAS, RINGS, Person

NAMES = ["Sam", "Alex", "Jo", "Kim", "Priya", "Mohammed", "Christopher", "Ruth", "Dev", "Lou", "Zoë", "דנה"]
SIZES = {
    "80x24, map view": (78, 17),
    "120x40, beside the list": (70, 33),
    "200x60, beside the list": (150, 53),
}


def people(count: int = 150, seed: int = 1) -> list[Person]:
    rng = random.Random(seed)
    return [
        Person(name=f"{rng.choice(NAMES)} {n}", ring=rng.choice(RINGS), area=rng.choice(LIFE_AREAS))
        for n in range(count)
    ]


def main(runs: int = 50) -> None:
    card = people()
    for label, (width, height) in SIZES.items():
        resized, chosen = [], []
        for n in range(runs):
            map_shape.cache_clear()
            start = time.perf_counter()
            draw_map(card, width, height, selected=card[n].id)
            resized.append(time.perf_counter() - start)
            start = time.perf_counter()
            draw_map(card, width, height, selected=card[n + 1].id)
            chosen.append(time.perf_counter() - start)
        print(summary(f"{label}: new size", resized))
        print(summary(f"{label}: new choice", chosen))
    print("target: under 30 ms per render")


if __name__ == "__main__":
    main()
