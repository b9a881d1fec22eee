"""The decision boundary and the units' thumbnails look up their colours in a table made once: the pixels are those
pyqtgraph's ImageItem draws for the same values with the boundary's colour map and levels."""

import numpy
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from playground.ui.coloured_grid import ColouredGrid
from playground.ui.theme import BOUNDARY_COLORS

SIDE = 50


def drawn(item: pg.ImageItem) -> numpy.ndarray:
    """The item's pixels, one a value, as a scene draws it over a grey backdrop (which NaN leaves showing)."""
    scene = QGraphicsScene()
    scene.addItem(item)
    image = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32)
    image.fill(0xFF808080)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, SIDE, SIDE), QRectF(0, 0, SIDE, SIDE))
    painter.end()
    scene.removeItem(item)
    return pg.functions.ndarray_from_qimage(image).copy()


def colour_mapped(values: numpy.ndarray, levels: tuple[float, float]) -> pg.ImageItem:
    """What the views drew before: the values themselves, ImageItem's colour map and levels."""
    item = pg.ImageItem(axisOrder="row-major")
    item.setColorMap(BOUNDARY_COLORS)
    item.setImage(values, levels=levels, autoLevels=False)
    return item


def grid(dtype) -> numpy.ndarray:
    """Every colour of the table and then some: values across and beyond the levels, the levels themselves, the
    edges between two colours, and a few NaN and infinities."""
    rng = numpy.random.default_rng(0)
    values = rng.uniform(-1.5, 1.5, (SIDE, SIDE))
    values[0, :] = numpy.linspace(-1, 1, SIDE)
    values[1, :5] = (-1.0, 1.0, 0.0, 0.5, -0.5)
    values[2, :] = -1 + 2 * numpy.arange(SIDE) / 256  # the start of each of the first colours
    values[3, :4] = (numpy.nan, numpy.inf, -numpy.inf, numpy.nan)
    return values.astype(dtype)


@pytest.mark.parametrize("dtype", [numpy.float32, numpy.float64])
@pytest.mark.parametrize("levels", [(-1.0, 1.0), (0.0, 1.0), (-0.37, 0.37), (-1e-6, 1e-6)])
def test_the_colours_of_a_grid_are_those_of_the_boundary_s_colour_map(qtbot, dtype, levels):
    values = grid(dtype)
    item = ColouredGrid()
    item.set_values(values, levels)
    assert item.values is values and item.value_levels == levels
    expected = drawn(colour_mapped(values, levels))
    assert numpy.array_equal(drawn(item), expected)
    assert (expected[3, 0] == (128, 128, 128, 255)).all()  # NaN: the backdrop shows through
    discrete = numpy.where(values >= sum(levels) / 2, levels[1], levels[0]).astype(dtype)  # Discretize output
    item.set_values(discrete, levels)
    assert numpy.array_equal(drawn(item), drawn(colour_mapped(discrete, levels)))


def test_a_cleared_grid_shows_nothing_and_holds_no_values(qtbot):
    item = ColouredGrid()
    item.set_values(grid(numpy.float32), (0.0, 1.0))
    item.clear()
    assert item.values is None and item.value_levels is None and item.image is None
