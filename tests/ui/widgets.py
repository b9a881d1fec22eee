"""Finding a window's widgets by their stable objectName and clicking them, as the tests do."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def find(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(qtbot, window, name):
    qtbot.mouseClick(find(window, QPushButton, name), Qt.MouseButton.LeftButton)
