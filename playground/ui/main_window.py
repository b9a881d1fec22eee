"""The main window: pick a preset, train it live and watch loss, gradients and the decision
boundary; read the network layer by layer and check its gradients.

The window keeps the newest snapshot the worker sends and redraws from a 30 Hz timer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.data import Dataset, dataset_source
from playground.data.images import IMAGE_SETS
from playground.engine import NetworkSpec, OptimizerSpec
from playground.errors import PlaygroundError
from playground.project import Preset, load_preset
from playground.project.bpp import Project
from playground.project.presets import DEFAULT_PRESET
from playground.session import Session, Snapshot, TrainingConfig, session_for
from playground.ui.controls import ControlBar
from playground.ui.data_panel import DataPanel
from playground.ui.downloads import DataDownloads, missing_download
from playground.ui.inspector import LayerInspector
from playground.ui.layer_palette import LayerPalette
from playground.ui.layout_memory import LayoutMemory, column
from playground.ui.menus import WindowMenus
from playground.ui.metrics_view import MetricsView
from playground.ui.network_panel import NetworkPanel, load_without_download
from playground.ui.network_view import NetworkView
from playground.ui.optimizer_dialog import edit_optimizer_settings
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
from playground.ui.projects import ProjectFiles
from playground.ui.run_views import RunViews
from playground.ui.stepper import StepperPanel, StepperWiring
from playground.ui.worker import TrainingWorker

REDRAW_MS = 33


class MainWindow(StepperWiring, ProjectFiles, DataDownloads, LayoutMemory, WindowMenus):
    def __init__(self, preset: str = DEFAULT_PRESET) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.preset: Preset | None = None
        self.dataset: Dataset | None = None
        self.worker: TrainingWorker | None = None
        self.latest: Snapshot | None = None
        self._drawn: Snapshot | None = None
        self._loading = False
        self._shown_running: bool | None = None
        self._set_aside: Project | None = None  # the last run an edit dropped, for Undo to bring back
        self._init_projects()
        self._init_downloads()
        self._build_controls()
        self._build_views()
        self._build_menus()
        self.redraw_timer = QTimer(self, interval=REDRAW_MS, timeout=self.redraw)
        self.redraw_timer.start()
        self.resize(1280, 760)
        self._restore_layout()
        self.preset_selector.currentTextChanged.connect(self.load_preset)
        self.preset_selector.setCurrentText(preset)
        self.load_preset(preset)

    # Building.

    def _build_controls(self) -> None:
        self.controls = controls = ControlBar()
        for name in ("preset_selector", "play_button", "step_button", "reset_button", "epoch_label",
                     "learning_rate_input", "batch_size_input", "optimizer_selector", "backend_selector"):
            setattr(self, name, getattr(controls, name))
        controls.play_button.clicked.connect(self.toggle_training)
        controls.step_button.clicked.connect(self.step_once)
        controls.reset_button.clicked.connect(self.reset_training)
        controls.learning_rate_input.committed.connect(self._learning_rate_changed)
        controls.batch_size_input.committed.connect(self._batch_size_changed)
        controls.optimizer_selector.currentTextChanged.connect(self._optimizer_changed)
        controls.regularization_selector.currentTextChanged.connect(self._regularization_changed)
        controls.regularization_rate_input.committed.connect(self._regularization_changed)
        for field in (controls.learning_rate_input, controls.regularization_rate_input):
            field.refused.connect(self.statusBar().showMessage)
        controls.batch_size_input.adjusted.connect(self.statusBar().showMessage)
        controls.backend_selector.currentIndexChanged.connect(self._backend_changed)
        controls.optimizer_settings_button.clicked.connect(lambda: edit_optimizer_settings(self))

    def _build_views(self) -> None:
        self.palette = LayerPalette()
        self.network_panel = NetworkPanel(self.palette)
        self.builder = self.network_panel.builder
        self.builder.changed.connect(self._network_edited)
        self.builder.properties.adjusted.connect(self.statusBar().showMessage)
        self.layer_list = self.network_panel.layer_list
        self.data_panel = DataPanel()
        self.data_panel.changed.connect(self.change_data)
        self.data_panel.adjusted.connect(self.statusBar().showMessage)
        self.data_panel.folder_requested.connect(
            lambda config: self.read_image_folder(config, IMAGE_SETS[config["name"]][0], self._use_data))
        self.description = QLabel(objectName="presetDescription", wordWrap=True)
        self.data_source = QLabel(objectName="datasetSource", wordWrap=True)
        layers_box = QGroupBox(self.tr("Layers"))
        layers_layout = QVBoxLayout(layers_box)
        layers_layout.addWidget(QLabel(self.tr("Drag a layer onto the network, or double-click it."), wordWrap=True))
        layers_layout.addWidget(self.palette)
        left = column(self.data_panel, layers_box, self.description, self.data_source)
        self.boundary_view = DecisionBoundaryView()
        self.boundary_view.example_clicked.connect(self.step_through)
        self.gallery = ImageGallery()
        self.loss_plot, self.accuracy_plot, self.gradient_plot = LossPlot(), AccuracyPlot(), GradientPlot()
        self.activation_plot, self.metrics_view, self.inspector = ActivationPlot(), MetricsView(), LayerInspector()
        self.stepper = StepperPanel()
        plots = self.plot_tabs = QTabWidget()
        for view, title in ((self.loss_plot, self.tr("Loss")), (self.accuracy_plot, self.tr("Accuracy")),
                            (self.gradient_plot, self.tr("Gradients")), (self.activation_plot, self.tr("Activations")),
                            (self.metrics_view, self.tr("Metrics")), (self.inspector, self.tr("Inspector")),
                            (self.stepper, self.tr("Stepper"))):
            plots.addTab(view, title)
        self.network_view = NetworkView()
        self.network_view.neuron_selected.connect(self._neuron_selected)
        self.network_view.neuron_hovered.connect(self._neuron_hovered)
        self.run_views = RunViews((self.loss_plot, self.gradient_plot, self.accuracy_plot, self.activation_plot,
                                   self.metrics_view, self.inspector, self.boundary_view, self.gallery,
                                   self.network_view))
        plots.currentChanged.connect(lambda _: self._update_views(self._drawn))
        self._connect_stepper()
        self.output_splitter = QSplitter(Qt.Orientation.Vertical)
        self.output_splitter.addWidget(column(self.boundary_view, self.gallery))
        self.output_splitter.addWidget(plots)
        self.network_splitter = QSplitter(Qt.Orientation.Vertical)
        self.network_splitter.addWidget(self.network_view)
        self.network_splitter.addWidget(self.network_panel)
        self.network_splitter.setSizes([430, 370])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.network_splitter)
        splitter.addWidget(self.output_splitter)
        splitter.setSizes([300, 460, 520])
        self.splitter = splitter
        central = QWidget()
        body = QVBoxLayout(central)
        body.addWidget(self.controls)
        body.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("statusBar")
        # The run's numbers on the right; what just happened (a notice, an error) on the left, where
        # the next snapshot does not overwrite it.
        self.run_readout = QLabel(objectName="runReadout")
        self.statusBar().addPermanentWidget(self.run_readout)

    # Presets and sessions.

    def load_preset(self, name: str) -> None:
        self._discard_session()
        try:
            preset = load_preset(name)
            title = missing_download(preset.dataset)
            if title is not None and self._offer_download(preset.dataset, title,
                                                          lambda used, data: self._show_preset(preset, data, used)):
                return
            self._show_preset(preset, load_without_download(preset.dataset, name))
        except PlaygroundError as error:
            self.dataset = None
            self.controls.enable_training(str(error))
            self.statusBar().showMessage(str(error))

    def _show_preset(self, preset: Preset, dataset: Dataset, dataset_config: dict | None = None) -> None:
        """`dataset_config`: the config the data were read with, when not the preset's own (its files
        read from a folder)."""
        if dataset_config is not None:
            preset.dataset = dataset_config
        self.dataset = dataset
        self.preset = preset
        self._show_setup()
        self.project_path = None
        self._saved_step = 0
        self.mark_modified(False)
        self._show_title()
        self.statusBar().showMessage(self.tr("Loaded preset {0}").format(preset.title))

    def _show_setup(self) -> None:
        """The current preset or project's description, data, settings and network."""
        preset = self.preset
        self._set_aside = None  # another project's run: Undo starts from this one
        self.description.setText(preset.description)
        self.data_panel.show_config(preset.dataset)
        self._show_data()
        self.controls.show_optimizer(preset.optimizer, preset.batch_size, len(self.dataset.x_train))
        self._loading = True
        try:
            self.builder.load(preset.network)
        finally:
            self._loading = False

    def _show_data(self) -> None:
        dataset = self.builder.dataset = self.dataset  # the builder checks the network fits it
        self.data_source.setText(self.tr("Data: {0}. {1}").format(dataset.name, dataset_source(dataset.name)))
        planar = dataset.points_train is not None and dataset.points_train.shape[1] == 2
        self.boundary_view.setVisible(planar)  # a decision boundary needs a plane of inputs to draw on
        shape = image_shape(dataset)
        self.gallery.setVisible(shape is not None)
        if shape is not None:
            self.gallery.show_dataset(dataset, shape)
        self.metrics_view.show_dataset(dataset)
        self.boundary_view.show_points(dataset.points_train, dataset.y_train, dataset.task == "regression",
                                       (-6.0, 6.0), test_points=dataset.points_test, test_labels=dataset.y_test)
        self.batch_size_input.setMaximum(len(dataset.x_train))
        self.stepper.set_example_count(len(dataset.x_train))

    def change_data(self, config: dict) -> None:
        """Other data, or other points or features: the network's input follows the features and
        its output what the data needs (an edit that can be undone); training starts over."""
        try:
            title = missing_download(config)
            if title is not None and self._offer_download(config, title, self._use_data):
                return
            dataset = load_without_download(config)
        except PlaygroundError as error:
            self.data_panel.show_config(self.preset.dataset)  # the choice did not happen
            self.statusBar().showMessage(str(error))
            notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Data not loaded"), str(error), parent=self)
            notice.open()  # not exec(): the window goes on
            return
        self._use_data(config, dataset)

    def _use_data(self, config: dict, dataset: Dataset) -> None:
        self._discard_session()
        if self.project_path is None and config.get("name") != self.preset.dataset.get("name"):
            self.preset.title = dataset.title  # an unsaved project is named after what it learns
            self._show_title()
        self.preset.dataset, self.dataset = config, dataset
        self.data_panel.show_config(config)  # a no-op when the panel asked; not when a download finished
        self._show_data()
        self.builder.set_input_shape(dataset.input_shape)
        self.builder.fit_outputs(dataset.outputs, dataset.loss)
        self.mark_modified()
        self.statusBar().showMessage(self.tr("New data: {0} training points, features {1}").format(
            len(dataset.x_train), ", ".join(dataset.feature_names)))

    def _network_edited(self) -> None:
        """Any edit of the network starts training over on the new one, and says so when a trained run
        was dropped; an Undo back to the network of that run continues it, when nothing trained since."""
        dropped = self._discard_session()
        spec = self.network_panel.spec
        if not self._loading:
            self.mark_modified()
            resumed = self._bring_back_set_aside()
            if resumed is not None:
                self.statusBar().showMessage(self.tr("Back to the network trained to step {0:,}: its weights and "
                                                     "training state are restored").format(resumed))
            elif dropped:
                self.statusBar().showMessage(self.tr("The network changed, so training starts over from new random "
                                                     "weights. Undo (Ctrl+Z) brings back the run at step {0:,}.")
                                             .format(dropped))
        if self.dataset is not None:
            self.controls.enable_training(None if spec is not None else self.builder.error)
        infos = self.builder.infos
        self.gradient_plot.reset([info.path for info in infos if info.type == "dense"])
        self.activation_plot.reset([info.path for info in infos if "." not in info.path])
        if spec is not None:
            self.preset.network = spec
        dataset = self.dataset
        planar = dataset is not None and dataset.points_train is not None and dataset.points_train.shape[1] == 2
        # The picture follows every edit; a network that does not validate draws nothing.
        shown = self.builder.spec or NetworkSpec(self.builder.input_shape, [])
        self.network_view.show_network(shown, dataset.feature_names if dataset else [], planar)

    def _backend_changed(self) -> None:
        if self._discard_session():
            self.statusBar().showMessage(self.tr("The backend changed: training starts over from new random weights."))

    def _neuron_selected(self, path: str, unit: int) -> None:
        """A unit clicked in the network view fills the big output view; click its caption to go back."""
        grid = self.network_view.input_grid(unit) if path == "input" else None
        self.boundary_view.show_neuron(path, unit, grid)

    def _neuron_hovered(self, path: str, unit: int) -> None:
        """A unit under the pointer fills the big output view until the pointer leaves it."""
        if not path:
            self.boundary_view.preview_neuron(None)
            return
        grid = self.network_view.input_grid(unit) if path == "input" else None
        self.boundary_view.preview_neuron(path, unit, grid)

    def _session(self) -> TrainingWorker:
        """The running worker, started paused on the current settings when there is none."""
        if self.worker is None:
            config = TrainingConfig(optimizer=self.chosen_optimizer(), batch_size=self.batch_size_input.value(),
                                    backend=self.backend_selector.currentData(), start_paused=True)
            self._start_worker(Session(self.network_panel.spec, self.dataset, config))
        return self.worker

    def chosen_optimizer(self) -> OptimizerSpec:
        """The preset's optimizer with the controls' choices written into it."""
        optimizer = self.preset.optimizer = self.preset.optimizer.with_kind(self.optimizer_selector.currentText())
        optimizer.learning_rate = self.controls.learning_rate() or optimizer.learning_rate
        optimizer.l1, optimizer.l2 = self.controls.regularization() or (optimizer.l1, optimizer.l2)
        return optimizer

    def _start_worker(self, session: Session) -> None:
        self.worker = TrainingWorker(session, self)
        self.worker.snapshot.connect(self._receive)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _discard_session(self) -> int:
        """Stop and drop the session, clearing every view of its run; the step it had reached. A run
        that trained is set aside, so that undoing the edit that dropped it can bring it back."""
        trained = 0
        if self.worker is not None:
            # Stop listening first: what the worker had already sent shows a run that is gone.
            self.worker.snapshot.disconnect(self._receive)
            self.worker.failed.disconnect(self._failed)
            self.worker.stop()
            session = self.worker.session
            if session.step > 0 or self.isWindowModified():  # its state, exported once for both uses
                project = self._project(session)
                self._autosave_stopped(project)
                if session.step > 0:
                    trained, self._set_aside = session.step, project
            self.worker.deleteLater()
            self.worker = None
        self._pending_exports = []
        self._forget_run()
        self._show_running(False)
        return trained

    def _forget_run(self) -> None:
        """RunViews' rule for the window: no view, counter or readout shows a run that is gone."""
        self.latest = self._drawn = None
        self.run_views.clear()
        self._leave_stepper()
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(0))
        self.run_readout.setText(self.tr("not trained yet"))

    def _bring_back_set_aside(self) -> int | None:
        """When the network and data are again those of the run last set aside, and nothing trained
        since, continue that run (its weights, optimizer state and history); the step it is at."""
        aside, spec = self._set_aside, self.network_panel.spec
        if (aside is None or spec is None or self.dataset is None or aside.network.to_dict() != spec.to_dict()
                or aside.dataset != self.preset.dataset):
            return None
        try:
            session = session_for(aside, self.dataset, start_paused=True, backend=self.backend_selector.currentData())
        except PlaygroundError:
            return None
        self._set_aside = None
        self.controls.show_optimizer(aside.optimizer, aside.batch_size, len(self.dataset.x_train))
        self._start_worker(session)
        return session.step

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
            self.autosave()  # the export is queued before the reset, so it keeps the weights being reset
            self.worker.control.reset()

    def _learning_rate_changed(self, value: float) -> None:
        self.mark_modified()
        if self.worker is not None:
            self.worker.control.set_learning_rate(value)

    def _regularization_changed(self, _: object) -> None:
        self.mark_modified()
        penalties = self.controls.regularization()
        if self.worker is not None and penalties is not None:
            self.worker.control.set_regularization(*penalties)

    def _batch_size_changed(self, value: int) -> None:
        self.mark_modified()
        if self.worker is not None:
            self.worker.control.set_batch_size(value)

    def _optimizer_changed(self, kind: str) -> None:
        self.mark_modified()
        if self.worker is not None:
            self.worker.control.set_optimizer(kind)

    # Snapshots in, pixels out.

    def _receive(self, snapshot: Snapshot) -> None:
        if snapshot.run != self.run_views.run:  # a new run (a reset, a new session): the one before goes
            self._forget_run()
            self.run_views.run = snapshot.run
        self.latest = snapshot
        self._show_running(snapshot.state == "running")
        if snapshot.exported is not None:
            self._exported_received(snapshot)
        if snapshot.step != self._saved_step:
            self.mark_modified()
        if snapshot.epoch_report is not None:  # in a few snapshots only, which a redraw may skip
            self.metrics_view.keep(snapshot.epoch_report)
        if snapshot.trace is not None:
            self._trace_received(snapshot)
        elif snapshot.state == "running" and self.stepper.current_phase() >= 0:
            self._leave_stepper()  # training moved on: the step held for the stepper was dropped
        if snapshot.message:
            self.statusBar().showMessage(snapshot.message)

    def _show_running(self, running: bool) -> None:
        if running == self._shown_running:
            return  # a new icon and text re-lay the bar out: only when the state changes
        self._shown_running = running
        icon = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if running else self.tr("Train"))

    def _failed(self, message: str, title: str | None = None) -> None:
        """A message box titled with what happened (by default, that training stopped)."""
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, title or self.tr("Training stopped"), message)

    def redraw(self) -> None:
        snapshot = self.latest
        if snapshot is None or snapshot is self._drawn:
            return
        self._drawn = snapshot
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(snapshot.epoch))
        self._update_views(snapshot)
        accuracy = "" if snapshot.test_accuracy is None else self.tr(" · test accuracy {0:.1%}").format(
            snapshot.test_accuracy)
        # The rate only while training runs: it is measured over running time alone.
        rate = self.tr(" · {0} samples/s").format(format_rate(snapshot.samples_per_s)) \
            if snapshot.state == "running" else ""
        self.run_readout.setText(self.tr("epoch {0} · step {1:,}{2} · {3} · test loss {4:.4f}{5}").format(
            snapshot.epoch, snapshot.step, rate, self.backend_selector.currentText(), snapshot.test_loss, accuracy))
        # Big networks measure a slice of the test sample at each snapshot while training runs.
        if snapshot.test_measured < snapshot.test_examples:
            basis = self.tr("Test loss and accuracy on the last {0:,} test examples, {1:,} of them measured "
                            "at this update")
        else:
            basis = self.tr("Test loss and accuracy on {0:,} test examples")
        self.run_readout.setToolTip(basis.format(snapshot.test_examples, snapshot.test_measured))

    def _update_views(self, snapshot: Snapshot | None) -> None:
        if snapshot is not None:
            self.run_views.draw(snapshot)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._closing_allowed():
            event.ignore()
            return
        self._save_layout()
        self.mark_modified(False)  # asked already: leaving now drops nothing unasked
        self._discard_session()
        self.autosave_file.release()  # a clean exit: nothing to restore next time
        # A running gradient check cannot be interrupted but finishes within seconds: wait, bounded.
        QThreadPool.globalInstance().waitForDone(10_000)
        super().closeEvent(event)

