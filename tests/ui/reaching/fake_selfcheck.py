"""A stand-in for ui/selfcheck's form in the check-up's walk: saved as soon as it is shown."""

from textual.screen import Screen


class SavedAtOnce(Screen[object]):
    def on_mount(self) -> None:
        self.dismiss(object())
