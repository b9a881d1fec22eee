"""Live views fed from snapshots: the loss, each layer's gradient norm and the accuracy (test images: gallery.py).

As in pyqtgraph's scrolling-plot examples, every item is created once and later only
updated with setData / setImage, from the window's redraw timer.
"""

from __future__ import annotations

import math

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from playground.engine import OptimizerSpec
from playground.session import Snapshot
from playground.session.statistics import WEIGHTS
from playground.ui import svg_export  # noqa: F401 (registers Qt's SVG export in every plot's Export dialog)
from playground.ui.boundary_view import DecisionBoundaryView as DecisionBoundaryView  # main_window's import
from playground.ui.plot_parts import (
    FEW_POINTS,
    SMOOTHING_PERCENT,
    SMOOTHING_STEPS,
    SteadyViewBox,
    StepAxis,
    cache_axes,
    cache_legend_names,
    dotted_when_few,
    fit_legend_above,
    forget_ranges,
    layer_curves,
    legend_above,
    legend_beside,
    log_friendly_axes,
    same_series,
    show_points_if_few,
    smoothed_loss,
    smoothed_norm,
    smoothed_step_axis,
    wrap_label_to_axis,
)
from playground.ui.theme import BLUE, ORANGE
from playground.ui.thinned_curves import ThinnedCurves

# Gradient norms that deserve a warning: the first layer getting less than this share of the last
# layer's (vanishing), or any layer's above this size (exploding).
VANISHING_RATIO = 1e-3
EXPLODING_NORM = 1e3
# Auto-ranges a loss plot makes at most to bring a blow-up into view, each a millionfold wider: float32's range.
RANGE_PASSES = 8


def _finite_series(history: dict[str, numpy.ndarray], name: str) -> tuple[numpy.ndarray, numpy.ndarray]:
    values = history.get(name)
    if values is None:
        return numpy.zeros(0), numpy.zeros(0)
    steps = history["step"]
    keep = numpy.isfinite(values) & (values > 0)
    return steps[keep], values[keep]


def _weight_norm_key(history: dict[str, numpy.ndarray], path: str) -> str:
    """The history's series of a layer's weight-gradient norm: a Dense layer's W, a Conv2D's K."""
    keys = [f"grad_norm/{path}.{name}" for name in WEIGHTS]
    return next((key for key in keys if key in history), keys[0])


class LossPlot(QWidget):
    """Train and test loss over steps, with a log-scale toggle. The training loss is drawn twice: faint, as
    recorded (the mean of a few batches at the start, noisy as SGD is), and smoothed over the last 5% of
    the steps or the last 20 (`smoothed_loss`), which the legend names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.plot = pg.PlotWidget(background=None, axisItems=log_friendly_axes(), viewBox=SteadyViewBox())
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLabel("left", self.tr("loss"))
        loss_axis = self.plot.getAxis("left")
        loss_axis.enableAutoSIPrefix(False)
        loss_axis.geometryChanged.connect(lambda: wrap_label_to_axis(loss_axis))  # a penalty's name is long
        cache_axes(self.plot)
        legend_above(self.plot.getPlotItem())
        self.raw_train_curve = self.plot.plot(pen=pg.mkPen((*BLUE, 70), width=1))
        self.train_curve = self.plot.plot(pen=pg.mkPen(BLUE, width=2), name=self.tr(
            "train (mean of the last {0}% of the steps, {1} at least)").format(SMOOTHING_PERCENT, SMOOTHING_STEPS))
        self.test_curve = self.plot.plot(pen=pg.mkPen(ORANGE, width=2), name=self.tr("test"))
        for curve in (self.train_curve, self.test_curve):
            dotted_when_few(curve)
        fit_legend_above(self.plot.getPlotItem())
        cache_legend_names(self.plot.getPlotItem().legend)
        self.plot.enableAutoRange(x=False)  # see StepAxis
        self.steps = StepAxis(self.plot)
        self.thinned = ThinnedCurves(self.plot, dotted=FEW_POINTS)
        self._drawn: tuple[numpy.ndarray | None, ...] = ()  # the history's series the curves show
        self.log_scale = QCheckBox(self.tr("log scale"), objectName="lossLogScale")
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        self.log_scale.toggled.connect(lambda on: self.plot.setLogMode(y=on))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.log_scale)

    def update_from(self, snapshot: Snapshot) -> None:
        self._name_loss(snapshot.optimizer)
        # A long run's history keeps one point in many: most of its snapshots bring no point to draw.
        series = tuple(snapshot.history.get(name) for name in ("step", "train_loss", "test_loss"))
        new = not same_series(series, self._drawn)
        with self.thinned.setting():
            # The history's last step, not the snapshot's: after a divergence it shows the steps undone.
            recorded = snapshot.history.get("step", ())
            self.steps.follow(max(snapshot.step, int(recorded[-1]) if len(recorded) else 0))
            if new:
                self._drawn = series
                steps, losses = _finite_series(snapshot.history, "train_loss")
                self.thinned.set_data(self.raw_train_curve, steps, losses)
                show_points_if_few(self.train_curve, len(steps))
                self.thinned.set_data(self.train_curve, steps, smoothed_loss(steps, losses))
                test_steps, test_losses = _finite_series(snapshot.history, "test_loss")
                show_points_if_few(self.test_curve, len(test_steps))
                self.thinned.set_data(self.test_curve, test_steps, test_losses)
        if new:
            # The range now, not in pyqtgraph's prepareForPaint: changed while painting, it asks for a second paint
            # of the whole plot, on the thread the training waits for. So does the transform, below.
            self._auto_range(max((values.max() for values in (losses, test_losses) if len(values)), default=None))
        self.plot.getViewBox().updateMatrix()

    def _auto_range(self, highest: float | None) -> None:
        """The auto-range, up to the `highest` loss drawn. pyqtgraph leaves out of a curve's bounds its points
        beyond a million view heights (dynamicRangeLimit, which spares Qt from drawing them), so that a loss that
        blew up within a snapshot came into view a millionfold a snapshot, the axis far below the loss reached. A
        range that falls short of it is made again from the points the one before let in."""
        view = self.plot.getViewBox()
        view.updateAutoRange()
        if highest is None:
            return
        top = math.log10(highest) if self.log_scale.isChecked() else highest
        for _ in range(RANGE_PASSES):
            if view.viewRange()[1][1] >= top:
                return
            view.updateAutoRange()

    def _name_loss(self, optimizer: OptimizerSpec | None) -> None:
        """The axis names the loss drawn: the data's alone, which leaves out the L1/L2 penalty the optimizer
        minimizes too, so it says so while a penalty is on (the stepper's Loss phase says the same)."""
        l1, l2 = (optimizer.l1, optimizer.l2) if optimizer is not None else (0.0, 0.0)
        name = (self.tr("data loss (L1 and L2 penalties not included)") if l1 and l2 else
                self.tr("data loss (L1 penalty not included)") if l1 else
                self.tr("data loss (L2 penalty not included)") if l2 else self.tr("loss"))
        if name != self.plot.getAxis("left").labelText:  # set again, the axis lays itself out again
            self.plot.setLabel("left", name)
            wrap_label_to_axis(self.plot.getAxis("left"))

    def clear_run(self) -> None:
        self._name_loss(None)
        self.thinned.forget()
        for curve in (self.raw_train_curve, self.train_curve, self.test_curve):
            curve.setData([], [])
        self._drawn = ()
        self.steps.restart()


class GradientPlot(pg.PlotWidget):
    """Each layer's weight-gradient norm over steps, log scale, coloured from input to output, with a
    badge over the plot when the newest norms vanish toward the input or explode. The norm is backprop's, before
    clipping and without the penalty, which the loss shown leaves out (the axis's tooltip says so): clipping
    that hid an exploding gradient would hide what the badge is for. A point is a step's norm at first
    and later the geometric mean of the norms of the 1% of the steps it covers, and the curves draw their mean over
    the last 5% of the steps or the last 20 (`smoothed_norm`), as the Loss tab smooths the training loss: one step's
    norm jumps by a factor of ten with the batch, and eleven layers of such jumps drew one band. Their legend is
    beside the curves (`legend_beside`), which fill the plot. Its step axis widens in jumps, as the Loss tab's does
    (`StepAxis`)."""

    warning: QLabel | None = None  # pyqtgraph resizes the view while constructing it, before the badge exists

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None, axisItems=log_friendly_axes(), viewBox=SteadyViewBox())
        self.setObjectName("gradientPlot")
        self.setLabel("bottom", smoothed_step_axis())
        self.setLabel("left", self.tr("‖∂L/∂W‖"))
        self.getAxis("left").enableAutoSIPrefix(False)
        self.getAxis("left").setToolTip(self.tr(
            "The norm of the gradient of each layer's weights as backprop computed it: before clipping, and of the "
            "loss the window shows, without the L1/L2 penalty."))
        self.setLogMode(y=True)
        cache_axes(self)
        legend_beside(self.getPlotItem())
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.enableAutoRange(x=False)  # see StepAxis
        self.steps = StepAxis(self)
        self.thinned = ThinnedCurves(self, dotted=FEW_POINTS)
        # A child widget over the plot, in a strip above the curves made room for while it shows.
        self.warning = QLabel(self, objectName="gradientWarning", wordWrap=True)
        self.warning.setStyleSheet("QLabel { background: rgba(255, 214, 102, 230); color: #3a2a00;"
                                   " border: 1px solid #b8860b; border-radius: 4px; padding: 4px 6px; }")
        self.warning.hide()
        self._shown_diagnosis: str | None = None

    def reset(self, layer_paths: list[str], kernels: bool = False) -> None:
        """One curve per layer with weights; built once per network. With `kernels` (a convolution among them, whose
        weights are its kernels K) the axis names both norms."""
        self.setLabel("left", self.tr("‖∂L/∂W‖, ‖∂L/∂K‖") if kernels else self.tr("‖∂L/∂W‖"))
        self.thinned.forget()
        self.curves = layer_curves(self, self.curves, layer_paths, self.tr("layer {0}"))
        for curve in self.curves.values():
            dotted_when_few(curve)
        self._show_diagnosis(None)

    def update_from(self, snapshot: Snapshot) -> None:
        with self.thinned.setting():
            recorded = snapshot.history.get("step", ())  # as the Loss tab follows them
            self.steps.follow(max(snapshot.step, int(recorded[-1]) if len(recorded) else 0))
            for path, curve in self.curves.items():
                steps, norms = _finite_series(snapshot.history, _weight_norm_key(snapshot.history, path))
                show_points_if_few(curve, len(steps))
                self.thinned.set_data(curve, steps, smoothed_norm(steps, norms))
        self._show_diagnosis(self.diagnosis(snapshot.history))
        # Settled before the paint, as the Loss tab's: in it, they asked for a second paint of the whole plot.
        self.getViewBox().updateAutoRange()
        self.getViewBox().updateMatrix()

    def clear_run(self) -> None:
        self.thinned.forget()
        for curve in self.curves.values():
            curve.setData([], [])
        self.steps.restart()
        self._show_diagnosis(None)

    def _show_diagnosis(self, text: str | None) -> None:
        if text == self._shown_diagnosis:
            return  # most frames: nothing to re-lay out
        self._shown_diagnosis = text
        self.warning.setText(text or "")
        self.warning.setVisible(text is not None)
        self._place_warning()

    def diagnosis(self, history: dict[str, numpy.ndarray]) -> str | None:
        """One sentence when the newest gradient norms explode or vanish toward the input, else None."""
        newest = {}
        for path in self.curves:
            values = history.get(_weight_norm_key(history, path))
            # The newest point that measured one: a point before the network's first step has none (NaN).
            measured = values[~numpy.isnan(values)] if values is not None else ()
            if len(measured):
                newest[path] = float(measured[-1])
        if not newest:
            return None
        worst = max(newest, key=lambda p: math.inf if not math.isfinite(newest[p]) else newest[p])
        if not math.isfinite(newest[worst]) or newest[worst] > EXPLODING_NORM:
            return self.tr("Exploding gradients: layer {0}'s gradient norm is {1:.1e}").format(worst, newest[worst])
        paths = list(self.curves)
        if len(paths) < 2:
            return None
        first, last = newest.get(paths[0]), newest.get(paths[-1])
        if first is None or last is None or last <= 0 or first >= VANISHING_RATIO * last:
            return None
        if first == 0:
            return self.tr("Vanishing gradients: layer {0} gets no gradient at all").format(paths[0])
        ratio = float(f"{last / first:.2g}")
        share = f"{ratio:,.0f}" if ratio < 1e7 else f"{ratio:.1e}"
        return self.tr("Vanishing gradients: layer {0} gets 1/{1} of the gradient of layer {2}").format(
            paths[0], share, paths[-1])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.warning is not None:
            self._place_warning()

    def _place_warning(self) -> None:
        """The badge in a strip of its own above the curves, so that it hides none of them."""
        if self.closed:  # a closed PlotWidget has let go of its plot item
            return
        layout = self.getPlotItem().layout
        if self.warning.isHidden():
            layout.setContentsMargins(1, 1, 1, 1)  # pyqtgraph's own margins
            return
        left = int(self.getAxis("left").width())
        room = max(120, self.width() - left - 16)
        natural = self.warning.fontMetrics().horizontalAdvance(self.warning.text()) + 20  # padding and border
        width = min(natural, room)
        height = self.warning.heightForWidth(width)
        self.warning.setFixedSize(width, height)
        self.warning.move(left, 4)
        layout.setContentsMargins(1, height + 8, 1, 1)


def format_rate(samples_per_s: float) -> str:
    if not math.isfinite(samples_per_s) or samples_per_s <= 0:
        return "–"
    return f"{samples_per_s:,.0f}"


class AccuracyPlot(pg.PlotWidget):
    """Train and test accuracy over steps (classification only: for a regression it says why it stays empty)."""

    no_classes: QLabel | None = None  # pyqtgraph resizes the view while constructing it, before the note exists

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("accuracyPlot")
        self.setLabel("bottom", self.tr("step"))
        self.setLabel("left", self.tr("accuracy"))
        self.setYRange(0, 1)
        cache_axes(self)
        legend_above(self.getPlotItem())
        self.train_curve = self.plot(pen=pg.mkPen(BLUE, width=2), name=self.tr("train"))
        self.test_curve = self.plot(pen=pg.mkPen(ORANGE, width=2), name=self.tr("test"))
        fit_legend_above(self.getPlotItem())
        cache_legend_names(self.getPlotItem().legend)
        self.no_classes = QLabel(self.tr("A regression predicts numbers, not classes, so there is no accuracy to "
                                         "plot: how far off it is shows as the loss, on the Loss tab."),
                                 self, objectName="accuracyNotApplicable", wordWrap=True)
        self.no_classes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_classes.hide()

    def show_task(self, task: str) -> None:
        """The data's task: a regression has no accuracy, which the plot says over its empty axes."""
        self.no_classes.setVisible(task == "regression")
        self._place_note()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.no_classes is not None:
            self._place_note()

    def _place_note(self) -> None:
        """Over the empty axes, clear of the axes' labels."""
        if self.closed:  # a closed PlotWidget has let go of its plot item
            return
        margin, left, bottom = 12, int(self.getAxis("left").width()), int(self.getAxis("bottom").height())
        self.no_classes.setGeometry(left + margin, margin, max(self.width() - left - 2 * margin, 100),
                                    max(self.height() - bottom - 2 * margin, 40))

    def update_from(self, snapshot: Snapshot) -> None:
        for curve, name in ((self.train_curve, "train_accuracy"), (self.test_curve, "test_accuracy")):
            values = snapshot.history.get(name)
            if values is not None:
                keep = numpy.isfinite(values)
                curve.setData(snapshot.history["step"][keep], values[keep], skipFiniteCheck=True)

    def clear_run(self) -> None:
        for curve in (self.train_curve, self.test_curve):
            curve.setData([], [])
        forget_ranges(self, y=False)
        self.setYRange(0, 1)  # accuracy's own scale, as the plot starts
