"""How fast the stepper moves from one phase of a training step to the next: the digits MLP
(64-200-10) on a batch of 64 digits, the seed article's MNIST network (784-200-10) and the mnist-cnn
preset (LeNet-5) on batches of 64 random MNIST-shaped images with random labels (the timing does not
depend on the values). A phase of a layer on images draws one example's maps and writes out one cell.

    python benchmarks/stepper_redraw.py

Target: under 50 ms per phase, median and worst. A phase's time is go_to(i) followed by
QApplication.processEvents(), which delivers the repaint of the shown 900×600 panel (formula,
heatmaps, chain rule). Each round shows the trace afresh, so every phase is timed on its first
visit, when its matrices and their colour levels are gathered (revisits reuse them and are faster).
Qt runs on QT_QPA_PLATFORM, "offscreen" when it is unset and there is no display; the output says
which. Wall time on a shared machine: compare runs on the same machine. The process's CPU time is printed
beside it, which other load on the machine disturbs far less; the verdict is the wall time's.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402 (after choosing the platform)

from playground.data import load_dataset  # noqa: E402
from playground.engine import DenseSpec, Network, NetworkSpec, Optimizer, OptimizerSpec  # noqa: E402
from playground.project import load_preset  # noqa: E402
from playground.ui.stepper.panel import StepperPanel  # noqa: E402

ROUNDS = 7
BATCH = 64
TARGET_MS = 50.0


def digits_step():
    preset = load_preset("digits-mlp")
    data = load_dataset(preset.dataset)
    net = Network(preset.network, seed=0)
    trace = net.trace_step(data.x_train[:BATCH], data.y_train[:BATCH], Optimizer(net, preset.optimizer))
    return preset.network, trace


def mnist_step():
    spec = NetworkSpec((784,), [DenseSpec(200, "relu", init="he_uniform"), DenseSpec(10)], loss="cross_entropy")
    rng = numpy.random.default_rng(0)
    x = rng.random((BATCH, 784), dtype=numpy.float32)
    y = rng.integers(0, 10, size=BATCH)
    net = Network(spec, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.01, momentum=0.9))
    return spec, net.trace_step(x, y, optimizer)


def mnist_cnn_step():
    preset = load_preset("mnist-cnn")
    rng = numpy.random.default_rng(0)
    x = rng.random((BATCH, 1, 28, 28), dtype=numpy.float32)
    y = rng.integers(0, 10, size=BATCH)
    net = Network(preset.network, seed=0)
    return preset.network, net.trace_step(x, y, Optimizer(net, preset.optimizer))


def measure(name: str, panel: StepperPanel, app: QApplication, spec, trace) -> None:
    times, cpu_times = [], []
    for _ in range(ROUNDS):
        panel.show_trace(trace, spec)
        app.processEvents()
        for index in range(1, len(panel.phases())):
            start, cpu = time.perf_counter(), time.process_time()
            panel.go_to(index)
            app.processEvents()
            times.append(1000 * (time.perf_counter() - start))
            cpu_times.append(1000 * (time.process_time() - cpu))
        panel.go_to(0)
        app.processEvents()
    median, worst = float(numpy.median(times)), max(times)
    verdict = "meets" if worst < TARGET_MS else "MISSES"
    print(f"{name:<24} {len(panel.phases())} phases x {ROUNDS} rounds   median {median:5.1f} ms   "
          f"max {worst:5.1f} ms per phase (CPU {float(numpy.median(cpu_times)):5.1f}, max {max(cpu_times):5.1f})   "
          f"{verdict} the {TARGET_MS:.0f} ms target", flush=True)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    print(f"Qt platform: {app.platformName()}")
    panel = StepperPanel()
    panel.resize(900, 600)
    panel.show()
    app.processEvents()
    measure("digits-mlp 64-200-10", panel, app, *digits_step())
    measure("MNIST 784-200-10", panel, app, *mnist_step())
    measure("mnist-cnn (LeNet-5)", panel, app, *mnist_cnn_step())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()  # --help, and no arguments
    main()
