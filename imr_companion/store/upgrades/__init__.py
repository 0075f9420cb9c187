"""Upgrading an older data file: the migrations, oldest first, and the data frozen beside them."""
