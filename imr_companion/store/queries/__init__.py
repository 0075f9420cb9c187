"""Per-area reads and writes that several screens share."""
