"""The window's side of the stepper: ask the session for a traced step, show it in the stepper
panel with the layer in focus lit up in the network view, and apply or discard it when the
person says so."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget

from playground.errors import PlaygroundError
from playground.session import Snapshot
from playground.ui.network_view import NetworkView
from playground.ui.stepper.panel import StepperPanel
from playground.ui.training import Training


class StepperWiring(QObject):
    failed = Signal(str)  # a step that could not be traced, and why
    message = Signal(str)  # what the person can do with the step shown

    def __init__(self, stepper: StepperPanel, network_view: NetworkView, tabs: QTabWidget,
                 training: Training) -> None:
        """`tabs` hold the stepper."""
        super().__init__(stepper)
        self.stepper, self.network_view, self.tabs, self.training = stepper, network_view, tabs, training
        stepper.batch_requested.connect(self.step_through)
        stepper.apply_requested.connect(self._apply_step)
        stepper.discard_requested.connect(self._discard_step)
        stepper.phase_changed.connect(self._phase_changed)

    def step_through(self, example: int | None = None) -> None:
        """Pause and trace one step: on training example `example`, or on the next mini-batch."""
        if example is not None:
            self.stepper.example_input.setValue(example)
        try:
            self.training.control().trace(example)
        except PlaygroundError as error:
            self.failed.emit(str(error))
            return
        self.tabs.setCurrentWidget(self.stepper)

    def show_trace(self, snapshot: Snapshot) -> None:
        """The step a snapshot brings traced, in the stepper, which then takes the output side (room.py)."""
        self.stepper.show_trace(snapshot.trace, self.training.worker.session.spec)
        self.tabs.setCurrentWidget(self.stepper)
        self.message.emit(self.tr("Stepping through step {0}: Apply update trains on it, Discard leaves the "
                                  "weights as they are").format(snapshot.step + 1))

    def leave(self) -> None:
        """Nothing traced on show: the stepper empty, no layer lit."""
        self.stepper.clear()
        self.network_view.highlight_layer(None)

    def dropped(self, running: bool) -> None:
        """The session no longer holds the step shown (training, a step or a setting moved on since it was traced):
        it could not be applied, so it goes; unless training runs, say why."""
        self.leave()
        if not running:
            self.message.emit(self.tr("The step shown was dropped: the network or a setting changed since it was "
                                      "traced. Step through again to see the next step as it now is."))

    def _apply_step(self) -> None:
        if self.training.worker is not None:
            self.training.worker.control.apply_trace()
        self.leave()
        self.message.emit(self.tr("The step was applied: the network trained on it."))  # not "Stepping through"

    def _discard_step(self) -> None:
        if self.training.worker is not None:
            self.training.worker.control.discard_trace()
        self.leave()
        self.message.emit(self.tr("The step was discarded: the weights are as they were before it."))

    def _phase_changed(self, path: str, direction: str) -> None:
        lit = path if path and direction in ("forward", "backward") else None
        self.network_view.highlight_layer(lit, direction if lit else "forward")
