"""Pure drawing logic: text, sizes and shapes in, lines out. Never imports Textual."""
