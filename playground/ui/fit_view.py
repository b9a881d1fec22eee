"""The fit of a regression with no plane of inputs to draw on. For one input (the sine wave): the training
(and, on request, test) points as (x, y) dots and the network's prediction as a curve over x. For several (a
table, a CSV file): each example's prediction against its true value, with the diagonal y = x where a
perfect prediction lies. Both in the target's own units, with a line that reads the typical error as the
Metrics tab does."""

from __future__ import annotations

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.data import Dataset
from playground.session import RegressionFit, Snapshot
from playground.ui.boundary_view import SquareFrame
from playground.ui.metrics_view import typical_error
from playground.ui.theme import BLUE, ORANGE, legend_backdrop
from playground.words import plain_number

CURVE = (214, 39, 40)  # the prediction: apart from the training (blue) and test (orange) points
MARGIN = 0.05  # of the values' range, on each side of the plot


def draws_fit(dataset: Dataset) -> bool:
    """Whether these data's output is drawn as a fit: a regression the decision boundary cannot draw (its
    inputs are not a plane)."""
    planar = dataset.points_train is not None and dataset.points_train.shape[1] == 2
    return dataset.task == "regression" and not planar


class FitView(QWidget):
    """What a regression's network predicts, over x or against the truth, moving as it trains."""

    example_clicked = Signal(int)  # a training point clicked: its row in the training split

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitView")
        self.plot = pg.PlotWidget(background=None)
        self.plot.setMouseEnabled(x=False, y=False)
        self.legend = self.plot.addLegend(offset=(10, 10), brush=legend_backdrop())
        self.diagonal = pg.InfiniteLine(pos=(0, 0), angle=45, pen=pg.mkPen((128, 128, 128), width=1.5,
                                                                         dash=[4, 4]))
        self.diagonal.setToolTip(self.tr("Where a perfect prediction lies: predicted = true"))
        self.plot.addItem(self.diagonal)
        # The boundary view's marks: training points ringed in white, test points in black, below them.
        self.test_points = pg.ScatterPlotItem(size=6, pen=pg.mkPen((20, 20, 20), width=1), brush=pg.mkBrush(ORANGE))
        self.test_points.setVisible(False)
        self.plot.addItem(self.test_points)
        self.points = pg.ScatterPlotItem(size=6, pen=pg.mkPen((255, 255, 255), width=1), brush=pg.mkBrush(BLUE),
                                         hoverable=True)
        self.points.setToolTip(self.tr("Click a training point to step through backpropagation on it"))
        self.points.sigClicked.connect(lambda _item, points, _event: self._clicked(points[0].index()))
        self.plot.addItem(self.points)
        self.curve = self.plot.plot(pen=pg.mkPen(CURVE, width=2.5))
        self.readout = QLabel(objectName="fitReadout", wordWrap=True)
        self.show_test = QCheckBox(self.tr("Show test data"), objectName="showTestFit")
        self.show_test.setToolTip(self.tr("Draw the test points too, ringed in black"))
        self.show_test.toggled.connect(self._show_test)
        toggles = QHBoxLayout()
        toggles.addWidget(self.show_test)
        toggles.addStretch(1)
        self.frame = SquareFrame(self.plot)  # a square for predicted against true: its diagonal at 45°
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame, 1)
        layout.addWidget(self.readout)
        layout.addLayout(toggles)
        self.dataset: Dataset | None = None
        self.over_x = False  # one input: the prediction as a curve over x; else predicted against true
        self._train_rows: numpy.ndarray | None = None  # of the training points drawn against the truth, in order
        self.clear_run()

    def show_dataset(self, dataset: Dataset) -> None:
        """Set once per dataset: the axes, their range and (for one input) the points, which are data. The
        previous network's prediction goes."""
        self.dataset = dataset
        self.over_x = dataset.points_train is not None and dataset.points_train.shape[1] == 1
        self.frame.set_square(not self.over_x)
        self.diagonal.setVisible(not self.over_x)
        target = dataset.target_name or self.tr("value")
        truth = numpy.concatenate([self.units(dataset.y_train[:, 0]), self.units(dataset.y_test[:, 0])])
        low, high = float(truth.min()), float(truth.max())
        margin = MARGIN * (high - low or 1.0)
        values = (low - margin, high + margin)
        if self.over_x:
            self.plot.setLabel("bottom", dataset.preprocessing.raw_names[0])
            self.plot.setLabel("left", target)
            self.plot.setRange(xRange=(-6.0 - 12 * MARGIN, 6.0 + 12 * MARGIN), yRange=values, padding=0)  # the grid's
            self.points.setData(dataset.points_train[:, 0], self.units(dataset.y_train[:, 0]))
            self.test_points.setData(dataset.points_test[:, 0], self.units(dataset.y_test[:, 0]))
        else:
            self.plot.setLabel("bottom", self.tr("true {0}").format(target))
            self.plot.setLabel("left", self.tr("predicted {0}").format(target))
            self.plot.setRange(xRange=values, yRange=values, padding=0)
        # Over x only the curve changes at a snapshot: the points and axes repaint from Qt's pixmaps of them.
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if self.over_x else QGraphicsItem.CacheMode.NoCache
        for item in (self.test_points, self.points, self.plot.getAxis("left"), self.plot.getAxis("bottom")):
            item.setCacheMode(mode)
        self.clear_run()
        self._name_in_legend()

    def units(self, values: numpy.ndarray) -> numpy.ndarray:
        """Values as the network gives or trains on them, in the target's own units."""
        scale = self.dataset.target_scale if self.dataset is not None else None
        values = numpy.asarray(values, dtype=float)
        return values if scale is None else values * scale[1] + scale[0]

    def update_from(self, snapshot: Snapshot) -> None:
        fit, dataset = snapshot.fit, self.dataset
        if fit is None or dataset is None:
            return
        predicted = None
        if self.over_x:
            if snapshot.boundary is not None and snapshot.boundary.ndim == 1:
                line = numpy.linspace(*snapshot.boundary_extent, len(snapshot.boundary))
                predicted = self.units(snapshot.boundary)
                self.curve.setData(line, predicted)
        else:
            self._train_rows = fit.train_rows
            predicted = self.units(fit.train_predicted)
            self.points.setData(self.units(dataset.y_train[fit.train_rows, 0]), predicted)
            self.test_points.setData(self.units(dataset.y_test[fit.test_rows, 0]), self.units(fit.test_predicted))
        self.readout.setText("\n".join(line for line in (self._reading(fit), self._off_chart(predicted)) if line))

    def clear_run(self) -> None:
        """No network's prediction: over x the points stay (they are data); against the truth nothing is left."""
        self.curve.setData([], [])
        if not self.over_x:
            self.points.setData([], [])
            self.test_points.setData([], [])
            self._train_rows = None
        self.readout.setText(self.tr("The network's predictions show here once it starts training."))

    def _reading(self, fit: RegressionFit) -> str:
        """The typical error on each split, as the Metrics tab reckons it, and the test data's R²."""
        dataset = self.dataset
        test_truth, train_truth = dataset.y_test[fit.test_rows, 0], dataset.y_train[fit.train_rows, 0]
        test_mse = float(numpy.mean(numpy.square(fit.test_predicted.astype(float) - test_truth)))
        train_mse = float(numpy.mean(numpy.square(fit.train_predicted.astype(float) - train_truth)))
        spread = float(numpy.var(test_truth.astype(float)))
        r_squared = 1.0 - test_mse / spread if spread > 0 else float("nan")
        # Two decimals read an R² near 1 best; a diverged run's, −1.1e+16, would take seventeen digits.
        r_text = f"{r_squared:.2f}" if abs(r_squared) < 1000 else f"{r_squared:.2g}"
        return self.tr("Typical error on the test data {0} (R² {1}), on the training data {2}").format(
            plain_number(typical_error(test_mse, dataset.target_scale)), r_text,
            plain_number(typical_error(train_mse, dataset.target_scale)))

    def _off_chart(self, predicted: numpy.ndarray | None) -> str:
        """What the chart, fixed to the data's range, cannot show: most predictions beyond it (a run gone far off, or
        diverged), said in words with where they lie, so that an empty chart is not read as nothing predicted."""
        if predicted is None or not len(predicted):
            return ""
        low, high = self.plot.getViewBox().viewRange()[1]
        outside = (predicted < low) | (predicted > high)
        if outside.sum() <= len(predicted) / 2:  # most of it in view: what leaves the chart is seen leaving it
            return ""
        spans = plain_number(float(predicted.min())), plain_number(float(predicted.max()))
        if self.over_x:
            return self.tr("The prediction leaves the chart: it spans {0} to {1}.").format(*spans)
        if outside.all():
            return self.tr("All {0} training predictions lie off the chart, from {1} to {2}.").format(
                len(predicted), *spans)
        return self.tr("{0} of the {1} training predictions lie off the chart, from {2} to {3}.").format(
            int(outside.sum()), len(predicted), *spans)

    def _show_test(self, shown: bool) -> None:
        self.test_points.setVisible(shown)
        self._name_in_legend()

    def _name_in_legend(self) -> None:
        """The legend names what is drawn: the points of each split shown and, over x, the prediction."""
        self.legend.clear()
        self.legend.addItem(self.points, self.tr("training data"))
        if self.show_test.isChecked():
            self.legend.addItem(self.test_points, self.tr("test data"))
        if self.over_x:
            self.legend.addItem(self.curve, self.tr("prediction"))

    def _clicked(self, index: int) -> None:
        """Over x the points are the training split in order; against the truth, the rows the snapshot drew."""
        if self.over_x:
            self.example_clicked.emit(index)
        elif self._train_rows is not None and index < len(self._train_rows):
            self.example_clicked.emit(int(self._train_rows[index]))
