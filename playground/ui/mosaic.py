"""Maps laid side by side in one image, a gap of NaN (drawn transparent) between them, and the way back
from a pixel of that image to the map and the place in it: for the Filters and Feature maps views and
the stepper's pictures of image layers. No Qt here."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy


@dataclass(frozen=True)
class Tiling:
    """`count` maps of height × width, `columns` to a row, `gap` pixels apart."""

    count: int
    height: int
    width: int
    columns: int
    gap: int = 1

    @classmethod
    def wrapped(cls, count: int, height: int, width: int, most: int) -> Tiling:
        """At most `most` maps to a row, in as few rows as that takes, the rows as even as they can be."""
        rows = math.ceil(count / most)
        return cls(count, height, width, math.ceil(count / rows))

    @property
    def rows(self) -> int:
        return math.ceil(self.count / self.columns)

    @property
    def shape(self) -> tuple[int, int]:
        return (self.rows * (self.height + self.gap) - self.gap, self.columns * (self.width + self.gap) - self.gap)

    def origin(self, k: int) -> tuple[int, int]:
        """The row and column of map k's top left pixel."""
        row, column = divmod(k, self.columns)
        return row * (self.height + self.gap), column * (self.width + self.gap)

    def place(self, maps: numpy.ndarray, out: numpy.ndarray | None = None) -> numpy.ndarray:
        """The maps (count, height, width, ...) in one image; `out`, when given, is filled instead of a new one."""
        if out is None:
            out = numpy.full(self.shape + maps.shape[3:], numpy.nan, dtype=numpy.float32)
        for k, values in enumerate(maps):
            row, column = self.origin(k)
            out[row : row + self.height, column : column + self.width] = values
        return out

    def locate(self, row: int, column: int) -> tuple[int, int, int] | None:
        """(map, i, j) of the image's pixel (row, column); None in a gap or past the last map."""
        k_row, i = divmod(row, self.height + self.gap)
        k_column, j = divmod(column, self.width + self.gap)
        k = k_row * self.columns + k_column
        if row < 0 or column < 0 or i >= self.height or j >= self.width or k_column >= self.columns or k >= self.count:
            return None
        return k, i, j


def kernel_tiling(channels: int, height: int, width: int, filters: int, per_row: int) -> Tiling:
    """Kernels K (C, kh, kw, F) as tiles: a row of tiles per input channel c and a column per filter f; one
    channel's filters wrap at `per_row`. Tile k is kernel_tile(k, ...)."""
    if channels == 1:
        return Tiling.wrapped(filters, height, width, per_row)
    return Tiling(channels * filters, height, width, filters)


def kernel_tiles(kernels: numpy.ndarray) -> numpy.ndarray:
    """K (C, kh, kw, F) as kernel_tiling's tiles: (C·F, kh, kw), channel by channel, each filter by filter."""
    return kernels.transpose(0, 3, 1, 2).reshape(-1, *kernels.shape[1:3])


def kernel_tile(k: int, filters: int) -> tuple[int, int]:
    """The channel c and filter f of tile k of kernel_tiling."""
    return divmod(k, filters)
