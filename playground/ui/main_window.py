"""The main window: pick a preset, train it live and watch loss, gradients and the decision
boundary; read the network layer by layer and check its gradients.

The window keeps the newest snapshot the worker sends and redraws from a 30 Hz timer. Its parts are
widgets that own their state (the control bar, the data panel, the network panel and view, the output
panel: the picture above the tabs of plots) and objects it makes for its other roles: the training
session (Training), the run in use (RunInUse: the preset and data shown and trained, the project as it
stands, the run set aside for Undo), project files (ProjectFiles), downloads (DataDownloads), the runs
kept for comparison (RunComparison), lessons (Lessons), the stepper's side (StepperWiring), the menus
and the layout memory.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QSignalBlocker, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from playground.data import Dataset, dataset_title
from playground.engine import NetworkSpec, OptimizerSpec
from playground.errors import PlaygroundError
from playground.project import Preset, load_preset
from playground.project.bpp import StepperPlace
from playground.project.lessons import LessonPlace, lesson_titles
from playground.project.presets import DEFAULT_PRESET
from playground.project.translations import dataset_source_in
from playground.session import Session, Snapshot
from playground.ui.comparison import RunComparison
from playground.ui.controls import BACKEND_NAMES, ControlBar, KeysOfTheFocusedControl
from playground.ui.data_notice import new_data_notice
from playground.ui.data_panel import DataPanel
from playground.ui.downloads import DataDownloads, missing_download
from playground.ui.layer_palette import LayerPalette
from playground.ui.layout_memory import LayoutMemory, column, splitter_of
from playground.ui.lesson_panel import Lessons
from playground.ui.menus import WindowMenus
from playground.ui.network_handles import NetworkHandles
from playground.ui.network_panel import NetworkPanel, load_without_download
from playground.ui.network_view import NetworkView
from playground.ui.optimizer_dialog import edit_optimizer_settings
from playground.ui.output_panel import OutputPanel
from playground.ui.plots import format_rate
from playground.ui.preset_description import PresetDescription
from playground.ui.projects import ProjectFiles
from playground.ui.run_in_use import RunInUse
from playground.ui.run_views import RunViews
from playground.ui.status_bar import RunReadout, WrappingStatusBar
from playground.ui.stepper import StepperRoom, StepperWiring
from playground.ui.training import Training
from playground.ui.translation import window_language
from playground.ui.weight_editing import WeightEditor
from playground.words import plain_number

REDRAW_MS = 33
# The output panel's views by the names the window, tests, benchmarks and the screenshots reach them under.
OUTPUT_VIEWS = ("boundary_view", "fit_view", "gallery", "image_tabs", "filters_view", "feature_maps_view",
                "loss_plot", "accuracy_plot", "gradient_plot", "activation_plot", "metrics_view", "inspector",
                "compare_view", "stepper", "plot_tabs")


class MainWindow(QMainWindow):
    def __init__(self, preset: str = DEFAULT_PRESET) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setStatusBar(WrappingStatusBar(objectName="statusBar"))
        self.latest: Snapshot | None = None
        self._drawn: Snapshot | None = None
        self._loading = False
        self._dropped_by: tuple[int, int] | None = None  # (its step, the edit stack's index) while the edit settles
        self._build_controls()
        # The run in use makes the sessions; it is made once the objects it needs are (below).
        self.training = Training(self.controls, lambda: self.run_in_use.new_session(), self)
        self.training.snapshot.connect(self._receive)
        self.projects = ProjectFiles(self, self.training)
        self.downloads = DataDownloads(self, self.projects)
        self._build_views()
        self.stepping = StepperWiring(self.stepper, self.network_view, self.plot_tabs, self.training)
        self.stepping.message.connect(self.statusBar().showMessage)
        self.boundary_view.example_clicked.connect(self.stepping.step_through)
        self.fit_view.example_clicked.connect(self.stepping.step_through)
        self.comparison = RunComparison(self.compare_view, self.training, lambda: self.preset.title,
                                        lambda: self.preset.dataset, lambda: self.run_in_use.run_set_aside())
        self.comparison.changed.connect(self.mark_modified)
        self.comparison.message.connect(self.statusBar().showMessage)
        self.run_in_use = RunInUse(self, self.controls, self.network_panel, self.description, self.training,
                                   self.comparison, lambda: self.lessons.place(), self.stepping.place,
                                   self.projects.autosave_stopped)
        self.run_in_use.dropped.connect(self._forget_run)
        # app.quit() with the window open: no training thread outlives the event loop, and unsaved work stays
        # in the autosave, offered at the next start.
        QApplication.instance().aboutToQuit.connect(self.run_in_use.discard_session)
        for part in (self.training, self.projects, self.downloads, self.stepping, self.run_in_use):
            part.failed.connect(self._failed)
        self.controls.keep_button.clicked.connect(self.comparison.keep)
        self.lessons = Lessons(self, self.builder, self.comparison,
                               lambda: copy.deepcopy(self.run_in_use.chosen_optimizer()), self.use_settings,
                               self._open_preset, self.output_panel.show_tab, self.stop_after)
        self.menus = WindowMenus(self, self.projects, self.builder.undo_stack, self.preset_selector, self.load_preset)
        self.builder.undo_stack.indexChanged.connect(self._edit_settled)
        controls = self.controls
        self.menus.add_run_menus((controls.train_action, controls.step_action, controls.reset_action,
                                  controls.keep_action), self.comparison.forget_action,
                                 lesson_titles(window_language()), self.lessons.open, self.lessons.show_list)
        self.layout_memory = LayoutMemory(self, {"splitter": self.splitter, "network_splitter": self.network_splitter,
                                                 "output_splitter": self.output_panel})
        self.redraw_timer = QTimer(self, interval=REDRAW_MS, timeout=self.redraw)
        self.redraw_timer.start()
        self.resize(1280, 760)
        self.layout_memory.restore()
        self.preset_selector.currentTextChanged.connect(self.load_preset)
        self.preset_selector.setCurrentText(preset)
        self.load_preset(preset)

    # Building.

    def _build_controls(self) -> None:
        self.controls = controls = ControlBar()
        for name in ("preset_selector", "play_button", "step_button", "reset_button", "epoch_label",
                     "learning_rate_input", "batch_size_input", "optimizer_selector", "backend_selector"):
            setattr(self, name, getattr(controls, name))
        # On small data the epoch changes at every snapshot. A label of fixed size does not lay the bar out
        # again each time (superqt's FlowLayout, in Python, on the thread the training waits for), and one that
        # paints its own background repaints alone, not the bar and the window beneath it.
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(8_888_888))
        self.epoch_label.setFixedSize(self.epoch_label.sizeHint())
        self.epoch_label.setAutoFillBackground(True)
        controls.play_button.clicked.connect(self.toggle_training)
        controls.step_button.clicked.connect(self.step_once)
        controls.reset_button.clicked.connect(self.reset_training)
        controls.settings_changed.connect(self.mark_modified)  # Training applies them to the running session
        for field in (controls.learning_rate_input, controls.regularization_rate_input):
            field.refused.connect(self.statusBar().showMessage)
        controls.batch_size_input.adjusted.connect(self.statusBar().showMessage)
        controls.stop_at_input.adjusted.connect(self.statusBar().showMessage)
        controls.stop_at_input.committed.connect(self._stop_at_changed)
        controls.backend_selector.currentIndexChanged.connect(self._backend_changed)
        controls.optimizer_settings_button.clicked.connect(lambda: edit_optimizer_settings(self))

    def _build_views(self) -> None:
        self.palette = LayerPalette()
        self.network_panel = NetworkPanel(self.palette)
        self.builder = self.network_panel.builder
        self.builder.changed.connect(self._network_edited)
        self.builder.properties.adjusted.connect(self.statusBar().showMessage)
        self.layer_list = self.network_panel.layer_list
        self.data_panel = DataPanel(folders=self.projects)
        self.data_panel.changed.connect(self.change_data)
        self.data_panel.adjusted.connect(self.statusBar().showMessage)
        self.data_panel.folder_requested.connect(
            lambda config: self.downloads.read_image_folder(config, dataset_title(config["name"]), self._use_data))
        self.description = PresetDescription()
        self.data_source = QLabel(objectName="datasetSource", wordWrap=True)
        layers_box = QGroupBox(self.tr("Layers"))
        layers_layout = QVBoxLayout(layers_box)
        layers_layout.addWidget(QLabel(self.tr("Drag a layer onto the network, or double-click it."), wordWrap=True))
        layers_layout.addWidget(self.palette)
        left = column(self.data_panel, layers_box, self.description, self.data_source)
        left.layout().setStretchFactor(layers_box, 1)  # the palette takes the height the texts leave
        self.output_panel = outputs = OutputPanel()
        outputs.images_watched.connect(self.training.watch_images)
        outputs.views_shown.connect(lambda: self._update_views(self._drawn))
        for name in OUTPUT_VIEWS:
            setattr(self, name, getattr(outputs, name))
        self.network_view = NetworkView()
        self.network_view.neuron_selected.connect(self._neuron_selected)
        self.network_view.neuron_hovered.connect(self._neuron_hovered)
        # The network view is a place to edit too: its + and − make builder edits, a clicked link's weight is set.
        self.network_handles = NetworkHandles(self.builder, self.network_view)
        self.weight_editor = WeightEditor(self.network_view, self.builder.undo_stack,
                                          lambda: self.training.worker and self.training.worker.control,
                                          lambda: self._drawn)
        self.weight_editor.edited.connect(self.mark_modified)
        # The session drops a held step on other weights too (self.stepping is made after the views).
        self.weight_editor.edited.connect(lambda: self.stepping.leave())
        self.weight_editor.notice.connect(self.statusBar().showMessage)
        self.run_views = RunViews((outputs, self.network_view, self.weight_editor))
        self.network_splitter = splitter_of(Qt.Orientation.Vertical, column(self.network_view, self.weight_editor),
                                            self.network_panel)
        self.network_splitter.setSizes([430, 370])
        self.splitter = splitter_of(Qt.Orientation.Horizontal, left, self.network_splitter, outputs)
        self.splitter.setSizes([300, 400, 580])  # room for every tab of the plots at 1280 pixels
        self.stepper_room = StepperRoom(self.stepper, self.plot_tabs, self.splitter,
                                        [left, self.network_panel, outputs.pictures])
        central = QWidget()
        body = QVBoxLayout(central)
        body.addWidget(self.controls)
        body.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.installEventFilter(KeysOfTheFocusedControl(self))
        # The run's numbers on the right; what just happened (a notice, an error) on the left, where
        # the next snapshot does not overwrite it.
        self.run_readout = RunReadout(objectName="runReadout")
        self.statusBar().addPermanentWidget(self.run_readout)

    # What is shown and trained.

    @property
    def preset(self) -> Preset | None:
        """The preset or project shown (the run in use's), as ProjectFiles, Lessons and the optimizer dialog read it."""
        return self.run_in_use.preset

    @property
    def dataset(self) -> Dataset | None:
        """The data shown and trained on (the run in use's)."""
        return self.run_in_use.dataset

    def load_preset(self, name: str) -> bool:
        """Show preset `name` and its data, once unsaved work is saved or discarded (asked as Open and closing ask).
        Whether the preset is shown, or will be once its data are downloaded: False when the person cancelled to
        keep that work, or when the data are not here (a download declined); either leaves the preset or project
        shown as it was, and the selector says so."""
        if not self.projects.closing_allowed():
            self._select_shown_preset()
            return False
        try:
            preset = load_preset(name, window_language())
            title = missing_download(preset.dataset)
            if title is not None and self.downloads.offer_download(
                    preset.dataset, title, lambda used, data: self._show_preset(preset, data, used)):
                return True  # shown once downloaded
            dataset = load_without_download(preset.dataset, name)
        except PlaygroundError as error:
            self.statusBar().showMessage(str(error))
            if self.preset is None:  # nothing shown before (the window's first preset): nothing to train
                self.controls.enable_training(str(error))
            else:
                self._select_shown_preset()
            return False
        self._show_preset(preset, dataset)
        return True

    def _select_shown_preset(self) -> None:
        """The selector on the preset shown, marked changed while its description does not tell of the network and
        data in use, or on none ("(project)") for a project, loading nothing."""
        network = self.network_panel.spec
        changed = not self.description.tells_of(self.dataset.name if self.dataset is not None else None, network)
        self.controls.show_preset(self.preset.name, changed)

    def _show_preset(self, preset: Preset, dataset: Dataset, dataset_config: dict | None = None) -> None:
        """`dataset_config`: the config the data were read with, when not the preset's own (its files
        read from a folder)."""
        if dataset_config is not None:
            preset.dataset = dataset_config
        self.run_in_use.discard_session()
        self.run_in_use.show(preset, dataset)
        self._show_setup()
        self.projects.show_file(None, 0)
        self.statusBar().showMessage(self.tr("Loaded preset {0}").format(preset.title))
        self.lessons.preset_shown(preset.name)

    def _open_preset(self, name: str) -> bool:
        """Show preset `name`, as a new project even when it is the one shown (load_preset's answer)."""
        with QSignalBlocker(self.preset_selector):
            self.preset_selector.setCurrentText(name)
        return self.load_preset(name)

    def stop_after(self, epochs: int, new_run: bool) -> None:
        """Training pauses `epochs` epochs on from where the run is, or from the start for the `new_run` a lesson
        step's change begins, so that pressing Train trains what the step says."""
        self.controls.stop_at(epochs + (0 if new_run or self.latest is None else self.latest.epoch))

    def use_settings(self, optimizer: OptimizerSpec) -> None:
        """Optimizer settings a lesson step applies, or its Undo brings back: the next run trains with them."""
        self.run_in_use.discard_session()
        self.preset.optimizer = copy.deepcopy(optimizer)
        most = len(self.dataset.x_train) if self.dataset is not None else self.batch_size_input.maximum()
        self.controls.show_optimizer(optimizer, self.batch_size_input.value(), most)
        self.mark_modified()

    def _show_setup(self) -> None:
        """The current preset or project's description, data, settings and network."""
        preset = self.preset
        self.description.describe(preset.description, preset.dataset.get("name"), preset.network)
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
        self.palette.offer_image_layers(dataset.image_shape is not None)
        self._show_description()
        source = dataset_source_in(dataset.name, window_language())
        self.data_source.setText(self.tr("Data: {0}. {1}").format(dataset.title, source))
        self.output_panel.show_dataset(dataset, self.run_in_use.gallery_examples())
        self.batch_size_input.setMaximum(len(dataset.x_train))

    def change_data(self, config: dict) -> None:
        """Other data, or other points or features: the network's input follows the features and
        its output what the data needs (an edit that can be undone); training starts over."""
        try:
            title = missing_download(config)
            if title is not None and self.downloads.offer_download(config, title, self._use_data):
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
        dropped = self.run_in_use.discard_session()
        # An unsaved project is named after what it learns: other data, another CSV file too, not other points.
        if self.projects.project_path is None and (self.dataset is None or dataset.title != self.dataset.title):
            self.preset.title = dataset.title
            self.projects.show_title()
        self.preset.dataset, self.run_in_use.dataset = config, dataset
        self.data_panel.show_config(config)  # a no-op when the panel asked; not when a download finished
        self._show_data()
        input_before = self.builder.input_shape
        self.builder.set_input_shape(dataset.input_shape)
        fitted = self.builder.fit_outputs(dataset.outputs, dataset.loss)
        self.mark_modified()
        self.statusBar().showMessage(new_data_notice(dataset, input_before, fitted, dropped > 0))

    def _show_description(self) -> None:
        """The preset's description, and its name in the selector, as true of the data and network in use."""
        self.description.follow(self.dataset.name if self.dataset is not None else None, self.network_panel.spec)
        if self.preset is not None:
            self._select_shown_preset()

    def _network_edited(self) -> None:
        """Any edit of the network starts training over on the new one, and says so when a trained run
        was dropped; an Undo back to the network of that run continues it, when nothing trained since."""
        dropped = self.run_in_use.discard_session()
        spec = self.network_panel.spec
        self._dropped_by = None
        self._show_description()
        if not self._loading:
            self.mark_modified()
            resumed = self.run_in_use.bring_back_set_aside()
            if resumed is not None:
                self.statusBar().showMessage(self.tr("Back to the network trained to step {0:,}: its weights and "
                                                     "training state are restored").format(resumed))
            elif dropped:
                # The edit stack's index moves after this: an Undo that dropped the run leaves it to Redo.
                self._dropped_by = (dropped, self.builder.undo_stack.index())
                self.statusBar().showMessage(self.tr("The network changed, so training starts over from new random "
                                                     "weights. Undo (Ctrl+Z) brings back the run at step {0:,}.")
                                             .format(dropped))
        if self.dataset is not None:
            self.controls.enable_training(None if spec is not None else self.builder.error)
        if spec is not None:
            self.preset.network = spec
        dataset = self.dataset
        planar = dataset is not None and dataset.points_train is not None and dataset.points_train.shape[1] == 2
        # The picture follows every edit; a network that does not validate draws nothing.
        shown = self.builder.spec or NetworkSpec(self.builder.input_shape, [])
        features = dataset.feature_names if dataset else []
        self.network_view.show_network(shown, features, planar, self.network_handles.handles(len(features)))
        self.output_panel.show_network(spec, self.builder.spec, self.builder.infos)

    def _backend_changed(self) -> None:
        """The run goes on on the backend chosen: its weights and optimizer state move across between steps."""
        if self.training.worker is not None:
            chosen = self.backend_selector.currentData()
            self.training.worker.control.set_backend(chosen)
            message = self.tr("The backend is now {0}: the weights and the optimizer's state move across, and "
                              "training goes on from the same step.").format(self.backend_selector.currentText())
            if chosen == "cupy":  # CuPy compiles each kernel at its first use: the first steps stall
                message += " " + self.tr("Its first steps can take a few seconds while CuPy compiles its GPU kernels "
                                         "(kept on disk for later runs).")
            self.statusBar().showMessage(message)

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

    def show_project(self, preset: Preset, dataset: Dataset, session: Session, runs: list | None = None,
                     lesson: LessonPlace | None = None, stepper: StepperPlace | None = None,
                     run_kept_as: int | None = None) -> None:
        """Drop the session, show `preset` on `dataset`, and go on with `session` (an opened project's, with its
        kept `runs`, the index of the one its run is, the `lesson` it was saved in at its step, or none, and the
        step its `stepper` held, traced again and shown where the stepper was, or none)."""
        self.run_in_use.discard_session()
        self.comparison.show_runs(runs or [], {} if run_kept_as is None else {session.run_id: run_kept_as})
        self.run_in_use.show(preset, dataset, session.config.seed)
        self._show_setup()
        self.training.start(session)
        try:
            self.lessons.resume(lesson)
        except PlaygroundError as error:
            # The project itself is whole: only where it was in a lesson of another version is lost, and the
            # Lessons menu starts any lesson again.
            notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Lesson not shown"), str(error), parent=self,
                                 objectName="lessonNotShown")
            notice.open()  # not exec(): the project is open, and the window goes on
        try:
            self.stepping.resume(stepper, len(dataset.x_train))
        except PlaygroundError as error:  # as a lesson not shown: the project itself is whole
            notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Step not shown"), str(error), parent=self,
                                 objectName="stepNotShown")
            notice.open()

    def _forget_run(self) -> None:
        """RunViews' rule for the window: no view, counter or readout shows a run that is gone."""
        self.latest = self._drawn = None
        self.run_views.clear()
        self.stepping.leave()
        self.epoch_label.setText(self.tr("Epoch {0:06d}").format(0))
        self.run_readout.setText(self.tr("not trained yet"))

    def _edit_settled(self, index: int) -> None:
        """After an Undo that dropped a trained run, Redo is what brings that run back: say so."""
        dropped, self._dropped_by = self._dropped_by, None
        if dropped is not None and index < dropped[1]:
            self.statusBar().showMessage(self.tr("The network changed, so training starts over from new random "
                                                 "weights. Redo (Ctrl+Shift+Z) brings back the run at step {0:,}.")
                                         .format(dropped[0]))

    # Commands.

    def toggle_training(self) -> None:
        try:
            control = self.training.control()
        except PlaygroundError as error:
            self._failed(str(error))
            return
        if self.latest is not None and self.latest.state == "running":
            control.pause()
            return
        goal, epoch = self.controls.stop_at_epoch(), self.latest.epoch if self.latest is not None else 0
        if goal is not None and goal <= epoch:
            # Reached or passed: Train goes on, and the field says it no longer stops there.
            self.controls.stop_at(None)
            self.statusBar().showMessage(self.tr("Training goes on from epoch {0} until you pause it: the epoch to "
                                                 "stop at, {1}, is reached. Set a later one to stop there.")
                                         .format(epoch, goal))
        control.resume()

    def _stop_at_changed(self) -> None:
        """An epoch to stop at that the running run has reached already: it trains on, and says so."""
        goal, latest = self.controls.stop_at_epoch(), self.latest
        if goal is not None and latest is not None and latest.state == "running" and goal <= latest.epoch:
            self.statusBar().showMessage(self.tr("Training is past epoch {0} already: it goes on until you pause it, "
                                                 "or set a later epoch to stop at.").format(goal))

    def step_once(self) -> None:
        try:
            self.training.control().step()
        except PlaygroundError as error:
            self._failed(str(error))

    def reset_training(self) -> None:
        if self.training.worker is not None:
            self.projects.autosave()  # the export is queued before the reset, so it keeps the weights being reset
            self.training.worker.control.reset()

    # Snapshots in, pixels out.

    def _receive(self, snapshot: Snapshot) -> None:
        if snapshot.run != self.run_views.run:  # a new run (a reset, a new session): the one before goes
            self._forget_run()
            self.run_views.run = snapshot.run
        self.latest = snapshot
        self.controls.show_running(snapshot.state == "running")
        if snapshot.step != self.projects.saved_step:
            self.mark_modified()
        if snapshot.epoch_report is not None:  # in a few snapshots only, which a redraw may skip
            self.metrics_view.keep(snapshot.epoch_report)
        if snapshot.trace is not None:
            self.stepping.show_trace(snapshot)
        elif not snapshot.trace_held and self.stepper.current_phase() >= 0:
            self.stepping.dropped(snapshot.state == "running")  # training or a setting moved on since the trace
        if snapshot.message:
            self.statusBar().showMessage(snapshot.message)
        if snapshot.backend_refused is not None and self.backend_selector.currentData() == snapshot.backend_refused:
            with QSignalBlocker(self.backend_selector):  # shows where the run stays; asks the session nothing
                self.controls.select_backend(snapshot.backend_chosen)

    def mark_modified(self, modified: bool = True) -> None:
        """The title's mark of unsaved changes."""
        if modified != self.isWindowModified():  # set again, Qt sets the window's title again: at every snapshot
            self.setWindowModified(modified)

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
        schedule = snapshot.optimizer.schedule if snapshot.optimizer is not None else None
        if schedule is not None and (schedule.kind != "constant" or schedule.warmup_steps > 0):
            rate += self.tr(" · learning rate {0:.3g}").format(snapshot.learning_rate)  # where the schedule is
        self.run_readout.setText(self.tr("epoch {0} · step {1:,}{2} · {3} · test loss {4}{5}").format(
            snapshot.epoch, snapshot.step, rate, BACKEND_NAMES.get(snapshot.backend, snapshot.backend),
            plain_number(snapshot.test_loss), accuracy))
        # Big networks measure a slice of the test sample at each snapshot while training runs. A regression has
        # a loss and no accuracy.
        sliced = snapshot.test_measured < snapshot.test_examples
        if snapshot.test_accuracy is None:
            basis = (self.tr("Test loss on the last {0:,} test examples, {1:,} of them measured at this update")
                     if sliced else self.tr("Test loss on {0:,} test examples"))
        elif sliced:
            basis = self.tr("Test loss and accuracy on the last {0:,} test examples, {1:,} of them measured "
                            "at this update")
        else:
            basis = self.tr("Test loss and accuracy on {0:,} test examples")
        basis = basis.format(snapshot.test_examples, snapshot.test_measured)
        if basis != self.run_readout.toolTip():  # Qt tells the label of every tooltip set, even the same
            self.run_readout.setToolTip(basis)

    def _update_views(self, snapshot: Snapshot | None) -> None:
        if snapshot is not None:
            self.run_views.draw(snapshot)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.projects.closing_allowed():
            event.ignore()
            return
        self.mark_modified(False)  # asked already: leaving now drops nothing unasked
        self.run_in_use.discard_session()
        self.layout_memory.save()  # after the stepper gave back the room it took
        self.projects.autosave_file.release()  # a clean exit: nothing to restore next time
        # A running gradient check cannot be interrupted but finishes within seconds: wait, bounded.
        QThreadPool.globalInstance().waitForDone(10_000)
        super().closeEvent(event)

