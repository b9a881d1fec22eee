"""The Test images tab: a mosaic of test images with the class predicted under each, mistakes in red, laid out from
the pane's size. The images show as soon as the data do, not predicted yet until a network has predicted them."""

from __future__ import annotations

import math

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPalette
from PySide6.QtWidgets import QWidget

from playground.session import Snapshot
from playground.ui.theme import plot_foreground
from playground.ui.translation import shown_class_names

TITLE_HEIGHT = 30  # pyqtgraph's title row, one line


def image_shape(dataset) -> tuple[int, int, int] | None:
    """(channels, height, width) when the examples are images, else None."""
    return None if dataset.test_images is None else tuple(dataset.test_images.shape[1:])


class ImageGallery(pg.PlotWidget):
    """A few test images with what the network predicts; mistakes in red, over the true class ("cat" over
    "≠ dog"). Before a network has predicted them (no run yet, or a run just gone), a grey "?" under each and the
    title say so. A click on one says which test image it is in `image_clicked`.

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
        self.titled_predicted: bool | None = None  # whether the title tells of predictions, or of none yet
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
        self._write_title()

    def show_dataset(self, dataset, shape: tuple[int, int, int], indices: numpy.ndarray) -> None:
        """Other data: test images `indices` of them in place of the images before, not predicted yet. The window
        shows those the session will predict (session.gallery_examples), so that the first snapshot only labels
        them."""
        self.dataset, self.shape, self.predicted = dataset, shape, None
        self._build(indices)

    def update_from(self, snapshot: Snapshot) -> None:
        if snapshot.gallery is None or self.shape is None:
            return
        indices, self.predicted = snapshot.gallery
        if self.indices is None or not numpy.array_equal(indices, self.indices):
            self._build(indices)  # lays the tiles out and writes their labels
        else:
            self._write_labels()

    def clear_run(self) -> None:
        """The images stay (they are data); what a network predicted for them goes."""
        self.predicted = None
        self._write_labels()

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
        """Each label: the class predicted, and under a mistake the true class, cut short to the tile's width; a
        grey "?" while nothing is predicted."""
        self._write_title()
        if not self.labels:
            return
        truth = self.dataset.y_test[self.indices]
        names = shown_class_names(self.dataset.class_names)
        if self.predicted is None:
            for label, true in zip(self.labels, truth):
                label.setText("?")
                label.setColor(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
                label.setToolTip(self.tr("true class {0}; not predicted yet").format(names[true]))
            return
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

    def _write_title(self) -> None:
        predicted = self.predicted is not None
        if predicted == self.titled_predicted:
            return
        self.titled_predicted = predicted
        self.setTitle(self.tr("Under each image, the class predicted; in red, a mistake: predicted ≠ true class")
                      if predicted else self.tr("Not predicted yet: Train or Step, and the class the network predicts "
                                                "shows under each image"), size="9pt", color=plot_foreground())
        self._fit_title()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._fit_title()  # first: the plot is laid out to the widget's new size no narrower than its title
        super().resizeEvent(event)

    def _fit_title(self) -> None:
        """The title wrapped to the pane's width when one line is wider, its row as tall as its lines: pyqtgraph keeps
        it on one line and makes the plot as wide, so that a pane beside a lesson cut it off mid-word."""
        plot = self.getPlotItem()
        if plot is None:  # resized while pyqtgraph builds the widget, before its plot exists
            return
        text = plot.titleLabel.item
        document = text.document().clone()
        document.setTextWidth(-1)
        room = self.width() - 8
        wrap = room if 0 < room < document.size().width() else -1
        if text.textWidth() != wrap:
            text.setTextWidth(wrap)
        height = max(TITLE_HEIGHT, math.ceil(text.boundingRect().height()))
        plot.titleLabel.setMaximumHeight(height)
        plot.layout.setRowFixedHeight(0, height)
        plot.titleLabel.updateMin()

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
