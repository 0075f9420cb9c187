"""Things that help me: the coping toolbox, the strategies that helped most first.

Opened over My plan or Help now (`CompanionApp.open_toolbox`), so Esc goes
back to where the person was. Each row shows how well a strategy helped as
filled marks (●●●●○), never by colour, then how often and when it was last tried.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from imr_companion.i18n import N_, _
from imr_companion.models.coping import CopingStrategy, CopingTry, marks, tries_words
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.coping import strategies, words
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.common.own_words import plain
from imr_companion.ui.keys.tools import TOOLBOX


def origin_words(strategy: CopingStrategy) -> str:
    """Where a strategy came from, in a few words."""
    option = strategy.option
    if option is not None:
        number = {"coping-with-stress": 8, "coping-with-problems": 9}.get(option[0])
        return _("From module {number}.").format(number=number) if number else _("From a module.")
    if strategy.source.startswith("plan:"):
        return _("From your plan: what has helped.")
    return _("In your own words.")


class ToolboxScreen(Dialog[None]):
    DEFAULT_CSS = """
    ToolboxScreen > .dialog { width: 78; height: 22; padding: 0 1; }
    ToolboxScreen #toolbox-intro { color: $text-muted; height: auto; }
    ToolboxScreen RowList { height: 1fr; margin-top: 1; }
    ToolboxScreen #toolbox-detail { height: 2; color: $text-muted; }
    ToolboxScreen .buttons { height: 1; margin-top: 0; }
    ToolboxScreen .buttons Button { margin-left: 2; min-width: 0; }
    """
    BINDINGS = TOOLBOX.bindings()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Things that help me")
            yield Static("", id="toolbox-intro")
            yield RowList(id="strategies")
            yield Static("", id="toolbox-detail")
            with Horizontal(classes="buttons"):
                for label, action in [
                    (N_("Add ({key})"), "add"),
                    (N_("Tried it ({key})"), "tried"),
                    (N_("Delete ({key})"), "delete"),
                ]:
                    yield Button(_(label).format(key=key_for(self, action)), id=action, compact=True)
                yield Button(_("Back (esc)"), id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(RowList).focus()

    @property
    def strategy(self) -> CopingStrategy | None:
        row = self.query_one(RowList).current
        return self._by_id.get(row.key) if row and row.key else None

    def refresh_data(self, keep: str | None = None) -> None:
        shown = strategies(self.companion.database)
        self._by_id = {s.id: s for s in shown}
        rows = [Row(f"{marks(s.how_well)}  {words(s)}", s.id, tries_words(s)) for s in shown]
        row_list = self.query_one(RowList)
        current = row_list.current
        row_list.set_rows(rows, keep or (current.key if current else None))
        if rows:
            intro = _(
                "What you have tried, the ones that helped most first. "
                "●●●●○ is how well it helped, from 1 to 5."
            )
        else:
            intro = _(
                "Nothing here yet. Press {key} to add something that helps you: "
                "from modules 8 and 9, from your plan, or in your own words."
            ).format(key=key_for(self, "add"))
        self.query_one("#toolbox-intro", Static).update(intro)
        self._show_detail()
        for button in ("tried", "delete"):
            self.query_one(f"#{button}", Button).display = bool(rows)

    @on(RowList.Highlighted)
    def _show_detail(self) -> None:
        strategy = self.strategy
        detail = self.query_one("#toolbox-detail", Static)
        if strategy is None:
            detail.update("")
            return
        detail.update(plain(f"{words(strategy)}\n{origin_words(strategy)} {tries_words(strategy)}"))

    def action_undo(self) -> None:
        self.companion.action_undo()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        from imr_companion.ui.coping.add import AddStrategy

        def added(strategy_id: str | None) -> None:
            if strategy_id:
                self.refresh_data(keep=strategy_id)
                self.query_one(RowList).focus()

        self.app.push_screen(AddStrategy(), added)

    @on(Button.Pressed, "#tried")
    def action_tried(self) -> None:
        strategy = self.strategy
        if strategy is None:
            return
        from imr_companion.ui.coping.tried import TriedIt

        def rated(helped: int | None) -> None:
            if helped is not None:
                self._record(strategy.id, helped)

        self.app.push_screen(TriedIt(words(strategy)), rated)

    def _record(self, strategy_id: str, helped: int) -> None:
        repository = Repository.of(self.companion.database, CopingStrategy)
        stored = repository.get(strategy_id)
        if stored is None:
            return
        try:
            repository.save(stored.touched(tries=[*stored.tries, CopingTry(helped=helped)]))
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(_("Saved: {helped} of 5.").format(helped=helped))
        self.refresh_data(keep=strategy_id)

    @on(Button.Pressed, "#delete")
    def action_delete(self) -> None:
        strategy = self.strategy
        if strategy is None:
            return
        from imr_companion.ui.common.dialogs.confirm import confirm_then_remove

        repository = Repository.of(self.companion.database, CopingStrategy)
        undo = key_for(type(self.app), "undo")
        confirm_then_remove(
            self,
            _("Delete “{words}” and its tries from things that help you?").format(words=words(strategy)),
            lambda: repository.remove(strategy.id),
            records=((repository, strategy.id),),
            done=self.refresh_data,
            removed=_("Deleted. {key} brings it back.").format(key=undo),
            undone=_("It is back among the things that help you."),
        )
