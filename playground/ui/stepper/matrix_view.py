"""The stepper's heatmaps: a matrix each, on a diverging colour map centred on 0, with its value under the mouse
and, where the cells are large enough to read, the numbers in them (maps side by side drawn with square pixels and
the cells of the phase outlined).

A heatmap zooms: the wheel magnifies around the pointer until the cells carry their numbers, a drag moves the window
over the matrix, a double click shows it whole again, and its title names the rows and columns in view; the heatmaps
of one shape zoom together (ZoomByShape). The picked cell's outline keeps a least size on screen, so that one weight
of a 784×200 matrix, a third of a pixel high, is still seen.

A view is made once and refilled for every phase with setImage (fixed levels, no autoLevels); the numbers are one
item that paints the cells in view in device pixels, not an item per cell.
"""

from __future__ import annotations

import math

import numpy
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from playground.ui.stepper.notation import Matrix, number
from playground.ui.theme import BOUNDARY_COLORS

LUT = BOUNDARY_COLORS.getLookupTable(nPts=256)  # orange below 0, white at 0, blue above: the app's sign colours
MAX_NUMBERED = 12  # a column of up to this many cells asks for the height to carry its values
MIN_FONT_PX = 8  # below this the numbers are not drawn: the cells are too small to read them
MAX_FONT_PX = 13
FONT_SHARE = 0.7  # of a cell's height that the numbers' font size may take: 8 px in a cell of 11.4, one line with room
MEASURED_AT_PX = 100  # the numbers are measured once at this size; their width grows in proportion to it
MAX_CELL_PX = (90.0, 44.0)  # small matrices are drawn no larger than this per cell, centred in their view
MAX_PIXEL_PX = 44.0  # nor a map's pixels, which stay square
MIN_GRAPHICS_PX = (60, 40)  # the least a heatmap takes, numbers or none
# The wheel zooms in until cells are this large, each axis on its own: wide enough for "−0.0123" and tall enough
# for a line of it, so that a weight and its neighbours read as numbers.
READABLE_CELL_PX = (56.0, 18.0)
MAX_NUMBERS = 4000  # cells in view beyond which no number is drawn: they are too small to hold one
WHEEL_ZOOM = 0.7  # what a notch away from the user leaves of the range: a 784×200 matrix reads in about 12
PICKED_MIN_PX = 9.0  # the picked cell's outline is never smaller on screen than this
DARK_INK, LIGHT_INK = QColor(30, 30, 30), QColor(255, 255, 255)


def cell_text(value: float) -> str:
    """A value in at most about six characters: "0.274", "−0.918", "5.2e−6"; nothing in a gap between maps."""
    if math.isnan(value):
        return ""
    if not math.isfinite(value):
        return str(value)
    if value == 0 or 1e-3 <= abs(value) < 1e3:
        return number(value, 3)
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", "−")


class CellNumbers(pg.GraphicsObject):
    """The values of the cells in view, drawn in screen pixels so that the view's stretching leaves the text
    upright, where the cells are large enough to hold them: a small matrix whole, a large one zoomed in.

    The texts of the cells in view and the widest of them are made once for those cells and kept until the matrix or
    the cells in view change: a view is painted again and again (a phase, a hover, a resize) with the same numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.values: numpy.ndarray = numpy.zeros((0, 0))
        self.level = 1.0
        font = QFont()
        font.setPixelSize(MEASURED_AT_PX)
        self.metrics = QFontMetricsF(font)  # the numbers are measured in the font they are drawn in
        # No number is narrower than one digit: cells narrower than that at MIN_FONT_PX hold none, whatever they hold.
        self.narrowest = self.metrics.horizontalAdvance("0") / MEASURED_AT_PX
        self._texts: tuple[tuple[slice, slice], list[list[str]], float] | None = None  # the cells, texts, widest

    @property
    def rows(self) -> int:
        return self.values.shape[0]

    @property
    def columns(self) -> int:
        return self.values.shape[1]

    def set_matrix(self, values: numpy.ndarray, level: float) -> None:
        self.prepareGeometryChange()
        self.values, self.level, self._texts = values, level, None
        self.update()

    def in_view(self) -> tuple[slice, slice]:
        """The rows and the columns of the cells the view shows, whole or in part."""
        return self.cells_in(self.viewRect())

    def cells_in(self, shown: QRectF | None) -> tuple[slice, slice]:
        """The rows and the columns of the cells in that rectangle of the view (all of them for None)."""
        if shown is None:
            return slice(0, self.rows), slice(0, self.columns)
        def within(low: float, high: float, count: int) -> slice:
            return slice(min(max(math.floor(low), 0), count), min(max(math.ceil(high), 0), count))

        return within(shown.top(), shown.bottom(), self.rows), within(shown.left(), shown.right(), self.columns)

    def visible_texts(self) -> list[list[str]]:
        """The numbers of the cells in view, row by row; none when there are too many to be read."""
        return self._measured(self.in_view())[0]

    def _measured(self, cells: tuple[slice, slice]) -> tuple[list[list[str]], float]:
        """The texts of those cells and the width of the widest per pixel of font size, made once for them."""
        key = (cells[0].start, cells[0].stop), (cells[1].start, cells[1].stop)
        if self._texts is None or self._texts[0] != key:
            shown = self.values[cells]
            texts = [] if shown.size > MAX_NUMBERS else [[cell_text(float(v)) for v in row] for row in shown]
            widest = max((self.metrics.horizontalAdvance(text) for row in texts for text in row), default=0.0)
            self._texts = key, texts, max(widest / MEASURED_AT_PX, 1e-3)  # 1e-3: a matrix all gaps
        return self._texts[1], self._texts[2]

    def font_px(self, cell_width: float, cell_height: float) -> int:
        """The pixel size at which the widest number in view fits a cell, as measured in the font it is drawn in;
        0 where none is drawn."""
        # Too low or too narrow for any number: nothing to write out or measure.
        if FONT_SHARE * cell_height < MIN_FONT_PX or cell_width - 4 < MIN_FONT_PX * self.narrowest:
            return 0
        texts, widest = self._measured(self.in_view())
        if not texts:
            return 0
        return int(min(MAX_FONT_PX, FONT_SHARE * cell_height, (cell_width - 4) / widest))

    @staticmethod
    def readable_height() -> float:
        """The least height of a cell in which the numbers are drawn (at MIN_FONT_PX)."""
        return MIN_FONT_PX / FONT_SHARE

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF(0, 0, self.columns, self.rows)

    def paint(self, painter: QPainter, *args) -> None:
        transform = painter.transform()
        size = self.font_px(abs(transform.m11()), abs(transform.m22()))
        if size < MIN_FONT_PX:
            return
        rows, columns = self.in_view()
        texts = self.visible_texts()
        # White ink where the cell's own colour is dark (deep blue), dark ink elsewhere (orange is light).
        shown = self.values[rows, columns]
        index = ((numpy.nan_to_num(numpy.clip(shown / self.level, -1, 1)) + 1) * 127.5).astype(int)
        light = LUT[index, :3] @ numpy.array([0.299, 0.587, 0.114]) < 140
        painter.save()
        painter.resetTransform()
        font = QFont()  # the font the numbers were measured in
        font.setPixelSize(size)
        painter.setFont(font)
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                painter.setPen(LIGHT_INK if light[r, c] else DARK_INK)
                cell = QRectF(columns.start + c, rows.start + r, 1, 1)
                painter.drawText(transform.mapRect(cell), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class PickedCell(pg.GraphicsObject):
    """The outline of the picked cell, drawn in screen pixels and never smaller than PICKED_MIN_PX, dark with a
    light halo, so that it shows on any colour and on a cell a fraction of a pixel high."""

    def __init__(self) -> None:
        super().__init__()
        self.cell = QRectF(0, 0, 1, 1)

    def set_cell(self, row: int, column: int) -> None:
        self.prepareGeometryChange()
        self.cell = QRectF(column, row, 1, 1)
        self.update()

    def rect(self) -> QRectF:
        return QRectF(self.cell)

    def on_screen(self, transform) -> QRectF:
        """The outline in device pixels, grown about the cell's centre to PICKED_MIN_PX where the cell is smaller."""
        drawn = transform.mapRect(self.cell)
        grow_x, grow_y = max(PICKED_MIN_PX - drawn.width(), 0) / 2, max(PICKED_MIN_PX - drawn.height(), 0) / 2
        return drawn.adjusted(-grow_x, -grow_y, grow_x, grow_y)

    def viewTransformChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        super().viewTransformChanged()
        if self.isVisible():  # set_cell makes the bounds anew before it is shown
            self.prepareGeometryChange()  # the outline's least size is in pixels: in cells it changes with the zoom

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        device = self.deviceTransform_()
        if device is None:
            return self.rect()
        outline = self.on_screen(device).adjusted(-3, -3, 3, 3)  # and the halo's width
        return device.inverted()[0].mapRect(outline)

    def paint(self, painter: QPainter, *args) -> None:
        outline = self.on_screen(painter.transform())
        painter.save()
        painter.resetTransform()
        painter.setPen(QPen(LIGHT_INK, 4.5))
        painter.drawRect(outline)
        painter.setPen(QPen(DARK_INK, 2.5))
        painter.drawRect(outline)
        painter.restore()


class MatrixBox(pg.ViewBox):
    """A heatmap's view box. The wheel zooms about the pointer, each axis on its own down to the least range set
    (setLimits), so that wide cells of a tall matrix keep growing wider after they are tall enough; a drag pans.
    Where the matrix is shown whole at its readable size already, the wheel is left to the scroll area."""

    def __init__(self) -> None:
        super().__init__(invertY=True, enableMenu=False, defaultPadding=0.0)
        self.least = self.most = (0.0, 0.0)  # the ranges of the view zoomed in fully, and shown whole

    def set_bounds(self, whole: QRectF, least: tuple[float, float]) -> None:
        self.least, self.most = least, (whole.width(), whole.height())
        self.setLimits(xMin=whole.left(), xMax=whole.right(), yMin=whole.top(), yMax=whole.bottom(),
                       minXRange=least[0], maxXRange=whole.width(), minYRange=least[1], maxYRange=whole.height())

    @property
    def zoomable(self) -> bool:
        return any(least < most for least, most in zip(self.least, self.most))

    def wheelEvent(self, event, axis=None) -> None:  # noqa: N802 (Qt's name)
        if not self.zoomable:
            event.ignore()
            return
        factor = WHEEL_ZOOM ** (event.delta() / 120)  # 120 to a notch
        pointer = self.mapToView(event.pos())
        ranges = []
        for (low, high), at, least, most in zip(self.viewRange(), (pointer.x(), pointer.y()), self.least, self.most):
            span = min(max((high - low) * factor, least), most)
            low = at - (at - low) / (high - low) * span  # the point under the pointer stays under it
            ranges.append((low, low + span))
        self.setRange(xRange=ranges[0], yRange=ranges[1], padding=0.0)
        event.accept()
        self.sigRangeChangedManually.emit([True, True])


class MatrixView(QWidget):
    """A titled heatmap of one matrix, drawn as written: row i from the top, column j from the left."""

    hovered = Signal(str)  # "z[2, 5] = 0.1234", or "" when the mouse leaves the matrix
    clicked = Signal(int, int)  # the row and column of a clicked cell
    zoomed = Signal(object)  # the part of the matrix a person zoomed or moved to (QRectF), or None for all of it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setToolTip(self.tr("Hover over a cell to read its value. Turn the wheel to zoom in around the "
                                      "pointer until the cells show their numbers, drag to move, double-click to "
                                      "see the whole matrix again."))
        self.graphics = pg.GraphicsView(background=None)
        self.graphics.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.graphics.setMinimumSize(*MIN_GRAPHICS_PX)
        self.box = MatrixBox()
        self.graphics.setCentralItem(self.box)
        self.image = pg.ImageItem(axisOrder="row-major", autoDownsample=True)
        self.image.setLookupTable(LUT)
        self.numbers = CellNumbers()
        self.marker = PickedCell()  # the cell picked: the weight the chain rule takes apart, or the update follows
        self.marker.hide()
        self.outlines: list[QGraphicsRectItem] = []  # the matrix's marks: the patch, window or cell of the phase
        self.box.addItem(self.image)
        self.box.addItem(self.numbers)
        self.box.addItem(self.marker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.graphics, 1)
        self.matrix: Matrix | None = None
        self._shape: tuple[tuple[int, int], bool] | None = None  # the values' shape, and whether its pixels are square
        self.whole = QRectF()  # the range that shows the whole matrix
        self.wanted: QRectF | None = None  # the part of the matrix to show, kept through resizes; None: all of it
        self.box.sigResized.connect(lambda _box: self._fit())
        self.box.sigRangeChanged.connect(lambda *_: self._show_title())
        self.box.sigRangeChangedManually.connect(lambda _axes: self._zoomed_by_hand())
        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._moved)
        scene.sigMouseClicked.connect(self._clicked)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # No more than its least: the grid shares out among the heatmaps the room the texts leave.
        return self.minimumSizeHint()

    def show_matrix(self, matrix: Matrix) -> None:
        """Another matrix; one of the same shape keeps the part of it in view."""
        self.matrix = matrix
        self.image.setImage(matrix.values, autoLevels=False, levels=(-matrix.level, matrix.level))
        self.numbers.set_matrix(matrix.values, matrix.level)
        self.marker.hide()
        while len(self.outlines) < len(matrix.marks):
            outline = QGraphicsRectItem()
            outline.setPen(pg.mkPen(DARK_INK, width=2.0, cosmetic=True))
            self.box.addItem(outline)
            self.outlines.append(outline)
        for k, outline in enumerate(self.outlines):
            outline.setVisible(k < len(matrix.marks))
            if k < len(matrix.marks):
                row, column, rows, columns = matrix.marks[k]
                outline.setRect(QRectF(column, row, columns, rows))
        square = matrix.tiling is not None
        self._make_room_for_numbers(square)
        if (matrix.values.shape, square) != self._shape:
            self._shape, self.whole, self.wanted = (matrix.values.shape, square), QRectF(), None
            self._fit()
        self._show_title()

    def _make_room_for_numbers(self, square: bool) -> None:
        """A column small enough to carry its numbers (a 10×1 gradient, a bias of ten) asks for the height to show
        them, which the grid's rows share out, rather than hiding them behind the hover: a column's cells are as
        wide as they come, its height is what hides them. Wider matrices ask for nothing: two rows of them at the
        height of their numbers would not leave a 1280×720 window room for the stepper's buttons."""
        height = MIN_GRAPHICS_PX[1]
        rows, columns = self.matrix.values.shape
        if columns == 1 and rows <= MAX_NUMBERED and not square:
            height = max(height, math.ceil(rows * self.numbers.readable_height()))
        self.graphics.setMinimumSize(MIN_GRAPHICS_PX[0], height)

    def _fit(self) -> None:
        """The range that shows the whole matrix, except that a small one keeps cells of at most MAX_CELL_PX,
        and how far the wheel may zoom in; then the part wanted."""
        width, height = self.box.width(), self.box.height()
        if self._shape is None or width <= 0 or height <= 0:
            return
        (rows, columns), square = self._shape
        if square:  # maps: square pixels, as large as fit
            cell_width = cell_height = min(width / columns, height / rows, MAX_PIXEL_PX)
            readable = (MAX_PIXEL_PX, MAX_PIXEL_PX)
        else:
            cell_width, cell_height = min(width / columns, MAX_CELL_PX[0]), min(height / rows, MAX_CELL_PX[1])
            readable = READABLE_CELL_PX
        half_x = width / cell_width / 2
        # Centred across, at the top: right under its title.
        self.whole = QRectF(columns / 2 - half_x, 0, 2 * half_x, height / cell_height)
        least = (min(width / max(readable[0], cell_width), self.whole.width()),
                 min(height / max(readable[1], cell_height), self.whole.height()))
        self.box.set_bounds(self.whole, least)
        self._show_wanted()

    def region(self) -> QRectF | None:
        """The part of the matrix in view, or None when it is shown whole."""
        shown = self.box.viewRect()
        whole = self.whole
        if shown.width() >= whole.width() * 0.999 and shown.height() >= whole.height() * 0.999:
            return None
        return shown

    def show_region(self, region: QRectF | None) -> None:
        """Show that part of the matrix (as near as the limits allow), or all of it."""
        if region is None and self.wanted is None or None not in (region, self.wanted) and region == self.wanted:
            return  # shown already: every phase asks each view again, and a range set is a view box's every update
        self.wanted = region
        self._show_wanted()

    def _show_wanted(self) -> None:
        if self.whole.isEmpty():  # not laid out yet: _fit shows it
            return
        shown = self.whole if self.wanted is None else self.wanted
        self.box.setRange(xRange=(shown.left(), shown.right()), yRange=(shown.top(), shown.bottom()), padding=0.0)

    def _zoomed_by_hand(self) -> None:
        self.wanted = self.region()
        self.zoomed.emit(self.wanted)

    def _show_title(self) -> None:
        if self.matrix is None:
            return
        if self.region() is None or self.matrix.tiling is not None:
            self.title.setText(f"{self.matrix.name}  ({self.matrix.shape})")
            return
        # Zoomed in: the rows and columns in view, as an index writes them, in no more room than the shape took.
        rows, columns = self.numbers.cells_in(self.box.viewRect())
        shown = f"{rows.start}–{rows.stop - 1}"
        if not self.matrix.vector:
            shown += f", {columns.start}–{columns.stop - 1}"
        self.title.setText(f"{self.matrix.name}[{shown}]")

    @property
    def cell_px(self) -> tuple[float, float]:
        """The width and height of a cell on screen."""
        shown = self.box.viewRect()
        if shown.width() <= 0 or shown.height() <= 0:
            return 0.0, 0.0
        return self.box.width() / shown.width(), self.box.height() / shown.height()

    def mark(self, row: int, column: int) -> None:
        self.marker.set_cell(row, column)
        self.marker.show()

    @property
    def shows_numbers(self) -> bool:
        """Whether the cells in view carry their values at the view's present size and zoom."""
        return self.numbers.font_px(*self.cell_px) >= MIN_FONT_PX

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        if self.matrix is None:
            return None
        point = self.box.mapSceneToView(scene_pos)
        row, column = int(numpy.floor(point.y())), int(numpy.floor(point.x()))
        rows, columns = self.matrix.values.shape
        return (row, column) if 0 <= row < rows and 0 <= column < columns else None

    def value_text(self, row: int, column: int) -> str:
        """"W[2, 5] = 0.1234", "x_pad[0, 3, 4] = 0.5"; "" in a gap between maps."""
        name = self.matrix.name_at(row, column)
        return "" if name is None else f"{name} = {number(float(self.matrix.values[row, column]))}"

    def _moved(self, scene_pos: QPointF) -> None:
        cell = self.cell_at(scene_pos)
        text = "" if cell is None else self.value_text(*cell)
        # Beside the pointer too, where the eye is: the line under the heatmaps is far from a heatmap at the top.
        if text:
            viewport = self.graphics.viewport()
            QToolTip.showText(viewport.mapToGlobal(self.graphics.mapFromScene(scene_pos)), text, viewport)
        else:
            QToolTip.hideText()
        self.hovered.emit(text)

    def _clicked(self, event) -> None:
        if event.double():
            self.show_region(None)
            self.zoomed.emit(None)
            return
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.clicked.emit(*cell)

