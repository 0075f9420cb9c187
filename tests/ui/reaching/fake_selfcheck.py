"""A stand-in for ui/selfcheck's form in the check-up's walk: saved as soon as it is shown."""

from textual.screen import Screen


class SavedAtOnce(Screen[object]):
    def on_mount(self) -> None:
        # Once it is on the screen stack: with eager tasks (Python 3.12 and later, as App.run
        # has them) a screen mounts before it is pushed, and a dismiss then has nothing to close.
        self.call_after_refresh(self._saved)

    def _saved(self) -> None:
        self.dismiss(object())
