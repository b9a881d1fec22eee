"""Targets as each loss expects them, with messages for shapes that do not fit."""

from __future__ import annotations

from typing import Any

import numpy

from playground.errors import DataError


def target_rows(loss: str, y: Any, n: int, outputs: int, dtype: Any) -> numpy.ndarray:
    """(n, outputs) targets. Cross-entropy takes class indices (n,) or probabilities (n, k)."""
    y = numpy.asarray(y)
    if y.shape[:1] != (n,):
        raise DataError(f"There are {n} inputs but {y.shape[0] if y.ndim else 0} targets: give one per example.")
    if loss == "cross_entropy" and y.ndim == 1:
        if not numpy.issubdtype(y.dtype, numpy.integer) and not numpy.all(numpy.mod(y, 1) == 0):
            raise DataError("Cross-entropy targets must be class numbers 0, 1, 2, ...: convert the labels.")
        classes = y.astype(numpy.int64)
        if classes.min() < 0 or classes.max() >= outputs:
            raise DataError(f"The targets hold class {int(classes.max())}, but the network has {outputs} "
                            f"outputs: give the last Dense layer one unit per class.")
        rows = numpy.zeros((n, outputs), dtype=dtype)
        rows[numpy.arange(n), classes] = 1
        return rows
    rows = y.reshape(n, -1)
    if rows.shape[1] != outputs:
        raise DataError(f"The targets have {rows.shape[1]} values per example, but the network gives "
                        f"{outputs}: make the last Dense layer {rows.shape[1]} units.")
    return numpy.ascontiguousarray(rows, dtype=dtype)
