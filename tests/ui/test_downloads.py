"""An image set not downloaded yet: the window asks, downloads it off the GUI thread with a
progress dialog (here from a stand-in for torchvision's download), then goes on with the data."""

import numpy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from playground.data.images import cache_path
from playground.ui import MainWindow


def fake_mnist(name, data_dir, progress):
    for done in (0, 5 * 2**20, 10 * 2**20):
        progress("train-images-idx3-ubyte.gz", done, 10 * 2**20)
    rng = numpy.random.default_rng(0)
    return {"x_train": rng.integers(0, 256, (60, 1, 28, 28), dtype=numpy.uint8),
            "y_train": numpy.arange(60) % 10,
            "x_test": rng.integers(0, 256, (20, 1, 28, 28), dtype=numpy.uint8),
            "y_test": numpy.arange(20) % 10}


def test_choosing_an_image_set_not_downloaded_offers_the_download(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("playground.data.images.fetch_with_torchvision", fake_mnist)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Yes)
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    window.change_data({"name": "mnist", "normalize": "unit"})
    assert asked == ["Download MNIST digits?"]
    qtbot.waitUntil(lambda: window.dataset.name == "mnist", timeout=10_000)
    assert window.findChild(QProgressDialog).labelText().endswith("10.0 MB")
    assert cache_path("mnist", tmp_path).is_file() and window.dataset.input_shape == (784,)
    assert window.builder.spec.input_shape == (784,) and window.builder.spec.output_size == 10
    assert window.gallery.isVisible() and window.data_panel.selector.currentData() == "mnist"


def test_declining_the_download_changes_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.change_data({"name": "mnist", "normalize": "unit"})
    assert window.dataset.name == "circle" and "not downloaded yet" in window.statusBar().currentMessage()
    assert not cache_path("mnist", tmp_path).exists()


def test_declining_a_preset_s_download_leaves_the_preset_shown_before(qtbot, tmp_path, monkeypatch):
    """The preset box said mnist-mlp over the circle network and data, with Train greyed."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    window.preset_selector.setCurrentText("mnist-mlp")  # as a pick in the preset box
    assert "not downloaded yet" in window.statusBar().currentMessage()
    assert window.preset_selector.currentText() == "circle" and window.dataset.name == "circle"
    assert window.preset.name == "circle" and window.play_button.isEnabled()
    qtbot.mouseClick(window.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 0)
    window.close()
