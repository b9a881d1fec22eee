"""The window's layout: columns of widgets, and the geometry and every splitter remembered between
runs (QSettings, in a mixin of MainWindow)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget


class LayoutMemory(QMainWindow):
    splitter: QSplitter
    network_splitter: QSplitter
    output_splitter: QSplitter

    def _splitters(self) -> dict[str, QSplitter]:
        return {"window/splitter": self.splitter, "window/network_splitter": self.network_splitter,
                "window/output_splitter": self.output_splitter}

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in self._splitters().items():
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        for key, splitter in self._splitters().items():
            settings.setValue(key, splitter.saveState())


def column(*widgets: QWidget) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return column


def splitter_of(orientation: Qt.Orientation, *widgets: QWidget) -> QSplitter:
    """Widgets side by side or one above the other, none of which can be dragged (or restored) below its
    minimum size: a column squeezed to nothing would stay so from run to run."""
    splitter = QSplitter(orientation)
    for widget in widgets:
        splitter.addWidget(widget)
    splitter.setChildrenCollapsible(False)
    return splitter
