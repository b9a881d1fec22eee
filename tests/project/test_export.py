"""Exports: the PyTorch model and the NumPy script compute what the engine computes, and the CSV
holds the history."""

import ast
import importlib.util
import subprocess
import sys
import uuid

import numpy
import pytest

from playground.engine import (
    ActivationSpec,
    AvgPool2DSpec,
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    DropoutSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
    ResidualSpec,
    ScheduleSpec,
    random_batch,
)
from playground.errors import DataError, PlaygroundError
from playground.project import load_preset
from playground.project.export import export_history_csv, export_numpy_script, export_pytorch
from playground.project.export.torch_optimizer import TrainedOptimizer

PRESETS = ["circle", "digits-mlp", "iris", "batchnorm", "residual", "digits-cnn"]


def every_layer() -> NetworkSpec:
    """Every layer type and activation, nested residual blocks, and alphas other than the defaults."""
    return NetworkSpec((3,), [
        DenseSpec(6, "leaky_relu", alpha=0.2), BatchNormSpec(momentum=0.3, eps=1e-3), ActivationSpec("elu", alpha=0.5),
        DropoutSpec(0.25),
        ResidualSpec([DenseSpec(6, "tanh"), ResidualSpec([DenseSpec(6, "softplus")]), BatchNormSpec(),
                      DenseSpec(6, "sigmoid")]),
        DenseSpec(5, "relu"), DenseSpec(5, "elu"), DenseSpec(4, "leaky_relu"), ActivationSpec("softmax"),
    ], "mse")


def every_image_layer() -> NetworkSpec:
    """Conv2D with stride 2 and padding 1, "same" padding around an even kernel (the odd zero after),
    overlapping max and average pooling, a residual block of images, global average pooling."""
    return NetworkSpec((2, 9, 8), [
        Conv2DSpec(4, 3, stride=2, padding=1, activation="leaky_relu", alpha=0.2, bias_init="normal"),
        Conv2DSpec(3, 2, padding="same", activation="elu"), MaxPool2DSpec(2, 1),
        ResidualSpec([Conv2DSpec(3, 3, padding="same", activation="tanh"), ActivationSpec("sigmoid")]),
        AvgPool2DSpec(2, 1), GlobalAvgPoolSpec(), DenseSpec(4, "softplus"), DenseSpec(3),
    ], "cross_entropy")


def flattened_images() -> NetworkSpec:
    """A 5×5 kernel without padding, average pooling that leaves the edge out, Flatten, a regression."""
    return NetworkSpec((1, 7, 7), [Conv2DSpec(2, 5, activation="sigmoid", bias_init="normal"), AvgPool2DSpec(2),
                                   FlattenSpec(), DenseSpec(2)], "mse")


IMAGE_NETWORKS = {"every-image-layer": every_image_layer, "flattened-images": flattened_images}


def no_dropout() -> NetworkSpec:
    spec = every_layer()
    spec.layers = [layer for layer in spec.layers if not isinstance(layer, DropoutSpec)]
    return spec


def spec_of(name: str) -> NetworkSpec:
    if name in IMAGE_NETWORKS:
        return IMAGE_NETWORKS[name]()
    return every_layer() if name == "every-layer" else load_preset(name).network


def trained(spec: NetworkSpec, dtype: str = "float32") -> Network:
    """A network a few SGD steps away from its initial weights, so running statistics moved too."""
    net = Network(spec, dtype=dtype, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.05))
    for step in range(3):
        x, y = random_batch(spec, 16, step)
        net.train_step(x, y, optimizer)
    return net


def import_file(path):
    module_spec = importlib.util.spec_from_file_location(f"exported_{uuid.uuid4().hex}", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


def imported_names(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


# PyTorch.

@pytest.mark.parametrize("name", [*PRESETS, "every-layer", *IMAGE_NETWORKS])
def test_the_pytorch_model_computes_what_the_engine_computes(tmp_path, name):
    torch = pytest.importorskip("torch")
    spec = spec_of(name)
    net = trained(spec)
    code, weights = export_pytorch(spec, net.state_dict(), tmp_path)
    assert (code.name, weights.name) == ("model.py", "model_state_dict.pt")
    assert imported_names(code) <= {"torch", "collections"}
    model = import_file(code).build_model()
    model.load_state_dict(torch.load(weights))  # strict: every key and shape must match build_model()
    model.eval()
    x = numpy.random.default_rng(1).standard_normal((32, *spec.input_shape)).astype(numpy.float32)
    with torch.no_grad():
        ours = model(torch.from_numpy(x)).numpy()
    numpy.testing.assert_allclose(ours, net.forward(x), rtol=1e-6, atol=1e-6)


def test_the_pytorch_names_are_stable_and_name_the_layers(tmp_path):
    torch = pytest.importorskip("torch")
    spec = every_layer()
    net = trained(spec)
    export_pytorch(spec, net.state_dict(), tmp_path, name="net")
    saved = torch.load(tmp_path / "net_state_dict.pt")
    assert list(saved)[:6] == ["dense_1.weight", "dense_1.bias", "batchnorm_2.weight", "batchnorm_2.bias",
                               "batchnorm_2.running_mean", "batchnorm_2.running_var"]
    assert "residual_5.body.residual_5_2.body.dense_5_2_1.weight" in saved
    numpy.testing.assert_array_equal(saved["residual_5.body.dense_5_1.weight"].numpy(), net.get("5.1.W").T)
    numpy.testing.assert_array_equal(saved["batchnorm_2.running_var"].numpy(), net.state_dict()["2.running_var"])
    code = (tmp_path / "net.py").read_text()
    assert "# layer 5.2.1: dense, 6 units" in code and "nn.LeakyReLU(negative_slope=0.2)" in code
    assert "nn.ELU(alpha=0.5)" in code and "nn.BatchNorm1d(6, eps=0.001, momentum=0.3)" in code
    assert 'model.load_state_dict(torch.load("net_state_dict.pt"))' in code
    assert "LOSS = torch.nn.MSELoss()" in code


def test_the_pytorch_image_modules_carry_the_layers_settings(tmp_path):
    torch = pytest.importorskip("torch")
    spec = every_image_layer()
    net = trained(spec)
    export_pytorch(spec, net.state_dict(), tmp_path)
    saved = torch.load(tmp_path / "model_state_dict.pt")
    numpy.testing.assert_array_equal(saved["conv2d_1.weight"].numpy(), net.get("1.K").transpose(3, 0, 1, 2))
    numpy.testing.assert_array_equal(saved["residual_4.body.conv2d_4_1.bias"].numpy(), net.get("4.1.b"))
    code = " ".join((tmp_path / "model.py").read_text().split())
    assert '("conv2d_1", nn.Conv2d(2, 4, kernel_size=3, stride=2, padding=1)), # layer 1: conv2d, 4 filters of 3×3' \
        in code and '("leaky_relu_1", nn.LeakyReLU(negative_slope=0.2))' in code
    # "same" around a 2×2 kernel pads one zero, after: below and to the right.
    assert '("pad_2", nn.ZeroPad2d((0, 1, 0, 1))), # layer 2\'s "same" padding' in code
    assert '("conv2d_2", nn.Conv2d(4, 3, kernel_size=2, stride=1, padding=0))' in code
    assert "nn.Conv2d(3, 3, kernel_size=3, stride=1, padding=1)" in code  # "same" around 3×3: one zero each side
    assert "nn.MaxPool2d(kernel_size=2, stride=1)" in code and "nn.AvgPool2d(kernel_size=2, stride=1)" in code
    assert '("globalavgpool_6", nn.AdaptiveAvgPool2d(1))' in code and '("globalavgpool_6_flat", nn.Flatten())' in code
    assert "float32 of shape (batch, 2, 9, 8)" in code and "(filters, channels, kh, kw)" in code
    flat = " ".join(export_pytorch(flattened_images(), trained(flattened_images()).state_dict(),
                                   tmp_path / "flat")[0].read_text().split())
    assert '("flatten_3", nn.Flatten()), # layer 3: flatten' in flat


@pytest.mark.parametrize("name, loss", [("iris", "CrossEntropyLoss"), ("circle", "BCEWithLogitsLoss"),
                                        ("linear-regression", "MSELoss")])
def test_the_pytorch_file_names_the_loss(tmp_path, name, loss):
    pytest.importorskip("torch")
    spec = load_preset(name).network
    code, _ = export_pytorch(spec, Network(spec).state_dict(), tmp_path)
    assert import_file(code).LOSS.__class__.__name__ == loss


def test_pytorch_batchnorm_keeps_training_like_ours(tmp_path):
    """The momentum convention carries over: one training-mode batch moves both running statistics alike."""
    torch = pytest.importorskip("torch")
    spec = NetworkSpec((4,), [DenseSpec(5), BatchNormSpec(momentum=0.3, eps=1e-3), DenseSpec(2)], "mse")
    net = Network(spec, dtype="float64", seed=0)
    code, weights = export_pytorch(spec, net.state_dict(), tmp_path)
    model = import_file(code).build_model().double()
    model.load_state_dict(torch.load(weights))
    x = numpy.random.default_rng(2).standard_normal((8, 4))
    model.train()
    model(torch.from_numpy(x))
    net.forward(x, training=True)
    for key in ("running_mean", "running_var"):
        numpy.testing.assert_allclose(getattr(model.batchnorm_2, key).numpy(), net.state_dict()[f"2.{key}"],
                                      rtol=1e-6)


def test_no_pytorch_is_a_sentence(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    spec = load_preset("circle").network
    with pytest.raises(PlaygroundError, match="needs PyTorch: install it with pip install torch"):
        export_pytorch(spec, Network(spec).state_dict(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_weights_of_another_network_are_refused(tmp_path):
    pytest.importorskip("torch")
    spec = load_preset("circle").network
    other = Network(load_preset("iris").network).state_dict()
    with pytest.raises(DataError, match="belong to another network"):
        export_pytorch(spec, other, tmp_path)
    with pytest.raises(DataError, match="belong to another network"):
        export_numpy_script(spec, other, tmp_path / "script.py")


def test_a_place_that_cannot_be_written_is_a_sentence(tmp_path):
    pytest.importorskip("torch")
    spec = load_preset("circle").network
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(PlaygroundError, match="Cannot write"):
        export_pytorch(spec, Network(spec).state_dict(), blocker / "folder")
    with pytest.raises(PlaygroundError, match="is a folder"):
        export_numpy_script(spec, Network(spec).state_dict(), tmp_path)
    with pytest.raises(PlaygroundError, match="Python module name"):
        export_pytorch(spec, Network(spec).state_dict(), tmp_path, name="my-model")


@pytest.mark.parametrize("name, sentence", [("class", "cannot be a Python module name"), ("torch", "is taken by"),
                                            ("train", "is taken by"), ("numpy", "is taken by")])
def test_a_model_name_that_would_break_the_exported_files_is_refused(tmp_path, name, sentence):
    # class.py cannot be imported, train.py would be written over by the training script, and torch.py beside
    # train.py would hide PyTorch from it.
    pytest.importorskip("torch")
    spec = load_preset("circle").network
    with pytest.raises(PlaygroundError, match=sentence):
        export_pytorch(spec, Network(spec).state_dict(), tmp_path, name=name)
    assert not any(tmp_path.iterdir())


# The NumPy script.

@pytest.mark.parametrize("name", [*PRESETS, "every-layer", *IMAGE_NETWORKS])
def test_the_numpy_script_runs_forward_like_the_engine(tmp_path, name):
    spec = spec_of(name)
    net = trained(spec, "float64")
    export_numpy_script(spec, net.state_dict(), tmp_path / "script.py")
    assert imported_names(tmp_path / "script.py") <= {"numpy", "base64", "io"}
    script = import_file(tmp_path / "script.py")
    x = numpy.random.default_rng(3).standard_normal((17, spec.input_size))  # images too, as flat rows
    numpy.testing.assert_allclose(script.forward(x), net.forward(x), rtol=1e-6, atol=1e-6)
    images = x.reshape(17, *spec.input_shape)
    numpy.testing.assert_array_equal(script.forward(images), script.forward(x))
    numpy.testing.assert_allclose(script.predict(x), net.predict(x), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("name", [*PRESETS, "no-dropout", *IMAGE_NETWORKS])
def test_the_numpy_script_gradients_are_the_engines(tmp_path, name, training):
    spec = no_dropout() if name == "no-dropout" else spec_of(name)
    net = trained(spec, "float64")
    export_numpy_script(spec, net.state_dict(), tmp_path / "script.py")
    script = import_file(tmp_path / "script.py")
    x, y = random_batch(spec, 12, 7)
    loss, grads = script.loss_and_gradients(x, y, training=training)
    expected_loss, expected = net.loss_and_gradients(x, y, training=training)
    assert loss == pytest.approx(expected_loss, rel=1e-5, abs=1e-5)
    assert sorted(grads) == sorted(expected)
    for key, value in expected.items():
        numpy.testing.assert_allclose(grads[key], value, rtol=1e-5, atol=1e-5, err_msg=key)
    # In training mode batch normalization's running statistics move in both alike.
    for key, value in net.state_dict().items():
        numpy.testing.assert_allclose(script.PARAMS[key], value, rtol=1e-5, atol=1e-5, err_msg=key)


def test_the_numpy_script_dropout_masks_in_training_and_their_gradients(tmp_path):
    """Training mode draws masks (inference does not), and backward goes through the mask it drew:
    finite differences with the same masks agree."""
    spec = NetworkSpec((4,), [DenseSpec(30, "tanh"), DropoutSpec(0.5), DenseSpec(2)], "mse")
    net = trained(spec, "float64")
    export_numpy_script(spec, net.state_dict(), tmp_path / "script.py")
    script = import_file(tmp_path / "script.py")
    x, y = random_batch(spec, 6, 1)
    assert not numpy.allclose(script.forward(x, training=True), script.forward(x, training=True))
    numpy.testing.assert_allclose(script.forward(x), net.forward(x), rtol=1e-9)

    def loss_with_seeded_masks(params):
        script.RNG = numpy.random.default_rng(5)
        script.PARAMS.update(params)
        return script.loss_and_gradients(x, y, training=True)

    weights = script.PARAMS["1.W"].copy()
    _, grads = loss_with_seeded_masks({})
    h = 1e-6
    for i, j in [(0, 0), (1, 7), (3, 29)]:
        up, down = weights.copy(), weights.copy()
        up[i, j] += h
        down[i, j] -= h
        numeric = (loss_with_seeded_masks({"1.W": up})[0] - loss_with_seeded_masks({"1.W": down})[0]) / (2 * h)
        assert grads["1.W"][i, j] == pytest.approx(numeric, rel=1e-5, abs=1e-8)


def test_the_numpy_script_runs_alone(tmp_path):
    spec = every_layer()
    export_numpy_script(spec, trained(spec).state_dict(), tmp_path / "script.py")
    done = subprocess.run([sys.executable, str(tmp_path / "script.py")], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "outputs forward(x):" in done.stdout and "dL/d1.W" in done.stdout and done.stderr == ""


# The history.

def test_the_history_round_trips_through_csv(tmp_path):
    history = {"step": numpy.array([0.0, 10.0, 20.0]), "train_loss": numpy.array([0.7, 0.5, 1 / 3]),
               "test_accuracy": numpy.array([numpy.nan, 0.8, 0.9])}
    path = tmp_path / "history.csv"
    export_history_csv(history, path)
    assert path.read_text().splitlines()[:2] == ["step,train_loss,test_accuracy", "0,0.7,"]
    table = numpy.genfromtxt(path, delimiter=",", names=True)
    assert table.dtype.names == tuple(history)
    for name, series in history.items():
        numpy.testing.assert_array_equal(table[name], series)


def test_a_damaged_history_is_refused(tmp_path):
    with pytest.raises(PlaygroundError, match="different lengths"):
        export_history_csv({"step": numpy.arange(3.0), "loss": numpy.ones(2)}, tmp_path / "h.csv")


@pytest.mark.parametrize("network", [no_dropout, every_image_layer])
@pytest.mark.parametrize("optimizer", [OptimizerSpec("sgd", learning_rate=0.05, momentum=0.9, nesterov=True),
                                       OptimizerSpec("adam", learning_rate=0.01),
                                       OptimizerSpec("adamw", learning_rate=0.01, weight_decay=0.1),
                                       OptimizerSpec("rmsprop", learning_rate=0.01, momentum=0.5)])
def test_training_goes_on_in_pytorch_exactly_where_it_stopped(tmp_path, optimizer, network):
    import torch

    spec = network()
    net = Network(spec, seed=0)
    ours = Optimizer(net, optimizer)
    rng = numpy.random.default_rng(4)
    x = rng.standard_normal((16, *spec.input_shape)).astype(numpy.float32)
    y = rng.integers(0, spec.output_size, 16) if spec.loss == "cross_entropy" else rng.random((16, spec.output_size))
    for _ in range(5):
        net.train_step(x, y, ours)
    trained = TrainedOptimizer(optimizer, ours.step_count, 0, {k: v.copy() for k, v in ours.state.items()})
    code, weights, state = export_pytorch(spec, net.state_dict(), tmp_path, optimizer=trained)
    assert state.name == "model_optimizer.pt"
    module = import_file(code)
    model = module.build_model()
    model.load_state_dict(torch.load(weights))
    theirs = module.build_optimizer(model)
    theirs.load_state_dict(torch.load(state))
    model.train()
    theirs.zero_grad()
    target = torch.from_numpy(y).long() if spec.loss == "cross_entropy" else torch.from_numpy(y).float()
    module.LOSS(model(torch.from_numpy(x)), target).backward()
    theirs.step()
    net.train_step(x, y, ours)
    # Our weights after the same step, under torch's names: the export's own mapping.
    expected = torch.load(export_pytorch(spec, net.state_dict(), tmp_path / "after")[1])
    for key, value in model.state_dict().items():
        if not key.endswith("num_batches_tracked"):
            numpy.testing.assert_allclose(value.numpy(), expected[key].numpy(), rtol=1e-4, atol=1e-6, err_msg=key)


def test_the_export_says_what_torch_does_not_carry_over(tmp_path):
    spec = no_dropout()
    net = Network(spec, seed=0)
    optimizer = OptimizerSpec("sgd", learning_rate=0.1, l2=0.01, clip_norm=1.0,
                              schedule=ScheduleSpec("step", step_size=2, gamma=0.5))
    trained = TrainedOptimizer(optimizer, 4, 0, {})
    code = export_pytorch(spec, net.state_dict(), tmp_path, optimizer=trained)[0].read_text()
    assert "lr=0.025" in code  # 0.1 halved at steps 2 and 4: the rate in effect now
    assert "clip_grad_norm_(model.parameters(), 1)" in code and "L2 0.01" in code and "step learning-rate" in code
