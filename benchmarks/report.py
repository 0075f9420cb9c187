"""The results as a Markdown table: median and worst, ratios to the minimal app, growth with data."""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from pathlib import Path

from benchmarks.suite import Results

BEGIN, END = "<!-- results -->", "<!-- /results -->"
SIZES = ("empty", "1 year", "10 years", "30 years")


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} / {max(values) * 1000:.0f}"


def _ratio(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} / {max(values):.2f}"


def _mib(values: list[int]) -> str:
    return f"{statistics.median(values) / 1024:.0f} / {max(values) / 1024:.0f}"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}; load average at the end {load}"
    )


def _growth(first: list[float], last: list[float]) -> str:
    return f"{(statistics.median(last) / statistics.median(first) - 1) * 100:+.0f} %"


def _growth_rows(s: dict, k: dict, shown: list[str]) -> list[str]:
    """How the medians change from the least data measured to the most."""
    first, last = shown[0], shown[-1]

    def row(label: str, figures: dict, name: str, a: str = first, b: str = last) -> str:
        return f"| {label} ({a} to {b}) | {_growth(figures[name.format(a)], figures[name.format(b)])} |"

    rows = [row("Today, first frame", s, "Today, {}: first frame"), row("Today, peak memory", k, "Today, {}")]
    cards = [size for size in shown if f"Today, {size}: every card" in s]
    if len(cards) > 1:
        rows.append(row("Today, every card", s, "Today, {}: every card", cards[0], cards[-1]))
    deep = [size for size in shown if f"after every area, {size}" in k]
    if len(deep) > 1:
        rows.append(row("peak memory after every area", k, "after every area, {}", deep[0], deep[-1]))
        for name in s:
            if name.endswith(f", {deep[0]}: first open"):
                area = name.split(",")[0]
                rows.append(row(f"{area}, first open", s, area + ", {}: first open", deep[0], deep[-1]))
    return rows


def table(
    results: Results, saves: dict[str, dict[str, list[float]]], rounds: int, area_rounds: int, took: float
) -> str:
    s, r, k = results.seconds, results.ratios, results.kib
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {_machine()}.",
        f"{rounds} start-up rounds and {area_rounds} rounds through the areas, each round beside a fresh",
        f"minimal Textual app (a Static and a Footer); the suite took {took:.0f} s.",
        "Every figure is *median / worst*. Ratios are to the minimal app of the same round.",
        "",
        "| start-up, to the frame a person sees | ms | ratio to minimal app |",
        "| --- | --- | --- |",
    ]
    for name in s:
        if name.startswith(("minimal", "welcome", "Today", "unlock")):
            lines.append(f"| {name} | {_ms(s[name])} | {_ratio(r[name])} |")
    lines += ["", "| after a key, to the frame (ms) | ms |", "| --- | --- |"]
    for name in s:
        if not name.startswith(("minimal", "welcome", "Today", "unlock")):
            lines.append(f"| {name} | {_ms(s[name])} |")
    lines += ["", "| save (in the store, with fsync) | ms |", "| --- | --- |"]
    for size, kinds in saves.items():
        for kind, values in kinds.items():
            lines.append(f"| {kind}, {size} | {_ms(values)} |")
    lines += ["", "| peak memory (resident) | MiB |", "| --- | --- |"]
    for name, values in k.items():
        lines.append(f"| {name} | {_mib(values)} |")
    shown = [size for size in SIZES if f"Today, {size}: first frame" in s]
    if len(shown) > 1:
        lines += [
            "",
            "| growth with the data (medians) | change |",
            "| --- | --- |",
            *_growth_rows(s, k, shown),
        ]
    return "\n".join(lines)


def write_into(readme: Path, text: str) -> None:
    """Put `text` between the results markers of the README (kept once, replaced each run)."""
    old = readme.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in old:
        new = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _m: block, old, flags=re.S)
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(new, encoding="utf-8")
