"""Where the session's time goes: a round of session_overhead.py on a preset (the session trains its first
seconds, the bare loop as many samples between its snapshots), with each part of the session counted, and then
each part timed on its own on the session the round left: the process's CPU time, the best of several repeats,
which other load on a shared machine disturbs far less than it disturbs a whole round.

    python benchmarks/session_parts.py [PRESET ...]

The parts: a step whose layer norms the history's next point takes in (StepNorms.add_step: four dot products a
weight); a point between snapshots beyond that (the check's read, the means of its layer norms, the history's
point); the test scores such a point measures while their budget (0.5% of the time) allows; a snapshot, held to 2%
of the time by its own clock; the step before a snapshot, captured and checked, beyond the engine's step; an epoch
end inside a burst (its check, a checkpoint, the counters; the bare loop shuffles too); the checks every 32 steps
(about one in 32 steps); a whole-test-set report. Each line is the part's count in the round, its cost, and what
that costs a step of the round, against the engine's own step. The counts of steps taken in and of points follow
from the round's length alone (a fresh run's first 1.5 s has many: the curves keep the start of training in
detail); those of snapshots and reports follow the clock.
"""

from __future__ import annotations

import argparse
import functools
import time
import timeit

from session_overhead import PROBE_SAMPLES, SECONDS, BareLoop, SessionClock, one_round
from threadpoolctl import threadpool_limits

from playground.data import load_dataset
from playground.project import load_preset
from playground.session import Session, TrainingConfig, history_points, loop, snapshot_measures, step_norms
from playground.session.divergence import all_finite
from playground.session.loop import CHECK_EVERY

REPEATS = 5
COUNTED = {  # the part each method call is, by (owner, method)
    (step_norms.StepNorms, "add_step"): "steps taken in",
    (history_points.HistoryPoints, "add_detail"): "points between snapshots",
    (snapshot_measures.Measurements, "test_scores_now"): "test scores at points",
    (loop.Session, "_snapshot"): "snapshots",
    (loop.Session, "_capture_step"): "captured steps",
    (loop.TrainingPosition, "next_epoch"): "epoch ends",
    (loop.Session, "_epoch_report"): "epoch reports",
}


def counting(counts: dict[str, int]) -> dict[str, object]:
    """Count each call of the COUNTED methods (test scores only when measured) in `counts`; the methods as they
    were, by part."""
    originals = {}
    for (owner, method), part in COUNTED.items():
        original = originals[part] = getattr(owner, method)

        @functools.wraps(original)
        def counted(*args, original=original, part=part, **kwargs):
            result = original(*args, **kwargs)
            if result is not None or part != "test scores at points":
                counts[part] = counts.get(part, 0) + 1
            return result

        setattr(owner, method, counted)
    return originals


def best(function, number: int) -> float:
    """µs a call, the best of REPEATS."""
    return min(timeit.repeat(function, number=number, repeat=REPEATS, timer=time.process_time)) / number * 1e6


def unit_costs(session: Session, bare: BareLoop, originals: dict, batch_size: int) -> tuple[float, dict[str, float]]:
    """The engine's step and each part's cost in µs, timed on `session` as a round left it."""
    net, optimizer, points, measured = session.network, session.optimizer, session.points, session.measurements
    norms, theta, backend, at = points.step_norms, net.theta, net.backend, session.at
    step = best(lambda: bare.train(batch_size), 2000)
    costs = {"steps taken in": best(lambda: originals["steps taken in"](norms, optimizer), 5000)}
    scores, measured.test_scores_now = measured.test_scores_now, lambda: None
    point_step = [at.step]

    def point() -> None:  # as _burst makes one, its test scores apart; products() takes a step in first
        loss, square, *products = backend.scalars(0.5, theta.dot(theta), *norms.products(optimizer))
        all_finite(backend, theta, square)
        point_step[0] += 7
        originals["points between snapshots"](points, point_step[0], points.loss_total + loss, products, optimizer,
                                              measured, time.perf_counter)
        points.next_sample(point_step[0], 3)

    costs["points between snapshots"] = best(point, 1000) - costs["steps taken in"]
    measured.test_scores_now = scores
    costs["test scores at points"] = best(scores, 200)
    costs["snapshots"] = best(lambda: originals["snapshots"](session, "running"), 50)

    def capture() -> None:
        if at.epoch_done:
            at.position = 0
        originals["captured steps"](session)

    costs["captured steps"] = best(capture, 300) - step
    kept = session.guard.start_burst(optimizer)

    def check() -> None:
        all_finite(backend, theta, backend.scalars(0.0, theta.dot(theta))[1])

    def epoch_end() -> None:
        check()
        session._count_progress(at.position, 0, 0, 0.0)
        kept.take()
        session._order_on_backend()

    costs["epoch ends"] = best(epoch_end, 2000)
    costs["checks every 32 steps"] = best(check, 5000)
    costs["epoch reports"] = best(lambda: originals["epoch reports"](session), 10)
    return step, costs


def measure(name: str) -> None:
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    counts: dict[str, int] = {}  # of the round's parts
    with threadpool_limits(limits=1):
        warm_up = BareLoop(preset, dataset)
        warm_up.train(min(3 * len(dataset.x_train), PROBE_SAMPLES))
        started = time.process_time()
        probe = warm_up.train(min(20 * len(dataset.x_train), PROBE_SAMPLES)) / (time.process_time() - started)
        epochs = max(1, int(SECONDS * probe / 2 / len(dataset.x_train)))
        originals = counting(counts)
        try:
            one_round(preset, dataset, epochs)
            counts = dict(counts)  # the round's: the session below counts into the one being filled
            steps = epochs * len(dataset.x_train) // preset.batch_size
            counts["checks every 32 steps"] = steps // CHECK_EVERY
            # A session as a round leaves it: its history as long, trained by the same clock.
            config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, blas_threads=1,
                                    epochs=epochs)
            loop.time = SessionClock()
            session = Session(preset.network, dataset, config)
            snapshots = session.run()
            while session.step < steps and next(snapshots).state == "running":
                pass
            loop.time = time
            step, costs = unit_costs(session, BareLoop(preset, dataset), originals, preset.batch_size)
            session.control.stop()
            for _ in snapshots:
                pass
        finally:
            loop.time = time
            for (owner, method), part in COUNTED.items():
                setattr(owner, method, originals[part])
    print(f"{name}: {steps:,} steps a round, the engine's step {step:.1f} µs", flush=True)
    total = 0.0
    for part, cost in costs.items():
        share = counts.get(part, 0) * cost / steps
        total += share
        print(f"  {part:<26} {counts.get(part, 0):>6} x {cost:8.1f} µs = {share:5.2f} µs a step ({share / step:5.1%})")
    print(f"  {'in all':<26} {'':>19} {total:5.2f} µs a step ({total / step:5.1%})", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("presets", nargs="*", default=["spiral", "circle", "xor", "digits-mlp"],
                        help="the presets to measure (default: spiral circle xor digits-mlp)")
    for preset_name in parser.parse_args().presets:
        measure(preset_name)
