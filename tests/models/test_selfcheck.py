"""The self-check as pure functions: which areas are asked, when one is due, and the picture of change."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from imr_companion.layout.change import changes, row, words
from imr_companion.models.selfcheck import AREA_BY_ID, AREAS, SelfCheck, asked, due, next_due


def test_areas_asked_follow_the_persons_choices():
    ids = [area.id for area in asked(medicine=False, more=())]
    assert len(AREAS) == 15 and len(ids) == 11
    assert "medicine" not in ids and not {"hospital", "alcohol", "drugs"} & set(ids)
    ids = [area.id for area in asked(medicine=True, more=("alcohol",))]
    assert "medicine" in ids and "alcohol" in ids and "drugs" not in ids


def test_ratings_are_kept_by_area_id_from_1_to_5():
    check = SelfCheck(day=date(2026, 3, 1), ratings={"coping": 2, "goals": 5})
    assert check.model_dump(mode="json")["ratings"] == {"coping": 2, "goals": 5}
    assert check.who == "person"
    for wrong in ({"coping": 6}, {"coping": 0}, {"Coping day to day": 3}):
        with pytest.raises(ValidationError):
            SelfCheck(ratings=wrong)


def test_due_at_the_persons_rhythm():
    march = date(2026, 3, 31)
    assert next_due([], 3) == date.min and due([], 3, march)
    assert next_due([march], 0) is None and not due([march], 0, date(2030, 1, 1))
    assert next_due([date(2025, 11, 30), march], 3) == date(2026, 6, 30)  # the month's last day
    assert not due([march], 3, date(2026, 6, 29))
    assert due([march], 3, date(2026, 6, 30))
    # "Not now" rests it for two weeks, then it is offered again.
    assert not due([march], 3, date(2026, 7, 5), not_now=date(2026, 7, 1))
    assert due([march], 3, date(2026, 7, 15), not_now=date(2026, 7, 1))


def test_the_picture_reads_without_colour_and_in_words():
    assert row([2, None, 4, 5]) == "▂ · ▆ █   2 · 4 5"
    assert len(row(list(range(1, 6)) * 4).split("   ")[1].split()) == 12  # the newest 12
    coping = AREA_BY_ID["coping"]
    series = [(date(2026, 3, 2), 2), (date(2026, 6, 1), None), (date(2026, 11, 20), 4)]
    today = date(2026, 12, 6)
    assert words("Coping day to day", series, today) == "Coping day to day: 2 in March 2026, 4 now"
    assert words("Coping day to day", series, date(2027, 6, 1)) == (
        "Coping day to day: 2 in March 2026, 4 in November 2026"
    )
    assert words("Coping day to day", series[:1], today) == "Coping day to day: 2 in March 2026"
    # Skipped in today's self-check: November's rating is not said as "now".
    skipped_today = [*series, (today, None)]
    assert words("Coping day to day", skipped_today, today) == (
        "Coping day to day: 2 in March 2026, 4 in November 2026"
    )
    checks = [(day, {"coping": value} if value else {}) for day, value in series]
    [change] = changes(checks, AREAS, today)  # areas never rated are left out
    assert change.area is coping and change.row == "▂ · ▆   2 · 4"
    # No total, no judgement: only the person's numbers and when.
    assert not {"worse", "better", "total", "score"} & set(change.words.lower().split())


def test_the_picture_in_danish(danish):
    series = [(date(2026, 3, 2), 2), (date(2026, 11, 20), 4)]
    said = words("Mestring i hverdagen", series, date(2026, 12, 6))
    assert said == "Mestring i hverdagen: 2 i marts 2026, 4 nu"
