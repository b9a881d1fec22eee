"""Take the README's screenshots again, from the real window, as a person would get there.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py [NAME ...]

Each scene opens the window on a preset, trains, pauses or steps as the README's picture shows,
and saves docs/screenshots/NAME.png. A scene in another language reads the compiled translations
(`make`, or `python packaging/translations.py compile`). Run it after any change to what the window shows, and look
at every picture before committing it. Under Xvfb the window gets the platform's real fonts and
style; with QT_QPA_PLATFORM=offscreen it still works, with plainer text.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from playground.ui import MainWindow
from playground.ui.translation import install_translators

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1400, 860)
LAPTOP = (1280, 720)  # the smallest screen the window is laid out for without scrolling
TIMEOUT_S = 120

# A scene yields conditions to wait for; the driver checks them every tick and resumes the scene
# once one holds. It ends by returning; the driver then saves the window, at the scene's size.
Scene = Callable[[MainWindow], Iterator[Callable[[], bool]]]


def trained(window: MainWindow, epochs: int, keep_running: bool = False) -> Iterator[Callable[[], bool]]:
    """Train to the end of epoch `epochs` as a person would: Stop at epoch, then Train (a lesson's step may have
    set another goal); or, `keep_running`, past it, to be seen training."""
    window.controls.stop_at(None if keep_running else epochs)
    window.play_button.click()
    yield lambda: window.latest is not None and window.latest.epoch >= epochs and (
        keep_running or window.latest.state == "paused")


def settled(seconds: float = 1.0) -> Callable[[], bool]:
    """Wait a moment: the redraw timer and the plots catch up with the newest snapshot."""
    until = time.monotonic() + seconds
    return lambda: time.monotonic() >= until


def show_view(window: MainWindow, name: str) -> None:
    """The view's tab: among the plots, or (Filters, Feature maps) above them."""
    view = getattr(window, name)
    tabs = window.image_tabs if window.image_tabs.indexOf(view) >= 0 else window.plot_tabs
    tabs.setCurrentWidget(view)


def training(preset: str, epochs: int, tab: str | None = None) -> Scene:
    def scene(window: MainWindow) -> Iterator[Callable[[], bool]]:
        if tab is not None:  # before training: a hidden plot draws only the history it is given
            show_view(window, tab)
        yield from trained(window, epochs, keep_running=tab is None)
        yield settled()

    scene.preset, scene.size = preset, SIZE
    return scene


def stepping(phase: int, weight: tuple[int, int] | None = None, size: tuple[int, int] = SIZE,
             preset: str = "circle", epochs: int = 2500, language: str = "en") -> Scene:
    """`preset` (circle), trained a while, stepping through example 7 at `phase`, in `language`."""

    def scene(window: MainWindow) -> Iterator[Callable[[], bool]]:
        yield from trained(window, epochs)
        window.stepping.step_through(7)
        yield lambda: window.stepper.current_phase() >= 0
        window.stepper.go_to(phase)
        if weight is not None:
            window.stepper.chain_row.setValue(weight[0])
            window.stepper.chain_column.setValue(weight[1])
        yield settled()

    scene.preset, scene.size, scene.language = preset, size, language
    return scene


def comparing(window: MainWindow) -> Iterator[Callable[[], bool]]:
    """deep-sigmoid's lesson: a run of the sigmoid network, kept by the button that switches it to ReLU and He
    initialization, against the ReLU run, on layer 1's gradient norm."""
    window.lessons.open("deep-sigmoid")
    yield from trained(window, 60)
    window.lessons.panel.go_to(2)
    window.lessons.panel.apply_button.click()
    yield from trained(window, 60)
    window.lessons.panel.go_to(3)  # which opens the Compare tab
    window.compare_view.show_series("grad_norm", "1")
    yield settled()


comparing.preset, comparing.size = "deep-sigmoid", SIZE

def fitting(window: MainWindow) -> Iterator[Callable[[], bool]]:
    """linear-regression on diabetes, trained and paused: its predictions against the truth, test data shown."""
    window.fit_view.show_test.setChecked(True)
    yield from trained(window, 20)
    yield settled()


fitting.preset, fitting.size = "linear-regression", SIZE

SCENES: dict[str, Scene] = {
    "training-spiral": training("spiral", 5000),
    "training-circle": training("circle", 300),
    "training-digits-mlp": training("digits-mlp", 30),
    "fit-linear-regression": fitting,
    "deep-sigmoid-gradients": training("deep-sigmoid", 400, tab="gradient_plot"),
    "metrics-digits": training("digits-mlp", 60, tab="metrics_view"),
    "inspector-deep-sigmoid": training("deep-sigmoid", 300, tab="inspector"),
    "stepper-forward": stepping(1),
    "stepper-loss": stepping(3),
    "stepper-backward": stepping(5, weight=(2, 0)),
    "stepper-update": stepping(7),
    "stepper-1280x720": stepping(6, weight=(1, 0), size=LAPTOP),
    "compare-deep-sigmoid-relu": comparing,
    "filters-digits-cnn": training("digits-cnn", 20, tab="filters_view"),
    "feature-maps-digits-cnn": training("digits-cnn", 20, tab="feature_maps_view"),
    "stepper-conv-backward": stepping(12, preset="digits-cnn", epochs=2),  # backward through the first Conv2D
    "stepper-backward-zh-CN": stepping(5, weight=(2, 0), size=(1400, 900), language="zh_CN"),
}


def shoot(name: str, scene: Scene) -> bool:
    """Play the scene in a new window and save what it shows; False when it timed out."""
    # Settings of its own: every scene starts from the window's first layout, not one a run remembered.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance()
    translators = install_translators(app, getattr(scene, "language", "en"))
    if getattr(scene, "language", "en") != "en" and not translators:
        raise SystemExit(f"{name}: no compiled {scene.language} translation: run make or packaging/translations.py")
    window = MainWindow(scene.preset)
    window.resize(*scene.size)
    window.show()
    steps, started, loop = scene(window), time.monotonic(), QEventLoop()
    state = {"waiting": lambda: True, "done": False}

    def tick() -> None:
        if time.monotonic() - started > TIMEOUT_S:
            loop.quit()
        elif state["waiting"]():
            try:
                state["waiting"] = next(steps)
            except StopIteration:
                state["done"] = True
                loop.quit()

    timer = QTimer(interval=100, timeout=tick)
    timer.start()
    loop.exec()  # not the application's loop: quitting that would close the window, which asks to save
    timer.stop()
    if state["done"]:
        window.grab().save(str(OUT / f"{name}.png"))
    window.mark_modified(False)  # nothing to save: close without asking
    window.close()
    for translator in translators:
        app.removeTranslator(translator)
    return state["done"]


def main(names: list[str]) -> int:
    app = QApplication(sys.argv[:1])  # noqa: F841 (kept alive while the windows live)
    unknown = set(names) - set(SCENES)
    if unknown:
        print(f"no scene {', '.join(sorted(unknown))}: the scenes are {', '.join(SCENES)}", file=sys.stderr)
        return 2
    failed = [name for name in names or list(SCENES) if not shoot(name, SCENES[name])]
    for name in failed:
        print(f"{name}: timed out after {TIMEOUT_S} s, not saved", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
