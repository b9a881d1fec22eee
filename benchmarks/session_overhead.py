"""What the session costs: a preset trained by the engine alone and by the session with
snapshots at 30 Hz (layer statistics and decision boundary included), in one process.

    python benchmarks/session_overhead.py [PRESET ...]

Target: the session costs under 5% of throughput. Times are the process's CPU time, which
other load on a shared machine disturbs far less than wall time. Even so, this machine's
noise between two runs of the same loop is a few percent, as large as what is measured, so
each round times the two back to back (in alternating order) and the cost printed is the
median over rounds of the paired cost, with the middle half of the rounds beside it.
"""

import sys
import time

import numpy
from threadpoolctl import threadpool_limits

from playground.data import load_dataset
from playground.engine import Network, Optimizer
from playground.project import load_preset
from playground.session import Session, TrainingConfig

ROUNDS = 9
SECONDS = 1.5  # each timed run trains about this long: a session's start-up costs (BLAS limits, first
# and last snapshots, the last epoch report) are paid once, and a window trains for minutes


def engine_alone(preset, dataset, epochs: int) -> float:
    """Samples/s of the bare loop: shuffle, gather, train_batch."""
    net = Network(preset.network, seed=0)
    optimizer = Optimizer(net, preset.optimizer)
    data = net.make_batch(dataset.x_train, dataset.y_train)
    rng, batch, n = numpy.random.default_rng(0), None, len(dataset.x_train)
    start = time.process_time()
    for _ in range(epochs):
        order = rng.permutation(n)
        for first in range(0, n, preset.batch_size):
            batch = net.gather(data, order[first : first + preset.batch_size], batch)
            net.train_batch(batch, optimizer)
    return epochs * n / (time.process_time() - start)


def with_session(preset, dataset, epochs: int) -> tuple[float, int]:
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=epochs, blas_threads=1)
    session = Session(preset.network, dataset, config)
    start, wall = time.process_time(), time.perf_counter()
    snapshots = sum(1 for _ in session.run())
    elapsed = time.process_time() - start
    return epochs * len(dataset.x_train) / elapsed, round(snapshots / (time.perf_counter() - wall))


def measure(name: str) -> None:
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    engine_alone(preset, dataset, 3)  # warm up: the first epochs allocate
    probe = engine_alone(preset, dataset, 20)
    epochs = max(1, int(SECONDS * probe / len(dataset.x_train)))
    costs, engine_speeds, session_speeds, rates = [], [], [], []
    with threadpool_limits(limits=1):
        for round_number in range(ROUNDS):
            if round_number % 2:
                session_speed, rate = with_session(preset, dataset, epochs)
                engine_speed = engine_alone(preset, dataset, epochs)
            else:
                engine_speed = engine_alone(preset, dataset, epochs)
                session_speed, rate = with_session(preset, dataset, epochs)
            costs.append(1 - session_speed / engine_speed)
            engine_speeds.append(engine_speed)
            session_speeds.append(session_speed)
            rates.append(rate)
    low, cost, high = numpy.percentile(costs, [25, 50, 75])
    print(f"{name:<12} engine {numpy.median(engine_speeds):>11,.0f} samples/s   "
          f"session {numpy.median(session_speeds):>11,.0f} samples/s   cost {cost:6.1%} "
          f"(middle half {low:.1%} to {high:.1%})   ({round(numpy.median(rates))} snapshots/s, {epochs} epochs)",
          flush=True)


if __name__ == "__main__":
    for preset_name in sys.argv[1:] or ["circle", "spiral", "digits-mlp", "iris"]:
        measure(preset_name)
