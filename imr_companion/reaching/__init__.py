"""Reaching the person where they are: an icon to start the app, a calm line at login, and the
rhythm of check-ups after the program. Pure Python, no Textual: the command line uses it."""
