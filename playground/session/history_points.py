"""The history's points and what each stands for: the training loss's mean since the point before, and between
snapshots a point every 1% of the steps run so far, with each layer's weight norms over its steps (StepNorms)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from playground.engine import Network, Optimizer
from playground.session.history import History
from playground.session.snapshot_measures import Measurements
from playground.session.step_norms import StepNorms

DETAIL_SPACING = 0.01  # between snapshots, a training-loss point every 1% of the steps run so far
DETAIL_BUDGET = 0.005  # and test scores with it, while they take at most this share of the time
SAMPLED_STEPS = 8  # each of those points' layer norms are the geometric mean of about this many of its steps


class HistoryPoints:
    """The run's History and where its next point comes: the loss summed over every step trained (`loss_total`),
    the step and sum at the last training-loss point, and the step of the next point between snapshots
    (`next_detail`, with the gradient norms and update ratios of the steps since the point before when `step_norms`
    measures them: with details)."""

    def __init__(self, network: Network, details: bool) -> None:
        self.history = History()
        self.step_norms = StepNorms(network) if details else None
        self.loss_total, self._point_step, self._point_loss, self.next_detail = 0.0, 0, 0.0, 1
        self._detail_spacing = 1  # steps from the last point between snapshots to next_detail
        self._test_point_due = -math.inf  # when the next of those points may measure the test sample too

    def carry_on_from(self, other: HistoryPoints) -> None:
        """The same run on another network (another backend): where `other` was, its history aside (restored with
        the state) and its step norms (the new network's own start over)."""
        self.loss_total, self._point_step, self._point_loss = other.loss_total, other._point_step, other._point_loss
        self.next_detail, self._detail_spacing = other.next_detail, other._detail_spacing

    def start_at(self, step: int) -> None:
        """The next point's means start at `step` (a run resumed there, or steps undone back to it)."""
        self._point_step, self._point_loss = step, self.loss_total
        if self.step_norms is not None:
            self.step_norms.reset()

    def stepped_since_point(self, step: int) -> bool:
        return step > self._point_step

    def next_sample(self, step: int, done: int) -> float:
        """The burst's step count (`done` so far, from `step`) at whose step StepNorms takes in the next step's norms:
        every stride-th step counting back from the next point, so that about SAMPLED_STEPS steps, spread over the
        point's steps, stand for them (all of them while a point is that few steps). The stride is odd, so that
        batches that alternate are both taken in. Never without step norms."""
        if self.step_norms is None:
            return math.inf
        stride = (self._detail_spacing // SAMPLED_STEPS) | 1
        return done + 1 + (self.next_detail - step - done - 1) % stride

    def add_detail(self, step: int, loss_total: float, products: list[float] | None, optimizer: Optimizer,
                   measurements: Measurements, clock: Callable[[], float]) -> None:
        """A point between snapshots, one every 1% of the steps so far (every step of the first hundred or two): the
        curves keep the start of training, where a snapshot's worth of steps is a large share of the run, in detail.
        It holds the mean training loss and, from the `products` read at the same check, each layer's weight-gradient
        norm and update ratio (StepNorms) over its steps; the test scores come with it when they are cheap (small
        networks) and their time share allows, by the session's `clock`."""
        values = {"train_loss": self.loss_since_point(step, loss_total)}
        if products is not None:
            values.update(self.step_norms.values(products, optimizer))
        started = clock()
        if started >= self._test_point_due:
            scores = measurements.test_scores_now()
            if scores is not None:
                values["test_loss"] = scores[0]
                if scores[1] is not None:
                    values["test_accuracy"] = scores[1]
            self._test_point_due = started + (clock() - started) / DETAIL_BUDGET
        self.history.append(step, values)
        self._detail_spacing = max(1, int(step * DETAIL_SPACING))
        self.next_detail = step + self._detail_spacing

    def add_step_point(self, step: int, loss: float, network: Network) -> None:
        """A point of one checked step on the way to a divergence: its loss and its gradient's norms, so that
        the curves show them rising step by step up to the blow-up (see History.went_back_to)."""
        values = {"train_loss": self.loss_since_point(step, self.loss_total + loss)}
        norms = network.parameter_norms(network.grad)
        values.update({f"grad_norm/{name}": norm for name, norm in norms.items()})
        self.history.append(step, values, force=True)
        if self.step_norms is not None:  # this point stands for its step
            self.step_norms.reset()

    def loss_since_point(self, step: int, loss_total: float) -> float:
        """The mean loss of the steps since the history's last training-loss point, which then moves here."""
        mean = (loss_total - self._point_loss) / (step - self._point_step) if step > self._point_step else math.nan
        self._point_step, self._point_loss = step, loss_total
        return mean

    def step_norm_means(self, values: dict[str, Any], stepped: bool, optimizer: Optimizer) -> None:
        """A snapshot's point: each weight's norms over the steps since the last point (read now, in one transfer), in
        place of the last step's `values` has; none without a step since, not the last point's step again."""
        norms = self.step_norms
        if norms is None:
            return
        for key in norms.keys:
            values.pop(key, None)
        if stepped:
            values.update(norms.values(optimizer.network.backend.scalars(*norms.products(optimizer)), optimizer))
