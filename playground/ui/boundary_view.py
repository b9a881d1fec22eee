"""The decision boundary: the network's output over the input plane as a heatmap with the training
(and, on request, test) points, as in TensorFlow Playground; or one unit's output over the plane."""

from __future__ import annotations

import numpy
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from playground.session import Snapshot
from playground.ui.coloured_grid import ColouredGrid
from playground.ui.theme import BOUNDARY_COLORS

NEURON_LEVEL_FLOOR = 1e-6  # a unit that is 0 everywhere still gets a colour scale around 0
MIN_SIDE = 250  # pixels: below this the points of a data set run together


class SquareFrame(QWidget):
    """Holds one widget as the largest square that fits, centred: a plane drawn with equal axes then
    spans its data's range on both axes, instead of a wide strip of empty plane beside a small square."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        self.square = True  # False: the child takes the whole frame (a curve over x is wide)
        child.setParent(self)

    def set_square(self, square: bool) -> None:
        self.square = square
        self._place()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.child.minimumSizeHint().expandedTo(QSize(MIN_SIDE, MIN_SIDE))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        if not self.square:
            self.child.setGeometry(self.rect())
            return
        side = min(self.width(), self.height())
        self.child.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)


class DecisionBoundaryView(QWidget):
    """The output (or a chosen unit) over the plane, with toggles for discretizing it and for the test points."""

    example_clicked = Signal(int)  # a training point clicked: its row in the training split

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBoundaryView")
        self.plot = pg.PlotWidget(background=None)
        # Both axes over the data's range, in a square frame: the plane comes out square but for the few
        # pixels the left axis is wider than the bottom one is tall (a locked aspect would pad one axis instead).
        self.plot.setMouseEnabled(x=False, y=False)
        self.image = ColouredGrid()
        self.plot.addItem(self.image)
        # TensorFlow Playground's marks: training points ringed in white, test points in black. A point
        # shows its ring even inside a region of its own colour. Test points go below the training points.
        self.test_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen((20, 20, 20), width=1.5))
        self.test_points.setVisible(False)
        self.plot.addItem(self.test_points)
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen((255, 255, 255), width=1), hoverable=True)
        self.points.setToolTip(self.tr("Click a training point to step through backpropagation on it"))
        self.points.sigClicked.connect(lambda _item, points, _event: self.example_clicked.emit(points[0].index()))
        self.plot.addItem(self.points)
        # At every snapshot only the picture changes, and every item it lies under (the points, the axes' ticks)
        # is painted again: from Qt's pixmap of each, not in pyqtgraph's Python, on the thread the training shares
        # Python's lock with. A point's pixmap blends onto the picture to within 2 of 255 of a point drawn on it.
        for item in (self.test_points, self.points, self.plot.getAxis("left"), self.plot.getAxis("bottom")):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.caption = QPushButton(objectName="neuronCaption", flat=True)
        self.caption.setToolTip(self.tr("Show the network's output again"))
        self.caption.hide()
        self.caption.clicked.connect(lambda: self.show_neuron(None))
        self.discretize = QCheckBox(self.tr("Discretize output"), objectName="discretizeOutput")
        self.discretize.setToolTip(self.tr("Show the predicted class (or sign) instead of the smooth output"))
        self.discretize.toggled.connect(lambda _on: self._redraw())
        self.show_test = QCheckBox(self.tr("Show test data"), objectName="showTestPoints")
        self.show_test.setToolTip(self.tr("Draw the test points too, ringed in black"))
        self.show_test.toggled.connect(self.test_points.setVisible)
        toggles = QHBoxLayout()
        toggles.addWidget(self.discretize)
        toggles.addWidget(self.show_test)
        toggles.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(SquareFrame(self.plot), 1)
        layout.addLayout(toggles)
        self.regression = False
        self.rect = QRectF(-6, -6, 12, 12)
        self._snapshot: Snapshot | None = None
        self._neuron: tuple[str, int, numpy.ndarray | None] | None = None
        self._preview: tuple[str, int, numpy.ndarray | None] | None = None  # a unit under the pointer, for now

    def show_points(self, points: numpy.ndarray | None, labels: numpy.ndarray, regression: bool,
                    extent: tuple[float, float], *, test_points: numpy.ndarray | None = None,
                    test_labels: numpy.ndarray | None = None) -> None:
        """Set once per dataset: the training (and test) points coloured by label. The previous
        network's picture goes, and the view shows the output again."""
        self.regression = regression
        self._snapshot, self._neuron, self._preview = None, None, None
        self.caption.hide()
        self.image.clear()
        low, high = extent
        self.rect = QRectF(low, low, high - low, high - low)
        self.plot.setRange(xRange=extent, yRange=extent, padding=0.02)
        if points is None or points.shape[1] != 2:
            self.points.setData([], [])
            self.test_points.setData([], [])
            return
        self.points.setData(points[:, 0], points[:, 1], brush=[pg.mkBrush(c) for c in self._colors(labels)])
        if test_points is None or test_labels is None:
            self.test_points.setData([], [])
        else:
            brushes = [pg.mkBrush(c) for c in self._colors(test_labels)]
            self.test_points.setData(test_points[:, 0], test_points[:, 1], brush=brushes)

    def _colors(self, labels: numpy.ndarray) -> list:
        values = labels.reshape(len(labels), -1)[:, 0].astype(float)
        shade = (values + 1) / 2 if self.regression else values
        return [BOUNDARY_COLORS.map(float(v), mode="qcolor") for v in numpy.clip(shade, 0, 1)]

    def show_neuron(self, path: str | None, unit: int = 0, grid: numpy.ndarray | None = None) -> None:
        """From now on draw unit `unit` (counted from 0) of layer `path` instead of the output; None
        goes back to the output. `grid`, row 0 at the top of the plane, is a fixed picture to draw
        instead of the snapshot's, for units no snapshot holds such as input feature `unit` ("input")."""
        self._neuron = None if path is None else (path, unit, grid)
        self._redraw()

    def preview_neuron(self, path: str | None, unit: int = 0, grid: numpy.ndarray | None = None) -> None:
        """Draw a unit while the pointer is over it, as TensorFlow Playground does; None goes back to
        what was chosen (the output, or the unit clicked)."""
        self._preview = None if path is None else (path, unit, grid)
        self._redraw()

    def update_from(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._redraw()

    def clear_run(self) -> None:
        """No network's output: the points stay, the picture of the output goes (an input feature
        chosen for the big view still draws, since it is data)."""
        self._snapshot = None
        self.image.clear()
        self._redraw()

    def _neuron_grid(self) -> tuple[numpy.ndarray | None, str]:
        """The chosen unit's grid and its caption, or (None, "") when there is none to show."""
        shown = self._preview or self._neuron
        if shown is None:
            return None, ""
        path, unit, grid = shown
        if grid is None and self._snapshot is not None:
            units = self._snapshot.neuron_grids.get(path)
            if units is not None and units.ndim == 3 and 0 <= unit < len(units):
                grid = units[unit]
        if grid is None:
            return None, ""
        if shown is self._preview:
            what = self.tr("input feature {0}").format(unit + 1) if path == "input" else \
                self.tr("layer {0}, unit {1}").format(path, unit + 1)
            return grid, self.tr("Showing {0}, under the pointer").format(what)
        if path == "input":
            return grid, self.tr("Showing input feature {0} — click to go back to the output").format(unit + 1)
        return grid, self.tr("Showing layer {0}, unit {1} — click to go back to the output").format(path, unit + 1)

    def _redraw(self) -> None:
        grid, caption = self._neuron_grid()
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        if grid is not None:
            magnitudes = numpy.abs(grid[numpy.isfinite(grid)])
            reach = max(float(magnitudes.max()) if magnitudes.size else 0.0, NEURON_LEVEL_FLOOR)
            levels = (-reach, reach)  # symmetric, so that white is 0 and the colours are signs
        else:
            snapshot = self._snapshot
            if snapshot is None or snapshot.boundary is None or snapshot.boundary.ndim != 2:
                self.image.clear()  # nothing to show: not the unit that was under the pointer a moment ago
                return
            grid = snapshot.boundary
            levels = (-1.0, 1.0) if self.regression else (0.0, 1.0)
        if self.discretize.isChecked():
            # The middle of the levels is the 0.5 threshold of a probability and the sign of anything else.
            grid = numpy.where(grid >= (levels[0] + levels[1]) / 2, levels[1], levels[0])
        # The grid's row 0 is the top of the plane; the image's row 0 is drawn at the bottom.
        self.image.set_values(grid[::-1], levels)
        self.image.setRect(self.rect)  # after setImage: the rect scales by the image's size
