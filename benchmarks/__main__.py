"""Run the whole benchmark suite and write its table into benchmarks/README.md.

    python -m benchmarks            # the full suite (a few minutes)
    python -m benchmarks --quick    # a few runs on small data: CI runs it so it keeps working

Nothing here asserts a timing: the figures are for people to read.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks import data, report, saves
from benchmarks.suite import Results, Round, cards_shown

README = Path(__file__).with_name("README.md")


def compile_bytecode() -> None:
    """Compile the app's modules, as installing it does.

    pip writes every module's bytecode when the app is installed, so a person's
    start-up never compiles source. A checkout may have none, and where
    PYTHONDONTWRITEBYTECODE is set none is ever written: each run would then
    compile some seventy modules from source and be timed doing it.
    """
    compileall.compile_dir(README.parent.parent / "imr_companion", quiet=1)


def run(quick: bool, rounds: int, area_rounds: int, save_runs: int) -> tuple[Results, dict[str, dict]]:
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="imr-bench-"))
    try:
        sizes = {"empty": data.welcomed_but_empty(scratch)}
        for years in (1,) if quick else (1, 10, 30):
            sizes[f"{years} year{'s' if years > 1 else ''}"] = data.demo(scratch, years)
        welcome = data.never_opened(scratch)
        deep = ("1 year",) if quick else ("10 years", "30 years")
        network = data.with_network(sizes[deep[0]], scratch, 20 if quick else data.NETWORK_PEOPLE)
        cards = {label: cards_shown(folder) for label, folder in sizes.items()}  # also warms the file cache
        oldest = {label: data.oldest_moment_row(sizes[label]) for label in deep}
        locked = {f"{deep[-1]}, passphrase": data.sealed(sizes[deep[-1]], scratch)}

        results = Results()
        for n in range(rounds):
            one = Round(results)
            one.welcome(welcome)
            for label, folder in sizes.items():
                one.today(label, folder, cards[label])
            for label, folder in locked.items():
                one.unlocked(label, folder, data.PASSPHRASE)
            print(f"start-up round {n + 1} of {rounds} done", flush=True)
        for n in range(area_rounds):
            one = Round(results)
            for label in deep:
                one.areas(label, sizes[label], oldest[label])
            one.network(
                f"{deep[0]} + 150 people" if not quick else "1 year + 20 people", network, "▸ 5 Network"
            )
            print(f"areas round {n + 1} of {area_rounds} done", flush=True)
        save_times = {label: saves.measure(sizes[label], scratch, save_runs) for label in deep}
        for label, folder in locked.items():
            save_times[label] = saves.measure(folder, scratch, save_runs, data.PASSPHRASE)
        return results, save_times
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few runs on small data; README is left alone")
    parser.add_argument("--rounds", type=int, help="start-up rounds (default 12, quick 2)")
    args = parser.parse_args()
    rounds = args.rounds or (2 if args.quick else 12)
    area_rounds = 1 if args.quick else max(3, rounds // 2)
    began = time.time()
    results, save_times = run(args.quick, rounds, area_rounds, 5 if args.quick else 60)
    text = report.table(results, save_times, rounds, area_rounds, time.time() - began)
    print(text)
    if not args.quick:
        report.write_into(README, text)
        print(f"written into {README}")


if __name__ == "__main__":
    main()
