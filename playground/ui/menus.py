"""The menus of the main window (a mixin of MainWindow): File, Edit with undo and redo of
network edits, and Help with the keyboard shortcuts and the versions in use."""

from __future__ import annotations

import numpy
import pyqtgraph
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from playground import __version__
from playground.engine import backend_availability


class WindowMenus(QMainWindow):
    builder: object

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._build_file_menu(file_menu)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.builder.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.builder.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        help_menu.addAction(self.tr("&About Backprop Playground"), self.show_about)

    def shortcuts_text(self) -> str:
        rows = [(self.tr("Space"), self.tr("Train or pause")), (self.tr("Right arrow"), self.tr("Train one batch")),
                (self.tr("R"), self.tr("Reset the weights")),
                (self.tr("Ctrl+Z / Ctrl+Shift+Z"), self.tr("Undo / redo an edit of the network")),
                (self.tr("Delete"), self.tr("Remove the selected layer")),
                (self.tr("Alt+Up / Alt+Down"), self.tr("Move the selected layer")),
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
