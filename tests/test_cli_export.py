"""`playground export`: a saved project out as a PyTorch model with its training script, an ONNX model, a
NumPy script or a CSV history."""

import importlib.util
import sys

import numpy
import pytest

from playground.cli import main
from playground.data import load_dataset
from playground.engine import DenseSpec, Network, NetworkSpec, OptimizerSpec
from playground.project import load_preset, load_project, save_project
from playground.session import Session, TrainingConfig, project_of
from tests.project.test_export import import_file


@pytest.fixture(scope="module")
def project_file(tmp_path_factory):
    """The circle preset trained two epochs and saved, as the app saves it."""
    preset = load_preset("circle")
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=2, every_epoch=True,
                            details=False)
    session = Session(preset.network, load_dataset(preset.dataset), config)
    for _ in session.run():
        pass
    path = tmp_path_factory.mktemp("projects") / "circle.bpp"
    save_project(project_of(session, preset.dataset, preset.title), path)
    return path


def test_export_to_pytorch_writes_the_model_and_its_weights(project_file, tmp_path, capsys):
    torch = pytest.importorskip("torch")
    out = tmp_path / "torch"
    assert main(["export", str(project_file), "--to", "pytorch", str(out), "--name", "circle"]) == 0
    # A trained project: its optimizer too; and the script that trains on, with the data it trains on.
    files = ("circle.py", "circle_state_dict.pt", "circle_optimizer.pt", "train.py", "data.npz")
    assert sorted(p.name for p in out.iterdir()) == sorted(files)
    assert capsys.readouterr().out.splitlines() == [f"wrote {out / name}" for name in files]
    module_spec = importlib.util.spec_from_file_location("exported_circle", out / "circle.py")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    model = module.build_model()
    model.load_state_dict(torch.load(out / "circle_state_dict.pt"))
    weights = load_project(project_file).arrays["weights/1.W"]
    numpy.testing.assert_array_equal(model.dense_1.weight.detach().numpy(), weights.T)
    optimizer = module.build_optimizer(model)
    optimizer.load_state_dict(torch.load(out / "circle_optimizer.pt"))
    assert len(optimizer.state_dict()["state"]) == len(list(model.parameters()))



def test_the_help_of_export_names_every_file_the_pytorch_export_writes(project_file, tmp_path, capsys):
    pytest.importorskip("torch")
    out = tmp_path / "torch"
    assert main(["export", str(project_file), "--to", "pytorch", str(out)]) == 0
    written = [path.name.replace("model", "<name>") for path in out.iterdir()]  # --name is model by default
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # argparse breaks the lines where it likes
    assert [name for name in written if name not in shown] == []


def test_export_to_numpy_and_history(project_file, tmp_path):
    script, table = tmp_path / "circle.py", tmp_path / "history.csv"
    assert main(["export", str(project_file), "--to", "numpy", str(script)]) == 0
    assert "def loss_and_gradients(x, y, training=False):" in script.read_text()
    assert main(["export", str(project_file), "--to", "history", str(table)]) == 0
    history = {k.removeprefix("history/"): v for k, v in load_project(project_file).arrays.items()
               if k.startswith("history/")}
    read = numpy.genfromtxt(table, delimiter=",", names=True)
    assert len(read) == len(history["step"]) > 0
    for name, series in history.items():
        numpy.testing.assert_allclose(read[name], series, equal_nan=True)


def test_an_untrained_project_exports_its_starting_weights_but_no_history(tmp_path, capsys):
    preset = load_preset("iris")
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size)
    session = Session(preset.network, load_dataset(preset.dataset), config)
    project = project_of(session, preset.dataset)
    project.progress, project.arrays = None, {}
    path = tmp_path / "new.bpp"
    save_project(project, path)
    assert main(["export", str(path), "--to", "numpy", str(tmp_path / "new.py")]) == 0
    assert main(["export", str(path), "--to", "history", str(tmp_path / "new.csv")]) == 2
    assert capsys.readouterr().err.strip() == "error: This project has no metric history yet: train it first."


@pytest.mark.parametrize("case", ["missing", "not-a-project", "unwritable", "folder-for-a-script", "bad-kind"])
def test_user_mistakes_are_one_line_errors(project_file, tmp_path, capsys, case):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a zip")
    args = {
        "missing": [str(tmp_path / "nothing.bpp"), "--to", "numpy", str(tmp_path / "x.py")],
        "not-a-project": [str(blocker), "--to", "numpy", str(tmp_path / "x.py")],
        "unwritable": [str(project_file), "--to", "history", str(blocker / "history.csv")],
        "folder-for-a-script": [str(project_file), "--to", "numpy", str(tmp_path)],
        "bad-kind": [str(project_file), "--to", "tensorflow", str(tmp_path / "x.pb")],
    }[case]
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1


def test_no_pytorch_is_a_one_line_error(project_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    assert main(["export", str(project_file), "--to", "pytorch", str(tmp_path / "out")]) == 2
    expected = "error: Exporting to PyTorch needs PyTorch: install it with pip install torch; or export a NumPy script."
    assert capsys.readouterr().err.strip() == expected
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["iris", "digits-cnn"])
def test_the_exports_of_a_saved_project_predict_on_raw_rows(tmp_path, name):
    """The exports carry the project's preprocessing, loaded again from its dataset settings: a conv
    network's prepare gives images, as the session gave it."""
    torch = pytest.importorskip("torch")
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=2, details=False)
    session = Session(preset.network, dataset, config)
    for _ in session.run():
        pass
    path = tmp_path / f"{name}.bpp"
    save_project(project_of(session, preset.dataset, preset.title), path)
    net = Network(preset.network)
    net.load_state_dict({k.removeprefix("weights/"): v for k, v in load_project(path).arrays.items()
                         if k.startswith("weights/")})
    expected = net.predict(dataset.x_test)
    assert main(["export", str(path), "--to", "numpy", str(tmp_path / "script.py")]) == 0
    assert main(["export", str(path), "--to", "pytorch", str(tmp_path / "torch")]) == 0
    assert main(["export", str(path), "--to", "onnx", str(tmp_path / "model.onnx")]) == 0
    onnxruntime = pytest.importorskip("onnxruntime")
    runtime = onnxruntime.InferenceSession(str(tmp_path / "model.onnx"), providers=["CPUExecutionProvider"])
    numpy.testing.assert_allclose(runtime.run(None, {"raw": dataset.raw_test})[0], expected, rtol=1e-5, atol=1e-5)
    script = import_file(tmp_path / "script.py")
    numpy.testing.assert_allclose(script.predict(dataset.raw_test), expected, rtol=1e-6, atol=1e-6)
    module = import_file(tmp_path / "torch" / "model.py")
    model = module.build_model()
    model.load_state_dict(torch.load(tmp_path / "torch" / "model_state_dict.pt"))
    numpy.testing.assert_allclose(module.predict(model, dataset.raw_test).numpy(), expected, rtol=1e-6, atol=1e-6)
    assert script.CLASS_NAMES == module.CLASS_NAMES == dataset.class_names
    assert script.INPUT_SHAPE == module.INPUT_SHAPE == preset.network.input_shape


def test_a_project_whose_data_are_gone_cannot_be_exported(tmp_path, capsys):
    table = tmp_path / "table.csv"
    table.write_text("a,b,label\n" + "".join(f"{i},{i % 5},{i % 2}\n" for i in range(20)))
    config = {"name": "csv", "path": str(table)}
    dataset = load_dataset(config)
    session = Session(NetworkSpec((2,), [DenseSpec(1)], "binary_cross_entropy"), dataset,
                      TrainingConfig(optimizer=OptimizerSpec(), batch_size=4))
    save_project(project_of(session, config), tmp_path / "table.bpp")
    table.unlink()
    assert main(["export", str(tmp_path / "table.bpp"), "--to", "numpy", str(tmp_path / "x.py")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: Exporting needs the project's data, to carry how the app prepared them: Cannot "
                          f"read {table}") and len(err.splitlines()) == 1
    assert not (tmp_path / "x.py").exists()
