"""The results as Markdown: the targets first (met or not), then every figure, median and worst."""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.peers import PEERS
from benchmarks.person import AFTER_CARDS, BEFORE_CARDS, CARDS_IN, MOMENTS, PRESSED_AT, SLOWEST_AT, TYPING_FOR
from benchmarks.suite import AREA_NAMES, WORK_DONE, Results

if TYPE_CHECKING:
    from benchmarks.__main__ import Plan

BEGIN, END = "<!-- results -->", "<!-- /results -->"
STARTED_LOAD = os.getloadavg()
PEER_NAMES = {peer.name for peer in PEERS}


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} / {max(values) * 1000:.0f}"


def _ratio(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} / {max(values):.2f}"


def _mib(values: list[int]) -> str:
    return f"{statistics.median(values) / 1024:.1f} / {max(values) / 1024:.1f}"


def _load(figures: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in figures)


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}; load average at the start {_load(STARTED_LOAD)}, "
        f"at the end {_load(os.getloadavg())}"
    )


def _commit() -> str:
    """The checkout measured: its commit, and whether files were changed beside it."""
    import subprocess

    def git(*arguments: str) -> str:
        done = subprocess.run(["git", *arguments], capture_output=True, text=True, cwd=Path(__file__).parent)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ":!benchmarks/README.md")
    return f"{commit}{' with changes' if changed else ''}"


def _met(value: float, limit: float) -> str:
    return "yes" if value <= limit else "**no**"


class _Targets:
    """The rows of the targets table: each figure against its limit, or said missing."""

    def __init__(self, results: Results) -> None:
        self.r = results
        self.rows: list[str] = []

    def ratio(self, target: str, name: str, limit: float) -> None:
        """A start-up ratio: met when its median is within the limit (the worst is beside it)."""
        values = self.r.ratios.get(name)
        if values:
            self.rows.append(
                f"| {target} | {name} | {_ratio(values)} | {_met(statistics.median(values), limit)} |"
            )

    def worst_ms(self, target: str, name: str, limit_ms: float, values: list[float] | None = None) -> None:
        """A key's time: met when even the worst is within the limit ("at any moment")."""
        values = values if values is not None else self.r.seconds.get(name)
        if values:
            self.rows.append(
                f"| {target} | {name} | {_ms(values)} ms | {_met(max(values) * 1000, limit_ms)} |"
            )

    def save(self, name: str, median_ms: float, worst_ms: float) -> None:
        values = self.r.seconds.get(name)
        if values:
            met = statistics.median(values) * 1000 <= median_ms and max(values) * 1000 <= worst_ms
            target = f"under {median_ms:g} ms median, {worst_ms:g} ms worst"
            self.rows.append(f"| {target} | {name} | {_ms(values)} ms | {'yes' if met else '**no**'} |")

    def memory(self, target: str, name: str, limit_mib: float) -> None:
        values = self.r.kib.get(name)
        if values:
            median = statistics.median(values) / 1024
            self.rows.append(f"| {target} | {name} | {_mib(values)} MiB | {_met(median, limit_mib)} |")


def _growth(results: Results, megabytes: dict[str, float]) -> list[tuple[str, float, float]]:
    """(label, MB of data, MiB of peak memory per MB beyond the empty folder's) for each size measured."""
    empty = results.kib.get("Today, empty")
    if not empty:
        return []
    rows = []
    for label, size in megabytes.items():
        values = results.kib.get(f"Today, {label}")
        if label != "empty" and values and size > 0:
            grown = (statistics.median(values) - statistics.median(empty)) / 1024
            rows.append((label, size, grown / size))
    return rows


def _targets(results: Results, megabytes: dict[str, float], plan: Plan) -> list[str]:
    t = _Targets(results)
    for label in ("empty", "10 years", "30 years"):
        t.ratio("every card within 1.5x", f"Today, {label}: every card", 1.5)
    for label in ("empty", "1 year", "10 years", "30 years"):
        t.ratio("first frame within 1.15x", f"Today, {label}: first frame", 1.15)
    t.ratio("welcome within 1.2x", "welcome screen: first frame", 1.2)
    if plan.years == (1,):  # quick: the small data stands in for the rest
        t.ratio("every card within 1.5x", "Today, 1 year: every card", 1.5)
    for label, limit in (("30 years", 50), ("100 years", 80), ("1 year", 50)):
        name = f"a typed letter, {label}, first {TYPING_FOR:g} s after the first frame"
        t.worst_ms(f"a typed key within {limit} ms", name, limit)
    label = plan.moments_at
    for moment in MOMENTS:
        t.worst_ms("an area's first open under 100 ms", f"first open, {label}, key {moment}", 100)
    settled = [
        seconds
        for area in AREA_NAMES.values()
        for seconds in results.seconds.get(f"{area}, {label}: first open, all settled", [])
    ]
    t.worst_ms(
        "an area's first open under 100 ms", f"first open, {label}, key once all settled", 100, settled
    )
    t.save(f"a good moment, {plan.saves_at}: Enter until it is listed", 20, 30)
    t.memory("Today within 64 MiB", f"Today, {plan.moments_at}", 64)
    for label in plan.walks:
        t.memory("after every area within 75 MiB", f"after every area, {label}", 75)
    for label, size, per_mb in _growth(results, megabytes):
        if label in ("10 years", "30 years", "100 years"):
            t.rows.append(
                f"| at most 2 MiB per MB of data | memory growth, {label} ({size:.1f} MB) "
                f"| {per_mb:.1f} MiB per MB | {_met(per_mb, 2.0)} |"
            )
    if not t.rows:
        return []
    return [
        "| target (issue 25) | measured | median / worst | met |",
        "| --- | --- | --- | --- |",
        *t.rows,
        "",
    ]


def table(
    results: Results,
    saves: dict[str, dict[str, list[float]]],
    megabytes: dict[str, float],
    plan: Plan,
    missing_peers: list[str],
    took: float,
) -> str:
    s, r, k = results.seconds, results.ratios, results.kib
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit {_commit()}",
        f"on {_machine()}.",
        f"{plan.rounds} start-up rounds (memory read in {plan.memory_rounds}), "
        f"{plan.typing_rounds} of typing, "
        f"{plan.moment_rounds} of area keys at moments,",
        f"{plan.walk_rounds} through the areas and {plan.save_rounds} of saves, each round beside a fresh "
        f"minimal Textual app; the suite took {took:.0f} s.",
        "Every figure is *median / worst*. Ratios are to the minimal app of the same round: a ratio",
        "target is met when its median is within it, a key's target when its worst is.",
        "",
        *_targets(results, megabytes, plan),
        "| start-up, to the frame a person sees | ms | ratio to minimal app |",
        "| --- | --- | --- |",
    ]
    peers = [name for name in s if name in r and name.split(" ")[0] in PEER_NAMES]
    lines += [
        f"| {name} | {_ms(s[name])} | {_ratio(r[name])} |" for name in s if name in r and name not in peers
    ]
    if peers or missing_peers:
        lines += [
            "",
            "| peers, measured once in this run | ms | ratio to minimal app |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {name} | {_ms(s[name])} | {_ratio(r[name])} |" for name in peers]
        lines += [f"| {name}: not installed, not measured | | |" for name in missing_peers]
    done = [name for name in s if name.endswith(WORK_DONE)]
    if done:
        lines += [
            "",
            "| start-up work done (the app's CPU quiet from then on), after the first frame | ms |",
            "| --- | --- |",
        ]
        lines += [f"| {name.removesuffix(WORK_DONE)} | {_ms(s[name])} |" for name in done]
    typing = [name for name in s if name.endswith(SLOWEST_AT)]
    if typing:
        lines += [
            "",
            "| a typed letter, to the frame whose field holds it | letters | ms "
            "| the slowest typed after the first frame, s |",
            "| --- | --- | --- | --- |",
        ]
        for name in typing:
            letters = name.removesuffix(SLOWEST_AT)
            at = f"{statistics.median(s[name]):.2f} / {max(s[name]):.2f}"
            lines.append(f"| {letters} | {len(s[letters])} | {_ms(s[letters])} | {at} |")
            for part in (BEFORE_CARDS, AFTER_CARDS):
                if letters + part in s:
                    lines.append(
                        f"| {letters}{part} | {len(s[letters + part])} | {_ms(s[letters + part])} | |"
                    )
            cards_in = s.get(letters + CARDS_IN)
            if cards_in:
                lines.append(f"| (every card shown after the first frame: {_ms(cards_in)} ms) | | | |")
    typing_figures = {name for name in s if name.startswith("a typed letter")}
    moments = [name for name in s if name.endswith(PRESSED_AT)]
    if moments:
        lines += [
            "",
            "| an area's first open, its key pressed at a moment | key after the first frame, s | ms |",
            "| --- | --- | --- |",
        ]
        for name in moments:
            opened = name.removesuffix(PRESSED_AT)
            at = f"{statistics.median(s[name]):.2f} / {max(s[name]):.2f}"
            lines.append(f"| {opened} ({len(s[opened])} opens) | {at} | {_ms(s[opened])} |")
    shown = set(done) | set(moments) | {name.removesuffix(PRESSED_AT) for name in moments} | typing_figures
    keys = [f"| {name} | {_ms(s[name])} |" for name in s if name not in r and name not in shown]
    if keys:
        lines += ["", "| after a key, to the frame a person sees | ms |", "| --- | --- |", *keys]
    if saves:
        lines += ["", "| save (in the store, with fsync) | ms |", "| --- | --- |"]
        for size, kinds in saves.items():
            for kind, values in kinds.items():
                lines.append(f"| {kind}, {size} | {_ms(values)} |")
    lines += [
        "",
        "| peak memory (resident, VmHWM), read once the start-up work is done | MiB |",
        "| --- | --- |",
    ]
    for name, values in k.items():
        lines.append(f"| {name} | {_mib(values)} |")
    growth = _growth(results, megabytes)
    if growth:
        lines += ["", "| memory growth with the data file (Today, beyond the empty folder's) | MiB per MB |"]
        lines += ["| --- | --- |"]
        lines += [f"| {label} ({size:.2f} MB) | {per_mb:.2f} |" for label, size, per_mb in growth]
    if results.dropped:
        lines += ["", f"Tries dropped and run again ({len(results.dropped)}):"]
        lines += [f"- {why}" for why in results.dropped]
    never = sorted(set(results.failed) - results.finished)
    if never:
        lines += ["", f"Never measured, every try dropped: {', '.join(never)}."]
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
