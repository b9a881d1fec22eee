"""Targets as each loss expects them, with messages for shapes that do not fit."""

from __future__ import annotations

from typing import Any

import numpy

from playground.errors import DataError
from playground.words import tr


def target_rows(loss: str, y: Any, n: int, outputs: int, dtype: Any) -> numpy.ndarray:
    """(n, outputs) targets. Cross-entropy takes class indices (n,) or probabilities (n, k)."""
    y = numpy.asarray(y)
    if y.shape[:1] != (n,):
        raise DataError(tr("There are {0} inputs but {1} targets: give one per example.").format(
            n, y.shape[0] if y.ndim else 0))
    if loss == "cross_entropy" and y.ndim == 1:
        if not numpy.issubdtype(y.dtype, numpy.integer) and not numpy.all(numpy.mod(y, 1) == 0):
            raise DataError(tr("Cross-entropy targets must be class numbers 0, 1, 2, ...: convert the labels."))
        classes = y.astype(numpy.int64)
        if classes.min() < 0 or classes.max() >= outputs:
            raise DataError(tr("The targets hold class {0}, but the network has {1} outputs: give the last Dense "
                               "layer one unit per class.").format(int(classes.max()), outputs))
        rows = numpy.zeros((n, outputs), dtype=dtype)
        rows[numpy.arange(n), classes] = 1
        return rows
    rows = y.reshape(n, -1)
    if rows.shape[1] != outputs:
        raise DataError(tr("The targets have {0} values per example, but the network gives {1}: make the last Dense "
                           "layer {0} units.").format(rows.shape[1], outputs))
    return numpy.ascontiguousarray(rows, dtype=dtype)
