"""The network view as a place to edit, driven as a person would: the + and − handles above the
columns make builder edits that Undo takes back, and a link clicked while paused shows its weight
and gradient and takes a new weight, a what-if the loss and the boundary show at once."""

import numpy
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QLabel, QTableWidget, QToolTip

from playground.ui import MainWindow
from tests.ui.widgets import click, find

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.activateWindow()  # Ctrl+Z goes to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def layer_types(window) -> list[str]:
    table = find(window, QTableWidget, "layerList")
    return [table.item(row, 1).text().strip() for row in range(table.rowCount())]


def column_sizes(window) -> dict[str, int]:
    diagram = window.network_view.diagram
    return {path: size for path, size in diagram.sizes.items() if path != "input"}


def handle_center(window, column, sign) -> QPointF:
    rect, _ = next((rect, handle) for rect, handle in window.network_view.diagram.handles
                   if handle.column == column and handle.sign == sign)
    return rect.center()


def click_scene(qtbot, window, point: QPointF) -> None:
    canvas = window.network_view.canvas
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))


def tooltip_at(window, point: QPointF) -> str:
    canvas = window.network_view.canvas
    pos = canvas.mapFromScene(point)
    QApplication.sendEvent(canvas.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, canvas.viewport().mapToGlobal(pos)))
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def press_handle(qtbot, window, column, sign) -> None:
    """Click a usable handle and wait for the edit it makes: the picture is built again."""
    before = window.network_view.diagram
    click_scene(qtbot, window, handle_center(window, column, sign))
    qtbot.waitUntil(lambda: window.network_view.diagram is not before, timeout=5_000)


def undo(qtbot, window, redo=False) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT if redo else CTRL)


def test_plus_and_minus_above_the_columns_add_and_remove_units_and_hidden_layers(qtbot):
    window = open_window(qtbot)
    assert column_sizes(window) == {"1": 4, "2": 2, "3": 1}
    press_handle(qtbot, window, "2", +1)
    assert layer_types(window) == ["Dense 4 tanh", "Dense 3 tanh", "Dense 1 linear"]
    assert column_sizes(window) == {"1": 4, "2": 3, "3": 1} and len(window.network_view.diagram.weight_lines["3"]) == 3
    assert window.builder.undo_stack.undoText() == "Add a unit to layer 2"
    press_handle(qtbot, window, "1", -1)
    assert column_sizes(window) == {"1": 3, "2": 3, "3": 1}
    press_handle(qtbot, window, None, +1)  # a hidden layer before the output, as the last one
    assert layer_types(window) == ["Dense 3 tanh", "Dense 3 tanh", "Dense 3 tanh", "Dense 1 linear"]
    assert column_sizes(window) == {"1": 3, "2": 3, "3": 3, "4": 1}
    assert "3 hidden layers" in [item.text() for item in window.network_view.diagram.root.childItems()
                                 if hasattr(item, "text")]
    assert find(window, QLabel, "parameterTotal").text() == "37 parameters in all"
    for _ in range(3):
        undo(qtbot, window)
    assert layer_types(window) == ["Dense 4 tanh", "Dense 2 tanh", "Dense 1 linear"]
    qtbot.waitUntil(lambda: column_sizes(window) == {"1": 4, "2": 2, "3": 1}, timeout=5_000)
    undo(qtbot, window, redo=True)
    qtbot.waitUntil(lambda: column_sizes(window) == {"1": 4, "2": 3, "3": 1}, timeout=5_000)


def test_a_handle_that_cannot_be_used_is_greyed_with_the_reason_and_does_nothing(qtbot):
    window = open_window(qtbot)
    assert "fixed by the data" in tooltip_at(window, handle_center(window, "3", +1))
    press_handle(qtbot, window, "2", -1)  # 2 units to 1
    assert column_sizes(window)["2"] == 1
    assert "at least one unit" in tooltip_at(window, handle_center(window, "2", -1))
    while column_sizes(window)["1"] < 10:
        press_handle(qtbot, window, "1", +1)
    assert "at most 10 units" in tooltip_at(window, handle_center(window, "1", +1))
    edits = window.builder.undo_stack.count()
    for column, sign in (("3", +1), ("3", -1), ("2", -1), ("1", +1)):
        click_scene(qtbot, window, handle_center(window, column, sign))
    qtbot.wait(50)  # a usable handle's edit would have come by now: it is queued behind the click, not timed
    assert window.builder.undo_stack.count() == edits and column_sizes(window) == {"1": 10, "2": 1, "3": 1}
    press_handle(qtbot, window, None, -1)
    press_handle(qtbot, window, None, -1)
    assert layer_types(window) == ["Dense 1 linear"]
    assert "no hidden layer to remove" in tooltip_at(window, handle_center(window, None, -1))


def step_and_select(qtbot, window, key=("2", 1, 0)):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1
                    and window._drawn is window.latest, timeout=10_000)
    path, i, j = key
    line = window.network_view.diagram.weight_lines[path][i * window.network_view.diagram.shapes[path][1] + j]
    click_scene(qtbot, window, line.line().pointAt(0.3))
    assert window.network_view.selected_weight == key
    editor = find(window, QDoubleSpinBox, "weightField")
    assert editor.isVisible()
    return editor


def type_weight(qtbot, field: QDoubleSpinBox, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field.lineEdit(), text)
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)


def shown_weight(window) -> float:
    return float(window._drawn.weights["2"][1, 0])


def test_a_link_clicked_while_paused_shows_its_weight_and_gradient_and_takes_a_new_weight(qtbot):
    window = open_window(qtbot)
    field = step_and_select(qtbot, window)
    snapshot = window._drawn
    old = float(snapshot.weights["2"][1, 0])
    assert field.isEnabled() and field.value() == round(old, 4)
    assert find(window, QLabel, "weightTitle").text() == "Layer 2, W[1, 0] ="
    assert find(window, QLabel, "weightGradient").text() == f"∂L/∂W = {snapshot.weight_grads['2'][1, 0]:.3g}"
    readout = find(window, QLabel, "runReadout").text()
    boundary = window.boundary_view.image.values.copy()
    type_weight(qtbot, field, "2.5")
    qtbot.waitUntil(lambda: shown_weight(window) == 2.5, timeout=10_000)
    assert window.training.worker.session.network.get("2.W")[1, 0] == 2.5 and window._drawn.step == 1
    assert window._drawn.state == "paused" and window._drawn.epoch_report.at_step == 1  # the test split scored again
    assert find(window, QLabel, "runReadout").text() != readout  # the loss the edit gives
    assert not numpy.array_equal(window.boundary_view.image.values, boundary)
    assert window.isWindowModified() and "set to 2.5" in window.statusBar().currentMessage()
    undo(qtbot, window)
    qtbot.waitUntil(lambda: shown_weight(window) == old, timeout=10_000)
    assert window.training.worker.session.network.get("2.W")[1, 0] == old
    assert find(window, QLabel, "runReadout").text() == readout and field.value() == round(old, 4)
    assert numpy.array_equal(window.boundary_view.image.values, boundary)
    undo(qtbot, window, redo=True)
    qtbot.waitUntil(lambda: shown_weight(window) == 2.5, timeout=10_000)


def test_arrow_steps_on_one_weight_are_one_edit(qtbot):
    window = open_window(qtbot)
    field = step_and_select(qtbot, window)
    old, edits = shown_weight(window), window.builder.undo_stack.count()
    field.setFocus()
    for _ in range(3):
        qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: abs(shown_weight(window) - (round(old, 4) + 0.3)) < 1e-6, timeout=10_000)
    assert window.builder.undo_stack.count() == edits + 1
    undo(qtbot, window)
    qtbot.waitUntil(lambda: shown_weight(window) == old, timeout=10_000)


def test_a_weight_cannot_be_edited_while_training_runs(qtbot):
    window = open_window(qtbot)
    field = step_and_select(qtbot, window)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.state == "running", timeout=10_000)
    assert not field.isEnabled()
    assert find(window, QLabel, "weightNote").text() == "Pause training to edit a weight."
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window._drawn.state == "paused", timeout=10_000)
    assert field.isEnabled() and find(window, QLabel, "weightNote").text() == ""


def test_undo_leaves_a_weight_that_training_moved_since_and_says_so(qtbot):
    window = open_window(qtbot)
    field = step_and_select(qtbot, window)
    type_weight(qtbot, field, "2.5")
    qtbot.waitUntil(lambda: shown_weight(window) == 2.5, timeout=10_000)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn.step == 2, timeout=10_000)
    moved = shown_weight(window)
    assert moved != 2.5
    undo(qtbot, window)
    qtbot.waitUntil(lambda: "has changed since that edit" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.training.worker.session.network.get("2.W")[1, 0] == moved


def test_undo_through_a_handles_edit_brings_back_the_run_and_then_its_weight(qtbot):
    """The edits of layers and of weights are one history: undoing the + brings back the run set
    aside with the edited weight, and the next undo sets the weight back in that run."""
    window = open_window(qtbot)
    field = step_and_select(qtbot, window)
    old = shown_weight(window)
    type_weight(qtbot, field, "2.5")
    qtbot.waitUntil(lambda: shown_weight(window) == 2.5, timeout=10_000)
    press_handle(qtbot, window, "1", +1)
    assert window.training.worker is None and not field.isVisible()  # the network changed: the link is gone too
    undo(qtbot, window)
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=10_000)
    assert shown_weight(window) == 2.5
    undo(qtbot, window)
    qtbot.waitUntil(lambda: shown_weight(window) == old, timeout=10_000)


def test_a_weight_edit_drops_the_step_held_for_the_stepper_and_the_window_still_fits_1280_by_720(qtbot):
    window = open_window(qtbot)
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0 and window._drawn is window.latest, timeout=10_000)
    line = window.network_view.diagram.weight_lines["1"][0]
    click_scene(qtbot, window, line.line().pointAt(0.3))
    field = find(window, QDoubleSpinBox, "weightField")
    assert field.isVisible() and field.isEnabled()
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 720
    type_weight(qtbot, field, "-1.25")
    qtbot.waitUntil(lambda: window._drawn.weights["1"][0, 0] == -1.25, timeout=10_000)
    assert window.stepper.current_phase() == -1  # worked out on the old weights: the session dropped it too
    assert window.training.worker.session.network.get("1.W")[0, 0] == -1.25 and window.latest.step == 0
