"""Big networks within the session's overhead budget: snapshots measure a rotating slice of the fixed samples
and keep an estimate over all of it, and whole-test-set reports that take long come less often."""

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import Network
from playground.project import load_preset
from playground.session import Session, TrainingConfig, loop
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.session.helpers import preset_session
from tests.session.test_session import SteppedClock


@pytest.fixture
def mnist_shaped(tmp_path):
    """The mnist-mlp preset (784-200-10) on images of MNIST's shape, read from IDX files: a thousand
    examples in each fixed sample."""
    write_mnist(tmp_path, mnist_arrays(train=1200, test=1000))
    preset = load_preset("mnist-mlp")
    dataset = load_dataset({**preset.dataset, "source_folder": str(tmp_path)})

    def session(**settings) -> Session:
        return Session(preset.network, dataset, TrainingConfig(optimizer=preset.optimizer, batch_size=64, **settings))
    return session


@pytest.fixture
def evaluated(monkeypatch):
    """Examples each evaluation forward saw, in order (snapshots and test reports alike)."""
    sizes = []
    evaluate = Network.evaluate_batch

    def counting(self, batch, recorder=None):
        sizes.append(batch.size)
        return evaluate(self, batch, recorder)
    monkeypatch.setattr(Network, "evaluate_batch", counting)
    return sizes


def test_a_snapshot_of_an_mnist_sized_network_measures_a_slice_while_it_trains(mnist_shaped, evaluated, monkeypatch):
    # A snapshot every few steps, whatever the machine's speed: each call of the clock is 10 ms later.
    monkeypatch.setattr(loop, "time", SteppedClock(0.01))
    session = mnist_shaped(epochs=3, snapshot_hz=1000, overhead_budget=1.0)
    slices = session.measurements.test_sample.parts
    assert slices == session.measurements.train_sample.parts == 20
    stream, measured = session.run(), []
    for snapshot in stream:
        measured.append((snapshot, sum(evaluated)))
        evaluated.clear()
    running = [(s, work) for s, work in measured if s.state == "running" and s.epoch_report is None and s.step > 0]
    assert len(running) > slices
    # Each measures a slice of 50 of each sample, and says that the scores rest on all 1,000 test examples.
    assert all(work == 50 + 50 and s.test_measured == 50 and s.test_examples == 1000 for s, work in running)
    # The first snapshot and the last (at rest, beside the whole test split's report) measure every example.
    (first, first_work), (last, last_work) = measured[0], measured[-1]
    assert first.test_measured == last.test_measured == 1000 and last.final
    assert first_work == 2000 and last_work == 2000 + len(session.dataset.x_test)


def test_the_running_estimate_covers_the_sample_in_one_rotation(mnist_shaped):
    session = mnist_shaped()
    measurements, net = session.measurements, session.network
    slices = measurements.test_sample.parts
    first = measurements.score_samples(details=True)  # all of it: nothing was measured yet
    net.theta *= 0.5  # other weights, as training would leave them
    estimates = [measurements.score_samples(details=True) for _ in range(slices)]
    exact = measurements.score_samples(details=True, whole=True)
    assert first.test_loss != exact.test_loss
    # Until the last slice, some examples' scores are of the old weights; after it, none are.
    assert estimates[-2].test_loss != pytest.approx(exact.test_loss, rel=1e-6)
    last = estimates[-1]
    assert last.test_loss == pytest.approx(exact.test_loss, rel=1e-6)
    assert (last.test_accuracy, last.train_accuracy) == (exact.test_accuracy, exact.train_accuracy)
    assert numpy.array_equal(last.gallery[1], exact.gallery[1]) and last.test_examples == exact.test_examples == 1000
    # And the exact scores are those of the whole sample at once.
    test_pick = measurements.test_sample.pick
    whole = net.evaluate(session.dataset.x_test[test_pick], session.dataset.y_test[test_pick])
    assert exact.test_loss == pytest.approx(whole, rel=1e-5)


def test_a_paused_snapshot_rests_on_the_whole_sample_measured_now(mnist_shaped):
    session = mnist_shaped(start_paused=True, snapshot_hz=1000)
    stream = session.run()
    next(stream)
    session.control.resume()
    running = [next(stream) for _ in range(3)]
    assert [s.test_measured for s in running] == [50, 50, 50]
    session.control.pause()
    paused = next(stream)
    assert paused.state == "paused" and paused.test_measured == paused.test_examples == 1000
    test_pick = session.measurements.test_sample.pick
    assert paused.test_loss == pytest.approx(session.network.evaluate(session.dataset.x_test[test_pick],
                                                                      session.dataset.y_test[test_pick]), rel=1e-5)


@pytest.mark.parametrize("preset", ["circle", "spiral", "iris"])
def test_small_networks_measure_their_whole_samples_at_every_snapshot(preset, evaluated, monkeypatch):
    monkeypatch.setattr(loop, "time", SteppedClock(0.01))
    session = preset_session(preset, snapshot_hz=1000, overhead_budget=1.0, epochs=3)
    samples = session.measurements.train_sample.size + session.measurements.test_sample.size
    # The history's test points between snapshots (tests/session/test_pace.py) are not the snapshots' measuring.
    monkeypatch.setattr(session.measurements, "test_scores_now", lambda: None)
    running = 0
    for snapshot in session.run():
        if snapshot.epoch_report is None:
            assert sum(evaluated) == samples and snapshot.test_measured == snapshot.test_examples
            running += snapshot.state == "running"
        evaluated.clear()
    assert running > 3


def test_test_reports_that_take_long_come_less_often(monkeypatch):
    # Each call of the clock is 10 ms later, so that a report takes 10 ms: within half of a 0.1% budget,
    # one every 20 s at most, not one a second.
    clock = SteppedClock(0.01)
    monkeypatch.setattr(loop, "time", clock)
    snapshots = list(preset_session("circle", overhead_budget=0.001, epochs=400).run())
    reports = sum(s.epoch_report is not None for s in snapshots)
    assert clock.now > 40 and 2 <= reports <= clock.now / 20 + 2
