"""The window's side of the stepper: ask the session for a traced step, show it in the stepper
panel with the layer in focus lit up in the network view, and apply or discard it when the
person says so."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget

from playground.errors import PlaygroundError
from playground.session import Snapshot
from playground.ui.network_view import NetworkView
from playground.ui.stepper.panel import StepperPanel
from playground.ui.training import Training

STEPPER_HEIGHT, MIN_OUTPUT_HEIGHT = 560, 200  # pixels
STEPPER_WIDTH, MIN_NETWORK_WIDTH = 720, 380


class StepperWiring(QObject):
    failed = Signal(str)  # a step that could not be traced, and why
    message = Signal(str)  # what the person can do with the step shown

    def __init__(self, stepper: StepperPanel, network_view: NetworkView, tabs: QTabWidget,
                 output_splitter: QSplitter, splitter: QSplitter, training: Training) -> None:
        """`tabs` hold the stepper; `output_splitter` shares its height with the output view above it,
        and `splitter` (data, network, output) the width of the output column with the network view."""
        super().__init__(stepper)
        self.stepper, self.network_view, self.tabs, self.training = stepper, network_view, tabs, training
        self.output_splitter, self.splitter = output_splitter, splitter
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
        """The step a snapshot brings traced, in the stepper, given the room its heatmaps need."""
        self.stepper.show_trace(snapshot.trace, self.training.worker.session.spec)
        self.tabs.setCurrentWidget(self.stepper)
        sizes = self.output_splitter.sizes()
        if sizes[1] < STEPPER_HEIGHT <= sum(sizes) - MIN_OUTPUT_HEIGHT:  # room for the heatmaps, at the output's cost
            self.output_splitter.setSizes([sum(sizes) - STEPPER_HEIGHT, STEPPER_HEIGHT])
        data, network, output = self.splitter.sizes()
        wider = min(STEPPER_WIDTH - output, network - MIN_NETWORK_WIDTH)  # and width, at the network view's
        if wider > 0:
            self.splitter.setSizes([data, network - wider, output + wider])
        self.message.emit(self.tr("Stepping through step {0}: Apply update trains on it, Discard leaves the "
                                  "weights as they are").format(snapshot.step + 1))

    def leave(self) -> None:
        """Nothing traced on show: the stepper empty, no layer lit."""
        self.stepper.clear()
        self.network_view.highlight_layer(None)

    def _apply_step(self) -> None:
        if self.training.worker is not None:
            self.training.worker.control.apply_trace()
        self.leave()

    def _discard_step(self) -> None:
        if self.training.worker is not None:
            self.training.worker.control.discard_trace()
        self.leave()

    def _phase_changed(self, path: str, direction: str) -> None:
        lit = path if path and direction in ("forward", "backward") else None
        self.network_view.highlight_layer(lit, direction if lit else "forward")
