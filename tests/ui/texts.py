"""The words a person reads in the window, and the English left among them: what the translation tests look at."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabBar,
    QTableWidget,
    QWidget,
)

from playground.project import list_presets

# Words that stay as they are in a translation: proper names (of software, data sets, layers and functions as
# papers and libraries call them), symbols and functions in formulas, file formats, key caps and a language's own name.
ALLOWED = set("""
backprop playground python pytorch torch torchrun torchvision onnx numpy cupy cuda pyside6 pyqtgraph mnist fashion
kuzushiji cifar iris xor relu leaky elu tanh sigmoid softmax softplus adam adamw sgd rmsprop nesterov mse conv2d
maxpool avgpool globalavgpool batchnorm dropout xavier glorot kaiming max min exp log sqrt argmax cos sin out pad
else gpu cpu csv bpp png svg json idx ctrl shift alt space delete english tensorflow var fan nan inf
""".split())

# The line saying where a dataset comes from is a citation: its authors' names, titles and licences stay as
# published (its words are translated, tests/project/test_translations.py). (Objects by name.)
CITATIONS = {"datasetSource"}
# A preset's name is an identifier, the same on the command line (`playground train --preset circle`).
PRESET_NAMES = set(list_presets())

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
FILE_NAME = re.compile(r"(?<!\w)(?:/[\w.-]+){2,}|\b\w+\.(py|csv|npz|onnx|bpp|json)\b")  # a path, or a file's name


def english_words(text: str) -> list[str]:
    """The Latin words of 3+ letters in `text` that are not in ALLOWED (rich text's tags and entities, paths and
    file names such as train.py aside)."""
    plain = FILE_NAME.sub(" ", html.unescape(re.sub(r"<[^>]*>", " ", text)))
    for name in PRESET_NAMES:  # identifiers, also where a title names its preset: "梯度消失 (deep-sigmoid)"
        plain = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", plain)
    return [word for word in LATIN_WORD.findall(plain) if word.lower() not in ALLOWED]


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} > {action.menu().title()}")
        elif not action.isSeparator():
            yield f"{where} > action", action.text()


def window_texts(window: QMainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every menu and its actions, button, tab, label, group box title, combo box item, list item,
    table cell and header, dock title and text in a picture (QGraphicsView) of `window`, shown or not, except
    CITATIONS."""
    for action in window.menuBar().actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), "menu")
    for widget in window.findChildren(QWidget):
        name = widget.objectName() or type(widget).__name__
        if name in CITATIONS:
            continue
        if isinstance(widget, QAbstractButton):
            yield f"button {name}", widget.text()
        elif isinstance(widget, QLabel):
            yield f"label {name}", widget.text()
        elif isinstance(widget, QGroupBox):
            yield f"group {name}", widget.title()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"combo {name}", widget.itemText(index)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"tab {name}", widget.tabText(index)
        elif isinstance(widget, QTableWidget):
            columns = range(widget.columnCount())
            headers = [widget.horizontalHeaderItem(column) for column in columns]
            cells = [widget.item(row, column) for row in range(widget.rowCount()) for column in columns]
            for item in headers + cells:
                if item is not None:
                    yield f"table {name}", item.text()
        elif isinstance(widget, QListWidget):
            for index in range(widget.count()):
                yield f"list {name}", widget.item(index).text()
        elif isinstance(widget, QDockWidget):
            yield f"dock {name}", widget.windowTitle()
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:  # the network view's labels
            for item in widget.scene().items():
                if isinstance(item, QGraphicsSimpleTextItem):
                    yield f"picture {name}", item.text()
                elif isinstance(item, QGraphicsTextItem):
                    yield f"picture {name}", item.toPlainText()
