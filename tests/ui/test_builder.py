"""The network builder driven as a person would: palette, layer list, property editor, undo."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
)

from playground.ui import MainWindow
from tests.ui.widgets import click, find


def layer_types(window) -> list[str]:
    table = find(window, QTableWidget, "layerList")
    return [table.item(row, 1).text().strip() for row in range(table.rowCount())]


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # keyboard shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def pick_palette(qtbot, window, title: str) -> QListWidget:
    palette = find(window, QListWidget, "layerPalette")
    item = palette.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    palette.setCurrentItem(item)
    return palette


def select_row(qtbot, window, row: int) -> None:
    table = find(window, QTableWidget, "layerList")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == row


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll() if hasattr(widget, "selectAll") else widget.lineEdit().selectAll()
    qtbot.keyClicks(widget.lineEdit() if isinstance(widget, QSpinBox) else widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def drop(window, data: QMimeData, row: int, share: float) -> None:
    """A drop at `share` of the height of `row` (-1: below the last row)."""
    table = find(window, QTableWidget, "layerList")
    if row < 0:
        point = QPoint(10, table.viewport().height() - 2)
    else:
        rect = table.visualRect(table.model().index(row, 0))
        point = QPoint(rect.left() + 10, rect.top() + int(share * rect.height()))
    actions, button, none = (Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    # As a drag does: Qt delivers the drop to the widget that accepted the drag's entry.
    enter = QDragEnterEvent(point, actions, data, button, none)
    QApplication.sendEvent(table.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(table.viewport(), QDragMoveEvent(point, actions, data, button, none))
    QApplication.sendEvent(table.viewport(), QDropEvent(QPointF(point), actions, data, button, none))


def palette_data(window, title: str) -> QMimeData:
    palette = find(window, QListWidget, "layerPalette")
    return palette.mimeData([palette.findItems(title, Qt.MatchFlag.MatchExactly)[0]])


def test_every_palette_entry_says_what_it_does(qtbot):
    window = open_window(qtbot)
    palette = find(window, QListWidget, "layerPalette")
    titles = [palette.item(i).text() for i in range(palette.count())]
    assert {"Dense", "ReLU", "Dropout", "BatchNorm", "Residual", "Softmax"} <= set(titles)
    assert all(palette.item(i).toolTip() for i in range(palette.count()))


def test_a_network_assembled_from_the_palette_trains(qtbot):
    window = open_window(qtbot)
    play = find(window, QPushButton, "playButton")
    while layer_types(window):
        select_row(qtbot, window, 0)
        click(qtbot, window, "removeLayerButton")
    assert not play.isEnabled() and "no layers" in play.toolTip()
    assert "no layers" in find(window, QLabel, "networkError").text()
    palette = pick_palette(qtbot, window, "Dense")
    where = palette.visualItemRect(palette.currentItem()).center()
    qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click starts
    qtbot.mouseDClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=where)  # with a press, as a mouse's
    assert layer_types(window) == ["Dense 8 ReLU"]
    select_row(qtbot, window, 0)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "6")
    find(window, QComboBox, "activationInput").setCurrentText("tanh")
    click(qtbot, window, "addLayerButton")  # Dense again, after the selected layer
    assert layer_types(window) == ["Dense 6 tanh", "Dense 8 ReLU"]
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "1")
    find(window, QComboBox, "activationInput").setCurrentText("linear")
    assert layer_types(window) == ["Dense 6 tanh", "Dense 1 linear"]
    table = find(window, QTableWidget, "layerList")
    assert table.item(0, 3).text() == "18" and table.item(1, 2).text() == "(None, 1)"
    assert play.isEnabled()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 20, timeout=10_000)
    built = window.training.worker.session.network.spec
    assert [(layer.units, layer.activation) for layer in built.layers] == [(6, "tanh"), (1, "linear")]
    window.close()


def test_an_invalid_network_marks_the_layer_and_disables_play(qtbot):
    window = open_window(qtbot)
    select_row(qtbot, window, 2)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "3")
    play = find(window, QPushButton, "playButton")
    message = find(window, QLabel, "networkError").text()
    assert "one output" in message and "layer 3" in message
    assert not play.isEnabled() and play.toolTip() == message
    table = find(window, QTableWidget, "layerList")
    assert table.item(2, 1).background().color().red() == 255 and table.item(2, 1).toolTip() == message
    assert table.item(0, 1).background().style() == Qt.BrushStyle.NoBrush
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "1")
    assert play.isEnabled() and not find(window, QLabel, "networkError").isVisible()


def test_undo_and_redo_restore_the_layer_list(qtbot):
    window = open_window(qtbot)
    original = layer_types(window)
    select_row(qtbot, window, 0)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "12")  # typing "12" is one edit
    select_row(qtbot, window, 1)
    qtbot.keyClick(find(window, QTableWidget, "layerList"), Qt.Key.Key_Delete)
    edited = layer_types(window)
    assert edited == ["Dense 12 tanh", "Dense 1 linear"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer_types(window) == ["Dense 12 tanh", "Dense 2 tanh", "Dense 1 linear"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer_types(window) == original
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert layer_types(window) == edited
    click(qtbot, window, "undoButton")
    assert layer_types(window) == ["Dense 12 tanh", "Dense 2 tanh", "Dense 1 linear"]


def test_drag_from_the_palette_and_reorder_by_dragging(qtbot):
    window = open_window(qtbot)
    drop(window, palette_data(window, "Dropout"), 1, 0.2)  # the top of row 2: before it
    assert layer_types(window) == ["Dense 4 tanh", "Dropout 0.5", "Dense 2 tanh", "Dense 1 linear"]
    drop(window, palette_data(window, "Tanh"), -1, 0.0)  # below every row: at the end
    assert layer_types(window)[-1] == "tanh"
    table = find(window, QTableWidget, "layerList")
    row_data = table.mimeData([table.item(1, 0)])  # drag the dropout row ...
    drop(window, row_data, 0, 0.2)  # ... to the top
    assert layer_types(window)[:2] == ["Dropout 0.5", "Dense 4 tanh"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer_types(window)[:2] == ["Dense 4 tanh", "Dropout 0.5"]


def test_layers_go_inside_a_residual_block(qtbot):
    window = open_window(qtbot)
    select_row(qtbot, window, 1)
    pick_palette(qtbot, window, "Residual")
    click(qtbot, window, "addLayerButton")
    table = find(window, QTableWidget, "layerList")
    assert layer_types(window)[2:4] == ["Residual", "Dense 2 ReLU"]  # its inner layer keeps the width
    assert table.item(3, 0).text() == "    3.1"
    drop(window, palette_data(window, "BatchNorm"), 2, 0.5)  # the middle of the block: inside it
    assert layer_types(window)[2:5] == ["Residual", "Dense 2 ReLU", "BatchNorm"]
    assert find(window, QPushButton, "playButton").isEnabled()
    select_row(qtbot, window, 3)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "5")
    assert "residual block must give back" in find(window, QLabel, "networkError").text()
    assert table.item(2, 1).background().color().red() == 255  # the block, which the message names


def test_keyboard_moves_and_the_loss_selector(qtbot):
    window = open_window(qtbot)
    select_row(qtbot, window, 1)
    table = find(window, QTableWidget, "layerList")
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert layer_types(window) == ["Dense 2 tanh", "Dense 4 tanh", "Dense 1 linear"]
    assert table.currentRow() == 0
    loss = find(window, QComboBox, "lossSelector")
    loss.setCurrentText("cross-entropy")
    assert "cross-entropy needs 2 or more" in find(window, QLabel, "networkError").text()
    loss.setCurrentText("mean squared error")
    assert "The mean squared error loss does not fit data of two classes" in find(window, QLabel, "networkError").text()
    loss.setCurrentText("binary cross-entropy")
    assert not find(window, QLabel, "networkError").isVisible()


def test_other_data_fits_the_output_layer(qtbot):
    window = open_window(qtbot)
    window.change_data({"name": "iris"})
    assert window.dataset.name == "iris"
    assert layer_types(window)[-1] == "Dense 3 linear"
    assert find(window, QComboBox, "lossSelector").currentText() == "cross-entropy"
    assert find(window, QTableWidget, "layerList").item(0, 3).text() == "20"  # (4 + 1) * 4
    assert find(window, QPushButton, "playButton").isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the fit is an edit
    assert "does not fit data of 3 classes" in find(window, QLabel, "networkError").text()
    find(window, QComboBox, "lossSelector").setCurrentText("cross-entropy")
    select_row(qtbot, window, 2)
    type_into(qtbot, find(window, QSpinBox, "unitsInput"), "2")
    assert "The data has 3 classes" in find(window, QLabel, "networkError").text()


def test_an_image_set_not_downloaded_is_not_loaded_and_says_how(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))  # an empty data folder
    window = open_window(qtbot)
    before = window.dataset
    window.change_data({"name": "mnist", "normalize": "unit"})
    assert window.dataset is before and window.preset.dataset["name"] == "circle"
    assert "not downloaded yet" in window.statusBar().currentMessage()
    assert window.data_panel.selector.currentData() == "circle"


def test_the_network_view_follows_edits_and_draws_nothing_for_an_invalid_network(qtbot):
    window = open_window(qtbot)
    view = window.network_view
    click(qtbot, window, "addLayerButton")  # a Dense 8 ReLU before the output layer
    assert view.diagram is not None and "4" in view.diagram.columns
    find(window, QComboBox, "lossSelector").setCurrentText("cross-entropy")  # one output cannot take it
    assert view.diagram is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.diagram is not None
