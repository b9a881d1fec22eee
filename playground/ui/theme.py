"""Colours of the plots: the class colours, and text that follows the system's light or dark palette.

The plots draw on a transparent background, so their backgrounds follow the widget palette by
themselves; pyqtgraph's axes, tick labels and legend text take a fixed 'foreground' colour instead,
set here from the palette at start and again whenever the system switches between light and dark.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# TensorFlow Playground's colours: orange for class 0 / negative, blue for class 1 / positive.
ORANGE, WHITE, BLUE = (245, 147, 34), (232, 234, 235), (8, 119, 189)
BOUNDARY_COLORS = pg.ColorMap([0.0, 0.5, 1.0], [ORANGE, WHITE, BLUE])
LEGEND_BACKDROP_ALPHA = 215


def plot_foreground(palette: QPalette | None = None) -> QColor:
    """The colour of axes and plot text: the palette's window text, readable on its window colour."""
    palette = palette if palette is not None else QApplication.palette()
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


def legend_backdrop(palette: QPalette | None = None) -> QBrush:
    """Behind a legend that lies over curves: the palette's window colour, nearly opaque."""
    palette = palette if palette is not None else QApplication.palette()
    color = QColor(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window))
    color.setAlpha(LEGEND_BACKDROP_ALPHA)
    return QBrush(color)


def apply_plot_theme(palette: QPalette | None = None) -> None:
    """Plots made from now on, and every plot already on screen, take their text colour from `palette`
    (default: the application's)."""
    color = plot_foreground(palette)
    pg.setConfigOption("foreground", color)
    views = []
    for top in QApplication.topLevelWidgets():
        if isinstance(top, pg.GraphicsView):
            views.append(top)
        views.extend(top.findChildren(pg.GraphicsView))
    for view in views:
        view.resetCachedContent()  # pyqtgraph caches the background, painted in the old palette's window colour
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                item.setPen(color)
                item.setTextPen(color)
            elif isinstance(item, pg.LegendItem):
                item.setLabelTextColor(color)
                if item.brush().style() != Qt.BrushStyle.NoBrush:  # a backdrop in the old window colour
                    item.setBrush(legend_backdrop(palette))
                for _, label in item.items:
                    label.setText(label.text)  # a label's colour applies on its next setText


def follow_system_theme(app: QGuiApplication) -> None:
    """Colour the plots for the current palette now and after each switch between light and dark."""
    apply_plot_theme()
    # Deferred: whatever order the platform sends the new scheme and the new palette in, read the palette last.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: QTimer.singleShot(0, apply_plot_theme))
