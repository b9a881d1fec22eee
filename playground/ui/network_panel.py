"""The network panel: the layer builder in one tab, a gradient check against finite
differences in the other; and loading a preset's data without waiting on a download."""

from __future__ import annotations

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

from playground.data import Dataset, DatasetConfig, load_dataset
from playground.engine import GradCheckReport, NetworkSpec, gradient_check, random_batch
from playground.errors import DataError
from playground.ui.builder import LayerBuilder
from playground.ui.downloads import can_download, missing_download
from playground.ui.layer_palette import LayerPalette
from playground.ui.translation import tr


def load_without_download(config: dict, preset: str | None = None) -> Dataset:
    """A dataset for the window, never downloading on the GUI thread: an image set that still
    needs its download says how to get it (the window offers to, see downloads.py)."""
    title = missing_download(config)
    if title is not None:
        if not can_download():  # the installed app: its files in a folder are the only way
            raise DataError(tr("{0} is not on this computer, and this app cannot download it: choose it again to "
                               "read its files from a folder.").format(title))
        name = DatasetConfig.from_dict(config).name
        how = f"playground train --preset {preset}" if preset else f"playground train --dataset {name} NETWORK.json"
        raise DataError(tr("{0} is not downloaded yet: choose it again to download it or read its files from a "
                           "folder, or run '{1}' once.").format(title, how))
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
    table.setTabKeyNavigation(False)  # arrows move between cells; Tab goes on to the next control
    return table


class NetworkPanel(QTabWidget):
    """The layer builder, and the gradient check of the network it holds."""

    def __init__(self, palette: LayerPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.builder = LayerBuilder(palette)
        self.layer_list = self.builder.table
        self.check_button = QPushButton(self.tr("Check gradients"), objectName="gradcheckButton")
        self.check_results = _table([self.tr("Parameter"), self.tr("Max relative error")], "gradcheckResults")
        self.check_verdict = QLabel(objectName="gradcheckVerdict", wordWrap=True)
        check = QWidget()
        check_layout = QVBoxLayout(check)
        for widget in (self.check_button, self.check_results, self.check_verdict):
            check_layout.addWidget(widget)
        self.addTab(self.builder, self.tr("Layers"))
        self.addTab(check, self.tr("Gradient check"))
        self.check_button.clicked.connect(self.check_gradients)
        self.builder.changed.connect(self._network_changed)
        self._checking = False

    @property
    def spec(self) -> NetworkSpec | None:
        """The network being built, when it is valid."""
        return self.builder.spec if self.builder.error is None else None

    def _network_changed(self) -> None:
        self.check_results.setRowCount(0)
        self.check_verdict.clear()
        self._enable_check()

    def _enable_check(self) -> None:
        valid = self.spec is not None
        self.check_button.setEnabled(valid and not self._checking)
        self.check_button.setToolTip(self.tr("Compare the hand-written gradients with finite differences")
                                     if valid else self.builder.error)

    def check_gradients(self) -> None:
        if self.spec is None:
            return
        self._checking = True
        self._enable_check()
        self.check_verdict.setText(self.tr("Checking gradients against finite differences…"))
        worker = _check_gradients(self.spec)
        worker.returned.connect(self._show_report)
        worker.errored.connect(lambda error: QMessageBox.warning(self, self.tr("Gradient check failed to run"),
                                                                 str(error)))
        worker.finished.connect(self._check_finished)
        worker.start()

    def _check_finished(self) -> None:
        self._checking = False
        self._enable_check()

    def _show_report(self, report: GradCheckReport) -> None:
        self.check_results.setRowCount(len(report.checks))
        for row, check in enumerate(report.checks):
            self.check_results.setItem(row, 0, QTableWidgetItem(check.name))
            self.check_results.setItem(row, 1, QTableWidgetItem(f"{check.max_relative_error:.1e}"))
        verdict = self.tr("passed") if report.passed else self.tr("FAILED")
        self.check_verdict.setText(self.tr("Gradient check {0}: largest relative error {1:.1e}").format(
            verdict, report.max_relative_error))

