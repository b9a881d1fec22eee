"""Where training is in its data: the counters, the epoch's batch order and the generator that shuffles it.

The session moves it forward; a Checkpoint records it and puts it back; state.py exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy


@dataclass
class TrainingPosition:
    order: numpy.ndarray  # the epoch's order of the training examples
    rng: numpy.random.Generator  # shuffles the order at each epoch end
    position: int = 0  # where in `order` the next batch starts
    step: int = 0
    epoch: int = 0  # epochs completed
    samples: int = 0  # examples trained on, over all epochs

    @classmethod
    def start(cls, examples: int, seed: int) -> TrainingPosition:
        rng = numpy.random.default_rng(seed)
        return cls(rng.permutation(examples), rng)

    def batch(self, batch_size: int) -> numpy.ndarray:
        """The indices of the next batch's examples (fewer at the epoch's end)."""
        return self.order[self.position : self.position + batch_size]

    @property
    def epoch_done(self) -> bool:
        return self.position >= len(self.order)

    def next_epoch(self) -> None:
        self.epoch += 1
        self.order = self.rng.permutation(len(self.order))
        self.position = 0
