"""Unlocking the data when it has a passphrase, with Help now in reach before it (F1)."""
