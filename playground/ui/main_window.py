"""The main window: pick a preset, train it live and watch loss, gradients and the decision
boundary; read the network layer by layer and check its gradients.

The window keeps the newest snapshot the worker sends and redraws from a 30 Hz timer.
"""

from __future__ import annotations

import numpy
import pyqtgraph
import PySide6
from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground import __version__
from playground.data import Dataset, dataset_source, load_dataset
from playground.engine import OPTIMIZERS, NetworkSpec, backend_availability
from playground.errors import PlaygroundError
from playground.project import Preset, list_presets, load_preset
from playground.project.presets import DEFAULT_PRESET
from playground.session import Session, Snapshot, TrainingConfig
from playground.ui.data_panel import DataPanel
from playground.ui.network_panel import NetworkPanel, load_preset_dataset
from playground.ui.plots import (
    AccuracyPlot,
    ActivationPlot,
    DecisionBoundaryView,
    GradientPlot,
    ImageGallery,
    LossPlot,
    format_rate,
    image_shape,
)
from playground.ui.worker import TrainingWorker

REDRAW_MS = 33
LEARNING_RATES = ["0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"]


class MainWindow(QMainWindow):
    def __init__(self, preset: str = DEFAULT_PRESET) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.preset: Preset | None = None
        self.dataset: Dataset | None = None
        self.worker: TrainingWorker | None = None
        self.latest: Snapshot | None = None
        self._drawn: Snapshot | None = None
        self._build_controls()
        self._build_views()
        self._build_menus()
        self.redraw_timer = QTimer(self, interval=REDRAW_MS)
        self.redraw_timer.timeout.connect(self.redraw)
        self.redraw_timer.start()
        self.resize(1280, 760)
        self._restore_layout()
        self.preset_selector.currentTextChanged.connect(self.load_preset)
        self.preset_selector.setCurrentText(preset)
        self.load_preset(preset)

    # Building.

    def _build_controls(self) -> None:
        self.preset_selector = QComboBox(objectName="presetSelector")
        self.preset_selector.addItems(list_presets())
        self.preset_selector.setToolTip(self.tr("Load a ready-made network, its training settings and dataset"))
        self.play_button = QPushButton(self.tr("Train"), objectName="playButton")
        self.play_button.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.play_button.setToolTip(self.tr("Start or pause training (Space)"))
        self.step_button = QPushButton(self.tr("Step"), objectName="stepButton")
        self.step_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.step_button.setShortcut(QKeySequence(Qt.Key.Key_Right))
        self.step_button.setToolTip(self.tr("Train on one batch, then pause (Right arrow)"))
        self.reset_button = QPushButton(self.tr("Reset"), objectName="resetButton")
        self.reset_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reset_button.setShortcut(QKeySequence(Qt.Key.Key_R))
        self.reset_button.setToolTip(self.tr("Start over from freshly initialized weights (R)"))
        self.epoch_label = QLabel(objectName="epochLabel")
        self.learning_rate_input = QComboBox(objectName="learningRateInput", editable=True)
        self.learning_rate_input.addItems(LEARNING_RATES)
        self.learning_rate_input.setToolTip(self.tr("Step size of each update; applies at once"))
        self.batch_size_input = QSpinBox(objectName="batchSizeInput", minimum=1, maximum=100_000)
        self.batch_size_input.setToolTip(self.tr("Examples per update; applies at once"))
        self.optimizer_selector = QComboBox(objectName="optimizerSelector")
        self.optimizer_selector.addItems(OPTIMIZERS)
        self.optimizer_selector.setToolTip(self.tr("How gradients become updates; switching keeps the weights"))
        self.backend_selector = QComboBox(objectName="backendSelector")
        for row, (name, reason) in enumerate(backend_availability().items()):
            self.backend_selector.addItem("NumPy" if name == "numpy" else "CuPy (GPU)", name)
            if reason:
                self.backend_selector.model().item(row).setEnabled(False)
                self.backend_selector.setItemData(row, reason, Qt.ItemDataRole.ToolTipRole)
        self.backend_selector.setToolTip(self.tr("Where the arithmetic runs; changing it starts over"))
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Preset:")), self.preset_selector, self.play_button, self.step_button,
                       self.reset_button, self.epoch_label, QLabel(self.tr("Learning rate:")),
                       self.learning_rate_input, QLabel(self.tr("Batch:")), self.batch_size_input,
                       QLabel(self.tr("Optimizer:")), self.optimizer_selector, QLabel(self.tr("Backend:")),
                       self.backend_selector):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._bar = bar
        self.play_button.clicked.connect(self.toggle_training)
        self.step_button.clicked.connect(self.step_once)
        self.reset_button.clicked.connect(self.reset_training)
        self.learning_rate_input.currentTextChanged.connect(self._learning_rate_changed)
        self.batch_size_input.valueChanged.connect(self._batch_size_changed)
        self.optimizer_selector.currentTextChanged.connect(self._optimizer_changed)
        self.backend_selector.currentIndexChanged.connect(lambda _: self._discard_session())

    def _build_views(self) -> None:
        self.network_panel = NetworkPanel(self)
        self.layer_list = self.network_panel.layer_list
        self.data_panel = DataPanel()
        self.data_panel.changed.connect(self.change_data)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.data_panel)
        left_layout.addWidget(self.network_panel, 1)
        self.boundary_view = DecisionBoundaryView()
        self.gallery = ImageGallery()
        self.loss_plot = LossPlot()
        self.gradient_plot = GradientPlot()
        self.accuracy_plot = AccuracyPlot()
        self.activation_plot = ActivationPlot()
        plots = QTabWidget()
        plots.addTab(self.loss_plot, self.tr("Loss"))
        plots.addTab(self.accuracy_plot, self.tr("Accuracy"))
        plots.addTab(self.gradient_plot, self.tr("Gradients"))
        plots.addTab(self.activation_plot, self.tr("Activations"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        output = QWidget()
        output_layout = QVBoxLayout(output)
        output_layout.setContentsMargins(0, 0, 0, 0)
        output_layout.addWidget(self.boundary_view)
        output_layout.addWidget(self.gallery)
        splitter.addWidget(output)
        splitter.addWidget(plots)
        splitter.setSizes([420, 420, 440])
        self.splitter = splitter
        body = QVBoxLayout()
        body.addLayout(self._bar)
        body.addWidget(splitter, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("statusBar")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        help_menu.addAction(self.tr("&About Backprop Playground"), self.show_about)

    def shortcuts_text(self) -> str:
        rows = [(self.tr("Space"), self.tr("Train or pause")), (self.tr("Right arrow"), self.tr("Train one batch")),
                (self.tr("R"), self.tr("Reset the weights")),
                (QKeySequence(QKeySequence.StandardKey.Quit).toString(), self.tr("Quit"))]
        return "<table>" + "".join(f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
                                   for key, what in rows) + "</table>"

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), self.shortcuts_text())

    def about_text(self) -> str:
        backends = ", ".join(f"{name}: {'available' if reason is None else 'unavailable'}"
                             for name, reason in backend_availability().items())
        return self.tr("<b>Backprop Playground {0}</b><br>Build a network, train it, and step through "
                       "backpropagation.<br><br>Qt {1} · PySide6 {2} · NumPy {3} · pyqtgraph {4}<br>Backends: {5}"
                       ).format(__version__, qVersion(), PySide6.__version__, numpy.__version__,
                                pyqtgraph.__version__, backends)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Backprop Playground"), self.about_text())

    # Presets and sessions.

    def load_preset(self, name: str) -> None:
        self._discard_session()
        try:
            self.preset = load_preset(name)
            self.dataset = load_preset_dataset(self.preset)
        except PlaygroundError as error:
            self.dataset = None
            self.play_button.setEnabled(False)
            self.step_button.setEnabled(False)
            self.play_button.setToolTip(str(error))
            self.statusBar().showMessage(str(error))
            return
        preset, dataset = self.preset, self.dataset
        self.setWindowTitle(self.tr("Backprop Playground — {0}").format(preset.title))
        self.data_panel.show_config(preset.dataset)
        self.network_panel.show_preset(preset, dataset_source(preset.dataset.get("name", "")))
        for widget, value in ((self.learning_rate_input, f"{preset.optimizer.learning_rate:g}"),
                              (self.optimizer_selector, preset.optimizer.kind)):
            widget.blockSignals(True)
            widget.setCurrentText(value)
            widget.blockSignals(False)
        self.batch_size_input.blockSignals(True)
        self.batch_size_input.setMaximum(len(dataset.x_train))
        self.batch_size_input.setValue(preset.batch_size)
        self.batch_size_input.blockSignals(False)
        planar = dataset.points_train is not None and dataset.points_train.shape[1] == 2
        self.boundary_view.setVisible(planar)  # a decision boundary needs a plane of inputs to draw on
        shape = image_shape(dataset)
        self.gallery.setVisible(shape is not None)
        if shape is not None:
            self.gallery.show_dataset(dataset, shape)
        self.boundary_view.show_points(dataset.points_train, dataset.y_train, dataset.task == "regression",
                                       (-6.0, 6.0))
        infos = preset.network.validate()
        self.gradient_plot.reset([info.path for info in infos if info.type == "dense"])
        self.activation_plot.reset([info.path for info in infos if "." not in info.path])
        self.play_button.setEnabled(True)
        self.step_button.setEnabled(True)
        self.play_button.setToolTip(self.tr("Start or pause training (Space)"))
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(0))
        self.statusBar().showMessage(self.tr("Loaded preset {0}").format(preset.title))

    def change_data(self, config: dict) -> None:
        """New points or features: the network's first layer follows the number of features,
        and training starts over."""
        preset = self.preset
        try:
            dataset = load_dataset(config)
            network = NetworkSpec.from_dict({**preset.network.to_dict(), "input_shape": list(dataset.input_shape)})
        except PlaygroundError as error:
            self.statusBar().showMessage(str(error))
            return
        self._discard_session()
        preset.dataset, preset.network, self.dataset = config, network, dataset
        self.network_panel.show_preset(preset, dataset_source(config["name"]))
        self.boundary_view.show_points(dataset.points_train, dataset.y_train, dataset.task == "regression",
                                       (-6.0, 6.0))
        self.batch_size_input.setMaximum(len(dataset.x_train))
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(0))
        self.statusBar().showMessage(self.tr("New data: {0} training points, features {1}").format(
            len(dataset.x_train), ", ".join(dataset.feature_names)))

    def _session(self) -> TrainingWorker:
        """The running worker, started paused on the current settings when there is none."""
        if self.worker is None:
            preset = self.preset
            optimizer = preset.optimizer
            optimizer.kind = self.optimizer_selector.currentText()
            optimizer.learning_rate = float(self.learning_rate_input.currentText())
            config = TrainingConfig(optimizer=optimizer, batch_size=self.batch_size_input.value(),
                                    backend=self.backend_selector.currentData(), start_paused=True)
            self.worker = TrainingWorker(Session(preset.network, self.dataset, config), self)
            self.worker.snapshot.connect(self._receive)
            self.worker.failed.connect(self._failed)
            self.worker.start()
        return self.worker

    def _discard_session(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None
        self.latest = self._drawn = None
        self._show_running(False)

    # Commands.

    def toggle_training(self) -> None:
        try:
            worker = self._session()
        except PlaygroundError as error:
            self._failed(str(error))
            return
        if self.latest is not None and self.latest.state == "running":
            worker.control.pause()
        else:
            worker.control.resume()

    def step_once(self) -> None:
        try:
            self._session().control.step()
        except PlaygroundError as error:
            self._failed(str(error))

    def reset_training(self) -> None:
        if self.worker is not None:
            self.worker.control.reset()

    def _learning_rate_changed(self, text: str) -> None:
        try:
            value = float(text)
        except ValueError:
            return  # still typing
        if self.worker is not None and value > 0:
            self.worker.control.set_learning_rate(value)

    def _batch_size_changed(self, value: int) -> None:
        if self.worker is not None:
            self.worker.control.set_batch_size(value)

    def _optimizer_changed(self, kind: str) -> None:
        if self.worker is not None:
            self.worker.control.set_optimizer(kind)

    # Snapshots in, pixels out.

    def _receive(self, snapshot: Snapshot) -> None:
        self.latest = snapshot
        self._show_running(snapshot.state == "running")
        if snapshot.message:
            self.statusBar().showMessage(snapshot.message)

    def _show_running(self, running: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if running else self.tr("Train"))

    def _failed(self, message: str) -> None:
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, self.tr("Training stopped"), message)

    def redraw(self) -> None:
        snapshot = self.latest
        if snapshot is None or snapshot is self._drawn:
            return
        self._drawn = snapshot
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(snapshot.epoch))
        self.loss_plot.update_from(snapshot)
        self.gradient_plot.update_from(snapshot)
        self.accuracy_plot.update_from(snapshot)
        self.activation_plot.update_from(snapshot)
        self.boundary_view.update_from(snapshot)
        if self.gallery.isVisible():
            self.gallery.update_from(snapshot)
        if not snapshot.message:
            accuracy = "" if snapshot.test_accuracy is None else self.tr(" · test accuracy {0:.1%}").format(
                snapshot.test_accuracy)
            self.statusBar().showMessage(self.tr("epoch {0} · step {1:,} · {2} samples/s · {3} · test loss {4:.4f}{5}")
                                         .format(snapshot.epoch, snapshot.step, format_rate(snapshot.samples_per_s),
                                                 self.backend_selector.currentText(), snapshot.test_loss, accuracy))

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, splitter = settings.value("window/geometry"), settings.value("window/splitter")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._save_layout()
        self._discard_session()
        # A running gradient check cannot be interrupted but finishes within seconds: wait, bounded.
        QThreadPool.globalInstance().waitForDone(10_000)
        super().closeEvent(event)
