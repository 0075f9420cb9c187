"""Older years read back in runs as a save writes them (store/saving.py), not one year at a time.

A table's older years lie one after another in the file a save replaces,
`,\n` between them, exactly as the save writes them into the new file
(files/years.encode). Read back one by one, thirty years of data took two
hundred reads and as many looks at the file (KeptFile.unchanged) in every
save; a run of them is read at once, and trusted as each year's bytes are:
only while nothing has written to that file since it was read or written.
Else each year is read on its own and checked against its line's digest, as
before (OldYear.members: FileChanged when its bytes are nowhere in the file).
"""

from __future__ import annotations

from collections.abc import Sequence

from imr_companion.store.files.years import OldYear, Piece

SEPARATOR = b",\n"
"""Between two older years of a table, in every file the app writes (files/years.encode)."""
MOST = 512 * 1024
"""Bytes of a run at most: years of data are never all in memory at once (storage._READ_BACK)."""


class OldRun:
    """Older years of one table, one after another with SEPARATOR between them, in the file they are
    read back from as in the file being written: a piece of a save (storage.Later)."""

    __slots__ = ("years",)

    def __init__(self, years: list[OldYear]) -> None:
        self.years = years

    @property
    def members(self) -> bytes:
        """The run's bytes: read at once while the file is unchanged (OSError), else year by year
        and checked (OSError, FileChanged)."""
        places = [year.place for year in self.years]
        assert all(place is not None for place in places)
        file, start, _size = places[0]  # type: ignore[misc]
        _file, last, last_size = places[-1]  # type: ignore[misc]
        size = last + last_size - start
        data = file.read_at(start, size)
        # Looked at after the read, as OldYear.members does: a write meanwhile changes what it sees.
        if len(data) == size and file.unchanged() and _apart(data, start, places):  # type: ignore[arg-type]
            return data
        return SEPARATOR.join(year.members for year in self.years)


def _apart(data: bytes, start: int, places: list[tuple[object, int, int]]) -> bool:
    """SEPARATOR after each year but the last, where the years' places say it is."""
    ends = (at + size - start for _file, at, size in places[:-1])
    return all(data[end : end + len(SEPARATOR)] == SEPARATOR for end in ends)


def _follows(run: list[OldYear], year: OldYear) -> bool:
    """`year` lies right after the run's last year and its separator, in the same file, and the run
    stays within MOST bytes with it."""
    before, place = run[-1].place, year.place
    first = run[0].place
    if before is None or place is None or first is None or place[0] is not before[0]:
        return False
    return place[1] == before[1] + before[2] + len(SEPARATOR) and place[1] + place[2] - first[1] <= MOST


def in_runs(pieces: Sequence[Piece]) -> tuple[Piece | OldRun, ...]:
    """`pieces` (a save's, files/stamp.encoded) with each run of older years that lie one after another
    in the file they are read back from, and the separators between them, as one OldRun: the same
    bytes, read back in fewer reads. Years held in memory (a sealed file's) stay as they are."""
    runs: list[Piece | OldRun] = []
    run: list[OldYear] = []
    separated = False  # a SEPARATOR after the run's last year, held back until the next piece is seen

    def end_run() -> None:
        if run:
            runs.append(run[0] if len(run) == 1 else OldRun(list(run)))
            run.clear()

    for piece in pieces:
        if run and not separated and isinstance(piece, bytes) and piece == SEPARATOR:
            separated = True
            continue
        if separated and isinstance(piece, OldYear) and _follows(run, piece):
            run.append(piece)
            separated = False
            continue
        end_run()
        if separated:
            runs.append(SEPARATOR)
            separated = False
        if isinstance(piece, OldYear) and piece.place is not None:
            run.append(piece)
        else:
            runs.append(piece)
    end_run()
    if separated:
        runs.append(SEPARATOR)
    return tuple(runs)
