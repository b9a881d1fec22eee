"""CSV files: the task inferred from the target, standardization from the training split, and a
clear DataError naming line and column for every kind of bad file, never a half-loaded set."""

import os

import numpy
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from playground.data import Dataset, csvfile, load_dataset, reading
from playground.errors import DataError, PlaygroundError
from tests.limits import refused, run_capped

IRIS_LIKE = """sepal,petal,species
5.1,1.4,setosa
4.9,1.5,setosa
6.3,4.9,versicolor
5.8,4.1,versicolor
7.1,5.9,virginica
6.5,5.2,virginica
"""


def load_text(tmp_path, text, **settings_):
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return load_dataset({"name": "csv", "path": str(path), "train_ratio": 0.5, **settings_})


def test_string_labels_become_classes_and_the_last_column_is_the_target(tmp_path):
    dataset = load_text(tmp_path, IRIS_LIKE)
    assert dataset.task == "multiclass" and dataset.class_names == ["setosa", "versicolor", "virginica"]
    assert dataset.feature_names == ["sepal", "petal"] and dataset.input_shape == (2,)
    assert dataset.title == "table.csv" and "table.csv" in dataset.source
    numpy.testing.assert_allclose(dataset.x_train.mean(axis=0), 0, atol=1e-6)


def test_a_named_target_and_inferred_regression(tmp_path):
    text = "price,rooms,area\n" + "".join(f"{100 + 7.5 * i},{i % 4 + 1},{50 + i}\n" for i in range(20))
    dataset = load_text(tmp_path, text, target="price")
    assert dataset.task == "regression" and dataset.feature_names == ["rooms", "area"]
    assert dataset.y_train.shape == (10, 1)
    by_rooms = load_text(tmp_path, text, target="rooms")
    assert by_rooms.task == "multiclass" and by_rooms.class_names == ["1", "2", "3", "4"]


def test_binary_numbers_semicolons_and_no_header(tmp_path):
    text = "".join(f"{i};{i * i};{i % 2}\n" for i in range(10))
    dataset = load_text(tmp_path, text)
    assert dataset.task == "binary" and dataset.feature_names == ["column 1", "column 2"]
    assert set(numpy.unique(dataset.y_train)) <= {0.0, 1.0}


def test_the_task_can_be_overridden(tmp_path):
    text = "x,y\n" + "".join(f"{i},{i % 3}\n" for i in range(12))
    assert load_text(tmp_path, text, task="regression").task == "regression"
    with pytest.raises(PlaygroundError, match="binary needs exactly two"):
        load_text(tmp_path, text, task="binary")


@pytest.mark.parametrize("text, message", [
    ("", "The file is empty"),
    ("\n\n  \n", "The file is empty"),
    ("a,b\n1,2\n3\n", "Line 3 has 1 values, but the header has 2"),
    ("a,b,c\n1,2,x\n3,oops,y\n", "Line 3, column 'b' holds 'oops', which is not a number"),
    ("a,b\n1,x\n,y\n", "Line 3, column 'a' is empty"),
    ("a,b\n1,x\ninf,y\n", "Line 3, column 'a' holds 'inf': features must be finite"),
    ("a,b\n1,same\n2,same\n3,same\n", "has only one class \\('same'\\)"),
    ("a,b\n1,x\n", "fewer than 2 data rows"),
    ("a,b\n", "a header but no data rows"),
    ("just one column\n1\n2\n", "one column"),
    ("a,b\n1,x\n2,\n", "Line 3: the target column 'b' is empty"),
])
def test_bad_files_name_the_line_and_what_to_do(tmp_path, text, message):
    with pytest.raises(PlaygroundError, match=message):
        load_text(tmp_path, text)


def test_unknown_target_column(tmp_path):
    with pytest.raises(PlaygroundError, match="There is no column 'kind': choose one of sepal, petal, species"):
        load_text(tmp_path, IRIS_LIKE, target="kind")


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("a,b\n1,caf\xe9\n2,th\xe9\n".encode("latin-1"))
    with pytest.raises(PlaygroundError, match="not UTF-8 text .*save it as UTF-8"):
        load_dataset({"name": "csv", "path": str(path)})


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(csvfile, "MAX_CSV_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_text("a,b\n" + "1,2\n" * 100)
    with pytest.raises(PlaygroundError, match="files up to 0 MiB can be loaded"):
        load_dataset({"name": "csv", "path": str(path)})


def test_a_missing_file(tmp_path):
    with pytest.raises(PlaygroundError, match="Cannot read .*nowhere.csv"):
        load_dataset({"name": "csv", "path": str(tmp_path / "nowhere.csv")})


def check_outcome(dataset_or_error):
    if isinstance(dataset_or_error, Dataset):
        d = dataset_or_error
        assert len(d.x_train) >= 1 and len(d.x_test) >= 1
        assert numpy.all(numpy.isfinite(d.x_train)) and numpy.all(numpy.isfinite(d.x_test))
        assert d.x_train.shape[1] == len(d.feature_names)
        assert numpy.isfinite(d.y_train).all() and numpy.isfinite(d.y_test).all()
        # An infinite scale (a std that overflowed) zeroes its column silently.
        scale = d.preprocessing.scale
        assert numpy.isfinite(scale).all() and (scale > 0).all(), scale
        assert d.target_scale is None or (numpy.isfinite(d.target_scale).all() and d.target_scale[1] > 0)


def attempt(tmp_path, data: bytes):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        return load_dataset({"name": "csv", "path": str(path)})
    except PlaygroundError as error:
        return error


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
@example(data=b"\r\x00")  # a carriage return the quick numeric reader's csv.reader refused with csv.Error
def test_random_bytes_give_a_dataset_or_a_playground_error(tmp_path, data):
    check_outcome(attempt(tmp_path, data))


HUGE = ["1e308", "-1e308", "1e154", "-3e154", "1e38", "4e38", "9" * 400, "1e-320", "7" * 5000]
# Quotes within quotes, quoted delimiters and line ends: the csv module's nesting.
QUOTED = ['"a""b"', '"1\n2"', '""""', '"1,5"', '"2"', '" 3 "', '"x""y"",z"']
cells = st.one_of(st.integers(-5, 5).map(str), st.floats(allow_nan=True, allow_infinity=True).map(str),
                  st.sampled_from(["", " ", "a", "b", "x y", '"q,uoted"', "nan", "1e309", "\x00", '"', *HUGE, *QUOTED]))
rows = st.lists(st.lists(cells, min_size=1, max_size=4).map(",".join), min_size=0, max_size=8)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=rows, ending=st.sampled_from(["\n", "\r\n"]))
def test_random_csv_like_text_gives_a_dataset_or_a_playground_error(tmp_path, lines, ending):
    check_outcome(attempt(tmp_path, ending.join(lines).encode("utf-8")))


def test_values_too_large_for_float32_are_refused(tmp_path):
    with pytest.raises(PlaygroundError, match="Column 'a' holds values too large"):
        load_text(tmp_path, "a,b\n1e300,x\n-1e300,y\n", normalize="none")


def test_a_target_too_large_for_float32_is_refused(tmp_path):
    from playground.data import load_dataset
    from playground.errors import DataError

    path = tmp_path / "huge.csv"
    path.write_text("x,y\n" + "".join(f"{i},{i * 1e38 + 1e37}\n" for i in range(40)))
    with pytest.raises(DataError, match="too large to train on"):
        load_dataset({"name": "csv", "path": str(path)})


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("where", ["/dev/zero", "fifo", "folder"])
def test_a_device_pipe_or_folder_is_refused_at_once_and_within_memory(tmp_path, where, fifo):
    """stat says 0 bytes for /dev/zero and a FIFO: read whole, the first never ends and the second
    waits forever for a writer."""
    path = {"/dev/zero": "/dev/zero", "fifo": str(fifo), "folder": str(tmp_path)}[where]
    refused("from playground.data import load_dataset", f"load_dataset({{'name': 'csv', 'path': {path!r}}})",
            f"Cannot read {path} (it is a device, pipe or folder, not a file)", tmp_path, seconds=20)


def test_a_file_that_grows_past_the_limit_while_read_is_refused_after_limit_plus_one_bytes(tmp_path, monkeypatch):
    """The size is checked again while reading: the one stat gave may be out of date."""
    path = tmp_path / "growing.csv"
    path.write_text("a,b\n" + "1,2\n" * 100)
    real_fstat = os.fstat
    monkeypatch.setattr(reading.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))
    with pytest.raises(DataError, match="101 bytes"):
        reading.read_bounded(path, 100, lambda size: DataError(f"{size} bytes"))
    assert reading.read_bounded(path, 404, lambda size: DataError("")) == path.read_bytes()


@pytest.mark.parametrize("bad", ["nan", "inf", "-Infinity", "NaN"])
@pytest.mark.parametrize("task", [None, "regression", "multiclass"])
def test_a_numeric_target_with_nan_or_inf_is_refused_naming_the_line(tmp_path, bad, task):
    """Once it held text classes: each number its own class, and a regression target became a classifier."""
    rows = [f"{i},{i * 0.37 + 0.5}" for i in range(30)]
    rows[6] = f"6,{bad}"
    with pytest.raises(DataError, match=f"Line 8: the target column 'y' holds '{bad}': a numeric target must be "
                                        "finite numbers"):
        load_text(tmp_path, "x,y\n" + "\n".join(rows) + "\n", task=task)


def test_a_text_target_may_hold_the_word_nan(tmp_path):
    dataset = load_text(tmp_path, "x,y\n1,cat\n2,nan\n3,cat\n4,nan\n")
    assert dataset.class_names == ["cat", "nan"]


@pytest.mark.parametrize("magnitude", [1e154, 1e200, 1e307])
def test_columns_of_huge_values_are_standardized_not_zeroed(tmp_path, magnitude):
    """Their squares overflow float64: the std came out infinite and the column all zeros."""
    text = "a,b,c\n" + "".join(f"{(i % 7 - 3) * magnitude!r},{i},{i % 2}\n" for i in range(40))
    dataset = load_text(tmp_path, text)
    column = numpy.concatenate([dataset.x_train[:, 0], dataset.x_test[:, 0]])
    assert numpy.isfinite(column).all() and column.std() > 0.5
    numpy.testing.assert_allclose(dataset.x_train[:, 0].std(), 1, rtol=1e-5)


def test_a_target_of_huge_values_is_standardized_not_zeroed(tmp_path):
    """Float32 squares overflow past 1.8e19: the target's std came out infinite and every target 0."""
    text = "x,y\n" + "".join(f"{i},{(i % 9) * 1e37 + 1.5e36}\n" for i in range(40))
    dataset = load_text(tmp_path, text, standardize_target=True, task="regression")
    assert numpy.isfinite(dataset.y_train).all()
    numpy.testing.assert_allclose(dataset.y_train.std(), 1, rtol=1e-4)
    assert 1e36 < dataset.target_scale[1] < 1e38


numeric_cells = st.one_of(st.integers(-99, 99).map(str), st.floats(-1e6, 1e6).map(repr),
                          st.sampled_from(["", " 1", "2 ", "1e400", "nan", "#3", '"4"', '"5,6"', "1_0", "0x1", "+.5"]))


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(numeric_cells, min_size=2, max_size=2).map(",".join), min_size=1, max_size=6),
       header=st.sampled_from(["", "a,b\n", "1,b\n", "\n", "# x,y\n"]), ending=st.sampled_from(["\n", "\r\n"]))
def test_the_fast_numeric_parser_reads_what_the_csv_module_reads(rows, header, ending):
    """The NumPy parser is only a faster way: wherever it gives a table, the csv module's reading gives the same."""
    text = header + ending.join(rows) + ending
    fast = csvfile._numeric_table(text)
    if fast is None:
        return
    names, rows_read, _ = csvfile.parse_rows(text)
    assert fast[0] == names
    assert fast[1].tolist() == [[float(cell) for cell in row] for row in rows_read]


label_cells = st.sampled_from(["cat", "dog", " cat", "dog ", "", " ", "nan", "1", "2.5", "#x", "a b", "a;b", "x\ty",
                                "setosa", "1e400"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(numeric_cells, numeric_cells, label_cells, st.sampled_from(["", "", "", ",5"])).map(
           lambda cells: ",".join(cells[:3]) + cells[3]), min_size=1, max_size=6),
       header=st.sampled_from(["", "a,b,y\n", "a,b,c,y\n", "1,b,y\n", "\n", "# x,y\n", "a,b\n"]),
       ending=st.sampled_from(["\n", "\r\n"]), target=st.sampled_from([None, None, "a", "y", "z"]))
def test_the_text_target_parser_reads_what_the_csv_module_reads(rows, header, ending, target):
    """Numbers and a column of words read by NumPy's parser: wherever it gives a table, the csv module's
    reading gives the same names, features and labels."""
    text = header + ending.join(rows) + ending
    fast = csvfile._text_target_table(text, target)
    if fast is None:
        return
    names, x, labels, target_index = fast
    slow_names, rows_read, _ = csvfile.parse_rows(text)
    assert names == slow_names and target_index == csvfile._target_index(slow_names, target)
    assert labels == [row[target_index].strip() for row in rows_read]
    assert x.tolist() == [[float(cell) for i, cell in enumerate(row) if i != target_index] for row in rows_read]


def test_a_50_MiB_file_with_a_text_target_loads_in_bounded_time_and_memory(tmp_path):
    """Read as rows of Python strings, such a file took 23 s and 2 GB."""
    path = tmp_path / "big.csv"
    block = "".join(f"{i % 10},{i % 7},{i % 3},{'cat' if i % 2 else 'dog'}\n" for i in range(200))
    path.write_text("a,b,c,label\n" + block * ((csvfile.MAX_CSV_BYTES - 20) // len(block)))
    assert csvfile.MAX_CSV_BYTES - 2**20 < path.stat().st_size <= csvfile.MAX_CSV_BYTES
    result = run_capped(f"from playground.data import load_dataset\nd = load_dataset({{'name': 'csv', 'path': "
                        f"{str(path)!r}}})\nprint(d.task, d.class_names, d.x_train.shape)", 1024 * 2**20, 30, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "binary ['cat', 'dog'] (2621400, 3)\n"


def test_a_large_numeric_file_is_read_by_the_fast_parser(tmp_path, monkeypatch):
    monkeypatch.setattr(csvfile, "parse_rows", None)  # the slow path would fail at once
    text = "a,b,c\n" + "".join(f"{i * 0.5},{-i}.25,{i % 3}\n" for i in range(1000))
    dataset = load_text(tmp_path, text)
    assert dataset.task == "multiclass" and dataset.class_names == ["0", "1", "2"]
    assert len(dataset.x_train) + len(dataset.x_test) == 1000


@pytest.mark.parametrize("columns, memory, shape", [(100, 720, "(131067, 99)"), (2, 1024, "(6553595, 1)")])
def test_a_50_MiB_file_of_numbers_loads_in_bounded_time_and_memory(tmp_path, columns, memory, shape):
    """Read as rows of Python strings, such a file took 24 s or more and most of a gigabyte; in short rows, 85 s
    and 3.8 GB."""
    path = tmp_path / "big.csv"
    lines = [",".join(map(str, row)) + "\n" for row in numpy.random.default_rng(0).integers(0, 10, (1000, columns))]
    count = csvfile.MAX_CSV_BYTES // (2 * columns) - 10  # rows of one-digit numbers
    path.write_text(",".join(f"c{i}" for i in range(columns)) + "\n" + "".join(lines) * (count // 1000)
                    + "".join(lines[: count % 1000]))
    assert csvfile.MAX_CSV_BYTES - 2**20 < path.stat().st_size <= csvfile.MAX_CSV_BYTES
    result = run_capped(f"from playground.data import load_dataset\nd = load_dataset({{'name': 'csv', 'path': "
                        f"{str(path)!r}}})\nprint(d.task, d.x_train.shape)", memory * 2**20, 30, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == f"multiclass {shape}\n"


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(magnitudes=st.lists(st.sampled_from([1.0, 1e20, 1e38, 1e154, 1e200, 1e300, 1.7e308]), min_size=2, max_size=4),
       data=st.data(), standardize_target=st.booleans())
def test_random_tables_of_huge_numbers_give_a_dataset_or_a_playground_error(tmp_path, magnitudes, data,
                                                                            standardize_target):
    rows = data.draw(st.lists(st.lists(st.integers(-9, 9), min_size=len(magnitudes), max_size=len(magnitudes)),
                              min_size=2, max_size=12))
    text = "".join(",".join(repr(v * m) for v, m in zip(row, magnitudes)) + "\n" for row in rows)
    path = tmp_path / "huge.csv"
    path.write_text(text)
    try:
        dataset = load_dataset({"name": "csv", "path": str(path), "standardize_target": standardize_target})
    except PlaygroundError:
        return
    check_outcome(dataset)
