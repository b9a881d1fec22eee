"""Exports take examples as the data set has them: the NumPy script's and the PyTorch model's predict on
raw test rows (points, table rows, IDX images) gives what the app's network predicts on its prepared data."""

import csv
import subprocess
import sys

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import (
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
)
from playground.errors import PlaygroundError
from playground.project.export import export_numpy_script, export_pytorch
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.project.test_export import import_file, imported_names

ALL_FEATURES = ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2", "cos x1", "cos x2"]
CONFIGS = {
    "spiral": {"name": "spiral", "features": ALL_FEATURES, "noise": 10.0},
    "sine": {"name": "sine", "features": ["x1", "x1²", "sin x1", "cos x1"]},
    "iris": {"name": "iris"},
    "breast_cancer": {"name": "breast_cancer", "normalize": "unit"},
    "diabetes": {"name": "diabetes", "standardize_target": True},
    "digits": {"name": "digits"},
    "mnist": {"name": "mnist", "normalize": "standardize"},
    "mnist-unit": {"name": "mnist", "normalize": "unit", "subset": 20, "subset_mode": "random"},
}


@pytest.fixture
def idx_arrays(tmp_path):
    """Small MNIST-format IDX files, as the standard folder holds them."""
    arrays = mnist_arrays(8)
    write_mnist(tmp_path / "idx", arrays)
    return arrays


def dataset_of(case, tmp_path):
    config = dict(CONFIGS[case])
    if config["name"] == "mnist":
        config["source_folder"] = str(tmp_path / "idx")
    return load_dataset(config)


def raw_test_rows(case, dataset, idx_arrays):
    """The test examples as the source has them: the IDX file's images as they are, (n, 28, 28) bytes."""
    if case.startswith("mnist"):
        return idx_arrays["x_test"]
    return dataset.raw_test


def trained_on(dataset):
    """A network that took a few steps on the data, so its outputs depend on every input."""
    spec = NetworkSpec((int(numpy.prod(dataset.input_shape)),), [DenseSpec(12, "tanh"), DenseSpec(dataset.outputs)],
                       dataset.loss)
    net = Network(spec, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.05))
    x = dataset.x_train.reshape(len(dataset.x_train), -1)
    for _ in range(5):
        net.train_step(x, dataset.y_train, optimizer)
    return spec, net


def conv_trained_on(dataset):
    """A small conv network that took a few steps on the data as images (the network decides their shape)."""
    images = dataset.shaped(dataset.image_shape)
    spec = NetworkSpec(dataset.image_shape, [Conv2DSpec(3, 3, activation="relu", bias_init="normal"),
                                             MaxPool2DSpec(2), FlattenSpec(), DenseSpec(dataset.outputs)], dataset.loss)
    net = Network(spec, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.05))
    for _ in range(5):
        net.train_step(images.x_train, images.y_train, optimizer)
    return spec, net


def apps_predictions(net, dataset):
    """What the app predicts for the test data, in the target's own units."""
    predictions = net.predict(dataset.x_test.reshape(len(dataset.x_test), -1))
    if dataset.target_scale is not None:
        mean, std = dataset.target_scale
        predictions = predictions * std + mean
    return predictions


def apps_classes(predictions, dataset):
    if dataset.task == "binary":
        return [dataset.class_names[int(p > 0.5)] for p in predictions[:, 0]]
    return [dataset.class_names[i] for i in predictions.argmax(axis=1)]


def assert_predictions_equal(ours, expected):
    numpy.testing.assert_allclose(ours, expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("case", list(CONFIGS))
def test_the_numpy_script_predicts_on_raw_rows_what_the_app_predicts(tmp_path, idx_arrays, case):
    dataset = dataset_of(case, tmp_path)
    spec, net = trained_on(dataset)
    export_numpy_script(spec, net.state_dict(), tmp_path / "script.py", dataset)
    script = import_file(tmp_path / "script.py")
    raw = raw_test_rows(case, dataset, idx_arrays)
    expected = apps_predictions(net, dataset)
    assert_predictions_equal(script.predict(raw), expected)
    numpy.testing.assert_array_equal(script.prepare(raw), dataset.x_test.reshape(len(raw), -1))
    if dataset.task == "regression":
        assert not hasattr(script, "predict_class") and not hasattr(script, "CLASS_NAMES")
    else:
        assert script.CLASS_NAMES == dataset.class_names
        assert script.predict_class(raw) == apps_classes(expected, dataset)


@pytest.mark.parametrize("case", list(CONFIGS))
def test_the_pytorch_model_predicts_on_raw_rows_what_the_app_predicts(tmp_path, idx_arrays, case):
    torch = pytest.importorskip("torch")
    dataset = dataset_of(case, tmp_path)
    spec, net = trained_on(dataset)
    code, weights = export_pytorch(spec, net.state_dict(), tmp_path / "torch", dataset=dataset)
    assert imported_names(code) <= {"torch", "collections"}
    module = import_file(code)
    model = module.build_model()
    model.load_state_dict(torch.load(weights))
    raw = raw_test_rows(case, dataset, idx_arrays)
    expected = apps_predictions(net, dataset)
    assert_predictions_equal(module.predict(model, raw).numpy(), expected)
    if dataset.task != "regression":
        assert module.CLASS_NAMES == dataset.class_names
        assert module.predict_class(model, raw) == apps_classes(expected, dataset)


@pytest.mark.parametrize("case", ["digits", "mnist", "mnist-unit"])
def test_a_conv_networks_exports_predict_on_raw_images_what_the_app_predicts(tmp_path, idx_arrays, case):
    """The exports are made from the data as loaded, flat, and prepare raw examples as the images the
    network takes, as the app does."""
    dataset = dataset_of(case, tmp_path)
    spec, net = conv_trained_on(dataset)
    images = dataset.shaped(spec.input_shape)
    expected = net.predict(images.x_test)
    raw = raw_test_rows(case, dataset, idx_arrays)
    export_numpy_script(spec, net.state_dict(), tmp_path / "script.py", dataset)
    script = import_file(tmp_path / "script.py")
    numpy.testing.assert_array_equal(script.prepare(raw), images.x_test)
    assert_predictions_equal(script.predict(raw), expected)
    assert script.predict_class(raw) == apps_classes(expected, dataset)
    torch = pytest.importorskip("torch")
    code, weights = export_pytorch(spec, net.state_dict(), tmp_path / "torch", dataset=dataset)
    module = import_file(code)
    model = module.build_model()
    model.load_state_dict(torch.load(weights))
    assert_predictions_equal(module.predict(model, raw).numpy(), expected)
    assert module.predict_class(model, raw) == apps_classes(expected, dataset)
    if case == "digits":
        text = " ".join((tmp_path / "script.py").read_text().split())
        assert "standard deviation (SCALE), then reshaped to (1, 8, 8)." in text
        assert "shape (n, 1, 8, 8) or as flat rows, (n, 64)" in text


def test_the_exports_say_what_raw_input_they_take(tmp_path, idx_arrays):
    pytest.importorskip("torch")
    iris = load_dataset({"name": "iris"})
    spec, net = trained_on(iris)
    export_numpy_script(spec, net.state_dict(), tmp_path / "iris.py", iris)
    text = " ".join((tmp_path / "iris.py").read_text().split())
    assert "rows of the columns 'sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width " \
           "(cm)' as in the data file, shape (n, 4)" in text
    assert "one of CLASS_NAMES ('setosa', 'versicolor', 'virginica')" in text
    assert "standardized by the training split's mean (SHIFT) and standard deviation (SCALE)" in text
    mnist = dataset_of("mnist", tmp_path)
    spec, net = trained_on(mnist)
    code = " ".join(export_pytorch(spec, net.state_dict(), tmp_path, dataset=mnist)[0].read_text().split())
    assert "images of shape (n, 1, 28, 28) with pixel values 0 to 255" in code
    assert "predict(model, raw) takes examples as the data set has them" in code
    diabetes = load_dataset(CONFIGS["diabetes"])
    spec, net = trained_on(diabetes)
    export_numpy_script(spec, net.state_dict(), tmp_path / "diabetes.py", diabetes)
    assert "the predicted values in the target's own units" in " ".join((tmp_path / "diabetes.py").read_text().split())


def test_names_with_quotes_and_backslashes_are_written_safely(tmp_path):
    pytest.importorskip("torch")
    path = tmp_path / "odd.csv"
    names = ['say "hi"', "C:\\data", "it's", '"""']
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows([['a "quoted" column', "b\\c", "kind"],
                                      *([i, i * 0.5, names[i % 4]] for i in range(30))])
    dataset = load_dataset({"name": "csv", "path": str(path)})
    assert sorted(dataset.class_names) == sorted(names)
    spec, net = trained_on(dataset)
    export_numpy_script(spec, net.state_dict(), tmp_path / "script.py", dataset)
    export_pytorch(spec, net.state_dict(), tmp_path / "torch", dataset=dataset)
    for exported in (import_file(tmp_path / "script.py"), import_file(tmp_path / "torch" / "model.py")):
        assert exported.CLASS_NAMES == dataset.class_names
        assert exported.RAW_COLUMNS == ['a "quoted" column', "b\\c"]


def test_the_numpy_script_made_from_data_runs_alone(tmp_path, idx_arrays):
    for case, network in (("spiral", trained_on), ("mnist", trained_on), ("diabetes", trained_on),
                          ("mnist", conv_trained_on)):
        dataset = dataset_of(case, tmp_path)
        spec, net = network(dataset)
        export_numpy_script(spec, net.state_dict(), tmp_path / f"{case}.py", dataset)
        done = subprocess.run([sys.executable, str(tmp_path / f"{case}.py")], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "predict(raw):" in done.stdout and done.stderr == ""


def test_a_network_that_does_not_fit_the_data_is_refused(tmp_path):
    iris = load_dataset({"name": "iris"})
    spec = NetworkSpec((5,), [DenseSpec(3)], "cross_entropy")
    with pytest.raises(PlaygroundError, match="takes 5 inputs, but the Iris flowers data give 4"):
        export_numpy_script(spec, Network(spec).state_dict(), tmp_path / "script.py", iris)
    spec = NetworkSpec((4,), [DenseSpec(2)], "cross_entropy")
    with pytest.raises(PlaygroundError, match="3 classes"):
        export_numpy_script(spec, Network(spec).state_dict(), tmp_path / "script.py", iris)
    assert not (tmp_path / "script.py").exists()

