"""SVG export of plots drawn by Qt itself, offered in pyqtgraph's Export dialog beside its own.

pyqtgraph 0.14's SVG exporter cannot read the path data that Qt 6.11 writes (pyqtgraph issue
#3485: it expects "x,y" pairs) and fails on every plot. This exporter lets Qt's QSvgGenerator
draw the plot's scene, which keeps lines and text as vectors.

The generator's resolution is the one a QPicture records at (the screen's logical DPI), as
pyqtgraph's own exporter sets it: the axes are drawn from QPictures, which a painter scales by the
ratio of the two when it plays them back, so at QSvgGenerator's default 72 DPI the axes came out
at three quarters of their size while the curves did not, and sat out of line with them.

Qt writes a curve in its data's coordinates inside a group that scales them to the plot, its pen kept
thin by `vector-effect="non-scaling-stroke"`; renderers that ignore that (ImageMagick, some editors)
scale the pen too, a hundred times as wide. So the lines and paths of a scaled group are written in
the picture's coordinates, as pyqtgraph's exporter also does, and its other shapes carry its transform.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from pyqtgraph.exporters import Exporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter, QPicture
from PySide6.QtSvg import QSvgGenerator

SVG, XLINK = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
Matrix = tuple[float, float, float, float, float, float]


class QtSVGExporter(Exporter):
    Name = "Scalable Vector Graphics (SVG, drawn by Qt)"
    allowCopy = False

    def parameters(self) -> None:
        return None

    def export(self, fileName: str | None = None, toBytes: bool = False, copy: bool = False) -> None:  # noqa: N803
        if fileName is None:
            self.fileSaveDialog(filter=["*.svg"])  # calls export again with the chosen name
            return
        source = self.getSourceRect()
        drawn = QByteArray()
        buffer = QBuffer(drawn)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(QPicture().logicalDpiX())  # the axes' QPictures play back at their own size
        generator.setSize(QSize(int(source.width()), int(source.height())))
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(Path(fileName).stem)
        painter = QPainter(generator)
        try:
            self.setExportMode(True, {"painter": painter})
            self.getScene().render(painter, QRectF(0, 0, source.width(), source.height()), QRectF(source))
        finally:
            self.setExportMode(False)
            painter.end()
        Path(fileName).with_suffix(".svg").write_bytes(lines_in_picture_coordinates(bytes(drawn.data())))


def lines_in_picture_coordinates(svg: bytes) -> bytes:
    """`svg` with the polylines and paths of each group that scales them moved into the picture's
    coordinates, the group's other shapes given its transform, and the group left without one."""
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    root = ElementTree.fromstring(svg)
    for group in root.iter(f"{{{SVG}}}g"):
        matrix = _matrix(group.get("transform", ""))
        lines = group.findall(f"{{{SVG}}}polyline") + group.findall(f"{{{SVG}}}path")
        if matrix is None or matrix[:4] == (1, 0, 0, 1) or not lines:
            continue  # no transform, a translation, or no pen it would scale: left as Qt wrote it
        for shape in group:
            if shape.tag == f"{{{SVG}}}polyline":
                shape.set("points", _mapped(shape.get("points", ""), matrix))
            elif shape.tag == f"{{{SVG}}}path" and re.fullmatch(r"[\sMLCZ\d.,eE+-]*", shape.get("d", "")):
                shape.set("d", _mapped(shape.get("d", ""), matrix))  # absolute points only, as Qt writes them
            else:
                shape.set("transform", f"{group.get('transform')} {shape.get('transform', '')}".strip())
        del group.attrib["transform"]
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ElementTree.tostring(root)


def _matrix(transform: str) -> Matrix | None:
    found = re.fullmatch(rf"\s*matrix\(({NUMBER}),({NUMBER}),({NUMBER}),({NUMBER}),({NUMBER}),({NUMBER})\)\s*",
                         transform)
    return None if found is None else tuple(float(value) for value in found.groups())


def _mapped(points: str, matrix: Matrix) -> str:
    """Each x,y pair of `points` (path commands between them kept) mapped by `matrix`."""
    a, b, c, d, e, f = matrix

    def mapped_pair(found: re.Match) -> str:
        x, y = float(found.group(1)), float(found.group(2))
        return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"
    return re.sub(rf"({NUMBER})[\s,]+({NUMBER})", mapped_pair, points)


QtSVGExporter.register()
