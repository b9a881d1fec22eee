"""Runs first in the frozen app: pyqtgraph's plot items import PySide6.QtOpenGL whatever they draw with, and use it
only to draw with OpenGL, which the app never turns on. The build leaves that 9 MiB module out and this hands pyqtgraph
an empty one in its place (the frozen smoke test draws every plot)."""

import sys
import types

sys.modules.setdefault("PySide6.QtOpenGL", types.ModuleType("PySide6.QtOpenGL"))
