"""Finding a window's widgets by their stable objectName, and its menus' actions by their titles, and clicking
them, as the tests do."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPushButton, QSpinBox


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


def type_stop_at(qtbot, window, text: str) -> None:
    """Type `text` into Stop at epoch and press Enter, as a person sets where training stops."""
    box = find(window, QSpinBox, "stopAtEpochInput")
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


class EventCounter(QObject):
    """Counts the events of one type (paints, layout requests) that the widget it filters receives."""

    def __init__(self, event_type: QEvent.Type) -> None:
        super().__init__()
        self.event_type, self.count = event_type, 0

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == self.event_type:
            self.count += 1
        return False
