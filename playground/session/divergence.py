"""Stopping training at the first non-finite number, with the last finite weights kept.

A mixin of Session: the checkpoint its training bursts rewind to, the copy kept at each
snapshot, and the message that names where NaN or Inf first appeared.
"""

from __future__ import annotations

import math
from typing import Any

import numpy


class DivergenceGuard:
    network: Any
    optimizer: Any
    step: int
    _backup: dict
    _kept: dict | None
    _dropout: bool
    _running_stats: list  # every layer's state arrays (BatchNorm's running statistics), updated in place

    def _diverged(self, batch, step: int) -> str:
        where = self._locate_divergence(batch)
        net = self.network
        restored = ""
        if not all(bool(net.xp.isfinite(a).all()) for a in (net.theta, *self._running_stats)):
            self._put_back(self._backup)
            restored = f" (those of step {self._backup['step']})"
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

    def _keep(self, kept: dict | None = None) -> dict:
        """Copy what training changes (weights, optimizer state, running statistics, the optimizer's
        step count, dropout's random state) into `kept`, reusing its buffers when they fit."""
        optimizer_state = self.optimizer.state
        if kept is None or kept["optimizer"].keys() != optimizer_state.keys():
            kept = {"theta": self.network.theta.copy(), "optimizer": {k: v.copy() for k, v in optimizer_state.items()},
                    "state": [a.copy() for a in self._running_stats]}
        else:
            kept["theta"][...] = self.network.theta
            for key, value in optimizer_state.items():
                kept["optimizer"][key][...] = value
            for copy_, array in zip(kept["state"], self._running_stats):
                copy_[...] = array
        kept["step"], kept["optimizer_steps"] = self.step, self.optimizer.step_count
        if self._dropout:
            kept["rng"] = self.network.rng.bit_generator.state
        return kept

    def _put_back(self, kept: dict) -> None:
        self.network.theta[...] = kept["theta"]
        for key, value in kept["optimizer"].items():
            self.optimizer.state[key][...] = value
        for array, copy_ in zip(self._running_stats, kept["state"]):
            array[...] = copy_
        self.optimizer.step_count = kept["optimizer_steps"]
        if self._dropout:
            self.network.rng.bit_generator.state = kept["rng"]

    def _checkpoint(self, position: int, steps: int, loss_sum: float) -> tuple[int, int, float]:
        """Keep what the next steps change, to rewind to; returns the burst's counters then."""
        self._kept = self._keep(self._kept)
        return position, steps, loss_sum

    def _rewind(self, checkpoint: tuple[int, int, float]) -> tuple[int, int, float]:
        self._put_back(self._kept)
        return checkpoint


def _non_finite(array: numpy.ndarray) -> str:
    if numpy.isnan(array).any():
        return "NaN"
    return "Inf" if numpy.isinf(array).any() else ""
