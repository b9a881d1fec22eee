"""Starting the application: one QApplication, the main window, the event loop; and the smoke
test that installers run through the same entry point."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from playground.resources import resources_dir
from playground.ui.main_window import MainWindow
from playground.ui.theme import follow_system_theme
from playground.ui.translation import chosen_language, install_translators

SMOKE_TIMEOUT_S = 60.0


def run_app(argv: list[str] | None = None, smoke_test: bool = False, project: str | None = None,
            backend: str | None = None) -> int:
    """The window on the default preset, or on `project` (a .bpp file), computing on `backend` at first
    (the selector's default when None); after a crash, the offer to restore what was autosaved (show_first)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Backprop Playground")
    app.setOrganizationName("Backprop Playground")
    app.setWindowIcon(QIcon(str(app_icon_path())))
    app.translators = install_translators(app, chosen_language())  # before any widget is made: each is built in it
    follow_system_theme(app)  # before the window, so that its plots are made in the palette's colours
    window = MainWindow()
    if backend is not None:
        window.controls.select_backend(backend)
    window.show()
    # What exists now (modules, the window and its views) lives as long as the app. Moved out of the cyclic
    # collector's reach, a full collection, which runs on the GUI thread (ui/worker.py), walks only what came since:
    # 40.8 ms a collection on spiral while training, 0.2 ms once frozen.
    gc.freeze()
    if smoke_test:
        return SmokeTest(app, window).run()
    show_first(window, project)
    return app.exec()


def show_first(window: MainWindow, project: str | None) -> None:
    """What the window starts on: `project`; else the work autosaved before a crash, when the person restores it;
    else the default preset with the lessons offered beside it, until the person closes their list once."""
    if project is not None:
        window.projects.open_project(Path(project))
    elif not window.projects.offer_recovery():
        window.lessons.offer_at_start()


def app_icon_path() -> Path:
    return resources_dir() / "icons" / "backprop-playground.svg"


class SmokeTest:
    """See the window's icon, add a layer from the palette and undo it, train the default preset,
    pause, step one batch, walk one step through the stepper and apply it, close; exit 0 if all of
    it happened, 1 (with what did not) otherwise."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app, self.window = app, window
        builder = window.builder
        layers = len(builder.layers)
        self.stages = [
            ("the window's icon", lambda: None, lambda: not window.windowIcon().pixmap(32).isNull()),
            ("adding a layer", builder.add_button.click, lambda: len(builder.layers) == layers + 1),
            ("undoing it", builder.undo_button.click, lambda: len(builder.layers) == layers and builder.error is None),
            ("training starts", self.window.toggle_training,
             lambda: self._state() == "running" and self._snapshot().step > 50),
            ("pausing", self.window.toggle_training, lambda: self._state() == "paused"),
            ("one step", self.window.step_once, lambda: self._snapshot().step == self.paused_at + 1),
            ("tracing a step", lambda: window.stepping.step_through(None), lambda: window.stepper.current_phase() == 0),
            ("walking its phases", self._walk_phases,
             lambda: window.stepper.current_phase() == len(window.stepper.phases()) - 1),
            ("applying it", window.stepper.apply_button.click, lambda: self._snapshot().step == self.paused_at + 2),
        ]
        self.failure = "nothing ran"
        self.paused_at = 0

    def run(self) -> int:
        QTimer.singleShot(0, self._next_stage)
        QTimer.singleShot(int(SMOKE_TIMEOUT_S * 1000), lambda: self._finish(f"timed out at: {self.failure}"))
        self.app.exec()
        if self.failure:
            print(f"smoke test failed: {self.failure}", file=sys.stderr)
            return 1
        menus = " ".join(action.text() for action in self.window.menuBar().actions())  # in the window's language
        standard = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons = " ".join(button.text() for button in box.buttons())
        print("smoke test passed: saw the icon, added a layer and undid it, trained, paused, stepped one batch, walked "
              f"one step through the stepper, applied it and closed; the menus read: {menus}; Qt's own buttons (its "
              f"catalogue's words): {buttons}", flush=True)
        return 0

    def _next_stage(self) -> None:
        if not self.stages:
            self._finish(None)
            return
        name, action, reached = self.stages.pop(0)
        self.failure = name
        action()
        started = time.perf_counter()

        def poll() -> None:
            if reached():
                if name == "pausing":
                    self.paused_at = self._snapshot().step
                QTimer.singleShot(0, self._next_stage)
            elif time.perf_counter() - started < SMOKE_TIMEOUT_S:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(20, poll)

    def _walk_phases(self) -> None:
        next_button = self.window.stepper.next_button
        while next_button.isEnabled():
            next_button.click()

    def _snapshot(self):
        return self.window.latest

    def _state(self) -> str | None:
        return None if self.window.latest is None else self.window.latest.state

    def _finish(self, failure: str | None) -> None:
        self.failure = failure
        self.window.mark_modified(False)  # nobody is there to answer whether to save the training
        self.window.close()
        self.app.quit()
