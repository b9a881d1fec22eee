"""The session's side of the stepper: a step traced and held, then applied or discarded."""

import numpy
import pytest

from playground.data import load_dataset
from playground.project import load_preset
from playground.project.bpp import GRADIENT
from playground.session import Session, TrainingConfig, export_state, restore_state


def paused_session(name: str) -> Session:
    preset = load_preset(name)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, start_paused=True,
                            blas_threads=1)
    return Session(preset.network, load_dataset(preset.dataset), config)


def advance(run, until):
    for snapshot in run:
        if until(snapshot):
            return snapshot
    raise AssertionError("the session ended first")


def step_twice_then(session: Session, *commands):
    """A paused session after two ordinary steps, then the given commands; the snapshots after."""
    run = session.run()
    advance(run, lambda s: True)
    session.control.step()
    session.control.step()
    advance(run, lambda s: s.step == 2 and s.state == "paused")
    for command in commands:
        command()
    return run


@pytest.mark.parametrize("name", ["circle", "digits-mlp", "batchnorm", "residual"])
def test_applying_a_traced_mini_batch_is_exactly_one_training_step(name):
    traced, stepped = paused_session(name), paused_session(name)
    run = step_twice_then(traced, traced.control.trace)
    snapshot = advance(run, lambda s: s.trace is not None)
    before = traced.network.state_dict()
    assert snapshot.step == 2  # held, not applied
    for key, value in before.items():
        assert numpy.array_equal(value, snapshot.trace.state_before[key]), key
    traced.control.apply_trace()
    advance(run, lambda s: s.step == 3)
    other = step_twice_then(stepped, stepped.control.step)
    advance(other, lambda s: s.step == 3)
    applied, trained = traced.network.state_dict(), stepped.network.state_dict()
    assert applied.keys() == trained.keys()
    for key in applied:
        assert numpy.array_equal(applied[key], trained[key]), key
    for update in snapshot.trace.updates:
        assert numpy.array_equal(update.after, applied[update.name]), update.name
    # and training goes on from there exactly as the other session does
    traced.control.step()
    stepped.control.step()
    assert advance(run, lambda s: s.step == 4).train_loss == advance(other, lambda s: s.step == 4).train_loss


def test_a_traced_example_is_the_one_asked_for_and_discarding_keeps_the_weights():
    session = paused_session("circle")
    run = step_twice_then(session, lambda: session.control.trace(7))
    trace = advance(run, lambda s: s.trace is not None).trace
    expected = session.dataset.x_train[7]
    assert trace.forward[0].input.shape == (2, 1)
    assert numpy.allclose(trace.forward[0].input[:, 0], expected)
    before = session.network.theta.copy()
    session.control.discard_trace()
    session.control.apply_trace()  # nothing held any more: no change
    session.control.pause()
    advance(run, lambda s: s.state == "paused")
    assert numpy.array_equal(session.network.theta, before) and session.step == 2


def test_stepping_on_drops_a_held_step():
    session = paused_session("circle")
    run = step_twice_then(session, session.control.trace)
    advance(run, lambda s: s.trace is not None)
    session.control.step()
    advance(run, lambda s: s.step == 3)
    after_step = session.network.theta.copy()
    session.control.apply_trace()
    session.control.pause()
    advance(run, lambda s: s.state == "paused")
    assert numpy.array_equal(session.network.theta, after_step) and session.step == 3


def test_snapshots_say_whether_a_step_is_held_and_a_change_of_pace_keeps_it():
    """The window leaves the stepper on a snapshot that holds no step: one that cannot be applied any more."""
    session = paused_session("circle")
    run = step_twice_then(session, session.control.trace)
    assert advance(run, lambda s: s.trace is not None).trace_held
    session.control.set_pace("10 steps")  # how fast training would run: the held step stays good
    assert next(run).trace_held
    session.control.set_learning_rate(0.5)
    assert not next(run).trace_held
    session.control.apply_trace()
    session.control.pause()
    snapshot = advance(run, lambda s: s.state == "paused")
    assert snapshot.step == 2 and not snapshot.trace_held


def test_a_traced_step_that_diverges_is_not_applied_and_says_why():
    session = paused_session("exploding")
    run = session.run()
    advance(run, lambda s: True)
    path, (rows, columns) = next(iter(session.control.weight_shapes.items()))
    session.control.set_weight(path, 0, 0, 1e38)  # finite, but every loss after it is not
    advance(run, lambda s: s.state == "paused")
    before = session.network.state_dict()
    session.control.trace()
    traced = advance(run, lambda s: s.trace is not None)
    assert not numpy.isfinite(traced.trace.loss)
    session.control.apply_trace()
    snapshot = next(run)  # the command's own
    assert snapshot.message is not None and snapshot.step == 0 and snapshot.state == "paused"
    assert "not applied" in snapshot.message
    for key, value in session.network.state_dict().items():
        assert numpy.array_equal(value, before[key], equal_nan=True), key
    assert numpy.isfinite(session.network.theta).all()


@pytest.mark.parametrize("example", [None, 7])
def test_a_state_saved_while_a_step_is_held_is_the_state_before_it_and_traces_that_step_again(example):
    """What a project saved mid-step keeps: the weights, the data's order and the last applied step's gradient (not
    the held step's, which is not applied), so that the same step traced on it again is the step held."""
    held = paused_session("overfit")
    run = step_twice_then(held, lambda: held.control.trace(example))
    trace = advance(run, lambda s: s.trace is not None).trace
    gradient_before = held.held_step.applied_gradient()[0].copy()
    assert not numpy.array_equal(held.network.grad, gradient_before)  # the views show the held step's gradient
    progress, arrays = export_state(held)
    numpy.testing.assert_array_equal(arrays[GRADIENT], gradient_before)
    again = paused_session("overfit")
    restore_state(again, progress, arrays)
    numpy.testing.assert_array_equal(again.network.grad, gradient_before)
    run = again.run()
    advance(run, lambda s: True)
    again.control.trace(example)
    retraced = advance(run, lambda s: s.trace is not None).trace
    assert retraced.loss == trace.loss
    for update, same in zip(trace.updates, retraced.updates, strict=True):
        assert update.name == same.name and numpy.array_equal(update.after, same.after), update.name
