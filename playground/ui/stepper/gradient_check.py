"""The finite-difference check of a traced step in the stepper: run off the GUI thread in float64 on the step's
weights and batch, and shown for the layer in focus."""

from __future__ import annotations

import numpy
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from superqt.utils import thread_worker

from playground.engine import GradCheckReport, Network, NetworkSpec, StepTrace, gradient_check
from playground.engine.gradcheck import TOLERANCE


@thread_worker
def _gradient_check(token: int, spec: NetworkSpec, state: dict, x: numpy.ndarray,
                    y: numpy.ndarray) -> tuple[int, GradCheckReport]:
    net = Network(spec, "numpy", "float64")
    net.load_state_dict(state)
    return token, gradient_check(net, x, y)


class GradientCheck(QLabel):
    """The result of the finite-difference check of a traced step, for the layer in focus; its button
    (placed by the panel) runs the check off the GUI thread on the step's weights and batch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="stepperCheckResult", wordWrap=True)
        self.button = QPushButton(self.tr("Check this gradient"), objectName="stepperCheckButton")
        self.button.setToolTip(self.tr("Compare this layer's gradients with finite differences in float64"))
        self.button.clicked.connect(self.run)
        self.report: GradCheckReport | None = None
        self.trace: StepTrace | None = None
        self.spec: NetworkSpec | None = None
        self.path = ""
        self.running = False
        self._token = 0  # which step a running check belongs to: a late result for an older one is dropped

    def set_step(self, trace: StepTrace | None, spec: NetworkSpec | None) -> None:
        self.trace, self.spec, self.report = trace, spec, None
        self._token += 1
        self.clear()
        self.button.setEnabled(trace is not None and not self.running)

    def run(self) -> None:
        if self.trace is None or self.running:
            return
        self.running = True
        self.button.setEnabled(False)
        self.setText(self.tr("Checking against finite differences…"))
        x, y = self.trace.forward[0].input.T, self.trace.target.T  # rows; one-hot targets read as probabilities
        worker = _gradient_check(self._token, self.spec, self.trace.state_before, x, y)
        worker.returned.connect(self._checked)
        worker.errored.connect(self._failed)
        worker.finished.connect(self._finished)
        worker.start()

    def _checked(self, result: tuple[int, GradCheckReport]) -> None:
        token, report = result
        if token == self._token:
            self.report = report
            self.show_for(self.path)

    def _failed(self, error: Exception) -> None:
        self.setText(self.tr("The gradient check failed to run: {0}").format(error))

    def _finished(self) -> None:
        self.running = False
        self.button.setEnabled(self.trace is not None)

    @property
    def shown(self) -> dict[str, float]:
        """Max relative error by parameter: the layer's, or every one for the loss and the update ("")."""
        if self.report is None:
            return {}
        return {check.name: check.max_relative_error for check in self.report.checks
                if not self.path or check.name.startswith(f"{self.path}.")}

    def show_for(self, path: str) -> None:
        self.path = path
        if self.report is None:
            return
        shown = self.shown
        if not shown:
            self.setText(self.tr("Layer {0} has no parameters; across the network the largest relative error "
                                 "is {1:.1e}.").format(path, self.report.max_relative_error))
            return
        verdict = self.tr("agree") if max(shown.values()) < TOLERANCE else self.tr("DISAGREE")
        errors = ", ".join(f"{name} {error:.1e}" for name, error in shown.items())
        self.setText(self.tr("Finite differences and the hand-written gradients {0} (max relative error {1}; "
                             "below {2:.0e} agrees).").format(verdict, errors, TOLERANCE))
