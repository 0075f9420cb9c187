"""shorten(): the one way text is cut to fit, by screen cells."""

from rich.cells import cell_len

from imr_companion.layout.text import shorten


def test_text_that_fits_is_kept_whole():
    assert shorten("Tea", 3) == "Tea"


def test_cut_text_ends_in_one_ellipsis_within_the_width():
    assert shorten("Bartholomew", 6) == "Barth…"
    assert shorten("Walks, then tea", 7) == "Walks…"  # no dangling comma before the ellipsis


def test_wide_characters_count_as_two_cells_and_are_never_split():
    cut = shorten("日本語のテキスト", 7)
    assert cut == "日本語…" and cell_len(cut) <= 7


def test_joined_emoji_stay_whole():
    family = "👩\u200d👩\u200d👧"
    assert shorten(f"{family} {family} {family}", 5) == f"{family}…"


def test_no_room_gives_nothing():
    assert shorten("Tea", 0) == ""
