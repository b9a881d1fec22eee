"""The views of a network on images, beside the test images above the plots: the Filters view draws
each Conv2D layer's kernels, and the Feature maps view follows one test image through every layer.
Both follow training live, from what snapshots carry while a view is shown (Control.watch_images).

Each view is rows of pictures, one per layer, a title beside each; the rows are made again only when
the network's shapes change, and every snapshot only sets their images. They scroll where the pane is lower
than their titles need. Signed values are drawn on the app's sign colours (orange below zero, white at zero,
blue above), each layer on its own scale.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from playground.engine import NetworkSpec
from playground.engine.layer_specs import layer_named
from playground.session import Snapshot
from playground.session.layer_pictures import FeatureMaps
from playground.ui.mosaic import Tiling, kernel_tile, kernel_tiles, kernel_tiling
from playground.ui.network_blocks import layer_title
from playground.ui.stepper.notation import number
from playground.ui.theme import BOUNDARY_COLORS, plot_foreground
from playground.ui.translation import shown_class_names

SIGN_LUT = BOUNDARY_COLORS.getLookupTable(nPts=256)
MAPS_PER_LINE = 16  # feature maps in a line before the row wraps
KERNELS_PER_LINE = 8  # the kernels of a layer on one channel, in a line before the row wraps
# The per cent of a layer's largest |values| drawn in its fullest colour: a few weights stand out, and the maps
# have a long tail of large values (after a ReLU) above a mass of small ones that would look all but white.
KERNELS_SATURATED, MAPS_SATURATED = 1.0, 5.0
STRIP_PX = 30  # the height of a row that shows a flat vector: its title takes two lines
TITLE_PX = 118  # the titles' column, at least: as wide as its longest title


@dataclass
class PictureRow:
    """One row: its ViewBox and image, how the image is tiled, and the name of its values for the hover text."""

    box: pg.ViewBox
    image: pg.ImageItem
    tiling: Tiling
    index: Callable[[int, int, int], str]  # (map k, i, j) -> the value as the hover text names it: "K[0, 1, 2, 5]"
    values: numpy.ndarray | None = None  # the image as drawn


class PictureRows(pg.GraphicsLayoutWidget):
    """Rows of pictures with their titles; says what value is under the pointer in `hovered`."""

    hovered = Signal(str)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setBackground(None)
        self.rows: dict[str, PictureRow] = {}
        self.titles: list[pg.LabelItem] = []
        self.key: tuple | None = None  # what the rows were made for
        self.scene().sigMouseMoved.connect(self._moved)

    def clear_rows(self) -> None:
        self.ci.clear()
        self.rows, self.titles, self.key = {}, [], None
        self.setMinimumHeight(0)

    def add_row(self, key: str, title: str, tiling: Tiling, index, strip: bool = False,
                lines: int | None = None) -> PictureRow:
        """A row titled `title` for an image tiled so, as tall as `lines` lines of tiles beside the others (by
        default its own); a strip (a flat vector) is one line of cells, stretched."""
        row = len(self.rows)
        text = "<br>".join(html.escape(line) for line in title.split("\n"))
        label = self.ci.addLabel(text, row=row, col=0, justify="right", color=plot_foreground(), size="9pt")
        self.titles.append(label)
        # One width for all, so that they stay right-aligned on the pictures; a longer title ("Conv2D 16 3×3 ReLU",
        # or one in another language) widens the column rather than losing its start off the left edge.
        width = max(TITLE_PX, *(math.ceil(title.itemRect().width()) for title in self.titles))
        for title in self.titles:
            title.setFixedWidth(width)
        box = self.ci.addViewBox(row=row, col=1, lockAspect=not strip, invertY=True, enableMouse=False,
                                 enableMenu=False, defaultPadding=0.02)
        image = pg.ImageItem(axisOrder="row-major", nanPolicy="omit")
        box.addItem(image)
        height, width = tiling.shape
        box.setRange(QRectF(0, 0, width, height), padding=0.02)
        if strip:
            box.setFixedHeight(STRIP_PX)
        self.ci.layout.setRowStretchFactor(row, 0 if strip else lines or tiling.rows)
        self.rows[key] = PictureRow(box, image, tiling, index)
        # As tall as the titles need: where the pane is lower (LeNet's eight rows at 1280×720), the rows scroll
        # rather than the last of them, the network's output, lying out of reach below the view.
        self.setMinimumHeight(math.ceil(self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()))
        return self.rows[key]

    def set_values(self, key: str, values: numpy.ndarray, levels: tuple[float, float], lut=SIGN_LUT) -> None:
        row = self.rows[key]
        row.values = values
        row.image.setLookupTable(lut)
        row.image.setImage(values, levels=levels, autoLevels=False)

    def _moved(self, pos: QPointF) -> None:
        for row in self.rows.values():
            if row.values is None or not row.box.sceneBoundingRect().contains(pos):
                continue
            point = row.box.mapSceneToView(pos)
            place = row.tiling.locate(math.floor(point.y()), math.floor(point.x()))
            if place is not None:
                r, c = row.tiling.origin(place[0])
                value = row.values[r + place[1], c + place[2]]
                if numpy.ndim(value) == 0:
                    self.hovered.emit(f"{row.index(*place)} = {number(float(value))}")
                    return
        self.hovered.emit("")


def signed_levels(values: numpy.ndarray, saturated: float) -> tuple[float, float]:
    """Levels centred on zero, −m to m, m as large as all but the largest `saturated` per cent of |values|: a few
    large values do not leave every other one pale."""
    finite = numpy.abs(values[numpy.isfinite(values)])
    largest = float(numpy.percentile(finite, 100 - saturated)) if finite.size else 0.0
    return (-largest, largest) if largest > 0 else (-1.0, 1.0)


class PictureView(QWidget):
    """A caption, the rows, and the value under the pointer."""

    def __init__(self, name: str, empty: str) -> None:
        super().__init__()
        self.empty = empty
        self.caption = QLabel(empty, objectName=f"{name}Caption", wordWrap=True)
        self.pictures = PictureRows(name)
        self.hover = QLabel(objectName=f"{name}Hover")
        self.pictures.hovered.connect(self.hover.setText)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.pictures)
        self.layout_.addWidget(self.caption)
        self.layout_.addWidget(scroll, 1)
        self.layout_.addWidget(self.hover)
        self.titles: dict[str, str] = {}
        self.types: dict[str, str] = {}  # by path: what a row is, whatever language its title is in

    def show_network(self, spec: NetworkSpec | None) -> None:
        """The layers' names for the titles, as the network view writes them."""
        self.titles, self.types = {}, {}
        if spec is not None:
            infos = [info for info in spec.validate() if "." not in info.path]
            self.titles = {info.path: layer_title(layer, info) for layer, info in zip(spec.layers, infos)}
            self.types = {info.path: info.type for info in infos}

    def clear_run(self) -> None:
        self.pictures.clear_rows()
        self.caption.setText(self.empty)
        self.hover.clear()


class FiltersView(PictureView):
    """Each Conv2D layer's kernels as an image grid: a tile per kernel slice K[c, :, :, f], a row of tiles per
    input channel c and a column per filter f (one channel's filters wrap)."""

    def __init__(self) -> None:
        super().__init__("filters", self.tr("Each Conv2D layer's kernels show here as they learn, once training "
                                            "starts (Train or Step)."))
        self.setObjectName("filtersView")

    def update_from(self, snapshot: Snapshot) -> None:
        kernels = snapshot.kernels
        if not kernels:
            return
        pictures = self.pictures
        key = tuple((path, values.shape) for path, values in kernels.items())
        if key != pictures.key:
            pictures.clear_rows()
            for path, values in kernels.items():
                channels, height, width, filters = values.shape
                tiling = kernel_tiling(channels, height, width, filters, KERNELS_PER_LINE)
                title = self.tr("layer {0}\n{1}\n{2} → {3} maps").format(
                    path, self.titles.get(path, "conv2d"), channels, filters)
                pictures.add_row(path, title, tiling, self._index(path, filters))
            pictures.key = key
            self.caption.setText(self.tr("K[c, :, :, f] of each Conv2D layer: a row per input channel c, a column "
                                         "per filter f. Blue above zero, orange below, each layer on its own scale; "
                                         "hover over a weight to read it."))
        for path, values in kernels.items():
            row = pictures.rows[path]
            row.values = row.tiling.place(kernel_tiles(values), row.values)
            pictures.set_values(path, row.values, signed_levels(values, KERNELS_SATURATED))

    @staticmethod
    def _index(path: str, filters: int):
        def index(k: int, i: int, j: int) -> str:
            channel, kernel = kernel_tile(k, filters)
            return f"{layer_named(path)}: K[{channel}, {i}, {j}, {kernel}]"
        return index


class FeatureMapsView(PictureView):
    """One test image followed through every layer: the image, each layer's maps (or its flat output as a
    strip of cells), and what the network predicts for it. Flatten is left out: its values are the maps
    before it, in one vector."""

    image_chosen = Signal(int)  # the test image to follow

    def __init__(self) -> None:
        super().__init__("featureMaps", self.tr("One test image through every layer shows here once training "
                                                "starts (Train or Step)."))
        self.setObjectName("featureMapsView")
        self.image_input = QSpinBox(objectName="featureImageInput")
        self.image_input.setToolTip(self.tr("Which test image to follow through the network"))
        self.image_input.valueChanged.connect(self.image_chosen)
        self.prediction = QLabel(objectName="featurePrediction")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Test image"), buddy=self.image_input))
        row.addWidget(self.image_input)
        row.addWidget(self.prediction, 1)
        self.layout_.insertLayout(0, row)
        self.dataset = None
        self.shown: FeatureMaps | None = None

    def show_dataset(self, dataset) -> None:
        self.dataset = dataset
        self.image_input.setRange(0, max(len(dataset.x_test) - 1, 0))

    @property
    def image(self) -> int:
        return self.image_input.value()

    def follow(self, image: int) -> None:
        """Follow test image `image`, as if its number were typed (image_chosen tells the window)."""
        self.image_input.setValue(image)

    def update_from(self, snapshot: Snapshot) -> None:
        maps = snapshot.feature_maps
        if maps is None or maps.index != self.image:
            return
        self.shown = maps
        pictures = self.pictures
        shown = {path: values for path, values in maps.outputs.items() if self.types.get(path) != "flatten"}
        key = (maps.image.shape, tuple((path, values.shape) for path, values in shown.items()))
        if key != pictures.key:
            pictures.clear_rows()
            self._add_row("input", self.tr("input"), maps.image)
            for path, values in shown.items():
                self._add_row(path, self.tr("layer {0}\n{1}").format(path, self.titles.get(path, "")), values)
            pictures.key = key
            self.caption.setText(self.tr("Each layer's output for this test image, as it is now: a tile per map. "
                                         "Blue above zero, orange below, each layer on its own scale; hover over "
                                         "a value to read it."))
        self._show_image(maps.image)
        for path, values in shown.items():
            row = pictures.rows[path]
            row.values = row.tiling.place(values if values.ndim == 3 else values.reshape(-1, 1, 1), row.values)
            pictures.set_values(path, row.values, signed_levels(values, MAPS_SATURATED))
        self.prediction.setText(self._prediction(maps))

    def clear_run(self) -> None:
        super().clear_run()
        self.shown = None
        self.prediction.clear()

    def _add_row(self, key: str, title: str, values: numpy.ndarray) -> None:
        if values.ndim == 3 and not (key == "input" and values.shape[0] == 3):
            count, height, width = values.shape
            tiling = Tiling.wrapped(count, height, width, MAPS_PER_LINE)
            name = "x" if key == "input" else f"{layer_named(key)}: a"

            def index(k: int, i: int, j: int) -> str:
                return f"{name}[{k}, {i}, {j}]"
            self.pictures.add_row(key, title, tiling, index, lines=2 if key == "input" else None)
        elif values.ndim == 3:  # a colour image: one tile, its three channels drawn together
            self.pictures.add_row(key, title, Tiling(1, *values.shape[1:], 1), lambda k, i, j: f"x[:, {i}, {j}]",
                                  lines=2)
        else:  # a flat vector: a strip of cells, a cell per feature
            name = "x" if key == "input" else f"{layer_named(key)}: a"
            self.pictures.add_row(key, title, Tiling(values.size, 1, 1, values.size, gap=0),
                                  lambda k, i, j: f"{name}[{k}]", strip=True)

    def _show_image(self, image: numpy.ndarray) -> None:
        """The input as the network takes it: grey, or in colour for three channels."""
        pictures, row = self.pictures, self.pictures.rows["input"]
        if image.ndim == 3 and image.shape[0] == 3:
            low, high = float(image.min()), float(image.max())
            row.values = (image.transpose(1, 2, 0) - low) / max(high - low, 1e-12)
            row.image.setImage(row.values, levels=(0, 1), autoLevels=False)
        elif image.ndim == 3:
            row.values = row.tiling.place(image, row.values)
            low, high = float(image.min()), float(image.max())
            pictures.set_values("input", row.values, (low, high if high > low else low + 1.0), lut=None)
        else:
            row.values = row.tiling.place(image.reshape(-1, 1, 1), row.values)
            pictures.set_values("input", row.values, signed_levels(image, MAPS_SATURATED))

    def _prediction(self, maps: FeatureMaps) -> str:
        dataset = self.dataset
        if dataset is None or dataset.task == "regression":
            return self.tr("predicted {0}").format(", ".join(number(float(v)) for v in maps.prediction[:4]))
        truth = dataset.y_test[maps.index]
        if dataset.task == "binary":
            guess, confidence = int(maps.prediction[0] > 0.5), float(max(maps.prediction[0], 1 - maps.prediction[0]))
            truth = int(truth[0] > 0.5)
        else:
            guess, confidence = int(numpy.argmax(maps.prediction)), float(numpy.max(maps.prediction))
        names = shown_class_names(dataset.class_names)
        return self.tr("true class {0} · predicted {1} ({2:.0%})").format(names[int(truth)], names[guess], confidence)
