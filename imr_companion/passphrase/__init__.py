"""An optional passphrase: the data folder's files sealed at rest (store/files/codec.py), set, changed
and removed here for the command line and the app alike (ui/unlock/ asks for it on screen)."""
