"""Each action with a key, declared once (declared.py); the person's own keys (keymap.py)."""
