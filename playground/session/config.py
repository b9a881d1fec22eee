"""Training settings and the commands a running session accepts between steps."""

from __future__ import annotations

import copy
import math
import queue
from dataclasses import dataclass, field
from typing import Any

from playground.engine import OPTIMIZERS, OptimizerSpec
from playground.errors import PlaygroundError, choice, real, whole
from playground.project.bpp import PACES
from playground.words import listed, tr

SNAPSHOT_HZ = 30.0
# How much training each frame (snapshot) shows, of PACES: a number of steps, one epoch, or as much as
# fits between two snapshots ("full", the engine's own speed). The slower ones are for watching.
PACE_STEPS = {"step": 1, "10 steps": 10, "100 steps": 100}


@dataclass
class TrainingConfig:
    optimizer: OptimizerSpec = field(default_factory=OptimizerSpec)
    batch_size: int = 10
    epochs: int | None = None  # None: until stopped
    seed: int = 0
    backend: str = "numpy"
    dtype: str = "float32"
    snapshot_hz: float = SNAPSHOT_HZ
    every_epoch: bool = False  # full test metrics at every epoch end (the command line), not by clock
    details: bool = True  # layer statistics and the decision-boundary grid in snapshots
    start_paused: bool = False
    blas_threads: int | None = None  # None: all cores but one, so a GUI keeps one
    # Snapshots may take at most this share of the time; whole-test-set reports a quarter as much.
    overhead_budget: float = 0.02
    pace: str = "full"  # one of PACES
    # The window's goal: pause at the end of this epoch, to train on when resumed (None: until paused). Unlike
    # `epochs`, which ends the run, it is a pause, and only an epoch end that reaches it from below stops there.
    stop_at_epoch: int | None = None

    def check(self) -> None:
        self.optimizer.check()
        whole(self.batch_size, tr("The batch size"), minimum=1)
        if self.epochs is not None:
            whole(self.epochs, tr("The number of epochs"), minimum=1)
        if self.stop_at_epoch is not None:
            whole(self.stop_at_epoch, tr("The epoch to stop at"), minimum=1)
        whole(self.seed, tr("The seed"), minimum=0)
        real(self.snapshot_hz, tr("The snapshot rate"), above=0.0)
        choice(self.pace, PACES, tr("The training speed"))


@dataclass(frozen=True)
class Command:
    name: str
    value: Any = None


class Control:
    """The thread-safe channel into a session: any thread may call these, the session applies
    them between steps."""

    def __init__(self, weight_shapes: dict[str, tuple[int, int]] | None = None,
                 largest_weight: float = math.inf) -> None:
        self.queue: queue.SimpleQueue[Command] = queue.SimpleQueue()
        # Each Dense layer's W by path, and the largest number its dtype holds: fixed for a session's life, so
        # set_weight refuses a weight that is not there, or would become Inf, in the caller's thread.
        self.weight_shapes = dict(weight_shapes or {})
        self.largest_weight = largest_weight

    def pause(self) -> None:
        self.queue.put(Command("pause"))

    def resume(self) -> None:
        self.queue.put(Command("resume"))

    def step(self) -> None:
        """One batch, then stay paused."""
        self.queue.put(Command("step"))

    def run_epoch(self) -> None:
        """Train to the end of the current epoch, then pause."""
        self.queue.put(Command("epoch"))

    def stop(self) -> None:
        self.queue.put(Command("stop"))

    def stop_at_epoch(self, epoch: int | None) -> None:
        """Pause by itself at the end of epoch `epoch` (None: train until paused), from now on. An epoch the run
        has reached already is behind it: training runs on."""
        if epoch is not None:
            whole(epoch, tr("The epoch to stop at"), minimum=1)
        self.queue.put(Command("stop_at_epoch", epoch))

    def reset(self) -> None:
        """Re-initialize the network from the seed and start over."""
        self.queue.put(Command("reset"))

    def export(self) -> None:
        """Copy everything the next step depends on, between steps, into the next snapshot's
        `exported` (for saving while training runs)."""
        self.queue.put(Command("export"))

    def trace(self, example: int | None = None) -> None:
        """Pause and record one training step, on training example `example` or (None) on the next
        mini-batch, without applying it: the next snapshot carries the StepTrace."""
        if example is not None:
            whole(example, tr("The example number"), minimum=0)
        self.queue.put(Command("trace", example))

    def apply_trace(self) -> None:
        """Apply the step last traced, exactly as training would have."""
        self.queue.put(Command("apply_trace"))

    def discard_trace(self) -> None:
        self.queue.put(Command("discard_trace"))

    def watch_images(self, kernels: bool, image: int | None) -> None:
        """What every snapshot carries from now on for the views of image layers: each Conv2D layer's kernels
        (`kernels`), and test image number `image` followed through every layer (None: not)."""
        if image is not None:
            whole(image, tr("The test image's number"), minimum=0)
        self.queue.put(Command("watch", (bool(kernels), image)))

    def set_pace(self, pace: str) -> None:
        """How much training each snapshot shows while running: see PACES."""
        choice(pace, PACES, tr("The training speed"))
        self.queue.put(Command("pace", pace))

    def set_learning_rate(self, value: float) -> None:
        real(value, tr("The learning rate"), above=0.0)
        self.queue.put(Command("learning_rate", float(value)))

    def set_batch_size(self, value: int) -> None:
        whole(value, tr("The batch size"), minimum=1)
        self.queue.put(Command("batch_size", value))

    def set_optimizer(self, kind: str) -> None:
        """Switch optimizer, keeping the weights and the learning rate; its state starts afresh."""
        choice(kind, OPTIMIZERS, tr("The optimizer"))
        self.queue.put(Command("optimizer", kind))

    def set_optimizer_settings(self, spec: OptimizerSpec) -> None:
        """Every setting of the optimizer at once (momentum, betas, clipping, schedule, ...), on the
        same weights: its state carries over where the new settings keep it, and so does its step
        count, so that a schedule goes on where it was."""
        spec = copy.deepcopy(spec)
        spec.check()
        self.queue.put(Command("optimizer_settings", spec))

    def set_backend(self, backend: str) -> None:
        """Go on computing on another backend ("auto", "numpy" or "cupy"): the same run, its weights and
        optimizer state moved across. One that cannot take the network leaves the run where it was, and the
        next snapshot's message says why."""
        if not isinstance(backend, str):
            raise PlaygroundError(tr("The backend is named by a word: auto, numpy or cupy."))
        self.queue.put(Command("backend", backend))

    def set_regularization(self, l1: float = 0.0, l2: float = 0.0) -> None:
        for what, rate in ((tr("The L1 penalty"), l1), (tr("The L2 penalty"), l2)):
            real(rate, what, minimum=0.0)
        self.queue.put(Command("regularization", (float(l1), float(l2))))

    def set_weight(self, path: str, row: int, column: int, value: float, expected: float | None = None) -> None:
        """Set W[row, column] of Dense layer `path`: a what-if while paused, shown in the next snapshot with
        the test split scored again. With `expected`, only while the weight still holds that value, so that
        undoing an edit after training or a reset moved the weight changes nothing (the snapshot says so)."""
        shape = self.weight_shapes.get(path)
        if shape is None and not self.weight_shapes:
            raise PlaygroundError(tr("There is no Dense layer {0!r} to set a weight of: pick one of none.").format(
                path))
        if shape is None:
            raise PlaygroundError(tr("There is no Dense layer {0!r} to set a weight of: pick one of {1}.").format(
                path, listed(self.weight_shapes)))
        for index, size, what in ((row, shape[0], tr("The weight's row")),
                                  (column, shape[1], tr("The weight's column"))):
            whole(index, what, minimum=0)
            if index >= size:
                raise PlaygroundError(tr("Layer {0}'s W is {1} by {2}: pick a row from 0 to {3} and a column from 0 to "
                                         "{4}.").format(path, shape[0], shape[1], shape[0] - 1, shape[1] - 1))
        real(value, tr("The weight"), minimum=-self.largest_weight, maximum=self.largest_weight)
        if expected is not None:
            real(expected, tr("The weight expected"))
        self.queue.put(Command("weight", (path, row, column, float(value), expected)))
