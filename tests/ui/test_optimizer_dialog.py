"""The optimizer's settings dialog, driven as a person would: the exploding preset says to switch
gradient clipping off and watch it explode; that must be possible from the window."""

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QToolButton

from playground.ui import MainWindow
from tests.ui.widgets import click, find


def open_settings(qtbot, window) -> QDialog:
    qtbot.mouseClick(find(window, QToolButton, "optimizerSettingsButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.findChildren(QDialog, "optimizerSettings")) == 1)
    return window.findChild(QDialog, "optimizerSettings")


def press(qtbot, dialog, which) -> None:
    button = dialog.findChild(QDialogButtonBox).button(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_switching_clipping_off_lets_the_exploding_preset_explode(qtbot):
    window = MainWindow("exploding")
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 200, timeout=10_000)
    assert window.latest.state == "running"  # clipped: it trains
    dialog = open_settings(qtbot, window)
    clip = next(box for box in dialog.findChildren(QCheckBox) if "global norm" in box.text())
    assert clip.isChecked()
    qtbot.mouseClick(clip, Qt.MouseButton.LeftButton)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible() and window.preset.optimizer.clip_norm is None
    # The trained weights may have settled where lr 0.5 no longer blows up; from the seed's it does.
    click(qtbot, window, "resetButton")  # training goes on, from the seed's weights
    qtbot.waitUntil(lambda: window.latest.state == "diverged", timeout=10_000)
    message = window.statusBar().currentMessage()
    assert "diverged" in message and "turn on gradient clipping, then resume" in message
    # The weights went back, but the steps up to the blow-up happened: the Gradients tab shows them, as dots.
    tabs = window.plot_tabs.tabBar()
    gradients = next(index for index in range(tabs.count()) if tabs.tabText(index) == "Gradients")
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(gradients).center())
    qtbot.waitUntil(lambda: window._drawn is window.latest)
    for curve in window.gradient_plot.curves.values():
        steps, norms = curve.getData()
        assert len(steps) and steps.max() > window.latest.step and curve.opts["symbol"] == "o"
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(0).center())  # and the Loss tab
    assert window.plot_tabs.currentWidget() is window.loss_plot
    steps, losses = window.loss_plot.train_curve.getData()
    assert steps.max() > window.latest.step and window.loss_plot.train_curve.opts["symbol"] == "o"
    # The message's advice, followed from the window: clipping back on, then play.
    kept = window.latest.step
    dialog = open_settings(qtbot, window)
    clip = next(box for box in dialog.findChildren(QCheckBox) if "global norm" in box.text())
    qtbot.mouseClick(clip, Qt.MouseButton.LeftButton)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.preset.optimizer.clip_norm is not None
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state != "paused" and window.latest.step > kept + 300, timeout=20_000)
    assert window.latest.state == "running" and math.isfinite(window.latest.test_loss)


def test_a_setting_that_is_not_a_number_keeps_the_dialog_open_with_the_reason(qtbot):
    window = MainWindow("digits-mlp")
    qtbot.addWidget(window)
    window.show()
    dialog = open_settings(qtbot, window)
    assert dialog.fields["momentum"].value() == 0.9 and dialog.fields["beta1"].isEnabled() is False
    dialog.schedule.setCurrentText("step decay")
    gamma = dialog.schedule_fields["gamma"]
    assert isinstance(gamma, QLineEdit) and gamma.isEnabled()
    gamma.clear()
    qtbot.keyClicks(gamma, "half")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()
    assert "γ must be a number" in dialog.findChild(QLabel, "optimizerSettingsError").text()
    gamma.clear()
    qtbot.keyClicks(gamma, "0.5")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    schedule = window.preset.optimizer.schedule
    assert (schedule.kind, schedule.gamma) == ("step", 0.5) and window.preset.optimizer.momentum == 0.9
    assert "*" in window.windowTitle()  # an unsaved change


def test_a_closed_dialog_leaves_nothing_behind(qtbot):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    for answer in (QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Ok):
        dialog = open_settings(qtbot, window)
        press(qtbot, dialog, answer)
        qtbot.waitUntil(lambda: not window.findChildren(QDialog, "optimizerSettings"))


def test_ok_keeps_the_kind_and_rate_chosen_in_the_control_bar_while_the_dialog_was_open(qtbot):
    """The dialog does not hold up the window: a person may switch optimizer or learning rate in the bar
    meanwhile, and OK must not put back the ones it opened with under the bar's choice."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "running", timeout=10_000)
    dialog = open_settings(qtbot, window)
    find(window, QComboBox, "optimizerSelector").setCurrentText("Adam")
    rate = find(window, QComboBox, "learningRateInput")
    rate.setFocus()
    rate.lineEdit().selectAll()
    qtbot.keyClicks(rate, "0.1")
    qtbot.keyClick(rate, Qt.Key.Key_Return)
    clip = next(box for box in dialog.findChildren(QCheckBox) if "global norm" in box.text())
    qtbot.mouseClick(clip, Qt.MouseButton.LeftButton)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: window.latest.optimizer.clip_norm is not None, timeout=10_000)
    trained = window.latest.optimizer
    assert (trained.kind, trained.learning_rate) == ("adam", 0.1)  # as the bar shows
    assert (window.preset.optimizer.kind, window.preset.optimizer.learning_rate) == ("adam", 0.1)
    click(qtbot, window, "playButton")
    window.close()


def test_a_warm_up_shows_the_learning_rate_it_has_reached_in_the_readout(qtbot):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    readout = find(window, QLabel, "runReadout")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1)
    assert "learning rate" not in readout.text()  # a constant rate is the field's
    dialog = open_settings(qtbot, window)
    warmup = dialog.schedule_fields["warmup_steps"]
    warmup.setFocus()
    warmup.selectAll()
    qtbot.keyClicks(warmup, "1000")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    for _ in range(3):
        click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == 4)
    base = window.preset.optimizer.learning_rate
    reached = window.latest.learning_rate
    assert 0 < reached < base / 100  # early in a 1,000-step ramp
    qtbot.waitUntil(lambda: f"learning rate {reached:.3g}" in readout.text())
    window.close()


def test_adamw_picked_in_the_control_bar_decays_the_weights_by_pytorchs_default(qtbot):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    selector = find(window, QComboBox, "optimizerSelector")
    qtbot.mouseClick(selector, Qt.MouseButton.LeftButton)
    selector.view().setCurrentIndex(selector.model().index(selector.findText("AdamW"), 0))
    qtbot.keyClick(selector.view(), Qt.Key.Key_Return)
    assert selector.currentText() == "AdamW" and selector.currentData() == "adamw"
    dialog = open_settings(qtbot, window)
    decay = next(label for label in dialog.findChildren(QLabel) if label.text() == "Weight decay (AdamW)").buddy()
    assert decay.isEnabled() and decay.text() == "0.01"
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
