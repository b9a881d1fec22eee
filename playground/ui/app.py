"""Starting the application: one QApplication, the main window, the event loop."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from playground.ui.main_window import MainWindow


def run_app(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Backprop Playground")
    app.setOrganizationName("Backprop Playground")
    window = MainWindow()
    window.show()
    return app.exec()
