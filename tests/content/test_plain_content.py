"""The handouts read without pydantic are the handouts the pydantic models read, word for word."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from imr_companion import content
from imr_companion.content import ContentError, handout_data, parse_handout
from tests.content import models
from tests.content.test_content import GOOD


def _plain(value: object) -> object:
    """Named tuples as dicts, other tuples as lists, all the way down: what both readings hold,
    compared as data."""
    if hasattr(value, "_asdict"):
        return _plain(value._asdict())
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


@pytest.mark.parametrize("language", ["en", "da"])
def test_every_module_reads_the_same_as_through_the_pydantic_models(language: str):
    files = sorted(e for e in content.folder(language).iterdir() if e.name.endswith(".md"))
    assert len(files) == 11
    for entry in files:
        text = entry.read_text(encoding="utf-8")
        read = parse_handout(text, entry.name, language)
        modelled = models.Handout.model_validate(handout_data(text, entry.name, language))
        assert _plain(read) == _plain(modelled.model_dump()), entry.name
    # What the app shows is these handouts, each read once, the fallback's where a module is missing.
    assert [h.number for h in content.library(language)] == list(range(1, 12))


_RATING = 'kind = "rating"'
_ENDS = 'low = "Low"\nhigh = "High"\n'


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t,
        lambda t: t.replace("number = 1", "number = 0"),
        lambda t: t.replace("number = 1", "number = 100"),
        lambda t: t.replace("minutes = 5", "minutes = 5.5"),
        lambda t: t.replace("minutes = 5", "minutes = 121"),
        lambda t: t.replace('title = "Sample"', 'title = ""'),
        lambda t: t.replace('title = "Sample"', f'title = "{"x" * 201}"'),
        lambda t: t.replace('summary = "A sample."\n', ""),
        lambda t: t.replace('["one-thing: Try one thing."]', "[]"),
        lambda t: t.replace('["one-thing: Try one thing."]', '["a: A", "b: B", "c: C", "d: D"]'),
        lambda t: t.replace('["one-thing: Try one thing."]', '["a: A", "b: B", "c: C"]'),
        lambda t: t.replace('id = "sample"', 'id = "Sample"'),
        lambda t: t.replace('id = "sample"', f'id = "{"s" * 31}"'),
        lambda t: t.replace(_RATING, 'kind = "essay"'),
        lambda t: t.replace(_RATING, 'kind = "tool"\ntool = "moon"').replace(_ENDS, ""),
        lambda t: t.replace(_RATING, 'kind = "tool"\ntool = "plan"').replace(_ENDS, ""),
        lambda t: t.replace(_RATING, 'kind = "text"').replace(_ENDS, ""),
        lambda t: t.replace(_RATING, 'kind = "text"\nhint = "' + "h" * 301 + '"').replace(_ENDS, ""),
        lambda t: t.replace(_RATING, 'kind = "text"\nallow_other = true').replace(_ENDS, ""),
        lambda t: t.replace(_RATING, 'kind = "choice"\noptions = ["a: A", "b: A"]').replace(_ENDS, ""),
        lambda t: t.replace(
            _RATING, 'kind = "checklist"\noptions = ["a: A", "b: B"]\nallow_other = true'
        ).replace(_ENDS, ""),
        lambda t: t.replace('low = "Low"', 'low = "' + "l" * 41 + '"'),
        lambda t: t.replace('high = "High"\n', ""),
        lambda t: t.replace('prompt = "How do you feel?"', "prompt = 3"),
        lambda t: t.replace("+++\n\n## First", '[[sheets]]\nid = "x"\ntitle = ""\n+++\n\n## First'),
        lambda t: t.replace("+++\n\n## First", '[[words]]\nword = "Sample"\nmeaning = 7\n+++\n\n## First'),
    ],
)
def test_a_mistake_the_models_refuse_is_refused_and_nothing_else(change):
    text = change(GOOD)
    try:
        models.Handout.model_validate(handout_data(text, "sample.md"))
    except ValidationError:
        with pytest.raises(ContentError, match=r"sample\.md"):
            parse_handout(text, "sample.md")
    else:
        parse_handout(text, "sample.md")


def test_a_number_is_a_whole_number_not_true_or_five_point_nought():
    # Stricter than pydantic's lax mode, which reads true as 1 and 5.0 as 5: a writer's slip.
    for written in ("number = true", "number = 1.0"):
        with pytest.raises(ContentError, match="number: should be a whole number"):
            parse_handout(GOOD.replace("number = 1", written), "sample.md")
