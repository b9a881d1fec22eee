"""The main window, first version: pick a preset, read its network layer by layer, check its
gradients. Training, plots and the stepper grow here in later issues."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import thread_worker

from playground.data import dataset_source
from playground.engine import GradCheckReport, NetworkSpec, gradient_check, random_batch
from playground.errors import PlaygroundError
from playground.project import Preset, list_presets, load_preset
from playground.project.presets import DEFAULT_PRESET


@thread_worker
def _check_gradients(spec: NetworkSpec) -> GradCheckReport:
    x, y = random_batch(spec, 8, 0)
    return gradient_check(spec, x, y)


class MainWindow(QMainWindow):
    def __init__(self, preset: str = DEFAULT_PRESET) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.preset: Preset | None = None
        self._worker = None

        self.preset_selector = QComboBox(objectName="presetSelector")
        self.preset_selector.addItems(list_presets())
        self.preset_selector.setToolTip(self.tr("Load a ready-made network, its training settings and dataset"))
        self.description = QLabel(objectName="presetDescription", wordWrap=True)
        self.data_source = QLabel(objectName="datasetSource", wordWrap=True)
        self.layer_list = QTableWidget(0, 4, objectName="layerList")
        self.layer_list.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Type"), self.tr("Output shape"), self.tr("Parameters")])
        self.layer_list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layer_list.verticalHeader().setVisible(False)
        self.layer_list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.total = QLabel(objectName="parameterTotal")
        self.check_button = QPushButton(self.tr("Check gradients"), objectName="gradcheckButton")
        self.check_button.setToolTip(self.tr("Compare the hand-written gradients with finite differences"))
        self.check_results = QTableWidget(0, 2, objectName="gradcheckResults")
        self.check_results.setHorizontalHeaderLabels([self.tr("Parameter"), self.tr("Max relative error")])
        self.check_results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.check_results.verticalHeader().setVisible(False)
        self.check_results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.statusBar().setObjectName("statusBar")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preset:")))
        top.addWidget(self.preset_selector, 1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.description)
        left.addWidget(self.data_source)
        left.addWidget(self.layer_list, 1)
        left.addWidget(self.total)
        right = QVBoxLayout()
        right.addWidget(self.check_button)
        right.addWidget(self.check_results, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.resize(980, 560)

        self.preset_selector.currentTextChanged.connect(self.load_preset)
        self.check_button.clicked.connect(self.check_gradients)
        self.preset_selector.setCurrentText(preset)
        self.load_preset(preset)

    def load_preset(self, name: str) -> None:
        try:
            self.preset = load_preset(name)
        except PlaygroundError as error:
            QMessageBox.warning(self, self.tr("Cannot load preset"), str(error))
            return
        spec = self.preset.network
        self.setWindowTitle(self.tr("Backprop Playground — {0}").format(self.preset.title))
        self.description.setText(self.preset.description)
        dataset = self.preset.dataset.get("name", "")
        self.data_source.setText(self.tr("Data: {0}. {1}").format(dataset, dataset_source(dataset)))
        infos = spec.validate()
        self.layer_list.setRowCount(len(infos))
        for row, info in enumerate(infos):
            layer = _layer_at(spec, info.path)
            kind = f"{info.type} {layer.units} {layer.activation}" if info.type == "dense" else info.type
            depth = info.path.count(".")
            count = f"{info.parameter_count:,}"
            if info.type == "residual":
                count = self.tr("{0} in the block").format(count)
            cells = ["    " * depth + info.path, "    " * depth + kind, f"(None, {info.output_size})", count]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.layer_list.setItem(row, column, item)
        self.total.setText(self.tr("{0:,} parameters in all · loss: {1}").format(spec.parameter_count(), spec.loss))
        self.check_results.setRowCount(0)
        self.statusBar().showMessage(self.tr("Loaded preset {0}").format(self.preset.title))

    def check_gradients(self) -> None:
        if self.preset is None:
            return
        self.check_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Checking gradients against finite differences…"))
        self._worker = _check_gradients(self.preset.network)
        self._worker.returned.connect(self._show_report)
        self._worker.errored.connect(self._show_error)
        self._worker.finished.connect(lambda: self.check_button.setEnabled(True))
        self._worker.start()

    def _show_report(self, report: GradCheckReport) -> None:
        self.check_results.setRowCount(len(report.checks))
        for row, check in enumerate(report.checks):
            self.check_results.setItem(row, 0, QTableWidgetItem(check.name))
            self.check_results.setItem(row, 1, QTableWidgetItem(f"{check.max_relative_error:.1e}"))
        verdict = self.tr("passed") if report.passed else self.tr("FAILED")
        self.statusBar().showMessage(self.tr("Gradient check {0}: largest relative error {1:.1e}").format(
            verdict, report.max_relative_error))

    def _show_error(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Gradient check failed to run"), str(error))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A gradient check cannot be interrupted, but finishes within seconds: wait, bounded.
        QThreadPool.globalInstance().waitForDone(10_000)
        super().closeEvent(event)


def _layer_at(spec: NetworkSpec, path: str):
    layers, layer = spec.layers, None
    for index in path.split("."):
        layer = layers[int(index) - 1]
        layers = getattr(layer, "layers", [])
    return layer
