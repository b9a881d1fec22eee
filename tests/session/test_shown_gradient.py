"""‖∂L/∂W‖ as every view shows it is the gradient backprop computed: the loss shown leaves the L1/L2 penalty
out, so its gradient is not in it, and clipping is the optimizer's business, after it."""

import copy

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import Network, Optimizer, OptimizerSpec
from playground.project import load_preset
from playground.session import Session, TrainingConfig, loop
from tests.session.test_session import SteppedClock
from tests.session.test_stepper_session import paused_session, step_twice_then

# Each far from the identity on this network's gradients: a clip norm they all pass a thousandfold, a penalty
# whose gradient λW is as large as the loss's, clipping by value every entry.
SETTINGS = {"clip norm": {"clip_norm": 1e-5}, "l2": {"l2": 1.0}, "l1 and clip value": {"l1": 0.1, "clip_value": 1e-4}}


def backprop_norms(network, optimizer_spec: OptimizerSpec, dataset, seed: int, batch_size: int
                   ) -> list[dict[str, float]]:
    """Each step's ‖∂L/∂θ‖ of an epoch trained again apart from the session: the same weights from the seed, the
    same batches in the order the seed shuffles, and at each step a fresh backward, measured before the update."""
    net = Network(network, seed=seed)
    optimizer = Optimizer(net, copy.deepcopy(optimizer_spec))
    order = numpy.random.default_rng(seed).permutation(len(dataset.x_train))
    norms = []
    for start in range(0, len(order), batch_size):
        where = order[start : start + batch_size]
        net.forward_backward(net.make_batch(dataset.x_train[where], dataset.y_train[where]), True)
        gradient = net.grad.astype(numpy.float64)
        norms.append({name: float(numpy.linalg.norm(gradient[part])) for name, part in net.parameter_slices().items()})
        optimizer.step()
    return norms


@pytest.mark.parametrize("settings", SETTINGS.values(), ids=SETTINGS)
def test_the_history_and_the_snapshot_carry_backprops_gradient_norms(monkeypatch, settings):
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))  # one burst, a point of the history at every step
    preset = load_preset("circle")
    optimizer = copy.deepcopy(preset.optimizer)
    for name, value in settings.items():
        setattr(optimizer, name, value)
    dataset = load_dataset(preset.dataset)
    session = Session(preset.network, dataset, TrainingConfig(optimizer=optimizer, batch_size=preset.batch_size,
                                                              epochs=1, blas_threads=1))
    last = list(session.run())[-1]
    expected = backprop_norms(preset.network, optimizer, dataset, session.config.seed, preset.batch_size)
    history = last.history
    assert last.step == len(expected) == 25
    for name in ("1.W", "2.W", "3.W"):
        recorded = {int(step): value for step, value in zip(history["step"], history[f"grad_norm/{name}"])
                    if not numpy.isnan(value)}
        assert list(recorded) == list(range(1, 26))
        assert list(recorded.values()) == pytest.approx([norms[name] for norms in expected], rel=1e-4), name
    for layer in last.layers:  # the Inspector's column, the block colours, the gradient badge
        for name, norm in layer.grad_norms.items():
            assert norm == pytest.approx(expected[-1][f"{layer.path}.{name}"], rel=1e-4), (layer.path, name)
    if "clip_norm" in settings:  # a test that could not tell them apart would prove nothing
        assert min(norms["1.W"] for norms in expected) > 1000 * settings["clip_norm"]


def test_the_stepper_and_the_inspector_show_the_same_gradient_of_a_traced_step():
    """The update phase's ∂L/∂W, before the penalty and clipping, is the gradient the snapshot with the trace
    measures."""
    session = paused_session("exploding")  # clipping by norm 1.0, and gradients in the thousands
    session.optimizer.spec.l2 = 0.5
    run = step_twice_then(session, session.control.trace)
    snapshot = next(s for s in run if s.trace is not None)
    updates = {update.name: update for update in snapshot.trace.updates}
    assert snapshot.trace.optimizer.scalars["clip_factor"] < 1e-3
    for layer in snapshot.layers:
        weights = f"{layer.path}.W"
        stepper = float(numpy.linalg.norm(updates[weights].terms["grad"].astype(numpy.float64)))
        assert layer.grad_norms["W"] == pytest.approx(stepper, rel=1e-5), weights
