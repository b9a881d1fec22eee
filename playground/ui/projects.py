"""Project files in the window: Open, Save and Save As, exports, the recent files; the window's
title and its unsaved-changes mark; autosave every minute of unsaved changes and before anything
that drops the training state; and the offer to restore after a crash.

A running session exports its state between steps (Training.export_state) and the next snapshot
brings it here, so saving never pauses training; a stopped session is read directly.
"""

from __future__ import annotations

import importlib.util
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QLockFile, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from playground.data import Dataset, user_data_dir
from playground.errors import PlaygroundError, install_advice
from playground.project import Preset, load_project, save_project
from playground.project.bpp import Project, StepperPlace
from playground.project.export import (
    export_history_csv,
    export_numpy_script,
    export_onnx,
    export_pytorch_project,
    project_history,
    project_state,
)
from playground.project.lessons import LessonPlace
from playground.project.presets import preset_words_in
from playground.session import Session
from playground.ui.downloads import DataDownloads, missing_download
from playground.ui.network_panel import load_without_download
from playground.ui.run_in_use import RunInUse
from playground.ui.training import Training
from playground.ui.translation import tr, window_language
from playground.words import listed

AUTOSAVE_INTERVAL_MS = 60_000
RECENT_FILES = 8


def autosave_folder() -> Path:
    return user_data_dir() / "autosave"


class Autosave:
    """A window's own autosave file, and the lock that says the window is still open: a start after a crash
    offers only autosaves whose lock no living process holds (QLockFile knows whether its process is alive),
    so it never offers nor deletes the work of a window that is running. Locked at the first write, so a
    window that never autosaves leaves nothing behind."""

    def __init__(self) -> None:
        self.path = autosave_folder() / f"{uuid.uuid4().hex}.bpp"
        self._lock = QLockFile(str(self.path.with_suffix(".lock")))
        self._lock.setStaleLockTime(0)  # never stale by age: a window may stay open for days

    def claim(self) -> Path:
        """The path to write to, locked as this window's."""
        if not self._lock.isLocked():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.tryLock(0)
        return self.path

    def adopt(self, path: Path) -> None:
        """A crashed window's autosave, restored here, becomes this window's: kept until this one closes."""
        path.replace(self.claim())

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def release(self) -> None:
        """A clean exit: nothing to restore next time."""
        self.discard()
        self._lock.unlock()


def file_name(title: str) -> str:
    """A project's title as a file name on every system: no characters that a system forbids."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-")
    return name or "project"


def ask_to_save(parent: QMainWindow) -> str:
    """"save", "discard" or "cancel": what to do with unsaved changes before closing, opening another project
    or showing a preset."""
    answer = QMessageBox.question(
        parent, tr("Unsaved changes"), tr("Save the changes to this project first?"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(answer,
                                                                                                      "cancel")


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # gone since it was listed
        return 0.0


class ProjectWindow(Protocol):
    """What ProjectFiles needs of its window besides a QMainWindow's title, unsaved mark, status bar and
    dialogs: a project is what the window shows, and opening one shows it there."""

    preset: Preset | None  # the title, description and data of what is shown
    dataset: Dataset | None  # the data, whose preparation the exports carry
    run_in_use: RunInUse  # its project(): the project as it stands
    downloads: DataDownloads  # offers an image set that is not here: downloaded, or read from a folder

    def show_project(self, preset: Preset, dataset: Dataset, session: Session, runs: list | None = None,
                     lesson: LessonPlace | None = None, stepper: StepperPlace | None = None,
                     run_kept_as: int | None = None) -> None:
        """Drop the session, show `preset` on `dataset`, and go on with `session`, with the kept `runs` (the one
        at index `run_kept_as` being the session's run), the `lesson` it was saved in and the step its `stepper`
        held."""


class ProjectFiles(QObject):
    failed = Signal(str, str)  # what went wrong, and the title of the box that says so

    def __init__(self, window: ProjectWindow, training: Training) -> None:
        # The window itself, seen as a ProjectWindow: its title, unsaved mark and file dialogs are this
        # object's to keep, and a project is what it shows; a callable for each would be most of the window.
        super().__init__(window)
        self.window, self.training = window, training
        self.project_path: Path | None = None
        self.saved_step = 0  # the step of the training state in the file
        self.autosave_file = Autosave()
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # The title and the unsaved-changes mark.

    def show_file(self, path: Path | None, step: int, modified: bool = False) -> None:
        """The window now shows the project in file `path` (None: in no file yet), whose training state
        there is at step `step`; `modified`: whether it has changes the file lacks."""
        self.project_path, self.saved_step = path, step
        self.window.setWindowModified(modified)
        self.show_title()

    def show_title(self) -> None:
        preset = self.window.preset
        name = self.project_path.name if self.project_path else (preset.title if preset else "")
        self.window.setWindowTitle(self.tr("{0}[*] — Backprop Playground").format(name))

    # Saving.

    def save(self) -> bool:
        if self.project_path is None:
            return self.save_as()
        return self._save_to(self.project_path)

    def save_as(self) -> bool:
        start = str(self.project_path or Path(self.start_folder()) / f"{file_name(self.window.preset.title)}.bpp")
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start, self.project_filter())
        if not chosen:
            return False
        self.remember_folder(str(Path(chosen).parent))
        path = Path(chosen if chosen.endswith(".bpp") else chosen + ".bpp")
        return self._save_to(path)

    def project_filter(self) -> str:
        """The file dialogs' filter for project files, in the window's language."""
        return self.tr("Backprop Playground projects (*.bpp)")

    # Where file dialogs open.

    def start_folder(self) -> str:
        """The current project's folder, else the folder last used in a file dialog, else home."""
        if self.project_path is not None:
            return str(self.project_path.parent)
        last = QSettings().value("last_folder")
        return last if isinstance(last, str) and Path(last).is_dir() else str(Path.home())

    def remember_folder(self, folder: str) -> None:
        QSettings().setValue("last_folder", folder)

    def autosave(self) -> None:
        """Keep unsaved work where a crash cannot take it."""
        if self.window.isWindowModified() and self.window.preset is not None:
            self._save_to(self.autosave_file.claim(), autosave=True)

    def _save_to(self, path: Path, autosave: bool = False) -> bool:
        return self._with_project(lambda project: self._write(project, path, autosave))

    def _with_project(self, use: Callable[[Project], Any]) -> bool:
        """Call `use` with the project as it stands: now when nothing trains, else when the running
        session has exported its state between steps (the next snapshot brings it)."""
        worker = self.training.worker
        if worker is not None and worker.running:
            self.training.export_state(lambda session, state: use(self.window.run_in_use.project(session, state)))
            return True
        project = self.window.run_in_use.project(worker.session if worker is not None else None)
        return project is not None and use(project) is not False

    def _write(self, project: Project, path: Path, autosave: bool) -> bool:
        try:
            save_project(project, path)
        except PlaygroundError as error:
            self.failed.emit(str(error), self.tr("Not saved"))
            return False
        if not autosave:
            self.show_file(path, project.progress["step"] if project.progress else 0)
            self._remember(path)
            self.autosave_file.discard()
            self.window.statusBar().showMessage(self.tr("Saved {0}").format(path))
        return True
    # Exporting.

    def export_to(self, kind: str) -> None:
        """To PyTorch (a new folder), ONNX, a NumPy script or the metric history as CSV. The PyTorch and ONNX
        exports say at once when what they need is not installed, before asking where to write."""
        if kind == "pytorch" and importlib.util.find_spec("torch") is None:
            QMessageBox.information(self.window, self.tr("PyTorch is not installed"), self.tr(
                "Exporting to PyTorch writes code that uses PyTorch, and checks the weights with it. PyTorch is "
                "not installed: {0}. The NumPy script export needs nothing more.").format(
                install_advice("PyTorch", "pip install torch")))
            return
        if kind == "onnx" and importlib.util.find_spec("onnx") is None:
            QMessageBox.information(self.window, self.tr("onnx is not installed"), self.tr(
                "Exporting to ONNX writes the model with the onnx package, which is not installed: {0}. The NumPy "
                "script export needs nothing more.").format(
                install_advice("onnx", "pip install 'backprop-playground[export]'")))
            return
        stem = file_name(self.window.preset.title)
        if kind == "pytorch":  # a folder of its own, made by the export
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export to PyTorch: name the folder to write"),
                                                    str(Path(self.start_folder()) / f"{stem} pytorch"))
        else:
            suffix, kinds = {"numpy": (".py", self.tr("Python scripts (*.py)")),
                             "onnx": (".onnx", self.tr("ONNX models (*.onnx)")),
                             "history": (".csv", self.tr("CSV files (*.csv)"))}[kind]
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"),
                                                    str(Path(self.start_folder()) / f"{stem}{suffix}"), kinds)
        if chosen:
            self.remember_folder(str(Path(chosen).parent))
            self._with_project(lambda project: self._export(project, kind, Path(chosen)))

    def _export(self, project: Project, kind: str, target: Path) -> bool:
        try:
            if kind == "history":
                export_history_csv(project_history(project), target)
                written = self.tr("Exported the metric history to {0}").format(target)
            else:
                # The exports carry how the data were prepared: the window's data are the project's.
                shown = self.window.dataset
                dataset = shown if shown is not None else load_without_download(project.dataset)
                if kind == "pytorch":
                    files = export_pytorch_project(project, target, dataset=dataset)
                    written = self.tr("Exported {0} to the folder {1}").format(
                        listed(path.name for path in files), target)
                elif kind == "onnx":
                    export_onnx(project.network, project_state(project), target, dataset)
                    written = self.tr("Exported the ONNX model to {0}").format(target)
                else:
                    export_numpy_script(project.network, project_state(project), target, dataset)
                    written = self.tr("Exported the NumPy script to {0}").format(target)
        except PlaygroundError as error:
            self.failed.emit(str(error), self.tr("Export failed"))
            return False
        self.window.statusBar().showMessage(written)
        return True

    def autosave_stopped(self, project: Project) -> None:
        """Before the training state goes (other data, another network, another file): keep it."""
        if self.window.isWindowModified():
            self._write(project, self.autosave_file.claim(), True)

    # Opening.

    def open_dialog(self) -> None:
        if not self.closing_allowed():
            return
        chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), self.start_folder(),
                                                self.project_filter())
        if chosen:
            self.remember_folder(str(Path(chosen).parent))
            self.open_project(Path(chosen))

    def open_project(self, path: Path, recovered: bool = False) -> bool:
        """Show a project and continue its training from where it was saved; a file that cannot be
        used changes nothing and says why. An image set that is not on this computer is offered as a
        preset's is (downloaded, or read from a folder), and the project opens once it is here."""
        try:
            project = load_project(path)
            title = missing_download(project.dataset)
            if title is not None:
                return self.window.downloads.offer_download(project.dataset, title, lambda used, dataset: self._show(
                    path, replace(project, dataset=used), dataset, recovered))
            dataset = load_without_download(project.dataset)
        except PlaygroundError as error:
            QMessageBox.warning(self.window, self.tr("Cannot open {0}").format(Path(path).name), str(error))
            return False
        return self._show(path, project, dataset, recovered)

    def _show(self, path: Path, project: Project, dataset: Dataset, recovered: bool) -> bool:
        """Show `project`, read from `path`, on `dataset`, its training going on from where it was saved."""
        try:
            session = self.training.continuing(project, dataset)
        except PlaygroundError as error:
            QMessageBox.warning(self.window, self.tr("Cannot open {0}").format(Path(path).name), str(error))
            return False
        # A preset's words, saved in the language of the window that saved it, in this window's.
        title = preset_words_in(project.title, window_language()) or Path(path).stem
        description = preset_words_in(project.view.get("description", ""), window_language())
        self.window.controls.show_stop_at(project.stop_at_epoch)  # before its session starts, which takes it
        # Named "": a project is no preset, so the preset box shows none and a lesson loads its own.
        self.window.show_project(Preset("", title, description, project.network,
                                        project.optimizer, project.batch_size, project.dataset, project.epochs),
                                 dataset, session, project.runs, project.lesson, project.stepper,
                                 project.run_kept_as)
        self.window.controls.show_pace(project.pace)
        self.show_file(None if recovered else Path(path), session.step, recovered)  # restored work is still unsaved
        # Saved in the stepper: its step is traced again, and the message says so rather than the stepper's own.
        stepping = self.window.stepping.returning is not None
        if recovered:  # from an autosave, whose file name is no name of the person's
            message = (self.tr("Restored the work saved automatically, at step {0:,}, stepping through step {1:,}: "
                               "save it (Ctrl+S) to keep it.") if stepping else
                       self.tr("Restored the work saved automatically, at step {0:,}: save it (Ctrl+S) to keep it."))
            self.window.statusBar().showMessage(message.format(session.step, session.step + 1))
        else:
            self._remember(Path(path))
            message = (self.tr("Opened {0} at step {1:,}, stepping through step {2:,}") if stepping else
                       self.tr("Opened {0} at step {1:,}"))
            self.window.statusBar().showMessage(message.format(Path(path).name, session.step, session.step + 1))
        return True

    def open_recent(self, path: Path) -> None:
        if self.closing_allowed():
            self.open_project(path)

    def recent(self) -> list[str]:
        """The files last saved or opened, newest first."""
        return QSettings().value("recent") or []

    def _remember(self, path: Path) -> None:
        recent = [str(path.resolve())] + [p for p in self.recent() if p != str(path.resolve())]
        QSettings().setValue("recent", recent[:RECENT_FILES])

    def closing_allowed(self) -> bool:
        """Before closing, opening another project or showing a preset, ask about unsaved changes; False when the
        person cancels."""
        if not self.window.isWindowModified():
            return True
        choice = ask_to_save(self.window)
        if choice != "save":
            return choice == "discard"
        training = self.training
        if training.worker is not None:
            training.worker.stop()  # a stopped session is read directly: the save completes now
        saved = self.save() and not training.exporting
        if training.worker is not None:  # for a window that stays (a save or an Open cancelled): paused, not dead
            training.start(training.drop())
        return saved

    def offer_recovery(self) -> bool:
        """After a crash, offer the autosaved work of windows that are gone, newest first, until one is restored;
        True when one was. Declined work is deleted; the autosaves of windows still open are left alone."""
        folder = autosave_folder()
        saved = sorted(folder.glob("*.bpp"), key=_modified, reverse=True) if folder.is_dir() else []
        for path in saved:
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):  # its window is open (in this process or another)
                continue
            try:
                if not path.is_file():  # its window closed meanwhile, cleanly
                    continue
                when = time.strftime("%Y-%m-%d %H:%M", time.localtime(_modified(path)))
                answer = QMessageBox.question(self.window, self.tr("Restore unsaved work?"),
                                              self.tr("Backprop Playground did not close normally. Restore the work "
                                                      "saved automatically at {0}?").format(when))
                if answer == QMessageBox.StandardButton.Yes and self.open_project(path, recovered=True):
                    self.autosave_file.adopt(path)
                    return True
                path.unlink(missing_ok=True)
            finally:
                lock.unlock()
        return False
