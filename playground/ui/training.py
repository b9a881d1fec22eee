"""The window's training session and the worker that runs it: at most one at a time, started paused
when a command needs it, stopped and dropped when what it trains changes. Its snapshots and
failures come out of this object only while its worker is the current one, so that nothing a
dropped worker had already sent reaches the window.

A running session exports its state between steps (Control.export) and the next snapshot brings
it; whoever asked for it gets it then, before the snapshot goes on to the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from playground.data import Dataset
from playground.project.bpp import Project
from playground.session import Session, Snapshot, session_for
from playground.session.config import Control
from playground.ui.controls import ControlBar
from playground.ui.worker import TrainingWorker


class Training(QObject):
    snapshot = Signal(object)  # each Snapshot of the current worker
    failed = Signal(str)

    def __init__(self, controls: ControlBar, new_session: Callable[[], Session], parent: QObject | None = None) -> None:
        """`controls`: the settings, which apply to the running session as the person changes them;
        `new_session`: a session, paused, on the network, data and settings the window shows, for a
        command that needs one when none runs (a PlaygroundError when they cannot train)."""
        super().__init__(parent)
        self.controls, self._new_session = controls, new_session
        self.worker: TrainingWorker | None = None
        self._exports: list[Callable[[Session, tuple], object]] = []  # who waits for the running session's state
        self.watching: tuple[bool, int | None] = (False, None)  # what the views of image layers ask snapshots for
        controls.learning_rate_input.committed.connect(self._learning_rate_changed)
        controls.batch_size_input.committed.connect(self._batch_size_changed)
        controls.optimizer_selector.currentIndexChanged.connect(
            lambda _: self._optimizer_changed(controls.optimizer_selector.currentData()))
        controls.regularization_selector.currentIndexChanged.connect(self._regularization_changed)
        controls.regularization_rate_input.committed.connect(self._regularization_changed)
        controls.speed_selector.currentIndexChanged.connect(self._pace_changed)
        controls.stop_at_input.committed.connect(self._stop_at_changed)

    def control(self) -> Control:
        """The session's commands; a session is started, paused, when none runs."""
        if self.worker is None:
            self.start(self._new_session())
        return self.worker.control

    def continuing(self, project: Project, dataset: Dataset) -> Session:
        """A session, paused, that goes on training `project` on `dataset` from where it was saved."""
        return session_for(project, dataset, start_paused=True, backend=self.controls.backend_selector.currentData(),
                           pace=project.pace, stop_at_epoch=project.stop_at_epoch)

    def start(self, session: Session) -> None:
        self.worker = TrainingWorker(session, self)
        self.worker.snapshot.connect(self._received)
        self.worker.failed.connect(self.failed)
        if self.watching != (False, None):
            self.worker.control.watch_images(*self.watching)
        # The epoch to stop at is the window's: a project opened shows its own first, a run Undo brings back
        # goes on to the one shown.
        self.worker.control.stop_at_epoch(self.controls.stop_at_epoch())
        self.worker.start()

    def watch_images(self, kernels: bool, image: int | None) -> None:
        """What snapshots carry for the views of image layers, from the running session and every one after it:
        the kernels, the feature maps of test image `image` (Control.watch_images)."""
        if (kernels, image) != self.watching:
            self.watching = (kernels, image)
            if self.worker is not None:
                self.worker.control.watch_images(kernels, image)

    def drop(self) -> Session | None:
        """Stop the worker and let it go, with any export it had not sent yet; the session it ran, stopped."""
        worker, self.worker, self._exports = self.worker, None, []
        if worker is None:
            return None
        # Stop listening first: what the worker had already sent shows a run that is gone.
        worker.snapshot.disconnect(self._received)
        worker.failed.disconnect(self.failed)
        worker.stop()
        worker.deleteLater()
        return worker.session

    def export_state(self, use: Callable[[Session, tuple], object]) -> None:
        """Ask the running session for its state between steps: `use` gets the session and that state
        when the next snapshot brings it."""
        self._exports.append(use)
        self.worker.control.export()

    @property
    def exporting(self) -> bool:
        """Whether a state asked for has not come yet."""
        return bool(self._exports)

    def _learning_rate_changed(self, value: float) -> None:
        if self.worker is not None:
            self.worker.control.set_learning_rate(value)

    def _regularization_changed(self, _: object) -> None:
        penalties = self.controls.regularization()
        if self.worker is not None and penalties is not None:
            self.worker.control.set_regularization(*penalties)

    def _batch_size_changed(self, value: int) -> None:
        if self.worker is not None:
            self.worker.control.set_batch_size(value)

    def _pace_changed(self) -> None:
        if self.worker is not None:
            self.worker.control.set_pace(self.controls.pace())

    def _stop_at_changed(self) -> None:
        if self.worker is not None:
            self.worker.control.stop_at_epoch(self.controls.stop_at_epoch())

    def _optimizer_changed(self, kind: str) -> None:
        if self.worker is not None:
            self.worker.control.set_optimizer(kind)

    def _received(self, snapshot: Snapshot) -> None:
        if snapshot.exported is not None:
            uses, self._exports, session = self._exports, [], self.worker.session
            for use in uses:
                use(session, snapshot.exported)
        self.snapshot.emit(snapshot)
