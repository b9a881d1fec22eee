"""Stopping training at the first non-finite number, with the last finite weights kept.

DivergenceGuard owns the copies training can go back to (Checkpoint): the last snapshot's, a
training burst's and those before the last two checked steps; at a divergence it finds the place
where NaN or Inf first appeared and goes back to a kept state whose next step is sound.
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy

from playground.engine import Backend, Batch, Network, Optimizer
from playground.session.position import TrainingPosition
from playground.words import term, tr


class DivergenceGuard:
    """The checkpoints of one network on its training data, at the session's TrainingPosition `at`.
    The optimizer is passed in, as the one in use: a command may replace it between steps."""

    def __init__(self, network: Network, data: Batch, at: TrainingPosition, optimizer: Optimizer) -> None:
        self.network, self.data, self.at = network, data, at
        self.burst: Checkpoint | None = None  # a training burst's, its buffers made on first use (see start_burst)
        self.before: Checkpoint | None = None  # the state before the last checked step (see keep_before_step)
        self.older: Checkpoint | None = None  # and before the one before it
        self.checkpoint_seconds = 0.0  # what a burst's checkpoint costs to take, a running mean
        self.backup = self.keep(optimizer)  # the last snapshot's: the weights to go back to if they turn non-finite

    def keep(self, optimizer: Optimizer, kept: Checkpoint | None = None) -> Checkpoint:
        """Copy what training changes, and where in the data it was, into `kept`, reusing its buffers while they
        fit."""
        if kept is None or not kept.fits(self.network, optimizer):
            kept = Checkpoint(self.network, optimizer)
        kept.take()
        kept.mark(self.at)
        return kept

    def keep_backup(self, optimizer: Optimizer) -> None:
        self.backup = self.keep(optimizer, self.backup)

    def keep_before_step(self, optimizer: Optimizer) -> Checkpoint:
        """The state before a checked step, in the buffers of the one before the step before."""
        older, self.before = self.before, self.keep(optimizer, self.older)
        self.older = older
        return self.before

    def carry_over(self, old: Optimizer, new: Optimizer) -> None:
        """New settings of the optimizer (`new`, whose state and step count go on from `old`'s): the states kept
        with the old one go back as if the settings had been chosen there, so that the optimizer's count never
        runs ahead of the step gone back to."""
        for kept in (self.burst, self.before, self.older, self.backup):
            if kept is not None and kept.optimizer is old:
                kept.carry_over(new)

    def start_burst(self, optimizer: Optimizer) -> Checkpoint:
        """The burst's checkpoint, taken again every few dozen steps: the optimizer and network stay the same
        through a burst, so one Checkpoint's buffers serve all of it. Timed, as the burst spaces the others
        by their cost."""
        started = time.perf_counter()
        self.burst = self.keep(optimizer, self.burst)
        self.checkpoint_seconds += 0.25 * (time.perf_counter() - started - self.checkpoint_seconds)
        return self.burst

    def diverged(self, batch: Batch, step: int, optimizer: Optimizer, batch_size: int) -> str:
        """Stop at `step` and go back to a kept state (the last snapshot's, and those before the last two
        checked steps) whose next step is sound, with the step, batch order and counters it belongs to: the
        latest whose loss is at most twice the lowest. The weights of the step before a blow-up are often
        finite but so large that a lower learning rate diverges again from them. `batch` is the step's,
        whose buffers the probes reuse."""
        where = self._locate(batch)
        candidates = [kept for kept in (self.before, self.older, self.backup) if kept is not None and kept.step < step]
        losses = {id(kept): self._next_loss(kept, optimizer, batch, batch_size) for kept in candidates}
        sound = [kept for kept in candidates if math.isfinite(losses[id(kept)])]
        if sound:
            lowest = min(losses[id(kept)] for kept in sound)
            best = max((kept for kept in sound if losses[id(kept)] <= 2 * lowest), key=lambda kept: kept.step)
            best.rewind(optimizer, self.at)  # again: the probe moved running statistics and dropout's random state
            return tr("Training diverged at step {0}: {1}. The weights are back to those of step {2}, kept before "
                      "the loss blew up; lower the learning rate or turn on gradient clipping, then resume.").format(
                step, where, best.step)
        if candidates:  # none sound: the latest, whose weights are finite at least
            max(candidates, key=lambda kept: kept.step).rewind(optimizer, self.at)
        return tr("Training diverged at step {0}: {1}. The weights of step {2} are finite but give a non-finite loss "
                  "too; reset the network, lower the learning rate, then train again.").format(
            step, where, self.at.step)

    def _next_loss(self, kept: Checkpoint, optimizer: Optimizer, batch: Batch, batch_size: int) -> float:
        """The loss of the step after `kept`, NaN when it or its gradient is not finite; leaves the session at
        `kept`."""
        kept.rewind(optimizer, self.at)
        net = self.network
        if self.at.epoch_done:
            return math.nan
        loss = net.backend.scalars(net.forward_backward(net.gather(self.data, self.at.batch(batch_size), batch)))[0]
        return loss if all_finite(net.backend, net.grad) else math.nan

    def _locate(self, batch: Batch) -> str:
        """Where NaN or Inf first appears: the weights, then the step's forward, loss and backward on `batch`."""
        for name, value in self.network.parameters().items():
            bad = _non_finite(self.network.backend.to_numpy(value))
            if bad:
                path, _, param = name.rpartition(".")
                return tr("the weights {0} of layer {1} became {2}").format(param, path, bad)
        trace = self.network.trace_batch(batch)
        for record in trace.forward:
            bad = _non_finite(record.output)
            if bad:
                return tr("layer {0} ({1}) gave {2} in its output").format(record.path, term(record.type), bad)
        if not math.isfinite(trace.loss):
            return tr("the loss became {0}").format(trace.loss)
        for record in trace.backward:
            for name, grad in record.param_grads.items():
                bad = _non_finite(grad)
                if bad:
                    return tr("the gradient of layer {0} ({1}) {2} became {3}").format(record.path, term(record.type),
                                                                                      name, bad)
        return tr("the loss or a gradient became NaN or Inf")


class Checkpoint:
    """A copy of what training changes: the weights, the optimizer's state and step count, running
    statistics and dropout's random state; and (`mark`) where in the data it was. Taken every few
    dozen steps on tiny networks, so the arrays it copies are paired once, not looked up on every take."""

    def __init__(self, network: Network, optimizer: Optimizer) -> None:
        self.network, self.optimizer = network, optimizer
        layers = list(network.all_layers())
        running_stats = [array for layer in layers for array in layer.state.values()]  # BatchNorm's, updated in place
        self.weights = [(network.theta, network.theta.copy())] + [(array, array.copy()) for array in running_stats]
        self.optimizer_state = [(array, array.copy()) for array in optimizer.state.values()]
        self.pairs = self.weights + self.optimizer_state
        self.dropout = any(layer.type == "dropout" for layer in layers)
        self.step = self.optimizer_steps = self.position = self.samples = self.epoch = 0
        self.order: Any = None
        self.order_rng: dict = {}
        self.rng: Any = None  # dropout's generator state, as the backend keeps it (Backend.random_state)

    @property
    def theta(self) -> Any:
        """The copy of the network's parameter vector."""
        return self.weights[0][1]

    def fits(self, network: Network, optimizer: Optimizer) -> bool:
        return self.network is network and self.optimizer is optimizer

    def carry_over(self, optimizer: Optimizer) -> None:
        """Belong to `optimizer`, new settings of this one's: its state arrays keep the copies of those of the
        same name and shape (as Session's optimizer_settings carries them over), the rest start at 0."""
        copies = {key: copy for key, (array, copy) in zip(self.optimizer.state, self.optimizer_state, strict=True)}
        self.optimizer_state = []
        for key, array in optimizer.state.items():
            copy = copies.get(key)
            self.optimizer_state.append((array, copy if copy is not None and copy.shape == array.shape
                                         else self.network.xp.zeros_like(array)))
        self.pairs = self.weights + self.optimizer_state
        self.optimizer = optimizer

    def take(self) -> None:
        for array, copy in self.pairs:
            copy[...] = array
        self.optimizer_steps = self.optimizer.step_count
        if self.dropout:
            self.rng = self.network.backend.random_state(self.network.rng)

    def mark(self, at: TrainingPosition) -> None:
        """Where in the data it was taken, for `rewind`; a burst's checkpoints count their steps apart."""
        self.step, self.position, self.samples, self.epoch = at.step, at.position, at.samples, at.epoch
        self.order = at.order
        self.order_rng = at.rng.bit_generator.state

    def restore(self, optimizer: Optimizer) -> None:
        """Back into the arrays it was taken from; an optimizer chosen since (`optimizer`, the one in use) keeps
        its own state."""
        same_optimizer = optimizer is self.optimizer
        for array, copy in self.pairs if same_optimizer else self.weights:
            array[...] = copy
        if same_optimizer:
            self.optimizer.step_count = self.optimizer_steps
            # A schedule chosen after this state was kept starts here, not at a step that has not come yet.
            optimizer.schedule_start = min(optimizer.schedule_start, self.optimizer_steps)
        if self.rng is not None:
            self.network.backend.set_random_state(self.network.rng, self.rng)

    def rewind(self, optimizer: Optimizer, at: TrainingPosition) -> None:
        """`restore`, and `at` back to the step it was taken at: the step, data position and batch order."""
        self.restore(optimizer)
        at.step, at.position, at.samples, at.epoch, at.order = (self.step, self.position, self.samples, self.epoch,
                                                                self.order)
        at.rng.bit_generator.state = self.order_rng


def all_finite(backend: Backend, array: Any, square: float | None = None) -> bool:
    """Whether every entry of a vector is finite. The squared norm is the fast test (`square`, when it was read
    already), but in float32 it overflows once the norm passes about 1.8e19 with every entry finite, so only a
    non-finite one is confirmed entry by entry."""
    if square is None:
        square = backend.scalars(array.dot(array))[0]
    return math.isfinite(square) or backend.scalars(backend.xp.isfinite(array).all())[0] == 1.0


def _non_finite(array: numpy.ndarray) -> str:
    if numpy.isnan(array).any():
        return "NaN"
    return "Inf" if numpy.isinf(array).any() else ""
