"""What the stepper's phases share, without Qt: its words (`tr`, from playground/words.py, which Qt's translator is
installed into), numbers as the formulas write them, and a matrix as it is drawn: a 2-D array, a vector as one
column, or maps (images, kernels) side by side in one mosaic with gaps between them."""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy

from playground.ui.mosaic import Tiling, kernel_tile, kernel_tiles, kernel_tiling
from playground.words import tr  # noqa: F401 (the phases' words come through here)


@dataclass
class Matrix:
    name: str  # as in the formula and the hover text: "W", "∂L/∂W"
    values: numpy.ndarray  # 2-D, as drawn: row i from the top, column j from the left
    shape: str  # the array's own shape: "2×4", or "4" for a vector (drawn as one column)
    level: float  # the colours run from −level to +level
    vector: bool = False
    # Maps: `values` is their mosaic, NaN between them, and `cell_name` names a pixel of map k: "x_pad[0, 3, 4]".
    tiling: Tiling | None = None
    cell_name: Callable[[int, int, int], str] | None = None
    marks: tuple[tuple[int, int, int, int], ...] = ()  # rectangles (row, column, rows, columns) to outline

    def name_at(self, row: int, column: int) -> str | None:
        """What the hover text calls the value drawn at (row, column): "W[2, 5]"; None in a gap between maps."""
        if self.tiling is None:
            return f"{self.name}[{row}]" if self.vector else f"{self.name}[{row}, {column}]"
        place = self.tiling.locate(row, column)
        return None if place is None else self.cell_name(*place)


def dims(array: numpy.ndarray) -> str:
    return "×".join(str(d) for d in array.shape)


def number(value: float, digits: int = 4) -> str:
    """A value for reading: a few significant digits, with a true minus sign (none on a zero)."""
    return f"{value + 0.0:.{digits}g}".replace("-", "−")


def factor(value: float) -> str:
    """A value inside a product: negative ones in parentheses."""
    return f"({number(value)})" if value < 0 else number(value)


def level_of(values: numpy.ndarray) -> float:
    """The largest finite |value|: the colours run from minus it to plus it (1 when all are 0)."""
    finite = numpy.abs(values[numpy.isfinite(values)]) if values.size else values
    level = float(finite.max()) if finite.size else 0.0
    return level if level > 0 else 1.0


def matrix(name: str, array: numpy.ndarray, level: float | None = None) -> Matrix:
    """An array as drawn: a vector as one column, a Conv2D's kernels K (C, kh, kw, F) as kernels (see kernels)."""
    if array.ndim == 4:
        return kernels(name, array, level=level)
    vector = array.ndim == 1
    values = array.reshape(-1, 1) if vector else array
    return Matrix(name, values, dims(array), level_of(values) if level is None else level, vector)


def maps(name: str, images: numpy.ndarray, marks: tuple[tuple[int, int, int, int, int], ...] = (),
         level: float | None = None) -> Matrix:
    """C maps (C, H, W) side by side, in rows about half as many as the maps in a row; `marks` are
    (map, i, j, rows, columns)."""
    count, height, width = images.shape
    tiling = Tiling.wrapped(count, height, width, math.ceil(math.sqrt(2 * count)))
    return Matrix(name, tiling.place(images), dims(images), level_of(images) if level is None else level,
                  tiling=tiling, cell_name=lambda k, i, j: f"{name}[{k}, {i}, {j}]",
                  marks=tuple(_on_map(tiling, *mark) for mark in marks))


def kernels(name: str, array: numpy.ndarray, marks: tuple[tuple[int, int, int, int], ...] = (),
            level: float | None = None) -> Matrix:
    """Kernels K (C, kh, kw, F), or a gradient of that shape: a tile per K[c, :, :, f], a row of tiles per input
    channel c and a column per filter f (mosaic.kernel_tiling); `marks` are cells (c, u, v, f)."""
    channels, height, width, filters = array.shape
    tiling = kernel_tiling(channels, height, width, filters, per_row=8)

    def cell_name(k: int, i: int, j: int) -> str:
        channel, kernel = kernel_tile(k, filters)
        return f"{name}[{channel}, {i}, {j}, {kernel}]"

    return Matrix(name, tiling.place(kernel_tiles(array)), dims(array), level_of(array) if level is None else level,
                  tiling=tiling, cell_name=cell_name,
                  marks=tuple(_on_map(tiling, c * filters + f, u, v, 1, 1) for c, u, v, f in marks))


def _on_map(tiling: Tiling, k: int, i: int, j: int, rows: int, columns: int) -> tuple[int, int, int, int]:
    top, left = tiling.origin(k)
    return top + i, left + j, rows, columns


def lines_html(rows: list[tuple[str, str]]) -> str:
    """A line each, its note in gray after it: long sums wrap across the whole width, not a column's."""
    return "".join(f"<p style='margin:0'>{html.escape(left)}"
                   + (f"&nbsp;&nbsp;&nbsp;<span style='color:gray'>{html.escape(right)}</span>" if right else "")
                   + "</p>" for left, right in rows)
