"""CSV files a person picks: a target column (default the last), the task inferred from it.

Every problem with the file is a DataError naming the line and column to fix; nothing is
returned half-loaded.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy

from playground.data.dataset import Dataset, DatasetConfig, finish_table
from playground.data.reading import read_bounded
from playground.errors import DataError

MAX_CSV_BYTES = 50 * 2**20  # 50 MiB: far more than a dense network on a laptop wants
MAX_CLASSES_INFERRED = 10  # a whole-number target with at most this many values is read as classes
DELIMITERS = ",;\t"
EMPTY = "The file is empty: choose a CSV file with a header and rows of numbers."


def load_csv(config: DatasetConfig) -> Dataset:
    if not config.path:
        raise DataError("Choose a CSV file to load.")
    path = Path(config.path).expanduser()
    def too_large(size: int) -> DataError:
        return DataError(f"{path.name} is {size / 2**20:.0f} MiB; files up to {MAX_CSV_BYTES // 2**20} MiB can be "
                         "loaded: use a sample of its rows.")

    try:
        raw = read_bounded(path, MAX_CSV_BYTES, too_large)
    except OSError as error:
        raise DataError(f"Cannot read {path} ({error.strerror or error}): check the path.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(f"{path.name} is not UTF-8 text (byte {error.start} cannot be read): save it as "
                        "UTF-8 CSV.") from None
    return table_dataset(text, config, path.name)


def table_dataset(text: str, config: DatasetConfig, title: str) -> Dataset:
    names, rows, lines = parse_rows(text)
    if len(rows) < 2:
        raise DataError("The file has fewer than 2 data rows: at least 2 are needed to split into training and "
                        "test data.")
    target_index = _target_index(names, config.target)
    features = [i for i in range(len(names)) if i != target_index]
    x = numpy.empty((len(rows), len(features)))
    for r, (row, line) in enumerate(zip(rows, lines)):
        for c, i in enumerate(features):
            x[r, c] = _number(row[i], line, names[i])
    labels = [row[target_index].strip() for row in rows]
    for label, line in zip(labels, lines):
        if not label:
            raise DataError(f"Line {line}: the target column {names[target_index]!r} is empty: fill it or "
                            "remove the row.")
    if all(_is_number(label) for label in labels):
        # A number column with one NaN or Inf in it is not text: read as classes, each number would be one.
        for label, line in zip(labels, lines):
            if not math.isfinite(float(label)):
                raise DataError(f"Line {line}: the target column {names[target_index]!r} holds {label[:30]!r}: a "
                                "numeric target must be finite numbers, so fix or remove the row.")
    task, y, classes = _target(labels, names[target_index], config.task)
    return finish_table("csv", title, task, x, y, config, [names[i] for i in features], classes,
                        f"CSV file {title}.")


def parse_rows(text: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Column names, the data rows, and each row's line number in the file."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise DataError(EMPTY)
    delimiter = max(DELIMITERS, key=lines[0].count)
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    rows, numbers = [], []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                numbers.append(reader.line_num)
    except csv.Error as error:
        raise DataError(f"Line {reader.line_num} cannot be read as CSV ({error}): fix or remove it.") from None
    if not rows:
        raise DataError(EMPTY)
    width = len(rows[0])
    if width < 2:
        raise DataError("The file has one column: it needs at least one feature column and a target column.")
    header = _is_header(rows)
    names = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(rows[0])] if header else [
        f"column {i + 1}" for i in range(width)]
    if header:
        rows, numbers = rows[1:], numbers[1:]
    for row, line in zip(rows, numbers):
        if len(row) != width:
            raise DataError(f"Line {line} has {len(row)} values, but the {'header' if header else 'first row'} has "
                            f"{width}: every row needs the same number of columns.")
    if not rows:
        raise DataError("The file has a header but no data rows: add rows of numbers.")
    return names, rows, numbers


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _is_header(rows: list[list[str]]) -> bool:
    first = rows[0]
    if all(not _is_number(cell) for cell in first):
        return True
    if len(rows) < 2 or len(rows[1]) != len(first):
        return False
    return any(not _is_number(a) and _is_number(b) for a, b in zip(first, rows[1]))


def _number(cell: str, line: int, column: str) -> float:
    cell = cell.strip()
    if not cell:
        raise DataError(f"Line {line}, column {column!r} is empty: fill it or remove the row.")
    try:
        value = float(cell)
    except ValueError:
        raise DataError(f"Line {line}, column {column!r} holds {cell[:30]!r}, which is not a number: features must "
                        "be numbers (choose it as the target, or remove it).") from None
    if not math.isfinite(value):
        raise DataError(f"Line {line}, column {column!r} holds {cell[:30]!r}: features must be finite numbers.")
    return value


def _target_index(names: list[str], target: str | None) -> int:
    if target is None:
        return len(names) - 1
    if target not in names:
        raise DataError(f"There is no column {target!r}: choose one of {', '.join(names)}.")
    return names.index(target)


def _target(labels: list[str], column: str, task: str | None) -> tuple[str, numpy.ndarray, list[str]]:
    numeric = all(_is_number(label) for label in labels)  # and finite: table_dataset refused others
    if task == "regression" and not numeric:
        raise DataError(f"The target column {column!r} holds text, so it cannot be a regression target: choose "
                        "classification or another column.")
    if task is None:
        values = numpy.array([float(v) for v in labels]) if numeric else None
        whole_classes = values is not None and numpy.all(values == numpy.round(values)) and len(
            numpy.unique(values)) <= MAX_CLASSES_INFERRED
        task = "regression" if numeric and not whole_classes else "classification"
    if task == "regression":
        return "regression", numpy.array([float(v) for v in labels]).reshape(-1, 1), []
    keys = [float(v) for v in labels] if numeric else labels
    classes = sorted(set(keys))
    if len(classes) < 2:
        raise DataError(f"The target column {column!r} has only one class ({labels[0]!r}): a classifier needs "
                        "two or more.")
    if task == "binary" and len(classes) > 2:
        raise DataError(f"The target column {column!r} has {len(classes)} classes: binary needs exactly two.")
    index = {key: i for i, key in enumerate(classes)}
    names = [f"{c:g}" if numeric else c for c in classes]
    kind = task if task in ("binary", "multiclass") else ("binary" if len(classes) == 2 else "multiclass")
    return kind, numpy.array([index[key] for key in keys], dtype=numpy.int64), names
