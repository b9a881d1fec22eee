"""The one rule for every view that shows a training run: it shows the run in use, or nothing.

A view draws the newest snapshot of the run it shows. When that run is replaced (a reset, an
opened project, the network rebuilt after an edit) or discarded (another network, other data,
another backend), every view clears at once, and the next run's first snapshot draws them again.
Nothing from a discarded model stays on screen beside the new one's numbers: a plot forgets the
run's ranges (and a zoom) too, and auto-ranges again to the next run's data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from playground.session import Snapshot


class RunView(Protocol):
    def update_from(self, snapshot: Snapshot) -> None: ...

    def clear_run(self) -> None: ...  # not clear(): pyqtgraph's PlotWidget binds clear() to remove every item

    def isVisible(self) -> bool: ...  # noqa: N802 (Qt's name)


class RunViews:
    """The window's views of a run, drawn together and cleared together."""

    def __init__(self, views: Sequence[RunView]) -> None:
        self.views = tuple(views)
        self.run: int | None = None  # Snapshot.run of the run the views show; None when they show none

    def draw(self, snapshot: Snapshot) -> None:
        """Only what can be seen: views on hidden tabs catch up when their tab is chosen. Every
        millisecond here is one the training thread waits for Python's lock."""
        for view in self.views:
            if view.isVisible():
                view.update_from(snapshot)

    def clear(self) -> None:
        for view in self.views:
            view.clear_run()
        self.run = None
