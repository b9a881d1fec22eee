"""Comparing runs in the window: keep a run, train another, and see both in the Compare tab, named by what
differs; choose what to compare and which runs; export the comparison; kept runs saved with the project."""

import csv

import numpy
from pyqtgraph.exporters import CSVExporter, ImageExporter
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMenu, QMessageBox, QToolButton

from playground.project import load_project
from playground.ui import MainWindow
from playground.ui.compare_view import LEGEND_SHARE
from playground.ui.data_panel import DatasetSelector
from playground.ui.plot_parts import smoothed_norm
from tests.ui.test_main_window import type_and_enter
from tests.ui.widgets import click, find


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window


def train(qtbot, window, steps: int) -> None:
    """Train `steps` steps more, then pause."""
    start = window.latest.step if window.latest is not None else 0
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= start + steps, timeout=10_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)


def keep(qtbot, window) -> None:
    qtbot.mouseClick(find(window, QToolButton, "keepRunButton"), Qt.MouseButton.LeftButton)


def legend(window) -> list[str]:
    return [label.text for _, label in window.compare_view.legend.items]


def one_line(names: list[str]) -> list[str]:
    """Legend names each in one line, however the legend wraps them."""
    return [name.replace("<br>\u00a0\u00a0", " ") for name in names]


def points(curve) -> int:
    x, _ = curve.getData()
    return 0 if x is None else len(x)


def menu_action(window, menu: str, text: str):
    bar = next(action.menu() for action in window.menuBar().actions() if action.text().replace("&", "") == menu)
    return next(action for action in bar.actions() if action.text().replace("&", "") == text)


def test_a_kept_run_and_the_next_one_show_side_by_side_named_by_what_differs(qtbot, tmp_path):
    window = open_window(qtbot)
    view = window.compare_view
    train(qtbot, window, 100)
    keep(qtbot, window)
    assert [run.name for run in window.comparison.runs] == ["Circle"]
    assert "Kept run 1" in window.statusBar().currentMessage()
    window.layer_list.selectRow(0)
    find(window, QComboBox, "activationInput").setCurrentText("ReLU")  # a new run starts on the new network
    train(qtbot, window, 100)
    window.plot_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: points(view.current_curve) > 0)
    assert legend(window) == ["1: Circle", "now: tanh → ReLU"]  # stored "tanh → relu", shown in words
    assert points(view.run_curves[0]) > 0  # and the hint to keep a run is gone from the legend
    keep(qtbot, window)
    assert [run.name for run in window.comparison.runs] == ["Circle", "tanh → relu"]
    # The legend is laid out again by the view; wait for it rather than for a fixed time.
    qtbot.waitUntil(lambda: legend(window) == ["1: Circle", "2: tanh → ReLU", "now: same settings"], timeout=5_000)
    # Each layer's gradient norm, on a log axis; each run its own colour and dash.
    view.show_series("grad_norm", "2")
    assert view.layer_selector.isVisible() and view.plot.getPlotItem().ctrl.logYCheck.isChecked()
    assert [view.layer_selector.itemText(i) for i in range(view.layer_selector.count())] == [
        "layer 1", "layer 2", "layer 3"]
    first, second = (curve.opts["pen"] for curve in view.run_curves)
    assert first.color() != second.color() and first.style() != second.style()
    kept = window.comparison.runs[0].history
    measured = numpy.isfinite(kept["grad_norm/2.W"]) & (kept["grad_norm/2.W"] > 0)
    drawn = 10 ** view.run_curves[0].getData()[1]  # what a log axis draws is log10 of the values
    # As the Gradients tab draws them: the geometric mean of the norms measured in the last 5% of the steps.
    assert numpy.allclose(drawn, smoothed_norm(kept["step"][measured], kept["grad_norm/2.W"][measured]))
    assert view.plot.getAxis("bottom").labelText == "step (curves: the mean over the last 5% of the steps, 20 at least)"
    view.show_series("update_ratio", "1")
    assert points(view.run_curves[0]) > 0 and points(view.run_curves[1]) > 0
    # The person hides the first run: the plot, its legend and what Export writes follow.
    view.runs_menu.actions()[0].setChecked(False)
    assert legend(window) == ["2: tanh → ReLU", "now: same settings"]
    # Export writes the curves that have points: the current run's come with the next redraw.
    qtbot.waitUntil(lambda: points(view.current_curve) > 0)
    exported = tmp_path / "comparison.csv"
    CSVExporter(view.plot.getPlotItem()).export(str(exported))
    header = next(csv.reader(exported.open(encoding="utf-8")))
    assert header == ["2: tanh → ReLU_x", "2: tanh → ReLU_y", "now: same settings_x", "now: same settings_y"]
    picture = tmp_path / "comparison.png"
    ImageExporter(view.plot.getPlotItem()).export(str(picture))
    assert picture.stat().st_size > 1000
    window.close()



def test_a_run_hidden_from_the_comparison_stays_hidden_when_another_is_kept(qtbot):
    window = open_window(qtbot)
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    train(qtbot, window, 30)
    keep(qtbot, window)
    click(qtbot, window, "resetButton")  # a new run
    train(qtbot, window, 30)
    keep(qtbot, window)
    view.runs_menu.actions()[0].trigger()  # Runs › 1: Circle, unticked
    qtbot.waitUntil(lambda: one_line(legend(window)) == ["2: same settings", "now: same settings"])
    train(qtbot, window, 20)
    keep(qtbot, window)  # run 2 again, as it is now
    click(qtbot, window, "resetButton")
    train(qtbot, window, 30)
    keep(qtbot, window)  # and run 3
    qtbot.waitUntil(lambda: one_line(legend(window)) == ["2: same settings", "3: same settings", "now: same settings"])
    assert [action.isChecked() for action in view.runs_menu.actions()] == [False, True, True]
    assert view.run_curves[0] not in view.plot.listDataItems()
    window.close()


def test_the_run_in_use_is_named_anew_when_it_goes_on_with_another_learning_rate(qtbot):
    window = open_window(qtbot)
    train(qtbot, window, 50)
    keep(qtbot, window)
    window.plot_tabs.setCurrentWidget(window.compare_view)
    qtbot.waitUntil(lambda: legend(window) == ["1: Circle", "now: same settings"], timeout=5_000)
    type_and_enter(qtbot, window.learning_rate_input, "0.3")  # the same run trains on, at another rate
    train(qtbot, window, 20)
    qtbot.waitUntil(lambda: one_line(legend(window)) == ["1: Circle", "now: learning rate 0.03 → 0.3"], timeout=5_000)
    window.close()


def test_a_run_that_went_on_with_another_learning_rate_is_kept_as_the_run_the_legend_names(qtbot):
    """The legend names the run in use "now: learning rate 0.03 → 0.3" once it trains on at 0.3: Keep keeps that
    as a run of its own, rather than putting it in the place of run 1, whose curve (at 0.03) would be gone."""
    window = open_window(qtbot)
    train(qtbot, window, 50)
    keep(qtbot, window)
    first = window.comparison.runs[0]
    kept_at = first.step
    type_and_enter(qtbot, window.learning_rate_input, "0.3")  # the same run trains on, at another rate
    train(qtbot, window, 20)
    keep(qtbot, window)
    assert [run.name for run in window.comparison.runs] == ["Circle", "lr 0.03 → 0.3"]
    assert first.step == kept_at and first.setup.optimizer.learning_rate == 0.03
    assert window.statusBar().currentMessage().startswith("Kept run 2")
    train(qtbot, window, 20)
    keep(qtbot, window)  # at the same rate: the run kept just now, kept again as it is now
    assert len(window.comparison.runs) == 2 and window.comparison.runs[1].step == window.latest.step
    window.plot_tabs.setCurrentWidget(window.compare_view)
    qtbot.waitUntil(lambda: one_line(legend(window)) == ["1: Circle", "2: learning rate 0.03 → 0.3",
                                                         "now: same settings"], timeout=5_000)
    window.close()


def test_kept_runs_are_saved_with_the_project_and_come_back_on_open(qtbot, tmp_path):
    target = tmp_path / "compared.bpp"
    window = open_window(qtbot, "deep-sigmoid")
    train(qtbot, window, 50)
    keep(qtbot, window)
    kept = window.comparison.runs[0]
    assert window.isWindowModified()
    window.projects.project_path = target
    window.projects.save()
    qtbot.waitUntil(lambda: target.is_file(), timeout=10_000)
    window.close()
    assert [run.name for run in load_project(target).runs] == ["Deep sigmoid"]
    reopened = open_window(qtbot, "xor")
    assert reopened.projects.open_project(target)
    [back] = reopened.comparison.runs
    assert back.name == kept.name and back.step == kept.step
    assert all(numpy.array_equal(back.history[name], values, equal_nan=True) for name, values in kept.history.items())
    assert legend(reopened)[0] == "1: Deep sigmoid" and points(reopened.compare_view.run_curves[0]) > 0
    assert not reopened.isWindowModified()
    forget_from_the_run_menu(qtbot, reopened, "Forget")
    assert reopened.comparison.runs == [] and reopened.isWindowModified()
    assert legend(reopened)[-1].startswith("Keep a run")  # the hint again
    reopened.close()


def test_a_project_s_run_kept_before_saving_is_kept_again_not_twice_once_opened(qtbot, tmp_path):
    """The file says which kept run the project's run is: Keep after opening it updates that run, rather than adding
    a second curve of the same run ("same settings")."""
    target = tmp_path / "kept.bpp"
    window = open_window(qtbot)
    train(qtbot, window, 50)
    keep(qtbot, window)
    window.projects.project_path = target
    window.projects.save()
    qtbot.waitUntil(lambda: target.is_file(), timeout=10_000)
    window.close()
    reopened = open_window(qtbot, "xor")
    assert reopened.projects.open_project(target)
    qtbot.waitUntil(lambda: reopened.latest is not None)
    keep(qtbot, reopened)  # at once, as saved
    assert [run.name for run in reopened.comparison.runs] == ["Circle"]
    train(qtbot, reopened, 30)
    keep(qtbot, reopened)
    [run] = reopened.comparison.runs
    assert run.step == reopened.latest.step and reopened.statusBar().currentMessage().startswith("Kept run 1")
    reopened.plot_tabs.setCurrentWidget(reopened.compare_view)
    qtbot.waitUntil(lambda: one_line(legend(reopened)) == ["1: Circle", "now: same settings"], timeout=5_000)
    # Saved again and opened a third time, the link holds; another run after a reset is kept as a run of its own.
    reopened.projects.save()
    qtbot.waitUntil(lambda: not reopened.isWindowModified(), timeout=10_000)
    reopened.close()
    third = open_window(qtbot, "xor")
    assert third.projects.open_project(target)
    qtbot.waitUntil(lambda: third.latest is not None)
    keep(qtbot, third)
    assert len(third.comparison.runs) == 1
    click(qtbot, third, "resetButton")
    train(qtbot, third, 30)
    keep(qtbot, third)
    assert [run.name for run in third.comparison.runs] == ["Circle", "same settings"]
    third.close()


def forget_from_the_run_menu(qtbot, window, answer: str) -> None:
    """Run › Forget kept runs…, then `answer` ("Forget" or "Cancel") the question it asks."""
    menu_action(window, "Run", "Forget kept runs…").trigger()
    box = find(window, QMessageBox, "forgetKeptRuns")
    qtbot.waitUntil(box.isVisible)
    [button] = [button for button in box.buttons() if button.text().replace("&", "") == answer]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "forgetKeptRuns") is None)  # answered, it goes


def test_forgetting_the_kept_runs_asks_first_and_says_so_where_keeping_said_a_run_was_kept(qtbot):
    window = open_window(qtbot)
    forget = menu_action(window, "Run", "Forget kept runs…")
    assert not forget.isEnabled()  # nothing to forget
    train(qtbot, window, 50)
    keep(qtbot, window)
    assert window.statusBar().currentMessage().startswith("Kept run 1") and forget.isEnabled()
    forget_from_the_run_menu(qtbot, window, "Cancel")
    assert len(window.comparison.runs) == 1 and window.statusBar().currentMessage().startswith("Kept run 1")
    forget_from_the_run_menu(qtbot, window, "Forget")
    assert window.comparison.runs == [] and not forget.isEnabled()
    assert window.statusBar().currentMessage() == ("The kept runs are forgotten: the Compare tab shows the run in use "
                                                   "alone.")
    window.close()


def test_a_run_is_kept_once_it_has_trained_even_after_an_edit_set_it_aside(qtbot):
    window = open_window(qtbot)
    keep(qtbot, window)
    assert window.comparison.runs == [] and "Nothing to keep yet" in window.statusBar().currentMessage()
    train(qtbot, window, 60)
    step = window.latest.step
    window.layer_list.selectRow(0)
    find(window, QComboBox, "activationInput").setCurrentText("ReLU")  # the trained run is set aside
    menu_action(window, "Run", "Keep this run for comparison").trigger()  # which presses Keep
    qtbot.waitUntil(lambda: len(window.comparison.runs) == 1, timeout=5_000)
    [run] = window.comparison.runs
    assert run.name == "Circle" and run.step == step and run.setup.network.layers[0].activation == "tanh"
    window.close()


def test_a_run_kept_before_an_edit_set_it_aside_or_undo_brought_it_back_is_kept_once(qtbot):
    window = open_window(qtbot)
    train(qtbot, window, 60)
    keep(qtbot, window)
    window.layer_list.selectRow(0)
    find(window, QComboBox, "activationInput").setCurrentText("ReLU")  # the kept run is set aside
    keep(qtbot, window)  # the same run: kept as it is, not a second time as "same settings"
    assert [run.name for run in window.comparison.runs] == ["Circle"]
    assert "Kept run 1" in window.statusBar().currentMessage()
    click(qtbot, window, "undoButton")  # back to tanh: the run set aside goes on
    assert "Back to the network trained" in window.statusBar().currentMessage()
    train(qtbot, window, 60)
    keep(qtbot, window)
    [run] = window.comparison.runs
    assert run.name == "Circle" and run.step == window.latest.step
    window.close()


def test_losses_that_start_huge_are_compared_on_a_log_axis_when_asked(qtbot):
    window = open_window(qtbot, "exploding")  # its loss starts in the hundreds of thousands and ends below 1
    view = window.compare_view
    train(qtbot, window, 100)
    keep(qtbot, window)
    window.plot_tabs.setCurrentWidget(view)
    log_scale = find(window, QCheckBox, "compareLogScale")
    assert log_scale.isVisible() and not view.plot.getPlotItem().ctrl.logYCheck.isChecked()
    qtbot.mouseClick(log_scale, Qt.MouseButton.LeftButton, pos=QPoint(8, log_scale.height() // 2))  # on its box
    assert view.plot.getPlotItem().ctrl.logYCheck.isChecked()
    kept = window.comparison.runs[0].history["test_loss"]
    drawn = 10 ** view.run_curves[0].getData()[1]  # a log axis draws log10 of the values
    assert numpy.allclose(drawn, kept[numpy.isfinite(kept) & (kept > 0)])
    view.show_series("test_accuracy")  # none for a regression, and no log axis for an accuracy
    assert not log_scale.isVisible() and not view.plot.getPlotItem().ctrl.logYCheck.isChecked()
    view.show_series("train_loss")
    assert log_scale.isChecked() and view.plot.getPlotItem().ctrl.logYCheck.isChecked()
    window.close()


def test_a_long_name_wraps_in_the_legend_to_the_width_of_a_small_window(qtbot):
    window = open_window(qtbot, "deep-sigmoid")
    window.resize(1024, 700)  # the smallest screen the window is made for
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    train(qtbot, window, 50)
    keep(qtbot, window)
    window.load_preset("deep-relu-he")  # the kept runs stay across presets
    train(qtbot, window, 50)
    qtbot.waitUntil(lambda: legend(window)[-1].replace("<br>\u00a0\u00a0", " ").startswith("now: sigmoid → ReLU"))
    right = view.plot.viewport().width()  # what shows of the plot: a wider legend widens the plot item past it
    assert all(label.item.mapRectToScene(label.item.boundingRect()).right() <= right
               for _, label in view.legend.items)
    lines = legend(window)[-1].count("<br>") + 1
    assert lines > 1
    window.resize(1920, 1080)  # room again: the name takes fewer lines
    qtbot.waitUntil(lambda: legend(window)[-1].count("<br>") + 1 < lines)
    window.close()


def test_the_names_of_several_kept_runs_leave_the_curves_the_plot_at_1280_by_720(qtbot):
    """Below the axes, three kept runs' names and the run in use's left the curves a strip 40 pixels high at
    1280×720: beside them, they cover none and take no height."""
    from tests.ui.test_plots import assert_legend_beside_the_curves

    window = open_window(qtbot, "deep-sigmoid")
    window.resize(1280, 720)
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    for _ in range(3):
        train(qtbot, window, 20)
        keep(qtbot, window)
        click(qtbot, window, "resetButton")  # a new run: the next keep keeps another
    train(qtbot, window, 20)
    qtbot.waitUntil(lambda: len(legend(window)) == 4)
    assert_legend_beside_the_curves(view.plot)
    assert view.plot.getViewBox().height() > 0.6 * view.plot.viewport().height()
    window.close()


def beside_a_lesson_at_1280_by_720(qtbot) -> MainWindow:
    """deep-sigmoid at 1280×720, its lesson docked beside it."""
    window = open_window(qtbot, "deep-sigmoid")
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    lessons = window.findChild(QMenu, "lessonMenu")
    next(action for action in lessons.actions() if action.text().endswith("(deep-sigmoid)")).trigger()
    qtbot.waitUntil(lambda: window.lessons.dock.isVisible() and not window.lessons.dock.isFloating())
    return window


def test_beside_a_lesson_at_1280_by_720_the_compare_tab_gives_its_curves_most_of_its_height(qtbot):
    """The hint above the plot and the log-scale box below it left the curves 100 pixels of the tab's 225: the hint
    is the legend's last line, beside the curves, and the box sits in the row of choices."""
    from tests.ui.test_plots import assert_legend_beside_the_curves

    window = beside_a_lesson_at_1280_by_720(qtbot)
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    train(qtbot, window, 20)
    qtbot.waitUntil(lambda: one_line(legend(window)) == [
        "this run", "Keep a run (Keep, or K) to compare the next one with it."])
    assert_legend_beside_the_curves(view.plot)
    assert view.log_scale.isVisible() and view.log_scale.geometry().bottom() < view.plot.geometry().top()
    assert view.plot.getViewBox().height() > 0.65 * view.height()
    keep(qtbot, window)
    qtbot.waitUntil(lambda: len(legend(window)) == 2 and legend(window)[0].startswith("1: "))
    assert_legend_beside_the_curves(view.plot)
    assert view.plot.getViewBox().height() > 0.65 * view.height()
    window.close()


def test_runs_kept_before_the_compare_tab_first_shows_are_named_in_lines_of_its_width(qtbot):
    """Wrapped to the width the plot had before it ever showed, the longest name took half the plot, beside a name
    wrapped to 40% of it."""
    window = beside_a_lesson_at_1280_by_720(qtbot)
    view = window.compare_view
    train(qtbot, window, 20)
    keep(qtbot, window)
    click(qtbot, window, "resetButton")  # a new run
    type_and_enter(qtbot, window.learning_rate_input, "0.3")
    train(qtbot, window, 20)
    keep(qtbot, window)
    window.plot_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: one_line(legend(window)) == ["1: Deep sigmoid", "2: learning rate 0.1 → 0.3",
                                                         "now: same settings"])
    assert all(label.item.boundingRect().width() <= LEGEND_SHARE * view.plot.viewport().width()
               for _, label in view.legend.items)
    window.close()


def test_the_step_axis_label_beside_a_lesson_at_1280_by_720_is_whole_within_the_plot(qtbot):
    """"step (curves: the mean over the last 5% of the steps, 20 at least)" in one line, centred under a narrow
    plot, was cut at both ends ("o (curves: …"): it wraps to the axis's width."""
    window = beside_a_lesson_at_1280_by_720(qtbot)
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    view.show_series("grad_norm")
    train(qtbot, window, 20)
    axis = view.plot.getAxis("bottom")
    qtbot.waitUntil(lambda: axis.label.boundingRect().width() <= axis.geometry().width())
    label = axis.label.mapRectToScene(axis.label.boundingRect())
    assert axis.label.toPlainText().startswith("step (curves:")
    assert 0 <= label.left() and label.right() <= view.plot.sceneRect().right()  # pyqtgraph nudges it 5 px down
    window.close()


def test_the_gradient_norm_chosen_before_training_is_drawn_for_a_layer_once_the_run_trains(qtbot):
    """The layers were listed from the run's first snapshot, which holds no gradient norm yet: the layer chooser
    stayed empty and the run in use drew no curve."""
    window = beside_a_lesson_at_1280_by_720(qtbot)
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    view.show_series("grad_norm")
    train(qtbot, window, 40)
    qtbot.waitUntil(lambda: view.layer_selector.count() > 0 and points(view.current_curve) > 0)
    assert view.layer_selector.currentText() == "layer 1"
    window.close()


def choose_series(qtbot, window, label: str) -> None:
    """Pick what to compare with the keyboard, as a person would with the list open."""
    selector = find(window, QComboBox, "compareSeries")
    selector.setFocus()
    while selector.currentText() != label:
        step = Qt.Key.Key_Up if selector.findText(label) < selector.currentIndex() else Qt.Key.Key_Down
        qtbot.keyClick(selector, step)


def test_an_accuracy_of_regressions_says_in_words_why_the_plot_is_empty(qtbot):
    """A regression's accuracy is NaN throughout: the plot of it stayed empty without a word. Kept, and the run in use
    too: the note shows while every run shown has none, and goes for a loss, or when a run with an accuracy shows."""
    window = open_window(qtbot, "linear-regression")
    view = window.compare_view
    train(qtbot, window, 20)
    window.plot_tabs.setCurrentWidget(view)
    note = find(window, QLabel, "compareNoAccuracy")
    assert not note.isVisible()  # the test loss, first in the list
    choose_series(qtbot, window, "Test accuracy")
    assert note.isVisible() and "regressions" in note.text() and "loss" in note.text()
    assert points(view.current_curve) == 0
    keep(qtbot, window)
    assert note.isVisible()
    choose_series(qtbot, window, "Training loss")
    assert not note.isVisible()
    choose_series(qtbot, window, "Training accuracy")
    assert note.isVisible()
    choose = window.findChild(DatasetSelector, "datasetSelector")
    choose.activated.emit(choose.findData("iris"))  # the person picks a classification set, and trains on it
    train(qtbot, window, 20)
    assert points(view.current_curve) > 0 and not note.isVisible()
    window.close()


def test_a_convolution_s_gradient_norm_is_named_for_its_kernels_on_the_axis(qtbot):
    """A Conv2D layer's weights are its kernels K: Compare's axis read ‖∂L/∂W‖ for them too."""
    window = open_window(qtbot, "digits-cnn")
    view = window.compare_view
    window.plot_tabs.setCurrentWidget(view)
    choose_series(qtbot, window, "Gradient norm ‖∂L/∂W‖")
    train(qtbot, window, 5)
    qtbot.waitUntil(lambda: view.layer_selector.count() == 3)  # the two convolutions and the Dense layer
    axis = view.plot.getAxis("left")
    assert view.layer_selector.currentText() == "layer 1" and axis.labelText == "Gradient norm ‖∂L/∂K‖"
    layers = find(window, QComboBox, "compareLayer")
    layers.setFocus()
    qtbot.keyClick(layers, Qt.Key.Key_End)  # layer 6, the Dense layer
    assert axis.labelText == "Gradient norm ‖∂L/∂W‖"
    choose_series(qtbot, window, "Update ratio ‖ΔW‖ / ‖W‖")
    qtbot.keyClick(layers, Qt.Key.Key_Home)
    assert axis.labelText == "Update ratio ‖ΔK‖ / ‖K‖"
    window.close()
