"""Safety lines each handout keeps in both languages, per module.

For every module, pairs of (English pattern, Danish pattern): regular expressions
searched case-insensitively in the module's whole text (sections, prompts, hints,
options, practice tasks). A pair says: this safety line exists in English and in
Danish. test_danish_content.py fails when either language loses one.
"""

from __future__ import annotations

SAFETY: dict[int, tuple[tuple[str, str], ...]] = {}

# Module 1: Recovery strategies
# No section touches danger; a relapse is named as no failure, in both languages.
SAFETY[1] = (
    (r"They are not a failure", r"Det er ikke et nederlag"),
)

# Module 2: Practical facts about mental illness
SAFETY[2] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
    (
        r"Help now \(F1\) shows the numbers for where you live",
        r"Hjælp nu \(F1\) viser numrene, der hvor du bor",
    ),
    # Bipolar sheet: thoughts of self-harm, get help at once.
    (
        r"thoughts of hurting yourself, get help at once",
        r"tanker om at skade dig selv, så få hjælp med det samme",
    ),
    # Depression sheet: thoughts of ending one's life; danger now.
    (r"thoughts of ending your life, you are not alone", r"tanker om at tage dit liv, er du ikke alene"),
    (r"in danger now, call the emergency number", r"i fare nu, så ring 112"),
    # The first weeks on an antidepressant: tell the doctor at once.
    (
        r"first weeks on an antidepressant, tell your doctor at once",
        r"første uger med antidepressiv medicin skal du sige det til din læge med det samme",
    ),
)

# Module 3: The stress-vulnerability model and treatment
SAFETY[3] = (
    # Cannabis can make psychosis worse.
    (r"Cannabis, also called weed, can make psychosis worse", r"Hash kan gøre psykose værre"),
    # Medicine is taken as agreed with the doctor (never changed alone).
    (r"Take my medicine as agreed with my doctor", r"Tage min medicin, som jeg har aftalt med lægen"),
)

# Module 4: Building social support
SAFETY[4] = (
    # Being hurt, threatened or robbed is named, never the person's fault, with a way to help.
    (r"hurt you, threaten you", r"slå dig, true dig"),
    (r"never your fault", r"aldrig din skyld"),
    (r"in danger now, get help at once", r"i fare nu, så ring 112"),
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 5: Using medication effectively
SAFETY[5] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
    # Blood tests in the text, not only on the Words page.
    (r"lithium[^.]*blood tests", r"lithium[^.]*blodprøver"),
    (r"clozapine is an antipsychotic[^\n]*blood tests", r"clozapin er antipsykotisk[^\n]*blodprøver"),
    # Two urgencies, each with its own list.
    (r"get help at once if you notice", r"få hjælp med det samme, hvis du mærker"),
    (r"the same day if you notice", r"samme dag, hvis du mærker"),
    (r"clozapine: constipation", r"clozapin: forstoppelse"),
    (r"lithium: a fever, throwing up or diarrhoea", r"lithium: feber, opkast eller tynd mave"),
    (r"painkillers and water pills", r"smertestillende og noget vanddrivende"),
    (r"anti-anxiety[^\n]*do not stop them suddenly", r"angstdæmpende[^\n]*stop ikke pludselig"),
    (r"first weeks on an antidepressant", r"første uger med antidepressiv"),
    (r"new thoughts of hurting yourself", r"nye tanker om at skade dig selv"),
    (r"already stopped a medicine\. You can still tell", r"allerede stoppet en medicin\. Du kan stadig"),
)

# Module 6: Drug and alcohol use
SAFETY[6] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
    # Withdrawal: not stopped all at once, and the signs that need help at once.
    (r"drink a lot every day, stopping all at once can be dangerous", r"farligt at stoppe helt på én gang"),
    (r"calming pills and sleeping pills[^\n]*dangerous", r"beroligende piller og sovepiller[^\n]*farligt"),
    (r"fits, become confused", r"kramper, bliver du forvirret"),
    # Opioids: naloxone, and help at once when someone will not wake up.
    (r"naloxone", r"naloxon"),
    (r"will not wake up[^.]*call for help at once", r"ikke vækkes[^.]*ring 112 med det samme"),
    (r"no pass or fail", r"ingen, der består eller dumper"),
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
    # The relaxation skills stop before they harm: dizziness, pain.
    (r"If you feel dizzy", r"Bliver du svimmel"),
    (r"Don't squeeze so hard that it hurts", r"Spænd ikke så hårdt, at det gør ondt"),
)

# Module 9: Coping with problems and persistent symptoms
SAFETY[9] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
    # Voices that give orders are told to the care team, even when the person will not obey them.
    (r"even if you do not plan to obey", r"selv om du ikke har tænkt dig at adlyde"),
    (r"hurt yourself or someone else.{0,60}get help at once", r"dig selv eller andre.{0,60}få hjælp"),
    (r"protect yourself by hurting someone, get help", r"beskytte dig ved at skade nogen, så få hjælp"),
    (r"thoughts of hurting yourself, you do not have to", r"tanker om at skade dig selv, skal du ikke"),
    (r"hurt someone, or yourself, move away from the person", r"skade nogen eller dig selv, så gå væk fra"),
    # Medicine and sleep: talked over with the doctor.
    (r"talk with your doctor", r"tal med din læge"),
)

# Module 10: Getting your needs met in the mental health system
SAFETY[10] = (
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)

# Module 11: Healthy lifestyles
SAFETY[11] = (
    # Stopping or cutting down smoking raises the level of some medicines: tell the doctor.
    (r"clozapine", r"clozapin"),
    (r"stop or cut down, tell your doctor", r"skærer ned, skal du derfor fortælle det til din læge"),
    # A big change in sleep can be an early warning sign: tell the care team.
    (r"early warning sign", r"tidligt advarselstegn"),
    (r"Help now \(F1\)", r"Hjælp nu \(F1\)"),
)
