"""The stepper's step: one training step recorded (Network.trace_batch) and held, the weights as they were, until
applied or dropped."""

from __future__ import annotations

import math
from typing import Any

from playground.engine import Batch, Network, Optimizer, StepTrace
from playground.session.divergence import DivergenceGuard, all_finite
from playground.session.snapshot_measures import Measurements


class HeldStep:
    """A traced step held for Apply: the state it leaves behind, kept by the guard, and the gradient before it. One
    that goes unapplied takes its gradient with it (the views show the last step's again); one applied is the last
    step."""

    def __init__(self, network: Network, guard: DivergenceGuard, measurements: Measurements) -> None:
        self.network, self.guard, self.measurements = network, guard, measurements
        self._after: tuple | None = None  # (what the step leaves behind, examples, from the epoch's order, loss)
        self._gradient_before: tuple | None = None  # (the gradient, whether one was known) as the step found them

    @property
    def held(self) -> bool:
        return self._after is not None

    @property
    def loss(self) -> float:
        return self._after[3]

    def applied_gradient(self) -> tuple[Any, bool]:
        """The gradient the views show without the held step, the last applied step's, and whether there is one:
        what a saved state keeps, as the state before the held step, which is traced again when it is opened."""
        if self._gradient_before is not None:
            return self._gradient_before
        return self.network.grad, self.measurements.gradient_known

    def trace(self, batch: Batch, optimizer: Optimizer, in_order: bool) -> StepTrace:
        """Record a step on `batch` and hold it: the weights stay as they were until `apply`. A step held before
        goes, so that the gradient to go back to is the one before it."""
        self.drop()
        before = self.guard.keep(optimizer)
        self._gradient_before = (self.network.grad.copy(), self.measurements.gradient_known)
        trace = self.network.trace_batch(batch, optimizer)
        self.measurements.gradient_known = True  # the traced step's gradient, which the stepper shows
        self._after = (self.guard.keep(optimizer), batch.size, in_order, trace.loss)
        before.restore(optimizer)  # held, not applied: the weights stay as they were until apply
        return trace

    def sound(self) -> bool:
        """Whether the held step gives a finite loss and finite weights, as training asks of a step."""
        after, _, _, loss = self._after
        return math.isfinite(loss) and all_finite(self.network.backend, after.theta)

    def apply(self, optimizer: Optimizer) -> tuple[int, bool, float]:
        """Put the held step's state in place: the examples it took, whether from the epoch's order, and its loss,
        for the session to count."""
        after, size, in_order, loss = self._after
        self._after = self._gradient_before = None
        after.restore(optimizer)
        return size, in_order, loss

    def drop(self) -> None:
        """The held step goes unapplied, and so does the gradient it computed: the views show the last step's
        again (or none, before the first step), as before the step was traced."""
        if self._after is None:
            return
        gradient, known = self._gradient_before
        self.network.grad[...] = gradient
        self.measurements.gradient_known = known
        self._after = self._gradient_before = None

