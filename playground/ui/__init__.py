"""Everything Qt. The only package that imports PySide6, pyqtgraph or superqt."""

from playground.ui.main_window import MainWindow

__all__ = ["MainWindow"]
