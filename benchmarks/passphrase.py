"""Only the passphrase's lines, when the whole suite cannot run: `python -m benchmarks.passphrase`.

At thirty years: the unlock window's first frame, Enter to Today's first frame
(Argon2id at its real costs included), and saves sealed and plain, side by side.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchmarks import data, report, saves
from benchmarks.__main__ import Plan, compile_bytecode
from benchmarks.suite import Results, Round


def main(rounds: int = 6, save_runs: int = 60) -> None:
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="imr-bench-"))
    try:
        plain = data.demo(scratch, 30)
        locked = data.sealed(plain, scratch)
        results = Results()
        for _ in range(rounds):
            one = Round(results)
            one.attempt("unlocking", one.unlocked, "30 years, passphrase", locked, data.PASSPHRASE)
        save_times = {
            "30 years": saves.measure(plain, scratch, save_runs),
            "30 years, passphrase": saves.measure(locked, scratch, save_runs, data.PASSPHRASE),
        }
        plan = Plan(
            rounds=rounds, memory_rounds=0, typing_rounds=0, moment_rounds=0, walk_rounds=0, save_rounds=0
        )
        print(report.table(results, save_times, {}, plan, [], 0.0))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
