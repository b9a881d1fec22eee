"""The metric history as CSV, for a spreadsheet."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy

from playground.errors import PlaygroundError
from playground.project.export.common import write_file
from playground.words import tr


def export_history_csv(history: dict[str, numpy.ndarray], path: Path) -> None:
    """Write the history as CSV: a header row, then one row per recorded step; a series with no value
    at a step (NaN) leaves its cell empty, as spreadsheets expect."""
    if "step" not in history:
        raise PlaygroundError(tr("The history has no step column: it cannot be exported."))
    names = ["step", *(name for name in history if name != "step")]
    columns = [numpy.asarray(history[name], dtype=numpy.float64).ravel() for name in names]
    lengths = {len(column) for column in columns}
    if len(lengths) > 1:
        raise PlaygroundError(tr("The history's series have different lengths: the project file is damaged."))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(names)
    for row in zip(*columns):
        writer.writerow([_cell(value, i == 0) for i, value in enumerate(row)])
    write_file(Path(path), text.getvalue())


def _cell(value: float, whole: bool) -> str:
    if math.isnan(value):
        return ""
    if whole and value.is_integer():
        return str(int(value))
    return repr(float(value))  # the shortest text that reads back as the same float
