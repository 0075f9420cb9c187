"""Run the whole benchmark suite and write its table into benchmarks/README.md.

    python -m benchmarks            # the full suite (about five minutes on two cores)
    python -m benchmarks --quick    # a few runs on small data: CI runs it so it keeps working

Nothing here asserts a timing: the figures are for people to read.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks import data, peers, person, report, saves
from benchmarks.suite import AREA_NAMES, Results, Round, cards_shown, keep_first_frame_styles

README = Path(__file__).with_name("README.md")


def compile_bytecode() -> None:
    """Compile the app's modules, as installing it does.

    pip writes every module's bytecode when the app is installed, so a person's
    start-up never compiles source. A checkout may have none, and where
    PYTHONDONTWRITEBYTECODE is set none is ever written: each run would then
    compile some seventy modules from source and be timed doing it.
    """
    compileall.compile_dir(README.parent.parent / "imr_companion", quiet=1)


@dataclass(frozen=True)
class Plan:
    """How much of everything a run measures."""

    years: tuple[float, ...] = (1, 10, 30, 100)
    rounds: int = 8
    memory_rounds: int = 3
    typing: tuple[str, ...] = ("30 years", "100 years")
    typing_rounds: int = 4
    moments_at: str = "30 years"
    moment_rounds: int = 2
    walks: tuple[str, ...] = ("10 years", "30 years")
    walk_rounds: int = 4
    saves_at: str = "30 years"
    save_rounds: int = 2
    saves_shown: int = 15
    card_saves: int = 3
    """Each round: a goal's step done, a check-in and a worksheet answer, each in this many programs
    (one save each)."""
    store_saves: int = 60
    network_people: int = data.NETWORK_PEOPLE
    peers: bool = True


QUICK = Plan(
    years=(1,),
    rounds=2,
    memory_rounds=1,
    typing=("1 year",),
    typing_rounds=1,
    moments_at="1 year",
    moment_rounds=1,
    walks=("1 year",),
    walk_rounds=1,
    saves_at="1 year",
    save_rounds=1,
    saves_shown=4,
    card_saves=1,
    store_saves=5,
    network_people=20,
    peers=False,
)


PARTS = {
    "start-up": ("rounds",),
    "typing": ("typing_rounds",),
    "moments": ("moment_rounds",),
    "areas": ("walk_rounds",),
    "saves": ("save_rounds", "store_saves"),
    "peers": (),
}
"""What `--only` can choose, and the rounds of the Plan each part needs."""


def _label(years: float) -> str:
    return f"{years:g} year{'s' if years != 1 else ''}"


def _progress(what: str, n: int, of: int) -> None:
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{what} {n + 1} of {of} done (load {load})", flush=True)


def run(plan: Plan) -> tuple[Results, dict[str, dict[str, list[float]]], dict[str, float], list[str]]:
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="imr-bench-"))
    try:
        sizes = {"empty": data.welcomed_but_empty(scratch)}
        for years in plan.years:
            sizes[_label(years)] = data.demo(scratch, years)
        megabytes = {label: data.megabytes(folder) for label, folder in sizes.items()}
        welcome = data.never_opened(scratch)
        network_label = f"{plan.walks[0]} + {plan.network_people} people"
        network = data.with_network(sizes[plan.walks[0]], scratch, plan.network_people)
        keep_first_frame_styles(data.never_opened(scratch / "kept styles"), sizes["empty"])
        cards = {label: cards_shown(folder) for label, folder in sizes.items()}  # also warms the file cache
        oldest = {label: data.oldest_moment_row(sizes[label]) for label in plan.walks}
        sealed_label = f"{plan.walks[-1]}, passphrase"
        locked = data.sealed(sizes[plan.walks[-1]], scratch)

        results = Results()
        for n in range(plan.rounds):
            one = Round(results)
            one.attempt("the welcome screen", one.welcome, welcome)
            for label, folder in sizes.items():
                memory = n < plan.memory_rounds
                one.attempt(f"Today, {label}", one.today, label, folder, cards[label], memory)
            one.attempt(sealed_label, one.unlocked, sealed_label, locked, data.PASSPHRASE)
            _progress("start-up round", n, plan.rounds)
        for n in range(plan.typing_rounds):
            one = Round(results)
            one.attempt("typing, minimal app", person.typing_in_minimal_app, one, n)
            for label in plan.typing:
                what = f"typing, {label}"
                one.attempt(what, person.typing_while_starting, one, label, sizes[label], cards[label], n)
            _progress("typing round", n, plan.typing_rounds)
        _area_moments(plan, results, sizes[plan.moments_at])
        for n in range(plan.walk_rounds):
            one = Round(results)
            for label in plan.walks:
                one.attempt(
                    f"the areas, {label}", _on_a_copy(one.areas, sizes[label], scratch), label, oldest[label]
                )
            one.attempt("the network map", one.network, network_label, network, "▸ 5 Network")
            _progress("areas round", n, plan.walk_rounds)
        for n in range(plan.save_rounds):
            one = Round(results)
            step = _on_a_copy(
                partial(person.saves_to_frame, one, plan.saves_at), sizes[plan.saves_at], scratch
            )
            one.attempt(f"saves shown, {plan.saves_at}", step, plan.saves_shown)
            savers = (person.goal_step_to_frame, person.checkin_to_frame, person.worksheet_to_frame)
            for saved in savers * plan.card_saves:
                step = _on_a_copy(partial(saved, one, plan.saves_at), sizes[plan.saves_at], scratch)
                one.attempt(f"{saved.__name__}, {plan.saves_at}", step)
            _progress("saves round", n, plan.save_rounds)
        missing = _peers(plan, results, scratch)
        save_times = {}
        if plan.store_saves:
            for label in plan.walks:
                save_times[label] = saves.measure(sizes[label], scratch, plan.store_saves)
            save_times[sealed_label] = saves.measure(locked, scratch, plan.store_saves, data.PASSPHRASE)
        return results, save_times, megabytes, missing
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _on_a_copy(step: Callable[..., None], source: Path, scratch: Path) -> Callable[..., None]:
    """`step(folder, ...)` on a fresh copy of `source` at each try, for steps that change the data
    (the reader keeps the page it was left at; a save adds a moment)."""

    def on_a_copy(*arguments: Any) -> None:
        step(data.copy(source, scratch, "copy"), *arguments)

    return on_a_copy


def _area_moments(plan: Plan, results: Results, folder: Path) -> None:
    """Every area's first open with its key at each moment (one program each); quick: one area a moment."""
    keys = list(AREA_NAMES)
    for n in range(plan.moment_rounds):
        one = Round(results)
        for m, moment in enumerate(person.MOMENTS):
            for key in keys if plan.peers else [keys[(m + n) % len(keys)]]:
                what = f"{AREA_NAMES[key]}, key {moment}"
                one.attempt(what, person.area_at, one, plan.moments_at, folder, key, moment)
        _progress("area moments round", n, plan.moment_rounds)


def _peers(plan: Plan, results: Results, scratch: Path) -> list[str]:
    """The peers once, beside a fresh minimal app; the names of those not installed."""
    if not plan.peers:
        return []
    found, missing = peers.installed()
    if found:
        one = Round(results)
        for peer, program in found:
            one.attempt(peer.name, peers.measure, one, peer, program, scratch)
        print(f"peers measured: {', '.join(peer.name for peer, _ in found)}", flush=True)
    for peer in missing:
        print(f"{peer.name} is not installed: not measured (benchmarks/README.md says how)", flush=True)
    return [peer.name for peer in missing]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few runs on small data; README is left alone")
    parser.add_argument("--rounds", type=int, help="start-up rounds (default 8, quick 2)")
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(PARTS),
        help="measure only this part (may be given again); README is left alone",
    )
    parser.add_argument(
        "--stalls",
        action="store_true",
        help=(
            "with typing and moments: what held the app's thread for the slowest letters and for "
            "each area's open (benchmarks/stalls.py)"
        ),
    )
    args = parser.parse_args()
    person.STALLS = args.stalls
    plan = QUICK if args.quick else Plan()
    if args.rounds:
        plan = replace(plan, rounds=args.rounds)
    if args.only:
        left_out = {field: 0 for part, fields in PARTS.items() if part not in args.only for field in fields}
        plan = replace(plan, **left_out, peers="peers" in args.only and not args.quick)
    began = time.time()
    results, save_times, megabytes, missing = run(plan)
    text = report.table(results, save_times, megabytes, plan, missing, time.time() - began)
    print(text)
    for note in results.notes:
        print(note)
    never = sorted(set(results.failed) - results.finished)
    if never:
        print(f"never measured (every try dropped): {', '.join(never)}", file=sys.stderr)
    if not args.quick and not args.only:
        report.write_into(README, text)
        print(f"written into {README}")
    if never:
        sys.exit(1)


if __name__ == "__main__":
    main()
