"""Three well-known Textual apps, started once in the same run for the record: their first frames
as ratios to the minimal app started just before them.

They are not the app's dependencies and never installed with it: each lives in
a virtual environment of its own (their Textual versions differ), by default
`.venv-peers/NAME/` at the top of the checkout (benchmarks/README.md says how
to make them); `IMR_BENCH_PEERS` names another folder. A peer that is not
there is said to be missing, and the rest of the suite runs as always.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from benchmarks.suite import SETTLE, Round, environment
from benchmarks.terminal import Terminal


@dataclass(frozen=True)
class Peer:
    name: str
    what: str
    arguments: tuple[str, ...]
    markers: tuple[str, ...]
    """The words of its first full window: what a person reads first."""


PEERS = (
    Peer("frogmouth", "a Markdown viewer", (), ("Enter a location or command", "Welcome to Frogmouth!")),
    Peer("posting", "an HTTP client", (), ("Enter a URL or paste a curl command",)),
    # Without a locale it first shows a warning about the computer's locale.
    Peer("harlequin", "an SQL editor", ("--locale", "C"), ("Data Catalog", "Query Results")),
)


def _folder() -> Path:
    return Path(os.environ.get("IMR_BENCH_PEERS") or Path(__file__).parent.parent / ".venv-peers")


def command(peer: Peer) -> str | None:
    """The peer's program: in its own environment under the peers' folder, or on PATH."""
    for candidate in (_folder() / peer.name / "bin" / peer.name, _folder() / "bin" / peer.name):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(peer.name)


def installed() -> tuple[list[tuple[Peer, str]], list[Peer]]:
    """The peers found (with their programs) and those missing."""
    found, missing = [], []
    for peer in PEERS:
        program = command(peer)
        if program is None:
            missing.append(peer)
        else:
            found.append((peer, program))
    return found, missing


def measure(one: Round, peer: Peer, program: str, scratch: Path) -> None:
    """The peer's first full window, against the minimal app of the same round."""
    where = scratch / f"peer-{peer.name}"  # posting keeps its collection in the folder it starts in
    where.mkdir(exist_ok=True)
    with Terminal([program, *peer.arguments], environment(with_this_checkout=False), cwd=where) as app:
        one.record(f"{peer.name} ({peer.what}): first frame", app.wait_for(*peer.markers))
        app.settle(SETTLE)
    one.part.kib[f"{peer.name} ({peer.what})"].append(app.peak_kib or 0)
