"""The session on the strict double of CuPy: it trains as on NumPy, keeps its arrays on the device, syncs once
per check rather than per step, hands out host copies only, rewinds dropout exactly, exports, resumes, and
moves to another backend mid-run."""

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import DenseSpec, DropoutSpec, NetworkSpec, OptimizerSpec
from playground.project import load_preset
from playground.session import Session, TrainingConfig, loop, project_of, session_for
from tests import device_parity
from tests.session.helpers import preset_session
from tests.session.test_resume import next_losses
from tests.session.test_session import SteppedClock
from tests.strict_cupy import strict_xp

DROPOUT = NetworkSpec((2,), [DenseSpec(16, "relu"), DropoutSpec(0.3), DenseSpec(16, "relu"), DenseSpec(1)], "mse")


@pytest.mark.parametrize("name", ["circle", "residual", "batchnorm", "digits-mlp", "digits-cnn"])
def test_presets_train_as_on_numpy_and_every_snapshot_holds_host_values_only(strict, name):
    runs = {}
    for backend in ("numpy", strict):
        session = preset_session(name, epochs=2, every_epoch=True, backend=backend, snapshot_hz=1000)
        snapshots = list(session.run())
        for snapshot in snapshots:
            device_parity.host_only(snapshot)
        runs[backend] = snapshots[-1], session.network.state_dict()
    (on_numpy, numpy_weights), (on_device, device_weights) = runs["numpy"], runs[strict]
    assert on_device.step == on_numpy.step and on_device.backend == strict and on_numpy.backend == "numpy"
    for key in ("train_loss", "test_loss", "test_accuracy"):
        assert getattr(on_device.epoch_report, key) == pytest.approx(getattr(on_numpy.epoch_report, key), rel=1e-6)
    for parameter, value in numpy_weights.items():
        numpy.testing.assert_allclose(device_weights[parameter], value, rtol=1e-5, atol=1e-6)


def test_training_crosses_to_the_host_once_per_check_not_once_per_step(strict, monkeypatch):
    """With a clock that stands still the whole run is one burst: what crosses is the checks (every few dozen
    steps, and the history's points), the three snapshots and the epoch report, never every step."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    session = preset_session("circle", epochs=200, details=False, backend=strict)
    # The history points' test scores are budgeted by the clock, which stands still here: left out, as
    # they are measuring, not training (at most 0.5% of the time on a clock that moves).
    monkeypatch.setattr(session.measurements, "test_scores_now", lambda: None)
    strict_xp.TRANSFERS.clear()
    snapshots = list(session.run())
    assert snapshots[-1].step == 5000 and snapshots[-1].state == "finished"
    assert strict_xp.TRANSFERS["to_host"] < 5000 / 4
    # The data went over once; a batch's examples are gathered on the device from the epoch's order.
    assert strict_xp.TRANSFERS["to_device"] < 300


def test_each_layers_norms_between_snapshots_are_read_in_the_checks_transfers_and_match_numpy(strict, monkeypatch):
    """The history's points between snapshots carry every layer's weight-gradient norm and update ratio, worked out on
    the device and read in the one transfer of the check that makes the point: measuring them adds no crossing to the
    burst (the weights before a point's step are kept with none; a snapshot after steps reads its point's in one) and
    gives NumPy's numbers."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    histories, transfers, snapshots = {}, {}, {}
    for backend, measured in (("numpy", True), (strict, True), (strict, False)):
        session = preset_session("deep-sigmoid", epochs=40, backend=backend)
        monkeypatch.setattr(session.measurements, "test_scores_now", lambda: None)  # as in the test above
        if not measured:
            session.points.step_norms = None
        strict_xp.TRANSFERS.clear()
        shown = list(session.run())
        histories[backend, measured], snapshots[backend, measured] = shown[-1].history, len(shown)
        transfers[backend, measured] = strict_xp.TRANSFERS["to_host"]
    assert transfers[strict, False] <= transfers[strict, True] <= transfers[strict, False] + snapshots[strict, True]
    on_numpy, on_device = histories["numpy", True], histories[strict, True]
    numpy.testing.assert_array_equal(on_device["step"], on_numpy["step"])
    series = [name for name in on_numpy if name.startswith(("grad_norm/", "update_ratio/")) and name.endswith(".W")]
    assert len(series) == 2 * 11 and numpy.isfinite(on_device["grad_norm/1.W"]).sum() > 300
    for name in series:
        numpy.testing.assert_allclose(on_device[name], on_numpy[name], rtol=1e-5, err_msg=name)


@pytest.mark.parametrize("backend", ["numpy", "strict"])
def test_a_kept_state_draws_the_same_dropout_masks_again(strict, backend):
    """A checkpoint that goes back puts dropout's generator back too, or a replay after a divergence draws
    other masks: NumPy's state is a dict, CuPy's lives on the device (bit_generator.state is a method there)."""
    session = Session(DROPOUT, load_dataset({"name": "plane"}), TrainingConfig(backend=backend, batch_size=10))
    net, optimizer = session.network, session.optimizer
    kept = session.guard.keep(optimizer)
    first = net.backend.to_numpy(net.rng.random((8,), dtype=numpy.float32))
    kept.restore(optimizer)
    assert numpy.array_equal(net.backend.to_numpy(net.rng.random((8,), dtype=numpy.float32)), first)
    batch = net.gather(session._data, numpy.arange(10))

    def losses() -> list[float]:
        return net.backend.scalars(*[net.train_batch(batch, optimizer) for _ in range(3)])

    kept = session.guard.keep(optimizer)
    first_losses = losses()
    kept.restore(optimizer)
    assert losses() == first_losses


def test_divergence_with_dropout_on_the_device_goes_back_to_finite_weights_and_trains_on(strict):
    config = TrainingConfig(optimizer=OptimizerSpec("sgd", learning_rate=50.0), batch_size=10, backend=strict)
    session = Session(DROPOUT, load_dataset({"name": "plane"}), config)
    stream = session.run()
    diverged = next(s for _, s in zip(range(200), stream) if s.state == "diverged")
    device_parity.host_only(diverged)
    assert "Training diverged at step" in diverged.message
    assert numpy.isfinite(session.network.backend.to_numpy(session.network.theta)).all()
    session.control.set_learning_rate(0.001)
    session.control.resume()
    moving = next(s for _, s in zip(range(200), stream) if s.step > diverged.step + 50 or s.state == "diverged")
    assert moving.state == "running", moving.message
    session.control.stop()
    list(stream)


@pytest.mark.parametrize("saved_on, resumed_on", [("strict", "strict"), ("strict", "numpy"), ("numpy", "strict")])
def test_a_saved_session_goes_on_on_either_backend(strict, saved_on, resumed_on):
    original = preset_session("iris", start_paused=True, backend=saved_on)  # Adam: its state goes across too
    next_losses(original, 37)
    resumed = session_for(project_of(original, {"name": "iris"}), original.dataset, start_paused=True,
                          backend=resumed_on)
    assert resumed.step == 37
    numpy.testing.assert_allclose(next_losses(resumed, 12), next_losses(original, 12), rtol=1e-6)


def test_the_stepper_a_weight_edit_and_an_export_work_on_the_device(strict):
    session = preset_session("circle", start_paused=True, backend=strict)
    stream = session.run()
    next(stream)
    session.control.trace()
    traced = next(stream)
    assert traced.trace is not None
    session.control.apply_trace()
    session.control.set_weight("1", 0, 1, 0.25, expected=None)
    session.control.export()
    after = next(stream)
    assert after.step == 1 and after.exported is not None
    for snapshot in (traced, after):
        device_parity.host_only(snapshot)
    assert session.network.get("1.W")[0, 1] == numpy.float32(0.25)
    session.control.set_weight("1", 0, 1, 0.5, expected=0.75)  # the weight is not 0.75: left as it is
    assert "has changed since that edit" in next(stream).message
    session.control.stop()
    list(stream)


@pytest.mark.parametrize("name", ["iris", "circle"])
def test_switching_backend_mid_run_moves_the_weights_and_the_optimizer_state_across(strict, name):
    straight = preset_session(name, start_paused=True)
    expected = next_losses(straight, 30)
    moved = preset_session(name, start_paused=True)
    stream = moved.run()
    next(stream)
    losses = []
    for step in range(30):
        if step in (12, 21):
            moved.control.set_backend(strict if step == 12 else "numpy")
            shown = next(stream)
            assert shown.step == step and shown.backend == (strict if step == 12 else "numpy")
            assert shown.run == moved.run_id  # the same run goes on
        moved.control.step()
        losses.append(next(stream).train_loss)
    moved.control.stop()
    list(stream)
    numpy.testing.assert_allclose(losses, expected, rtol=1e-6)


def test_a_backend_that_cannot_take_the_network_leaves_the_run_where_it_was(strict, monkeypatch):
    session = preset_session("digits-mlp", start_paused=True)
    stream = session.run()
    next(stream)
    monkeypatch.setitem(strict_xp.DEVICE_MEMORY, "free", 2**16)
    session.control.set_backend(strict)
    shown = next(stream)
    assert shown.backend == "numpy" and "GPU memory" in shown.message and "stays on numpy" in shown.message
    assert shown.backend_refused == strict and shown.backend_chosen == "numpy"  # so the window shows numpy again
    session.control.step()
    stepped = next(stream)
    assert stepped.step == 1 and stepped.backend_refused is None  # said once
    session.control.stop()
    list(stream)


def test_the_session_asks_the_device_for_the_memory_its_data_and_buffers_need(strict, monkeypatch):
    preset = load_preset("digits-mlp")
    monkeypatch.setitem(strict_xp.DEVICE_MEMORY, "free", 2**20)
    with pytest.raises(Exception, match="GPU memory"):
        Session(preset.network, load_dataset(preset.dataset), TrainingConfig(backend=strict))
