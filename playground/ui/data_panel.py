"""The data panel, as TensorFlow Playground has it: a selector of every dataset, with pictures of
the generated sets, then for those sets noise, train/test ratio, points, seed with regenerate,
and which input features the network sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QWidget,
)

from playground.data import DatasetConfig, dataset_names, dataset_title, feature_names_for
from playground.data.bundled import LOADERS as BUNDLED
from playground.data.images import IMAGE_SETS, needs_download
from playground.data.preprocessing import FEATURE_ALIASES
from playground.data.synthetic import SETS
from playground.project.translations import dataset_source_in
from playground.ui.dataset_thumbnails import SIZE, thumbnail
from playground.ui.downloads import Folders, can_download
from playground.ui.fields import BoundedSpinBox
from playground.ui.translation import window_language

MAX_SEED = 2**31 - 1
FEATURE_COLUMNS = 3
# What the presets use for tables: most data to train on; diabetes' target (25 to 346) scaled, since
# its raw squared errors would swamp a fresh network's gradients, and a CSV file's when it is a regression
# (prices in the hundreds of thousands gave a loss of 3e9 that no step moved).
TABLE_DEFAULTS: dict[str, Any] = {"train_ratio": 0.8, "seed": 42}
EXTRA_DEFAULTS: dict[str, dict[str, Any]] = {"diabetes": {"standardize_target": True},
                                             "csv": {"standardize_target": True}}
# Keys that open the closed selector's list instead of stepping through datasets: every step would
# load a dataset and start training over, and an image set may need a download.
OPENING_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
                Qt.Key.Key_End}


def default_config(name: str) -> dict[str, Any]:
    """A dataset config for a set that is not generated, with the settings its presets use."""
    if name in IMAGE_SETS:
        return {"name": name, "normalize": "unit"}
    return {"name": name, **TABLE_DEFAULTS, **EXTRA_DEFAULTS.get(name, {})}


class DatasetSelector(QComboBox):
    """A combo box whose closed state only opens its list: a dataset is chosen in the list, with
    Enter or a click, never by scrolling or arrowing past it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        typed = event.text().strip() and event.text().isprintable()
        if plain and (event.key() in OPENING_KEYS or typed):
            self.showPopup()
            if typed:  # type-ahead then finds the set in the open list
                QCoreApplication.sendEvent(self.view(), event)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the panel scrolls instead of the dataset changing under the pointer


class DataPanel(QGroupBox):
    changed = Signal(dict)  # the whole new dataset config
    adjusted = Signal(str)  # a value typed out of range was brought in: what it became and why
    folder_requested = Signal(dict)  # the image set's config: read its files from a folder the person picks

    def __init__(self, parent: QWidget | None = None, folders: Folders | None = None) -> None:
        """`folders`: where the CSV file dialog opens when no CSV file was chosen before (the project's folder)."""
        super().__init__(self.tr("Data"), parent)
        self.setObjectName("dataPanel")
        self.folders = folders
        # A form: as tall as its rows need, never squeezed (the layer palette below it scrolls instead).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.config: dict[str, Any] = {}
        self.remembered: dict[str, dict[str, Any]] = {}  # the last config of each set that is not generated
        self.selector = self._selector()
        self.noise = self._slider(0, 50, "noiseSlider", self.tr("Noise in percent: how far labels stray"))
        self.ratio = self._slider(10, 90, "ratioSlider", self.tr("Share of the points used for training"))
        self.points = BoundedSpinBox("pointsInput", 20, 5000, self.tr("A set needs at least {minimum} points to "
                                                                      "split and train on: {typed} became {became}."),
                                     self.tr("At most {maximum} points, so that the picture stays quick to draw: "
                                             "{typed} became {became}."), self.tr("How many points to generate"))
        self.points.setSingleStep(50)
        self._adjusted: str | None = None  # said after the new data's own message, not drowned by it
        self.points.adjusted.connect(lambda sentence: setattr(self, "_adjusted", sentence))
        self.seed = QSpinBox(objectName="dataSeedInput", minimum=0, maximum=MAX_SEED)
        self.seed.setToolTip(self.tr("The same seed gives the same points"))
        self.regenerate = QPushButton(self.tr("Regenerate"), objectName="regenerateButton")
        self.regenerate.setToolTip(self.tr("New points from the next seed"))
        self.feature_boxes: dict[str, QCheckBox] = {}
        self.features = QWidget()
        self.feature_grid = QGridLayout(self.features)
        self.feature_grid.setContentsMargins(0, 0, 0, 0)
        for name in feature_names_for(2):
            box = QCheckBox(name, objectName=f"feature {name}")
            box.setToolTip(self.tr("Feed {0} to the network").format(name))
            self.feature_boxes[name] = box
        self.seed_row = QHBoxLayout()
        self.seed_row.addWidget(self.seed, 1)
        self.seed_row.addWidget(self.regenerate)
        self.form = QFormLayout(self)
        self.form.addRow(self.selector)
        self.form.addRow(self.tr("Noise"), self.noise)
        self.form.addRow(self.tr("Training share"), self.ratio)
        self.form.addRow(self.tr("Points"), self.points)
        self.form.addRow(self.tr("Seed"), self.seed_row)
        self.form.addRow(self.tr("Features"), self.features)
        self.folder_button = QPushButton(self.tr("Read its files from a folder…"), objectName="imageFolderButton")
        self.folder_button.setToolTip(self.tr("Use the image set's own files (IDX, or CIFAR-10's batches) from a "
                                              "folder on this computer, without downloading"))
        self.folder_button.clicked.connect(lambda: self.folder_requested.emit(dict(self.config)))
        self.form.addRow(self.folder_button)
        # Start from DatasetConfig's defaults, so that choosing a generated set after a table does too.
        self.show_config({"name": "circle", "noise": 0.0, "train_ratio": 0.5, "points": 500, "seed": 42})
        self.selector.activated.connect(self._choose)
        for box in self.feature_boxes.values():
            box.toggled.connect(self._emit)
        self.noise.valueChanged.connect(self._emit)
        self.ratio.valueChanged.connect(self._emit)
        self.points.editingFinished.connect(self._emit)
        self.seed.editingFinished.connect(self._emit)
        self.regenerate.clicked.connect(self._regenerate)

    def _selector(self) -> DatasetSelector:
        selector = DatasetSelector(objectName="datasetSelector")
        selector.setAccessibleName(self.tr("Dataset"))
        selector.setIconSize(QSize(SIZE, SIZE))
        selector.setMaxVisibleItems(12)
        selector.currentIndexChanged.connect(
            lambda index: selector.setToolTip(selector.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))
        group = None
        for name in dataset_names():
            kind = "generated" if name in SETS else "table" if name in BUNDLED else "images" if name in IMAGE_SETS \
                else "other"
            if group is not None and kind != group:  # a line between generated sets, tables, images, files
                selector.insertSeparator(selector.count())
            group = kind
            selector.addItem(thumbnail(name), self.tr("CSV file…") if name == "csv" else dataset_title(name), name)
            selector.setItemData(selector.count() - 1, self._tooltip(name), Qt.ItemDataRole.ToolTipRole)
        selector.setToolTip(selector.itemData(selector.currentIndex(), Qt.ItemDataRole.ToolTipRole))
        return selector

    def _tooltip(self, name: str) -> str:
        source = dataset_source_in(name, window_language())
        if not needs_download(DatasetConfig(name)):
            return source
        if can_download():
            return self.tr("{0} Not downloaded yet: the first load downloads it.").format(source)
        return self.tr("{0} Not on this computer, and downloading needs torchvision: choosing it offers to read "
                       "its files from a folder.").format(source)

    def _slider(self, low: int, high: int, name: str, tip: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, objectName=name, minimum=low, maximum=high)
        slider.setTracking(False)  # a new data set when the slider is let go, not at every pixel
        slider.setToolTip(tip)
        return slider

    def _regenerate(self) -> None:
        self.seed.setValue((self.seed.value() + 1) % MAX_SEED)
        self._emit()

    def _offered(self) -> list[str]:
        """The features the current generated set offers."""
        return feature_names_for(SETS[self.config["name"]][2]) if self.config.get("name") in SETS else []

    def _choose(self, index: int) -> None:
        """A person picked a dataset in the selector."""
        name = self.selector.itemData(index)
        if name == self.config.get("name") and name != "csv":
            return
        if name in SETS:
            dimensions = SETS[name][2]
            # Between sets of the same dimensions the features stay, as in TensorFlow Playground.
            kept = [f for f, box in self.feature_boxes.items() if box.isChecked() and f in self._offered()]
            same = self.config.get("name") in SETS and SETS[self.config["name"]][2] == dimensions
            config = {"name": name, "noise": float(self.noise.value()), "train_ratio": self.ratio.value() / 100,
                      "points": self.points.value(), "seed": self.seed.value(),
                      "features": kept if same and kept else ["x1", "x2"][:dimensions]}
        elif name == "csv":
            config = self._csv_config()
            if config is None:  # the person closed the file dialog: stay with the current data
                self.show_config(self.config)
                return
        else:
            config = self.remembered.get(name) or default_config(name)
        self.show_config(config)
        self.changed.emit(dict(config))

    def _csv_config(self) -> dict[str, Any] | None:
        previous = self.remembered.get("csv") or default_config("csv")
        if previous.get("path"):
            folder = str(Path(previous["path"]).parent)
        else:
            folder = self.folders.start_folder() if self.folders is not None else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a CSV file"), folder,
                                              self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path and self.folders is not None:
            self.folders.remember_folder(str(Path(path).parent))
        return {**previous, "path": path} if path else None

    def show_config(self, config: dict[str, Any]) -> None:
        """Show a dataset config without emitting `changed`: select its set, and show the controls
        of the generated sets only for those."""
        self.config = dict(config)
        name = config.get("name")
        self.selector.setCurrentIndex(self.selector.findData(name))  # blank for a set it does not know
        generated = name in SETS
        if not generated and name:
            self.remembered[name] = dict(config)
        for row in (self.noise, self.ratio, self.points, self.seed_row, self.features):
            self.form.setRowVisible(row, generated)
        self.form.setRowVisible(self.folder_button, name in IMAGE_SETS)
        if not generated:
            return
        widgets = [self.noise, self.ratio, self.points, self.seed, *self.feature_boxes.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.noise.setValue(int(config.get("noise", 0)))
        self.ratio.setValue(int(round(100 * config.get("train_ratio", 0.5))))
        self.points.setValue(int(config.get("points", 500)))
        self.seed.setValue(int(config.get("seed", 42)))
        self._lay_out_features()
        chosen = {FEATURE_ALIASES.get(f, f) for f in config.get("features") or ["x1", "x2"]}
        for feature, box in self.feature_boxes.items():
            box.setChecked(feature in chosen)
        for widget in widgets:
            widget.blockSignals(False)

    def _lay_out_features(self) -> None:
        """Only the features the set offers (a 1-D set has no x2), packed in rows of three."""
        offered = self._offered()
        for feature, box in self.feature_boxes.items():
            self.feature_grid.removeWidget(box)
            box.setVisible(feature in offered)
        for i, feature in enumerate(offered):
            self.feature_grid.addWidget(self.feature_boxes[feature], i // FEATURE_COLUMNS, i % FEATURE_COLUMNS)

    def _emit(self, *_: Any) -> None:
        offered = self._offered()
        features = [name for name, box in self.feature_boxes.items() if box.isChecked() and name in offered]
        if not features:  # at least one input: undo the last uncheck, and say why
            self.show_config(self.config)
            self.adjusted.emit(self.tr("The network needs at least one input feature, so the last one stays "
                                       "checked."))
            return
        config = {**self.config, "noise": float(self.noise.value()), "train_ratio": self.ratio.value() / 100,
                  "points": self.points.value(), "seed": self.seed.value(), "features": features}
        if config != self.config:
            self.config = config
            self.changed.emit(config)
        sentence, self._adjusted = self._adjusted, None
        if sentence:
            self.adjusted.emit(sentence)
