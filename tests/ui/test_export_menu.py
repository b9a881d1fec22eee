"""File › Export in the window: ONNX (run by ONNX Runtime, it predicts what the window's network predicts),
and PyTorch with its training script."""

import sys

import numpy
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.test_projects import open_window, pause, train_to


def menu_action(window, *path):
    """The action at the end of a path of menu titles, as the menu bar shows them."""
    actions = window.menuBar().actions()
    for title in path[:-1]:
        actions = next(action.menu() for action in actions if action.text() == title).actions()
    return next(action for action in actions if action.text() == path[-1])


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
