"""The GUI thread's CPU time per snapshot, and where it goes, without the worker's noise.

    python benchmarks/gui_per_snapshot.py [PRESET ...] [--snapshots FILE] [--profile]     (default: spiral)

On a machine of two cores every millisecond the GUI thread spends on a snapshot is one the training thread waits
for (Python's lock, which PySide6 holds through Qt's painting too), so this is the lever of app_responsiveness.py's
throughput. The window (at its default size) trains PRESET for RECORD_S seconds and keeps the snapshots it
receives; then, with the worker paused and the redraw timer stopped, the snapshots after the first fifth (past
the run's first steps, as app_responsiveness.py's warm-up) are replayed through the window's own slot, its redraw
and the paint Qt delivers next, one at a time, REPLAYS times after one untimed pass. Printed: the median over
replays of time.thread_time() per snapshot, and beside it how much of it each view's update_from and each plot's
paint took (the rest: Qt's own painting of widgets, layouts, events). CPU time of the GUI thread alone, so the
figures are steady on a shared machine to about 0.1 ms.

--snapshots FILE keeps the recorded snapshots in FILE (pickled) and replays those of an existing FILE: the same
snapshots then replay through another tree (PYTHONPATH=/other/tree python this-script ...), for an A/B of a
change. --profile prints cProfile's view of the replays (the GUI thread's CPU time).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import pickle
import pstats
import statistics
import sys
import tempfile
import time

if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pyqtgraph as pg  # noqa: E402 (after choosing the platform)
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from playground.session import Snapshot  # noqa: E402
from playground.ui.main_window import MainWindow  # noqa: E402
from playground.ui.theme import follow_system_theme  # noqa: E402

RECORD_S = 10.0
REPLAYS = 9
SKIPPED_SHARE = 0.2  # of the recorded snapshots, the first: the run's first steps


class CpuLedger:
    """time.thread_time() spent in named places, summed while `open`."""

    def __init__(self) -> None:
        self.spent: collections.Counter[str] = collections.Counter()
        self.open = False

    def timed(self, name, function):
        def wrapper(*args, **kwargs):
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                if self.open:
                    self.spent[name] += time.thread_time() - started
        return wrapper


def named(widget: QWidget) -> str:
    """A plot's name: its own objectName or its nearest named ancestor's."""
    owner = widget
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    return owner.objectName() if owner is not None else type(widget).__name__


def watch_paints(ledger: CpuLedger) -> None:
    """Every pyqtgraph view's paint (the plots, the boundary, the network view) timed under its name. Patched on
    the class before any is made: PySide6 calls a Python paintEvent as Qt's virtual."""
    original = pg.GraphicsView.paintEvent

    def paint(view, event):
        return ledger.timed(f"paint {named(view)}", original)(view, event)

    pg.GraphicsView.paintEvent = paint


def watch_updates(ledger: CpuLedger, window: MainWindow) -> None:
    """Each view's update_from timed under its class's name, the output panel's own views one by one."""
    panel = window.output_panel
    views = [view for view in window.run_views.views if view is not panel] + list(panel._views.views)
    for view in views:
        view.update_from = ledger.timed(f"update {type(view).__name__}", view.update_from)


def run_events(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def recorded_snapshots(window: MainWindow, preset: str) -> list[Snapshot]:
    """The snapshots the window receives while it trains `preset` for RECORD_S seconds, as they come."""
    window.load_preset(preset)
    run_events(1.0)
    received: list[Snapshot] = []
    window.toggle_training()
    window.training.worker.snapshot.connect(received.append)
    run_events(RECORD_S)
    window.toggle_training()
    run_events(0.3)
    return [snapshot for snapshot in received if snapshot.state == "running"]


def replay(window: MainWindow, snapshots: list[Snapshot]) -> None:
    for snapshot in snapshots:
        window._receive(snapshot)
        window.redraw()
        QCoreApplication.processEvents()  # the paint the redraw asked for


def measure(window: MainWindow, preset: str, ledger: CpuLedger, file: str | None, profile: cProfile.Profile | None):
    if file and os.path.exists(file):
        window.load_preset(preset)
        run_events(1.0)
        with open(file, "rb") as stream:
            snapshots = pickle.load(stream)
    else:
        snapshots = recorded_snapshots(window, preset)
        if file:
            with open(file, "wb") as stream:
                pickle.dump(snapshots, stream)
    snapshots = snapshots[int(len(snapshots) * SKIPPED_SHARE):]
    window.redraw_timer.stop()
    replay(window, snapshots)  # untimed: the first pass lays out and caches
    ledger.spent.clear()
    per_snapshot = []
    for _ in range(REPLAYS):
        ledger.open = True
        if profile:
            profile.enable()
        started = time.thread_time()
        replay(window, snapshots)
        per_snapshot.append((time.thread_time() - started) / len(snapshots) * 1000)
        if profile:
            profile.disable()
        ledger.open = False
    window.redraw_timer.start()
    count = len(snapshots) * REPLAYS
    print(f"{preset}: {len(snapshots)} snapshots replayed {REPLAYS} times: GUI thread "
          f"{statistics.median(per_snapshot):.2f} ms per snapshot (replays {min(per_snapshot):.2f} to "
          f"{max(per_snapshot):.2f})", flush=True)
    for name, seconds in sorted(ledger.spent.items()):
        print(f"    {name:<36} {seconds / count * 1000:6.2f} ms", flush=True)
    rest = statistics.mean(per_snapshot) - sum(ledger.spent.values()) / count * 1000
    print(f"    {'rest (widgets, layouts, events)':<36} {rest:6.2f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("presets", nargs="*", default=["spiral"])
    parser.add_argument("--snapshots", help="keep the recorded snapshots here, or replay those kept (one preset)")
    parser.add_argument("--profile", action="store_true", help="print cProfile's view of the replays")
    options = parser.parse_args()
    if options.snapshots and len(options.presets) > 1:
        parser.error("--snapshots keeps the snapshots of one preset")
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Backprop Playground")
    app.setOrganizationName("Backprop Playground")
    follow_system_theme(app)
    ledger = CpuLedger()
    watch_paints(ledger)
    profile = cProfile.Profile(time.thread_time) if options.profile else None
    with tempfile.TemporaryDirectory() as settings, tempfile.TemporaryDirectory() as data:
        os.environ["PLAYGROUND_DATA_DIR"] = data  # the window's autosave lands here, not among the user's
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
        window = MainWindow()
        window.show()
        watch_updates(ledger, window)
        print(f"Qt platform {app.platformName()}, window {window.width()}x{window.height()}", flush=True)
        for preset in options.presets:
            measure(window, preset, ledger, options.snapshots, profile)
        window.mark_modified(False)
        window.close()
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(50)
        stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
