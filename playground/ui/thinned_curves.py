"""Curves over steps set with only the points their plot's pixel columns show.

A history keeps up to a few thousand points, most of them early: every one of the first steps, then one
every 1% of the steps. Drawn across a plot a few hundred pixels wide, hundreds of them share the first
columns, and Qt strokes every segment on the GUI thread, which the training thread waits for (Python's
lock). In each pixel column a line through its first and last point and through those of its lowest and
highest value covers the same pixels as a line through all of them (the M4 aggregation of Jugel et
al., VLDB 2014), so every spike stays, and the newest point is drawn where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy
import pyqtgraph as pg


def thinned(steps: numpy.ndarray, values: numpy.ndarray, start: float,
            column_width: float) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The points of a curve (`steps` increasing, `values` finite) that a line drawn through them shows when
    its pixel columns are `column_width` steps wide from `start`: in each column, the first and the last point and
    those of the lowest and the highest value, in their order."""
    if len(steps) < 3 or not column_width > 0:
        return steps, values
    column = numpy.floor((steps - start) / column_width)
    changes = column[1:] != column[:-1]
    first, last = numpy.concatenate(([True], changes)), numpy.concatenate((changes, [True]))
    starts = numpy.flatnonzero(first)
    within = numpy.cumsum(first) - 1  # each point's column, counted from 0
    lowest = numpy.minimum.reduceat(values, starts)[within]
    highest = numpy.maximum.reduceat(values, starts)[within]
    keep = first | last | (values == lowest) | (values == highest)
    return steps[keep], values[keep]


class ThinnedCurves:
    """Sets a plot's curves over steps thinned to its pixel columns (`thinned`), and thins them again from the
    whole series when the plot's step range or width changes: a zoom shows the points it brings apart. A curve
    of at most `dotted` points is set whole, as it shows each point as a dot."""

    def __init__(self, plot: pg.PlotWidget, dotted: int) -> None:
        self.plot = plot
        self.view = plot.getViewBox()
        self.dotted = dotted
        self.series: dict[pg.PlotDataItem, tuple[numpy.ndarray, numpy.ndarray]] = {}
        self._unset: set[pg.PlotDataItem] | None = None  # inside `setting`: the curves to set at its end
        self.view.sigXRangeChanged.connect(self._columns_changed)
        self.view.sigResized.connect(self._columns_changed)

    def set_data(self, curve: pg.PlotDataItem, steps: numpy.ndarray, values: numpy.ndarray) -> None:
        """The curve set to the series thinned, at once, or inside `setting` at its end."""
        self.series[curve] = (steps, values)
        if self._unset is None:
            self._draw(curve, self._columns())
        else:
            self._unset.add(curve)

    @contextmanager
    def setting(self) -> Iterator[None]:
        """Each curve whose series is set, or whose columns change (the step axis widened), inside this is set once,
        at its end: a snapshot that widened the step axis thinned and set every curve's old series, to set its new one
        straight after, at twice the cost on the thread the training waits for."""
        self._unset = set()
        try:
            yield
        finally:
            unset, self._unset = self._unset, None
            columns = self._columns()
            for curve in unset:
                self._draw(curve, columns)

    def forget(self) -> None:
        """No series kept: the curves are cleared."""
        self.series.clear()

    def _columns(self) -> tuple[float, float]:
        """Where the pixel columns start, in steps, and how many steps wide each is."""
        (left, right), _ = self.view.viewRange()
        pixels = self.view.width() * self.plot.devicePixelRatioF()
        return left, (right - left) / pixels if pixels >= 1 else 0.0

    def _draw(self, curve: pg.PlotDataItem, columns: tuple[float, float]) -> None:
        steps, values = self.series[curve]
        if len(steps) > self.dotted:
            steps, values = thinned(steps, values, *columns)
        curve.setData(steps, values, skipFiniteCheck=True)

    def _columns_changed(self) -> None:
        if self._unset is not None:
            self._unset.update(self.series)
            return
        columns = self._columns()
        for curve in self.series:
            self._draw(curve, columns)
