"""An image set not downloaded yet: the window asks, downloads it off the GUI thread with a
progress dialog (here from a stand-in for torchvision's download), then goes on with the data; a project opened on
one does too."""

import sys
from pathlib import Path

import numpy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from playground.data.images import cache_path, write_cache
from playground.project import load_project
from playground.ui import MainWindow
from playground.ui.downloads import ask_download
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.ui.test_optional_parts import answer_notice
from tests.ui.test_projects import pause, train_to
from tests.ui.widgets import menu_action


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
    monkeypatch.setattr("playground.ui.downloads.ask_download", lambda window, title, name: asked.append(title)
                        or "download")
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    window.change_data({"name": "mnist", "normalize": "unit"})
    assert asked == ["MNIST digits"]
    qtbot.waitUntil(lambda: window.dataset.name == "mnist", timeout=10_000)
    assert window.findChild(QProgressDialog).labelText().endswith("10.0 MB")
    assert cache_path("mnist", tmp_path).is_file() and window.dataset.input_shape == (784,)
    assert window.builder.spec.input_shape == (784,) and window.builder.spec.output_size == 10
    assert window.gallery.isVisible() and window.data_panel.selector.currentData() == "mnist"


def test_declining_the_download_changes_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.change_data({"name": "mnist", "normalize": "unit"})
    assert window.dataset.name == "circle" and "not downloaded yet" in window.statusBar().currentMessage()
    assert not cache_path("mnist", tmp_path).exists()


def test_declining_a_preset_s_download_leaves_the_preset_shown_before(qtbot, tmp_path, monkeypatch):
    """The preset box said mnist-mlp over the circle network and data, with Train greyed."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
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


def test_the_question_to_download_offers_to_read_the_files_from_a_folder(qtbot, tmp_path, monkeypatch):
    """'Download Fashion-MNIST?' answered No left no way to read its files: the folder button showed only with the
    image set chosen, which the decline took back."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("playground.ui.downloads.can_download", lambda: True)
    monkeypatch.setattr("playground.ui.downloads.ask_download", ask_download)  # the question itself, answered below
    folder = tmp_path / "fashion files"
    write_mnist(folder, mnist_arrays())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    seen = []
    answer_notice("Read from a folder…", seen)
    window.change_data({"name": "fashion_mnist", "normalize": "unit"})
    assert seen[0][0] == "Download Fashion-MNIST clothes?" and "read them from a folder" in seen[0][1]
    assert window.dataset.name == "fashion_mnist" and window.preset.dataset["source_folder"] == str(folder)
    assert not cache_path("fashion_mnist", tmp_path / "data").exists()  # nothing downloaded
    answer_notice("Cancel", seen)
    window.change_data({"name": "mnist", "normalize": "unit"})
    assert seen[1][0] == "Download MNIST digits?" and window.dataset.name == "fashion_mnist"
    window.close()


def as_downloaded(arrays: dict[str, numpy.ndarray]) -> dict[str, numpy.ndarray]:
    """The IDX files' arrays as torchvision's download gives them: (n, 1, 28, 28) images."""
    return {key: value[:, None] if key.startswith("x") else value.astype(numpy.int64) for key, value in arrays.items()}


def project_trained_on_downloaded_mnist(qtbot, tmp_path, monkeypatch) -> tuple[Path, int]:
    """A project saved by a window whose MNIST was downloaded (into a data folder that the next window lacks), and
    the step it was saved at."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "downloaded"))
    write_cache(cache_path("mnist", tmp_path / "downloaded"), as_downloaded(mnist_arrays()))
    window = MainWindow("mnist-mlp")
    qtbot.addWidget(window)
    window.show()
    train_to(qtbot, window, 3)
    pause(qtbot, window)
    saved = tmp_path / "friend's digits.bpp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    menu_action(window, "&File", "Save &as…").trigger()
    qtbot.waitUntil(saved.is_file, timeout=10_000)
    window.close()
    assert load_project(saved).dataset.get("source_folder") is None
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "here"))  # another computer: MNIST never downloaded
    return saved, load_project(saved).progress["step"]


def mnist_project_answered_with_a_folder(qtbot, tmp_path, monkeypatch) -> tuple[Path, int, Path, list]:
    """project_trained_on_downloaded_mnist opened where nothing downloads: the notice answered "Choose folder…" with
    a folder of MNIST's files. The project, its step, the folder and the notices seen."""
    saved, step = project_trained_on_downloaded_mnist(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr("playground.ui.downloads.can_download", lambda: False)
    folder = tmp_path / "mnist files"
    write_mnist(folder, mnist_arrays())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    seen = []
    answer_notice("Choose folder…", seen)
    return saved, step, folder, seen


def open_from_the_file_menu(qtbot, path: Path, monkeypatch) -> MainWindow:
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "&File", "&Open…").trigger()
    return window


def test_a_project_on_an_image_set_not_here_opens_from_its_files_in_a_folder_where_nothing_downloads(
        qtbot, tmp_path, monkeypatch):
    """The installed app has no torchvision: the project was refused, telling a person to download the data from the
    window or run 'playground train --dataset mnist NETWORK.json' with the datasets extra, neither of which it can."""
    saved, step, folder, seen = mnist_project_answered_with_a_folder(qtbot, tmp_path, monkeypatch)
    window = open_from_the_file_menu(qtbot, saved, monkeypatch)
    assert seen and seen[0][0] == "MNIST digits is not on this computer"
    assert window.dataset.name == "mnist" and window.preset.dataset["source_folder"] == str(folder)
    assert window.windowTitle().startswith("friend's digits.bpp") and window.training.worker.session.step == step
    window.close()


def test_a_project_on_an_image_set_read_from_a_folder_opens_from_that_folder_the_next_time(
        qtbot, tmp_path, monkeypatch):
    """The installed app asked for MNIST's folder every time the project was opened."""
    saved, step, folder, seen = mnist_project_answered_with_a_folder(qtbot, tmp_path, monkeypatch)
    first = open_from_the_file_menu(qtbot, saved, monkeypatch)
    assert len(seen) == 1 and first.dataset.name == "mnist"
    first.close()
    asked = []  # a question or a folder dialog now would be a defect: noted, and answered Cancel
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.windowTitle()))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append("folder dialog") or "")
    second = open_from_the_file_menu(qtbot, saved, monkeypatch)  # the next start of the app
    assert asked == [] and second.dataset.name == "mnist" and second.preset.dataset["source_folder"] == str(folder)
    assert second.windowTitle().startswith("friend's digits.bpp") and second.training.worker.session.step == step
    second.close()
    other = tmp_path / "moved"  # the folder moved away: asked again, as the first time
    folder.rename(other)
    third = open_from_the_file_menu(qtbot, saved, monkeypatch)
    assert asked == ["MNIST digits is not on this computer"] and third.dataset.name == "circle"
    third.close()


def test_a_project_on_an_image_set_not_here_opens_once_it_is_downloaded(qtbot, tmp_path, monkeypatch):
    saved, step = project_trained_on_downloaded_mnist(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr("playground.ui.downloads.can_download", lambda: True)
    monkeypatch.setattr("playground.data.images.fetch_with_torchvision",
                        lambda name, data_dir, progress: as_downloaded(mnist_arrays()))  # the same data again
    asked = []
    monkeypatch.setattr("playground.ui.downloads.ask_download", lambda window, title, name: asked.append(title)
                        or "download")
    window = open_from_the_file_menu(qtbot, saved, monkeypatch)
    assert asked == ["MNIST digits"]
    qtbot.waitUntil(lambda: window.dataset.name == "mnist", timeout=10_000)
    assert window.preset.dataset.get("source_folder") is None and cache_path("mnist", tmp_path / "here").is_file()
    assert window.windowTitle().startswith("friend's digits.bpp") and window.training.worker.session.step == step
    window.close()


def test_declining_an_image_set_where_nothing_downloads_says_only_what_can_be_done(qtbot, tmp_path, monkeypatch):
    """Without torchvision (the installed app) the status bar said to download the set from the window or run
    'playground train --preset mnist-mlp' with the datasets extra: neither works there."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setitem(sys.modules, "torchvision", None)  # import fails, as where it is not installed
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    seen = []
    answer_notice("Cancel", seen)
    window.preset_selector.setCurrentText("mnist-mlp")
    assert seen and seen[0][0] == "MNIST digits is not on this computer"
    message = window.statusBar().currentMessage()
    assert message == ("MNIST digits is not on this computer, and this app cannot download it: choose it again to read "
                       "its files from a folder."), message
    window.close()
