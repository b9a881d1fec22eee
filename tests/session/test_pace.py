"""The speed control: how much training each frame shows, and the detail the history keeps."""

import queue

import numpy
import pytest

from playground.errors import PlaygroundError
from playground.session import loop
from playground.session.config import Control
from tests.session.helpers import preset_session
from tests.session.test_session import SteppedClock


class WaitsOnTheClock:
    """The session's command queue, whose waits for a command move the stepped clock on by what they
    would have waited, at once: a frame's wait costs no real time, and is counted exactly."""

    def __init__(self, commands: queue.SimpleQueue, clock: SteppedClock) -> None:
        self.commands, self.clock = commands, clock

    def get(self, timeout: float):
        try:
            return self.commands.get_nowait()
        except queue.Empty:
            self.clock.now += timeout
            raise

    def __getattr__(self, name: str):
        return getattr(self.commands, name)


def paced_session(monkeypatch, pace: str):
    # A tenth of a millisecond a clock reading: a frame's steps take far less than a frame (1/30 s), so
    # every snapshot that is no epoch's report ends a frame, however fast the machine.
    clock = SteppedClock(0.0001)
    monkeypatch.setattr(loop, "time", clock)
    session = preset_session("circle", pace=pace)
    session.control.queue = WaitsOnTheClock(session.control.queue, clock)
    return session


def running_steps(session, count: int) -> list[int]:
    """The steps of the first `count` snapshots after the first that end a frame (not an epoch's report)."""
    stream = session.run()
    next(stream)
    steps: list[int] = []
    while len(steps) < count:
        snapshot = next(stream)
        if snapshot.epoch_report is None:
            steps.append(snapshot.step)
    session.control.stop()
    list(stream)
    return steps


@pytest.mark.parametrize("pace, steps_per_frame", [("step", 1), ("10 steps", 10), ("100 steps", 100)])
def test_each_frame_shows_the_steps_its_pace_names(monkeypatch, pace, steps_per_frame):
    steps = running_steps(paced_session(monkeypatch, pace), 8)
    assert steps == [steps_per_frame * (i + 1) for i in range(8)]


def test_at_one_epoch_a_frame_each_snapshot_is_an_epoch_on(monkeypatch):
    session = paced_session(monkeypatch, "epoch")  # 25 steps an epoch
    stream = session.run()
    next(stream)
    shown = [next(stream) for _ in range(6)]
    session.control.stop()
    list(stream)
    assert [(s.epoch, s.step) for s in shown] == [(e, 25 * e) for e in range(1, 7)]


def test_the_pace_changes_while_training_runs_and_step_ignores_it(monkeypatch):
    session = paced_session(monkeypatch, "10 steps")
    stream = session.run()
    next(stream)
    assert next(stream).step == 10
    session.control.set_pace("step")
    announced = next(stream)  # the command shows at once
    assert [next(stream).step - announced.step for _ in range(3)] == [1, 2, 3]
    session.control.pause()
    paused = next(s for s in stream if s.state == "paused")
    session.control.set_pace("epoch")
    next(stream)
    session.control.step()
    assert next(stream).step == paused.step + 1  # Step is one step, whatever the pace
    session.control.set_pace("full")
    session.control.resume()
    assert next(s for s in stream if s.step > paused.step + 1000).state == "running"
    session.control.stop()
    list(stream)


def test_a_pace_that_does_not_exist_is_refused_with_the_choices():
    with pytest.raises(PlaygroundError, match="The training speed is 'slow': choose one of step, 10 steps"):
        Control().set_pace("slow")
    with pytest.raises(PlaygroundError, match="The training speed"):
        preset_session("circle", pace="slow")


def test_the_curve_keeps_the_start_of_training_in_detail_between_snapshots(monkeypatch):
    # A clock that stands still: 100 epochs in one burst with no snapshot in between, as when a snapshot's
    # worth of steps is a large share of the run. No straight segment of the loss curve may hide more than
    # 1% of the steps run so far, and the first hundred steps are each a point.
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    last = list(preset_session("circle", epochs=100).run())[-1]
    steps = last.history["step"][numpy.isfinite(last.history["train_loss"])]
    assert steps[-1] == last.step == 2500
    assert list(steps[:100]) == list(range(1, 101))
    gaps = numpy.diff(steps)
    assert (gaps <= numpy.maximum(1, 0.01 * steps[1:])).all()
    assert len(steps) < 500  # detail where it matters, not a point a step
    # The test scores come with them on a network this small (whose test points cost microseconds).
    for series in ("test_loss", "test_accuracy"):
        tested = last.history["step"][numpy.isfinite(last.history[series])]
        assert (numpy.diff(tested) <= numpy.maximum(1, 0.01 * tested[1:])).all() and tested[-1] == 2500
    # The points are the mean training loss of the steps since the point before: all finite and falling.
    losses = last.history["train_loss"][numpy.isfinite(last.history["train_loss"])]
    assert losses[-20:].mean() < losses[1:21].mean() / 3
