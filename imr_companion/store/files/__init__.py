"""The data folder's files: the crash-safe writer (storage), the one seam for their bytes (codec) and the
keys that seal them, the writer's lock, the folder itself, backups, and files a person names."""
