"""Metric history over a whole run in bounded memory: when full, every other point goes and
new points are kept half as often, so a long run keeps its whole shape at lower resolution. The
points of the first EARLY_STEPS steps always stay: the start of training is where most happens."""

from __future__ import annotations

import math

import numpy

CAPACITY = 2000
EARLY_STEPS = 500


class History:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._columns: dict[str, numpy.ndarray] = {"step": numpy.empty(capacity)}
        self._count = 0
        self._stride = 1  # keep one offered point in this many
        self._offered = 0
        self._gone_back_to: float | None = None  # the step a divergence went back to, its undone points kept

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
        if not force and (self._offered - 1) % self._stride:
            return
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

    def arrays(self, undone: bool = True) -> dict[str, numpy.ndarray]:
        """A copy of every series, for a snapshot; without the points of steps a divergence undid unless `undone`
        (a saved state goes on from the step gone back to)."""
        count = self._count
        if not undone and self._gone_back_to is not None:
            count = int(numpy.searchsorted(self._columns["step"][:count], self._gone_back_to, side="right"))
        return {name: column[:count].copy() for name, column in self._columns.items()}
