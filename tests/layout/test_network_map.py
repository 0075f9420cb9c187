"""The map as a pure drawing: everyone in their own ring and life area, nothing overlapping or cut off."""

from __future__ import annotations

import itertools
import random
import unicodedata

import pytest
from rich.cells import cell_len

from imr_companion.layout.network_map import Drawing, draw_map, fit_name, legend, map_label
from imr_companion.layout.network_shape import DIVIDER, LINE, SELECTED, map_shape
from imr_companion.layout.text import shorten
from imr_companion.models.network import LIFE_AREAS, RINGS, LifeArea, Person, Ring

TWELVE = [
    ("Mum", Ring.VERY_CLOSE, LifeArea.FAMILY),
    ("Tom", Ring.CLOSE, LifeArea.FAMILY),
    ("Aunt Ruth", Ring.FURTHER, LifeArea.FAMILY),
    ("Ali", Ring.VERY_CLOSE, LifeArea.FRIENDS),
    ("Priya", Ring.CLOSE, LifeArea.FRIENDS),
    ("Ben", Ring.FURTHER, LifeArea.FRIENDS),
    ("Mrs Haddad", Ring.CLOSE, LifeArea.COMMUNITY),
    ("Dev", Ring.FURTHER, LifeArea.COMMUNITY),
    ("Sue", Ring.CLOSE, LifeArea.ACTIVITIES),
    ("Rob", Ring.FURTHER, LifeArea.ACTIVITIES),
    ("Jo", Ring.VERY_CLOSE, LifeArea.SERVICES),
    ("Dr Okafor", Ring.FURTHER, LifeArea.SERVICES),
]


def twelve() -> list[Person]:
    return [Person(name=name, ring=ring, area=area) for name, ring, area in TWELVE]


def crowd(count: int, seed: int = 5) -> list[Person]:
    rng = random.Random(seed)
    first = ["Sam", "Alex", "Jo", "Kim", "Priya", "Mohammed", "Christopher", "Ruth", "Dev", "Lou"]
    return [
        Person(name=f"{rng.choice(first)} {n}", ring=rng.choice(RINGS), area=rng.choice(LIFE_AREAS))
        for n in range(count)
    ]


def check_sound(drawing: Drawing, people: list[Person], width: int, height: int) -> None:
    """Every line exactly fills the width; labels sit in free cells of their own ring and area only."""
    assert len(drawing.lines) == height
    for line in drawing.lines:
        assert cell_len("".join(text for text, _ in line)) == width
    shape = map_shape(width, height)
    by_id = {person.id: person for person in people}
    taken: set[tuple[int, int]] = set()
    for spot in drawing.click_areas:
        cells = {(x, spot.y) for x in range(spot.x0, spot.x1)}
        assert not cells & taken, "two labels overlap"
        taken |= cells
        assert all(shape.roles[spot.y][x] == "" for x in range(spot.x0, spot.x1)), "a label covers a line"
        rings = {by_id[i].ring for i in spot.ids}
        areas = {by_id[i].area for i in spot.ids}
        assert len(rings) == 1 and len(areas) == 1
        key = (RINGS.index(rings.pop()), LIFE_AREAS.index(areas.pop()))
        assert any(run.y == spot.y and run.x0 <= spot.x0 and spot.x1 <= run.x1 for run in shape.runs[key]), (
            "a label is outside its own ring and life area"
        )


def test_an_empty_card_still_shows_me_the_rings_and_the_life_areas():
    drawing = draw_map([], 78, 17)
    text = "\n".join(drawing.plain)
    assert "Me" in text and "Family" in text
    for word in ("Friends", "Neighbours", "Activities", "Services"):
        assert word in text
    assert drawing.click_areas == []
    check_sound(drawing, [], 78, 17)


@pytest.mark.parametrize("size", [(78, 17), (76, 33), (118, 33), (66, 16)])
def test_twelve_people_each_appear_once_in_their_own_cell(size):
    people = twelve()
    width, height = size
    drawing = draw_map(people, width, height)
    check_sound(drawing, people, width, height)
    shown = [i for spot in drawing.click_areas for i in spot.ids]
    assert sorted(shown) == sorted(person.id for person in people)
    text = "\n".join(drawing.plain)
    for name, _, _ in TWELVE:
        # Narrow cells shorten names; roomy maps show them whole.
        assert (name if height > 30 else name[:2]) in text


def test_the_chosen_person_is_marked_with_brackets_and_can_be_found_by_a_click():
    people = twelve()
    ali = people[3]
    drawing = draw_map(people, 78, 17, selected=ali.id)
    assert "[Ali]" in "\n".join(drawing.plain)
    spot = next(spot for spot in drawing.click_areas if spot.ids == (ali.id,))
    assert drawing.click_area_at(spot.x0 + 1, spot.y) == spot
    roles = [role for text, role in drawing.lines[spot.y] if "Ali" in text]
    assert roles == [SELECTED]
    assert drawing.click_area_at(0, 8) is None


def test_150_people_are_all_accounted_for_and_nothing_overlaps():
    people = crowd(150)
    for width, height in [(78, 17), (76, 33), (118, 33)]:
        drawing = draw_map(people, width, height, selected=people[0].id)
        check_sound(drawing, people, width, height)
        shown = [i for spot in drawing.click_areas for i in spot.ids]
        assert sorted(shown) == sorted(person.id for person in people)
        text = "\n".join(drawing.plain)
        assert "more" in text


def test_a_crowded_cell_keeps_the_chosen_person_named():
    people = crowd(150)
    for person in people[:40]:
        drawing = draw_map(people, 78, 17, selected=person.id)
        spot = next(spot for spot in drawing.click_areas if person.id in spot.ids)
        if len(spot.ids) == 1:
            assert drawing.plain[spot.y][spot.x0] == "["
        else:
            # Only a count fits in this cell: the count itself is marked.
            assert drawing.lines and any(
                role == SELECTED and text.strip("[]").split()[0].isdigit()
                for text, role in drawing.lines[spot.y]
            )


def test_many_people_in_one_cell_collapse_to_more_or_a_count():
    people = [Person(name=f"Cousin {n}", ring=Ring.VERY_CLOSE, area=LifeArea.FAMILY) for n in range(60)]
    drawing = draw_map(people, 78, 17)
    check_sound(drawing, people, 78, 17)
    text = "\n".join(drawing.plain)
    assert "more" in text or "60" in text
    assert sorted(i for spot in drawing.click_areas for i in spot.ids) == sorted(p.id for p in people)


@pytest.mark.parametrize(
    "name",
    [
        "Bartholomew Alexander Fitzgerald-Worthington the Third of Little Snoring",
        "Grandma 👵🏽 and Grandpa 👴",
        "👨‍👩‍👧 my family",
        "❤️ Love",
        "דנה כהן",
        "سارة أحمد",
        "\u202eevil override",
        "Zoë Ångström",
        "李小龍",
        "[bold]not markup[/bold]",
    ],
)
def test_long_names_emoji_and_right_to_left_names_never_break_the_map(name: str):
    people = [Person(name=name, ring=ring, area=area) for ring, area in itertools.product(RINGS, LIFE_AREAS)]
    people += twelve()
    for width, height in [(78, 17), (44, 13), (118, 33)]:
        drawing = draw_map(people, width, height, selected=people[0].id)
        check_sound(drawing, people, width, height)
        for line in drawing.plain:
            assert not any(unicodedata.category(char) == "Cf" for char in line)


def test_two_people_with_the_same_name_are_two_labels():
    people = [Person(name="Ali", ring=Ring.CLOSE, area=LifeArea.FRIENDS) for _ in range(2)]
    drawing = draw_map(people, 78, 17, selected=people[1].id)
    click_areas = [spot for spot in drawing.click_areas if len(spot.ids) == 1]
    assert {spot.ids[0] for spot in click_areas} == {people[0].id, people[1].id}
    text = "\n".join(drawing.plain)
    assert "[Ali]" in text and " Ali " in text


def test_every_size_from_small_to_large_stays_sound():
    people = crowd(40, seed=9)
    for width in range(44, 161, 13):
        for height in range(13, 51, 6):
            drawing = draw_map(people, width, height, selected=people[3].id)
            check_sound(drawing, people, width, height)
            for y, line in enumerate(map_shape(width, height).roles):
                assert len(line) == width, y


def test_rings_are_closed_lines_and_areas_are_dotted():
    shape = map_shape(78, 17)
    roles = {role for row in shape.roles for role in row}
    assert LINE in roles and DIVIDER in roles
    assert set(shape.runs) == {(ring, area) for ring in range(3) for area in range(5)}


def test_too_small_a_window_says_so_instead_of_squashing():
    drawing = draw_map(twelve(), 30, 8)
    assert "bigger window" in drawing.plain[0]
    assert all(cell_len(line) == 30 for line in drawing.plain)


def test_names_are_shortened_without_splitting_a_character():
    assert fit_name("Mrs Haddad (next door)", 10) == "Mrs Haddad"
    assert fit_name("Mum", 10) == "Mum"
    assert shorten("Bartholomew", 6) == "Barth…"
    assert cell_len(shorten("👵🏽👵🏽👵🏽👵🏽", 5)) <= 5
    assert shorten("Lou at the garden", 8) == "Lou at…"
    assert map_label("a\u202eb\u200dc  d") == "abc d"
    assert map_label("\u200b") == "?"


def test_legend_fits_the_width_it_is_given():
    counts = {Ring.VERY_CLOSE: 3, Ring.CLOSE: 6, Ring.FURTHER: 8}
    assert (
        legend(counts, 80)
        == "Rings from Me outwards: very close 3, close 6, further away 8.  [name] = chosen"
    )
    for width in range(5, 80):
        assert cell_len(legend(counts, width)) <= width
    assert "very close," in legend(None, 78)


def test_labels_sit_between_the_right_lines_by_geometry():
    """Checked against the circle itself, not the drawing's own bookkeeping, within a cell of rounding."""
    people = twelve() + crowd(60, seed=3)
    by_id = {person.id: person for person in people}
    for width, height in [(78, 17), (66, 16), (76, 33), (118, 33), (150, 53), (44, 13)]:
        shape = map_shape(width, height)
        drawing = draw_map(people, width, height)
        slack = 1.5 / ((height - 1) / 2)
        for spot in drawing.click_areas:
            person = by_id[spot.ids[0]]
            ring = RINGS.index(person.ring)
            low = shape.radii[ring - 1] if ring else 0.0
            r, degrees = shape.where((spot.x0 + spot.x1 - 1) / 2, spot.y)
            assert low - slack <= r <= shape.radii[ring] + slack, (width, height, person.name, r)
            sector = 360 / len(LIFE_AREAS)
            middle = -90 + LIFE_AREAS.index(person.area) * sector
            off = (degrees - middle + 180) % 360 - 180
            # Labels near the middle of the map can reach a little over a dotted line's angle.
            assert abs(off) <= sector / 2 + 12, (width, height, person.name, degrees)


@pytest.mark.parametrize("size", [(78, 17), (80, 17), (118, 33), (160, 40)])
def test_in_danish_me_the_life_areas_and_the_legend_are_whole_words(danish, size):
    width, height = size
    people = twelve()
    text = "\n".join(draw_map(people, width, height).plain)
    assert "│ Mig  │" in text and " Familie " in text
    # The corners: all in full words where there is room, else all short; never cut.
    full = ["Venner", "Naboer og bekendte", "Arbejde, skole og dagtilbud", "Professionelle og behandlere"]
    short = ["Venner", "Naboer", "Aktiviteter", "Professionelle"]
    assert all(word in text for word in full) or all(word in text for word in short)
    check_sound(draw_map(people, width, height, selected=people[0].id), people, width, height)
    counts = {Ring.VERY_CLOSE: 3, Ring.CLOSE: 6, Ring.FURTHER: 8}
    assert legend(counts, 80) == (
        "Cirkler fra mig og udad: tættest på 3, tæt på 6, længere væk 8.  [navn] = valgt"
    )
    for legend_width in range(5, 80):
        assert cell_len(legend(counts, legend_width)) <= legend_width


def test_the_map_drawn_in_english_then_danish_is_drawn_in_each_language():
    from imr_companion import i18n

    english = "\n".join(draw_map([], 78, 17).plain)
    i18n.use("da")
    danish = "\n".join(draw_map([], 78, 17).plain)
    assert "Family" in english and "Me" in english
    assert "Familie" in danish and "Family" not in danish and "Mig" in danish
