"""Controls for the 2-D data sets, as TensorFlow Playground has them: noise, train/test ratio,
points, seed with regenerate, and which input features the network sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from playground.data import feature_names_for
from playground.data.synthetic import SETS

MAX_SEED = 2**31 - 1


class DataPanel(QGroupBox):
    changed = Signal(dict)  # the whole new dataset config

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Data"), parent)
        self.setObjectName("dataPanel")
        self.config: dict[str, Any] = {}
        self.noise = self._slider(0, 50, "noiseSlider", self.tr("Noise in percent: how far labels stray"))
        self.ratio = self._slider(10, 90, "ratioSlider", self.tr("Share of the points used for training"))
        self.points = QSpinBox(objectName="pointsInput", minimum=20, maximum=5000, singleStep=50)
        self.points.setToolTip(self.tr("How many points to generate"))
        self.seed = QSpinBox(objectName="dataSeedInput", minimum=0, maximum=MAX_SEED)
        self.seed.setToolTip(self.tr("The same seed gives the same points"))
        self.regenerate = QPushButton(self.tr("Regenerate"), objectName="regenerateButton")
        self.regenerate.setToolTip(self.tr("New points from the next seed"))
        self.feature_boxes: dict[str, QCheckBox] = {}
        features = QWidget()
        grid = QGridLayout(features)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(feature_names_for(2)):
            box = QCheckBox(name, objectName=f"feature {name}")
            box.setToolTip(self.tr("Feed {0} to the network").format(name))
            box.toggled.connect(self._emit)
            self.feature_boxes[name] = box
            grid.addWidget(box, i // 3, i % 3)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.regenerate)
        form = QFormLayout(self)
        form.addRow(self.tr("Noise"), self.noise)
        form.addRow(self.tr("Training share"), self.ratio)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Seed"), seed_row)
        form.addRow(self.tr("Features"), features)
        self.noise.valueChanged.connect(self._emit)
        self.ratio.valueChanged.connect(self._emit)
        self.points.editingFinished.connect(self._emit)
        self.seed.editingFinished.connect(self._emit)
        self.regenerate.clicked.connect(self._regenerate)

    def _regenerate(self) -> None:
        self.seed.setValue((self.seed.value() + 1) % MAX_SEED)
        self._emit()

    def _slider(self, low: int, high: int, name: str, tip: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, objectName=name, minimum=low, maximum=high)
        slider.setTracking(False)  # a new data set when the slider is let go, not at every pixel
        slider.setToolTip(tip)
        return slider

    def show_config(self, config: dict[str, Any]) -> None:
        """Show a dataset config; the panel is for the generated sets only."""
        self.config = dict(config)
        generated = config.get("name") in SETS and SETS[config["name"]][3] == 2
        self.setVisible(generated)
        if not generated:
            return
        widgets = [self.noise, self.ratio, self.points, self.seed, *self.feature_boxes.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.noise.setValue(int(config.get("noise", 0)))
        self.ratio.setValue(int(round(100 * config.get("train_ratio", 0.5))))
        self.points.setValue(int(config.get("points", 500)))
        self.seed.setValue(int(config.get("seed", 42)))
        chosen = config.get("features") or ["x1", "x2"]
        for name, box in self.feature_boxes.items():
            box.setChecked(name in chosen)
        for widget in widgets:
            widget.blockSignals(False)

    def _emit(self, *_: Any) -> None:
        features = [name for name, box in self.feature_boxes.items() if box.isChecked()]
        if not features:  # at least one input: undo the last uncheck
            self.show_config(self.config)
            return
        config = {**self.config, "noise": float(self.noise.value()), "train_ratio": self.ratio.value() / 100,
                  "points": self.points.value(), "seed": self.seed.value(), "features": features}
        if config != self.config:
            self.config = config
            self.changed.emit(config)
