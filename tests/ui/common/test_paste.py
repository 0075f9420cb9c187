"""One paste rule for every field: lines joined or kept, nothing cut, control characters removed."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from imr_companion.typed_text import pasted
from tests.helpers import running, welcomed

FAMILY = "👩\u200d👩\u200d👧"


def test_the_rule_itself():
    assert pasted("one\r\ntwo\rthree\n\n four\n", keep_lines=False) == "one two three four"
    # Pasted after "Walk before", " breakfast" must not glue the two words together.
    assert pasted(" breakfast\nevery day ", keep_lines=False) == " breakfast every day "
    assert pasted("\n \n", keep_lines=False) == ""
    assert pasted("one\r\ntwo\n", keep_lines=True) == "one\ntwo\n"
    assert pasted("ring\x07 the\x00 bell\x1b", keep_lines=False) == "ring the bell"
    assert pasted(f"my {FAMILY}", keep_lines=False) == f"my {FAMILY}"
    assert pasted("x" * 3000, keep_lines=False) == "x" * 3000


async def paste(pilot, field, text: str) -> None:
    field.post_message(events.Paste(text))
    await pilot.pause()


async def test_a_plan_entry_takes_ten_lines_and_a_long_paste_and_says_the_limit(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "6", "a")
        await pilot.pause()
        field = app.screen.query_one("#text", Input)
        await paste(pilot, field, "\n".join(f"line {n}" for n in range(1, 11)))
        assert field.value == " ".join(f"line {n}" for n in range(1, 11))
        field.value = ""
        await paste(pilot, field, "y" * 3000)
        assert field.value == "y" * 3000
        await pilot.press("enter")
        await pilot.pause()
        message = app.screen.query_one("#text-message").render().plain
        assert "up to 200 characters, please" in message
        assert field.value == "y" * 3000
        field.value = ""
        await paste(pilot, field, f"Call\x07 my {FAMILY}")
        assert field.value == f"Call my {FAMILY}"
        # The bell was text, not ctrl+g: no "filling in together" question.
        assert app.screen.query_one("#text") is field


async def test_a_name_on_the_network_card_keeps_every_pasted_line(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "5", "a")
        await pilot.pause()
        note = app.screen.query_one("#note", Input)
        await paste(pilot, note, "Likes tea\nLives nearby\n")
        assert note.value == "Likes tea Lives nearby"


async def test_a_written_answer_keeps_its_lines_and_loses_control_characters(data_dir: Path):
    welcomed(data_dir)
    async with running(data_dir) as (app, pilot):
        await pilot.press("escape", "4", "n")
        await pilot.pause()
        why = app.screen.query_one("#why", TextArea)
        why.focus()
        await paste(pilot, why, "First\r\nSecond\x0b\n")
        assert why.text == "First\nSecond\n"


def test_every_field_for_a_persons_words_takes_the_paste_rule():
    """Textual's own Input keeps a paste's first line only and refuses one over `max_length` without a
    word; its TextArea keeps control characters the store then refuses. So a field for a person's
    words is a OneLineInput or a TextField; a plain Input is only for a number, a date, a time or a
    passphrase (a `type`, `password`, or a `max_length` of at most 10)."""
    import ast

    import imr_companion.ui

    plain: list[str] = []
    for path in Path(imr_companion.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            words = {k.arg: k.value for k in node.keywords}
            short = isinstance(words.get("max_length"), ast.Constant) and words["max_length"].value <= 10
            if node.func.id == "TextArea" and path.name != "text_field.py":
                plain.append(f"{path.name}:{node.lineno} TextArea")
            if node.func.id == "Input" and not ({"type", "password"} & words.keys() or short):
                plain.append(f"{path.name}:{node.lineno} Input")
    assert plain == []
