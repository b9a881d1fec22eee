"""The epoch to stop at, beside the epoch counter: training pauses by itself at the end of that epoch, Train goes
on from there, and a lesson step that trains sets it."""

from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox

from playground.project import load_project
from playground.ui import MainWindow
from tests.ui.test_lessons import open_lesson
from tests.ui.test_speed_control import choose_speed
from tests.ui.widgets import click, find, type_stop_at

STEPS_AN_EPOCH = 25  # circle: 250 training points in batches of 10
WAIT_MS = 30_000


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window


def paused_after_training(window) -> bool:
    return window.latest is not None and window.latest.state == "paused" and window.latest.step > 0


def test_training_pauses_at_the_end_of_the_epoch_set_and_train_goes_on_from_there(qtbot):
    window = open_window(qtbot)
    box = find(window, QSpinBox, "stopAtEpochInput")
    assert box.text() == "never"  # as before: until paused, unless asked
    type_stop_at(qtbot, window, "3")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: paused_after_training(window), timeout=WAIT_MS)
    paused = window.latest
    assert (paused.epoch, paused.epoch_progress, paused.step) == (3, 0, 3 * STEPS_AN_EPOCH)
    qtbot.waitUntil(lambda: window.epoch_label.text() == "Epoch 000003", timeout=WAIT_MS)
    assert find(window, QPushButton, "playButton").text() == "Train"
    assert window.statusBar().currentMessage() == "Paused at the end of epoch 3, where training was set to stop."
    window.plot_tabs.setCurrentWidget(window.metrics_view)  # the epoch's own report, not a pause's
    qtbot.waitUntil(lambda: window.metrics_view.summary.text().startswith("Test data after epoch 3:"),
                    timeout=WAIT_MS)
    assert window.loss_plot.raw_train_curve.getData()[0][-1] == paused.step  # the curve ends on that epoch

    click(qtbot, window, "playButton")  # the epoch set is reached: Train goes on until paused, and says so
    assert box.text() == "never"
    assert window.statusBar().currentMessage().startswith("Training goes on from epoch 3 until you pause it")
    qtbot.waitUntil(lambda: window.latest.state == "running" and window.latest.epoch > 4, timeout=WAIT_MS)
    assert window.latest.run == paused.run
    click(qtbot, window, "playButton")
    window.close()


def test_the_epoch_set_while_training_runs_stops_the_same_run_there(qtbot):
    window = open_window(qtbot)
    choose_speed(qtbot, window, "1 step a frame")  # a step a frame: the run is far from the epoch typed
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "running"
                    and window.latest.step > 0, timeout=WAIT_MS)
    running = window.latest
    goal = running.epoch + 2
    type_stop_at(qtbot, window, str(goal))
    qtbot.waitUntil(lambda: window.latest.state != "running", timeout=WAIT_MS)
    assert (window.latest.state, window.latest.epoch, window.latest.epoch_progress) == ("paused", goal, 0)
    assert window.latest.run == running.run  # the run went on to it, not a new one
    window.close()


def test_a_lesson_step_that_trains_sets_the_epoch_to_stop_at(qtbot):
    window = open_window(qtbot)
    box = find(window, QSpinBox, "stopAtEpochInput")
    open_lesson(window, "Linear regression and the learning rate")
    assert box.value() == 20  # "Press Train, let it run 20 epochs"
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: paused_after_training(window), timeout=WAIT_MS)
    assert window.latest.epoch == 20 and window.latest.epoch_progress == 0
    click(qtbot, window, "lessonNextButton")  # "Press the button ... Train 5 epochs": a new run, from its start
    assert box.value() == 5
    click(qtbot, window, "lessonApplyButton")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: paused_after_training(window), timeout=WAIT_MS)
    assert (window.latest.epoch, window.latest.epoch_progress) == (5, 0)
    click(qtbot, window, "lessonBackButton")  # the first step again: 20 epochs on from where the run is
    assert box.value() == 25
    window.close()


def test_the_epoch_to_stop_at_is_saved_with_the_project_and_comes_back_on_open(qtbot, tmp_path):
    target = tmp_path / "goal.bpp"
    window = open_window(qtbot)
    type_stop_at(qtbot, window, "40")
    assert window.isWindowModified()
    window.projects.project_path = target
    window.projects.save()
    qtbot.waitUntil(lambda: target.is_file(), timeout=WAIT_MS)
    window.close()
    assert load_project(target).stop_at_epoch == 40

    reopened = open_window(qtbot, "xor")
    assert find(reopened, QSpinBox, "stopAtEpochInput").text() == "never"
    assert reopened.projects.open_project(target)
    assert find(reopened, QSpinBox, "stopAtEpochInput").value() == 40
    assert reopened.training.worker.session.stop_at_epoch == 40
    assert find(reopened, QComboBox, "speedSelector").currentText() == "Full speed"
    reopened.close()
