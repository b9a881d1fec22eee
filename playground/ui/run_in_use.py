"""The run in use in the window: the preset and data shown and trained, the session made from them
and the control bar's settings when a command needs one, the project as it stands, and the run an
edit dropped, set aside so that Undo back to its network can bring it back.

Dropping the session autosaves its changes and keeps a trained run aside; `dropped` then tells the
window, whose views must no longer show that run.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import numpy
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from playground.data import Dataset
from playground.engine import OptimizerSpec
from playground.errors import PlaygroundError
from playground.project import Preset
from playground.project.bpp import Project, StepperPlace
from playground.project.lessons import LessonPlace
from playground.session import Session, TrainingConfig, gallery_examples, project_of
from playground.ui.comparison import RunComparison
from playground.ui.controls import ControlBar
from playground.ui.network_panel import NetworkPanel
from playground.ui.preset_description import PresetDescription
from playground.ui.training import Training


class RunInUse(QObject):
    dropped = Signal()  # the session is gone: no view may show its run
    failed = Signal(str, str)  # what went wrong, and the title of the box that says so

    def __init__(self, window: QMainWindow, controls: ControlBar, network_panel: NetworkPanel,
                 description: PresetDescription, training: Training, comparison: RunComparison,
                 lesson: Callable[[], LessonPlace | None], stepper: Callable[[], StepperPlace | None],
                 autosave: Callable[[Project], None]) -> None:
        """`window`: whose unsaved-changes mark says whether a dropped session's project is made for `autosave`
        (ProjectFiles.autosave_stopped); `controls` and `network_panel`: the settings and the network shown;
        `description`: the preset's, saved with a project it tells of; `training`: the session; `comparison`:
        the kept runs, saved with the project; `lesson`: where the learner is in the lesson shown (Lessons.place),
        and `stepper`: in the step the stepper shows (StepperWiring.place), saved with the project too."""
        super().__init__(window)
        self.window, self.controls, self.network_panel, self.description = window, controls, network_panel, description
        self.training, self.comparison, self.lesson, self.autosave = training, comparison, lesson, autosave
        self.stepper = stepper
        self.preset: Preset | None = None
        self.dataset: Dataset | None = None
        self.seed = TrainingConfig.seed  # of the sessions it makes: a preset's default, an opened project's own
        self.set_aside: Project | None = None  # the last run an edit dropped, for Undo to bring back
        self.set_aside_run: int | None = None  # its Session.run_id: the run it is, for the kept runs

    def show(self, preset: Preset, dataset: Dataset, seed: int = TrainingConfig.seed) -> None:
        """Show and train `preset` on `dataset`, its sessions with `seed` (an opened project's); a run set aside from
        another project is forgotten."""
        self.preset, self.dataset, self.seed, self.set_aside, self.set_aside_run = preset, dataset, seed, None, None

    def gallery_examples(self) -> numpy.ndarray | None:
        """The test images the gallery shows, those whose predictions the sessions made on the data in use will
        carry; None for data that are not images."""
        return None if self.dataset.test_images is None else gallery_examples(self.dataset, self.seed)

    def new_session(self) -> Session:
        """A session, paused, on the network, data and settings shown: Training's when a command needs one."""
        controls = self.controls
        config = TrainingConfig(optimizer=self.chosen_optimizer(), batch_size=controls.batch_size_input.value(),
                                seed=self.seed, backend=controls.backend_selector.currentData(),
                                pace=controls.pace(), start_paused=True)
        return Session(self.network_panel.spec, self.dataset, config)

    def chosen_optimizer(self) -> OptimizerSpec:
        """The preset's optimizer with the controls' choices written into it."""
        controls = self.controls
        optimizer = self.preset.optimizer = self.preset.optimizer.with_kind(controls.optimizer_selector.currentData())
        optimizer.learning_rate = controls.learning_rate() or optimizer.learning_rate
        optimizer.l1, optimizer.l2 = controls.regularization() or (optimizer.l1, optimizer.l2)
        return optimizer

    def project(self, session: Session | None = None, state: tuple | None = None) -> Project | None:
        """The project as it stands: the session's, or (before any training) the network shown with the
        chosen settings; None, having said why, when it cannot be saved."""
        preset, spec = self.preset, self.network_panel.spec
        if session is not None:
            project = project_of(session, dict(preset.dataset), preset.title, state=state)
        elif spec is None:
            self.failed.emit(self.tr("The network cannot be saved while it is invalid: {0}").format(
                self.network_panel.builder.error), self.tr("Not saved"))
            return None
        else:
            project = Project(spec, copy.deepcopy(self.chosen_optimizer()), self.controls.batch_size_input.value(),
                              dict(preset.dataset), self.seed, epochs=preset.epochs, title=preset.title,
                              pace=self.controls.pace(), stop_at_epoch=self.controls.stop_at_epoch())
        # An edited network, or other data, would make the description untrue when the project is opened again.
        told = self.description.tells_of(project.dataset.get("name"), project.network)
        project.view = {"description": preset.description if told else ""}
        project.runs = list(self.comparison.runs)
        project.run_kept_as = None if session is None else self.comparison.kept_as(session.run_id)
        project.lesson = self.lesson()
        # The step held goes with the state the session exported, which is the state before it; none without a session.
        project.stepper = self.stepper() if session is not None else None
        return project

    def discard_session(self) -> int:
        """Stop and drop the session, and say it is `dropped`; the step it had reached. A run that trained
        is set aside, so that undoing the edit that dropped it can bring it back."""
        trained = 0
        session = self.training.drop()
        if session is not None and (session.step > 0 or self.window.isWindowModified()):
            project = self.project(session)  # its state, exported once for both uses
            self.autosave(project)
            if session.step > 0:
                trained, self.set_aside, self.set_aside_run = session.step, project, session.run_id
        self.dropped.emit()
        self.controls.show_running(False)
        return trained

    def run_set_aside(self) -> tuple[int, Project] | None:
        """The run the last edit set aside, as (its Session.run_id, its project); None when there is none."""
        return None if self.set_aside is None else (self.set_aside_run, self.set_aside)

    def bring_back_set_aside(self) -> int | None:
        """When the network and data are again those of the run last set aside, and nothing trained
        since, continue that run (its weights, optimizer state and history); the step it is at."""
        aside, spec, dataset = self.set_aside, self.network_panel.spec, self.dataset
        if (aside is None or spec is None or dataset is None or aside.network.to_dict() != spec.to_dict()
                or aside.dataset != self.preset.dataset):
            return None
        try:
            session = self.training.continuing(aside, dataset)
        except PlaygroundError:
            return None
        session.run_id = self.set_aside_run  # the same run goes on: a run kept before is kept again, not twice
        self.set_aside, self.set_aside_run = None, None
        self.controls.show_optimizer(aside.optimizer, aside.batch_size, len(dataset.x_train))
        self.training.start(session)
        return session.step
