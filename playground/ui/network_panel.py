"""The network as a table of layers with shapes and parameter counts, where its data comes
from, and a gradient check against finite differences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import thread_worker

from playground.data import Dataset, DatasetConfig, load_dataset, user_data_dir
from playground.data.images import IMAGE_SETS, cache_path
from playground.engine import GradCheckReport, NetworkSpec, gradient_check, random_batch
from playground.errors import DataError
from playground.project import Preset


def load_preset_dataset(preset: Preset) -> Dataset:
    """The preset's data; an image set that still needs its download says how to get it, since
    the window must not wait on the network."""
    config = DatasetConfig.from_dict(preset.dataset)
    if config.name in IMAGE_SETS and not config.source_folder:
        folder = Path(config.data_dir).expanduser() if config.data_dir else user_data_dir()
        if not cache_path(config.name, folder).is_file():
            raise DataError(f"{IMAGE_SETS[config.name][0]} is not downloaded yet: run 'playground train --preset "
                            f"{preset.name}' once to download it (it needs the datasets extra).")
    return load_dataset(config)


@thread_worker
def _check_gradients(spec: NetworkSpec) -> GradCheckReport:
    x, y = random_batch(spec, 8, 0)
    return gradient_check(spec, x, y)


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


class NetworkPanel(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: NetworkSpec | None = None
        self.description = QLabel(objectName="presetDescription", wordWrap=True)
        self.data_source = QLabel(objectName="datasetSource", wordWrap=True)
        self.layer_list = _table([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"), self.tr("Parameters")],
                                 "layerList")
        self.total = QLabel(objectName="parameterTotal")
        network = QWidget()
        layout = QVBoxLayout(network)
        for widget in (self.description, self.data_source, self.layer_list, self.total):
            layout.addWidget(widget)
        self.check_button = QPushButton(self.tr("Check gradients"), objectName="gradcheckButton")
        self.check_button.setToolTip(self.tr("Compare the hand-written gradients with finite differences"))
        self.check_results = _table([self.tr("Parameter"), self.tr("Max relative error")], "gradcheckResults")
        self.check_verdict = QLabel(objectName="gradcheckVerdict", wordWrap=True)
        check = QWidget()
        check_layout = QVBoxLayout(check)
        for widget in (self.check_button, self.check_results, self.check_verdict):
            check_layout.addWidget(widget)
        self.addTab(network, self.tr("Network"))
        self.addTab(check, self.tr("Gradient check"))
        self.check_button.clicked.connect(self.check_gradients)

    def show_preset(self, preset: Preset, source: str) -> None:
        spec = self.spec = preset.network
        self.description.setText(preset.description)
        self.data_source.setText(self.tr("Data: {0}. {1}").format(preset.dataset.get("name", ""), source))
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
        self.check_verdict.clear()

    def check_gradients(self) -> None:
        if self.spec is None:
            return
        self.check_button.setEnabled(False)
        self.check_verdict.setText(self.tr("Checking gradients against finite differences…"))
        worker = _check_gradients(self.spec)
        worker.returned.connect(self._show_report)
        worker.errored.connect(lambda error: QMessageBox.warning(self, self.tr("Gradient check failed to run"),
                                                                 str(error)))
        worker.finished.connect(lambda: self.check_button.setEnabled(True))
        worker.start()

    def _show_report(self, report: GradCheckReport) -> None:
        self.check_results.setRowCount(len(report.checks))
        for row, check in enumerate(report.checks):
            self.check_results.setItem(row, 0, QTableWidgetItem(check.name))
            self.check_results.setItem(row, 1, QTableWidgetItem(f"{check.max_relative_error:.1e}"))
        verdict = self.tr("passed") if report.passed else self.tr("FAILED")
        self.check_verdict.setText(self.tr("Gradient check {0}: largest relative error {1:.1e}").format(
            verdict, report.max_relative_error))


def _layer_at(spec: NetworkSpec, path: str):
    layers, layer = spec.layers, None
    for index in path.split("."):
        layer = layers[int(index) - 1]
        layers = getattr(layer, "layers", [])
    return layer
