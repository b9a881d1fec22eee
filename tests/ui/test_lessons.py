"""Lessons in the window: open one from the Lessons menu, step through it with Next and Back, and press a
step's button, which keeps the run in use and makes the change as one edit that Undo takes back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox, QPushButton

from playground.ui import MainWindow
from tests.ui.widgets import click, find


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
    labels = [label.text for _, label in window.compare_view.legend.items]
    assert labels[0] == "1: Deep sigmoid" and labels[1].startswith("now: sigmoid → relu")
    click(qtbot, window, "undoButton")  # one Undo takes the whole change back
    assert {layer["activation"] for layer in window.builder.layers[:-1]} == {"sigmoid"}
    assert find(window, QComboBox, "learningRateInput").currentText() == "0.1"
    assert [run.name for run in window.comparison.runs] == ["Deep sigmoid"]  # what was kept stays kept
    window.close()


def test_a_change_of_settings_alone_applies_to_the_next_run_and_undoes(qtbot):
    window = open_window(qtbot, "exploding")
    open_lesson(window, "Exploding gradients")
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


def test_the_mnist_lesson_says_its_download_comes_when_it_opens(qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr("playground.ui.downloads.can_download", lambda: True)
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(title)
                        or QMessageBox.StandardButton.No)
    window = open_window(qtbot)
    open_lesson(window, "The article's MNIST network")
    assert asked == ["Download MNIST digits?"]  # on opening, before Train is pressed
    assert "opening this lesson offered to download it" in text(window, "lesson_do")
    window.close()
