"""The one list with a cursor (cursor_list) and the one-line rows built on it (row_list)."""
