"""Shared by the benchmark scripts: ten years of demo data in a temporary folder."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def demo_folder(years: int = 10) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="imr-bench-")) / "data"
    subprocess.run(
        [sys.executable, "-m", "imr_companion", "demo", "--data-dir", str(folder), "--years", str(years)],
        check=True,
        capture_output=True,
    )
    return folder


def summary(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return (
        f"{label:<38} median {statistics.median(ms):7.1f} ms   "
        f"best {ms[0]:7.1f} ms   worst {ms[-1]:7.1f} ms   (n={len(ms)})"
    )
