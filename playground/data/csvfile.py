"""CSV files a person picks: a target column (default the last), the task inferred from it.

Every problem with the file is a DataError naming the line and column to fix; nothing is
returned half-loaded.
"""

from __future__ import annotations

import csv
import io
import math
import warnings
from pathlib import Path

import numpy

from playground.data.dataset import Dataset, DatasetConfig, finish_table
from playground.data.reading import read_bounded
from playground.errors import DataError
from playground.words import listed, tr

MAX_CSV_BYTES = 50 * 2**20  # 50 MiB: far more than a dense network on a laptop wants
MAX_CLASSES_INFERRED = 10  # a whole-number target with at most this many values is read as classes
DELIMITERS = ",;\t"


def load_csv(config: DatasetConfig) -> Dataset:
    if not config.path:
        raise DataError(tr("Choose a CSV file to load."))
    path = Path(config.path).expanduser()
    def too_large(size: int) -> DataError:
        return DataError(tr("{0} is {1:.0f} MiB; files up to {2} MiB can be loaded: use a sample of its rows.").format(
            path.name, size / 2**20, MAX_CSV_BYTES // 2**20))

    try:
        raw = read_bounded(path, MAX_CSV_BYTES, too_large)
    except OSError as error:
        raise DataError(tr("Cannot read {0} ({1}): check the path.").format(path, error.strerror or error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(tr("{0} is not UTF-8 text (byte {1} cannot be read): save it as UTF-8 CSV.").format(
            path.name, error.start)) from None
    return table_dataset(text, config, path.name)


def table_dataset(text: str, config: DatasetConfig, title: str) -> Dataset:
    table = _numeric_table(text)
    if table is not None:
        names, values = table
        del table
        target_index = _target_index(names, config.target)
        targets = values[:, target_index].copy()
        x = numpy.delete(values, target_index, axis=1)
        del values  # a copy of the table less a column is in x: not two of them at once from here on
        task, y, classes = _target(None, targets, names[target_index], config.task)
        return finish_table("csv", title, task, x, y, config, names[:target_index] + names[target_index + 1:],
                            classes, f"CSV file {title}.", target_name=names[target_index])
    table = _text_target_table(text, config.target)
    if table is not None:
        names, x, labels, target_index = table
        del table
        task, y, classes = _target(labels, None, names[target_index], config.task)
        del labels
        return finish_table("csv", title, task, x, y, config, names[:target_index] + names[target_index + 1:],
                            classes, f"CSV file {title}.", target_name=names[target_index])
    names, rows, lines = parse_rows(text)
    if len(rows) < 2:
        raise DataError(tr("The file has fewer than 2 data rows: at least 2 are needed to split into training and "
                           "test data."))
    target_index = _target_index(names, config.target)
    features = [i for i in range(len(names)) if i != target_index]
    x = numpy.empty((len(rows), len(features)))
    for r, (row, line) in enumerate(zip(rows, lines)):
        for c, i in enumerate(features):
            x[r, c] = _number(row[i], line, names[i])
    labels = [row[target_index].strip() for row in rows]
    for label, line in zip(labels, lines):
        if not label:
            raise DataError(tr("Line {0}: the target column {1!r} is empty: fill it or remove the row.").format(
                line, names[target_index]))
    targets = None
    if all(_is_number(label) for label in labels):
        # A number column with one NaN or Inf in it is not text: read as classes, each number would be one.
        for label, line in zip(labels, lines):
            if not math.isfinite(float(label)):
                raise DataError(tr("Line {0}: the target column {1!r} holds {2!r}: a numeric target must be "
                                   "finite numbers, so fix or remove the row.").format(
                    line, names[target_index], label[:30]))
        targets = numpy.array([float(label) for label in labels])
    task, y, classes = _target(labels, targets, names[target_index], config.task)
    return finish_table("csv", title, task, x, y, config, [names[i] for i in features], classes,
                        f"CSV file {title}.")


def _numeric_table(text: str) -> tuple[list[str], numpy.ndarray] | None:
    """Column names and every cell as float64, when the whole table is finite numbers in one column count,
    read by NumPy's parser: in C, and without a Python string per cell (a 50 MB file took 48 s and
    gigabytes as rows of strings). None for anything else, for parse_rows to find and name the problem."""
    stream = io.StringIO(text)
    first = stream.readline()
    if not first.strip() or '"' in first:  # a header or first row of several lines, or none: the slow path's
        return None
    delimiter = max(DELIMITERS, key=first.count)
    try:
        head = next(csv.reader([first], delimiter=delimiter))
    except csv.Error:  # a stray carriage return, say: parse_rows names the line
        return None
    header = not all(_is_number(cell) for cell in head)
    if not header:
        stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "loadtxt: input contained no data", UserWarning)  # parse_rows says so
            # comments=None: a "#" line is a row like any other, as the csv module reads it.
            values = numpy.loadtxt(stream, delimiter=delimiter, comments=None, quotechar='"', ndmin=2)
    except ValueError:
        return None
    if values.shape[0] < 2 or values.shape[1] != len(head) or len(head) < 2 or not numpy.isfinite(values).all():
        return None
    names = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(head)] if header else [
        f"column {i + 1}" for i in range(len(head))]
    return names, values


def _text_target_table(text: str, target: str | None) -> tuple[list[str], numpy.ndarray, list[str], int] | None:
    """Column names, the features as float64, the target's text labels and its column, when every feature is a
    finite number and the target is text (classes named by words, as iris's are), read by NumPy's parser as
    _numeric_table reads numbers: rows of Python strings took 2 GB for a 50 MB file. None for anything else,
    and for anything the csv module could read otherwise (quotes, a lone carriage return), for parse_rows."""
    if '"' in text or text.count("\r") != text.count("\r\n"):
        return None
    stream = io.StringIO(text)
    first, second = stream.readline(), stream.readline()
    if not (first.strip() and second.strip()):  # blank lines at the top are for parse_rows to skip
        return None
    delimiter = max(DELIMITERS, key=first.count)
    try:
        head, row = csv.reader([first, second], delimiter=delimiter)
    except csv.Error:
        return None
    header = _is_header([head, row])
    width = len(head)
    names = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(head)] if header else [
        f"column {i + 1}" for i in range(width)]
    if width < 2 or len(row) != width or (target is not None and target not in names):
        return None
    target_index = _target_index(names, target)
    read = {"delimiter": delimiter, "comments": None, "skiprows": int(header)}
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "loadtxt: input contained no data", UserWarning)
            stream.seek(0)
            x = numpy.loadtxt(stream, usecols=[i for i in range(width) if i != target_index], ndmin=2, **read)
            stream.seek(0)
            labels = [label.strip() for label in numpy.loadtxt(stream, usecols=[target_index], dtype=object, ndmin=1,
                                                                **read).tolist()]
    except ValueError:
        return None
    # Every row has a cell in each column read (loadtxt checks that); as many delimiters as the rows need
    # leave none with more cells than the header.
    rows = len(labels)
    if (rows < 2 or x.shape != (rows, width - 1) or text.count(delimiter) != (rows + header) * (width - 1)
            or not numpy.isfinite(x).all() or not all(labels) or all(_is_number(label) for label in labels)):
        return None
    return names, x, labels, target_index


def _empty() -> DataError:
    return DataError(tr("The file is empty: choose a CSV file with a header and rows of numbers."))


def parse_rows(text: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Column names, the data rows, and each row's line number in the file."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise _empty()
    delimiter = max(DELIMITERS, key=lines[0].count)
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    rows, numbers = [], []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                numbers.append(reader.line_num)
    except csv.Error as error:
        raise DataError(tr("Line {0} cannot be read as CSV ({1}): fix or remove it.").format(
            reader.line_num, error)) from None
    if not rows:
        raise _empty()
    width = len(rows[0])
    if width < 2:
        raise DataError(tr("The file has one column: it needs at least one feature column and a target column."))
    header = _is_header(rows)
    names = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(rows[0])] if header else [
        f"column {i + 1}" for i in range(width)]
    if header:
        rows, numbers = rows[1:], numbers[1:]
    for row, line in zip(rows, numbers):
        if len(row) != width:
            if header:
                raise DataError(tr("Line {0} has {1} values, but the header has {2}: every row needs the same number "
                                   "of columns.").format(line, len(row), width))
            raise DataError(tr("Line {0} has {1} values, but the first row has {2}: every row needs the same number "
                               "of columns.").format(line, len(row), width))
    if not rows:
        raise DataError(tr("The file has a header but no data rows: add rows of numbers."))
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
        raise DataError(tr("Line {0}, column {1!r} is empty: fill it or remove the row.").format(line, column))
    try:
        value = float(cell)
    except ValueError:
        raise DataError(tr("Line {0}, column {1!r} holds {2!r}, which is not a number: features must be numbers "
                           "(choose it as the target, or remove it).").format(line, column, cell[:30])) from None
    if not math.isfinite(value):
        raise DataError(tr("Line {0}, column {1!r} holds {2!r}: features must be finite numbers.").format(
            line, column, cell[:30]))
    return value


def _target_index(names: list[str], target: str | None) -> int:
    if target is None:
        return len(names) - 1
    if target not in names:
        raise DataError(tr("There is no column {0!r}: choose one of {1}.").format(target, listed(names)))
    return names.index(target)


def _target(labels: list[str] | None, values: numpy.ndarray | None, column: str,
            task: str | None) -> tuple[str, numpy.ndarray, list[str]]:
    """The task, targets and class names from the target column: its finite numbers `values`, or else
    its text `labels`."""
    numeric = values is not None
    if task == "regression" and values is None:
        raise DataError(tr("The target column {0!r} holds text, so it cannot be a regression target: choose "
                           "classification or another column.").format(column))
    if task is None:
        whole_classes = values is not None and numpy.all(values == numpy.round(values)) and len(
            numpy.unique(values)) <= MAX_CLASSES_INFERRED
        task = "regression" if numeric and not whole_classes else "classification"
    if task == "regression":
        return "regression", values.reshape(-1, 1), []
    if values is not None:
        distinct, inverse = numpy.unique(values, return_inverse=True)
        classes, codes = [f"{c:g}" for c in distinct.tolist()], inverse.reshape(-1).astype(numpy.int64)
    else:
        classes = sorted(set(labels))
        index = {key: i for i, key in enumerate(classes)}
        codes = numpy.array([index[key] for key in labels], dtype=numpy.int64)
    if len(classes) < 2:
        raise DataError(tr("The target column {0!r} has only one class ({1!r}): a classifier needs two or "
                           "more.").format(column, classes[0]))
    if task == "binary" and len(classes) > 2:
        raise DataError(tr("The target column {0!r} has {1} classes: {2} needs exactly two.").format(
            column, len(classes), "binary"))
    kind = task if task in ("binary", "multiclass") else ("binary" if len(classes) == 2 else "multiclass")
    return kind, codes, classes
