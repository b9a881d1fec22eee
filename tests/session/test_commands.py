"""Commands in every order, from another thread as the GUI sends them: the session never
deadlocks, always shows the command's effect, and keeps its history."""

import numpy
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from playground.engine import OptimizerSpec, ScheduleSpec
from playground.session import export_state
from tests.session.helpers import Runner, preset_session


class SessionCommands(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.session = preset_session("gauss", start_paused=True, snapshot_hz=200)
        self.control = self.session.control
        self.runner = Runner(self.session)
        self.last = self.runner.next()
        assert self.last.state == "paused"

    def send(self, command, condition):
        self.runner.drain()
        command()
        self.last = self.runner.wait_for(condition)

    @rule()
    def pause(self):
        self.send(self.control.pause, lambda s: s.state == "paused")

    @rule()
    def resume(self):
        self.send(self.control.resume, lambda s: s.state == "running")

    @rule()
    def step(self):
        was_paused, before = self.last.state == "paused", self.last.step
        self.send(self.control.step, lambda s: s.state == "paused" and s.step > before)
        if was_paused:
            assert self.last.step == before + 1

    @rule()
    def run_epoch(self):
        self.send(self.control.run_epoch, lambda s: s.state == "paused" and s.epoch_progress == 0 and s.epoch > 0)

    @rule()
    def reset(self):
        self.send(self.control.reset, lambda s: s.step == 0 and s.epoch == 0)

    @rule(rate=st.floats(1e-4, 1.0))
    def learning_rate(self, rate):
        self.send(lambda: self.control.set_learning_rate(rate), lambda s: s.learning_rate == rate)

    @rule(size=st.integers(1, 64))
    def batch_size(self, size):
        self.send(lambda: self.control.set_batch_size(size), lambda s: s.batch_size == size)

    @invariant()
    def alive_and_remembering(self):
        assert self.runner.thread.is_alive() and self.runner.error is None
        steps = self.last.history["step"]
        assert len(steps) >= 1 and steps[-1] <= self.last.step and numpy.all(numpy.diff(steps) >= 0)

    def teardown(self):
        assert self.runner.stop().final


SessionCommands.TestCase.settings = settings(max_examples=8, stateful_step_count=12, deadline=None)
test_session_commands = SessionCommands.TestCase


def test_optimizer_settings_keep_the_momentum_and_the_schedules_place():
    session = preset_session("digits-mlp", start_paused=True, snapshot_hz=200)
    runner = Runner(session)
    runner.next()

    def steps(count: int) -> None:
        first = session.step
        for step in range(first + 1, first + count + 1):
            session.control.step()
            runner.wait_for(lambda s, step=step: s.step == step)

    def settings(**changes) -> None:
        spec = session.optimizer.spec
        session.control.set_optimizer_settings(OptimizerSpec(**{**spec.__dict__, **changes}))
        session.control.pause()
        runner.wait_for(lambda s: s.state == "paused" and all(
            getattr(session.optimizer.spec, key) == value for key, value in changes.items()))

    steps(3)
    velocity = session.optimizer.state["velocity"].copy()
    exponential = ScheduleSpec("exponential", gamma=0.5)
    settings(momentum=0.5, nesterov=True, clip_norm=2.0, schedule=exponential)
    assert numpy.array_equal(session.optimizer.state["velocity"], velocity)
    assert session.optimizer.step_count == 3
    assert session.optimizer.learning_rate == 0.01  # a schedule chosen now starts now
    steps(2)
    assert session.optimizer.learning_rate == 0.01 * 0.5**2
    settings(momentum=0.8, schedule=ScheduleSpec("exponential", gamma=0.5))
    assert session.optimizer.learning_rate == 0.01 * 0.5**2  # the same schedule goes on where it was
    progress, _ = export_state(session)
    assert (progress["optimizer_steps"], progress["schedule_start"]) == (5, 3)
    runner.stop()
