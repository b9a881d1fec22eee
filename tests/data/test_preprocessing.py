"""Each dataset keeps its raw test inputs and the preprocessing that made its inputs, and both agree with
the source: the features, statistics and scales computed here from the source give the app's x."""

import gzip

import numpy
import pytest

from playground.data import load_dataset
from playground.data.dataset import split
from playground.data.preprocessing import FEATURES, feature_names_for
from playground.resources import resources_dir
from tests.data.fake_files import mnist_arrays, write_mnist

ALL_FEATURES = ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2", "cos x1", "cos x2"]


def read_table(name: str, skip_header: bool) -> numpy.ndarray:
    path = resources_dir() / "datasets" / name
    with (gzip.open(path, "rt") if name.endswith(".gz") else open(path)) as handle:
        return numpy.loadtxt(handle, delimiter=None if "diabetes" in name else ",", skiprows=int(skip_header),
                             ndmin=2)


def split_of(n: int, config: dict) -> tuple[numpy.ndarray, numpy.ndarray]:
    return split(n, config.get("train_ratio", 0.5), numpy.random.default_rng(config.get("seed", 42)))


def test_every_feature_formula_exports_write_is_the_apps():
    points = numpy.random.default_rng(0).uniform(-6, 6, (50, 2))
    x1, x2 = points[:, 0], points[:, 1]
    for name, (function, code) in FEATURES.items():
        numpy.testing.assert_array_equal(eval(code, {"np": numpy, "x1": x1, "x2": x2}), function(points), name)
    assert list(FEATURES) == ALL_FEATURES == feature_names_for(2)


@pytest.mark.parametrize("name, features", [("spiral", ALL_FEATURES), ("sine", ["x1", "x1²", "sin x1", "cos x1"]),
                                            ("circle", None)])
def test_a_2d_sets_inputs_are_its_features_of_the_raw_points(name, features):
    dataset = load_dataset({"name": name, "features": features})
    points = dataset.raw_test
    numpy.testing.assert_allclose(points, dataset.points_test, rtol=1e-6)
    x1 = points[:, 0]
    x2 = points[:, 1] if points.shape[1] == 2 else None
    formulas = {"x1": x1, "x2": x2, "x1²": x1 * x1, "x2²": None if x2 is None else x2 * x2,
                "x1·x2": None if x2 is None else x1 * x2, "sin x1": numpy.sin(x1), "cos x1": numpy.cos(x1),
                "sin x2": None if x2 is None else numpy.sin(x2), "cos x2": None if x2 is None else numpy.cos(x2)}
    expected = numpy.column_stack([formulas[f] for f in dataset.feature_names]).astype(numpy.float32)
    numpy.testing.assert_array_equal(dataset.x_test, expected)
    numpy.testing.assert_array_equal(dataset.preprocessing.prepare(points), dataset.x_test)
    assert dataset.preprocessing.raw_shape == (points.shape[1],)
    assert dataset.preprocessing.features == tuple(dataset.feature_names)


@pytest.mark.parametrize("config, file, columns", [
    ({"name": "iris"}, "iris.csv", 4),
    ({"name": "breast_cancer", "train_ratio": 0.7, "seed": 3}, "breast_cancer.csv", 30),
    ({"name": "diabetes", "standardize_target": True}, "diabetes_data_raw.csv.gz", 10),
    ({"name": "digits", "normalize": "unit"}, "digits.csv.gz", 64),
    ({"name": "digits", "normalize": "none", "images": True}, "digits.csv.gz", 64),
    ({"name": "iris", "normalize": "unit", "train_ratio": 0.8}, "iris.csv", 4),
])
def test_a_tables_inputs_are_its_raw_rows_scaled_by_the_training_split(config, file, columns):
    config = dict(config)
    images = config.pop("images", False)
    dataset = load_dataset(config)
    if images:  # as a network that starts on images takes them
        dataset = dataset.shaped((1, 8, 8))
    table = read_table(file, skip_header=not file.endswith(".gz"))[:, :columns]
    train, test = split_of(len(table), config)
    numpy.testing.assert_array_equal(dataset.raw_test, table[test])
    normalize = config.get("normalize", "standardize")
    if normalize == "standardize":
        shift, scale = table[train].mean(axis=0), table[train].std(axis=0)
        scale[scale == 0] = 1
    else:
        shift, scale = 0.0, (numpy.abs(table).max() if normalize == "unit" else 1.0)
    expected = ((table[test] - shift) / scale).astype(numpy.float32).reshape(dataset.x_test.shape)
    numpy.testing.assert_allclose(dataset.x_test, expected, rtol=1e-6, atol=1e-7)
    numpy.testing.assert_array_equal(dataset.preprocessing.prepare(table[test]), dataset.x_test)
    numpy.testing.assert_allclose(dataset.preprocessing.shift, shift, rtol=1e-12)
    numpy.testing.assert_allclose(dataset.preprocessing.scale, scale, rtol=1e-12)
    assert dataset.preprocessing.raw_names == tuple(dataset.feature_names)
    assert dataset.preprocessing.input_shape == dataset.input_shape == dataset.x_test.shape[1:]


def test_a_csv_files_raw_rows_are_its_feature_columns(tmp_path):
    path = tmp_path / "table.csv"
    rows = numpy.random.default_rng(1).normal(100, 20, (40, 3))
    path.write_text("a,b,c,label\n" + "".join(f"{a!r},{b!r},{c!r},{'yes' if a > 100 else 'no'}\n"
                                              for a, b, c in rows.tolist()))
    dataset = load_dataset({"name": "csv", "path": str(path)})
    train, test = split_of(len(rows), {})
    numpy.testing.assert_array_equal(dataset.raw_test, rows[test])
    expected = (rows[test] - rows[train].mean(axis=0)) / rows[train].std(axis=0)
    numpy.testing.assert_allclose(dataset.x_test, expected, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("normalize, images", [("standardize", False), ("unit", False), ("none", True),
                                               ("standardize", True)])
def test_an_image_sets_inputs_are_its_pixels_scaled_and_shaped(tmp_path, normalize, images):
    arrays = mnist_arrays(6)
    write_mnist(tmp_path, arrays)
    dataset = load_dataset({"name": "mnist", "source_folder": str(tmp_path), "normalize": normalize, "subset": 20})
    if images:  # as a network that starts on images takes them
        dataset = dataset.shaped((1, 28, 28))
    pixels = arrays["x_test"].astype(numpy.float64)
    if normalize == "standardize":
        train = arrays["x_train"][:20].astype(numpy.float64)
        expected = (pixels - train.mean()) / train.std()
    else:
        expected = pixels / (255 if normalize == "unit" else 1)
    shape = (1, 28, 28) if images else (784,)
    numpy.testing.assert_allclose(dataset.x_test, expected.reshape(len(pixels), *shape), rtol=1e-6, atol=1e-7)
    numpy.testing.assert_array_equal(dataset.raw_test[:, 0], arrays["x_test"])
    numpy.testing.assert_array_equal(dataset.preprocessing.prepare(dataset.raw_test), dataset.x_test)
    assert dataset.preprocessing.raw_shape == (1, 28, 28) and dataset.preprocessing.input_shape == shape
    assert dataset.preprocessing.pixel_range == (0, 255)


def test_preparing_in_chunks_gives_what_preparing_at_once_gives(tmp_path, monkeypatch):
    arrays = mnist_arrays(7, train=50)
    write_mnist(tmp_path, arrays)
    config = {"name": "mnist", "source_folder": str(tmp_path)}
    whole = load_dataset(config)
    monkeypatch.setattr("playground.data.preprocessing.CHUNK_ROWS", 7)
    numpy.testing.assert_array_equal(load_dataset(config).x_train, whole.x_train)
