"""Stopping training at the first non-finite number, with the last finite weights kept.

A mixin of Session: the copies its training bursts rewind to and the one kept at each
snapshot (Checkpoint), and the message that names where NaN or Inf first appeared.
"""

from __future__ import annotations

import math
from typing import Any

import numpy


class DivergenceGuard:
    network: Any
    optimizer: Any
    step: int
    samples: int
    epoch: int
    batch_size: int
    _position: int
    _order: Any
    _data: Any
    _batch: Any
    _rng: numpy.random.Generator
    _backup: Checkpoint
    _kept: Checkpoint | None
    _before: Checkpoint | None  # the state before the last checked step (see Session._capture_step)
    _older: Checkpoint | None  # and before the one before it
    _dropout: bool
    _running_stats: list  # every layer's state arrays (BatchNorm's running statistics), updated in place

    def _diverged(self, batch, step: int) -> str:
        """Stop at `step` and go back to a kept state (the last snapshot's, and those before the last two
        checked steps) whose next step is sound, with the step, batch order and counters it belongs to: the
        latest whose loss is at most twice the lowest. The weights of the step before a blow-up are often
        finite but so large that a lower learning rate diverges again from them."""
        where = self._locate_divergence(batch)
        candidates = [kept for kept in (self._before, self._older, self._backup)
                      if kept is not None and kept.network is self.network and kept.step < step]
        losses = {id(kept): self._next_loss(kept) for kept in candidates}
        sound = [kept for kept in candidates if math.isfinite(losses[id(kept)])]
        if sound:
            lowest = min(losses[id(kept)] for kept in sound)
            best = max((kept for kept in sound if losses[id(kept)] <= 2 * lowest), key=lambda kept: kept.step)
            best.rewind(self)  # again: the probe moved running statistics and dropout's random state
            return (f"Training diverged at step {step}: {where}. The weights are back to those of step {best.step}, "
                    "kept before the loss blew up; lower the learning rate or turn on gradient "
                    "clipping, then resume.")
        if candidates:  # none sound: the latest, whose weights are finite at least
            max(candidates, key=lambda kept: kept.step).rewind(self)
        return (f"Training diverged at step {step}: {where}. The weights of step {self.step} are finite but give a "
                "non-finite loss too; reset the network, lower the learning rate, then train again.")

    def _next_loss(self, kept: Checkpoint) -> float:
        """The loss of the step after `kept`, NaN when it or its gradient is not finite; leaves the session at
        `kept`."""
        kept.rewind(self)
        net = self.network
        if self._position >= len(self._order):
            return math.nan
        batch = net.gather(self._data, self._order[self._position : self._position + self.batch_size], self._batch)
        self._batch = batch
        loss = net.forward_backward(batch, True)
        return loss if all_finite(net.xp, net.grad) else math.nan

    def _locate_divergence(self, batch) -> str:
        for name, value in self.network.parameters().items():
            bad = _non_finite(self.network.backend.to_numpy(value))
            if bad:
                path, _, param = name.rpartition(".")
                return f"the weights {param} of layer {path} became {bad}"
        trace = self.network.trace_batch(batch)
        for record in trace.forward:
            bad = _non_finite(record.output)
            if bad:
                return f"layer {record.path} ({record.type}) gave {bad} in its output"
        if not math.isfinite(trace.loss):
            return f"the loss became {trace.loss}"
        for record in trace.backward:
            for name, grad in record.param_grads.items():
                bad = _non_finite(grad)
                if bad:
                    return f"the gradient of layer {record.path} ({record.type}) {name} became {bad}"
        return "the loss or a gradient became NaN or Inf"

    def _keep(self, kept: Checkpoint | None = None) -> Checkpoint:
        """Copy what training changes, and where in the data it was, into `kept`, reusing its buffers while they
        fit."""
        if kept is None or not kept.fits(self):
            kept = Checkpoint(self)
        kept.take(self)
        kept.mark(self)
        return kept

    def _put_back(self, kept: Checkpoint) -> None:
        kept.restore(self)


class Checkpoint:
    """A copy of what training changes: the weights, the optimizer's state and step count, running
    statistics and dropout's random state. Taken every few dozen steps on tiny networks, so the
    arrays it copies are paired once, not looked up on every take."""

    def __init__(self, session: DivergenceGuard) -> None:
        self.network, self.optimizer = session.network, session.optimizer
        self.weights = [(session.network.theta, session.network.theta.copy())]
        self.weights += [(array, array.copy()) for array in session._running_stats]
        self.optimizer_state = [(array, array.copy()) for array in session.optimizer.state.values()]
        self.pairs = self.weights + self.optimizer_state
        self.step = self.optimizer_steps = self.position = self.samples = self.epoch = 0
        self.order: Any = None
        self.order_rng: dict = {}
        self.rng: dict | None = None

    def fits(self, session: DivergenceGuard) -> bool:
        return self.network is session.network and self.optimizer is session.optimizer

    def take(self, session: DivergenceGuard) -> None:
        for array, copy in self.pairs:
            copy[...] = array
        self.step, self.optimizer_steps = session.step, self.optimizer.step_count
        if session._dropout:
            self.rng = self.network.rng.bit_generator.state

    def mark(self, session: DivergenceGuard) -> None:
        """Where in the data it was taken, for `rewind`; a burst's checkpoints count their steps apart."""
        self.position, self.samples, self.epoch = session._position, session.samples, session.epoch
        self.order = session._order
        self.order_rng = session._rng.bit_generator.state

    def restore(self, session: DivergenceGuard) -> None:
        """Back into the arrays it was taken from; an optimizer chosen since keeps its own state."""
        same_optimizer = session.optimizer is self.optimizer
        for array, copy in self.pairs if same_optimizer else self.weights:
            array[...] = copy
        if same_optimizer:
            self.optimizer.step_count = self.optimizer_steps
        if self.rng is not None:
            self.network.rng.bit_generator.state = self.rng

    def rewind(self, session: DivergenceGuard) -> None:
        """`restore`, and back to the step it was taken at: the step, data position and batch order."""
        self.restore(session)
        session.step, session._position, session.samples = self.step, self.position, self.samples
        session.epoch, session._order = self.epoch, self.order
        session._rng.bit_generator.state = self.order_rng


def all_finite(xp: Any, array: Any) -> bool:
    """Whether every entry is finite. The squared norm is the fast test, but in float32 it overflows once the
    norm passes about 1.8e19 with every entry finite, so only a non-finite one is confirmed entry by entry."""
    return math.isfinite(array.dot(array)) or bool(xp.isfinite(array).all())


def _non_finite(array: numpy.ndarray) -> str:
    if numpy.isnan(array).any():
        return "NaN"
    return "Inf" if numpy.isinf(array).any() else ""
