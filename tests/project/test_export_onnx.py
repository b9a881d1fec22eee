"""The ONNX export, run by ONNX Runtime: on the raw test rows (points, table rows, pixels as the files hold
them) it gives what the app predicts on its prepared data, for every kind of layer and preprocessing."""

import json
import sys

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import BatchNormSpec, DenseSpec, Network, NetworkSpec, Optimizer, OptimizerSpec, ResidualSpec
from playground.errors import PlaygroundError
from playground.project import load_preset
from playground.project.export.onnx_model import export_onnx
from tests.project.test_export import IMAGE_NETWORKS, every_layer, trained
from tests.project.test_export_raw_inputs import (
    CONFIGS,
    apps_predictions,
    conv_trained_on,
    dataset_of,
    idx_arrays,  # noqa: F401 (a fixture)
    raw_test_rows,
    trained_on,
)

onnxruntime = pytest.importorskip("onnxruntime")
TOLERANCE = 1e-5


def run_onnx(path, raw):
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    [given] = session.get_inputs()
    dtype = numpy.uint8 if given.type == "tensor(uint8)" else numpy.float64
    shape = [int(d) for d in given.shape[1:]]
    return session.run(None, {"raw": numpy.asarray(raw, dtype=dtype).reshape(len(raw), *shape)})[0]


def batchnorm_and_residual(dataset):
    """Batch normalization (running statistics moved by training) and a residual block holding one."""
    spec = NetworkSpec((dataset.input_shape[0],), [
        DenseSpec(8), BatchNormSpec(momentum=0.3, eps=1e-3), DenseSpec(8, "relu"),
        ResidualSpec([DenseSpec(8, "tanh"), BatchNormSpec(), DenseSpec(8, "elu")]), DenseSpec(dataset.outputs),
    ], dataset.loss)
    net = Network(spec, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.05))
    for _ in range(5):
        net.train_step(dataset.x_train, dataset.y_train, optimizer)
    return spec, net


def preset_trained_on(name, dataset):
    spec = load_preset(name).network
    images = dataset.shaped(spec.input_shape)
    net = Network(spec, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("adam", learning_rate=0.003))
    for _ in range(5):
        net.train_step(images.x_train[:64], images.y_train[:64], optimizer)
    return spec, net


# (data, how the network is made): 2-D points with crossed features, a 1-D set, bundled tables of each task,
# the 8×8 digits flat and as images (the digits-cnn preset), MNIST's pixels for a conv network.
CASES = {
    "spiral-crossed-features": ("spiral", trained_on),
    "sine": ("sine", trained_on),
    "iris": ("iris", trained_on),
    "breast_cancer": ("breast_cancer", trained_on),
    "diabetes": ("diabetes", trained_on),
    "digits": ("digits", trained_on),
    "batchnorm-residual": ("iris", batchnorm_and_residual),
    "digits-cnn": ("digits", lambda dataset: preset_trained_on("digits-cnn", dataset)),
    "mnist-conv": ("mnist", conv_trained_on),
}


@pytest.mark.parametrize("case", list(CASES))
def test_onnx_runtime_predicts_on_raw_rows_what_the_app_predicts(tmp_path, idx_arrays, case):  # noqa: F811
    data, make = CASES[case]
    dataset = dataset_of(data, tmp_path)
    spec, net = make(dataset)
    path = tmp_path / "model.onnx"
    export_onnx(spec, net.state_dict(), path, dataset)
    shaped = dataset.shaped(spec.input_shape)
    expected = apps_predictions(net, dataset) if len(spec.input_shape) == 1 else net.predict(shaped.x_test)
    ours = run_onnx(path, raw_test_rows(data, dataset, idx_arrays))
    assert ours.shape == expected.shape
    numpy.testing.assert_allclose(ours, expected, rtol=TOLERANCE, atol=TOLERANCE)


@pytest.mark.parametrize("name", ["every-layer", *IMAGE_NETWORKS])
def test_without_data_the_onnx_model_takes_the_networks_inputs(tmp_path, name):
    """Every layer and activation, strides, "same" padding around an even kernel, both poolings."""
    spec = every_layer() if name == "every-layer" else IMAGE_NETWORKS[name]()
    net = trained(spec)
    export_onnx(spec, net.state_dict(), tmp_path / "model.onnx")
    x = numpy.random.default_rng(1).standard_normal((32, *spec.input_shape)).astype(numpy.float32)
    expected = net.predict(x)
    numpy.testing.assert_allclose(run_onnx(tmp_path / "model.onnx", x), expected, rtol=TOLERANCE, atol=TOLERANCE)


def test_the_onnx_model_says_what_it_takes_and_gives(tmp_path, idx_arrays):  # noqa: F811
    import onnx

    iris = dataset_of("iris", tmp_path)
    spec, net = trained_on(iris)
    export_onnx(spec, net.state_dict(), tmp_path / "iris.onnx", iris)
    model = onnx.load(tmp_path / "iris.onnx")
    assert [o.name for o in model.graph.output] == ["probabilities"]
    assert model.opset_import[0].version == 17 and model.producer_name == "Backprop Playground"
    metadata = {entry.key: entry.value for entry in model.metadata_props}
    assert json.loads(metadata["class_names"]) == iris.class_names
    assert json.loads(metadata["raw_columns"])[0] == "sepal length (cm)" and metadata["data_set"] == "Iris flowers"
    assert "standardized by the training split's mean" in model.doc_string and "\0" not in model.doc_string
    assert [node.name for node in model.graph.node][-4:] == ["layer 1: dense", "layer 1: tanh", "layer 2: dense",
                                                              "softmax"][-3:] + ["probabilities"]
    mnist = dataset_of("mnist", tmp_path)
    spec, net = conv_trained_on(mnist)
    export_onnx(spec, net.state_dict(), tmp_path / "mnist.onnx", mnist)
    given = onnx.load(tmp_path / "mnist.onnx").graph.input[0]
    assert given.type.tensor_type.elem_type == onnx.TensorProto.UINT8  # pixels as the files hold them
    assert [d.dim_value for d in given.type.tensor_type.shape.dim][1:] == [1, 28, 28]
    diabetes = load_dataset(CONFIGS["diabetes"])
    spec, net = trained_on(diabetes)
    export_onnx(spec, net.state_dict(), tmp_path / "diabetes.onnx", diabetes)
    model = onnx.load(tmp_path / "diabetes.onnx")
    assert [o.name for o in model.graph.output] == ["values"] and "target's own units" in model.doc_string


def test_no_onnx_is_a_sentence(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    spec = load_preset("circle").network
    with pytest.raises(PlaygroundError, match=r"needs the onnx package: install it with pip install "
                                              r"'backprop-playground\[export\]'"):
        export_onnx(spec, Network(spec).state_dict(), tmp_path / "model.onnx")
    assert list(tmp_path.iterdir()) == []
