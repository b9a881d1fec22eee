"""Stopping training at the first non-finite number, with the last finite weights kept.

A mixin of Session: the copies its training bursts rewind to and the one kept at each
snapshot (Kept), and the message that names where NaN or Inf first appeared.
"""

from __future__ import annotations

import math
from typing import Any

import numpy


class DivergenceGuard:
    network: Any
    optimizer: Any
    step: int
    _backup: Kept
    _kept: Kept | None
    _dropout: bool
    _running_stats: list  # every layer's state arrays (BatchNorm's running statistics), updated in place

    def _diverged(self, batch, step: int) -> str:
        where = self._locate_divergence(batch)
        net = self.network
        restored = ""
        if not all(bool(net.xp.isfinite(a).all()) for a in (net.theta, *self._running_stats)):
            self._put_back(self._backup)
            restored = f" (those of step {self._backup.step})"
        return (f"Training diverged at step {step}: {where}. The weights are back to their last finite "
                f"values{restored}; lower the learning rate or turn on gradient clipping, then resume.")

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

    def _keep(self, kept: Kept | None = None) -> Kept:
        """Copy what training changes into `kept`, reusing its buffers while they fit."""
        if kept is None or not kept.fits(self):
            kept = Kept(self)
        kept.take(self)
        return kept

    def _put_back(self, kept: Kept) -> None:
        kept.restore(self)


class Kept:
    """A copy of what training changes: the weights, the optimizer's state and step count, running
    statistics and dropout's random state. Taken every few dozen steps on tiny networks, so the
    arrays it copies are paired once, not looked up on every take."""

    def __init__(self, session: DivergenceGuard) -> None:
        self.network, self.optimizer = session.network, session.optimizer
        self.weights = [(session.network.theta, session.network.theta.copy())]
        self.weights += [(array, array.copy()) for array in session._running_stats]
        self.optimizer_state = [(array, array.copy()) for array in session.optimizer.state.values()]
        self.pairs = self.weights + self.optimizer_state
        self.step = self.optimizer_steps = 0
        self.rng: dict | None = None

    def fits(self, session: DivergenceGuard) -> bool:
        return self.network is session.network and self.optimizer is session.optimizer

    def take(self, session: DivergenceGuard) -> None:
        for array, copy in self.pairs:
            copy[...] = array
        self.step, self.optimizer_steps = session.step, self.optimizer.step_count
        if session._dropout:
            self.rng = self.network.rng.bit_generator.state

    def restore(self, session: DivergenceGuard) -> None:
        """Back into the arrays it was taken from; an optimizer chosen since keeps its own state."""
        same_optimizer = session.optimizer is self.optimizer
        for array, copy in self.pairs if same_optimizer else self.weights:
            array[...] = copy
        if same_optimizer:
            self.optimizer.step_count = self.optimizer_steps
        if self.rng is not None:
            self.network.rng.bit_generator.state = self.rng


def _non_finite(array: numpy.ndarray) -> str:
    if numpy.isnan(array).any():
        return "NaN"
    return "Inf" if numpy.isinf(array).any() else ""
