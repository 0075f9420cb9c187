"""IMR Companion: a private, offline companion for Illness Management and Recovery."""

import os

__version__ = "0.1.0"

# Pydantic loads any installed plugin (some send data to online services).
# Nothing may see the person's data, and skipping the search also saves
# start-up time.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
