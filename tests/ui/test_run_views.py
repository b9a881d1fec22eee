"""Every view shows the run in use or nothing: after an edit, other data, a reset or an Open, no
view keeps a discarded model's picture or numbers; a rate is never worked out across a pause or a
load; and Undo back to a trained network says what it does with its weights."""

import math
import sys

import numpy
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QSpinBox, QTableWidget, QToolTip

from playground.session import loop
from playground.ui import MainWindow
from playground.ui.data_panel import DatasetSelector
from playground.ui.network_blocks import grad_color
from tests.session.test_session import SteppedClock
from tests.ui.widgets import click, find


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # Ctrl+Z goes to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def points(curve) -> int:
    x, _ = curve.getData()
    return 0 if x is None else len(x)


def show_tab(qtbot, window, view) -> None:
    bar = window.plot_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.plot_tabs.indexOf(view)).center())


def train_then_pause(qtbot, window, steps=300) -> int:
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > steps, timeout=20_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused" and window._drawn is window.latest, timeout=10_000)
    return window.latest.step


def readout(window) -> str:
    return find(window, QLabel, "runReadout").text()


def assert_nothing_trained_shows(window) -> None:
    assert window.boundary_view.image.values is None
    assert points(window.loss_plot.train_curve) == 0 and points(window.accuracy_plot.test_curve) == 0
    assert not any(points(curve) for curve in window.gradient_plot.curves.values())
    assert not any(points(curve) for curve in window.activation_plot.curves.values())
    assert find(window, QTableWidget, "confusionMatrix").rowCount() == 0
    assert find(window, QTableWidget, "layerHealth").rowCount() == 0
    assert "accuracy" not in readout(window) and "step" not in readout(window)
    assert find(window, QLabel, "epochLabel").text() == "Epoch 000000"
    units = getattr(window.network_view.diagram, "units", {})  # a wide network is drawn as blocks, without units
    assert not any(image.values.any() for (path, _), image in units.items() if path != "input")  # blank thumbnails
    assert window.stepper.trace is None and window.stepper.current_phase() == -1


def test_an_edit_of_a_trained_network_clears_every_view_of_the_old_one(qtbot):
    window = open_window(qtbot)
    for view in (window.metrics_view, window.inspector, window.accuracy_plot, window.activation_plot,
                 window.gradient_plot, window.loss_plot):
        show_tab(qtbot, window, view)  # every tab drawn once, so each has something to lose
    train_then_pause(qtbot, window)
    assert window.boundary_view.image.values is not None and points(window.loss_plot.train_curve) > 0
    assert "test accuracy" in readout(window)
    click(qtbot, window, "stepperBatchButton")  # a step held in the stepper, walked to its second phase
    qtbot.waitUntil(lambda: window.stepper.trace is not None, timeout=10_000)
    click(qtbot, window, "stepperNextButton")
    show_tab(qtbot, window, window.loss_plot)  # the layer list comes back beside the plots
    table = find(window, QTableWidget, "layerList")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    units = find(window, QSpinBox, "unitsInput")
    units.setFocus()
    units.lineEdit().selectAll()
    qtbot.keyClicks(units.lineEdit(), "6")
    qtbot.keyClick(units, Qt.Key.Key_Return)
    assert window.training.worker is None
    assert_nothing_trained_shows(window)
    assert "starts over from new random weights" in window.statusBar().currentMessage()


def test_other_data_leaves_no_prediction_of_the_old_network(qtbot):
    window = open_window(qtbot, "xor")
    train_then_pause(qtbot, window, 100)
    selector = window.findChild(DatasetSelector, "datasetSelector")
    selector.activated.emit(selector.findData("digits"))  # what a click in the open list sends
    assert window.dataset.name == "digits"
    assert_nothing_trained_shows(window)
    gallery = window.gallery  # the new data's images, which no network has predicted yet
    assert gallery.predicted is None and all(label.toPlainText() == "?" for label in gallery.labels)


def test_reset_clears_the_metrics_of_the_run_before(qtbot):
    window = open_window(qtbot)
    show_tab(qtbot, window, window.metrics_view)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: find(window, QTableWidget, "confusionMatrix").rowCount() > 0, timeout=20_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)
    first_run = window.latest.run
    qtbot.keyClick(window, Qt.Key.Key_R)  # while paused: the new run has trained nothing yet
    qtbot.waitUntil(lambda: window.latest.run != first_run and window._drawn is window.latest, timeout=10_000)
    assert window.latest.step == 0
    assert find(window, QTableWidget, "confusionMatrix").rowCount() == 0
    assert "appear here" in find(window, QLabel, "metricsSummary").text()


def test_an_opened_project_shows_its_own_metrics_and_no_rate_across_the_load(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot)
    train_then_pause(qtbot, window, 400)
    target = tmp_path / "circle.bpp"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.projects.save()
    qtbot.waitUntil(target.is_file, timeout=10_000)  # the session exports its state between steps
    step = window.latest.step
    reopened = open_window(qtbot)
    show_tab(qtbot, reopened, reopened.metrics_view)
    assert reopened.projects.open_project(target)
    qtbot.waitUntil(lambda: reopened._drawn is not None, timeout=10_000)
    summary = find(reopened, QLabel, "metricsSummary").text()
    assert f"step {step:,}" in summary and "accuracy" in summary
    assert find(reopened, QTableWidget, "confusionMatrix").rowCount() == 2
    assert "samples/s" not in readout(reopened) and f"step {step:,}" in readout(reopened)
    click(qtbot, reopened, "stepButton")  # one step is no measure of a rate either
    qtbot.waitUntil(lambda: reopened.latest.step == step + 1 and reopened._drawn is reopened.latest, timeout=10_000)
    assert "samples/s" not in readout(reopened) and f"step {step + 1:,}" in readout(reopened)


def test_undo_of_an_insertion_brings_back_the_trained_weights(qtbot):
    window = open_window(qtbot)
    step = train_then_pause(qtbot, window)
    weights = window.training.worker.session.network.state_dict()
    palette = find(window, QListWidget, "layerPalette")
    palette.setCurrentItem(palette.findItems("Dropout", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, window, "addLayerButton")
    assert window.training.worker is None
    assert_nothing_trained_shows(window)
    assert f"Undo (Ctrl+Z) brings back the run at step {step:,}" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.training.worker is not None and window.training.worker.session.step == step
    restored = window.training.worker.session.network.state_dict()
    assert all(numpy.array_equal(weights[name], restored[name]) for name in weights)
    assert "restored" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == step, timeout=10_000)
    assert window.boundary_view.image.values is not None and points(window.loss_plot.train_curve) > 0


def test_undo_back_to_a_trained_network_shows_its_last_gradients_at_once(qtbot):
    """The block diagram colours each layer by its gradient: the run Undo brings back shows the gradients it had, not
    the blank of a run no step has computed one for."""
    window = open_window(qtbot, "deep-sigmoid")
    train_then_pause(qtbot, window, 50)
    diagram = window.network_view.diagram
    coloured = {path: block.brush().color().name() for path, block in diagram.blocks.items()}
    blank = grad_color(None).name()
    assert sum(colour != blank for colour in coloured.values()) >= 10, coloured
    palette = find(window, QListWidget, "layerPalette")
    palette.setCurrentItem(palette.findItems("Dropout", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, window, "addLayerButton")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    step = window.training.worker.session.step
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == step, timeout=10_000)
    diagram = window.network_view.diagram
    assert {path: block.brush().color().name() for path, block in diagram.blocks.items()} == coloured


def test_undo_after_training_the_edited_network_starts_over(qtbot):
    """Nothing trained since is the condition: a run of the edited network replaces the one set aside."""
    window = open_window(qtbot)
    train_then_pause(qtbot, window)
    palette = find(window, QListWidget, "layerPalette")
    palette.setCurrentItem(palette.findItems("Dropout", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, window, "addLayerButton")
    step = train_then_pause(qtbot, window, 50)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.training.worker is None
    message = window.statusBar().currentMessage()
    assert "starts over from new random weights" in message  # what Undo did to the training state
    assert f"Redo (Ctrl+Shift+Z) brings back the run at step {step:,}" in message  # and what brings that run back
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.training.worker is not None and window.training.worker.session.step == step
    assert "restored" in window.statusBar().currentMessage()


def test_after_a_run_is_cleared_the_next_run_draws_in_every_view(qtbot):
    """Clearing a view empties it; it must not take its items away (pyqtgraph's own clear() would)."""
    window = open_window(qtbot, "xor")
    train_then_pause(qtbot, window, 100)
    choose = window.findChild(DatasetSelector, "datasetSelector")
    choose.activated.emit(choose.findData("digits"))
    train_then_pause(qtbot, window, 50)
    assert window.gallery.mosaic.scene() is not None and window.gallery.mosaic.image is not None
    assert all(label.toPlainText() for label in window.gallery.labels)
    activations = window.activation_plot
    for plot, curves in ((window.accuracy_plot, lambda: [window.accuracy_plot.test_curve]),
                         (window.gradient_plot, lambda: list(window.gradient_plot.curves.values())),
                         (activations, lambda: [activations.curves[path] for path in activations.shown_paths()])):
        show_tab(qtbot, window, plot)
        curves = curves()  # as drawn: the activations' first snapshot leaves out a linear output layer
        item = plot.plot.getPlotItem() if plot is window.activation_plot else plot.getPlotItem()
        assert curves and all(curve in item.items and points(curve) > 0 for curve in curves)


def move_pointer(widget, pos: QPoint) -> None:
    """The move event Qt delivers when the pointer moves over `widget` with no button down. QTest's
    mouseMove goes through the platform's cursor, which the offscreen platform moves only sometimes."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_hovering_a_unit_shows_it_large_until_the_pointer_leaves(qtbot):
    window = open_window(qtbot)
    train_then_pause(qtbot, window, 100)
    view, boundary = window.network_view, window.boundary_view
    viewport = view.canvas.viewport()
    center = view.diagram.units[("1", 2)].sceneBoundingRect().center()
    with qtbot.waitSignal(view.neuron_hovered, timeout=2000) as hovered:
        move_pointer(viewport, view.canvas.mapFromScene(center))
    assert hovered.args == ["1", 2]
    assert boundary.caption.text() == "Showing layer 1, unit 3, under the pointer"
    unit_grid = window.latest.neuron_grids["1"][2]
    assert numpy.array_equal(boundary.image.values, unit_grid[::-1])
    with qtbot.waitSignal(view.neuron_hovered, timeout=2000) as left:
        QApplication.sendEvent(view, QEvent(QEvent.Type.Leave))  # the pointer leaves the network view
    assert left.args == ["", -1]
    assert not boundary.caption.isVisible()
    assert numpy.array_equal(boundary.image.values, window.latest.boundary[::-1])


def test_a_hovered_unit_is_named_alike_in_its_tooltip_and_in_the_big_view(qtbot):
    window = open_window(qtbot)
    train_then_pause(qtbot, window, 100)
    view, boundary = window.network_view, window.boundary_view
    viewport = view.canvas.viewport()
    for key, name in ((("input", 1), "input feature 2"), (("1", 2), "layer 1, unit 3")):
        pos = view.canvas.mapFromScene(view.diagram.units[key].sceneBoundingRect().center())
        move_pointer(viewport, pos)
        assert boundary.caption.text() == f"Showing {name}, under the pointer"
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
        tip = QToolTip.text()
        QToolTip.hideText()
        assert tip.startswith(name), tip


def test_the_last_move_before_the_pointer_stops_is_the_unit_shown(qtbot, monkeypatch):
    window = open_window(qtbot)
    train_then_pause(qtbot, window, 100)
    view, boundary = window.network_view, window.boundary_view
    viewport = view.canvas.viewport()
    # pyqtgraph's clock stands still: every move comes "within 10 ms" of the one before, as a quick flick does.
    monkeypatch.setattr(sys.modules["pyqtgraph.GraphicsScene.GraphicsScene"], "getMillis", lambda: 1000)
    for unit in (("1", 0), ("1", 2)):  # across one unit and onto another, where it stops
        move_pointer(viewport, view.canvas.mapFromScene(view.diagram.units[unit].sceneBoundingRect().center()))
    assert boundary.caption.text() == "Showing layer 1, unit 3, under the pointer"


def shown_rate(window) -> float:
    """The samples/s the readout shows; NaN when it shows none."""
    text = readout(window)
    if "samples/s" not in text:
        return math.nan
    figure = text.split(" samples/s")[0].rsplit("· ", 1)[1].replace(",", "")
    return math.nan if figure == "–" else float(figure)


def test_a_rate_is_never_worked_out_across_a_pause(qtbot, monkeypatch):
    """The session's clock moves by a fixed tick a call, so that the rate does not depend on the machine's speed;
    the pause lasts a million seconds of it. A rate measured from before the pause would read 0 samples/s."""
    clock = SteppedClock(1e-4)
    monkeypatch.setattr(loop, "time", clock)
    window = open_window(qtbot)
    paused_at = train_then_pause(qtbot, window, 50)
    assert "samples/s" not in readout(window)  # none while paused
    clock.now += 1e6
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.state == "running"
                    and window._drawn.step > paused_at + 1, timeout=10_000)
    # at least one step of 10 samples between clock calls a few apart: thousands of samples per clock second
    assert shown_rate(window) > 1000, readout(window)
    click(qtbot, window, "playButton")


def scroll_wheel(widget, pos: QPoint) -> None:
    """One notch of the mouse wheel over `widget`: a zoom, in a plot."""
    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_a_dropped_run_leaves_no_scale_or_zoom_in_the_plots(qtbot):
    window = open_window(qtbot, "xor")
    plots = (window.loss_plot.plot, window.gradient_plot, window.accuracy_plot, window.activation_plot.plot)
    train_then_pause(qtbot, window, 300)
    views = [plot.getViewBox() for plot in plots]
    for plot, view in zip(plots, views):  # each drawn as its tab is chosen, and ranged as it is painted
        show_tab(qtbot, window, {window.loss_plot.plot: window.loss_plot,
                                 window.activation_plot.plot: window.activation_plot}.get(plot, plot))
        qtbot.waitUntil(lambda view=view: view.viewRange()[0] != [0, 1])
    scroll_wheel(window.activation_plot.plot.viewport(), window.activation_plot.plot.viewport().rect().center())
    assert views[3].autoRangeEnabled() == [False, False]  # zoomed in, as a person looks closer
    choose = window.findChild(DatasetSelector, "datasetSelector")
    choose.activated.emit(choose.findData("digits"))  # the run is dropped; the next one has not drawn yet
    for view in views:
        (x_low, x_high), y_range = view.viewRange()
        assert (x_low, x_high) == (0, 1)  # a new plot's range, not the dropped run's steps
        assert y_range == ([0, 1] if view is not views[2] else pytest.approx([0, 1], abs=0.1))  # accuracy: padded
    loss, gradient, accuracy, activation = (view.autoRangeEnabled() for view in views)
    assert loss[1] and gradient[1] and accuracy[0] and all(activation)  # the next run's data sets the scale
