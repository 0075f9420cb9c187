"""How long the text a person types may be: checked by the models, offered by the fields.

Plain numbers, apart from the models, so that a screen drawn before pydantic
is imported (the first-run welcome) can use them too.
"""

# Generous limits: long enough for anything a person writes by hand, short
# enough that a stray paste cannot make the data file unwieldy.
SHORT_TEXT = 200
LONG_TEXT = 4000
