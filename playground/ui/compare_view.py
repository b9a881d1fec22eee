"""The Compare tab: the kept runs' curves over one another, and the run in use beside them.

The person chooses what to compare (a loss, on a log axis if asked; an accuracy; one layer's gradient
norm or update ratio) and which kept runs to show. Each kept run has its own colour and dash and is named in the legend
by how it differs from the run before it; the run in use is drawn thicker, named by how it differs
from the last kept run. Curves are made when the kept runs change and only updated with setData
after that; a run the person hides is taken off the plot, so that pyqtgraph's Export (right-click:
CSV, PNG, SVG) writes what is shown.

The run in use follows run_views.py's rule (update_from, clear_run); the kept runs are the
project's and stay until forgotten.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from playground.project.runs import KeptRun, run_label
from playground.session import Snapshot
from playground.ui.plot_parts import (
    fit_legend,
    forget_ranges,
    legend_beside,
    log_friendly_axes,
    smoothed_loss,
    smoothed_norm,
    smoothed_step_axis,
    wrap_label_to_axis,
)
from playground.ui.translation import window_language

# Distinct colours (Tableau 10 without its orange and blue, which the run in use keeps for itself), and dashes.
RUN_COLORS = [(214, 39, 40), (44, 160, 44), (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127),
              (188, 189, 34), (23, 190, 207)]
RUN_DASHES = [Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine,
              Qt.PenStyle.SolidLine]
CURRENT_COLOR = (8, 119, 189)
LAYER_SERIES = ("grad_norm", "update_ratio")  # series kept per layer, as "<kind>/<path>.W" (or .K), on a log axis
LOSSES = ("test_loss", "train_loss")  # on a log axis when the person asks: a loss that starts huge hides the rest
ACCURACIES = ("test_accuracy", "train_accuracy")  # a regression's are NaN throughout: it has none
SERIES_CHARACTERS = 6  # the least the chooser of the series shows of a name
LEGEND_POINTS = 9  # the legend's text size, pyqtgraph's LegendItem's labelTextSize
LEGEND_SAMPLE = 40  # pixels of a legend row before its text: the gap, the line sample and spacing
LEGEND_SHARE = 0.4  # of the plot's width, at most, for the names beside the curves
LEGEND_INDENT = "\u00a0\u00a0"  # before the later lines of a name that wraps
BETWEEN_PARTS = re.compile(r"(?<=,) |(?<=，)")  # where a name's parts meet (shown_name): after the comma


def run_pen(index: int) -> pg.QtGui.QPen:
    """Kept run `index`'s pen: colours and dashes step together, so no two of the first 40 runs look alike."""
    return pg.mkPen(RUN_COLORS[index % len(RUN_COLORS)], width=2, style=RUN_DASHES[index % len(RUN_DASHES)])


def legend_text(name: str, fits: Callable[[str], bool]) -> str:
    """A run's name for the legend, broken after its commas (", " between its parts, "，" in Chinese) into lines that
    `fits` (a line's width) takes, and a part too long for a line of its own between its words ("init Xavier uniform
    → He normal" in a small window)."""
    lines = [""]
    for part in BETWEEN_PARTS.split(name):  # each part but the last ends with its comma
        joined = f"{lines[-1]} {part}" if lines[-1].endswith(",") else lines[-1] + part
        if fits(joined):
            lines[-1] = joined
            continue
        if lines[-1]:
            lines.append("")
        for word in part.split(" "):
            joined = f"{lines[-1]} {word}" if lines[-1] else word
            if lines[-1] and not fits(joined):
                lines.append(word)
            else:
                lines[-1] = joined
    return f"<br>{LEGEND_INDENT}".join(html.escape(line) for line in lines)


def layer_order(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in path.split(".") if part.isdigit())


def layer_series(history: dict[str, numpy.ndarray], kind: str) -> dict[str, str]:
    """Layer path → the history's series of its weights' `kind` (grad_norm or update_ratio)."""
    found = {}
    for name in history:
        prefix, _, parameter = name.partition("/")
        path, _, weight = parameter.rpartition(".")
        if prefix == kind and weight in ("W", "K"):
            found[path] = name
    return found


class ComparePlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePlot")
        self.series_selector = QComboBox(objectName="compareSeries")
        for key, label in (("test_loss", self.tr("Test loss")), ("train_loss", self.tr("Training loss")),
                           ("test_accuracy", self.tr("Test accuracy")),
                           ("train_accuracy", self.tr("Training accuracy")),
                           ("grad_norm", self.tr("Gradient norm ‖∂L/∂W‖")),
                           ("update_ratio", self.tr("Update ratio ‖ΔW‖ / ‖W‖"))):
            self.series_selector.addItem(label, key)
        self.series_selector.setToolTip(self.tr("What the runs are compared on"))
        # Its longest name would widen the window's output column by itself; the y axis names the series too.
        self.series_selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.series_selector.setMinimumContentsLength(SERIES_CHARACTERS)
        self.layer_selector = QComboBox(objectName="compareLayer")
        self.layer_selector.setToolTip(self.tr("The layer whose weights' gradient norm or update ratio is shown"))
        self.log_scale = QCheckBox(self.tr("log scale"), objectName="compareLogScale")
        self.log_scale.setToolTip(self.tr("Show the losses on a logarithmic axis"))
        self.runs_menu = QMenu(self)
        self.runs_button = QToolButton(text=self.tr("Runs"), objectName="compareRunsButton")
        self.runs_button.setMenu(self.runs_menu)
        self.runs_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.runs_button.setToolTip(self.tr("Choose the kept runs to show"))
        # While no run is kept, what to do, last in the legend: beside the curves, it takes none of their height (a
        # row above them left a laptop's curves 100 pixels beside a lesson). An item of no pen, never plotted.
        self.hint = pg.PlotDataItem(pen=None, name=self.tr("Keep a run (Keep, or K) to compare the next one with it."))
        self.plot = pg.PlotWidget(background=None, axisItems=log_friendly_axes())
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        steps_axis = self.plot.getAxis("bottom")
        steps_axis.geometryChanged.connect(lambda: wrap_label_to_axis(steps_axis))
        # Beside the curves, so that long names cover none, and Export keeps them; below them, four runs' names left
        # the curves a strip at 1280×720.
        self.legend = legend_beside(self.plot.getPlotItem())
        self.current_curve = pg.PlotDataItem(pen=pg.mkPen(CURRENT_COLOR, width=3))
        self.current_name = self.tr("this run")
        self.run_curves: list[pg.PlotDataItem] = []
        self.run_actions: list[QAction] = []
        self.runs: list[KeptRun] = []
        self.history: dict[str, numpy.ndarray] | None = None  # the run in use's, when it has trained
        # Over the empty view, when every run shown is a regression and an accuracy is chosen: why nothing is drawn.
        self.no_accuracy = QLabel(self.tr("The runs shown are regressions: they predict numbers, not classes, so "
                                          "they have no accuracy to compare. Compare them on a loss."),
                                  self.plot, objectName="compareNoAccuracy", wordWrap=True)
        self.no_accuracy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_accuracy.hide()
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._place_no_accuracy)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show:")))
        controls.addWidget(self.series_selector, 1)
        # One of these two at a time (a layer for the layers' series, a log axis for the losses), so the row needs no
        # more room for both than for one; below the plot, the check box took the curves a row.
        controls.addWidget(self.layer_selector)
        controls.addWidget(self.log_scale)
        controls.addWidget(self.runs_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 1)
        self.series_selector.currentIndexChanged.connect(self._series_chosen)
        self.layer_selector.currentIndexChanged.connect(lambda _: self._draw())
        self.log_scale.toggled.connect(lambda _: self._series_chosen())
        self._series_chosen()

    # What is compared.

    def series(self) -> str:
        return self.series_selector.currentData()

    def show_series(self, key: str, layer: str | None = None) -> None:
        """Choose what to compare, as the person would: `key` is one of the selector's, `layer` a layer path."""
        self.series_selector.setCurrentIndex(self.series_selector.findData(key))
        if layer is not None:
            self.layer_selector.setCurrentIndex(self.layer_selector.findData(layer))

    def _logarithmic(self) -> bool:
        kind = self.series()
        return kind in LAYER_SERIES or kind in LOSSES and self.log_scale.isChecked()

    def _series_chosen(self) -> None:
        kind = self.series()
        self.log_scale.setVisible(kind in LOSSES)
        self.plot.setLogMode(y=self._logarithmic())
        smoothed = kind == "train_loss" or kind in LAYER_SERIES  # drawn as the Loss and Gradients tabs draw them
        self.plot.setLabel("bottom", smoothed_step_axis() if smoothed else self.tr("step"))
        wrap_label_to_axis(self.plot.getAxis("bottom"))
        self._fill_layers()
        self._draw()

    def _fill_layers(self) -> None:
        """The layers whose series any run shown has, keeping the choice when it is still there."""
        kind, chosen = self.series(), self.layer_selector.currentData()
        histories = [run.history for run in self.runs] + ([self.history] if self.history is not None else [])
        paths = sorted({path for history in histories for path in layer_series(history, kind)}, key=layer_order)
        self.layer_selector.blockSignals(True)
        self.layer_selector.clear()
        for path in paths:
            self.layer_selector.addItem(self.tr("layer {0}").format(path), path)
        self.layer_selector.setCurrentIndex(max(self.layer_selector.findData(chosen), 0))
        self.layer_selector.blockSignals(False)
        self.layer_selector.setVisible(kind in LAYER_SERIES)
        self._name_axis()

    def _values(self, history: dict[str, numpy.ndarray] | None) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The chosen series of a history as (steps, values), finite values only (positive on a log axis)."""
        kind = self.series()
        name = layer_series(history, kind).get(self.layer_selector.currentData()) if (
            history is not None and kind in LAYER_SERIES) else kind
        if history is None or name not in history:
            return numpy.zeros(0), numpy.zeros(0)
        steps, values = history["step"], history[name]
        keep = numpy.isfinite(values) & ((values > 0) if self._logarithmic() else True)
        steps, values = steps[keep], values[keep]
        if kind == "train_loss":  # as the Loss tab draws it: the mean over its last steps
            values = smoothed_loss(steps, values)
        elif kind in LAYER_SERIES:  # as the Gradients tab draws a norm: its geometric mean over them
            values = smoothed_norm(steps, values)
        return steps, values

    # The kept runs, and the run in use.

    def show_runs(self, runs: list[KeptRun]) -> None:
        """The kept runs, each shown but those the person hid (a run kept since, or kept again, leaves them hidden):
        their curves are made here and only updated afterwards."""
        hidden = [run for run, action in zip(self.runs, self.run_actions) if not action.isChecked()]
        for curve in self.run_curves:
            self.plot.removeItem(curve)
        self.runs_menu.clear()
        self.runs = list(runs)
        self.run_curves, self.run_actions = [], []
        for index, run in enumerate(self.runs):
            name = run_label(index, run, window_language())
            label = f"{index + 1}: {name}"
            curve = pg.PlotDataItem(pen=run_pen(index), name=label)
            curve.setToolTip(name)
            shown = not any(run is gone for gone in hidden)
            if shown:
                self._show_curve(curve, True)
            action = self.runs_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(shown)
            action.toggled.connect(lambda shown, curve=curve: self._show_curve(curve, shown))
            action.toggled.connect(lambda _: self._show_no_accuracy())
            self.run_curves.append(curve)
            self.run_actions.append(action)
        self.runs_button.setEnabled(bool(self.runs))
        self._restack_current()
        self._fill_layers()
        self._draw()

    def _show_curve(self, curve: pg.PlotDataItem, shown: bool) -> None:
        if shown:
            self.plot.addItem(curve)
            self.legend.getLabel(curve).setText(self._legend_text(curve.name()))
        else:
            self.plot.removeItem(curve)  # off the legend and out of what Export writes
        fit_legend(self.plot.getPlotItem())

    def name_current(self, name: str) -> None:
        """How the run in use differs from the last kept run, for the legend."""
        self.current_name = name
        self.current_curve.opts["name"] = name  # what Export names its column
        label = self.legend.getLabel(self.current_curve)
        if label is not None:
            label.setText(self._legend_text(name))
            fit_legend(self.plot.getPlotItem())

    def _legend_text(self, name: str) -> str:
        """`name` in lines no wider than LEGEND_SHARE of the plot: a wider legend would leave the curves little room,
        or widen the plot past its view, cut off at the right (a Chinese name, or a small screen)."""
        font = QFont(self.font())
        font.setPointSize(LEGEND_POINTS)
        metrics = QFontMetrics(font)
        room = self._name_room()
        return legend_text(name, lambda line: metrics.horizontalAdvance(LEGEND_INDENT + line) <= room)

    def _name_room(self) -> float:
        return LEGEND_SHARE * self.plot.viewport().width() - LEGEND_SAMPLE

    def _show_hint(self) -> None:
        """The hint in the legend, wrapped by Qt to the names' width: a sentence, broken anywhere a line may break (a
        Chinese one has no spaces)."""
        label = self.legend.getLabel(self.hint)
        label.setText(html.escape(self.hint.name()), italic=True)
        label.item.setTextWidth(self._name_room())
        label.updateMin()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._rewrap_names()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Names kept while another tab showed were wrapped to the width the hidden plot had then, not to this one.
        super().showEvent(event)
        self._rewrap_names()

    def _rewrap_names(self) -> None:
        for sample, label in self.legend.items:  # the names in lines of the plot's width
            if sample.item is self.hint:
                self._show_hint()
            else:
                label.setText(self._legend_text(sample.item.name()))
        fit_legend(self.plot.getPlotItem())

    def _restack_current(self) -> None:
        """The run in use on top of the kept runs, and last in the legend, while it has trained; the hint after it,
        while no run is kept."""
        if self.current_curve in self.plot.listDataItems():
            self.plot.removeItem(self.current_curve)
        if self.history is not None:
            self.current_curve.opts["name"] = self.current_name
            self._show_curve(self.current_curve, True)
        self.legend.removeItem(self.hint)
        if not self.runs:
            self.legend.addItem(self.hint, "")
            self._show_hint()
        fit_legend(self.plot.getPlotItem())

    def update_from(self, snapshot: Snapshot) -> None:
        started = self.history is None
        self.history = snapshot.history
        if started:
            self._restack_current()
        if started or self.series() in LAYER_SERIES and not self.layer_selector.count():
            self._fill_layers()  # a run's first snapshots may come before its first measured gradient
        self.current_curve.setData(*self._values(self.history), skipFiniteCheck=True)
        if started:
            self._show_no_accuracy()

    def clear_run(self) -> None:
        self.history = None
        self.current_curve.setData([], [])
        self._restack_current()
        forget_ranges(self.plot)  # then fits the kept runs, if any
        self._show_no_accuracy()

    def _draw(self) -> None:
        for run, curve in zip(self.runs, self.run_curves):
            curve.setData(*self._values(run.history), skipFiniteCheck=True)
        self.current_curve.setData(*self._values(self.history), skipFiniteCheck=True)
        self.plot.enableAutoRange()
        self._name_axis()
        self._show_no_accuracy()

    def _name_axis(self) -> None:
        """The series' name on the y axis; a convolution's weights are its kernels K, and for one the axis says so."""
        kind, path = self.series(), self.layer_selector.currentData()
        histories = [run.history for run in self.runs] + ([self.history] if self.history is not None else [])
        kernels = kind in LAYER_SERIES and any(
            layer_series(history, kind).get(path, "").endswith(".K") for history in histories)
        of_kernels = {"grad_norm": self.tr("Gradient norm ‖∂L/∂K‖"), "update_ratio": self.tr("Update ratio ‖ΔK‖ / ‖K‖")}
        label = of_kernels[kind] if kernels else self.series_selector.currentText()
        if self.plot.getAxis("left").labelText != label:  # a new label lays the axis out again
            self.plot.setLabel("left", label)

    def _show_no_accuracy(self) -> None:
        """The note while an accuracy is chosen and every run shown, one at least, is a regression: it has the
        series, all NaN (a run shown is the run in use, once it has trained, and each kept run not hidden)."""
        kind = self.series()
        shown = [run.history for run, action in zip(self.runs, self.run_actions) if action.isChecked()]
        shown += [self.history] if self.history is not None else []
        self.no_accuracy.setVisible(kind in ACCURACIES and bool(shown) and not any(
            numpy.isfinite(history.get(kind, ())).any() for history in shown))
        self._place_no_accuracy()

    def _place_no_accuracy(self) -> None:
        """Over the view, clear of the axes and of the legend beside it."""
        view = self.plot.mapFromScene(self.plot.getPlotItem().getViewBox().sceneBoundingRect()).boundingRect()
        self.no_accuracy.setGeometry(view.adjusted(12, 12, -12, -12))
