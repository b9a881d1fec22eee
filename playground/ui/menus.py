"""The menus of the main window: File (new from a preset, the project files, exports), Edit with
undo and redo of network edits, Run, Lessons, Language (kept for the next start), and Help with the list of
lessons, the keyboard shortcuts and the versions in use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy
import pyqtgraph
import PySide6
from PySide6.QtCore import QObject, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu, QMessageBox

from playground import __version__
from playground.engine import backend_availability
from playground.project import list_presets
from playground.ui.controls import BACKEND_NAMES
from playground.ui.projects import ProjectFiles
from playground.ui.translation import LANGUAGES, SYSTEM, choose_language, chosen_language


class WindowMenus(QObject):
    def __init__(self, window: QMainWindow, projects: ProjectFiles, undo_stack: QUndoStack, presets: QComboBox,
                 load_preset: Callable[[str], None]) -> None:
        """The menus of `window`'s menu bar. `undo_stack` holds the network's edits; `presets` is the
        control bar's choice of preset, which loads the preset chosen, and `load_preset` loads one again."""
        super().__init__(window)
        self.window, self.projects, self.presets, self.load_preset = window, projects, presets, load_preset
        file_menu = window.menuBar().addMenu(self.tr("&File"))
        self._build_file_menu(file_menu)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(window.close)
        edit_menu = window.menuBar().addMenu(self.tr("&Edit"))
        undo = undo_stack.createUndoAction(window, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(window, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.language_menu = window.menuBar().addMenu(self.tr("Lan&guage"))
        self._build_language_menu(self.language_menu)
        self.help_menu = help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        help_menu.addAction(self.tr("&About Backprop Playground"), self.show_about)

    def _build_file_menu(self, menu: QMenu) -> None:
        projects = self.projects
        new = menu.addMenu(self.tr("&New from preset"))
        for name in list_presets():
            new.addAction(name, lambda name=name: self._new_from_preset(name))
        menu.addAction(self.tr("&Open…"), QKeySequence.StandardKey.Open, projects.open_dialog)
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addAction(self.tr("&Save"), QKeySequence.StandardKey.Save, projects.save)
        menu.addAction(self.tr("Save &as…"), QKeySequence("Ctrl+Shift+S"), projects.save_as)
        export = menu.addMenu(self.tr("&Export"))
        export.addAction(self.tr("To &PyTorch (model, weights and train.py)…"), lambda: projects.export_to("pytorch"))
        export.addAction(self.tr("To &ONNX…"), lambda: projects.export_to("onnx"))
        export.addAction(self.tr("To a &NumPy script…"), lambda: projects.export_to("numpy"))
        export.addAction(self.tr("Metric &history as CSV…"), lambda: projects.export_to("history"))

    def _build_language_menu(self, menu: QMenu) -> None:
        """System (the system's language when offered, else English), English and 中文, each named in itself.
        The window is built in a language when it starts, so a choice is kept for the next start."""
        menu.setObjectName("languageMenu")
        choices = QActionGroup(menu)
        chosen = chosen_language()
        for code, title in ((SYSTEM, self.tr("System")), *LANGUAGES.items()):
            action = menu.addAction(title, lambda code=code: self._choose_language(code))
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            choices.addAction(action)

    def _choose_language(self, language: str) -> None:
        choose_language(language)
        self.window.statusBar().showMessage(self.tr("The language you chose applies when Backprop Playground "
                                                    "starts again."))

    def add_run_menus(self, keys: Sequence[QAction], forget: QAction, lessons: dict[str, str],
                      open_lesson: Callable[[str], None], show_lessons: Callable[[], None]) -> None:
        """Run (`keys`: the control bar's actions, train or pause, step, reset and keep the run for comparison,
        shown with their keys; `forget`, the kept runs') and Lessons (`lessons`: each lesson's title by name), before
        Language and Help; `show_lessons` shows the list of lessons, first in Lessons and in Help."""
        runs = QMenu(self.tr("&Run"), self.window)
        runs.addActions(keys)
        runs.addSeparator()
        runs.addAction(forget)
        lesson_menu = QMenu(self.tr("&Lessons"), self.window, objectName="lessonMenu")
        start_here = QAction(self.tr("&Start here: the lessons in order"), self.window, objectName="startHereAction")
        start_here.triggered.connect(show_lessons)
        lesson_menu.addAction(start_here)
        lesson_menu.addSeparator()
        self.help_menu.insertAction(self.help_menu.actions()[0], start_here)
        self.help_menu.insertSeparator(self.help_menu.actions()[1])
        for name, title in lessons.items():
            lesson_menu.addAction(f"{title} ({name})", lambda name=name: open_lesson(name))
        for menu in (runs, lesson_menu):
            self.window.menuBar().insertMenu(self.language_menu.menuAction(), menu)

    def _new_from_preset(self, name: str) -> None:
        if self.presets.currentText() != name:
            self.presets.setCurrentText(name)  # which loads it
        else:
            self.load_preset(name)  # again: a new project from the preset shown

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.projects.recent()
        for name in recent:
            self.recent_menu.addAction(name, lambda name=name: self.projects.open_recent(Path(name)))
        self.recent_menu.setEnabled(bool(recent))

    def shortcuts_text(self) -> str:
        rows = [(self.tr("Space"), self.tr("Train or pause")), (self.tr("Right arrow"), self.tr("Step one batch")),
                (self.tr("R"), self.tr("Reset the weights")), (self.tr("K"), self.tr("Keep the run for comparison")),
                (self.tr("Alt+N / Alt+B"), self.tr("The next or the step before in a lesson")),
                (self.tr("Ctrl+Z / Ctrl+Shift+Z"), self.tr("Undo / redo an edit of the network")),
                (self.tr("Delete"), self.tr("Remove the selected layer")),
                (self.tr("Alt+Up / Alt+Down"), self.tr("Move the selected layer")),
                (QKeySequence(QKeySequence.StandardKey.Quit).toString(), self.tr("Quit"))]
        return "<table>" + "".join(f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
                                   for key, what in rows) + "</table>"

    def show_shortcuts(self) -> None:
        QMessageBox.information(self.window, self.tr("Keyboard shortcuts"), self.shortcuts_text())

    def about_text(self) -> str:
        # lupdate finds no tr call inside an f-string: the words are made first.
        available, unavailable = self.tr("available"), self.tr("unavailable")
        backends = ", ".join(f"{BACKEND_NAMES[name]}: {available if reason is None else unavailable}"
                             for name, reason in backend_availability().items())
        # The desktop menu entry's GenericName and Comment (packaging/linux): the installers take their translations
        # from the catalogue (packaging/translations.py), so they are the words the window shows.
        kind = self.tr("Neural network lab")
        summary = self.tr("Build a neural network, train it live, and step through backpropagation")
        return self.tr("<b>Backprop Playground {0}</b> · {1}<br>{2}.<br><br>Qt {3} · PySide6 {4} · NumPy {5} · "
                       "pyqtgraph {6}<br>Backends: {7}"
                       ).format(__version__, kind, summary, qVersion(), PySide6.__version__, numpy.__version__,
                                pyqtgraph.__version__, backends)

    def show_about(self) -> None:
        QMessageBox.about(self.window, self.tr("About Backprop Playground"), self.about_text())
