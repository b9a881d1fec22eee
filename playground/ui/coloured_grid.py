"""A grid of values over the input plane in the boundary's colours: the decision boundary, and each unit's
thumbnail in the network view."""

from __future__ import annotations

import numpy
import pyqtgraph as pg

from playground.ui.theme import BOUNDARY_COLORS

# The 256 colours ImageItem.setColorMap makes of the colour map, opaque.
COLOUR_TABLE = numpy.column_stack((BOUNDARY_COLORS.getLookupTable(nPts=256), numpy.full(256, 255, numpy.uint8)))


def coloured(values: numpy.ndarray, levels: tuple[float, float]) -> numpy.ndarray:
    """`values` as RGBA bytes, coloured as an ImageItem with BOUNDARY_COLORS and these levels colours them (pyqtgraph's
    rescaleData to the table's 256 colours, clipped), NaN transparent."""
    low, high = levels
    missing = numpy.isnan(values)
    known = numpy.where(missing, low, values) if missing.any() else values
    colours = COLOUR_TABLE[pg.functions.rescaleData(known, len(COLOUR_TABLE) / ((high - low) or 1), low,
                                                    dtype=numpy.uint8, clip=(0, len(COLOUR_TABLE) - 1))]
    colours[missing, 3] = 0
    return colours


class ColouredGrid(pg.ImageItem):
    """An image of `values` (row-major). Given the values, their levels and the colour map,
    ImageItem would make a table of the 256 colours in Python at every render: for the boundary and for each unit's
    thumbnail at every snapshot, on the GUI thread that the training waits for. Its colours are looked up in NumPy
    from COLOUR_TABLE instead, made once, and handed over as the bytes ImageItem draws as they are."""

    def __init__(self) -> None:
        super().__init__(axisOrder="row-major")
        self.values: numpy.ndarray | None = None  # as shown; None while nothing is
        self.value_levels: tuple[float, float] | None = None  # the values coloured with the table's ends

    def set_values(self, values: numpy.ndarray, levels: tuple[float, float]) -> None:
        self.values, self.value_levels = values, levels
        self.setImage(coloured(values, levels), levels=None, autoLevels=False)

    def clear(self) -> None:
        super().clear()
        self.values = self.value_levels = None
