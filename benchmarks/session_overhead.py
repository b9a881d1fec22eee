"""What the session costs: a preset trained by the engine alone and by the session with
snapshots at 30 Hz (layer statistics and decision boundary included), in one process.

    python benchmarks/session_overhead.py [PRESET ...]

`mnist-shaped` as a preset name is the mnist-mlp preset (784-200-10) on generated data of MNIST's
shape (60,000 and 10,000 images of 28x28), written as the MNIST cache in a temporary folder: no
download.

Targets: the session costs under 5% of throughput, and on mnist-shaped it still snapshots at least
10 times a second. Times are the process's CPU time, which other load on a shared machine disturbs
far less than wall time. Even so, this machine's speed drifts by several percent from one second
to the next, as much as is measured. So the two run interleaved: the session trains up to its next
snapshot, then the bare loop trains as many samples, and so on, each stretch timed on its own. Slow
spells then fall on both alike. The session's clock leaves out the bare loop's stretches, so it
snapshots, and budgets its snapshots, as it would alone. A round is about SECONDS of this, from the
session's first snapshot to the one that passes the round's samples; the first (before any step)
and the last (at the stop) are start-up and wind-down, timed on neither side. The cost printed is
the median over rounds, with the middle half of the rounds beside it; snapshots/s is the median of
the rounds' snapshots over the session's own wall time.
"""

import argparse
import tempfile
import time
from pathlib import Path

import numpy
from threadpoolctl import threadpool_limits

from playground.data import load_dataset
from playground.data.images import cache_path, write_cache
from playground.engine import Network, Optimizer
from playground.project import load_preset
from playground.session import Session, TrainingConfig, loop

ROUNDS = 9
SECONDS = 1.5  # each round trains about this long: a session's start-up costs (BLAS limits, the
# first epoch report) are paid once, and a window trains for minutes
PROBE_SAMPLES = 100_000  # at most, to choose the epochs of a round: MNIST's twenty epochs would take minutes
MNIST_SHAPED = "mnist-shaped"
# Its rounds are longer: on MNIST's 10,000 test images a whole-test-set report takes long enough that
# the session spaces them seconds apart, and a round should meet them as often as a window does.
MNIST_ROUNDS, MNIST_SECONDS = 5, 12.0


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


def one_round(preset, dataset, epochs: int) -> tuple[float, float, float, float]:
    """(cost, bare samples/s, session samples/s, snapshots/s) of one interleaved round. The session's
    first snapshot (before any step) and its last (at the stop) are start-up and wind-down: neither
    side counts them."""
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, blas_threads=1)
    session, bare = Session(preset.network, dataset, config), BareLoop(preset, dataset)
    session_time = bare_time = 0.0
    bare_samples = snapshots = 0
    clock = loop.time = SessionClock()
    snapshot_stream = session.run()
    try:
        next(snapshot_stream)
        wall = clock.perf_counter()
        while session.samples < epochs * len(dataset.x_train):
            seen, started = session.samples, time.process_time()
            next(snapshot_stream)
            session_time += time.process_time() - started
            snapshots += 1
            started, left_at = time.process_time(), time.perf_counter()
            bare_samples += bare.train(session.samples - seen)
            bare_time += time.process_time() - started
            clock.left_out += time.perf_counter() - left_at
        rate = snapshots / (clock.perf_counter() - wall)
        session.control.stop()
        for _ in snapshot_stream:
            pass
    finally:
        loop.time = time
    session_speed, bare_speed = session.samples / session_time, bare_samples / bare_time
    return 1 - session_speed / bare_speed, bare_speed, session_speed, rate


def mnist_shaped(folder: str):
    """The mnist-mlp preset on images of MNIST's shape: each class a pattern of its own with noise on
    top, so that the network learns something."""
    rng = numpy.random.default_rng(0)
    shapes = rng.uniform(0, 255, (10, 28, 28))

    def images(count: int) -> tuple[numpy.ndarray, numpy.ndarray]:
        labels = rng.integers(0, 10, count).astype(numpy.uint8)
        noisy = shapes[labels] + rng.normal(0, 60, (count, 28, 28))
        return numpy.clip(noisy, 0, 255).astype(numpy.uint8)[:, None], labels

    (x_train, y_train), (x_test, y_test) = images(60_000), images(10_000)
    write_cache(cache_path("mnist", Path(folder)), {"x_train": x_train, "y_train": y_train,
                                                     "x_test": x_test, "y_test": y_test})
    preset = load_preset("mnist-mlp")
    return preset, load_dataset({**preset.dataset, "data_dir": folder})


def measure(name: str) -> None:
    count, seconds = ROUNDS, SECONDS
    if name == MNIST_SHAPED:
        with tempfile.TemporaryDirectory() as folder:
            preset, dataset = mnist_shaped(folder)
        count, seconds = MNIST_ROUNDS, MNIST_SECONDS
    else:
        preset = load_preset(name)
        dataset = load_dataset(preset.dataset)
    with threadpool_limits(limits=1):
        warm_up = BareLoop(preset, dataset)
        warm_up.train(min(3 * len(dataset.x_train), PROBE_SAMPLES))  # the first epochs allocate
        started = time.process_time()
        probe = warm_up.train(min(20 * len(dataset.x_train), PROBE_SAMPLES)) / (time.process_time() - started)
        epochs = max(1, int(seconds * probe / 2 / len(dataset.x_train)))  # both halves of a round together
        rounds = [one_round(preset, dataset, epochs) for _ in range(count)]
    costs, bare_speeds, session_speeds, rates = (numpy.array(column) for column in zip(*rounds))
    low, cost, high = numpy.percentile(costs, [25, 50, 75])
    bare_step, session_step = (1e6 * preset.batch_size / numpy.median(speeds)  # µs a step of a whole batch
                               for speeds in (bare_speeds, session_speeds))
    print(f"{name:<12} engine {numpy.median(bare_speeds):>11,.0f} samples/s ({bare_step:5.1f} µs a step)   "
          f"session {numpy.median(session_speeds):>11,.0f} samples/s ({session_step:5.1f} µs)   cost {cost:6.1%} "
          f"(middle half {low:.1%} to {high:.1%})   ({numpy.median(rates):.0f} snapshots/s, {epochs} epochs)",
          flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("presets", nargs="*", default=["circle", "spiral", "digits-mlp", "iris"],
                        help="the presets to measure (default: circle spiral digits-mlp iris)")
    for preset_name in parser.parse_args().presets:
        measure(preset_name)
