"""The Backend selector: NumPy, CuPy (greyed with the reason where it cannot work) and Auto; choosing another
backend in a run moves the run across, and training goes on from the same step."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from playground.ui import MainWindow
from tests.strict_cupy import strict_xp
from tests.strict_cupy.strict_xp import xp as strict_cupy
from tests.ui.widgets import click, find

TIP = Qt.ItemDataRole.ToolTipRole


def test_cupy_is_greyed_with_the_reason_and_auto_says_what_it_takes(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", None)  # as where CuPy is not installed
    window = MainWindow()
    qtbot.addWidget(window)
    selector = find(window, QComboBox, "backendSelector")
    assert [selector.itemData(i) for i in range(selector.count())] == ["numpy", "cupy", "auto"]
    assert selector.currentData() == "numpy" and not selector.model().item(1).isEnabled()
    assert selector.itemData(1, TIP).startswith("CuPy is not installed")
    assert "here, NumPy: CuPy is not installed" in selector.itemData(2, TIP)
    window.close()


def test_choosing_the_gpu_in_a_paused_run_goes_on_from_the_same_step(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)  # the strict double of CuPy stands in for a GPU
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    readout, selector = find(window, QLabel, "runReadout"), find(window, QComboBox, "backendSelector")
    for _ in range(3):
        click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "step 3 · NumPy" in readout.text())
    weights = window.training.worker.session.network.get("1.W")
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # NumPy to CuPy (GPU)
    assert selector.currentData() == "cupy"
    assert "while CuPy compiles its GPU kernels" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "step 3 · CuPy" in readout.text())
    session = window.training.worker.session
    assert session.network.backend.name == "cupy" and (session.network.get("1.W") == weights).all()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "step 4 · CuPy" in readout.text())
    window.close()


def test_a_backend_that_cannot_take_the_network_goes_back_to_where_the_run_stays(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    monkeypatch.setitem(strict_xp.DEVICE_MEMORY, "free", 2**16)  # too little GPU memory for any network
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    readout, selector = find(window, QLabel, "runReadout"), find(window, QComboBox, "backendSelector")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "step 1 · NumPy" in readout.text())
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # NumPy to CuPy (GPU)
    qtbot.waitUntil(lambda: "stays on numpy" in window.statusBar().currentMessage())
    assert "GPU memory" in window.statusBar().currentMessage()
    assert selector.currentData() == "numpy"  # the selector says where the run is, not what was asked
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "step 2 · NumPy" in readout.text())
    assert window.training.worker.session.config.backend == "numpy"
    window.close()


def test_auto_keeps_a_network_too_small_for_the_gpu_on_numpy_and_says_why(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", strict_cupy)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    readout, selector = find(window, QLabel, "runReadout"), find(window, QComboBox, "backendSelector")
    assert "here, CuPy for a network of 10,000,000 multiply-adds a training step or more" in selector.itemData(2, TIP)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "step 1 · NumPy" in readout.text())
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_End)  # NumPy to Auto
    assert selector.currentData() == "auto"
    qtbot.waitUntil(lambda: "multiply-adds a training step, too few for the GPU" in window.statusBar().currentMessage())
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: "step 2 · NumPy" in readout.text())
    assert selector.currentData() == "auto" and window.training.worker.session.network.backend.name == "numpy"
    window.close()
