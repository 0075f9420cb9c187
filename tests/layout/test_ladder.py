"""The goal ladder drawn once: the screen's rows and the paper's lines say the same of every rung."""

from __future__ import annotations

from datetime import date

from imr_companion.layout.ladder import paper_lines, rungs, screen_rows
from tests.goals_seed import swimming


def test_each_rung_says_where_the_step_stands_in_marks_and_words():
    goal = swimming()
    shown = rungs(goal)
    assert [r.state for r in shown] == ["done", "done", "done", "current", "later", "later"]
    assert [r.mark for r in shown] == ["✓", "✓", "✓", "▶", "○", "○"]
    assert shown[0].note(date.isoformat) == "done 2026-02-20"
    assert shown[3].note(date.isoformat) == "next step"
    assert shown[4].note(date.isoformat) == ""


def test_paper_and_screen_draw_the_same_rungs_top_down():
    goal = swimming()
    lines = paper_lines(goal, date.isoformat)
    assert lines[0] == "  Get back to swimming"
    rung_lines = [line for line in lines if line.startswith("  ├─")]
    assert rung_lines[0].startswith("  ├─○─┤ Swim ten lengths")
    assert rung_lines[2] == "  ├─▶─┤ Get into the water once  next step"
    assert rung_lines[-1] == "  ├─✓─┤ Find out when the pool is quiet  done 2026-02-20"
    assert lines[-1].endswith("where I started")
    # On a tall screen a gap between rungs; on a short one, a row each; the ground always last.
    tall = screen_rows(len(goal.steps), 24)
    assert [row.step for row in tall if row.kind == "rung"] == [5, 4, 3, 2, 1, 0]
    assert len(tall) == 2 * 6 + 2 and tall[-1].kind == "ground"
    assert len(screen_rows(len(goal.steps), 8)) == 1 + 6 + 2
    assert [row.kind for row in screen_rows(0, 24)] == ["gap", "empty", "gap", "ground"]
