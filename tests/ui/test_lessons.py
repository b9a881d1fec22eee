"""Lessons in the window: open one from the Lessons menu, step through it with Next and Back, and press a
step's button, which keeps the run in use and makes the change as one edit that Undo takes back. A project saved
in a lesson opens again in it, at its step, and so does the work restored after a crash."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox, QPushButton, QTableWidget

from playground.project import load_preset, load_project, save_project
from playground.project.lessons import LessonPlace
from playground.session import loop, project_of
from playground.ui import MainWindow, projects
from playground.ui.stepper.rich_text import hat_offset
from tests.session.helpers import preset_session
from tests.session.test_session import SteppedClock
from tests.ui.test_downloads import fake_mnist
from tests.ui.widgets import click, find, menu_action, type_stop_at


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window


def open_lesson(window, title: str) -> None:
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Lessons")
    next(action for action in menu.actions() if action.text().startswith(title)).trigger()


def text(window, name: str) -> str:
    return find(window, QLabel, name).text()


def train(qtbot, window, steps: int) -> None:
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= steps, timeout=10_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)


def test_a_lesson_opens_on_its_preset_and_steps_with_next_and_back(qtbot):
    window = open_window(qtbot)
    open_lesson(window, "Vanishing gradients")
    assert window.preset_selector.currentText() == "deep-sigmoid" and window.lessons.dock.isVisible()
    assert text(window, "lessonTitle") == "Vanishing gradients" and text(window, "lessonCounter") == "Step 1 of 4"
    assert "Gradients tab" in text(window, "lesson_do") and "(¼)¹⁰" in text(window, "lesson_why")
    assert window.plot_tabs.currentWidget() is window.gradient_plot  # the tab the step is about
    apply, back, forward = (find(window, QPushButton, name) for name in
                            ("lessonApplyButton", "lessonBackButton", "lessonNextButton"))
    assert not apply.isVisible() and not back.isEnabled()
    click(qtbot, window, "lessonNextButton")
    assert text(window, "lessonCounter") == "Step 2 of 4" and window.plot_tabs.currentWidget() is window.loss_plot
    click(qtbot, window, "lessonNextButton")
    assert apply.isVisible() and apply.text() == "Switch to ReLU and He init"
    click(qtbot, window, "lessonNextButton")
    assert text(window, "lessonCounter") == "Step 4 of 4" and not forward.isEnabled()
    assert window.plot_tabs.currentWidget() is window.compare_view
    click(qtbot, window, "lessonBackButton")
    click(qtbot, window, "lessonBackButton")
    assert text(window, "lessonCounter") == "Step 2 of 4" and not apply.isVisible()
    window.close()


def test_alt_n_and_alt_b_step_through_a_lesson_wherever_the_focus_is(qtbot):
    window = open_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    open_lesson(window, "Vanishing gradients")
    rate = find(window, QComboBox, "learningRateInput").lineEdit()
    rate.setFocus()
    for key, counter in ((Qt.Key.Key_N, "Step 2 of 4"), (Qt.Key.Key_N, "Step 3 of 4"), (Qt.Key.Key_B, "Step 2 of 4")):
        qtbot.keyClick(rate, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda counter=counter: text(window, "lessonCounter") == counter)  # an animated click
    assert rate.hasFocus() and "Alt+N" in find(window, QPushButton, "lessonNextButton").toolTip()
    window.close()


def test_the_update_ratio_a_step_sends_the_learner_to_is_in_the_inspector_where_training_stopped(qtbot, monkeypatch):
    # The session's clock stands still: the 20 epochs are one burst, as on a fast machine, with no snapshot due
    # before the one where training stops.
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    window = open_window(qtbot, "deep-relu-he")
    open_lesson(window, "ReLU and He initialization")
    click(qtbot, window, "playButton")  # step 1 set the epoch to stop at: 20
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.epoch > 0 and window.latest.state == "paused",
                    timeout=20_000)
    assert window.latest.epoch == 20
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    assert "layer 1's update ratio" in text(window, "lesson_do")
    assert window.plot_tabs.currentWidget() is window.inspector
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: window._drawn is window.latest)
    assert table.horizontalHeaderItem(5).text() == "‖ΔW‖/‖W‖"
    assert 1e-4 < float(table.item(0, 5).text()) < 1e-2  # about a thousandth, as the step says: not "–"
    window.close()


def test_a_steps_button_keeps_the_run_and_makes_its_change_as_one_edit(qtbot):
    window = open_window(qtbot, "deep-sigmoid")
    open_lesson(window, "Vanishing gradients")
    train(qtbot, window, 50)
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonApplyButton")
    assert [run.name for run in window.comparison.runs] == ["Deep sigmoid"]
    hidden = window.builder.layers[:-1]
    assert {(layer["activation"], layer["init"]) for layer in hidden} == {("relu", "he_normal")}
    assert find(window, QComboBox, "learningRateInput").currentText() == "0.03"
    assert window.latest is None  # a new run starts with the change
    train(qtbot, window, 50)
    session = window.training.worker.session
    assert session.optimizer.spec.learning_rate == 0.03 and session.spec.layers[0].activation == "relu"
    window.plot_tabs.setCurrentWidget(window.compare_view)
    labels = [label.text.replace("<br>\u00a0\u00a0", " ") for _, label in window.compare_view.legend.items]
    assert labels[0] == "1: Deep sigmoid" and labels[1].startswith("now: sigmoid → ReLU"), labels
    click(qtbot, window, "undoButton")  # one Undo takes the whole change back
    assert {layer["activation"] for layer in window.builder.layers[:-1]} == {"sigmoid"}
    assert find(window, QComboBox, "learningRateInput").currentText() == "0.1"
    assert [run.name for run in window.comparison.runs] == ["Deep sigmoid"]  # what was kept stays kept
    window.close()


def test_a_change_of_settings_alone_applies_to_the_next_run_and_undoes(qtbot):
    window = open_window(qtbot, "exploding")
    open_lesson(window, "Exploding gradients")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    assert find(window, QPushButton, "lessonApplyButton").text() == "Switch clipping off"
    click(qtbot, window, "lessonApplyButton")
    assert window.comparison.runs == []  # nothing had trained: nothing to keep
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    assert window.training.worker.session.optimizer.spec.clip_norm is None
    click(qtbot, window, "undoButton")
    assert window.run_in_use.chosen_optimizer().clip_norm == 1.0 and window.training.worker is None
    window.close()


def test_a_screen_without_room_beside_the_window_gets_the_lesson_floating(qtbot):
    window = open_window(qtbot)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    open_lesson(window, "Overfitting")
    assert window.lessons.dock.isFloating() and window.minimumSizeHint().width() <= 1024
    window.close()
    wide = open_window(qtbot)
    wide.resize(1400, 860)
    qtbot.waitUntil(lambda: wide.width() == 1400)
    open_lesson(wide, "Overfitting")
    assert not wide.lessons.dock.isFloating() and wide.lessons.dock.isVisible()
    wide.close()


def test_opening_a_lesson_again_after_its_change_starts_it_on_its_own_preset_again(qtbot):
    window = open_window(qtbot)
    open_lesson(window, "Vanishing gradients")
    train(qtbot, window, 50)
    trained = window.training.worker
    open_lesson(window, "Vanishing gradients")  # the preset as the lesson starts it: the run trained stays
    assert window.training.worker is trained and window.latest.step >= 50
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonApplyButton")
    assert {layer["activation"] for layer in window.builder.layers[:-1]} == {"relu"}
    open_lesson(window, "Vanishing gradients")  # step 1 is about sigmoids again, as it says
    assert text(window, "lessonCounter") == "Step 1 of 4"
    assert {layer["activation"] for layer in window.builder.layers[:-1]} == {"sigmoid"}
    assert find(window, QComboBox, "learningRateInput").currentText() == "0.1"
    assert [run.name for run in window.comparison.runs] == ["Deep sigmoid"]  # what was kept stays kept
    window.close()


def test_a_steps_button_makes_its_change_once_until_undo_takes_it_back(qtbot):
    window = open_window(qtbot, "overfit")
    open_lesson(window, "Overfitting")
    train(qtbot, window, 30)
    for _ in range(3):
        click(qtbot, window, "lessonNextButton")
    apply = find(window, QPushButton, "lessonApplyButton")
    click(qtbot, window, "lessonApplyButton")
    click(qtbot, window, "lessonApplyButton")  # pressed again: the change is made already
    assert [layer["type"] for layer in window.builder.layers] == ["dense", "dropout", "dense", "dropout", "dense"]
    assert not apply.isEnabled() and apply.text() == "✓ Add dropout 0.5"
    click(qtbot, window, "lessonBackButton")
    click(qtbot, window, "lessonNextButton")  # back on the step, its change still made
    assert not apply.isEnabled()
    click(qtbot, window, "undoButton")
    assert apply.isEnabled() and apply.text() == "Add dropout 0.5"
    click(qtbot, window, "lessonApplyButton")
    assert [layer["type"] for layer in window.builder.layers].count("dropout") == 2
    window.close()


def test_a_step_gone_back_to_says_which_later_change_is_still_in_effect(qtbot):
    """Back to step 1 after step 4's dropout: step 1 describes the network without it, which is no longer the one
    shown; it says so, and says no more once Undo takes the change back."""
    window = open_window(qtbot, "overfit")
    open_lesson(window, "Overfitting")
    note = find(window, QLabel, "lessonLaterChanges")
    for _ in range(3):
        click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonApplyButton")
    assert not note.isVisible()  # on the step that made it: its own button says so
    for _ in range(3):
        click(qtbot, window, "lessonBackButton")
    assert note.isVisible() and note.text().startswith("Made at a later step and still in effect: ✓ Add dropout 0.5.")
    click(qtbot, window, "undoButton")
    assert not note.isVisible()
    window.close()


def test_the_mnist_lesson_opens_once_its_download_is_here_and_not_over_another_preset(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("playground.ui.downloads.can_download", lambda: True)
    monkeypatch.setattr("playground.data.images.fetch_with_torchvision", fake_mnist)
    asked, answers = [], ["cancel", "download"]
    monkeypatch.setattr("playground.ui.downloads.ask_download",
                        lambda window, title, name: asked.append(title) or answers.pop(0))
    window = open_window(qtbot)
    open_lesson(window, "The article's MNIST network")
    assert asked == ["MNIST digits"]  # on opening, before Train is pressed
    # Declined: the window stays on circle, and no lesson about MNIST stands beside it, setting its epochs.
    assert window.preset.name == "circle" and "not downloaded yet" in window.statusBar().currentMessage()
    assert not window.lessons.dock.isVisible() and window.controls.stop_at_epoch() is None
    open_lesson(window, "The article's MNIST network")
    assert not window.lessons.dock.isVisible()  # downloading: the lesson waits for its data
    qtbot.waitUntil(lambda: window.dataset.name == "mnist", timeout=10_000)
    assert window.lessons.dock.isVisible() and text(window, "lessonCounter") == "Step 1 of 4"
    assert "opening this lesson offered to download it" in text(window, "lesson_do")
    assert window.preset.name == "mnist-mlp" and window.controls.stop_at_epoch() == 3
    window.close()


def test_another_preset_shown_mid_lesson_closes_the_lesson_about_its_own(qtbot):
    window = open_window(qtbot)
    open_lesson(window, "Vanishing gradients")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    assert find(window, QPushButton, "lessonApplyButton").text() == "Switch to ReLU and He init"
    window.preset_selector.setCurrentText("xor")  # as a pick in the preset box
    assert window.preset.name == "xor" and not window.lessons.dock.isVisible()
    window.preset_selector.setCurrentText("deep-sigmoid")  # its own preset again: not the lesson
    assert not window.lessons.dock.isVisible()
    open_lesson(window, "Vanishing gradients")
    assert window.lessons.dock.isVisible() and text(window, "lessonCounter") == "Step 1 of 4"
    window.close()


def test_a_lesson_on_another_preset_asks_before_it_replaces_unsaved_work(qtbot, monkeypatch):
    """Cancel keeps the work, and no lesson opens on it."""
    window = open_window(qtbot)
    train(qtbot, window, 30)
    step = window.latest.step
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "cancel")
    open_lesson(window, "Vanishing gradients")
    assert window.preset_selector.currentText() == "circle" and window.dataset.name == "circle"
    assert window.training.worker.session.step == step and not window.lessons.dock.isVisible()
    monkeypatch.setattr("playground.ui.projects.ask_to_save", lambda parent: "discard")  # or Cancel keeps it open
    window.close()
    assert not window.isVisible()


def save_with_the_file_menu(qtbot, window, monkeypatch, path) -> None:
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "&File", "&Save").trigger()
    qtbot.waitUntil(path.is_file, timeout=10_000)


def open_with_the_file_menu(window, monkeypatch, path) -> None:
    monkeypatch.setattr("playground.ui.projects.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "&File", "&Open…").trigger()


def lesson_buttons(window) -> tuple[QPushButton, QPushButton, QPushButton]:
    return tuple(find(window, QPushButton, name)
                 for name in ("lessonApplyButton", "lessonBackButton", "lessonNextButton"))


@pytest.mark.parametrize("preset, title, step, steps, label, dropouts", [
    ("linear-regression", "Linear regression and the learning rate", 2, 3, "Learning rate 0.03", 0),  # settings
    # A dropout layer after each hidden one: made again on opening, there would be four.
    ("overfit", "Overfitting, L2 and dropout", 4, 4, "Add dropout 0.5", 2),
])
def test_a_project_saved_in_a_lesson_opens_again_at_its_step_with_its_change_made_once(
        qtbot, tmp_path, monkeypatch, preset, title, step, steps, label, dropouts):
    window = open_window(qtbot, preset)
    open_lesson(window, title)
    for _ in range(step - 1):
        click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonApplyButton")
    train(qtbot, window, 20)
    type_stop_at(qtbot, window, "7")  # the learner's own epoch to stop at, not the step's
    path = tmp_path / "in a lesson.bpp"
    save_with_the_file_menu(qtbot, window, monkeypatch, path)
    saved = load_project(path)
    window.close()

    reopened = open_window(qtbot, "xor")
    open_with_the_file_menu(reopened, monkeypatch, path)
    apply, back, forward = lesson_buttons(reopened)
    assert reopened.lessons.dock.isVisible() and text(reopened, "lessonTitle") == title
    assert text(reopened, "lessonCounter") == f"Step {step} of {steps}"
    assert back.isEnabled() and forward.isEnabled() == (step < steps)
    assert not apply.isEnabled() and apply.text() == f"✓ {label}"
    # The change is in the saved network and settings once, and opening made it no second time.
    assert reopened.builder.spec.to_dict() == saved.network.to_dict()
    assert [layer["type"] for layer in reopened.builder.layers].count("dropout") == dropouts
    assert reopened.run_in_use.chosen_optimizer().to_dict() == saved.optimizer.to_dict()
    assert preset != "linear-regression" or saved.optimizer.learning_rate == 0.03
    assert not reopened.builder.undo_stack.canUndo()
    # The run goes on where it was saved, to the epoch the learner set.
    assert reopened.training.worker.session.step == saved.progress["step"] > 20
    qtbot.waitUntil(lambda: reopened.latest is not None, timeout=10_000)
    assert reopened.latest.step == saved.progress["step"] and reopened.controls.stop_at_epoch() == 7
    click(qtbot, reopened, "lessonBackButton")
    click(qtbot, reopened, "lessonNextButton")  # back on the step: its change is still made
    assert not apply.isEnabled() and reopened.training.worker.session.step == saved.progress["step"]
    reopened.close()


def test_a_lesson_closed_before_saving_is_not_saved_and_its_project_opens_without_one(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, "exploding")
    open_lesson(window, "Exploding gradients")
    click(qtbot, window, "lessonNextButton")
    window.lessons.dock.close()  # its title bar's ×
    path = tmp_path / "no lesson.bpp"
    save_with_the_file_menu(qtbot, window, monkeypatch, path)
    assert load_project(path).lesson is None
    open_lesson(window, "Overfitting")
    open_with_the_file_menu(window, monkeypatch, path)
    assert not window.lessons.dock.isVisible()  # the project is shown as saved: in no lesson
    window.close()


def test_work_restored_after_a_crash_comes_back_in_its_lesson_at_its_step(qtbot, monkeypatch):
    window = open_window(qtbot, "overfit")
    open_lesson(window, "Overfitting")
    for _ in range(3):
        click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonApplyButton")
    train(qtbot, window, 20)
    window.projects.autosave()
    qtbot.waitUntil(window.projects.autosave_file.path.is_file, timeout=10_000)
    step = load_project(window.projects.autosave_file.path).progress["step"]
    # As a window killed after its autosave leaves it: no lock, so the next start offers it.
    shutil.copy(window.projects.autosave_file.path, projects.autosave_folder() / "crashed.bpp")
    window.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    restored = open_window(qtbot)
    assert restored.projects.offer_recovery()
    apply, _, _ = lesson_buttons(restored)
    assert restored.lessons.dock.isVisible() and text(restored, "lessonCounter") == "Step 4 of 4"
    assert not apply.isEnabled() and [layer["type"] for layer in restored.builder.layers].count("dropout") == 2
    assert restored.training.worker.session.step == step
    restored.close()


@pytest.mark.parametrize("place, says", [
    (LessonPlace("a-lesson-of-a-later-version", 2), "'a-lesson-of-a-later-version', which this version"),
    (LessonPlace("exploding", 5), "step 5 of the lesson 'Exploding gradients and clipping', whose steps differ"),
    (LessonPlace("exploding", 1, (1,)), "step 1 of the lesson 'Exploding gradients and clipping', whose steps differ"),
])
def test_a_project_in_a_lesson_this_version_lacks_opens_without_the_lesson_and_says_so(qtbot, tmp_path, place, says):
    session = preset_session("exploding", start_paused=True)
    project = project_of(session, load_preset("exploding").dataset, "Exploding")
    project.lesson = place
    path = tmp_path / "later.bpp"
    save_project(project, path)
    window = open_window(qtbot)
    open_lesson(window, "Overfitting")
    assert window.projects.open_project(path)  # the network, settings and run are whole
    assert window.dataset.name == project.dataset["name"] and window.projects.project_path == path
    assert not window.lessons.dock.isVisible()
    notice = find(window, QMessageBox, "lessonNotShown")
    assert notice.isVisible() and says in notice.text() and "Lessons menu" in notice.text()
    window.close()


def test_the_hats_in_a_lesson_s_formulas_sit_on_their_letters(qtbot):
    """Adam's step, θ ← θ − α·m̂/(√v̂ + ε), read "α·m/(√v + ε)" in the lesson panel: the fonts some systems read it
    in (DejaVu Sans, with Qt's shaping) set the combining circumflex a line above, over the words of the line before
    (the stepper's own formulas had been mended; the lesson's were not)."""
    window = open_window(qtbot)
    open_lesson(window, "Momentum and Adam")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    why = find(window, QLabel, "lesson_why")
    assert "m̂/(√v̂ + ε)" in why.text()
    assert hat_offset(why.font()) < QFontMetricsF(why.font()).ascent() / 2
    window.close()


def test_the_preset_box_says_the_preset_changed_while_a_lesson_step_changes_its_network(qtbot):
    """A lesson opened from another preset names its own; its step's change (ReLU and He init) makes the network
    another than the preset's, which the box kept naming as it comes. Undo brings the preset and its name back."""
    window = open_window(qtbot)
    selector = find(window, QComboBox, "presetSelector")
    open_lesson(window, "Vanishing gradients")
    assert selector.currentText() == "deep-sigmoid"
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonNextButton")
    click(qtbot, window, "lessonApplyButton")
    assert selector.currentIndex() == -1 and selector.placeholderText() == "deep-sigmoid (changed)"
    click(qtbot, window, "undoButton")
    assert selector.currentText() == "deep-sigmoid"
    window.close()
