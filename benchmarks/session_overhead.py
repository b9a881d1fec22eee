"""What the session costs: a preset trained by the engine alone and by the session with
snapshots at 30 Hz (layer statistics and decision boundary included), in one process.

    python benchmarks/session_overhead.py [PRESET ...]

Target: the session costs under 5% of throughput. Times are the process's CPU time, which
other load on a shared machine disturbs far less than wall time; rounds alternate and the
best of each counts.
"""

import sys
import time

import numpy
from threadpoolctl import threadpool_limits

from playground.data import load_dataset
from playground.engine import Network, Optimizer
from playground.project import load_preset
from playground.session import Session, TrainingConfig

ROUNDS = 5
SECONDS = 3.0  # each timed run trains about this long: a session's start-up costs (BLAS limits, first
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
    best_engine = best_session = 0.0
    rate = 0
    with threadpool_limits(limits=1):
        for _ in range(ROUNDS):
            best_engine = max(best_engine, engine_alone(preset, dataset, epochs))
            session_speed, rate = with_session(preset, dataset, epochs)
            best_session = max(best_session, session_speed)
    cost = 1 - best_session / best_engine
    print(f"{name:<12} engine {best_engine:>11,.0f} samples/s   session {best_session:>11,.0f} samples/s   "
          f"cost {cost:6.1%}   ({rate} snapshots/s, {epochs} epochs)", flush=True)


if __name__ == "__main__":
    for preset_name in sys.argv[1:] or ["circle", "spiral", "digits-mlp", "iris"]:
        measure(preset_name)
