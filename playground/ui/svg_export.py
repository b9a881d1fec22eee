"""SVG export of plots drawn by Qt itself, offered in pyqtgraph's Export dialog beside its own.

pyqtgraph 0.14's SVG exporter cannot read the path data that Qt 6.11 writes (pyqtgraph issue
#3485: it expects "x,y" pairs) and fails on every plot. This exporter lets Qt's QSvgGenerator
draw the plot's scene, which keeps lines and text as vectors.

The generator's resolution is the one a QPicture records at (the screen's logical DPI), as
pyqtgraph's own exporter sets it: the axes are drawn from QPictures, which a painter scales by the
ratio of the two when it plays them back, so at QSvgGenerator's default 72 DPI the axes came out
at three quarters of their size while the curves did not, and sat out of line with them.
"""

from __future__ import annotations

from pathlib import Path

from pyqtgraph.exporters import Exporter
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPicture
from PySide6.QtSvg import QSvgGenerator


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
        generator = QSvgGenerator()
        generator.setFileName(str(Path(fileName).with_suffix(".svg")))
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


QtSVGExporter.register()
