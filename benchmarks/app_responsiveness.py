"""How the window holds up while it trains: training throughput inside the app against headless
training, the lateness of a GUI timer, and the time from process start to the window shown.

    python benchmarks/app_responsiveness.py [PRESET ...]      (default: spiral digits-mlp)

1. Throughput. The real MainWindow is shown and trained with toggle_training, as the play button
   does, and samples/s is read from the snapshots the window receives (samples_seen over the wall
   time between the first snapshot after a warm-up and the last one in the timed span). Headless
   training runs a Session on the same network, data and TrainingConfig the window built (its
   blas_threads left as the window leaves them) for the same spans, in the same process. Each round
   times the two back to back in alternating order, each from a fresh session; printed is the
   median over rounds of the paired ratio app / headless, with the lowest and highest beside it.
   Target: the app trains at 85% or more of headless speed. Wall time, not CPU time: the GUI
   thread and the worker run at once, and what the GUI costs the worker is what is measured.
2. Responsiveness. While the app trains (during the timed span above, so that the app's figure
   includes the probe's hundred tiny callbacks a second), a 10 ms precise QTimer on the GUI thread
   records each timeout; lateness is the interval between two timeouts less 10 ms.
   Printed: p50, p99 and max over all rounds, and the same with the window shown but idle.
   Target: p99 under 16 ms, one frame at 60 Hz.
3. Start-up. A fresh interpreter runs this script with a hidden flag: it starts the app through
   run_app (the default preset) and prints time.time() once the window is visible and exposed;
   the parent notes time.time() just before starting it. Three runs: the first (files perhaps not
   in the page cache) and the best (warm). Target: under 1.5 s warm.

Qt runs on QT_QPA_PLATFORM, "offscreen" when it is unset and there is no DISPLAY; the output says
which. The window's saved layout is kept in a temporary directory, so a user's settings are neither
read nor overwritten. The figures are noisy on a shared machine: compare runs on the same machine.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import subprocess
import sys
import tempfile
import time

import numpy
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from playground.project.presets import DEFAULT_PRESET
from playground.session import Session
from playground.ui.app import run_app
from playground.ui.main_window import MainWindow
from playground.ui.theme import follow_system_theme

DEFAULT_PRESETS = ["spiral", "digits-mlp"]
ROUNDS = 3
WARMUP_S = 2.0  # not timed: the session's build, first allocations and first layout of the plots
MEASURE_S = 8.0
PROBE_INTERVAL_MS = 10
APP_SHARE_TARGET = 0.85  # app samples/s at least this share of headless
LATENESS_P99_TARGET_MS = 16.0  # one frame at 60 Hz
STARTUP_TARGET_S = 1.5  # warm start to the window shown
STARTUP_RUNS = 3
STARTUP_FLAG = "--startup-child"
EXPOSE_POLL_MS = 1
EXPOSE_TIMEOUT_S = 60.0

Marks = list[tuple[float, int]]  # (time.perf_counter(), samples_seen) per snapshot


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def exposed(window: MainWindow) -> bool:
    handle = window.windowHandle()
    return window.isVisible() and handle is not None and handle.isExposed()


def run_events(seconds: float) -> None:
    """The GUI's event loop for `seconds`, as the app's own loop runs it: timers fire, snapshots arrive.
    Not a processEvents spin, which would take a core from the worker."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def timer_lateness(seconds: float) -> numpy.ndarray:
    """Lateness in ms of each timeout of a precise 10 ms timer on the GUI thread over `seconds`."""
    fired: list[float] = []
    probe = QTimer(interval=PROBE_INTERVAL_MS, timerType=Qt.TimerType.PreciseTimer)
    probe.timeout.connect(lambda: fired.append(time.perf_counter()))
    probe.start()
    run_events(seconds)
    probe.stop()
    return numpy.diff(fired) * 1000 - PROBE_INTERVAL_MS


def rate_between(marks: Marks, start: float, end: float) -> float:
    """Samples/s between the first snapshot at or after `start` and the last one at or before `end`."""
    inside = [mark for mark in marks if start <= mark[0] <= end]
    if len(inside) < 2:
        raise RuntimeError(f"only {len(inside)} snapshots in the timed span: training did not run")
    (first_time, first_samples), (last_time, last_samples) = inside[0], inside[-1]
    return (last_samples - first_samples) / (last_time - first_time)


def load_discarding(window: MainWindow, preset: str) -> None:
    """`preset` shown afresh, the trained run dropped as a person's Discard drops it: unsaved work would make the
    window ask first, and a modal question would wait for ever."""
    window.mark_modified(False)
    window.load_preset(preset)


def app_round(window: MainWindow, preset: str) -> tuple[float, numpy.ndarray, Session]:
    """Samples/s of the window training `preset` from a fresh session, the timer's lateness meanwhile,
    and the session it trained (whose settings headless training copies)."""
    load_discarding(window, preset)  # discards the last round's session: each round starts afresh
    began = time.perf_counter()
    window.toggle_training()  # what the play button's click does; it builds the worker
    if window.training.worker is None:
        raise RuntimeError(f"{preset} did not start training in the window: {window.statusBar().currentMessage()}")
    marks: Marks = []
    # Queued to the GUI thread like the window's own slot: the time is when the window has the snapshot.
    window.training.worker.snapshot.connect(lambda snapshot: marks.append((time.perf_counter(), snapshot.samples_seen)))
    run_events(WARMUP_S)
    lateness = timer_lateness(MEASURE_S)
    window.toggle_training()  # pause, so that the idle worker takes no time from the headless round
    run_events(0.1)  # deliver the pause's snapshot: the next round's load_preset then stops an idle worker
    return rate_between(marks, began + WARMUP_S, began + WARMUP_S + MEASURE_S), lateness, window.training.worker.session


def headless_round(template: Session) -> float:
    """Samples/s of a fresh Session with `template`'s network, data and settings, run as `playground train`
    runs one: iterating its generator on this thread, no event loop."""
    config = dataclasses.replace(template.config, start_paused=False)
    session = Session(template.spec, template.dataset, config)
    marks: Marks = []
    began = time.perf_counter()
    with contextlib.closing(session.run()) as snapshots:
        for snapshot in snapshots:
            now = time.perf_counter()
            marks.append((now, snapshot.samples_seen))
            if now - began >= WARMUP_S + MEASURE_S:
                break
    return rate_between(marks, began + WARMUP_S, began + WARMUP_S + MEASURE_S)


def percentiles(lateness: numpy.ndarray) -> str:
    p50, p99 = numpy.percentile(lateness, [50, 99])
    return f"p50 {p50:5.1f} ms  p99 {p99:5.1f} ms  max {lateness.max():6.1f} ms"


def measure(window: MainWindow, preset: str) -> None:
    ratios, app_speeds, headless_speeds, lateness = [], [], [], []
    load_discarding(window, preset)
    run_events(WARMUP_S)  # the new preset's first layout and paint are start-up, not idling
    idle = timer_lateness(MEASURE_S)  # the baseline: the window shown, its redraw timer running, no training
    template = None
    for round_number in range(ROUNDS):
        if round_number % 2 == 0:  # the app first in round 0: headless training copies its session
            app_speed, late, template = app_round(window, preset)
            headless_speed = headless_round(template)
        else:
            headless_speed = headless_round(template)
            app_speed, late, template = app_round(window, preset)
        ratios.append(app_speed / headless_speed)
        app_speeds.append(app_speed)
        headless_speeds.append(headless_speed)
        lateness.append(late)
    load_discarding(window, preset)  # stop the last worker
    share = numpy.median(ratios)
    print(f"{preset:<12} app {numpy.median(app_speeds):>10,.0f} samples/s   headless "
          f"{numpy.median(headless_speeds):>10,.0f} samples/s   app/headless {share:6.1%} "
          f"(rounds {min(ratios):.1%} to {max(ratios):.1%})   target >= {APP_SHARE_TARGET:.0%}: "
          f"{verdict(share >= APP_SHARE_TARGET)}", flush=True)
    training = numpy.concatenate(lateness)
    p99 = numpy.percentile(training, 99)
    label = f"{PROBE_INTERVAL_MS} ms timer lateness"
    print(f"{'':<12} {label}, training: {percentiles(training)}   "
          f"target p99 < {LATENESS_P99_TARGET_MS:.0f} ms: {verdict(p99 < LATENESS_P99_TARGET_MS)}", flush=True)
    print(f"{'':<12} {label}, idle:     {percentiles(idle)}", flush=True)


def startup_child() -> int:
    """In a fresh process: the app's entry point, and the wall-clock time once its window is exposed
    (Qt paints a widget window on its first expose, so by then the first frame is drawn)."""
    app = QApplication(sys.argv[:1])  # run_app takes this instance over

    def report_when_exposed() -> None:
        if any(isinstance(top, MainWindow) and exposed(top) for top in app.topLevelWidgets()):
            print(time.time(), flush=True)
            app.quit()

    poll = QTimer(interval=EXPOSE_POLL_MS, timerType=Qt.TimerType.PreciseTimer)
    poll.timeout.connect(report_when_exposed)
    poll.start()  # fires once run_app's event loop runs, after the window's show()
    return run_app(sys.argv[:1])


def startup_seconds() -> float:
    started = time.time()
    child = subprocess.run([sys.executable, os.path.abspath(__file__), STARTUP_FLAG], capture_output=True,
                           text=True, timeout=EXPOSE_TIMEOUT_S, check=False)
    lines = child.stdout.split()
    if not lines:
        raise RuntimeError(f"the start-up child printed nothing (exit {child.returncode}): {child.stderr.strip()}")
    return float(lines[-1]) - started


def measure_startup() -> None:
    times = [startup_seconds() for _ in range(STARTUP_RUNS)]
    best = min(times)
    print(f"start-up to window exposed ({DEFAULT_PRESET} preset): first {times[0]:.2f} s, "
          f"best of {STARTUP_RUNS} {best:.2f} s   target warm < {STARTUP_TARGET_S} s: "
          f"{verdict(best < STARTUP_TARGET_S)}", flush=True)


def main(presets: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Backprop Playground")
    app.setOrganizationName("Backprop Playground")
    follow_system_theme(app)  # as run_app does: the plots are made in the palette's colours
    with tempfile.TemporaryDirectory() as settings:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
        window = MainWindow()
        window.show()
        deadline = time.perf_counter() + EXPOSE_TIMEOUT_S
        while not exposed(window) and time.perf_counter() < deadline:
            run_events(EXPOSE_POLL_MS / 1000)
        print(f"Qt platform {app.platformName()}, {os.cpu_count()} cores; {ROUNDS} rounds of {WARMUP_S:.0f} s "
              f"warm-up + {MEASURE_S:.0f} s timed per side", flush=True)
        for preset in presets:
            measure(window, preset)
        window.close()
    measure_startup()


if __name__ == "__main__":
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the start-up children inherit it
    if sys.argv[1:] == [STARTUP_FLAG]:
        sys.exit(startup_child())
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("presets", nargs="*", default=DEFAULT_PRESETS, help="the presets to train in the window")
    presets = parser.parse_args().presets
    # The windows' autosaves go to a folder of their own (the children inherit it): none lands among the user's,
    # and no start-up child stops at an offer to restore one.
    with tempfile.TemporaryDirectory() as data:
        os.environ["PLAYGROUND_DATA_DIR"] = data
        main(presets)
