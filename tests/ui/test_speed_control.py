"""The speed control beside Train: how much training each frame shows, changed while it runs and
saved with the project."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from playground.project import load_project
from playground.ui import MainWindow
from tests.ui.widgets import click, find


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window


def choose_speed(qtbot, window, label: str) -> None:
    """Pick a speed from the list with the keyboard, as a person would with the list open."""
    selector = find(window, QComboBox, "speedSelector")
    selector.setFocus()
    while selector.currentText() != label:
        step = Qt.Key.Key_Up if selector.findText(label) < selector.currentIndex() else Qt.Key.Key_Down
        qtbot.keyClick(selector, step)


def test_at_one_step_a_frame_every_frame_shows_one_step_and_full_speed_takes_over(qtbot):
    window = open_window(qtbot)
    selector = find(window, QComboBox, "speedSelector")
    assert selector.currentText() == "Full speed"  # today's behaviour unless asked
    choose_speed(qtbot, window, "1 step a frame")
    steps: list[int] = []
    window.training.snapshot.connect(lambda s: s.state == "running" and steps.append(s.step))
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: len(steps) >= 12, timeout=20_000)
    assert steps[1:12] == list(range(steps[1], steps[1] + 11))  # one step, then the frame shows it
    assert window.latest.weights is not None  # the network view draws each of those steps' weights
    choose_speed(qtbot, window, "Full speed")  # while it runs
    qtbot.waitUntil(lambda: steps[-1] - steps[-2] > 100, timeout=20_000)
    click(qtbot, window, "playButton")
    window.close()


def test_the_speed_is_saved_with_the_project_and_comes_back_on_open(qtbot, tmp_path):
    target = tmp_path / "slow.bpp"
    window = open_window(qtbot)
    choose_speed(qtbot, window, "1 epoch a frame")
    assert window.isWindowModified()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    window.projects.project_path = target
    window.projects.save()
    qtbot.waitUntil(lambda: target.is_file(), timeout=10_000)
    window.close()
    assert load_project(target).pace == "epoch"

    reopened = open_window(qtbot, "xor")
    assert find(reopened, QComboBox, "speedSelector").currentText() == "Full speed"
    assert reopened.projects.open_project(target)
    assert find(reopened, QComboBox, "speedSelector").currentText() == "1 epoch a frame"
    assert reopened.training.worker.session.pace == "epoch"
    reopened.close()
