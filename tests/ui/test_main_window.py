"""The first window, driven as a person would: pick a preset, read the layers, check gradients."""

from PySide6.QtCore import Qt

from playground.ui import MainWindow


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def test_opens_on_the_circle_preset_with_its_layers(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    table = window.findChild(type(window.layer_list), "layerList")
    assert "Circle" in window.windowTitle()
    assert table.rowCount() == 3
    assert [cell(table, r, 3) for r in range(3)] == ["12", "10", "3"]
    assert cell(table, 0, 1) == "dense 4 tanh" and cell(table, 2, 2) == "(None, 1)"
    assert "25 parameters" in window.total.text()


def test_choosing_a_preset_shows_its_network(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    selector = window.preset_selector
    selector.setFocus()
    index = selector.findText("digits-mlp")
    qtbot.keyClicks(selector, "digits-mlp")
    assert selector.currentIndex() == index
    table = window.layer_list
    assert [cell(table, r, 3) for r in range(table.rowCount())] == ["13,000", "2,010"]
    assert "Digits" in window.windowTitle()


def test_check_gradients_button_reports_the_errors(qtbot):
    window = MainWindow("residual")
    qtbot.addWidget(window)
    qtbot.mouseClick(window.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.check_results.rowCount() > 0, timeout=30_000)
    names = [cell(window.check_results, r, 0) for r in range(window.check_results.rowCount())]
    assert names[0] == "1.W" and names[-1] == "input" and "2.1.W" in names
    assert all(float(cell(window.check_results, r, 1)) < 1e-6 for r in range(len(names)))
    assert "passed" in window.statusBar().currentMessage()
    qtbot.waitUntil(window.check_button.isEnabled)


def test_the_window_says_where_the_data_comes_from(qtbot):
    window = MainWindow("iris")
    qtbot.addWidget(window)
    assert "Fisher" in window.data_source.text()
    window.preset_selector.setCurrentText("circle")
    assert "Generated from the seed" in window.data_source.text()
