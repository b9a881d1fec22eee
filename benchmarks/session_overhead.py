"""What the session costs: a preset trained by the engine alone and by the session with
snapshots at 30 Hz (layer statistics and decision boundary included), in one process.

    python benchmarks/session_overhead.py [PRESET ...]

Target: the session costs under 5% of throughput. Times are the process's CPU time, which
other load on a shared machine disturbs far less than wall time. Even so, this machine's speed
drifts by several percent from one second to the next, as much as is measured. So the two run
interleaved: the session trains up to its next snapshot, then the bare loop trains as many
samples, and so on, each stretch timed on its own. Slow spells then fall on both alike. The
session's clock leaves out the bare loop's stretches, so it snapshots, and budgets its snapshots,
as it would alone. A round is about SECONDS of this; the cost printed is the median over rounds,
with the middle half of the rounds beside it.
"""

import sys
import time

import numpy
from threadpoolctl import threadpool_limits

from playground.data import load_dataset
from playground.engine import Network, Optimizer
from playground.project import load_preset
from playground.session import Session, TrainingConfig, loop

ROUNDS = 9
SECONDS = 1.5  # each round trains about this long: a session's start-up costs (BLAS limits, first
# and last snapshots, the last epoch report) are paid once, and a window trains for minutes


class BareLoop:
    """The engine alone, as a benchmark would write it: shuffle, gather, train_batch."""

    def __init__(self, preset, dataset) -> None:
        self.net = Network(preset.network, seed=0)
        self.optimizer = Optimizer(self.net, preset.optimizer)
        self.data = self.net.make_batch(dataset.x_train, dataset.y_train)
        self.batch_size, self.count = preset.batch_size, len(dataset.x_train)
        self.rng = numpy.random.default_rng(0)
        self.order, self.position, self.batch = self.rng.permutation(self.count), 0, None

    def train(self, samples: int) -> int:
        """Train at least `samples` samples, in whole batches; returns how many it trained."""
        net, optimizer, data, size, trained = self.net, self.optimizer, self.data, self.batch_size, 0
        while trained < samples:
            if self.position >= self.count:
                self.order, self.position = self.rng.permutation(self.count), 0
            indices = self.order[self.position : self.position + size]
            self.batch = net.gather(data, indices, self.batch)
            net.train_batch(self.batch, optimizer)
            self.position += len(indices)
            trained += len(indices)
        return trained


class SessionClock:
    """The time module as the session sees it: perf_counter without the bare loop's stretches."""

    def __init__(self) -> None:
        self.left_out = 0.0

    def perf_counter(self) -> float:
        return time.perf_counter() - self.left_out

    def __getattr__(self, name: str):
        return getattr(time, name)


def one_round(preset, dataset, epochs: int) -> tuple[float, float, float, int]:
    """(cost, bare samples/s, session samples/s, snapshots/s) of one interleaved round."""
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=epochs, blas_threads=1)
    session, bare = Session(preset.network, dataset, config), BareLoop(preset, dataset)
    session_time = bare_time = 0.0
    bare_samples = snapshots = 0
    clock = loop.time = SessionClock()
    snapshot_stream, wall = session.run(), clock.perf_counter()
    try:
        while True:
            seen, started = session.samples, time.process_time()
            finished = next(snapshot_stream).final
            session_time += time.process_time() - started
            snapshots += 1
            started, left_at = time.process_time(), time.perf_counter()
            bare_samples += bare.train(session.samples - seen)
            bare_time += time.process_time() - started
            clock.left_out += time.perf_counter() - left_at
            if finished:
                break
        rate = round(snapshots / (clock.perf_counter() - wall))
    finally:
        loop.time = time
    session_speed, bare_speed = session.samples / session_time, bare_samples / bare_time
    return 1 - session_speed / bare_speed, bare_speed, session_speed, rate


def measure(name: str) -> None:
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    with threadpool_limits(limits=1):
        warm_up = BareLoop(preset, dataset)
        warm_up.train(3 * len(dataset.x_train))  # the first epochs allocate
        started = time.process_time()
        probe = warm_up.train(20 * len(dataset.x_train)) / (time.process_time() - started)
        epochs = max(1, int(SECONDS * probe / 2 / len(dataset.x_train)))  # both halves of a round together
        rounds = [one_round(preset, dataset, epochs) for _ in range(ROUNDS)]
    costs, bare_speeds, session_speeds, rates = (numpy.array(column) for column in zip(*rounds))
    low, cost, high = numpy.percentile(costs, [25, 50, 75])
    print(f"{name:<12} engine {numpy.median(bare_speeds):>11,.0f} samples/s   "
          f"session {numpy.median(session_speeds):>11,.0f} samples/s   cost {cost:6.1%} "
          f"(middle half {low:.1%} to {high:.1%})   ({round(numpy.median(rates))} snapshots/s, {epochs} epochs)",
          flush=True)


if __name__ == "__main__":
    for preset_name in sys.argv[1:] or ["circle", "spiral", "digits-mlp", "iris"]:
        measure(preset_name)
