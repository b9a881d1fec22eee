"""Optional packages and the small things a person trips on: an image set without torchvision is not
offered for download (its files can be read from a folder instead), PyTorch export without torch
says so before asking anything, dialogs are titled with what happened, file dialogs open where the
project is, exports say where they wrote, and a preset just loaded is not marked modified."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from playground.ui import MainWindow
from playground.ui.data_panel import DatasetSelector
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.ui.widgets import click, find, menu_action


@pytest.fixture
def no_torchvision(monkeypatch):
    monkeypatch.setitem(sys.modules, "torchvision", None)  # import fails, as where it is not installed


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window


def choose_dataset(window, name: str) -> None:
    selector = window.findChild(DatasetSelector, "datasetSelector")
    selector.activated.emit(selector.findData(name))  # what a click in the open list sends


def answer_notice(button_text: str, seen: list) -> None:
    """Click `button_text` in the next message box that opens, as a person would; note its title."""
    def click_when_open():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_when_open)
            return
        seen.append((box.windowTitle(), box.text()))
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()
    QTimer.singleShot(0, click_when_open)


def test_without_torchvision_an_image_set_is_offered_from_a_folder_not_downloaded(
        qtbot, tmp_path, monkeypatch, no_torchvision, capfd):
    folder = tmp_path / "mnist files"
    write_mnist(folder, mnist_arrays())
    asked_download = []
    monkeypatch.setattr("playground.ui.downloads.ask_download", lambda *a: asked_download.append(a) or "download")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window = open_window(qtbot)
    seen = []
    answer_notice("Cancel", seen)
    choose_dataset(window, "mnist")
    assert not asked_download  # nothing offers a download that cannot happen
    title, text = seen[0]
    assert title == "MNIST digits is not on this computer" and "needs torchvision" in text
    assert window.dataset.name == "circle" and window.data_panel.selector.currentData() == "circle"
    answer_notice("Choose folder…", seen)
    choose_dataset(window, "mnist")
    assert window.dataset.name == "mnist" and window.data_panel.selector.currentData() == "mnist"
    assert window.preset.dataset["source_folder"] == str(folder) and len(window.dataset.x_train) == 30
    assert window.builder.spec.input_shape == (784,)
    assert "Traceback" not in capfd.readouterr().err
    # The data panel reads an image set's files from another folder too.
    other = tmp_path / "other files"
    write_mnist(other, mnist_arrays(seed=1, train=40))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    button = find(window, QPushButton, "imageFolderButton")
    assert button.isVisible()
    click(qtbot, window, "imageFolderButton")
    assert len(window.dataset.x_train) == 40 and window.preset.dataset["source_folder"] == str(other)


def test_a_folder_without_the_files_says_so_and_changes_nothing(qtbot, tmp_path, monkeypatch, no_torchvision):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    window = open_window(qtbot)
    seen = []
    answer_notice("Choose folder…", seen)
    choose_dataset(window, "mnist")
    assert warned and warned[0][0] == "MNIST digits not loaded"
    assert window.dataset.name == "circle" and window.data_panel.selector.currentData() == "circle"


def test_pytorch_export_without_torch_says_so_before_asking_where(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append(a) or "")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append((title, text)))
    window = open_window(qtbot)
    menu_action(window, "&File", "&Export", "To &PyTorch (model, weights and train.py)…").trigger()
    assert not asked
    assert told[0][0] == "PyTorch is not installed" and "pip install torch" in told[0][1]


def test_file_dialogs_open_where_the_project_is_and_suggest_its_title(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, "digits-mlp")
    offered = []

    def save_dialog(parent, caption, start, *rest, **kwargs):
        offered.append(start)
        return str(tmp_path / "work" / "mine.bpp"), ""
    (tmp_path / "work").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.projects.save_as()
    assert Path(offered[0]).name == f"{window.preset.title}.bpp"
    window.projects.save_as()
    assert Path(offered[1]) == tmp_path / "work" / "mine.bpp"  # Save As again: the project's own file
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, caption, start, *a: opened.append(start)
                        or ("", ""))
    window.projects.open_dialog()
    assert opened == [str(tmp_path / "work")]
    choose_dataset(window, "csv")  # the data panel's CSV dialog (closed: the data stay)
    assert opened[-1] == str(tmp_path / "work") and window.dataset.name == "digits"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, caption, start, *a: offered.append(start)
                        or ("", ""))
    menu_action(window, "&File", "&Export", "To a &NumPy script…").trigger()
    assert Path(offered[-1]) == tmp_path / "work" / f"{window.preset.title}.py"
    # Other data on an unsaved preset: the title, and the name offered, follow the data.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    circle = open_window(qtbot)
    choose_dataset(circle, "digits")
    circle.projects.save_as()
    assert "circle" not in Path(offered[-1]).name.lower() and "igits" in Path(offered[-1]).name
    assert Path(offered[-1]).parent == tmp_path / "work"  # the folder last used


def test_pytorch_export_makes_its_folder_and_says_what_it_wrote(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot)
    target = tmp_path / "exports" / "circle model"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu_action(window, "&File", "&Export", "To &PyTorch (model, weights and train.py)…").trigger()
    assert target.is_dir() and (target / "model.py").is_file()
    message = window.statusBar().currentMessage()
    assert "model.py" in message and str(target) in message
    script = tmp_path / "script.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(script), ""))
    menu_action(window, "&File", "&Export", "To a &NumPy script…").trigger()
    assert script.is_file() and str(script) in window.statusBar().currentMessage()
    history = tmp_path / "history.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(history), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    menu_action(window, "&File", "&Export", "Metric &history as CSV…").trigger()
    assert warned == [("Export failed", "This project has no metric history yet: train it first.")]
    assert not history.exists()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    menu_action(window, "&File", "&Export", "Metric &history as CSV…").trigger()
    qtbot.waitUntil(lambda: str(history) in window.statusBar().currentMessage(), timeout=10_000)  # from the session
    assert history.is_file() and len(warned) == 1


def test_a_failed_export_is_titled_as_such(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(title))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path), ""))  # a folder, not a file
    menu_action(window, "&File", "&Export", "To a &NumPy script…").trigger()
    assert warned == ["Export failed"]


def test_loading_a_preset_while_training_leaves_it_unmodified_and_undrawn(qtbot):
    """The snapshots the dropped session had already sent must neither mark the new preset modified
    nor draw the old network's numbers over it."""
    window = open_window(qtbot)
    for name in ("moons", "spiral", "moons", "xor"):
        click(qtbot, window, "playButton")
        qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 200, timeout=20_000)
        window.preset_selector.setCurrentText(name)
        qtbot.wait(150)  # a few redraws, and whatever the old worker had queued
        assert not window.isWindowModified(), name
        assert window.latest is None and window.boundary_view.image.values is None, name
