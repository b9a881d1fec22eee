"""Everything Qt. The only package that imports PySide6, pyqtgraph or superqt."""

import pyqtgraph as pg

from playground.ui.main_window import MainWindow

# pyqtgraph drops a pointer move that comes within 10 ms of the one before (its mouseRateLimit), and the move
# dropped may be the last before the pointer stops: the hover previews (the network view's unit, a heatmap's
# value, a filter's) then stay on where the pointer was. Qt already merges moves that come faster than they are
# handled, so every one is taken.
pg.setConfigOption("mouseRateLimit", 0)

__all__ = ["MainWindow"]
