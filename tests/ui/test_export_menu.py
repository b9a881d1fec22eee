"""File › Export in the window: ONNX (run by ONNX Runtime, it predicts what the window's network predicts),
PyTorch with its training script, and the NumPy script and PyTorch model predicting on raw examples."""

import sys

import numpy
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox

from playground.ui.data_panel import DatasetSelector
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.project.test_export import import_file
from tests.ui.test_optional_parts import answer_notice
from tests.ui.test_projects import open_window, pause, train_to
from tests.ui.widgets import menu_action


def test_file_export_onnx_writes_a_model_that_predicts_what_the_window_does(qtbot, tmp_path, monkeypatch):
    onnxruntime = pytest.importorskip("onnxruntime")
    window = open_window(qtbot, "spiral")
    train_to(qtbot, window, 30)
    pause(qtbot, window)
    target = tmp_path / "spiral.onnx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu_action(window, "&File", "&Export", "To &ONNX…").trigger()
    qtbot.waitUntil(target.is_file, timeout=10_000)
    assert str(target) in window.statusBar().currentMessage()
    session = window.training.worker.session
    dataset = session.dataset
    runtime = onnxruntime.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    ours = runtime.run(None, {"raw": dataset.raw_test.astype(numpy.float64)})[0]
    numpy.testing.assert_allclose(ours, session.network.predict(dataset.x_test), rtol=1e-5, atol=1e-5)


def test_file_export_pytorch_writes_the_training_script_too(qtbot, tmp_path, monkeypatch):
    pytest.importorskip("torch")
    window = open_window(qtbot)
    target = tmp_path / "circle pytorch"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu_action(window, "&File", "&Export", "To &PyTorch (model, weights and train.py)…").trigger()
    qtbot.waitUntil(lambda: (target / "train.py").is_file(), timeout=10_000)
    assert (target / "data.npz").is_file() and "train.py, data.npz" in window.statusBar().currentMessage()


def test_onnx_export_without_onnx_says_so_before_asking_where(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    asked, told = [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append((title, text)))
    window = open_window(qtbot)
    menu_action(window, "&File", "&Export", "To &ONNX…").trigger()
    assert not asked
    assert told[0][0] == "onnx is not installed" and "backprop-playground[export]" in told[0][1]


def choose_data(qtbot, window, case: str, tmp_path, monkeypatch) -> numpy.ndarray:
    """Pick the case's data in the data panel as a person would; the test examples as the data's files have them."""
    selector = window.findChild(DatasetSelector, "datasetSelector")
    if case == "mnist from IDX files":
        arrays = mnist_arrays(seed=3)
        write_mnist(tmp_path / "idx", arrays)
        monkeypatch.setitem(sys.modules, "torchvision", None)  # read from a folder, as where it is not installed
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "idx"))
        answer_notice("Choose folder…", [])
        selector.activated.emit(selector.findData("mnist"))  # what a click in the open list sends
        assert window.dataset.name == "mnist"
        return arrays["x_test"]
    selector.activated.emit(selector.findData(case))
    if case == "spiral":  # crossed features: squares, a product and sines
        for name in ("x1²", "x1·x2", "sin x1", "cos x2"):
            box = window.findChild(QCheckBox, f"feature {name}")
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(2, box.height() // 2))
        assert window.dataset.feature_names == ["x1", "x2", "x1²", "x1·x2", "sin x1", "cos x2"]
    return window.dataset.raw_test


@pytest.mark.parametrize("case", ["spiral", "digits", "mnist from IDX files"])
def test_exports_from_the_window_predict_on_raw_examples_what_the_window_does(qtbot, tmp_path, monkeypatch, case):
    """File › Export › To a NumPy script and To PyTorch, from a 2-D set with crossed features, a bundled table and
    an image set read from IDX files: each `predict` takes the test examples as the data's files have them and
    gives the window's network's predictions, and each names the window's classes."""
    torch = pytest.importorskip("torch")
    window = open_window(qtbot)
    raw = choose_data(qtbot, window, case, tmp_path, monkeypatch)
    train_to(qtbot, window, 20)
    pause(qtbot, window)
    script, folder = tmp_path / "model.py", tmp_path / "exported" / "torch model"
    for title, target in (("To a &NumPy script…", script), ("To &PyTorch (model, weights and train.py)…", folder)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
        menu_action(window, "&File", "&Export", title).trigger()
        qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage(), timeout=10_000)  # noqa: B023
    session, dataset = window.training.worker.session, window.dataset
    expected = session.network.predict(session.dataset.x_test)
    numpy_script = import_file(script)
    numpy.testing.assert_allclose(numpy_script.predict(raw), expected, rtol=1e-5, atol=1e-6)
    model_code = import_file(folder / "model.py")
    model = model_code.build_model()
    model.load_state_dict(torch.load(folder / "model_state_dict.pt"))
    numpy.testing.assert_allclose(model_code.predict(model, raw).numpy(), expected, rtol=1e-5, atol=1e-6)
    classes = [dataset.class_names[int(p > 0.5)] for p in expected[:, 0]] if dataset.task == "binary" else \
        [dataset.class_names[i] for i in expected.argmax(axis=1)]
    assert numpy_script.predict_class(raw) == classes and model_code.predict_class(model, raw) == classes
