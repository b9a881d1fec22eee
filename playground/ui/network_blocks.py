"""The network as a block diagram, for networks too large or data too wide to draw unit by unit:
one block per top-level layer, coloured by its live weight-gradient norm on a log scale. A layer
that gives images (a Conv2D, a pooling layer) and an input of images are drawn as a stack of
feature maps: cards behind the block, one per map up to a few.

Scene units are pixels at the nominal size; the view scales the whole picture to fit.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from playground.engine import LayerInfo, NetworkSpec
from playground.session import Snapshot
from playground.ui.theme import plot_foreground
from playground.ui.translation import tr
from playground.words import term

BLOCK_W, BLOCK_H, GAP_X, GAP_Y = 150.0, 66.0, 44.0, 46.0
LEGEND_H, LEGEND_SPAN = 56.0, 280.0  # the legend under the blocks, at its nominal size
READABLE_SCALE = 0.95  # drawn smaller than this, block text falls under 11 pixels
FONT_PX = 12
INK, FRAME, NO_WEIGHTS = QColor(40, 40, 40), QColor(90, 90, 90), QColor(250, 250, 250)
# ‖∂L/∂W‖ from 1e-6 (a vanished gradient) to 1e2 (an exploding one) on viridis, lightened for black text.
LOG_RANGE = (-6, 2)
GRAD_STOPS = [(stop, tuple(int(255 - 0.6 * (255 - c)) for c in pg.colormap.get("viridis").map(stop, mode="byte")[:3]))
              for stop in (0.0, 0.25, 0.5, 0.75, 1.0)]
GRAD_COLORS = pg.ColorMap([stop for stop, _ in GRAD_STOPS], [color for _, color in GRAD_STOPS])
MAX_CARDS, CARD_OFFSET = 4, 5.0  # a stack of feature maps: at most this many cards, each this far up and right


def layer_title(layer: Any, info: LayerInfo) -> str:
    """A layer as the builder names it: "Dense 4 tanh", "Dropout 0.5", or an activation's function."""
    if info.type == "dense":
        return tr("Dense {0} {1}").format(layer.units, term(layer.activation))
    if info.type == "dropout":
        return tr("Dropout {0}").format(f"{layer.rate:g}")
    if info.type == "batchnorm":
        return tr("BatchNorm")
    if info.type == "residual":
        return tr("Residual")
    if info.type == "conv2d":
        return tr("Conv2D {0} {1}×{1} {2}").format(layer.filters, layer.kernel, term(layer.activation))
    if info.type in ("maxpool2d", "avgpool2d"):
        name = tr("MaxPool") if info.type == "maxpool2d" else tr("AvgPool")
        return f"{name} {layer.size}×{layer.size}"
    if info.type == "flatten":
        return tr("Flatten")
    if info.type == "globalavgpool":
        return tr("GlobalAvgPool")
    return term(info.type)  # an activation layer: relu, tanh, softmax...


def shape_line(shape: tuple[int, ...]) -> str:
    """A block's output: "(None, 10)", or images as maps: "16 maps of 8×8"."""
    if len(shape) == 3:
        maps = tr("1 map") if shape[0] == 1 else tr("{0} maps").format(shape[0])
        return tr("{0} of {1}×{2}").format(maps, shape[1], shape[2])
    return "(" + ", ".join([tr("None"), *map(str, shape)]) + ")"


def label(text: str, parent: QGraphicsItem, size: int = FONT_PX, color: QColor = INK) -> QGraphicsSimpleTextItem:
    """Text in scene units, so that it scales with the picture. Text on the background takes the
    palette's text colour (light or dark); text inside the light blocks stays dark. It is repainted from Qt's pixmap
    of it: a block takes a new colour at nearly every snapshot, and laying out and drawing the three lines of text on
    it again was a twentieth of the GUI thread's work a snapshot, which the training thread waits for."""
    item = QGraphicsSimpleTextItem(text, parent)
    font = QFont()
    font.setPixelSize(size)
    item.setFont(font)
    item.setBrush(color)
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return item


def place(item: QGraphicsSimpleTextItem, x: float, y: float, anchor_x: float = 0.5, anchor_y: float = 0.5) -> None:
    """Put the text's anchor point (0..1 of its width and height) at (x, y)."""
    box = item.boundingRect()
    item.setPos(x - anchor_x * box.width(), y - anchor_y * box.height())


def has_weights(layer: Any) -> bool:
    """A Dense or Conv2D layer, or a block with one inside."""
    return layer.type in ("dense", "conv2d") or any(has_weights(inner) for inner in getattr(layer, "layers", []))


def grad_color(norm: float | None) -> QColor:
    if norm is None or not math.isfinite(norm):
        return NO_WEIGHTS
    low, high = LOG_RANGE
    share = (math.log10(max(norm, 1e-30)) - low) / (high - low)
    return GRAD_COLORS.map(min(max(share, 0.0), 1.0), mode="qcolor")


def power_of_ten(exponent: int) -> str:
    return "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def arrow(points: list[QPointF], parent: QGraphicsItem) -> None:
    """A polyline through the points with a head at the last one."""
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    line = QGraphicsPathItem(path, parent)
    line.setPen(QPen(FRAME, 1.5))
    tip, before = points[-1], points[-2]
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    wing = [QPointF(tip.x() - 9 * math.cos(angle + s), tip.y() - 9 * math.sin(angle + s)) for s in (0.4, -0.4)]
    head = QGraphicsPolygonItem(QPolygonF([tip, *wing]), parent)
    head.setPen(QPen(Qt.PenStyle.NoPen))
    head.setBrush(FRAME)


def extent(count: int, columns: int, width_px: float) -> tuple[float, float, float]:
    """The diagram's width and height with this many blocks per row, and the legend's scale: a
    diagram wider than the widget shrinks to fit, and the legend grows by as much to stay legible."""
    rows = math.ceil(count / columns)
    width = columns * BLOCK_W + (columns - 1) * GAP_X
    legend_scale = max(1.0, width / width_px)
    return width, rows * (BLOCK_H + GAP_Y) - GAP_Y + LEGEND_H * legend_scale, legend_scale


def best_columns(count: int, width_px: float, height_px: float) -> int:
    """Blocks per row: the fewest rows (so the chain reads left to right) that keep the text readable
    in a widget this size; failing that, whatever draws the diagram largest."""
    def scale(columns: int) -> float:
        width, height, _ = extent(count, columns, width_px)
        return min(width_px / width, height_px / height)
    readable = [columns for columns in range(1, count + 1) if scale(columns) >= READABLE_SCALE]
    return max(readable) if readable else max(range(1, count + 1), key=scale)


class BlockDiagram:
    def __init__(self, spec: NetworkSpec, infos: list[LayerInfo], width_px: float, height_px: float) -> None:
        """`infos`: the top-level layers' LayerInfo, in order; the blocks wrap to fit a widget this size."""
        self.root = QGraphicsRectItem()
        self.root.setPen(QPen(Qt.PenStyle.NoPen))
        entries = [("input", tr("input"), tuple(spec.input_shape), None)]
        entries += [(info.path, layer_title(layer, info), info.output_shape, info.parameter_count)
                    for layer, info in zip(spec.layers, infos)]
        # Dense and Conv2D layers, and blocks with one inside: a block takes the colour of all its weights together.
        self._weighted = {info.path for layer, info in zip(spec.layers, infos) if has_weights(layer)}
        self._kernels = {info.path for info in infos if info.type == "conv2d"}
        columns = best_columns(len(entries), width_px, height_px)
        self.blocks: dict[str, QGraphicsRectItem] = {}
        self.rects: dict[str, QRectF] = {}  # each block with the cards of its stack
        self.stacks: dict[str, list[QGraphicsRectItem]] = {}  # the cards behind a block of feature maps
        previous: QRectF | None = None
        for k, (path, title, shape, parameters) in enumerate(entries):
            row, column = divmod(k, columns)
            rect = QRectF(column * (BLOCK_W + GAP_X), row * (BLOCK_H + GAP_Y), BLOCK_W, BLOCK_H)
            cards = min(shape[0], MAX_CARDS) - 1 if len(shape) == 3 else 0
            self.stacks[path] = [self._card(rect.translated(CARD_OFFSET * n, -CARD_OFFSET * n))
                                 for n in range(cards, 0, -1)]  # the farthest first, so that nearer ones cover it
            block = QGraphicsRectItem(rect, self.root)
            block.setPen(QPen(FRAME, 1.2))
            block.setBrush(NO_WEIGHTS)
            lines = [title, shape_line(shape)]
            if parameters is not None:
                lines.append(tr("{0} parameters").format(f"{parameters:,}"))
            place(label("\n".join(lines), block), rect.center().x(), rect.center().y())
            self.rects[path] = rect.united(rect.translated(CARD_OFFSET * cards, -CARD_OFFSET * cards))
            if path != "input":
                self.blocks[path] = block
            if previous is not None:
                if column:  # same row: straight across, from the right of the stack before
                    arrow([QPointF(previous.right(), rect.center().y()), QPointF(rect.left(), rect.center().y())],
                          self.root)
                else:  # wrapped: down from the row's last block and back to the next row's first, onto its stack
                    middle, top = rect.top() - GAP_Y / 2, self.rects[path].top()
                    arrow([QPointF(previous.center().x(), previous.bottom()), QPointF(previous.center().x(), middle),
                           QPointF(rect.center().x(), middle), QPointF(rect.center().x(), top)], self.root)
            previous = self.rects[path]
        width, height, legend_scale = extent(len(entries), columns, width_px)
        legend = self._legend()
        legend.setScale(legend_scale)
        legend.setPos(width / 2, height - LEGEND_H * legend_scale)
        tallest = max((len(cards) for cards in self.stacks.values()), default=0) * CARD_OFFSET
        self.bounds = QRectF(0, -tallest, width + tallest, height + tallest)

    def _card(self, rect: QRectF) -> QGraphicsRectItem:
        card = QGraphicsRectItem(rect, self.root)
        card.setPen(QPen(FRAME, 1.0))
        card.setBrush(NO_WEIGHTS)
        return card

    def _legend(self) -> QGraphicsRectItem:
        """The colour scale at nominal size, centred on x = 0, from y = 0 down LEGEND_H."""
        legend = QGraphicsRectItem(self.root)
        legend.setPen(QPen(Qt.PenStyle.NoPen))
        bar = QRectF(-LEGEND_SPAN / 2 + 20, 30, LEGEND_SPAN - 40, 9)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop, color in GRAD_STOPS:
            gradient.setColorAt(stop, QColor(*color))
        item = QGraphicsRectItem(bar, legend)
        item.setBrush(QBrush(gradient))
        item.setPen(QPen(FRAME, 0.8))
        ink = plot_foreground()
        title = (tr("‖∂L/∂W‖ or ‖∂L/∂K‖ of each layer with weights, log scale") if self._kernels else
                 tr("‖∂L/∂W‖ of each Dense layer or block, log scale"))
        place(label(title, legend, 10, ink), 0, bar.top() - 3, 0.5, 1.0)
        low, high = LOG_RANGE
        for exponent in range(low, high + 1, 2):
            x = bar.left() + bar.width() * (exponent - low) / (high - low)
            place(label(power_of_ten(exponent), legend, 9, ink), x, bar.bottom() + 2, 0.5, 0.0)
        return legend

    def update_from(self, snapshot: Snapshot) -> None:
        norms = {stats.path: stats.weight_gradient for stats in snapshot.layers}
        for path in self._weighted:
            color = grad_color(norms.get(path))
            self.blocks[path].setBrush(color)
            for card in self.stacks[path]:  # the maps behind take the layer's colour too
                card.setBrush(color)

    def layer_rect(self, path: str) -> QRectF | None:
        return self.rects.get(path)

    def unit_at(self, pos: QPointF) -> tuple[str, int] | None:
        return None  # blocks have no units to pick

    def tooltip(self, pos: QPointF, pixel: float, snapshot: Snapshot | None) -> str | None:
        for path, rect in self.rects.items():
            if path in self._weighted and rect.contains(pos):
                norms = {stats.path: stats.weight_gradient for stats in snapshot.layers} if snapshot else {}
                norm = norms.get(path)
                weights = "K" if path in self._kernels else "W"
                return tr("layer {0}: ‖∂L/∂{1}‖ = {2}").format(path, weights, "–" if norm is None else f"{norm:.3g}")
        return None

