"""The window's side of the stepper (a mixin of MainWindow): ask the session for a traced step,
show it in the stepper panel with the layer in focus lit up in the network view, and apply or
discard it when the person says so."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow, QTabWidget

from playground.errors import PlaygroundError
from playground.session import Snapshot
from playground.ui.network_view import NetworkView
from playground.ui.stepper.panel import StepperPanel


class StepperWiring(QMainWindow):
    stepper: StepperPanel
    network_view: NetworkView
    plot_tabs: QTabWidget
    worker: Any
    network_panel: Any

    def _connect_stepper(self) -> None:
        self.stepper.batch_requested.connect(self.step_through)
        self.stepper.apply_requested.connect(self._apply_step)
        self.stepper.discard_requested.connect(self._discard_step)
        self.stepper.phase_changed.connect(self._phase_changed)

    def step_through(self, example: int | None = None) -> None:
        """Pause and trace one step: on training example `example`, or on the next mini-batch."""
        if example is not None:
            self.stepper.example_input.setValue(example)
        try:
            self._session().control.trace(example)
        except PlaygroundError as error:
            self._failed(str(error))
            return
        self.plot_tabs.setCurrentWidget(self.stepper)

    def _trace_received(self, snapshot: Snapshot) -> None:
        self.stepper.show_trace(snapshot.trace, self.worker.session.spec)
        self.plot_tabs.setCurrentWidget(self.stepper)  # the stepper takes the output side (room.py)
        self.statusBar().showMessage(self.tr("Stepping through step {0}: Apply update trains on it, Discard leaves the "
                                             "weights as they are").format(snapshot.step + 1))

    def _apply_step(self) -> None:
        if self.worker is not None:
            self.worker.control.apply_trace()
        self._leave_stepper()

    def _discard_step(self) -> None:
        if self.worker is not None:
            self.worker.control.discard_trace()
        self._leave_stepper()

    def _leave_stepper(self) -> None:
        self.stepper.clear()
        self.network_view.highlight_layer(None)

    def _phase_changed(self, path: str, direction: str) -> None:
        lit = path if path and direction in ("forward", "backward") else None
        self.network_view.highlight_layer(lit, direction if lit else "forward")
