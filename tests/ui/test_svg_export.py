"""A plot exported as SVG from its Export dialog, read back: its curves sit on its axes as in the window, and
their pens keep their width in renderers that ignore non-scaling strokes."""

import re
import xml.etree.ElementTree as ElementTree

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from playground.ui.svg_export import QtSVGExporter

SVG = "{http://www.w3.org/2000/svg}"


def polylines(path) -> dict[str, list[numpy.ndarray]]:
    """Each stroke colour's polylines as (points, 2) arrays in the picture's coordinates: Qt's generator
    writes each group's transform once, on the <g> around its shapes."""
    lines: dict[str, list[numpy.ndarray]] = {}
    for group in ElementTree.parse(path).getroot().iter(f"{SVG}g"):
        a, b, c, d, e, f = map(float, re.findall(r"[-\d.e]+", group.get("transform", "matrix(1,0,0,1,0,0)")))
        for line in group.iter(f"{SVG}polyline"):
            points = numpy.array([pair.split(",") for pair in line.get("points").split()], dtype=float)
            x, y = points.T
            lines.setdefault(group.get("stroke"), []).append(numpy.c_[a * x + c * y + e, b * x + d * y + f])
    return lines


def test_an_exported_svg_draws_the_curve_on_the_axes_ticks(qtbot, tmp_path):
    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    plot.resize(500, 350)
    plot.show()
    qtbot.waitExposed(plot)
    plot.plot([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], pen=pg.mkPen("#ff0000", width=2))
    for side, colour in (("bottom", "#0000ff"), ("left", "#00ff00")):
        plot.getAxis(side).setPen(colour)
        plot.getAxis(side).setTicks([[(value, str(value)) for value in range(5)]])

    # As a person does: the plot's context menu, Export..., Qt's SVG, Export, a file name.
    plot.scene().contextMenuItem = plot.getPlotItem().vb
    next(action for action in plot.scene().contextMenu if action.text().startswith("Export")).trigger()
    dialog = plot.scene().exportDialog
    formats = dialog.ui.formatList
    formats.setCurrentItem(next(formats.item(row) for row in range(formats.count())
                                if formats.item(row).text() == QtSVGExporter.Name))
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportBtn"), Qt.MouseButton.LeftButton)
    file_dialog = dialog.currentExporter.fileDialog
    file_dialog.selectFile(str(tmp_path / "plot.svg"))
    file_dialog.accept()
    dialog.close()

    lines = polylines(tmp_path / "plot.svg")
    curve = numpy.concatenate(lines["#ff0000"])  # the points of (0, 0) ... (4, 4), each segment its own line
    ticks_x = sorted(line[0, 0] for line in lines["#0000ff"] if line[0, 0] == line[1, 0])  # the vertical ones
    ticks_y = sorted((line[0, 1] for line in lines["#00ff00"] if line[0, 1] == line[1, 1]), reverse=True)
    assert len(ticks_x) == len(ticks_y) == 5
    numpy.testing.assert_allclose(numpy.unique(curve[:, 0]), ticks_x, atol=0.5)  # x = 0 ... 4 on the ticks 0 ... 4
    numpy.testing.assert_allclose(numpy.unique(curve[:, 1])[::-1], ticks_y, atol=0.5)
    groups = [group for group in ElementTree.parse(tmp_path / "plot.svg").getroot().iter(f"{SVG}g")
              if group.find(f"{SVG}polyline") is not None]
    translation = r"matrix\(1,0,0,1,[-\d.e]+,[-\d.e]+\)"  # what moves lines and leaves their pens as they are
    assert groups and all(re.fullmatch(translation, group.get("transform", "matrix(1,0,0,1,0,0)")) for group in groups)
