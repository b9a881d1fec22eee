"""The runs kept for comparison in the window: keeping one (the run in use, or the one an edit just set
aside), forgetting them once the person says so, and naming each by how it differs from the run kept before it. The
Compare tab shows them; the project saves them (Project.runs), and which of them its run is (Project.run_kept_as), so
that the run goes on being that kept run when the project is opened again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from playground.project.bpp import Project
from playground.project.runs import (
    MAX_KEPT_RUNS,
    SAME_SETTINGS,
    KeptRun,
    RunSetup,
    describe_change,
    kept_history,
    run_label,
    shown_name,
)
from playground.session import Snapshot
from playground.ui.compare_view import ComparePlot
from playground.ui.training import Training
from playground.ui.translation import window_language


class RunComparison(QObject):
    changed = Signal()  # the kept runs changed: the project has unsaved changes
    message = Signal(str)

    def __init__(self, view: ComparePlot, training: Training, title: Callable[[], str],
                 dataset: Callable[[], dict], set_aside: Callable[[], tuple[int, Project] | None]) -> None:
        """`view`: the Compare tab; `training`: the window's session; `title` and `dataset`: the project's title
        and dataset settings as shown; `set_aside`: the run the last edit set aside, if any, as (its run id, its
        project)."""
        super().__init__(view)
        self.view, self.training, self.title, self.dataset, self.set_aside = view, training, title, dataset, set_aside
        self.runs: list[KeptRun] = []
        self._latest: Snapshot | None = None  # the newest snapshot of the run in use
        self._kept: dict[int, int] = {}  # run id → the index of the kept run it is
        # Run › Forget kept runs…: asks first, and only while there are runs to forget.
        self.forget_action = QAction(self.tr("&Forget kept runs…"), self, enabled=False)
        self.forget_action.triggered.connect(self.ask_to_forget)
        training.snapshot.connect(self._received)

    def _received(self, snapshot: Snapshot) -> None:
        before, self._latest = self._latest, snapshot
        # A new run, or the run in use going on with other settings (a learning rate typed while it trains).
        if before is None or snapshot.run != before.run or (snapshot.optimizer, snapshot.batch_size) != (
                before.optimizer, before.batch_size):
            self._name_current()

    def _current(self) -> tuple[int, RunSetup, dict, int, int] | None:
        """(its run id, setup, history, step, epoch) of the run to keep: the run in use once it has trained, else
        the run an edit set aside (the same run as the one kept before that edit, when it was); None when neither
        has trained."""
        worker, latest = self.training.worker, self._latest
        if worker is not None and latest is not None and latest.run == worker.session.run_id and latest.step > 0:
            # The settings as the snapshot brought them: the session's own change in the worker thread.
            setup = RunSetup(worker.session.spec, copy.deepcopy(latest.optimizer), latest.batch_size,
                             dict(self.dataset()))
            return latest.run, setup, latest.history, latest.step, latest.epoch
        run, aside = self.set_aside() or (None, None)
        if aside is not None and aside.progress:
            history = {key.removeprefix("history/"): value for key, value in aside.arrays.items()
                       if key.startswith("history/")}
            setup = RunSetup(aside.network, copy.deepcopy(aside.optimizer), aside.batch_size, dict(aside.dataset))
            return run, setup, history, aside.progress["step"], aside.progress["epoch"]
        return None

    def keep(self, quiet: bool = False) -> bool:
        """Keep the run in use (or the one set aside) for comparison, named by how it differs from the run kept
        before it; a run kept already is kept again as it is now, unless it went on with other settings since (a
        learning rate typed while it trains), which make it another run to compare, as the legend names it. False
        when none has trained, having said so unless `quiet`."""
        current = self._current()
        if current is None:
            if not quiet:
                self.message.emit(self.tr("Nothing to keep yet: train first, then keep the run to compare the next "
                                          "one with it."))
            return False
        source, setup, history, step, epoch = current
        again = self._kept.get(source)
        if again is not None and describe_change(self.runs[again].setup, setup):
            again = None  # its curve at the settings it was kept with stays, beside this one
        if again is None and len(self.runs) >= MAX_KEPT_RUNS:
            self.message.emit(self.tr("{0} runs are kept already, as many as a project holds: forget them "
                                      "(Run › Forget kept runs) to keep more.").format(MAX_KEPT_RUNS))
            return False
        if again is None:
            name = describe_change(self.runs[-1].setup if self.runs else None, setup, self.title())
            self._kept[source], again = len(self.runs), len(self.runs)
            self.runs.append(KeptRun(name or SAME_SETTINGS, setup))  # stored in identifiers: shown_name
        run = self.runs[again]
        run.setup, run.history, run.step, run.epoch = setup, kept_history(history), step, epoch
        self._show()
        self.message.emit(self.tr("Kept run {0} at step {1:,} for comparison: {2}").format(
            again + 1, step, run_label(again, run, window_language())))
        return True

    def ask_to_forget(self) -> None:
        """Ask whether to forget the kept runs, and forget them if the person says so. Asked rather than undone: the
        window's undo stack holds the network's edits and is emptied when another preset is shown, while kept runs
        stay across presets; and Keep is no edit on it, so an Undo of a forget would have to drop the runs kept
        since or put them out of order."""
        if not self.runs:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Forget kept runs"),
                          self.tr("Forget the kept runs? Their curves leave the Compare tab, and the project once it "
                                  "is saved; nothing brings them back."),
                          parent=self.view.window(), objectName="forgetKeptRuns")
        forget = box.addButton(self.tr("Forget"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda button: button is forget and self.forget())
        box.finished.connect(box.deleteLater)
        box.open()  # not exec(): training goes on while the question waits

    def forget(self) -> None:
        if self.runs:
            self.show_runs([])
            self.changed.emit()
            # In place of the last "Kept run …", which would still say a run is kept.
            self.message.emit(self.tr("The kept runs are forgotten: the Compare tab shows the run in use alone."))

    def show_runs(self, runs: list[KeptRun], kept: dict[int, int] | None = None) -> None:
        """An opened project's kept runs (or none), in place of those shown; `kept`: run id → the index of the kept
        run that run is (an opened project's run that was kept)."""
        self.runs, self._kept = list(runs), dict(kept or {})
        self._show(changed=False)

    def kept_as(self, run: int) -> int | None:
        """The index of the kept run that run `run` (a Session.run_id) is, if it was kept."""
        return self._kept.get(run)

    def _show(self, changed: bool = True) -> None:
        self.view.show_runs(self.runs)
        self.forget_action.setEnabled(bool(self.runs))
        self._name_current()
        if changed:
            self.changed.emit()

    def _name_current(self) -> None:
        """The run in use, named in the legend by how it differs from the last kept run."""
        worker, latest = self.training.worker, self._latest
        if worker is None or latest is None or latest.optimizer is None:
            return
        setup = RunSetup(worker.session.spec, latest.optimizer, latest.batch_size, dict(self.dataset()))
        change = describe_change(self.runs[-1].setup, setup) if self.runs else ""
        self.view.name_current(self.tr("now: {0}").format(shown_name(change or SAME_SETTINGS)) if self.runs
                               else self.tr("this run"))
