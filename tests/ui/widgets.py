"""Finding a window's widgets by their stable objectName, and its menus' actions by their titles, and clicking
them, as the tests do."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def find(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(qtbot, window, name):
    qtbot.mouseClick(find(window, QPushButton, name), Qt.MouseButton.LeftButton)


def menu_action(window, *path):
    """The action at the end of a path of menu titles, as the menu bar shows them."""
    actions = window.menuBar().actions()
    for title in path[:-1]:
        actions = next(action.menu() for action in actions if action.text() == title).actions()
    return next(action for action in actions if action.text() == path[-1])
