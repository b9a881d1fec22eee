"""The network view. A small network on 2-D data is drawn as TensorFlow Playground draws it:
input features and every unit as a heatmap over the plane, weights as lines coloured by sign
and as wide as their size. Other networks get a block diagram (network_blocks.py).

Items are made once per network in show_network; update_from only sets images and pens.
Scene units are pixels at the nominal size; the view scales the whole picture to fit.

The unit picture is also a place to edit: + and − handles above the columns add and remove
units and hidden layers (what each does, and whether it may, comes from network_handles.py),
and a weight line clicked is selected for the weight editor (weight_editing.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from playground.data import expand_features
from playground.engine import DenseSpec, LayerInfo, NetworkSpec
from playground.errors import SpecError
from playground.session import Snapshot
from playground.session.snapshot_measures import GRID_RESOLUTION, draws_units, grid_points
from playground.ui.coloured_grid import ColouredGrid
from playground.ui.network_blocks import FRAME, BlockDiagram, label, layer_title, place, tr
from playground.ui.theme import BLUE, ORANGE, plot_foreground

MAX_UNITS = 10  # more units in a column and the thumbnails get too small to read
THUMB, UNIT_GAP, COLUMN_PITCH, LABEL_SPACE = 40.0, 12.0, 124.0, 28.0
UNIT_LEVELS = (-1.0, 1.0)  # as TensorFlow Playground: tanh units show their whole range, larger outputs saturate
# Weight line widths as TensorFlow Playground's: from MIN_WIDTH at w = 0 up to MAX_WIDTH at |w| = FULL_WEIGHT.
MIN_WIDTH, MAX_WIDTH, FULL_WEIGHT = 0.6, 9.0, 5.0
POSITIVE, NEGATIVE, LINK = QColor(*BLUE), QColor(*ORANGE), QColor(175, 175, 175)
HIGHLIGHT = {"forward": QColor(46, 160, 67), "backward": QColor(148, 82, 190)}
HIT_PIXELS = 5.0  # how near a weight line the pointer must be to show its tooltip or select it
HANDLE_RADIUS, HANDLE_ROW = 10.0, 28.0  # a + or − handle, and each row of them above the titles
HANDLE_INK, HANDLE_OFF = QColor(60, 60, 60), QColor(190, 190, 190)  # usable, refused
DEFAULT_SIZE = QSize(700, 450)  # what the block diagram is laid out for while the widget is not on screen


@dataclass(frozen=True)
class Handle:
    """A + or − above the unit picture: it adds (sign +1) or removes (-1) a unit of the Dense layer at
    `column`, or a hidden layer when `column` is None. `refusal` says why it cannot be used now."""

    column: str | None
    sign: int
    tip: str
    refusal: str | None = None


def fits_units(infos: list[LayerInfo], features: int) -> bool:
    """Whether snapshots carry every unit over the grid and each column stays readable."""
    sizes = [info.output_size for info in infos]
    return (bool(infos) and 0 < features <= MAX_UNITS and infos[0].input_size == features
            and max(sizes) <= MAX_UNITS and draws_units(sizes))


class UnitDiagram:
    """Columns of unit heatmaps, left to right from the input features, linked by weight lines.

    Activation, dropout, batchnorm and residual layers get columns of their own, linked one to
    one: the builder and the stepper treat them as layers, and each column then shows exactly
    one layer's output and lights up on its own when the stepper reaches it."""

    def __init__(self, spec: NetworkSpec, infos: list[LayerInfo], feature_names: list[str],
                 handles: Sequence[Handle] = ()) -> None:
        self.root = QGraphicsRectItem()
        self.root.setPen(QPen(Qt.PenStyle.NoPen))
        self.feature_names = feature_names
        sizes = [len(feature_names)] + [info.output_size for info in infos]
        paths = ["input"] + [info.path for info in infos]
        titles = [tr("input")] + [layer_title(layer, info) for layer, info in zip(spec.layers, infos)]
        tallest = self._height(max(sizes))
        above = 2 * HANDLE_ROW if handles else 0.0  # a row for the layer handles, one for the units'
        self.units: dict[tuple[str, int], ColouredGrid] = {}
        self.unit_rects: dict[tuple[str, int], QRectF] = {}
        self.columns: dict[str, QRectF] = {}
        self.sizes = dict(zip(paths, sizes))
        self.shapes: dict[str, tuple[int, int]] = {}  # each Dense layer's W
        self.weight_lines: dict[str, list[QGraphicsLineItem]] = {}  # line i * fan_out + j draws W[i, j]
        self._lines: list[QGraphicsLineItem] = []
        self._line_keys: list[tuple[str, int, int]] = []
        self.handles: list[tuple[QRectF, Handle]] = []
        self.selected: tuple[str, int, int] | None = None
        self.halo = QGraphicsLineItem(self.root)
        self.halo.setZValue(-2)  # behind the line it marks
        self.halo.hide()
        previous: list[QRectF] = []
        for column, (path, size, title) in enumerate(zip(paths, sizes, titles)):
            x = column * COLUMN_PITCH
            top = above + LABEL_SPACE + (tallest - self._height(size)) / 2
            rects = [QRectF(x, top + unit * (THUMB + UNIT_GAP), THUMB, THUMB) for unit in range(size)]
            for unit, rect in enumerate(rects):
                self._thumbnail(path, unit, rect)
            self.columns[path] = rects[0].united(rects[-1])
            # Every label on one row above the tallest column, where no line crosses it.
            place(label(title, self.root, color=plot_foreground()), x + THUMB / 2, above + LABEL_SPACE - 8, 0.5, 1.0)
            if column and isinstance(spec.layers[column - 1], DenseSpec):
                self.shapes[path] = (len(previous), size)
                pairs = [(i, j) for i in range(len(previous)) for j in range(size)]
                self.weight_lines[path] = [self._line(previous[i], rects[j], path, i, j) for i, j in pairs]
            elif column:
                for i in range(size):
                    self._line(previous[i], rects[i])
            previous = rects
        self._segments = numpy.array([[line.line().x1(), line.line().y1(), line.line().x2(), line.line().y2()]
                                      for line in self._lines]).reshape(-1, 4)
        features = expand_features(grid_points(2), feature_names).T.reshape(-1, GRID_RESOLUTION, GRID_RESOLUTION)
        for unit, grid in enumerate(features):
            bound = float(numpy.abs(grid).max()) or 1.0  # each feature over its own range: x1 to ±6, x1² to 36
            self.units[("input", unit)].set_values(grid, (-bound, bound))
        margin = (COLUMN_PITCH - THUMB) / 2  # room for labels wider than their column
        self.bounds = QRectF(-margin, 0, (len(sizes) - 1) * COLUMN_PITCH + THUMB + 2 * margin,
                             above + LABEL_SPACE + tallest)
        hidden = sum(isinstance(layer, DenseSpec) for layer in spec.layers) - 1  # every Dense layer but the output
        self._draw_handles(handles, tr("{0} hidden layers").format(hidden) if hidden != 1 else tr("1 hidden layer"))

    def _draw_handles(self, handles: Sequence[Handle], caption: str) -> None:
        """Each column's pair on the row above the titles; the layers' pair and caption on the row above
        that, in the middle, as TensorFlow Playground has them."""
        text = label(caption, self.root, color=plot_foreground())
        text.setVisible(any(handle.column is None for handle in handles))
        pair = 4 * HANDLE_RADIUS + 6
        start = self.bounds.center().x() - (pair + 8 + text.boundingRect().width()) / 2
        place(text, start + pair + 8, HANDLE_ROW / 2, 0.0, 0.5)
        for handle in handles:
            offset = (HANDLE_RADIUS + 3) * (-1 if handle.sign > 0 else 1)  # + on the left, − on the right
            if handle.column is None:
                center = QPointF(start + pair / 2 + offset, HANDLE_ROW / 2)
            elif handle.column in self.columns:
                center = QPointF(self.columns[handle.column].center().x() + offset, 1.5 * HANDLE_ROW)
            else:
                continue
            rect = QRectF(center.x() - HANDLE_RADIUS, center.y() - HANDLE_RADIUS, 2 * HANDLE_RADIUS, 2 * HANDLE_RADIUS)
            ink = HANDLE_INK if handle.refusal is None else HANDLE_OFF
            button = QGraphicsEllipseItem(rect, self.root)
            button.setPen(QPen(ink, 1.2))
            button.setBrush(QBrush(QColor(255, 255, 255)))
            place(label("+" if handle.sign > 0 else "−", button, size=18, color=ink), center.x(), center.y() - 1)
            self.handles.append((rect, handle))

    @staticmethod
    def _height(units: int) -> float:
        return units * THUMB + (units - 1) * UNIT_GAP

    def _thumbnail(self, path: str, unit: int, rect: QRectF) -> None:
        image = ColouredGrid()  # row 0 is the plane's top, drawn at the top
        image.setParentItem(self.root)
        image.set_values(numpy.zeros((GRID_RESOLUTION, GRID_RESOLUTION), numpy.float32), UNIT_LEVELS)
        image.setRect(rect)  # after setImage: the rect scales by the image's size
        frame = QGraphicsRectItem(rect, self.root)
        frame.setPen(QPen(FRAME, 0.8))
        frame.setZValue(1)
        self.units[(path, unit)] = image
        self.unit_rects[(path, unit)] = rect

    def _line(self, source: QRectF, target: QRectF, path: str | None = None, i: int = 0,
              j: int = 0) -> QGraphicsLineItem:
        line = QGraphicsLineItem(source.right(), source.center().y(), target.left(), target.center().y(), self.root)
        line.setPen(QPen(LINK, 1.0))
        line.setZValue(-1)  # behind the thumbnails
        if path is not None:
            self._lines.append(line)
            self._line_keys.append((path, i, j))
        return line

    def update_from(self, snapshot: Snapshot) -> None:
        # A snapshot of the network shown before may still arrive: draw only what has this shape.
        for path, grids in snapshot.neuron_grids.items():
            if grids.shape != (self.sizes.get(path), GRID_RESOLUTION, GRID_RESOLUTION):
                continue
            for unit, grid in enumerate(grids):
                self.units[(path, unit)].set_values(grid, UNIT_LEVELS)
        for path, lines in self.weight_lines.items():
            weights = snapshot.weights.get(path)
            if weights is None or weights.shape != self.shapes[path]:
                continue
            flat = numpy.nan_to_num(weights.ravel())  # row-major: matches the order of the lines
            widths = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * numpy.minimum(numpy.abs(flat) / FULL_WEIGHT, 1.0)
            for line, weight, width in zip(lines, flat.tolist(), widths.tolist()):
                line.setPen(QPen(POSITIVE if weight >= 0 else NEGATIVE, width))
        self.select(self.selected)  # the halo follows its line's new width

    def layer_rect(self, path: str) -> QRectF | None:
        return self.columns.get(path)

    def unit_at(self, pos: QPointF) -> tuple[str, int] | None:
        return next((key for key, rect in self.unit_rects.items() if rect.contains(pos)), None)

    def handle_at(self, pos: QPointF) -> Handle | None:
        return next((handle for rect, handle in self.handles if rect.adjusted(-2, -2, 2, 2).contains(pos)), None)

    def line_at(self, pos: QPointF, pixel: float) -> tuple[str, int, int] | None:
        """(layer path, i, j) of the weight line within HIT_PIXELS screen pixels of `pos`, the nearest one;
        found when asked rather than by an item per line that listens for the pointer."""
        if not self._lines:
            return None
        start, delta = self._segments[:, :2], self._segments[:, 2:] - self._segments[:, :2]
        point = numpy.array([pos.x(), pos.y()])
        share = numpy.clip(((point - start) * delta).sum(axis=1) / (delta * delta).sum(axis=1), 0.0, 1.0)
        distance = numpy.hypot(*(start + share[:, None] * delta - point).T)
        k = int(distance.argmin())
        if distance[k] > HIT_PIXELS * pixel + self._lines[k].pen().widthF() / 2:
            return None
        return self._line_keys[k]

    def select(self, key: tuple[str, int, int] | None) -> None:
        """Mark weight line (layer path, i, j) with a halo; None, or a line not drawn here, marks none."""
        self.selected = key if key in self._line_keys else None
        self.halo.setVisible(self.selected is not None)
        if self.selected is not None:
            line = self._lines[self._line_keys.index(self.selected)]
            self.halo.setLine(line.line())
            color = plot_foreground()
            color.setAlpha(110)  # a shadow on a light background, a glow on a dark one
            pen = QPen(color, line.pen().widthF() + 8)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            self.halo.setPen(pen)

    def tooltip(self, pos: QPointF, pixel: float, snapshot: Snapshot | None) -> str | None:
        unit = self.unit_at(pos)
        if unit is not None:
            path, index = unit
            # Counted from 1, as the big view's caption names the unit under the pointer at the same time.
            if path == "input":
                return tr("input feature {0}, {1}: click to inspect").format(index + 1, self.feature_names[index])
            return tr("layer {0}, unit {1}: click to inspect").format(path, index + 1)
        handle = self.handle_at(pos)
        if handle is not None:
            return handle.refusal or handle.tip
        key = self.line_at(pos, pixel)
        if key is None:
            return None
        path, i, j = key
        if snapshot is None or snapshot.weights.get(path, numpy.empty(0)).shape != self.shapes[path]:
            return tr("layer {0}: W[{1}, {2}]").format(path, i, j)
        weight, grads = snapshot.weights[path][i, j], snapshot.weight_grads.get(path)
        if grads is None:  # no step has computed a gradient yet
            return tr("layer {0}: W[{1}, {2}] = {3}\n∂L/∂W: no step yet\nclick to edit").format(
                path, i, j, f"{weight:.4g}")
        return tr("layer {0}: W[{1}, {2}] = {3}\n∂L/∂W[{1}, {2}] = {4}\nclick to edit").format(
            path, i, j, f"{weight:.4g}", f"{grads[i, j]:.3g}")


class _Canvas(pg.GraphicsView):
    """A fixed view, no pan or zoom, that fits its range to its size and asks for tooltip text
    only when a tooltip is due."""

    def __init__(self, tooltip: Callable[[QPointF, float], str | None]) -> None:
        super().__init__(background=None)
        self.setAspectLocked(True)
        self.setAntialiasing(True)
        self._tooltip = tooltip

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self._tooltip(self.mapToScene(event.pos()), self.pixel())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def pixel(self) -> float:
        """One screen pixel in scene units."""
        return 1.0 / max(self.transform().m11(), 1e-9)


class NetworkView(QWidget):
    """The NETWORK panel's picture of the network, fed from snapshots."""

    neuron_selected = Signal(str, int)  # (layer path or "input", unit or feature index)
    neuron_hovered = Signal(str, int)  # the unit under the pointer, as neuron_selected; ("", -1) when none is
    handle_clicked = Signal(object)  # a usable Handle
    weight_selected = Signal(str, int, int)  # (layer path, i, j) of W[i, j]; ("", -1, -1) when none is

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.canvas = _Canvas(self._tooltip)
        self.canvas.scene().sigMouseClicked.connect(self._clicked)
        self.canvas.scene().sigMouseMoved.connect(self._moved)
        self._hovered: tuple[str, int] | None = None
        self.outline = QGraphicsRectItem()
        self.outline.setZValue(10)
        self.outline.hide()
        self.canvas.scene().addItem(self.outline)
        # The direction of the phase: into the layer from the left going forward, from the right going back.
        self.phase_arrow = pg.ArrowItem(headLen=22, tailLen=18, tailWidth=7, pen=None)
        self.phase_arrow.setZValue(11)
        self.phase_arrow.hide()
        self.canvas.scene().addItem(self.phase_arrow)
        self.diagram: UnitDiagram | BlockDiagram | None = None
        self._latest: Snapshot | None = None
        self._shown: tuple[NetworkSpec, list[str], bool, Sequence[Handle]] | None = None
        self.selected_weight: tuple[str, int, int] | None = None
        self._size: QSize | None = None  # known from the first resize; laid out for DEFAULT_SIZE until then
        self._lit: tuple[str, str] | None = None  # the layer outlined, and in which direction
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def show_network(self, spec: NetworkSpec, feature_names: list[str], planar: bool,
                     handles: Sequence[Handle] = ()) -> None:
        """Build the picture for a network and its data; `planar`: the data are 2-D points. `handles`
        go above the columns when the network is drawn unit by unit. The selected weight stays selected
        when the picture is built again for the same network (a run cleared), not for another one."""
        same = self._shown is not None and self._shown[0] is spec
        self._shown = (spec, feature_names, planar, handles)
        if self.diagram is not None:
            self.canvas.scene().removeItem(self.diagram.root)
        self.diagram, self._latest = None, None
        self.outline.hide()
        try:
            infos = [info for info in spec.validate() if "." not in info.path]
        except SpecError:
            self.select_weight(None)
            return  # the layer builder says what to fix; nothing to draw until then
        if planar and fits_units(infos, len(feature_names)):
            self.diagram = UnitDiagram(spec, infos, feature_names, handles)
        else:
            size = self._size or DEFAULT_SIZE
            self.diagram = BlockDiagram(spec, infos, size.width(), size.height())
        self.canvas.scene().addItem(self.diagram.root)
        self.canvas.setRange(self.diagram.bounds, padding=0.03)
        self.select_weight(self.selected_weight if same else None)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._size = event.size()
        # Blocks wrap into rows to suit the widget's shape: lay them out again for the new one.
        if isinstance(self.diagram, BlockDiagram) and self._shown is not None:
            latest, lit = self._latest, self._lit
            self.show_network(*self._shown)
            if latest is not None:
                self.update_from(latest)
            if lit is not None:  # the stepper's layer stays lit as the window makes room for it
                self.highlight_layer(*lit)

    def update_from(self, snapshot: Snapshot) -> None:
        """Show a snapshot's units, weights or gradient norms; cheap enough for every redraw."""
        if self.diagram is None or snapshot is self._latest:
            return
        self._latest = snapshot
        self.diagram.update_from(snapshot)

    def clear_run(self) -> None:
        """The network's picture without any run's units, weights or gradients."""
        if self._shown is not None:
            self.show_network(*self._shown)

    def highlight_layer(self, path: str | None, phase: str = "forward") -> None:
        """Outline a layer's column or block ("forward" or "backward" colour); None clears.
        A layer inside a residual block outlines the block."""
        self._lit = None if path is None else (path, phase)
        rect = None if path is None or self.diagram is None else self.diagram.layer_rect(path.split(".")[0])
        if rect is None:
            self.outline.hide()
            self.phase_arrow.hide()
            return
        self.outline.setRect(rect.adjusted(-5, -5, 5, 5))
        self.outline.setPen(QPen(HIGHLIGHT[phase], 3.0))
        self.outline.show()
        forward = phase == "forward"
        # ArrowItem's angle 0 points left; its tip sits at its position.
        self.phase_arrow.setStyle(angle=180 if forward else 0, brush=HIGHLIGHT[phase])
        self.phase_arrow.setPos(rect.left() - 6 if forward else rect.right() + 6, rect.center().y())
        self.phase_arrow.show()

    def input_grid(self, feature: int) -> numpy.ndarray | None:
        """Input feature number `feature` over the plane, as its thumbnail shows it."""
        if not isinstance(self.diagram, UnitDiagram) or ("input", feature) not in self.diagram.units:
            return None
        return self.diagram.units[("input", feature)].values

    def _moved(self, scene_pos: QPointF) -> None:
        unit = None if self.diagram is None else self.diagram.unit_at(scene_pos)
        if unit != self._hovered:
            self._hovered = unit
            self.neuron_hovered.emit(*(unit or ("", -1)))

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().leaveEvent(event)
        self._moved(QPointF(math.inf, math.inf))

    def select_weight(self, key: tuple[str, int, int] | None) -> None:
        """Select weight line (layer path, i, j), or none; says so in weight_selected when that changes."""
        diagram = self.diagram if isinstance(self.diagram, UnitDiagram) else None
        if diagram is not None:
            diagram.select(key)
        selected = None if diagram is None else diagram.selected
        if selected != self.selected_weight:
            self.selected_weight = selected
            self.weight_selected.emit(*(selected or ("", -1, -1)))

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.diagram is None:
            return
        pos = event.scenePos()
        unit = self.diagram.unit_at(pos)
        if unit is not None:
            self.neuron_selected.emit(*unit)
            return
        if not isinstance(self.diagram, UnitDiagram):
            return
        handle = self.diagram.handle_at(pos)
        if handle is not None:
            if handle.refusal is None:  # after the scene has dealt with the click: the edit rebuilds the picture
                QTimer.singleShot(0, lambda: self.handle_clicked.emit(handle))
            return
        self.select_weight(self.diagram.line_at(pos, self.canvas.pixel()))  # a click beside every line selects none

    def _tooltip(self, pos: QPointF, pixel: float) -> str | None:
        return None if self.diagram is None else self.diagram.tooltip(pos, pixel, self._latest)
