"""The network builder: a palette of layer types, the network as a list of blocks built by
drag and drop, a property editor, and undo and redo for every edit.

The builder holds the layers as plain dicts (see layer_edits.py), validates them after every
edit with NetworkSpec.inspect, and shows each block's output shape and parameter count, or
marks the block a problem names in red.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.data import Dataset
from playground.engine import LayerInfo, NetworkSpec
from playground.engine.losses import LOSSES
from playground.engine.spec import layer_from_dict, named_layer, starts_on_images
from playground.errors import SpecError
from playground.ui.layer_edits import AFTER, BEFORE, INSIDE, NetworkEdit, inserted, layer_at, moved, removed, rows
from playground.ui.layer_edits import with_field as field_changed
from playground.ui.layer_palette import LAYER_MIME, LayerPalette
from playground.ui.layer_properties import LayerProperties
from playground.ui.translation import tr
from playground.words import term

ROW_MIME = "application/x-playground-layer-path"  # a layer of the list, by path
ERROR_BACKGROUND, ERROR_TEXT = QColor(255, 214, 214), QColor(150, 0, 0)
MIN_ROWS = 3  # the table shows at least this many layers, however much of the panel the property editor takes


class LayerTable(QTableWidget):
    """The network's layers, one row each; takes drops from the palette and from itself and
    reports them as (what, path landed on, placement) instead of moving cells."""

    remove_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down
    dropped = Signal(object, object, str)  # ("kind" or "row", kind or path), the path landed on or None, placement

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("layerList")
        self.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"),
                                        self.tr("Parameters")])
        self.horizontalHeaderItem(2).setToolTip(self.tr("(batch, features), or for images (batch, channels, "
                                                        "height, width)"))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Paths, shapes and counts as wide as they need: the layers' descriptions take the rest.
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # arrows move between cells; Tab goes on to the next control
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.paths: list[str] = []
        self.fault_row: int | None = None

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        rows = MIN_ROWS * self.verticalHeader().defaultSectionSize()
        return QSize(super().minimumSizeHint().width(),
                     self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth())

    def show_fault(self, row: int | None) -> None:
        """Keep the row of the layer at fault in view, also as the error's sentence and the property editor
        take the table's height."""
        self.fault_row = row
        self._scroll_to_fault()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._scroll_to_fault()

    def _scroll_to_fault(self) -> None:
        if self.fault_row is not None and self.fault_row < self.rowCount():
            self.scrollToItem(self.item(self.fault_row, 0))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
        elif alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [LAYER_MIME, ROW_MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        data.setData(ROW_MIME, self.paths[items[0].row()].encode())
        return data

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if _layer_drop(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().dragMoveEvent(event)  # draws the drop indicator
        if _layer_drop(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        what = _layer_drop(event.mimeData())
        if what is None:
            return
        where, placement = self.drop_target(event.position().toPoint().y())
        # Copy, never move: Qt would otherwise delete the dragged row after the builder has
        # already rebuilt the table from the new network.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(what, where, placement)

    def drop_target(self, y: int) -> tuple[str | None, str]:
        """The layer a drop at height y lands on and where: the upper third of a row goes before
        it, the lower third after, the middle of a residual block inside it."""
        row = self.rowAt(y)
        if row < 0:
            return None, AFTER
        top, height = self.rowViewportPosition(row), self.rowHeight(row)
        share = (y - top) / max(height, 1)
        kind = self.item(row, 1)  # by its type, not its words: those are the window's language
        is_block = kind is not None and kind.data(Qt.ItemDataRole.UserRole) == "residual"
        if is_block and 1 / 3 <= share <= 2 / 3:
            return self.paths[row], INSIDE
        return self.paths[row], BEFORE if share < 0.5 else AFTER


class PropertiesArea(QScrollArea):
    """The selected layer's settings, scrolled where the panel is short: a conv layer's eight would otherwise set
    the panel's least height, and the splitter squeezed the network diagram above it to tiny text."""

    def __init__(self, properties: QWidget) -> None:
        super().__init__(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(properties)

    def minimumSizeHint(self) -> QSize:
        """Room for about two settings, or none where there are none (a scroll bar's own least height would take
        the layer table's rows)."""
        return QSize(super().minimumSizeHint().width(),
                     min(self.widget().sizeHint().height(), 4 * self.fontMetrics().lineSpacing()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # other settings (another kind of layer): the panel lays out their room again
        return super().eventFilter(watched, event)


class LayerBuilder(QWidget):
    """Layer list, buttons, property editor and loss; `changed` after every edit."""

    changed = Signal()

    def __init__(self, palette: LayerPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette = palette
        self.input_shape: tuple[int, ...] = (2,)
        self.layers: list[dict[str, Any]] = []
        self.loss = "mse"
        self.dataset: Dataset | None = None  # what the network must fit: its loss and outputs
        self.spec: NetworkSpec | None = None
        self.infos: list[LayerInfo] = []
        self.error: str | None = None
        self.undo_stack = QUndoStack(self)
        self.table = LayerTable()
        self.add_button = QPushButton(self.tr("Add"), objectName="addLayerButton")
        self.add_button.setToolTip(self.tr("Add the layer type chosen in the palette after the selected layer"))
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeLayerButton")
        self.remove_button.setToolTip(self.tr("Remove the selected layer (Delete)"))
        self.undo_button = QPushButton(self.tr("Undo"), objectName="undoButton")
        self.undo_button.setToolTip(self.tr("Undo the last edit of the network (Ctrl+Z)"))
        self.redo_button = QPushButton(self.tr("Redo"), objectName="redoButton")
        self.redo_button.setToolTip(self.tr("Redo the edit just undone (Ctrl+Shift+Z)"))
        self.properties = LayerProperties()
        self.loss_selector = QComboBox(objectName="lossSelector")
        for loss in LOSSES:
            self.loss_selector.addItem(term(loss), loss)
        self.loss_selector.setToolTip(self.tr("What training minimizes; classification losses take the raw outputs"))
        self.error_label = QLabel(objectName="networkError", wordWrap=True)
        self.error_label.setStyleSheet(f"color: {ERROR_TEXT.name()};")
        self.total = QLabel(objectName="parameterTotal")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.undo_button, self.redo_button):
            buttons.addWidget(button)
        loss_row = QFormLayout()
        loss_row.addRow(self.tr("Loss"), self.loss_selector)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.total)
        layout.addLayout(loss_row)
        layout.addWidget(PropertiesArea(self.properties))
        self.add_button.clicked.connect(lambda: self.add_layer(self.palette.current_kind()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.palette.itemDoubleClicked.connect(lambda item: self.add_layer(item.data(Qt.ItemDataRole.UserRole)))
        self.table.dropped.connect(self._dropped)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.properties.edited.connect(self._property_edited)
        self.loss_selector.currentIndexChanged.connect(lambda _: self._loss_chosen(self.loss_selector.currentData()))
        self.table.remove_requested.connect(self.remove_selected)
        self.table.move_requested.connect(self.move_by)

    # The network in and out.

    def load(self, spec: NetworkSpec) -> None:
        """Show a network (a preset's): the edit history starts over."""
        self.input_shape = tuple(spec.input_shape)
        self.undo_stack.clear()
        self._show({"layers": spec.to_dict()["layers"], "loss": spec.loss}, None)

    def set_input_shape(self, shape: tuple[int, ...]) -> None:
        """The data decides the input; it is not an edit of the network, so it is not undone."""
        self.input_shape = tuple(shape)
        self._show(self.state(), self.selected_path())

    def state(self) -> dict[str, Any]:
        return {"layers": copy.deepcopy(self.layers), "loss": self.loss}

    def selected_path(self) -> str | None:
        row = self.table.currentRow()
        return self.table.paths[row] if 0 <= row < len(self.table.paths) else None

    # Edits, each an undoable command.

    def edit(self, layers: list[dict[str, Any]], text: str, select: str | None, loss: str | None = None,
             merge_key: tuple | None = None) -> None:
        after = {"layers": layers, "loss": loss or self.loss}
        command = NetworkEdit(self._show, self.state(), after, text, select, merge_key)
        command.select_before = self.selected_path()
        self.undo_stack.push(command)

    def add_layer(self, kind: str) -> None:
        """Add a layer after the selected one, or before the output layer when none is selected."""
        where, placement = self.selected_path(), AFTER
        if where is None and self.layers:
            where, placement = str(len(self.layers)), BEFORE
        self.insert_layer(kind, where, placement)

    def insert_layer(self, kind: str, where: str | None, placement: str) -> None:
        """Put a new layer next to (or inside) the layer at `where`; None: at the end."""
        layers, path = inserted(self.layers, self.palette.templates[kind], where, placement)
        if kind == "residual":  # its inner layer gives back the shape it gets there
            shape = self._input_shape_at(layers, path)
            if shape is not None and len(shape) == 3:  # images: a Dense layer inside would need a Flatten
                layer_at(layers, path)["layers"] = [{**self.palette.templates["conv2d"], "filters": shape[0]}]
            elif shape is not None:
                layer_at(layers, path)["layers"][0]["units"] = shape[0]
        self.edit(layers, self.tr("Add {0}").format(self.palette.titles[kind]), path)

    def remove_selected(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        layers = removed(self.layers, path)
        remaining = [p for p, _ in rows(layers)]
        select = path if path in remaining else (remaining[-1] if remaining else None)
        self.edit(layers, self.tr("Remove layer {0}").format(path), select)

    def move_by(self, offset: int) -> None:
        """Alt+Up / Alt+Down: the keyboard's way to reorder."""
        path = self.selected_path()
        if path is None:
            return
        *outer, last = path.split(".")
        target = ".".join([*outer, str(int(last) + offset)])
        if target not in self.table.paths or int(last) + offset < 1:
            return
        result = moved(self.layers, path, target, BEFORE if offset < 0 else AFTER)
        if result is not None:
            self.edit(result[0], self.tr("Move layer {0}").format(path), result[1])

    def _dropped(self, what: tuple[str, str], where: str | None, placement: str) -> None:
        if what[0] == "kind":
            if what[1] in self.palette.templates:
                self.insert_layer(what[1], where, placement)
            return
        result = moved(self.layers, what[1], where, placement)
        if result is not None:
            self.edit(result[0], self.tr("Move layer {0}").format(what[1]), result[1])

    def _property_edited(self, name: str, value: Any) -> None:
        path = self.selected_path()
        if path is None:
            return
        layers = field_changed(self.layers, path, name, value)
        label = self.properties.labels.get(name, name)
        self.edit(layers, self.tr("Set {0} of layer {1}").format(label, path), path, merge_key=(path, name))

    def _loss_chosen(self, loss: str) -> None:
        if loss != self.loss:
            self.edit(copy.deepcopy(self.layers), self.tr("Use the {0} loss").format(term(loss)), self.selected_path(),
                      loss=loss)

    def fit_outputs(self, outputs: int, loss: str) -> bool:
        """Make the last Dense layer give what the data needs, as one undoable edit; whether it took one."""
        if not self.layers or self.layers[-1].get("type") != "dense":
            return False
        last = self.layers[-1]
        if last["units"] == outputs and self.loss == loss:
            return False
        layers = field_changed(self.layers, str(len(self.layers)), "units", outputs)
        layers[-1]["activation"] = "linear"  # the classification losses take raw outputs
        self.edit(layers, self.tr("Fit the output layer to the data"), self.selected_path(), loss=loss)
        return True

    # Showing a state: the table, the editor, the problem if any.

    def _show(self, state: dict[str, Any], select: str | None) -> None:
        self.layers, self.loss = copy.deepcopy(state["layers"]), state["loss"]
        self.spec, self.infos, self.error, bad_path = self._inspect(self.layers)
        if self.spec is not None:
            self.input_shape = tuple(self.spec.input_shape)
        self.loss_selector.blockSignals(True)
        self.loss_selector.setCurrentIndex(self.loss_selector.findData(self.loss))
        self.loss_selector.blockSignals(False)
        self._fill_table(bad_path)
        self.error_label.setText(self.error or "")
        self.error_label.setVisible(self.error is not None)
        if self.spec is not None and self.error is None:
            self.total.setText(self.tr("{0:,} parameters in all").format(self.spec.parameter_count()))
        else:
            self.total.setText("")
        self.total.setVisible(bool(self.total.text()))  # no empty line under the error's sentence
        paths = self.table.paths
        row = paths.index(select) if select in paths else -1
        self.table.blockSignals(True)
        self.table.selectRow(row) if row >= 0 else self.table.clearSelection()
        self.table.setCurrentCell(row, 0)
        self.table.blockSignals(False)
        self._selection_changed()
        self.table.show_fault(paths.index(bad_path) if bad_path in paths else None)
        self.changed.emit()

    def problem_with(self, layers: list[dict[str, Any]]) -> tuple[list[LayerInfo], str | None]:
        """What validation would say of `layers` (an edit not made yet): each layer's info, and the problem."""
        _, infos, error, _ = self._inspect(layers)
        return infos, error

    def _inspect(self, layers: list[dict[str, Any]]) -> tuple[NetworkSpec | None, list[LayerInfo], str | None,
                                                              str | None]:
        try:
            built = [layer_from_dict(layer, str(i + 1)) for i, layer in enumerate(layers)]
        except SpecError as error:
            return None, [], str(error), named_layer(str(error))
        spec = NetworkSpec(self._input_shape(built), built, self.loss)
        infos, error, path = spec.inspect()
        if error is not None:
            return spec, infos, str(error), path
        last = str(len(layers))
        outputs = next(info.output_size for info in infos if info.path == last)
        problem = self.dataset.fit_problem(outputs, self.loss, last) if self.dataset is not None else None
        if problem is not None:
            return spec, infos, problem, last
        return spec, infos, None, None

    def _input_shape(self, layers: list) -> tuple[int, ...]:
        """The data's images for layers that start on images, else their flat vectors: the network decides."""
        return self.input_shape if self.dataset is None else self.dataset.input_shape_for(starts_on_images(layers))

    def _fill_table(self, bad_path: str | None) -> None:
        table = self.table
        known = {info.path: info for info in self.infos}
        entries = list(rows(self.layers))
        table.paths = [path for path, _ in entries]
        table.setRowCount(len(entries))
        for row, (path, layer) in enumerate(entries):
            info = known.get(path)
            depth = path.count(".")
            count = "?" if info is None else f"{info.parameter_count:,}"
            if info is not None and layer["type"] == "residual":
                count = self.tr("{0} in the block").format(count)
            shape = "?" if info is None else shape_text(info.output_shape)
            cells = ["    " * depth + path, "    " * depth + describe(layer), shape, count]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setData(Qt.ItemDataRole.UserRole, layer["type"])
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if path == bad_path:
                    item.setBackground(QBrush(ERROR_BACKGROUND))
                    item.setForeground(QBrush(ERROR_TEXT))
                    item.setToolTip(self.error)
                table.setItem(row, column, item)

    def _selection_changed(self) -> None:
        path = self.selected_path()
        self.properties.show_layer(None if path is None else layer_at(self.layers, path))
        self.remove_button.setEnabled(path is not None)

    def _input_shape_at(self, layers: list[dict[str, Any]], path: str) -> tuple[int, ...] | None:
        _, infos, _, _ = self._inspect(layers)
        return next((info.input_shape for info in infos if info.path == path), None)


def _layer_drop(data: QMimeData) -> tuple[str, str] | None:
    """("kind", a palette kind) or ("row", a layer path) from a drag's data."""
    for fmt, what in ((LAYER_MIME, "kind"), (ROW_MIME, "row")):
        if data.hasFormat(fmt):
            return what, bytes(data.data(fmt)).decode()
    return None


def shape_text(shape: tuple[int, ...]) -> str:
    """A layer's output as the table shows it, the batch first: "(None, 10)", images "(None, 16, 8, 8)"."""
    return "(" + ", ".join([tr("None"), *map(str, shape)]) + ")"


def describe(layer: dict[str, Any]) -> str:
    """A layer in a few words, in the window's language; in English "dense 4 tanh", "dropout 0.5", "conv2d 16 3×3 relu",
    "maxpool2d 2×2", "relu"."""
    kind = layer["type"]
    if kind == "dense":
        return f"{term(kind)} {layer['units']} {term(layer.get('activation', 'linear'))}"
    if kind == "dropout":
        return f"{term(kind)} {layer.get('rate', 0.5):g}"
    if kind == "conv2d":
        k, stride = layer["kernel"], layer.get("stride", 1)
        strided = tr(" stride {0}").format(stride) if stride != 1 else ""
        return f"{term(kind)} {layer['filters']} {k}×{k}{strided} {term(layer.get('activation', 'linear'))}"
    if kind in ("maxpool2d", "avgpool2d"):
        size, stride = layer.get("size", 2), layer.get("stride")
        strided = tr(" stride {0}").format(stride) if stride not in (None, size) else ""
        return f"{term(kind)} {size}×{size}{strided}"
    return term(kind)
