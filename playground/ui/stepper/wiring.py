"""The window's side of the stepper: ask the session for a traced step, show it in the stepper
panel with the layer in focus lit up in the network view, and apply or discard it when the
person says so. Where the stepper is in the step held goes into a saved project (place), and a project opened
with one traces that step again and goes back there (resume)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget

from playground.errors import PlaygroundError
from playground.project.bpp import StepperPlace
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
        self.asked: int | None = None  # the example of the last step asked for (None: its mini-batch)
        self.traced: int | None = None  # and of the step shown
        self.returning: StepperPlace | None = None  # where to go in the next step shown: a project's saved place

    def step_through(self, example: int | None = None) -> None:
        """Pause and trace one step: on training example `example`, or on the next mini-batch."""
        self.returning = None  # a step asked for now is shown from its start
        if example is not None:
            self.stepper.example_input.setValue(example)
        try:
            self.training.control().trace(example)
        except PlaygroundError as error:
            self.failed.emit(str(error))
            return
        self.asked = example
        self.tabs.setCurrentWidget(self.stepper)

    def resume(self, place: StepperPlace | None, examples: int) -> None:
        """A project opened with the step its stepper held (`place`; None: none): that step traced again from the
        state saved, which is the state before it, and shown where the stepper was. A PlaygroundError, tracing
        nothing, for an example that the `examples` of the training data do not have (the file is another's)."""
        if place is None:
            return
        if place.example is not None and place.example >= examples:
            raise PlaygroundError(self.tr("The step the stepper held is not shown: it was traced on training example "
                                          "{0}, but the data have {1} training examples. Step through a step again "
                                          "to see one.")
                                  .format(place.example, examples))
        self.step_through(place.example)
        self.returning = place

    def place(self) -> StepperPlace | None:
        """Where the stepper is in the step the session holds, for a saved project; None when it shows none."""
        return self.stepper.place(self.traced)

    def show_trace(self, snapshot: Snapshot) -> None:
        """The step a snapshot brings traced, in the stepper, which then takes the output side (room.py); at the
        place a project saved, when it was traced again for that."""
        self.traced = self.asked
        self.stepper.show_trace(snapshot.trace, self.training.worker.session.spec)
        returned, self.returning = self.returning, None
        if returned is not None:
            self.stepper.go_to_place(returned)
        self.tabs.setCurrentWidget(self.stepper)
        if returned is None:  # a project opened in this step: the window's message of the opening says so
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
