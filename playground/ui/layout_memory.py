"""The window's layout: columns of widgets, and the geometry and every splitter remembered between
runs (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QProxyStyle,
    QSplitter,
    QStyle,
    QStyleFactory,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

TAB_PADDING = 12  # pixels beside a tab's title, both sides together: the style's 24 leave eight tabs too wide


class LayoutMemory:
    def __init__(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        """`splitters` by the name each is remembered under."""
        self.window = window
        self.splitters = {f"window/{name}": splitter for name, splitter in splitters.items()}

    def restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        for key, splitter in self.splitters.items():
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    def save(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        for key, splitter in self.splitters.items():
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


class _TightTabs(QProxyStyle):
    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 (Qt's name)
        value = super().pixelMetric(metric, option, widget)
        return min(value, TAB_PADDING) if metric == QStyle.PixelMetric.PM_TabBarTabHSpace else value


def tight_tabs(tabs: QTabWidget) -> None:
    """Tabs with less room beside their titles, in the application's style otherwise, so that a row of many
    fits the output side at 1280 pixels without scrolling."""
    style = _TightTabs(QStyleFactory.create(QApplication.style().name()))  # its own base: a proxy owns it
    style.setParent(tabs)
    tabs.tabBar().setStyle(style)
