"""Live views fed from snapshots: loss, gradient norms per layer, and the decision boundary.

As in pyqtgraph's scrolling-plot examples, every item is created once and later only
updated with setData / setImage, from the window's redraw timer.
"""

from __future__ import annotations

import math

import numpy
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from playground.session import Snapshot

# TensorFlow Playground's colours: orange for class 0 / negative, blue for class 1 / positive.
ORANGE, WHITE, BLUE = (245, 147, 34), (232, 234, 235), (8, 119, 189)
BOUNDARY_COLORS = pg.ColorMap([0.0, 0.5, 1.0], [ORANGE, WHITE, BLUE])


def layer_curves(plot: pg.PlotItem | pg.PlotWidget, old: dict, paths: list[str], label: str,
                 **options) -> dict[str, pg.PlotDataItem]:
    """One curve per layer, coloured from red at the input to blue at the output."""
    for curve in old.values():
        plot.removeItem(curve)
    count = max(len(paths) - 1, 1)
    return {path: plot.plot(pen=pg.mkPen(pg.intColor(int(200 * i / count), hues=240, minHue=0, maxHue=200), width=2),
                            name=label.format(path), **options) for i, path in enumerate(paths)}


def _finite_series(history: dict[str, numpy.ndarray], name: str) -> tuple[numpy.ndarray, numpy.ndarray]:
    values = history.get(name)
    if values is None:
        return numpy.zeros(0), numpy.zeros(0)
    steps = history["step"]
    keep = numpy.isfinite(values) & (values > 0)
    return steps[keep], values[keep]


class LossPlot(QWidget):
    """Train and test loss over steps, with a log-scale toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.plot = pg.PlotWidget(background=None)
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLabel("left", self.tr("loss"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.addLegend(offset=(-10, 10))
        self.train_curve = self.plot.plot(pen=pg.mkPen(BLUE, width=2), name=self.tr("train"))
        self.test_curve = self.plot.plot(pen=pg.mkPen(ORANGE, width=2), name=self.tr("test"))
        for curve in (self.train_curve, self.test_curve):
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
        self.log_scale = QCheckBox(self.tr("log scale"), objectName="lossLogScale")
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        self.log_scale.toggled.connect(lambda on: self.plot.setLogMode(y=on))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.log_scale)

    def update_from(self, snapshot: Snapshot) -> None:
        self.train_curve.setData(*_finite_series(snapshot.history, "train_loss"), skipFiniteCheck=True)
        self.test_curve.setData(*_finite_series(snapshot.history, "test_loss"), skipFiniteCheck=True)


class GradientPlot(pg.PlotWidget):
    """Each layer's weight-gradient norm over steps, log scale, coloured from input to output."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("gradientPlot")
        self.setLabel("bottom", self.tr("step"))
        self.setLabel("left", self.tr("‖∂L/∂W‖"))
        self.getAxis("left").enableAutoSIPrefix(False)
        self.setLogMode(y=True)
        self.addLegend(offset=(-10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}

    def reset(self, layer_paths: list[str]) -> None:
        """One curve per layer with weights; built once per network."""
        self.curves = layer_curves(self, self.curves, layer_paths, self.tr("layer {0}"), clipToView=True)

    def update_from(self, snapshot: Snapshot) -> None:
        for path, curve in self.curves.items():
            curve.setData(*_finite_series(snapshot.history, f"grad_norm/{path}.W"), skipFiniteCheck=True)


class DecisionBoundaryView(pg.PlotWidget):
    """The network's output over the input plane as a heatmap, with the training points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("decisionBoundaryView")
        self.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(BOUNDARY_COLORS)
        self.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen((40, 40, 40), width=1))
        self.addItem(self.points)
        self.regression = False
        self.rect = QRectF(-6, -6, 12, 12)

    def show_points(self, points: numpy.ndarray | None, labels: numpy.ndarray, regression: bool,
                    extent: tuple[float, float]) -> None:
        """Set once per dataset: the training points coloured by label."""
        self.regression = regression
        low, high = extent
        self.rect = QRectF(low, low, high - low, high - low)
        self.setRange(xRange=extent, yRange=extent, padding=0.02)
        if points is None or points.shape[1] != 2:
            self.points.setData([], [])
            self.image.clear()
            return
        shade = (labels[:, 0] + 1) / 2 if regression else labels[:, 0]
        brushes = [pg.mkBrush(BOUNDARY_COLORS.map(float(v), mode="qcolor")) for v in numpy.clip(shade, 0, 1)]
        self.points.setData(points[:, 0], points[:, 1], brush=brushes)

    def update_from(self, snapshot: Snapshot) -> None:
        if snapshot.boundary is None or snapshot.boundary.ndim != 2:
            return
        levels = (-1.0, 1.0) if self.regression else (0.0, 1.0)
        # The snapshot's row 0 is the top of the plane; the image's row 0 is drawn at the bottom.
        self.image.setImage(snapshot.boundary[::-1], levels=levels, autoLevels=False)
        self.image.setRect(self.rect)  # after setImage: the rect scales by the image's size


def format_rate(samples_per_s: float) -> str:
    if not math.isfinite(samples_per_s) or samples_per_s <= 0:
        return "–"
    return f"{samples_per_s:,.0f}"


class AccuracyPlot(pg.PlotWidget):
    """Train and test accuracy over steps (classification only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("accuracyPlot")
        self.setLabel("bottom", self.tr("step"))
        self.setLabel("left", self.tr("accuracy"))
        self.setYRange(0, 1)
        self.addLegend(offset=(-10, -10))
        self.train_curve = self.plot(pen=pg.mkPen(BLUE, width=2), name=self.tr("train"))
        self.test_curve = self.plot(pen=pg.mkPen(ORANGE, width=2), name=self.tr("test"))

    def update_from(self, snapshot: Snapshot) -> None:
        for curve, name in ((self.train_curve, "train_accuracy"), (self.test_curve, "test_accuracy")):
            values = snapshot.history.get(name)
            if values is not None:
                keep = numpy.isfinite(values)
                curve.setData(snapshot.history["step"][keep], values[keep], skipFiniteCheck=True)


class ActivationPlot(pg.PlotWidget):
    """Each layer's output distribution as a histogram outline, coloured from input to output,
    with the share of dead ReLUs or saturated units in the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("activationPlot")
        self.setLabel("bottom", self.tr("activation"))
        self.setLabel("left", self.tr("share of values"))
        self.getAxis("left").enableAutoSIPrefix(False)
        self.legend = self.addLegend(offset=(-10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}

    def reset(self, layer_paths: list[str]) -> None:
        self.curves = layer_curves(self, self.curves, layer_paths, self.tr("layer {0}"), stepMode="center")

    def update_from(self, snapshot: Snapshot) -> None:
        for stats in snapshot.layers:
            curve = self.curves.get(stats.path)
            if curve is None:
                continue
            total = max(int(stats.histogram.sum()), 1)
            curve.setData(stats.edges, stats.histogram / total)
            label = self.legend.getLabel(curve)
            if label is not None:
                share = stats.dead_share if stats.dead_share is not None else stats.saturated_share
                kind = self.tr("dead") if stats.dead_share is not None else self.tr("saturated")
                text = self.tr("layer {0}").format(stats.path)
                label.setText(text if share is None else f"{text} · {share:.0%} {kind}")


def image_shape(dataset) -> tuple[int, int, int] | None:
    """(channels, height, width) when the examples are images, else None."""
    return None if dataset.test_images is None else tuple(dataset.test_images.shape[1:])


class ImageGallery(pg.PlotWidget):
    """A few test images with what the network predicts; mistakes in red with the true class."""

    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("imageGallery")
        self.setAspectLocked(True)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.getViewBox().invertY(True)
        self.mosaic = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.mosaic)
        self.labels: list[pg.TextItem] = []
        self.indices: numpy.ndarray | None = None
        self.dataset = None
        self.shape: tuple[int, int, int] | None = None

    def show_dataset(self, dataset, shape: tuple[int, int, int]) -> None:
        self.dataset, self.shape, self.indices = dataset, shape, None

    def update_from(self, snapshot: Snapshot) -> None:
        if snapshot.gallery is None or self.shape is None:
            return
        indices, predicted = snapshot.gallery
        if self.indices is None or not numpy.array_equal(indices, self.indices):
            self._build(indices)
        truth = self.dataset.y_test[indices]
        names = self.dataset.class_names
        for label, guess, true in zip(self.labels, predicted, truth):
            right = guess == true
            label.setText(names[guess] if right else f"{names[guess]}≠{names[true]}")
            label.setColor((40, 140, 40) if right else (210, 30, 30))

    def _build(self, indices: numpy.ndarray) -> None:
        """The mosaic and one label per tile: made once for a set of test examples."""
        channels, height, width = self.shape
        images = self.dataset.test_images[indices].astype(float)
        # Each image to [0, 1] by its own range, whatever the data set's pixel scale.
        low = images.min(axis=(1, 2, 3), keepdims=True)
        images = (images - low) / numpy.maximum(images.max(axis=(1, 2, 3), keepdims=True) - low, 1e-12)
        rows = math.ceil(len(indices) / self.COLUMNS)
        tile_h, tile_w = height + height // 2, width + 2  # room below each image for its label
        mosaic = numpy.full((rows * tile_h, self.COLUMNS * tile_w, channels), numpy.nan)
        for k, image in enumerate(images):
            r, c = divmod(k, self.COLUMNS)
            mosaic[r * tile_h : r * tile_h + height, c * tile_w : c * tile_w + width] = image.transpose(1, 2, 0)
        mosaic = numpy.nan_to_num(mosaic, nan=1.0)
        self.mosaic.setImage(mosaic[..., 0] if channels == 1 else mosaic, levels=(0, 1))
        for label in self.labels:
            self.removeItem(label)
        self.labels = []
        for k in range(len(indices)):
            r, c = divmod(k, self.COLUMNS)
            label = pg.TextItem(anchor=(0.5, 0))
            label.setPos(c * tile_w + width / 2, r * tile_h + height)
            self.addItem(label)
            self.labels.append(label)
        self.indices = indices
