"""Pictures for the dataset selector. The generated sets as TensorFlow Playground shows them: a few
hundred points of each from a fixed seed, orange for class 0 or negative values, blue for class 1
or positive ones. Other sets get a pictogram of their kind: a table, a file, or for images a handwritten digit,
a T-shirt (Fashion-MNIST) or a landscape in colour (CIFAR-10). Each picture is drawn once and kept."""

from __future__ import annotations

from functools import cache

import numpy
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap, QPolygonF

from playground.data import load_dataset
from playground.data.bundled import LOADERS as BUNDLED
from playground.data.images import IMAGE_SETS
from playground.data.synthetic import SETS
from playground.ui.theme import BLUE, ORANGE, WHITE

SIZE = 48
POINTS = 300
EXTENT = 6.0  # generated points lie in [-6, 6]²
TARGET_EXTENT = 1.5  # a 1-D set's target (about [-1, 1]) fills the height with some margin
BACKGROUND = QColor(250, 250, 250)
DOT_RADIUS = 1.4
GREY = (150, 150, 150)
# Coarse-pixel pictures of an image set's kind, each character a pixel coloured as PIXEL_COLOURS says ("." blank).
PIXEL_DIGIT = (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####")  # handwriting
PIXEL_SHIRT = ("##...##", "###.###", "#######", ".#####.", ".#####.", ".#####.", ".#####.")  # Fashion-MNIST
PIXEL_PHOTO = ("ssssssyy", "ssssssyy", "ssssssss", "sssggsss", "ssggggss", "gggggggg", "gggggggg")  # colour photos
PIXEL_COLOURS = {"#": BLUE, "s": (135, 190, 235), "y": (245, 195, 50), "g": (90, 160, 80)}
IMAGE_PICTURES = {"fashion_mnist": PIXEL_SHIRT, "cifar10": PIXEL_PHOTO}  # others: handwriting


def shades(values: numpy.ndarray, regression: bool) -> numpy.ndarray:
    """RGB rows for labels 0/1 or targets in [-1, 1]: orange through light grey to blue."""
    t = numpy.clip((values + 1) / 2 if regression else values, 0, 1)[:, None]
    low, middle, high = (numpy.array(c, float) for c in (ORANGE, WHITE, BLUE))
    lower = low + (middle - low) * numpy.clip(2 * t, 0, 1)
    return numpy.where(t < 0.5, lower, middle + (high - middle) * numpy.clip(2 * t - 1, 0, 1)).round().astype(int)


def sample(name: str) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Points scaled to [0, 1]² (y up) and their RGB colours, for one generated set."""
    dataset = load_dataset({"name": name, "points": POINTS, "seed": 1, "noise": 0.0, "train_ratio": 0.5})
    points = numpy.concatenate([dataset.points_train, dataset.points_test]).astype(float)
    values = numpy.concatenate([dataset.y_train, dataset.y_test])[:, 0].astype(float)
    if points.shape[1] == 1:  # a 1-D set: its input across, its target up
        points = numpy.column_stack([points[:, 0] / EXTENT, values / TARGET_EXTENT])
    else:
        points = points / EXTENT
    return (points + 1) / 2, shades(values, dataset.task == "regression")


def _canvas() -> tuple[QPixmap, QPainter]:
    """A blank SIZE-pixel square, sharp on high-density screens, and a painter on it."""
    ratio = QGuiApplication.instance().devicePixelRatio()
    pixmap = QPixmap(round(SIZE * ratio), round(SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(BACKGROUND)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _scatter(painter: QPainter, name: str) -> None:
    points, colours = sample(name)
    painter.setPen(Qt.PenStyle.NoPen)
    usable = SIZE - 2 * DOT_RADIUS
    for (x, y), (r, g, b) in zip(points, colours, strict=True):
        painter.setBrush(QColor(int(r), int(g), int(b)))
        painter.drawEllipse(QPointF(DOT_RADIUS + x * usable, DOT_RADIUS + (1 - y) * usable), DOT_RADIUS, DOT_RADIUS)


def _image(painter: QPainter, picture: tuple[str, ...]) -> None:
    """`picture` in coarse pixels: a handwritten-looking 2, a T-shirt, a landscape in colour."""
    cell = 5
    left, top = (SIZE - cell * len(picture[0])) // 2, (SIZE - cell * len(picture)) // 2  # whole pixels
    for row, line in enumerate(picture):
        for column, pixel in enumerate(line):
            if pixel != ".":
                painter.fillRect(left + column * cell, top + row * cell, cell, cell, QColor(*PIXEL_COLOURS[pixel]))


def _table(painter: QPainter) -> None:
    """A header row and four rows of three columns."""
    frame = QRectF(6, 9, SIZE - 12, SIZE - 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(*BLUE))
    painter.drawRect(QRectF(frame.left(), frame.top(), frame.width(), frame.height() / 5))
    painter.setPen(QPen(QColor(*GREY), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    for i in range(1, 5):
        y = frame.top() + i * frame.height() / 5
        painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
    for i in range(1, 3):
        x = frame.left() + i * frame.width() / 3
        painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))


def _file(painter: QPainter) -> None:
    """A page with a folded corner, its lines of comma-separated values in the class colours."""
    fold = 9
    page = QPolygonF([QPointF(11, 5), QPointF(SIZE - 11 - fold, 5), QPointF(SIZE - 11, 5 + fold),
                      QPointF(SIZE - 11, SIZE - 5), QPointF(11, SIZE - 5)])
    painter.setPen(QPen(QColor(*GREY), 1))
    painter.setBrush(QColor(255, 255, 255))
    painter.drawPolygon(page)
    painter.drawPolyline([QPointF(SIZE - 11 - fold, 5), QPointF(SIZE - 11 - fold, 5 + fold),
                          QPointF(SIZE - 11, 5 + fold)])
    for i in range(5):
        y = 19 + i * 5
        painter.setPen(QPen(QColor(*(ORANGE if i % 2 else BLUE)), 2))
        painter.drawLine(QPointF(15, y), QPointF(SIZE - 15, y))


@cache
def thumbnail(name: str) -> QIcon:
    """The set's picture, SIZE pixels square."""
    pixmap, painter = _canvas()
    if name in SETS:
        _scatter(painter, name)
    elif name == "digits" or name in IMAGE_SETS:
        _image(painter, IMAGE_PICTURES.get(name, PIXEL_DIGIT))
    elif name in BUNDLED:
        _table(painter)
    else:
        _file(painter)
    painter.end()
    return QIcon(pixmap)
