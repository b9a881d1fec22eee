"""Metric history over a whole run in bounded memory: when full, every other point goes and
new points are kept half as often, so a long run keeps its whole shape at lower resolution. The
points of the first EARLY_STEPS steps always stay: the start of training is where most happens.

Some series are means over the steps since the point before that measured them (STEP_MEANS): the training loss,
and the geometric means of the gradient norms and update ratios (session/step_norms.py). A point that goes, or an
offered one not kept, leaves its steps to the next point kept, whose value becomes the mean over both, weighted by
the steps each covers: a kept point stands for all the steps since the kept point before."""

from __future__ import annotations

import math

import numpy

CAPACITY = 2000
EARLY_STEPS = 500
STEP_MEANS = ("train_loss",)  # arithmetic means over the steps each point covers,
GEOMETRIC_STEP_MEANS = ("grad_norm/", "update_ratio/")  # and geometric ones (the curves draw them on log axes)


def _is_step_mean(name: str) -> bool:
    return name in STEP_MEANS or name.startswith(GEOMETRIC_STEP_MEANS)


def _to_summed(name: str, values):
    """Values as they add up over steps: logarithms for a geometric mean (a zero norm: -inf, a mean of zero)."""
    if name.startswith(GEOMETRIC_STEP_MEANS):
        with numpy.errstate(divide="ignore"):
            return numpy.log(values)
    return values


def _from_summed(name: str, values):
    return numpy.exp(values) if name.startswith(GEOMETRIC_STEP_MEANS) else values


class History:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._columns: dict[str, numpy.ndarray] = {"step": numpy.empty(capacity)}
        self._count = 0
        self._stride = 1  # keep one offered point in this many
        self._offered = 0
        self._gone_back_to: float | None = None  # the step a divergence went back to, its undone points kept
        self._measured_at: dict[str, float] = {}  # the step of each step mean's last value offered
        self._held: dict[str, tuple[float, float]] = {}  # each step mean's (Σ steps·value, Σ steps) not yet kept
        # Of each series offered, whether it is a step mean and whether geometric: (False, False) for the rest.
        self._kinds: dict[str, tuple[bool, bool]] = {}

    def __len__(self) -> int:
        return self._count

    def append(self, step: int, values: dict[str, float], force: bool = False) -> None:
        """Offer a point; it is kept when the thinning allows (always when `force`). After a divergence
        (`went_back_to`), a point at the step gone back to is not kept, and the first one past it drops the points
        of the steps undone."""
        if self._gone_back_to is not None:
            if step <= self._gone_back_to:
                return
            self.drop_after(self._gone_back_to)
        self._offered += 1
        held, sums = self._held, self._step_sums(step, values)
        if not force and (self._offered - 1) % self._stride:
            self._held = sums  # for the next point kept
            return
        kinds = self._kinds
        values = {**values, **{name: float(numpy.exp(total / steps)) if kinds[name][1] else total / steps
                               for name, (total, steps) in sums.items() if name in held and steps > 0}}
        for name in values:
            if name not in self._columns:  # a series that starts later, after those before it (the CSV's order)
                self._columns[name] = numpy.full(self.capacity, math.nan)
        at = self._count
        for name, column in self._columns.items():
            column[at] = step if name == "step" else values.get(name, math.nan)
        self._count += 1
        if self._count >= self.capacity:
            steps = self._columns["step"][: self._count]
            early = min(int(numpy.count_nonzero(steps < EARLY_STEPS)), self.capacity // 2)
            kept = numpy.r_[numpy.arange(early), numpy.arange(early, self._count, 2)]
            self._leave_steps_to_next(numpy.arange(early + 1, self._count, 2))
            for column in self._columns.values():
                column[: len(kept)] = column[kept]
                column[len(kept) :] = math.nan
            self._count = len(kept)
            self._stride *= 2

    def went_back_to(self, step: int) -> None:
        """A divergence undid the steps after `step`. Their points stay until training moves on from it, so that
        the curves show the loss and the gradients rising to the blow-up; then they go, as a curve drawn over the
        steps must not turn back."""
        self._gone_back_to = step

    def drop_after(self, step: int) -> None:
        """Forget the points after `step`."""
        kept = int(numpy.searchsorted(self._columns["step"][: self._count], step, side="right"))
        for column in self._columns.values():
            column[kept : self._count] = math.nan
        self._count = kept
        self._gone_back_to = None
        self._held = {}
        self._measured_at = {name: min(at, step) for name, at in self._measured_at.items()}

    def arrays(self, undone: bool = True) -> dict[str, numpy.ndarray]:
        """A copy of every series, for a snapshot; without the points of steps a divergence undid unless `undone`
        (a saved state goes on from the step gone back to)."""
        count = self._count
        if not undone and self._gone_back_to is not None:
            count = int(numpy.searchsorted(self._columns["step"][:count], self._gone_back_to, side="right"))
        return {name: column[:count].copy() for name, column in self._columns.items()}

    def _step_sums(self, step: int, values: dict[str, float]) -> dict[str, tuple[float, float]]:
        """Each step mean's (Σ steps·value, Σ steps) over the steps since its last value offered and those held
        before it (logarithms for a geometric mean); the held ones are taken."""
        sums, self._held, kinds, measured_at = self._held, {}, self._kinds, self._measured_at
        for name, value in values.items():
            kind = kinds.get(name)
            if kind is None:
                kind = kinds[name] = (_is_step_mean(name), name.startswith(GEOMETRIC_STEP_MEANS))
            if kind[0] and math.isfinite(value):
                span = step - measured_at.get(name, 0.0)
                measured_at[name] = step
                if span > 0:  # a second point at its step covers none
                    if kind[1]:  # math's logarithm: NumPy's costs a microsecond a number, which every point shows
                        value = math.log(value) if value > 0 else -math.inf
                    total, steps = sums.get(name, (0.0, 0.0))
                    sums[name] = total + span * value, steps + span
        return sums

    def _leave_steps_to_next(self, going: numpy.ndarray) -> None:
        """Before the points at `going` go (every other one, none of them the first): each step mean of a point
        that goes moves into the next point, the mean of both by the steps each covers, or is held for the next
        point offered when no point follows."""
        steps = self._columns["step"][: self._count]
        for name, column in self._columns.items():
            if not _is_step_mean(name):
                continue
            values = column[: self._count]
            measured = numpy.isfinite(values)
            # The steps each value covers: since the value before it.
            indices = numpy.flatnonzero(measured)
            spans = numpy.zeros(self._count)
            spans[indices] = numpy.diff(steps[indices], prepend=0.0)
            covering = measured & (spans > 0)
            with numpy.errstate(invalid="ignore"):
                summed = numpy.where(covering, _to_summed(name, numpy.where(covering, values, 1.0)) * spans, 0.0)
            moving = going[covering[going]]
            last = moving[moving + 1 >= self._count]
            if len(last):  # the last point goes: its steps wait for the next
                index = last[0]
                self._held[name] = (summed[index], spans[index])
                moving = moving[:-1]
            into = moving + 1
            column[into] = _from_summed(name, (summed[into] + summed[moving]) / (spans[into] + spans[moving]))
