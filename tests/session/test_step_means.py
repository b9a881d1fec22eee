"""A history point stands for the steps it covers (session/history.py, session/step_norms.py): its training loss is
their mean, its layer norms and update ratios their geometric means, through the session's sampling, the history's
thinning and the offered points it does not keep."""

import math

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import OptimizerSpec
from playground.project import load_preset
from playground.session import History, Session, TrainingConfig, loop
from tests.session.helpers import preset_session
from tests.session.test_session import SteppedClock, geometric_mean


def test_a_kept_point_is_the_mean_of_every_step_since_the_kept_point_before():
    """Every step offered with its own loss and norm, which alternate between two sizes; the history thins five
    times over, and each point it keeps has the mean over all its steps, arithmetic for the loss and geometric for the
    norm, as if it had been offered alone."""
    history = History(capacity=100)
    loss, norm = (lambda step: 1.0 + 2.0 * (step % 2)), (lambda step: 10.0 ** (step % 2 - 3))
    for step in range(1, 10_001):
        history.append(step, {"train_loss": loss(step), "grad_norm/1.W": norm(step), "test_loss": 0.5})
    kept = history.arrays()
    steps = kept["step"]
    assert len(steps) < 100 and numpy.diff(steps[-10:]).min() >= 64  # thinned, and kept points rarely
    for step, before, mean_loss, mean_norm in zip(steps[1:], steps[:-1], kept["train_loss"][1:],
                                                  kept["grad_norm/1.W"][1:]):
        covered = range(int(before) + 1, int(step) + 1)
        assert mean_loss == pytest.approx(numpy.mean([loss(s) for s in covered]), rel=1e-12), step
        assert mean_norm == pytest.approx(geometric_mean([norm(s) for s in covered]), rel=1e-9), step


def test_a_point_that_goes_last_leaves_its_steps_to_the_next_point_offered():
    history = History(capacity=7)
    for step in range(1, 8):  # the seventh fills it: the first three stay, of the rest the fifth and the seventh go
        history.append(step, {"train_loss": float(step)})
    assert history.arrays()["step"].tolist() == [1, 2, 3, 4, 6]
    assert history.arrays()["train_loss"].tolist() == [1, 2, 3, 4, 5.5]  # the sixth took the fifth's step
    history.append(9, {"train_loss": 9.0}, force=True)  # steps 7 to 9: the seventh's one step and its own two
    assert history.arrays()["step"].tolist() == [1, 2, 3, 4, 6, 9]
    assert history.arrays()["train_loss"][-1] == pytest.approx((7.0 + 2 * 9.0) / 3)


def alternating(session, factor: float = 10.0) -> list[float]:
    """Make every other step's gradient `factor` times larger where it is measured, after the optimizer used it as
    backprop computed it; the list that fills with each step's ‖∂L/∂W‖ of the first layer, in float64."""
    net, optimizer, norms = session.network, session.optimizer, []
    where, optimizer_step = net.parameter_slices()["1.W"], optimizer.step

    def uneven_step(*args):
        optimizer_step(*args)
        if len(norms) % 2:
            net.grad *= factor
        norms.append(float(numpy.linalg.norm(net.grad[where].astype(numpy.float64))))

    optimizer.step = uneven_step
    return norms


def test_a_late_point_of_a_run_whose_gradients_alternate_is_the_geometric_mean_of_its_steps(monkeypatch):
    """A clock that stands still: the run is one burst, its points every 1% of the steps. Up to step 1,600 a point's
    every step is measured, and a late point (10 to 15 steps) is exactly the geometric mean of its steps' norms, which
    alternate tenfold; one step's norm would be ten times off half the time."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    session = preset_session("circle", epochs=60)
    norms = alternating(session)
    history = list(session.run())[-1].history
    assert session.step == 1500 and len(norms) == 1500
    steps, values = history["step"], history["grad_norm/1.W"]
    rows = numpy.flatnonzero(numpy.isfinite(values))
    late = [(int(before), int(steps[row]), values[row]) for before, row in zip(steps[rows[:-1]], rows[1:])
            if steps[row] >= 1000]
    assert len(late) > 20 and all(9 <= step - before <= 15 for before, step, _ in late)
    for before, step, value in late:
        assert value == pytest.approx(geometric_mean(norms[before:step]), rel=1e-5), step
    # The point's last step alone would have been off by about the factor's square root.
    assert numpy.median([abs(math.log10(value / norms[step - 1])) for _, step, value in late]) > 0.3


def test_later_points_stand_for_their_steps_from_a_sample_of_them(monkeypatch):
    """Past a point of 16 steps, about 8 of each point's steps are measured, spread over it and odd numbers apart, so
    that the tenfold alternation is taken in from both kinds of step: each point is the geometric mean of a sample of
    its steps, off from all of theirs by under a third of what the point's last step alone would be (on the circle a
    batch's norm varies a hundredfold)."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    session = preset_session("circle", epochs=400)
    norms = alternating(session)
    history = list(session.run())[-1].history
    steps, values = history["step"], history["grad_norm/1.W"]
    rows = numpy.flatnonzero(numpy.isfinite(values))
    late = [(int(before), int(steps[row]), values[row]) for before, row in zip(steps[rows[:-1]], rows[1:])
            if steps[row] >= 5000]
    assert len(late) > 40 and numpy.median([step - before for before, step, _ in late]) >= 50
    truths = [math.log10(geometric_mean(norms[before:step])) for before, step, _ in late]
    sampled = numpy.log10([value for _, _, value in late]) - truths
    alone = numpy.log10([norms[step - 1] for _, step, _ in late]) - truths
    assert numpy.sqrt(numpy.mean(sampled**2)) < numpy.sqrt(numpy.mean(alone**2)) / 3


def test_adamws_points_are_the_geometric_means_of_each_steps_norms_worked_out_plainly(monkeypatch):
    """A seeded spiral run with AdamW in float64, one burst (a clock that stands still): each point of its 600 steps
    covers at most five, every one of them taken in, and its ‖∂L/∂W‖ and ‖ΔW‖ / ‖W before‖ are the geometric means of
    each step's, worked out here from the gradient backprop left and the weights before and after each step, the
    decay included, not from what the optimizer keeps of its step."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    preset = load_preset("spiral")
    optimizer = OptimizerSpec(kind="adamw", learning_rate=0.01, weight_decay=0.1)
    config = TrainingConfig(optimizer=optimizer, batch_size=preset.batch_size, epochs=24, dtype="float64")
    session = Session(preset.network, load_dataset(preset.dataset), config)
    net, optimizer_step, grads, ratios = session.network, session.optimizer.step, [], []
    weights = {name: where for name, where in net.parameter_slices().items() if name.endswith(".W")}

    def measured_step(*args):
        before = net.theta.copy()
        optimizer_step(*args)
        grads.append({name: numpy.linalg.norm(net.grad[where]) for name, where in weights.items()})
        ratios.append({name: numpy.linalg.norm(net.theta[where] - before[where]) / numpy.linalg.norm(before[where])
                       for name, where in weights.items()})

    session.optimizer.step = measured_step
    history = list(session.run())[-1].history
    assert session.step == len(grads) == 600 and len(weights) == 3
    steps = history["step"]
    rows = numpy.flatnonzero(numpy.isfinite(history["grad_norm/1.W"]))
    assert len(rows) > 200 and numpy.diff(steps[rows]).max() == 5
    for row, first in zip(rows, numpy.r_[0, steps[rows[:-1]]]):
        covered = slice(int(first), int(steps[row]))
        for name in weights:
            assert history[f"grad_norm/{name}"][row] == pytest.approx(
                geometric_mean([grad[name] for grad in grads[covered]]), rel=1e-9), (steps[row], name)
            assert history[f"update_ratio/{name}"][row] == pytest.approx(
                geometric_mean([ratio[name] for ratio in ratios[covered]]), rel=1e-9), (steps[row], name)
