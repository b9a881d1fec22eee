"""Live views fed from snapshots: the loss, each layer's gradient norm, the accuracy, and the test images.

As in pyqtgraph's scrolling-plot examples, every item is created once and later only
updated with setData / setImage, from the window's redraw timer.
"""

from __future__ import annotations

import math

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

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
)
from playground.ui.theme import BLUE, ORANGE, plot_foreground
from playground.ui.thinned_curves import ThinnedCurves
from playground.ui.translation import shown_class_names

# Gradient norms that deserve a warning: the first layer getting less than this share of the last
# layer's (vanishing), or any layer's above this size (exploding).
VANISHING_RATIO = 1e-3
EXPLODING_NORM = 1e3


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
        self.plot.getAxis("left").enableAutoSIPrefix(False)
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
        # The history's last step, not the snapshot's: after a divergence it shows the steps undone.
        recorded = snapshot.history.get("step", ())
        self.steps.follow(max(snapshot.step, int(recorded[-1]) if len(recorded) else 0))
        # A long run's history keeps one point in many: most of its snapshots bring no point to draw.
        series = tuple(snapshot.history.get(name) for name in ("step", "train_loss", "test_loss"))
        if not same_series(series, self._drawn):
            self._drawn = series
            steps, losses = _finite_series(snapshot.history, "train_loss")
            self.thinned.set_data(self.raw_train_curve, steps, losses)
            show_points_if_few(self.train_curve, len(steps))
            self.thinned.set_data(self.train_curve, steps, smoothed_loss(steps, losses))
            test_steps, test_losses = _finite_series(snapshot.history, "test_loss")
            show_points_if_few(self.test_curve, len(test_steps))
            self.thinned.set_data(self.test_curve, test_steps, test_losses)
            # The range now, not in pyqtgraph's prepareForPaint: changed while painting, it asks for a second paint
            # of the whole plot, on the thread the training waits for. So does the transform, below.
            self.plot.getViewBox().updateAutoRange()
        self.plot.getViewBox().updateMatrix()

    def clear_run(self) -> None:
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

    def reset(self, layer_paths: list[str]) -> None:
        """One curve per layer with weights; built once per network."""
        self.thinned.forget()
        self.curves = layer_curves(self, self.curves, layer_paths, self.tr("layer {0}"))
        for curve in self.curves.values():
            dotted_when_few(curve)
        self._show_diagnosis(None)

    def update_from(self, snapshot: Snapshot) -> None:
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


def image_shape(dataset) -> tuple[int, int, int] | None:
    """(channels, height, width) when the examples are images, else None."""
    return None if dataset.test_images is None else tuple(dataset.test_images.shape[1:])


class ImageGallery(pg.PlotWidget):
    """A few test images with what the network predicts; mistakes in red, over the true class ("cat" over
    "≠ dog"). A click on one says which test image it is in `image_clicked`.

    The tiles take the pane's width, so that a label as wide as the longest class name fits under its image where
    the pane allows; a name still too wide is cut short ("autom…"), whole in the label's tooltip. The layout is
    worked out again when the pane is resized."""

    COLUMNS = 8
    image_clicked = Signal(int)  # the index in the test split of the image clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("imageGallery")
        self.setAspectLocked(True)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.getViewBox().invertY(True)
        self.getViewBox().setMouseEnabled(False, False)  # the layout fills the pane: nothing to pan or zoom
        self.setTitle(self.tr("Under each image, the class predicted; in red, a mistake: predicted ≠ true class"),
                      size="9pt", color=plot_foreground())
        self.mosaic = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.mosaic)
        self.labels: list[pg.TextItem] = []
        self.indices: numpy.ndarray | None = None
        self.predicted: numpy.ndarray | None = None
        self.images: numpy.ndarray | None = None  # (n, height, width, channels), each on [0, 1]
        self.dataset = None
        self.shape: tuple[int, int, int] | None = None
        self.tile = (1, 1)  # the height and width of an image's tile, its label below it, in image pixels
        self.label_width = 0.0  # the pixels a label's line may take before it is cut short
        self.scene().sigMouseClicked.connect(self._clicked)
        self.getViewBox().sigResized.connect(self._lay_out)

    def show_dataset(self, dataset, shape: tuple[int, int, int]) -> None:
        """Other data: the images of the data before go, and the first snapshot shows the new data's."""
        self.dataset, self.shape, self.indices, self.predicted, self.images = dataset, shape, None, None, None
        self.mosaic.clear()
        self._remove_labels()

    def update_from(self, snapshot: Snapshot) -> None:
        if snapshot.gallery is None or self.shape is None:
            return
        indices, predicted = snapshot.gallery
        if self.indices is None or not numpy.array_equal(indices, self.indices):
            self._build(indices)
        self.predicted = predicted
        self._write_labels()

    def clear_run(self) -> None:
        """The images stay (they are data); what a network predicted for them goes."""
        self.predicted = None
        for label in self.labels:
            label.setText("")
            label.setToolTip("")

    def _build(self, indices: numpy.ndarray) -> None:
        """The images and one label per tile: made once for a set of test examples."""
        images = self.dataset.test_images[indices].astype(float)
        # Each image to [0, 1] by its own range, whatever the data set's pixel scale.
        low = images.min(axis=(1, 2, 3), keepdims=True)
        images = (images - low) / numpy.maximum(images.max(axis=(1, 2, 3), keepdims=True) - low, 1e-12)
        self.images = images.transpose(0, 2, 3, 1)
        self._remove_labels()
        for _ in range(len(indices)):
            label = pg.TextItem(anchor=(0.5, 0))
            label.setFont(self.font())
            label.textItem.document().setDocumentMargin(1)
            self.addItem(label)
            self.labels.append(label)
        self.indices = indices
        self._lay_out()

    def _lay_out(self) -> None:
        """Tiles as wide as the pane allows, up to the width of the longest label, and images as large as the
        height leaves them under two lines of label; the mosaic drawn again with those gaps."""
        if self.images is None:
            return
        count, height, width, channels = self.images.shape
        rows = math.ceil(count / self.COLUMNS)
        size = self.getViewBox().size()
        metrics = QFontMetricsF(self.font())
        label_px = 2 * metrics.height() + 4  # two lines and the labels' margins
        widest = max(metrics.horizontalAdvance(f"≠ {name}") for name in shown_class_names(self.dataset.class_names)) + 4
        tile_px = min(max(widest, 1.0), size.width() / self.COLUMNS)
        # Pixels of the screen per pixel of an image: what the height leaves, within the tile, never below half.
        scale = max(min((size.height() / rows - label_px) / height, 0.92 * tile_px / width), 0.5)
        tile_w = max(width + 2, math.ceil(tile_px / scale))
        tile_h = height + math.ceil(label_px / scale)
        mosaic = numpy.ones((rows * tile_h, self.COLUMNS * tile_w, channels))
        left = (tile_w - width) // 2
        for k, image in enumerate(self.images):
            r, c = divmod(k, self.COLUMNS)
            mosaic[r * tile_h : r * tile_h + height, c * tile_w + left : c * tile_w + left + width] = image
        self.mosaic.setImage(mosaic[..., 0] if channels == 1 else mosaic, levels=(0, 1))
        for k, label in enumerate(self.labels):
            r, c = divmod(k, self.COLUMNS)
            label.setPos(c * tile_w + tile_w / 2, r * tile_h + height)
        self.tile, self.label_width = (tile_h, tile_w), tile_w * scale - 4
        self.setRange(xRange=(0, self.COLUMNS * tile_w), yRange=(0, rows * tile_h), padding=0)
        self._write_labels()

    def _write_labels(self) -> None:
        """Each label: the class predicted, and under a mistake the true class, cut short to the tile's width."""
        if self.predicted is None or not self.labels:
            return
        truth = self.dataset.y_test[self.indices]
        names = shown_class_names(self.dataset.class_names)
        metrics = QFontMetricsF(self.font())

        def fitted(line: str) -> str:
            return metrics.elidedText(line, Qt.TextElideMode.ElideRight, self.label_width)

        for label, guess, true in zip(self.labels, self.predicted, truth):
            right = guess == true
            text = fitted(names[guess]) if right else f"{fitted(names[guess])}\n{fitted(f'≠ {names[true]}')}"
            if label.toPlainText() != text:  # most stay as they were: an unchanged label is not drawn again
                label.setText(text)
                label.setColor((40, 140, 40) if right else (210, 30, 30))
                label.setToolTip(self.tr("predicted {0}, true class {1}").format(names[guess], names[true]))

    def _remove_labels(self) -> None:
        for label in self.labels:
            self.removeItem(label)
        self.labels = []

    def _clicked(self, event) -> None:
        if self.indices is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.getViewBox().mapSceneToView(event.scenePos())
        row, column = math.floor(point.y() / self.tile[0]), math.floor(point.x() / self.tile[1])
        k = row * self.COLUMNS + column
        if row >= 0 and 0 <= column < self.COLUMNS and k < len(self.indices):
            self.image_clicked.emit(int(self.indices[k]))
