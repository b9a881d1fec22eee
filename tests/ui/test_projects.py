"""Projects in the window: save while training, the unsaved mark, open and continue exactly as the
command line would, bad files, the question on closing, and autosave with recovery after a crash."""

import os
import select
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import numpy
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTableWidget

from playground.data import load_dataset
from playground.engine import DenseSpec, NetworkSpec, OptimizerSpec
from playground.project import Project, load_project, save_project
from playground.session import session_for
from playground.ui import MainWindow, projects
from tests.ui.test_run_views import readout, show_tab
from tests.ui.widgets import click, find


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window



def train_to(qtbot, window, step):
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > step, timeout=10_000)


def pause(qtbot, window):
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)


class ModifiedMarks(QObject):
    """Every value the window's unsaved-changes mark takes, in order."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.seen: list[bool] = []
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ModifiedChange:
            self.seen.append(watched.isWindowModified())
        return False


def test_saving_while_training_writes_the_state_and_clears_the_mark(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "mine.bpp"
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window = open_window(qtbot)
    assert not window.isWindowModified() and "[*]" in window.windowTitle()
    train_to(qtbot, window, 50)
    assert window.isWindowModified()
    marks = ModifiedMarks(window)
    window.projects.save()  # no file yet: asks where, then saves while training runs
    # The mark clears when the file is written, and comes back with the next step trained: both
    # happen within a frame, too fast to poll for, so every change of the mark is recorded.
    qtbot.waitUntil(lambda: target.is_file() and False in marks.seen, timeout=10_000)
    assert window.windowTitle().startswith("mine.bpp") and window.projects.project_path == target
    saved = load_project(target)
    assert saved.progress["step"] > 50 and saved.network.to_dict() == window.builder.spec.to_dict()
    window.close()


def test_a_file_saved_by_the_window_trains_on_as_the_command_line_does(qtbot, tmp_path):
    target = tmp_path / "paused.bpp"
    window = open_window(qtbot)
    train_to(qtbot, window, 30)
    pause(qtbot, window)
    window.projects.project_path = target
    window.projects.save()
    qtbot.waitUntil(lambda: target.is_file(), timeout=10_000)
    window.close()
    project = load_project(target)
    headless = session_for(project, load_dataset(project.dataset), start_paused=True, blas_threads=1)
    run = headless.run()
    next(run)
    headless.control.step()
    after_headless = next(s for s in run if s.step == project.progress["step"] + 1)

    reopened = open_window(qtbot, "xor")
    assert reopened.projects.open_project(target)
    assert reopened.windowTitle().startswith("paused.bpp") and not reopened.isWindowModified()
    assert reopened.training.worker.session.step == project.progress["step"]
    click(qtbot, reopened, "stepButton")
    qtbot.waitUntil(lambda: reopened.latest is not None and reopened.latest.step == project.progress["step"] + 1,
                    timeout=10_000)
    assert numpy.array_equal(reopened.training.worker.session.network.theta, headless.network.theta)
    assert reopened.latest.train_loss == after_headless.train_loss
    reopened.close()


def huge_init_scale(path: Path) -> None:
    network = NetworkSpec((2,), [DenseSpec(4, "tanh", init="uniform", init_scale=1e308), DenseSpec(1)],
                          "binary_cross_entropy")  # built without from_dict, so not checked: the initializer overflowed
    save_project(Project(network, OptimizerSpec(), 10, {"name": "circle"}), path)


def deeply_nested(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.json", "[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("make, message", [
    (lambda path: path.write_bytes(b"not a zip at all"), "bad.bpp is not a readable project file"),
    (huge_init_scale, "layer 1: init_scale must be 100.0 or less"),
    (deeply_nested, "project.json is nested too deeply to be a project"),
    (lambda path: os.mkfifo(path), "it is a device, pipe or folder, not a file"),
])
def test_a_bad_file_changes_nothing_and_says_why(qtbot, tmp_path, monkeypatch, make, message):
    bad = tmp_path / "bad.bpp"
    make(bad)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    window = open_window(qtbot)
    before = window.preset
    signal.alarm(20)  # a read that blocks fails the test instead of hanging it
    try:
        assert not window.projects.open_project(bad)
    finally:
        signal.alarm(0)
    assert window.preset is before and window.projects.project_path is None
    assert len(warnings) == 1 and message in warnings[0] and warnings[0].endswith("."), warnings


def test_closing_with_unsaved_changes_asks(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot)
    window.builder.add_layer("dense")
    assert window.isWindowModified()
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "cancel")
    window.close()
    assert window.isVisible()
    target = tmp_path / "kept.bpp"
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "save")
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.close()
    assert not window.isVisible() and len(load_project(target).network.layers) == 4


# The window in a process of its own, training; `then` runs every 50 ms once it passed step 200.
TRAINING_APP = textwrap.dedent("""
    import os, signal
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication
    from playground.ui import MainWindow
    app = QApplication([])
    window = MainWindow("circle")
    window.show()
    window.toggle_training()

    def once_trained():
        if window.latest is None or window.latest.step < 200:
            QTimer.singleShot(50, once_trained)
        else:
            then()
    QTimer.singleShot(50, once_trained)
""")

CRASHING_APP = TRAINING_APP + textwrap.dedent("""
    def then():
        if not window.projects.autosave_file.path.is_file():
            window.projects.autosave()
            QTimer.singleShot(50, then)
        else:
            os.kill(os.getpid(), signal.SIGKILL)  # no clean exit: the autosave stays
    app.exec()
""")


def crashed_autosave():
    """The autosave a window left behind when its process was killed."""
    result = subprocess.run([sys.executable, "-c", CRASHING_APP], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    [saved] = projects.autosave_folder().glob("*.bpp")
    return saved


def test_after_a_crash_the_next_start_offers_the_autosaved_work(qtbot, monkeypatch):
    saved = crashed_autosave()
    step = load_project(saved).progress["step"]
    assert step >= 200
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = open_window(qtbot)
    show_tab(qtbot, window, window.metrics_view)
    assert window.projects.offer_recovery()
    assert window.training.worker.session.step == step and window.isWindowModified()
    # Said as what it is: the autosave's file name is a random one the person never gave.
    assert window.statusBar().currentMessage() == (f"Restored the work saved automatically, at step {step:,}: save it "
                                                   "(Ctrl+S) to keep it.")
    # The restored run's own scores at once, and no rate worked out across the crash.
    qtbot.waitUntil(lambda: window._drawn is not None, timeout=10_000)
    assert f"step {step:,}" in find(window, QLabel, "metricsSummary").text()
    assert find(window, QTableWidget, "confusionMatrix").rowCount() == 2
    assert f"step {step:,}" in readout(window) and "samples/s" not in readout(window)
    assert window.projects.project_path is None
    assert window.projects.autosave_file.path.is_file()  # kept as this window's until it closes
    window.close()
    assert list(projects.autosave_folder().iterdir()) == []  # a clean exit leaves nothing to restore


def test_declining_the_recovery_forgets_it(qtbot):
    crashed_autosave()
    window = open_window(qtbot)  # questions are answered No
    assert not window.projects.offer_recovery()
    assert list(projects.autosave_folder().iterdir()) == [] and len(window.builder.layers) == 3


def test_a_second_window_leaves_the_first_ones_autosave_alone(qtbot, monkeypatch):
    first = open_window(qtbot)
    first.builder.add_layer("dense")
    first.projects.autosave()  # not training: written at once
    assert first.projects.autosave_file.path.is_file()

    def asked(*args, **kwargs):
        raise AssertionError("a window still open was taken for one that crashed")

    monkeypatch.setattr(QMessageBox, "question", asked)
    second = open_window(qtbot)
    assert not second.projects.offer_recovery()
    assert len(load_project(first.projects.autosave_file.path).network.layers) == 4
    second.builder.add_layer("dense")
    second.projects.autosave()
    assert second.projects.autosave_file.path != first.projects.autosave_file.path
    second.close()
    assert first.projects.autosave_file.path.is_file() and not second.projects.autosave_file.path.exists()
    first.close()
    assert list(projects.autosave_folder().iterdir()) == []


OPEN_APP = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    from playground.ui import MainWindow
    app = QApplication([])
    window = MainWindow("circle")
    window.show()
    window.builder.add_layer("dense")
    window.projects.autosave()
    print(window.projects.autosave_file.path, flush=True)
    app.exec()  # open until the test kills it
""")


def test_a_window_in_another_process_keeps_its_autosave_until_that_process_is_gone(qtbot, monkeypatch):
    def asked(*args, **kwargs):
        raise AssertionError("a window still open was taken for one that crashed")

    monkeypatch.setattr(QMessageBox, "question", asked)
    first = subprocess.Popen([sys.executable, "-c", OPEN_APP], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert select.select([first.stdout], [], [], 120)[0], "the first window did not autosave"
        saved = Path(first.stdout.readline().strip())
        assert saved.is_file()
        window = open_window(qtbot)
        assert not window.projects.offer_recovery() and saved.is_file()
    finally:
        first.kill()
        first.wait(30)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.projects.offer_recovery() and len(window.builder.layers) == 4


QUITTING_APP = TRAINING_APP + textwrap.dedent("""
    def then():
        app.exit(0)  # the event loop ends with the window open
    app.exec()
    print("training threads left:", QThreadPool.globalInstance().activeThreadCount(), flush=True)
""")


def test_leaving_the_event_loop_with_the_window_open_stops_training():
    result = subprocess.run([sys.executable, "-c", QUITTING_APP], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "training threads left: 0", result.stderr
    [saved] = projects.autosave_folder().glob("*.bpp")  # the unsaved training, offered at the next start
    assert load_project(saved).progress["step"] >= 200


def test_the_command_opens_a_project_file(tmp_path, monkeypatch):
    from playground import cli

    target = tmp_path / "given.bpp"
    target.write_bytes(b"")
    opened = []
    monkeypatch.setattr("playground.ui.app.run_app", lambda **options: opened.append(options) or 0)
    assert cli.main([str(target)]) == 0
    assert opened == [{"smoke_test": False, "project": str(target), "backend": None}]


def test_the_file_menu_exports_to_pytorch_numpy_and_csv_while_training(qtbot, tmp_path, monkeypatch):
    import importlib.util

    import torch

    window = open_window(qtbot)
    train_to(qtbot, window, 30)
    for kind, name in (("pytorch", "torch model"), ("numpy", "model_script.py"), ("history", "history.csv")):
        monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName",
                            lambda *a, name=name, **k: (str(tmp_path / name), ""))
        window.projects.export_to(kind)  # PyTorch's is a new folder, named in the same dialog
    qtbot.waitUntil(lambda: all((tmp_path / name).is_file() for name in
                                ("torch model/model.py", "torch model/model_state_dict.pt", "model_script.py",
                                 "history.csv")), timeout=10_000)
    pause(qtbot, window)
    spec = importlib.util.spec_from_file_location("exported_model", tmp_path / "torch model" / "model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build_model()
    model.load_state_dict(torch.load(tmp_path / "torch model" / "model_state_dict.pt"))
    assert sum(parameter.numel() for parameter in model.parameters()) == 25
    for name in ("torch model/model.py", "model_script.py"):  # both carry the window's data's preprocessing
        assert f"Data set: {window.dataset.title}." in (tmp_path / name).read_text()
    header = (tmp_path / "history.csv").read_text().splitlines()[0]
    assert header.startswith("step") and "train_loss" in header
    window.close()


def test_every_plot_offers_pyqtgraphs_png_and_svg_export(qtbot, tmp_path):
    import pyqtgraph as pg
    import pyqtgraph.exporters

    from playground.ui.svg_export import QtSVGExporter

    assert QtSVGExporter in pg.exporters.Exporter.Exporters  # listed in each plot's Export dialog
    window = open_window(qtbot)
    train_to(qtbot, window, 30)
    for plot in (window.loss_plot.plot, window.gradient_plot, window.accuracy_plot, window.activation_plot.plot,
                 window.boundary_view.plot):
        assert any(action.text().startswith("Export") for action in plot.scene().contextMenu)
        item = plot.getPlotItem()
        pg.exporters.ImageExporter(item).export(str(tmp_path / "plot.png"))
        QtSVGExporter(item).export(str(tmp_path / "plot.svg"))
        assert (tmp_path / "plot.png").stat().st_size > 0 and "<svg" in (tmp_path / "plot.svg").read_text()
    window.close()


def menu_action(menu, text: str):
    return next(action for action in menu.actions() if action.text().replace("&", "").startswith(text))


def test_new_from_preset_and_open_recent_from_the_file_menu(qtbot, tmp_path):
    window = open_window(qtbot)
    file_menu = menu_action(window.menuBar(), "File").menu()
    menu_action(menu_action(file_menu, "New from preset").menu(), "spiral").trigger()
    assert window.preset.name == "spiral" and window.windowTitle().startswith("Spiral")
    window.projects.project_path = tmp_path / "spiral-copy.bpp"
    window.projects.save()
    recent = menu_action(file_menu, "Open recent").menu()
    recent.aboutToShow.emit()
    menu_action(menu_action(file_menu, "New from preset").menu(), "xor").trigger()
    assert window.preset.name == "xor" and window.projects.project_path is None
    menu_action(recent, str((tmp_path / "spiral-copy.bpp").resolve())).trigger()
    assert window.projects.project_path == tmp_path / "spiral-copy.bpp" and window.dataset.name == "spiral"
    window.close()


def test_saving_again_keeps_the_projects_seed(qtbot, tmp_path):
    import dataclasses

    from playground.project import save_project

    window = open_window(qtbot)
    window.projects.project_path = tmp_path / "first.bpp"
    window.projects.save()
    project = dataclasses.replace(load_project(tmp_path / "first.bpp"), seed=7)
    save_project(project, tmp_path / "seven.bpp")
    assert window.projects.open_project(tmp_path / "seven.bpp")
    window.projects.project_path = tmp_path / "again.bpp"
    window.projects.save()  # the opened project's session answers between steps
    qtbot.waitUntil(lambda: (tmp_path / "again.bpp").is_file(), timeout=10_000)
    assert load_project(tmp_path / "again.bpp").seed == 7
    window.close()


def test_an_opened_project_is_no_preset_and_the_preset_box_loads_any_preset_again(qtbot, tmp_path):
    window = open_window(qtbot, "spiral")
    window.projects.project_path = tmp_path / "mine.bpp"
    window.projects.save()
    window.preset_selector.setCurrentText("xor")
    assert window.projects.open_project(tmp_path / "mine.bpp")
    assert window.dataset.name == "spiral" and window.preset_selector.currentText() == ""  # not "xor"
    window.preset_selector.setCurrentText("mnist-mlp")  # its download declined: the project stays, as no preset
    assert window.dataset.name == "spiral" and window.preset_selector.currentText() == ""
    window.preset_selector.setCurrentText("xor")  # back to the preset the box said before
    assert window.dataset.name == "xor" and window.windowTitle().startswith("XOR")
    window.close()


def test_a_project_keeps_the_preset_s_description_only_while_it_tells_of_its_network(qtbot, tmp_path):
    window = open_window(qtbot)  # circle: "two tanh hidden layers of 4 and 2 units"
    description = find(window, QLabel, "presetDescription")
    told = description.text()
    window.projects.project_path = tmp_path / "as-it-came.bpp"
    window.projects.save()
    window.builder.add_layer("dense")  # a third hidden layer: the description would be untrue
    assert not description.isVisible()
    window.projects.project_path = tmp_path / "edited.bpp"
    window.projects.save()
    assert window.projects.open_project(tmp_path / "as-it-came.bpp")
    assert description.isVisible() and description.text() == told
    assert window.projects.open_project(tmp_path / "edited.bpp")
    assert not (description.isVisible() and "two tanh hidden layers" in description.text())
    window.close()


def test_opening_another_project_over_unsaved_changes_asks_first(qtbot, tmp_path, monkeypatch):
    other = tmp_path / "other.bpp"
    window = open_window(qtbot, "spiral")
    window.projects.project_path = other
    window.projects.save()
    window.preset_selector.setCurrentText("circle")
    window.builder.add_layer("dense")  # unsaved: the question comes before any file dialog
    file_menu = menu_action(window.menuBar(), "File").menu()
    recent = menu_action(file_menu, "Open recent").menu()
    recent.aboutToShow.emit()
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "cancel")
    menu_action(file_menu, "Open").trigger()  # the file dialog would fail the test: it must not open
    menu_action(recent, str(other.resolve())).trigger()
    assert window.dataset.name == "circle" and len(window.builder.layers) == 4 and window.isWindowModified()
    kept = tmp_path / "kept.bpp"
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "save")
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName", lambda *a, **k: (str(kept), ""))
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getOpenFileName", lambda *a, **k: (str(other), ""))
    menu_action(file_menu, "Open").trigger()
    assert len(load_project(kept).network.layers) == 4
    assert window.dataset.name == "spiral" and window.projects.project_path == other
    window.close()


def choose_preset(qtbot, window, name: str) -> None:
    """Pick `name` in the preset box as a person does: open its list with a click, go down or up to the name
    (the list opens on the preset shown, or on the first for a project) and press Enter."""
    box = window.preset_selector
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    moves = box.findText(name) - view.currentIndex().row()
    for _ in range(abs(moves)):
        qtbot.keyClick(view, Qt.Key.Key_Down if moves > 0 else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5_000)


def test_picking_another_preset_over_unsaved_work_asks_first(qtbot, tmp_path, monkeypatch):
    """The preset box replaces the work shown as Open does, so it asks as Open does: Cancel keeps the work and the
    box on what is in use (a preset, or "(project)"), Save saves it first, Discard lets it go."""
    window = open_window(qtbot, "circle")
    train_to(qtbot, window, 30)
    pause(qtbot, window)
    step, box = window.latest.step, window.preset_selector
    answers = []
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: answers.pop(0))
    answers.append("cancel")
    choose_preset(qtbot, window, "spiral")
    assert not answers and box.currentText() == "circle" and window.dataset.name == "circle"
    assert window.training.worker.session.step == step and window.isWindowModified()
    saved = tmp_path / "circle.bpp"
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName", lambda *a, **k: (str(saved), ""))
    answers.append("save")
    choose_preset(qtbot, window, "spiral")
    assert not answers and load_project(saved).progress["step"] == step
    assert box.currentText() == "spiral" and window.dataset.name == "spiral" and not window.isWindowModified()
    window.projects.open_project(saved)  # a project is no preset: the box shows "(project)"
    train_to(qtbot, window, step + 30)
    pause(qtbot, window)
    answers.append("cancel")
    choose_preset(qtbot, window, "xor")
    assert not answers and box.currentIndex() == -1 and window.dataset.name == "circle"
    assert window.projects.project_path == saved and window.isWindowModified()
    answers.append("discard")
    choose_preset(qtbot, window, "xor")
    assert not answers and box.currentText() == "xor" and window.dataset.name == "xor"
    assert load_project(saved).progress["step"] == step  # discarded: the file as it was
    window.close()
    assert not window.isVisible()


@pytest.mark.parametrize("leave", ["close", "open"])
def test_a_window_that_stays_after_the_question_trains_on(qtbot, tmp_path, monkeypatch, leave):
    """Saving stops the run to read it: Train did nothing after the save or the Open was cancelled."""
    window = open_window(qtbot)
    train_to(qtbot, window, 30)
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "save")
    if leave == "close":  # the save cancelled
        monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName", lambda *a, **k: ("", ""))
        window.close()
    else:  # saved, then the Open cancelled
        monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName",
                            lambda *a, **k: (str(tmp_path / "saved.bpp"), ""))
        monkeypatch.setattr("playground.ui.projects.QFileDialog.getOpenFileName", lambda *a, **k: ("", ""))
        menu_action(menu_action(window.menuBar(), "File").menu(), "Open").trigger()
        assert (tmp_path / "saved.bpp").is_file()
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)  # stopped to be saved, now paused
    step = window.latest.step
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.step > step, timeout=10_000)
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "discard")
    window.close()
    assert not window.isVisible()  # and its training thread gone


def gradient_views(qtbot, window) -> tuple[dict, list, str]:
    """What the views of the gradient show, each tab shown in turn: the blocks' colours, the Inspector's ‖∂L/∂W‖
    column and the Gradients tab's badge."""
    qtbot.waitUntil(lambda: window.latest is not None and window._drawn is window.latest, timeout=10_000)
    colours = {path: block.brush().color().getRgb() for path, block in window.network_view.diagram.blocks.items()}
    show_tab(qtbot, window, window.inspector)
    table = window.inspector.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    norms = [table.item(row, 4).text() for row in range(table.rowCount())]
    show_tab(qtbot, window, window.gradient_plot)
    qtbot.waitUntil(lambda: window.gradient_plot.warning.isVisible())
    return colours, norms, window.gradient_plot.warning.text()


def test_an_opened_project_shows_the_gradient_it_showed_when_saved(qtbot, tmp_path):
    """The blocks' colours, the Inspector and the Gradients badge show the last step's gradient at once, before
    the project trains a step: the file keeps it."""
    target = tmp_path / "vanishing.bpp"
    window = open_window(qtbot, "deep-sigmoid")
    train_to(qtbot, window, 30)
    pause(qtbot, window)
    saved = gradient_views(qtbot, window)
    assert all(norm != "–" for norm in saved[1]) and len(set(saved[0].values())) > 1, saved
    window.projects.project_path = target
    window.projects.save()
    qtbot.waitUntil(lambda: target.is_file(), timeout=10_000)
    window.close()

    reopened = open_window(qtbot, "xor")
    assert reopened.projects.open_project(target)
    assert gradient_views(qtbot, reopened) == saved
    assert reopened.training.worker.session.step == load_project(target).progress["step"]  # no step trained
