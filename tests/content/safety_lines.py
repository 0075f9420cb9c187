"""Safety lines each handout keeps in both languages, per module.

For every module, pairs of (English pattern, Danish pattern): regular expressions
searched case-insensitively in the module's whole text (sections, prompts, hints,
options, practice tasks). A pair says: this safety line exists in English and in
Danish. test_danish_content.py fails when either language loses one.
"""

from __future__ import annotations

SAFETY: dict[int, tuple[tuple[str, str], ...]] = {}

# Module 1: Recovery strategies
SAFETY[1] = (
)

# Module 2: Practical facts about mental illness
SAFETY[2] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 3: The stress-vulnerability model and treatment
SAFETY[3] = (
)

# Module 4: Building social support
SAFETY[4] = (
)

# Module 5: Using medication effectively
SAFETY[5] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 6: Drug and alcohol use
SAFETY[6] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 7: Reducing relapses
SAFETY[7] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
    # Danger: get help at once, and where the numbers for where you live are.
    (r"harm yourself or are in danger, get help right away", r"skade dig selv.{0,40}få hjælp med det samme"),
    (r"Help now \(F1\) shows the numbers for where you live", r"Hjælp nu \(F1\) viser numrene, der hvor"),
    # Medicine changes are talked over with the doctor first.
    (r"talk it over with your doctor first", r"tal med lægen først"),
)

# Module 8: Coping with stress
SAFETY[8] = (
)

# Module 9: Coping with problems and persistent symptoms
SAFETY[9] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 10: Getting your needs met in the mental health system
SAFETY[10] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 11: Healthy lifestyles
SAFETY[11] = (
)
