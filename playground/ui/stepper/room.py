"""Room for the stepper in the window: while it shows a step, the data column, the layer table and the
pictures above the plots fold away and the output side widens, so that the step's formulas, heatmaps
and chain rule fit without scrolling beside the network view, which lights the layer in focus. They
come back as they were when the step is applied or discarded, or when another tab is chosen."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from playground.ui.stepper.panel import StepperPanel

KEPT_SHARE = 1 / 3  # of the width, for each column beside the stepper's: the network view's layers stay apart


class StepperRoom(QObject):
    """Folds `folded` away while `stepper` shows a step in `tabs`, and gives the column of `columns` that holds
    `tabs` the width that the other columns leave."""

    def __init__(self, stepper: StepperPanel, tabs: QTabWidget, columns: QSplitter, folded: list[QWidget]) -> None:
        super().__init__(stepper)
        self.stepper, self.tabs, self.columns, self.folded = stepper, tabs, columns, folded
        self.active = False
        self._restore: list[tuple[QSplitter, list[int]]] = []
        self._folded_now: list[QWidget] = []  # those of `folded` that were shown: they come back
        stepper.step_shown.connect(lambda _: self._follow())
        tabs.currentChanged.connect(lambda _: self._follow())

    def _follow(self) -> None:
        stepping = self.tabs.currentWidget() is self.stepper and self.stepper.current_phase() >= 0
        if stepping != self.active:
            self._make_room() if stepping else self._give_back()

    def _make_room(self) -> None:
        self.active = True
        splitters = dict.fromkeys([self.columns, *(widget.parentWidget() for widget in self.folded)])
        self._restore = [(splitter, splitter.sizes()) for splitter in splitters if isinstance(splitter, QSplitter)]
        total = sum(self.columns.sizes())
        self._folded_now = [widget for widget in self.folded if not widget.isHidden()]
        for widget in self._folded_now:
            widget.hide()
        # The stepper first gets the width it needs; each other column keeps up to a third, and its minimum.
        output = next(k for k in range(self.columns.count()) if self.columns.widget(k).isAncestorOf(self.tabs))
        others = [k for k in range(self.columns.count()) if k != output and not self.columns.widget(k).isHidden()]
        spare = (total - self.stepper.least_width()) // max(len(others), 1)
        sizes = [0] * self.columns.count()
        for k in others:
            sizes[k] = max(self.columns.widget(k).minimumSizeHint().width(), min(spare, int(total * KEPT_SHARE)))
        sizes[output] = total - sum(sizes)
        self.columns.setSizes(sizes)

    def _give_back(self) -> None:
        self.active = False
        for widget in self._folded_now:
            widget.show()
        for splitter, sizes in self._restore:
            splitter.setSizes(sizes)
