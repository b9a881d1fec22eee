"""The epoch to stop at (Control.stop_at_epoch): training pauses by itself at exactly that epoch's end, with its
report, and goes on when resumed."""

import pytest

from playground.errors import PlaygroundError
from playground.session import loop
from tests.session.helpers import Runner, preset_session
from tests.session.test_session import SteppedClock

STEPS_AN_EPOCH = 25  # circle: 250 training points in batches of 10


def test_a_goal_set_while_training_runs_pauses_at_exactly_that_epochs_end_with_its_report(monkeypatch):
    clock = SteppedClock(0.001)
    monkeypatch.setattr(loop, "time", clock)
    session = preset_session("circle")
    runner = Runner(session)
    running = runner.wait_for(lambda s: s.state == "running" and s.epoch >= 2)
    # The clock stands still from here: no snapshot and no report falls due, so that only the goal can end the
    # bursts that run epoch after epoch.
    clock.tick = 0.0
    goal = running.epoch + 3
    session.control.stop_at_epoch(goal)
    paused = runner.wait_for(lambda s: s.state != "running")
    assert paused.state == "paused" and paused.epoch == goal and paused.epoch_progress == 0
    assert paused.step == goal * STEPS_AN_EPOCH
    assert paused.epoch_report is not None and paused.epoch_report.epoch == goal
    assert paused.epoch_report.at_step is None  # the epoch end's own report, not a pause's between epoch ends
    assert paused.message == f"Paused at the end of epoch {goal}, where training was set to stop."
    assert paused.history["step"][-1] == paused.step  # the curves end on that epoch
    assert all(s.epoch <= goal for s in runner.seen)

    # Resumed, the run trains on past the goal it has reached rather than stopping there again.
    clock.tick = 0.001
    session.control.resume()
    later = runner.wait_for(lambda s: s.epoch > goal + 1)
    assert later.state == "running"
    runner.stop()


def test_a_goal_moved_while_training_runs_takes_the_new_epoch_and_none_trains_until_paused(monkeypatch):
    monkeypatch.setattr(loop, "time", SteppedClock(0.001))
    session = preset_session("circle", stop_at_epoch=3)
    runner = Runner(session)
    first = runner.wait_for(lambda s: s.state != "running" and s.step > 0)
    assert (first.state, first.epoch, first.epoch_progress) == ("paused", 3, 0)
    session.control.stop_at_epoch(5)  # raised while paused: Train goes on to it
    session.control.resume()
    second = runner.wait_for(lambda s: s.state != "running")
    assert (second.state, second.epoch, second.step) == ("paused", 5, 5 * STEPS_AN_EPOCH)
    session.control.stop_at_epoch(None)
    session.control.resume()
    assert runner.wait_for(lambda s: s.epoch >= 8).state == "running"
    runner.stop()


def test_the_epoch_to_stop_at_is_a_whole_number_from_1():
    session = preset_session("circle", start_paused=True)
    for wrong in (0, -1, 2.5, "3"):
        with pytest.raises(PlaygroundError):
            session.control.stop_at_epoch(wrong)
    with pytest.raises(PlaygroundError):
        preset_session("circle", stop_at_epoch=0)
