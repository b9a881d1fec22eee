"""The stepper: one training step walked phase by phase (forward through each layer, the loss,
backward through each layer, the update), with each phase's formula, its matrices as heatmaps,
one weight's chain rule in numbers (for a layer on images, one chosen cell's convolution or pooling
written out), and a finite-difference check of the layer in focus.

The panel only reads the StepTrace the engine recorded while it ran the step; the session
computes the trace when batch_requested asks for one, and applies or drops the step when
apply_requested or discard_requested says so.
"""

from __future__ import annotations

import numpy
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from playground.engine import GradCheckReport, NetworkSpec, StepTrace
from playground.project.bpp import StepperPlace
from playground.ui.stepper.chain_rule import ChainRule, chain_rule, chain_rule_html
from playground.ui.stepper.gradient_check import GradientCheck
from playground.ui.stepper.image_common import Focus, ImagePhase
from playground.ui.stepper.matrix_view import MatrixView
from playground.ui.stepper.notation import Matrix, lines_html, number
from playground.ui.stepper.notation import matrix as as_drawn
from playground.ui.stepper.phases import (
    BACKWARD,
    FORWARD,
    UPDATE,
    UPDATE_GRADIENT,
    Phase,
    build_phases,
    formula_html,
    image_phase,
    layer_specs,
    parameter_symbol,
    phase_matrices,
    update_layers,
    update_parameters,
)
from playground.ui.stepper.rich_text import FittedText, with_hats_in_place
from playground.ui.stepper.zoom import ZoomByShape
from playground.ui.translation import tr

# The most matrices a phase shows: a weight before, its gradient, both penalty terms, the gradient used,
# Adam's m̂ and v̂, its change and after.
VIEWS = 9
# The largest numbers the spin boxes are sized for: a training example's index, and a weight's or a batch's.
WIDEST_EXAMPLE, WIDEST_INDEX = 99_999, 9_999


class StepperPanel(QWidget):
    """Walks a StepTrace: show_trace starts at phase 0, go_to and the buttons move through it."""

    apply_requested = Signal()
    discard_requested = Signal()
    batch_requested = Signal(object)  # a training example's index, or None for the current mini-batch
    phase_changed = Signal(str, str)  # (top-level layer path or "", "forward" | "loss" | "backward" | "update")
    step_shown = Signal(bool)  # a step to walk came (True), or the panel was cleared (False)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepperPanel")
        self.trace: StepTrace | None = None
        self.spec: NetworkSpec | None = None
        self._phases: list[Phase] = []
        self._index = -1
        self._matrices: dict[tuple, list[Matrix]] = {}
        self._layout_count = -1
        self.chain: ChainRule | None = None  # the weight taken apart, in a Dense layer's backward phase
        # The weight a person chose, by parameter ("1.W"), as drawn (row, column), kept from step to step: the
        # forward phase outlines it in W, the backward phase takes it apart, the update follows it.
        self._picked: dict[str, tuple[int, int]] = {}
        self.zoom = ZoomByShape()  # the heatmaps of one shape zoom together, in every phase, from step to step
        # The cell a person chose in a phase of a layer on images, by (layer, direction), kept from step to step.
        self._cells: dict[tuple[str, str], tuple[int, ...]] = {}
        self.image: ImagePhase | None = None  # the phase in focus, when it is one of a layer on images
        self.setFont(with_hats_in_place(self.font()))  # x̂, m̂ and v̂ in every formula and title below
        self._build()
        self.clear()

    # Construction.

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setToolTip(tip)
        return button

    def _spin(self, name: str, tip: str, widest: int = WIDEST_INDEX) -> QSpinBox:
        spin = QSpinBox(objectName=name, maximum=widest)
        # As wide as the widest index once and for all: a phase's other range moves nothing beside it.
        spin.setFixedWidth(spin.sizeHint().width())
        spin.setToolTip(tip)
        return spin

    def _build(self) -> None:
        self.example_input = self._spin("stepperExampleInput", tr("Which training example to step through"),
                                        WIDEST_EXAMPLE)
        self.example_button = self._button(tr("Step through this example"), "stepperExampleButton",
                                           tr("Trace one training step on this example alone"))
        self.batch_button = self._button(tr("Current mini-batch"), "stepperBatchButton",
                                         tr("Trace the next training step on its mini-batch"))
        self.example_button.clicked.connect(lambda: self.batch_requested.emit(self.example_input.value()))
        # Enter in the field steps through the example typed, as the button does (and not while it is greyed out).
        self.example_input.lineEdit().returnPressed.connect(self.example_button.click)
        self.batch_button.clicked.connect(lambda: self.batch_requested.emit(None))
        picker = QFlowLayout()  # on two lines where the panel is narrow
        example = QWidget()
        example_row = QHBoxLayout(example)
        example_row.setContentsMargins(0, 0, 0, 0)
        example_row.addWidget(QLabel(tr("Example"), buddy=self.example_input))
        example_row.addWidget(self.example_input)
        for widget in (example, self.example_button, self.batch_button):
            picker.addWidget(widget)

        self.empty_message = QLabel(tr("Pause training, then step through one example or the current mini-batch "
                                       "to see one training step here, layer by layer."),
                                    objectName="stepperEmptyMessage", wordWrap=True,
                                    alignment=Qt.AlignmentFlag.AlignCenter)
        # A step needs more room than a small window has: it scrolls there, instead of the panel's minimum
        # size squeezing the views beside it.
        self.scroll = QScrollArea(objectName="stepperScroll", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setWidget(self._content())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_message)
        self.stack.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(picker)
        layout.addWidget(self.stack, 1)

    def _content(self) -> QWidget:
        """The phases and their buttons in a column of their own; beside it the phase in focus, with the chain
        rule and the gradient check at the bottom. The heatmaps take whatever height the texts leave, and the
        texts grow away from the buttons, so that no button moves from phase to phase."""
        self.details = self._details()
        column = QVBoxLayout()
        column.addWidget(self._phase_view(), 1)
        column.addWidget(self.details)
        content = QWidget()
        layout = QHBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._navigation())
        layout.addLayout(column, 1)
        return content

    def _navigation(self) -> QWidget:
        """The list of phases, and the buttons that walk them, apply the step or discard it."""
        self.phase_list = QListWidget(objectName="stepperPhaseList")
        self.phase_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.phase_list.setToolTip(tr("The phases of the step: click one to go there"))
        self.phase_list.currentRowChanged.connect(self.go_to)
        self.prev_button = self._button(tr("Previous"), "stepperPrevButton", tr("Go to the previous phase"))
        self.next_button = self._button(tr("Next"), "stepperNextButton", tr("Go to the next phase"))
        self.forward_end_button = self._button(tr("To end of forward"), "stepperForwardEndButton",
                                               tr("Go to the last layer of the forward pass"))
        self.backward_end_button = self._button(tr("To end of backward"), "stepperBackwardEndButton",
                                                tr("Go to the last layer of the backward pass"))
        self.apply_button = self._button(tr("Apply update"), "stepperApplyButton",
                                         tr("Write this step's new weights into the network"))
        self.discard_button = self._button(tr("Discard"), "stepperDiscardButton",
                                           tr("Leave the network as it was before this step"))
        self.prev_button.clicked.connect(lambda: self.go_to(self._index - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self._index + 1))
        # The phases are n forward, the loss, n backward and the update.
        self.forward_end_button.clicked.connect(lambda: self.go_to(len(self._phases) // 2 - 2))
        self.backward_end_button.clicked.connect(lambda: self.go_to(len(self._phases) - 2))
        self.apply_button.clicked.connect(self.apply_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        navigation = QWidget()
        # As wide as its titles and buttons need, no wider: the phase in focus takes the rest.
        navigation.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        buttons = QGridLayout(navigation)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.phase_list, 0, 0, 1, 2)
        buttons.setRowStretch(0, 1)
        for k, button in enumerate((self.prev_button, self.next_button, self.forward_end_button,
                                    self.backward_end_button, self.apply_button, self.discard_button)):
            buttons.addWidget(button, 1 + k // 2, k % 2)
        return navigation

    def _phase_view(self) -> QWidget:
        """The phase in focus: its formula, for the update the parameter it follows, its matrices and the
        value under the pointer."""
        self.formula = QLabel(objectName="stepperFormula", textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.update_layer = QComboBox(objectName="stepperUpdateLayer")
        self.update_layer.setToolTip(tr("Whose parameters the update phase shows"))
        self.update_layer.currentIndexChanged.connect(lambda _: self._layer_chosen())
        self.update_parameter = QComboBox(objectName="stepperUpdateParameter")
        self.update_parameter.setToolTip(tr("Which of the layer's parameters the update phase follows from its "
                                            "gradient to its change"))
        self.update_parameter.currentIndexChanged.connect(lambda _: self._render())
        self.update_row = QWidget()
        row = QHBoxLayout(self.update_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Layer"), buddy=self.update_layer))
        row.addWidget(self.update_layer)
        row.addWidget(QLabel(tr("Parameter"), buddy=self.update_parameter))
        row.addWidget(self.update_parameter)
        row.addStretch(1)
        self.views = [MatrixView() for _ in range(VIEWS)]
        self.grid = QGridLayout()
        self.grid.setSpacing(4)
        for k, view in enumerate(self.views):
            self.grid.addWidget(view, k // 3, k % 3)
        self.hover = QLabel(objectName="stepperHover", wordWrap=True)
        # Two lines kept for it, so that a value read under the pointer does not move the rows below.
        self.hover.setMinimumHeight(2 * self.hover.fontMetrics().lineSpacing())
        for view in self.views:
            view.hovered.connect(lambda text: self.hover.setText(text or self._hover_hint()))
            view.clicked.connect(lambda r, c, view=view: self._pick_weight(view, r, c))
            view.zoomed.connect(lambda region, view=view: self.zoom.zoomed(view, region, self._shown_views()))
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.formula)
        top_layout.addWidget(self.update_row)
        top_layout.addLayout(self.grid, 1)
        top_layout.addWidget(self.hover)
        return top

    def _details(self) -> QWidget:
        """The chain rule of one weight and the gradient check, below the heatmaps; their buttons on the bottom
        row, under the texts, which grow upwards."""
        self.chain_row = self._spin("stepperChainRow", tr("Row i of the weight W[i, j] to take apart"))
        self.chain_column = self._spin("stepperChainColumn", tr("Column j of the weight W[i, j] to take apart"))
        self.chain_example = self._spin("stepperChainExample", tr("Which example of the batch to follow back"))
        for spin in (self.chain_row, self.chain_column):
            spin.valueChanged.connect(self._weight_chosen)
        self.chain_example.valueChanged.connect(self._example_chosen)
        self.chain_text = FittedText(objectName="stepperChainRule")
        self.checker = GradientCheck()
        controls = QHBoxLayout()
        for text, spin in ((tr("W[i, j]: i"), self.chain_row), (tr("j"), self.chain_column),
                           (tr("example"), self.chain_example)):
            controls.addWidget(QLabel(text, buddy=spin))
            controls.addWidget(spin)
        controls.addStretch(1)
        controls.addWidget(self.checker.button)
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chain_text)
        layout.addWidget(self.checker)
        layout.addLayout(controls)
        return details

    # The public API.

    def least_width(self) -> int:
        """The width at which the step shown fits across without scrolling."""
        margins = self.layout().contentsMargins()
        return (self.scroll.widget().minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
                + 2 * self.scroll.frameWidth() + margins.left() + margins.right())

    def set_example_count(self, n: int) -> None:
        """How many training examples the picker offers (0 to n − 1)."""
        self.example_input.setRange(0, max(n - 1, 0))
        self.example_input.setEnabled(n > 0)
        self.example_button.setEnabled(n > 0)

    def show_trace(self, trace: StepTrace, spec: NetworkSpec) -> None:
        """A new step to walk, from its first phase."""
        if self.spec is None or spec.to_dict() != self.spec.to_dict():
            self._picked, self._cells = {}, {}
            self.zoom.forget()
        self.trace, self.spec = trace, spec
        self._phases, self._index, self._matrices = build_phases(trace, spec), -1, {}
        self.checker.set_step(trace, spec)
        self.phase_list.blockSignals(True)
        self.phase_list.clear()
        self.phase_list.addItems([phase.title for phase in self._phases])
        self.phase_list.blockSignals(False)
        # As wide as the longest title, so that none is cut off; the list scrolls down, never across.
        self.phase_list.setMinimumWidth(self.phase_list.sizeHintForColumn(0) + 2 * self.phase_list.frameWidth()
                                        + self.phase_list.verticalScrollBar().sizeHint().width())
        self.update_layer.blockSignals(True)
        self.update_layer.clear()
        self.update_layer.addItems(update_layers(trace))
        self.update_layer.blockSignals(False)
        self._fill_parameters()
        self.chain_example.setRange(0, trace.forward[0].input.shape[1] - 1)
        self.stack.setCurrentIndex(1)
        self.go_to(0)
        self.step_shown.emit(True)

    def clear(self) -> None:
        """Nothing to show, as while training runs: a line says how to enter the stepper."""
        self.trace, self.spec, self._phases, self._index, self._matrices = None, None, [], -1, {}
        self.chain, self.image = None, None
        self.checker.set_step(None, None)
        self.phase_list.clear()
        self.stack.setCurrentIndex(0)
        self.step_shown.emit(False)

    def phases(self) -> list[str]:
        return [phase.title for phase in self._phases]

    def current_phase(self) -> int:
        """The index of the phase in focus, or −1 when there is no step to show."""
        return self._index

    @property
    def check_report(self) -> GradCheckReport | None:
        return self.checker.report

    def shown_checks(self) -> dict[str, float]:
        """The checks shown for the phase in focus, by parameter name."""
        return self.checker.shown

    def go_to(self, index: int) -> None:
        if not self._phases:
            return
        index = min(max(index, 0), len(self._phases) - 1)
        if index == self._index:
            return
        self._index = index
        self._render()
        phase = self._phases[index]
        self.phase_changed.emit(phase.top_path, phase.kind)

    def place(self, example: int | None) -> StepperPlace | None:
        """Where the panel is in the step shown, traced on training example `example` (None: on a mini-batch), for a
        project to keep: the phase, the parameter the update follows, the weights and the cells of layers on images
        picked, and the heatmaps' zoom; None with no step."""
        if self.trace is None or self._index < 0:
            return None
        follows = f"{self.update_layer.currentText()}.{self.update_parameter.currentText()}" \
            if self.update_layer.count() > 0 else None
        return StepperPlace(example, self._index, follows, dict(self._picked), dict(self._cells), self.zoom.saved())

    def go_to_place(self, place: StepperPlace) -> None:
        """A saved place in the step shown (the same step, traced again): its phase, the parameter its update follows,
        the weights and the cells picked, the zoom. What this step does not have (a phase past its last, a weight
        outside its parameter, a cell outside its maps) is left out: the first phase, the first parameter, the largest
        gradient or output, as a new step shows them."""
        drawn = {update.name: as_drawn("", update.before) for update in self.trace.updates}

        def fits(name: str, row: int, column: int) -> bool:
            shown = drawn.get(name)
            return (shown is not None and row < shown.values.shape[0] and column < shown.values.shape[1]
                    and shown.name_at(row, column) is not None)

        self._picked = {name: pick for name, pick in place.picked.items() if fits(name, *pick)}
        self._cells = dict(place.cells)  # a cell its phase does not have is drawn as none picked (ImagePhase)
        self.zoom.restore(place.zoom)
        if place.follows in drawn:
            layer, parameter = place.follows.rsplit(".", 1)
            for box, text in ((self.update_layer, layer), (self.update_parameter, parameter)):
                box.blockSignals(True)
                box.setCurrentText(text)
                box.blockSignals(False)
                if box is self.update_layer:
                    self._fill_parameters()
        self._index = -1  # drawn again, with the picks, even on the phase shown
        self.go_to(place.phase if place.phase < len(self._phases) else 0)

    # Drawing a phase.

    def _render(self) -> None:
        if self.trace is None or self._index < 0:
            return
        phase, last = self._phases[self._index], len(self._phases) - 1
        self.phase_list.blockSignals(True)
        self.phase_list.setCurrentRow(self._index)
        self.phase_list.blockSignals(False)
        parameter = f"{self.update_layer.currentText()}.{self.update_parameter.currentText()}"
        focus = Focus(self.chain_example.value(), self._cells.get((phase.path, phase.kind)))
        self.image = image_phase(phase, self.trace, self.spec, focus)
        self.formula.setText(formula_html(phase, self.trace, self.spec, parameter, self.image))
        self.update_row.setVisible(phase.kind == UPDATE and self.update_layer.count() > 0)
        # The chain rule and the gradient check are the backward pass's: the update takes their room for its own
        # formula and heatmaps.
        self.details.setVisible(phase.kind != UPDATE)
        if self.image is not None:
            key = (self._index, self.image.m, self.image.cell)
        else:
            key = (self._index, parameter if phase.kind == UPDATE else "")
        if key not in self._matrices:
            self._matrices[key] = phase_matrices(phase, self.trace, self.spec, parameter, self.image)
        matrices = self._matrices[key]
        self._arrange(len(matrices))
        for view, matrix in zip(self.views, matrices):
            view.show_matrix(matrix)
            view.show_region(self.zoom.region(matrix.values.shape))
        for k, view in enumerate(self.views):
            view.setVisible(k < len(matrices))
        self._mark_picked()
        self.hover.setText(self._hover_hint())
        self.prev_button.setEnabled(self._index > 0)
        at_end = QApplication.focusWidget() is self.next_button and self._index == last
        self.next_button.setEnabled(self._index < last)
        if at_end:  # Next pressed to the last phase: the key goes on to what comes next, not nowhere
            self.apply_button.setFocus()
        self._set_chain_ranges(phase)
        self._show_chain()
        self.checker.show_for(phase.path)

    def _layer_chosen(self) -> None:
        self._fill_parameters()
        self._render()

    def _fill_parameters(self) -> None:
        """The chosen layer's parameters, keeping the one chosen before (W, say) when this layer has it too."""
        chosen = self.update_parameter.currentText()
        names = update_parameters(self.trace, self.update_layer.currentText())
        self.update_parameter.blockSignals(True)
        self.update_parameter.clear()
        self.update_parameter.addItems(names)
        self.update_parameter.setCurrentIndex(names.index(chosen) if chosen in names else 0)
        self.update_parameter.blockSignals(False)

    def _arrange(self, count: int) -> None:
        """The visible heatmaps in a grid of up to three columns; re-laid out only when their number changes."""
        if count == self._layout_count:
            return
        self._layout_count = count
        columns = 3 if count > 4 or count == 3 else 2
        for view in self.views:
            self.grid.removeWidget(view)
        for k, view in enumerate(self.views[:count]):
            self.grid.addWidget(view, k // columns, k % columns)
        for k in range(3):
            self.grid.setColumnStretch(k, 1 if k < columns else 0)
            self.grid.setRowStretch(k, 1 if k < -(-count // columns) else 0)

    def _hover_hint(self) -> str:
        if self.image is not None:
            return self.tr("Hover over a pixel to read its value. {0}").format(self.image.hint())
        if self._dense_backward() is not None:
            return self.tr("Hover over a cell to read its value, turn the wheel to zoom in; click a cell of ∂L/∂W "
                           "to take that weight apart.")
        if self._dense_forward() is not None:
            return self.tr("Hover over a cell to read its value, turn the wheel to zoom in; click a cell of W to pick "
                           "the weight the backward pass takes apart.")
        picked = self._update_readout()
        if picked:
            return self.tr("{0}. Click a cell to follow another; turn the wheel to zoom in.").format(picked)
        return self.tr("Hover over a cell to read its value; turn the wheel to zoom in.")

    def _shown_views(self) -> list[MatrixView]:
        return [view for view in self.views if not view.isHidden() and view.matrix is not None]

    # One parameter's update.

    def _update_parameter(self) -> str | None:
        """The parameter the update phase follows, "1.W", or None in any other phase."""
        if self.trace is None or self._index < 0 or self._phases[self._index].kind != UPDATE \
                or self.update_layer.count() == 0:
            return None
        return f"{self.update_layer.currentText()}.{self.update_parameter.currentText()}"

    def _update_pick(self) -> tuple[int, int] | None:
        """The entry of the parameter the update follows: the one picked, or the one with the largest gradient."""
        parameter, views = self._update_parameter(), self._shown_views()
        if parameter is None or len(views) <= UPDATE_GRADIENT:
            return None
        if parameter in self._picked:
            return self._picked[parameter]
        gradient = numpy.nan_to_num(numpy.abs(views[UPDATE_GRADIENT].matrix.values), nan=-1.0)  # -1: a gap
        row, column = numpy.unravel_index(numpy.argmax(gradient), gradient.shape)
        return int(row), int(column)

    def _mark_picked(self) -> None:
        """The picked weight outlined in W of a Dense layer's forward phase, and in every matrix of the update (the
        backward phase outlines it in ∂L/∂W with its chain rule)."""
        forward = self._dense_forward()
        if forward is not None:
            for view in self._shown_views():
                if view.matrix.name == "W":
                    view.mark(*self._weight_of(forward.path))
        picked = self._update_pick()
        if picked is not None:
            for view in self._shown_views():
                view.mark(*picked)

    def _update_readout(self) -> str:
        """The picked entry in every matrix of the update: "W[42, 73]: W before = 0.1234, ∂L/∂W = 0.0678, …"."""
        picked = self._update_pick()
        if picked is None:
            return ""
        views = self._shown_views()
        entry = views[0].matrix.name_at(*picked)[len(views[0].matrix.name):]  # "[42, 73]"
        values = ", ".join(f"{view.matrix.name} = {number(float(view.matrix.values[picked]))}" for view in views)
        return f"{parameter_symbol(self.update_parameter.currentText())}{entry}: {values}"

    def _dense_backward(self) -> Phase | None:
        if self.trace is None or self._index < 0:
            return None
        phase = self._phases[self._index]
        return phase if phase.kind == BACKWARD and self.trace.backward[phase.record].type == "dense" else None

    def _dense_forward(self) -> Phase | None:
        if self.trace is None or self._index < 0:
            return None
        phase = self._phases[self._index]
        return phase if phase.kind == FORWARD and self.trace.forward[phase.record].type == "dense" else None

    def _weight_of(self, path: str) -> tuple[int, int]:
        """The weight of Dense layer `path` that its backward phase takes apart: the one a person picked, until then
        the one with the largest gradient, which this step moves most."""
        if f"{path}.W" in self._picked:
            return self._picked[f"{path}.W"]
        grad = next(record for record in self.trace.backward if record.path == path).param_grads["W"]
        row, column = numpy.unravel_index(numpy.argmax(numpy.abs(grad)), grad.shape)
        return int(row), int(column)

    # One weight's chain rule.

    def _set_chain_ranges(self, phase: Phase) -> None:
        dense = self._dense_backward()
        for spin in (self.chain_row, self.chain_column):
            spin.setEnabled(dense is not None)
            # Another phase has no W[i, j] to take apart: a dash, not the last Dense layer's indices.
            spin.setSpecialValueText("" if dense is not None else "–")
        self.chain_example.setEnabled(dense is not None or self.image is not None)
        if dense is None:
            for spin in (self.chain_row, self.chain_column):
                spin.blockSignals(True)
                spin.setValue(spin.minimum())
                spin.blockSignals(False)
            return
        grad = self.trace.backward[phase.record].param_grads["W"]
        for spin, top, value in zip((self.chain_row, self.chain_column), grad.shape, self._weight_of(phase.path)):
            spin.blockSignals(True)
            spin.setRange(0, top - 1)
            spin.setValue(int(value))
            spin.blockSignals(False)

    def _weight_chosen(self) -> None:
        phase = self._dense_backward()
        if phase is not None:
            self._picked[f"{phase.path}.W"] = (self.chain_row.value(), self.chain_column.value())
        self._show_chain()

    def _example_chosen(self) -> None:
        """Another example of the batch: a layer on images draws its maps; the chain rule follows it back."""
        if self.image is not None:
            self._render()
        else:
            self._show_chain()

    def _pick_cell(self, view: MatrixView, row: int, column: int) -> None:
        """A click on a map of a layer on images chooses the cell to write out, when that map is the one to pick on."""
        place = None if view.matrix is None or view.matrix.tiling is None else view.matrix.tiling.locate(row, column)
        if view.matrix is not None and view.matrix.vector:
            place = (0, row, 0)
        cell = None if place is None else self.image.pick(view.matrix, *place)
        if cell is not None:
            phase = self._phases[self._index]
            self._cells[(phase.path, phase.kind)] = cell
            self._render()

    def _pick_weight(self, view: MatrixView, row: int, column: int) -> None:
        if self.image is not None:
            self._pick_cell(view, row, column)
            return
        parameter = self._update_parameter()
        if parameter is not None and view.matrix is not None and view.matrix.name_at(row, column) is not None:
            self._picked[parameter] = (row, column)
            self._mark_picked()
            self.hover.setText(self._hover_hint())
            return
        forward = self._dense_forward()
        if forward is not None and view.matrix is not None and view.matrix.name == "W":
            self._picked[f"{forward.path}.W"] = (row, column)
            self._mark_picked()
            return
        if self._dense_backward() is None or view.matrix is None or view.matrix.name != "∂L/∂W":
            return
        for spin, value in ((self.chain_row, row), (self.chain_column, column)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._weight_chosen()

    def _show_chain(self) -> None:
        phase = self._dense_backward()
        if self.image is not None:
            self.chain = None
            self.chain_text.setHtml(lines_html(self.image.written_out()))
            return
        if phase is None:
            self.chain = None
            self.chain_text.setHtml(self.tr("In the backward phase of a Dense layer, this shows how the chain rule "
                                            "gives one weight's gradient, ∂L/∂W[i, j], with this step's numbers."))
            return
        self.chain = chain_rule(self.trace, phase.record, self.chain_row.value(), self.chain_column.value(),
                                self.chain_example.value())
        activation = layer_specs(self.spec)[phase.path].activation
        self.chain_text.setHtml(chain_rule_html(self.chain, activation, self.trace.loss_name))
        for view in self.views:
            if not view.isHidden() and view.matrix is not None and view.matrix.name == "∂L/∂W":
                view.mark(self.chain.i, self.chain.j)
