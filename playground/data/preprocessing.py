"""How a dataset turns raw examples, as its source has them, into the network's inputs; kept as data so
that exports can do the same to raw rows or images.

The loaders build a `Preprocessing` from the numbers they use and then prepare their own data with it,
so what the app trains on and what an export applies cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy

from playground.errors import DataError
from playground.words import listed, tr

# The features a 2-D set offers: how the app computes each from the points, and the same formula as
# NumPy code over columns x1 and x2, which exports write out (tests check that the two agree).
FEATURES: dict[str, tuple[Callable[[numpy.ndarray], numpy.ndarray], str]] = {
    "x1": (lambda p: p[:, 0], "x1"),
    "x2": (lambda p: p[:, 1], "x2"),
    "x1²": (lambda p: p[:, 0] ** 2, "x1 ** 2"),
    "x2²": (lambda p: p[:, 1] ** 2, "x2 ** 2"),
    "x1·x2": (lambda p: p[:, 0] * p[:, 1], "x1 * x2"),
    "sin x1": (lambda p: numpy.sin(p[:, 0]), "np.sin(x1)"),
    "sin x2": (lambda p: numpy.sin(p[:, 1]), "np.sin(x2)"),
    "cos x1": (lambda p: numpy.cos(p[:, 0]), "np.cos(x1)"),
    "cos x2": (lambda p: numpy.cos(p[:, 1]), "np.cos(x2)"),
}
# Plain-text spellings a config file may use.
FEATURE_ALIASES = {"x1^2": "x1²", "x2^2": "x2²", "x1*x2": "x1·x2", "sin(x1)": "sin x1", "sin(x2)": "sin x2",
                   "cos(x1)": "cos x1", "cos(x2)": "cos x2"}
CHUNK_ROWS = 4096  # examples prepared at a time: a whole image set in float64 would take gigabytes


def feature_names_for(dimensions: int) -> list[str]:
    """The features a set with this many input dimensions offers."""
    return [name for name in FEATURES if dimensions == 2 or "2" not in name]


def feature_columns(names: list[str], dimensions: int) -> tuple[str, ...]:
    """The features by their own names (plain-text spellings spelled out); DataError for one that a set
    with this many dimensions does not offer."""
    offered = feature_names_for(dimensions)
    columns = tuple(FEATURE_ALIASES.get(name, name) for name in names)
    for name in columns:
        if name not in offered:
            raise DataError(tr("Feature {0!r} is not available here: choose from {1}.").format(
                name, listed(offered)))
    return columns


def expand_features(points: numpy.ndarray, names: list[str]) -> numpy.ndarray:
    """The network's inputs for raw points: one column per chosen feature (also for plot grids)."""
    columns = [FEATURES[name][0](points) for name in feature_columns(names, points.shape[1])]
    return numpy.column_stack(columns).astype(numpy.float32)


@dataclass(frozen=True, eq=False)
class Preprocessing:
    """From raw examples to the network's inputs: the chosen features of the raw columns (2-D sets) or
    the raw values as they are, then (value − shift) / scale, then the network's input shape.

    shift and scale broadcast against one example before reshaping: one value for all, one per table
    column (k,), or one per image channel (C, 1, 1).
    """

    raw_shape: tuple[int, ...]  # one raw example: (2,) a point, (k,) a table row, (C, H, W) an image
    input_shape: tuple[int, ...]  # one prepared example, as the network takes it
    raw_names: tuple[str, ...] = ()  # the raw columns of points and tables; images have none
    features: tuple[str, ...] | None = None  # 2-D sets: the features the network sees, in its column order
    shift: numpy.ndarray = field(default_factory=lambda: numpy.zeros(()))
    scale: numpy.ndarray = field(default_factory=lambda: numpy.ones(()))
    normalization: str = "none"  # as DatasetConfig.normalize: "standardize" means shift and scale are the
    # training split's mean and standard deviation; "unit" divides by the largest value there may be
    pixel_range: tuple[int, int] | None = None  # images: the raw values' range

    def prepare(self, raw: numpy.ndarray) -> numpy.ndarray:
        """The network's float32 inputs for raw examples (n, *raw_shape); values beyond float32's range
        become inf, for the caller to refuse."""
        prepared = numpy.empty((len(raw), *self.input_shape), numpy.float32)
        for start in range(0, len(raw), CHUNK_ROWS):
            part = numpy.asarray(raw[start:start + CHUNK_ROWS], dtype=numpy.float64)
            if self.features is not None:
                part = numpy.column_stack([FEATURES[name][0](part) for name in self.features])
            with numpy.errstate(over="ignore"):
                prepared[start:start + len(part)] = ((part - self.shift) / self.scale).reshape(
                    len(part), *self.input_shape)
        return prepared


def standardization(train: numpy.ndarray, axis: int | tuple[int, ...] = 0) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The training split's mean and standard deviation over `axis`, for (value − mean) / std; a constant
    column's std is 1, so it stays constant (0) instead of dividing by zero."""
    with numpy.errstate(over="ignore", invalid="ignore"):
        mean = train.mean(axis=axis, dtype=numpy.float64)
        std = train.std(axis=axis, dtype=numpy.float64)
        if not (numpy.isfinite(mean).all() and numpy.isfinite(std).all()):
            # Values past 1e154 square past float64's range: an infinite std would zero the column. Divided
            # by its largest magnitude first, no column can overflow (only then: it takes a copy).
            peak = numpy.abs(train).max(axis=axis, keepdims=True).astype(numpy.float64)
            peak[peak == 0] = 1
            scaled = train / peak
            peak = peak.squeeze(axis=axis)
            mean = scaled.mean(axis=axis) * peak
            std = scaled.std(axis=axis) * peak
    std[std == 0] = 1
    return mean, std
