"""One module per area, each a Textual mode."""
