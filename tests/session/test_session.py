"""The session: snapshots by clock, their contents, commands, divergence, and the history."""

import dataclasses
import math
import time

import numpy
import pytest

from playground.data import load_dataset
from playground.engine import Conv2DSpec, DenseSpec, FlattenSpec, MaxPool2DSpec, NetworkSpec, OptimizerSpec, memory
from playground.engine.schedules import ScheduleSpec
from playground.errors import DataError, ResourceError
from playground.project import load_preset
from playground.project.export import export_history_csv
from playground.session import History, Session, TrainingConfig, loop
from playground.session.snapshot_measures import EVALUATION_CHUNK, FIT_SIZE, evaluation_chunk
from playground.session.state import export_state
from playground.session.step_norms import update_ratios
from tests.project.test_bad_files import refused_within_memory
from tests.session.helpers import Runner, preset_session


class SteppedClock:
    """The time module as the session sees it: perf_counter moves by `tick` seconds a call, whatever the
    machine's speed, so that what the session does by the clock is counted exactly."""

    def __init__(self, tick: float) -> None:
        self.now, self.tick = 0.0, tick

    def perf_counter(self) -> float:
        self.now += self.tick
        return self.now

    def __getattr__(self, name: str):
        return getattr(time, name)


def test_snapshots_come_by_clock_not_per_step(monkeypatch):
    # A clock that stands still: 100 epochs of steps, and only the first snapshot, the first epoch's
    # report (none is due again within a second) and the last.
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    snapshots = list(preset_session("circle", snapshot_hz=20, epochs=100).run())
    assert snapshots[-1].step == 2500 and len(snapshots) == 3
    assert [s.epoch_report is not None for s in snapshots] == [False, True, True]
    # A clock that moves: snapshots as time goes by, never more than 20 a second (and a report a second),
    # fewer when their own cost would pass the session's overhead budget.
    clock = SteppedClock(0.001)
    monkeypatch.setattr(loop, "time", clock)
    snapshots = list(preset_session("circle", snapshot_hz=20, epochs=100).run())
    assert clock.now < len(snapshots) <= clock.now * 20 + clock.now + 3


def test_snapshot_contents_for_a_2d_classifier():
    session = preset_session("circle", epochs=3, every_epoch=True)
    snapshots = list(session.run())
    last = snapshots[-1]
    assert last.final and last.state == "finished" and last.epoch == 3 and last.step == 75
    assert last.samples_seen == 750
    assert 0 <= last.train_accuracy <= 1 and 0 <= last.test_accuracy <= 1
    assert [layer.path for layer in last.layers] == ["1", "2", "3"]
    assert set(last.layers[0].grad_norms) == {"W", "b"} and last.layers[0].histogram.sum() == 4 * 250
    assert last.layers[0].saturated_share is not None  # tanh units
    assert last.boundary.shape == (50, 50) and numpy.all((0 <= last.boundary) & (last.boundary <= 1))
    assert last.neuron_grids["1"].shape == (4, 50, 50)
    report = last.epoch_report
    assert report.epoch == 3 and report.report.confusion.sum() == 250
    assert report.test_accuracy == pytest.approx(numpy.trace(report.report.confusion) / 250)
    assert [s.epoch_report.epoch for s in snapshots if s.epoch_report] == [1, 2, 3]


def test_snapshots_are_copies_that_later_training_does_not_touch():
    session = preset_session("circle", snapshot_hz=1000)
    stream = session.run()
    first = next(stream)
    boundary, layer_hist = first.boundary.copy(), first.layers[0].histogram.copy()
    for _ in range(5):
        later = next(stream)
    assert later.step > first.step
    assert numpy.array_equal(first.boundary, boundary)
    assert numpy.array_equal(first.layers[0].histogram, layer_hist)
    assert isinstance(first.boundary, numpy.ndarray)


def test_dead_relus_are_counted():
    session = preset_session("deep-relu-he", epochs=1, every_epoch=True)
    last = list(session.run())[-1]
    assert all(layer.dead_share is not None for layer in last.layers[:-1])


def test_a_session_refuses_a_network_that_does_not_fit_its_data():
    spec = NetworkSpec((3,), [DenseSpec(1)], "binary_cross_entropy")
    with pytest.raises(DataError, match=r"^The network takes inputs of shape \(3,\), but Circle gives 2 values: make "
                                        r"the first layer match the data\.$"):
        Session(spec, load_dataset({"name": "circle"}), TrainingConfig())


def test_the_network_decides_whether_an_image_set_comes_as_images():
    """The digits load flat; a network that starts with a Conv2D trains on them as 1×8×8 images, and its
    kernels are measured as its weights."""
    digits = load_dataset({"name": "digits"})
    spec = NetworkSpec((1, 8, 8), [Conv2DSpec(4, 3, activation="relu"), MaxPool2DSpec(2), FlattenSpec(),
                                   DenseSpec(10)], "cross_entropy")
    session = Session(spec, digits, TrainingConfig(epochs=2, snapshot_hz=1000))
    assert session.dataset.x_train.shape[1:] == (1, 8, 8) and session.dataset.input_shape == (1, 8, 8)
    assert digits.x_train.shape[1:] == (64,)  # the window's dataset stays as it was loaded
    last = list(session.run())[-1]
    assert last.state == "finished" and last.epoch_report.test_accuracy > 0.5
    norms = session.network.parameter_norms(session.network.grad)
    conv = last.layers[0]
    assert conv.type == "conv2d" and conv.weights == "K" and conv.weight_gradient == norms["1.K"] > 0
    measured = last.history["grad_norm/1.K"][numpy.isfinite(last.history["grad_norm/1.K"])]
    assert conv.weight_update_ratio > 0 and len(measured) > 10 and (measured > 0).all()
    flat = NetworkSpec((64,), [DenseSpec(10)], "cross_entropy")
    assert Session(flat, digits, TrainingConfig()).dataset is digits
    with pytest.raises(DataError, match=r"takes inputs of shape \(1, 4, 16\), but Handwritten digits \(8×8\) gives "
                                        r"images of shape \(1, 8, 8\) \(64 values flat\)"):
        Session(NetworkSpec((1, 4, 16), spec.layers, "cross_entropy"), digits, TrainingConfig())


def test_a_conv_network_is_accepted_on_what_it_needs_and_refused_before_allocating_what_it_cannot_have(
        monkeypatch):
    """What a session holds besides the training batch only goes forward (its evaluating twins), the test
    split is evaluated in chunks sized for the network, and image sets have no boundary grid: digits-cnn
    needs under 200 MB, and is refused with 20 MB free before anything is made."""
    preset = load_preset("digits-cnn")
    digits = load_dataset(preset.dataset)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=1, every_epoch=True)
    assert evaluation_chunk(preset.network, "float32") < EVALUATION_CHUNK == evaluation_chunk(
        load_preset("digits-mlp").network, "float32")
    monkeypatch.setattr(memory, "available_memory", lambda: 200 * 2**20)
    with refused_within_memory() as peak:
        snapshots = list(Session(preset.network, digits, config).run())
    assert snapshots[-1].epoch_report is not None and peak() < 200 * 2**20
    monkeypatch.setattr(memory, "available_memory", lambda: 20 * 2**20)
    with refused_within_memory() as peak, pytest.raises(ResourceError, match=r"would need about 0\.\d GiB to train, "
                                                                         "but only 0.0 GiB of memory is free"):
        Session(preset.network, digits, config)
    assert peak() < 4 * 2**20


def test_pause_step_epoch_reset_and_stop():
    session = preset_session("circle", start_paused=True)
    runner = Runner(session)
    assert runner.next().state == "paused"
    time.sleep(0.3)
    assert session.step == 0 and not runner.drain()
    session.control.step()
    assert runner.next().step == 1
    session.control.step()
    session.control.step()
    assert runner.wait_for(lambda s: s.step == 3).state == "paused"
    session.control.run_epoch()
    paused = runner.wait_for(lambda s: s.epoch == 1 and s.state == "paused")
    assert paused.step == 25 and paused.epoch_report is not None
    session.control.set_learning_rate(0.5)
    assert runner.wait_for(lambda s: s.learning_rate == 0.5).step == 25
    session.control.resume()
    runner.wait_for(lambda s: s.step > 200)
    session.control.pause()
    halted = runner.wait_for(lambda s: s.state == "paused")
    time.sleep(0.3)
    assert session.step == halted.step  # no step after the pause was seen
    session.control.reset()
    assert runner.wait_for(lambda s: s.step == 0).state == "paused"
    assert runner.stop().state == "stopped"


def test_batch_size_and_regularization_apply_while_running():
    session = preset_session("circle")
    runner = Runner(session)
    session.control.set_batch_size(50)
    session.control.set_regularization(l2=0.01)
    snapshot = runner.wait_for(lambda s: s.batch_size == 50)
    assert snapshot.penalty > 0
    runner.stop()
    assert session.optimizer.spec.l2 == 0.01


def diverging_session() -> Session:
    spec = NetworkSpec((2,), [DenseSpec(16, "relu"), DenseSpec(16, "relu"), DenseSpec(1)], "mse")
    optimizer = OptimizerSpec("sgd", learning_rate=50.0)
    return Session(spec, load_dataset({"name": "plane"}), TrainingConfig(optimizer=optimizer, batch_size=10))


def test_divergence_stops_names_the_place_and_keeps_finite_weights():
    session = diverging_session()
    runner = Runner(session)
    snapshot = runner.wait_for(lambda s: s.state == "diverged")
    assert "Training diverged at step" in snapshot.message and "lower the learning rate" in snapshot.message
    assert "layer" in snapshot.message or "loss" in snapshot.message
    assert numpy.all(numpy.isfinite(session.network.theta))
    step = session.step
    time.sleep(0.3)
    assert session.step == step  # paused, not spinning
    session.control.set_learning_rate(0.01)
    session.control.reset()
    session.control.resume()
    moving = runner.wait_for(lambda s: s.step > 20 and s.state == "running")
    assert numpy.isfinite(moving.train_loss)
    runner.stop()


ADVICE = "lower the learning rate or turn on gradient clipping, then resume."


@pytest.mark.parametrize("advice", ["learning rate", "clipping"])
def test_following_the_divergence_message_trains_on(advice):
    session = diverging_session()
    runner = Runner(session)
    diverged = runner.wait_for(lambda s: s.state == "diverged")
    assert diverged.message.endswith(ADVICE)
    kept = session.step
    assert diverged.step == kept == session.optimizer.step_count
    if advice == "learning rate":
        session.control.set_learning_rate(0.01)
    else:
        session.control.set_optimizer_settings(OptimizerSpec("sgd", learning_rate=50.0, clip_value=0.001))
    session.control.resume()
    moving = runner.wait_for(lambda s: s.step > kept + 500 or s.state == "diverged")
    assert moving.state == "running", moving.message
    assert all(numpy.isfinite(s.train_loss) for s in runner.seen if s.step > kept)
    runner.stop()


def warming_up_session(**config) -> Session:
    """Diverges after about 1,200 steps, as the warm-up ramps the learning rate past what plane takes."""
    spec = NetworkSpec((2,), [DenseSpec(16, "relu"), DenseSpec(16, "relu"), DenseSpec(1)], "mse")
    optimizer = OptimizerSpec("sgd", learning_rate=2.0, schedule=ScheduleSpec(warmup_steps=2000))
    return Session(spec, load_dataset({"name": "plane", "points": 20000}),
                   TrainingConfig(optimizer=optimizer, batch_size=10, **config))


def test_checkpoints_far_apart_still_find_the_step_that_diverged(monkeypatch):
    # Checkpoints spaced by their cost may lie many checks apart: the replay after a rewind covers every step
    # back to the checkpoint, and names the same step as stepping one at a time does.
    twin = warming_up_session(start_paused=True)
    stream = twin.run()
    thetas = {next(stream).step: twin.network.theta.copy()}
    while True:
        twin.control.step()
        stepped = next(stream)
        if stepped.state == "diverged":
            break
        thetas[stepped.step] = twin.network.theta.copy()
    twin.control.stop()
    list(stream)
    monkeypatch.setattr(loop, "CHECKPOINT_SPACING_S", math.inf)
    monkeypatch.setattr(loop, "CHECKPOINT_SHARE", 1e-300)  # none but at a burst's start and an epoch's end
    session = warming_up_session(snapshot_hz=0.1)
    runner = Runner(session)
    diverged = runner.wait_for(lambda s: s.state == "diverged")
    runner.stop()
    named = "Training diverged at step "
    assert diverged.message.split(named)[1].split(":")[0] == stepped.message.split(named)[1].split(":")[0]
    assert session.optimizer.step_count == session.step
    assert numpy.array_equal(session.network.theta, thetas[session.step])  # the weights of the step it says


def test_a_stop_keeps_the_step_the_weights_and_the_optimizer_together():
    session = diverging_session()
    runner = Runner(session)
    runner.wait_for(lambda s: s.state == "diverged")
    runner.stop()
    assert session.optimizer.step_count == session.step
    twin = diverging_session()
    twin.config.start_paused = True
    stream = twin.run()
    next(stream)
    for _ in range(session.step):
        twin.control.step()
        assert next(stream).state == "paused"
    assert numpy.array_equal(session.network.theta, twin.network.theta)


def test_weights_whose_squared_norm_overflows_float32_are_no_divergence():
    # 3e19 squared is past float32's largest number, but every weight is finite and tanh saturates.
    session = preset_session("circle", start_paused=True)
    session.network.theta[0] = 3e19
    stream = session.run()
    next(stream)
    for step in range(1, 4):
        session.control.step()
        snapshot = next(stream)
        assert (snapshot.state, snapshot.step) == ("paused", step), snapshot.message
    session.control.resume()
    assert next(s for s in stream if s.step > 100).state == "running"
    session.control.stop()
    list(stream)


@pytest.mark.parametrize("bad", [numpy.nan, numpy.inf])
def test_weights_that_went_bad_are_restored_from_the_last_good_copy(bad):
    # Stepped, so that the steps and their losses are the same on every run: early on, every kept state's
    # next loss is alike, and the latest one (the last snapshot's) is the one to go back to.
    session = preset_session("circle", start_paused=True)
    stream = session.run()
    next(stream)
    for _ in range(3):
        session.control.step()
        good = next(stream)
    good_theta = session.network.theta.copy()
    session.network.theta[0] = bad  # as if an update overflowed
    session.control.step()
    diverged = next(stream)
    assert diverged.state == "diverged"
    assert f"back to those of step {good.step}, kept before the loss blew up" in diverged.message
    assert "the weights W of layer 1 became" in diverged.message
    assert numpy.array_equal(session.network.theta, good_theta)
    assert diverged.step == session.step == good.step == 3 and session.optimizer.step_count == good.step


def test_weights_that_go_bad_while_running_go_back_to_a_kept_step_and_report_no_rate():
    session = preset_session("circle", snapshot_hz=1000)
    stream = session.run()
    for _ in range(3):
        good = next(stream)
    session.network.theta[0] = numpy.inf
    diverged = next(stream)
    kept = int(diverged.message.split("back to those of step ")[1].split(",")[0])
    # Which kept state is sound depends on the losses of the steps after each, hence on timing.
    assert kept == diverged.step == session.step == session.optimizer.step_count <= good.step
    assert numpy.isfinite(session.network.theta).all()
    assert math.isnan(diverged.samples_per_s)  # the counters went back: no rate across a rewind


def test_history_keeps_its_series_in_the_order_they_came(tmp_path):
    """The metric history's CSV has its columns as the session offers them (the losses, then each layer's
    norms), the same in every process, not in the order of a set of names."""
    history = History(capacity=100)
    names = ["train_loss", "test_loss", *(f"grad_norm/{layer}.W" for layer in range(1, 12))]
    history.append(0, dict.fromkeys(names[:2], 1.0))
    history.append(1, dict.fromkeys(names, 1.0))
    export_history_csv(history.arrays(), tmp_path / "history.csv")
    assert (tmp_path / "history.csv").read_text().splitlines()[0] == ",".join(["step", *names])


def test_history_keeps_the_whole_run_in_bounded_memory():
    history = History(capacity=100)
    for step in range(10_000):
        history.append(step, {"loss": 1 / (step + 1)})
    assert len(history) < 100
    steps = history.arrays()["step"]
    assert steps[0] == 0 and steps[-1] > 9_800 and numpy.all(numpy.diff(steps) > 0)
    history.append(10_000, {"loss": 0.0, "late": 1.0}, force=True)
    arrays = history.arrays()
    assert numpy.isnan(arrays["late"][:-1]).all() and arrays["late"][-1] == 1.0


def test_session_history_survives_a_long_run():
    session = preset_session("gauss", details=False, every_epoch=True, epochs=300)
    session.history.capacity = 50
    last = list(session.run())[-1]
    assert last.step == 300 * 25
    assert 0 < len(last.history["step"]) <= 50
    assert last.history["step"][0] == 0 and last.history["step"][-1] == last.step


def test_switching_optimizer_keeps_the_weights():
    session = preset_session("circle", start_paused=True)
    stream = session.run()
    next(stream)
    session.control.step()
    next(stream)
    weights = session.network.theta.copy()
    session.control.set_optimizer("adam")
    switched = next(stream)
    assert session.optimizer.spec.kind == "adam" and switched.learning_rate == 0.03
    assert numpy.array_equal(session.network.theta, weights)
    session.control.step()
    assert next(stream).step == 2


@pytest.mark.parametrize("bad", [45, 24, 49, 3])  # 24 and 49: the gradient of an epoch's last step
def test_a_nan_gradient_with_a_finite_loss_goes_back_to_weights_whose_next_step_is_sound(bad):
    # Steps 1 to `bad` are sound; the next step's gradient has a NaN, its loss does not. The weights of step
    # `bad` would give that NaN again on resuming, so those of the step before are kept.
    session = preset_session("circle", snapshot_hz=0.5)  # long bursts: found by the periodic check
    layer = session.network.layers[0]
    sound_backward = layer.backward

    def poisoned(grad, need_input_grad=True):
        result = sound_backward(grad, need_input_grad)
        if session.optimizer.step_count == bad:
            layer.grads["W"][0, 0] = numpy.nan
        return result

    layer.backward = poisoned
    stream = session.run()
    diverged = next(s for _, s in zip(range(100), stream) if s.state == "diverged")
    assert session.step == session.optimizer.step_count == bad - 1 and f"diverged at step {bad + 1}" in diverged.message
    assert "the gradient of layer 1 (Dense) W became NaN" in diverged.message
    assert f"back to those of step {bad - 1}," in diverged.message
    twin = preset_session("circle", start_paused=True)
    twin_stream = twin.run()
    next(twin_stream)
    for _ in range(bad - 1):
        twin.control.step()
        next(twin_stream)
    assert numpy.array_equal(session.network.theta, twin.network.theta)


def test_snapshots_carry_predictions_for_a_gallery_of_test_examples():
    session = preset_session("digits-mlp", epochs=2, every_epoch=True)
    last = list(session.run())[-1]
    indices, predicted = last.gallery
    assert len(indices) == len(predicted) == 32 and predicted.max() < 10
    truth = session.dataset.y_test[indices]
    full = session.network.predict(session.dataset.x_test[indices]).argmax(axis=1)
    assert numpy.array_equal(predicted, full) and (predicted == truth).mean() > 0.5


def test_snapshots_of_a_regression_carry_a_few_hundred_predictions_of_each_split():
    session = preset_session("linear-regression", epochs=2, every_epoch=True)
    snapshots = list(session.run())
    assert all(snapshot.fit is not None and snapshot.gallery is None for snapshot in snapshots)
    fit, dataset = snapshots[-1].fit, session.dataset
    assert len(fit.train_rows) == FIT_SIZE < len(dataset.x_train) and len(fit.test_rows) == len(dataset.x_test)
    for rows, predicted, x in ((fit.train_rows, fit.train_predicted, dataset.x_train),
                               (fit.test_rows, fit.test_predicted, dataset.x_test)):
        assert numpy.allclose(predicted, session.network.predict(x[rows])[:, 0], atol=1e-6)
    assert preset_session("circle", epochs=1).run().__next__().fit is None  # classification: a gallery's job


def test_a_network_that_does_not_fit_the_data_is_refused_with_the_builders_sentence():
    dataset = load_dataset({"name": "iris"})
    spec = NetworkSpec((4,), [DenseSpec(8, "relu"), DenseSpec(2)], "cross_entropy")
    with pytest.raises(DataError, match="The data has 3 classes, so the network needs 3 outputs; layer 2 gives 2: "
                                        "give it 3 units."):
        Session(spec, dataset, TrainingConfig())
    spec.loss = "mse"
    with pytest.raises(DataError, match="The mean squared error loss does not fit data of 3 classes: choose "
                                        "cross-entropy."):
        Session(spec, dataset, TrainingConfig())


def test_a_pause_between_epoch_ends_reports_the_test_split_as_it_is_now():
    session = preset_session("iris", start_paused=True, snapshot_hz=200)
    runner = Runner(session)
    runner.next()
    session.control.resume()
    runner.wait_for(lambda s: s.step > 20)
    session.control.pause()
    paused = runner.wait_for(lambda s: s.state == "paused")
    report = paused.epoch_report
    assert report is not None
    if report.at_step is None:  # the pause fell on an epoch end, whose report is as fresh
        assert paused.epoch_progress == 0
    else:
        assert report.at_step == paused.step and numpy.isnan(report.train_loss)
    predicted = session.network.predict(session.dataset.x_test).argmax(axis=1)
    truth = session.dataset.y_test.astype(int)
    assert report.test_accuracy == pytest.approx(numpy.mean(predicted == truth))
    assert report.report.confusion.sum() == len(truth)
    right_per_class = numpy.bincount(truth[predicted == truth], minlength=3)
    assert numpy.array_equal(numpy.diag(report.report.confusion), right_per_class)
    # Pausing again with nothing trained in between reports nothing new; a single step does.
    session.control.pause()
    assert runner.wait_for(lambda s: s.state == "paused").epoch_report is None
    session.control.step()
    stepped = runner.wait_for(lambda s: s.step == paused.step + 1)
    assert stepped.epoch_report is not None
    assert stepped.epoch_report.at_step == (None if stepped.epoch_progress == 0 else stepped.step)
    runner.stop()


def test_a_blocks_parameters_are_measured_by_their_names_inside_it():
    session = preset_session("residual", snapshot_hz=1000)
    stream = session.run()
    snapshot = [next(stream) for _ in range(3)][-1]
    norms = session.network.parameter_norms(session.network.grad)
    block = next(stats for stats in snapshot.layers if stats.path == "3")
    assert block.grad_norms == {"1.W": norms["3.1.W"], "1.b": norms["3.1.b"]}
    assert numpy.isfinite(snapshot.history["grad_norm/3.1.W"]).any()
    assert "grad_norm/11.W" in snapshot.history and "grad_norm/1.W" in snapshot.history


def test_the_history_keeps_each_layers_update_ratio_of_the_step_before_the_snapshot():
    session = preset_session("residual", start_paused=True)
    stream = session.run()
    next(stream)
    session.control.step()  # a single step records its update
    snapshot = next(stream)
    block = next(stats for stats in snapshot.layers if stats.path == "3")
    # The point stands for one step: its ratio, from float32 dot products.
    assert snapshot.history["update_ratio/3.1.W"][-1] == pytest.approx(block.update_ratios["1.W"], rel=1e-6)
    assert snapshot.history["update_ratio/11.W"][-1] == pytest.approx(snapshot.layers[-1].update_ratios["W"], rel=1e-6)
    assert block.update_ratios["1.W"] > 0


@pytest.mark.parametrize("settings", [{"stop_at_epoch": 2}, {"epochs": 2}])
def test_a_snapshot_after_a_burst_has_the_update_ratio_of_the_bursts_last_step(monkeypatch, settings):
    """A clock that stands still: two epochs in one burst, no step recorded on its own. The snapshot where training
    pauses at its epoch to stop at (or finishes) still has each layer's ‖ΔW‖ / ‖W‖, of the last step taken, which
    the Inspector shows and a lesson asks the learner to read there."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    session = preset_session("deep-relu-he", **settings)
    stream = session.run()
    last = next(snapshot for snapshot in stream if snapshot.epoch == 2)
    assert last.state in ("paused", "finished") and last.step == 50
    ratios = update_ratios(session.network, session.optimizer)
    assert [stats.weight_update_ratio for stats in last.layers] == [ratios[f"{n}.W"] for n in range(1, 12)]
    assert 1e-4 < last.layers[0].weight_update_ratio < 1e-2
    session.control.stop()
    list(stream)


def geometric_mean(values: list[float]) -> float:
    return float(numpy.exp(numpy.mean(numpy.log(values))))


def direct_norms(name: str, steps: int) -> list[tuple[dict[str, float], dict[str, float]]]:
    """Each step's gradient norm and update ratio of every parameter, from the engine in float64
    (Network.parameter_norms), the network stepped one step at a time: for plain SGD the update is the learning
    rate times the gradient, whether or not float32 weights are fine enough to take it."""
    session = preset_session(name, start_paused=True, details=False)
    net, stream, measured = session.network, session.run(), []
    assert session.optimizer.spec.kind == "sgd" and session.optimizer.spec.momentum == 0
    next(stream)
    for _ in range(steps):
        before, rate = net.theta.copy(), session.optimizer.learning_rate
        session.control.step()
        next(stream)
        sizes, grads = net.parameter_norms(before), net.parameter_norms(net.grad)
        measured.append((grads, {key: rate * grads[key] / sizes[key] if sizes[key] else math.nan for key in sizes}))
    session.control.stop()
    list(stream)
    return measured


def test_each_layers_gradient_norm_and_update_ratio_have_a_point_wherever_the_training_loss_has_one(monkeypatch):
    """A clock that stands still: the whole run is one burst, whose only snapshots are its first, an epoch report and
    its last. Each layer's weight series have their points at the training loss's (every step of the first hundreds,
    then every 1% of the steps so far), each the geometric mean of the values the engine computes at the steps since
    the point before (all of them while a point is a few steps)."""
    monkeypatch.setattr(loop, "time", SteppedClock(0.0))
    session = preset_session("deep-sigmoid", epochs=12)
    history = list(session.run())[-1].history
    steps = history["step"]
    loss_steps = steps[numpy.isfinite(history["train_loss"])]
    assert loss_steps[-1] == 300 and len(loss_steps) > 200
    direct = direct_norms("deep-sigmoid", 300)
    names = [name for name in session.network.parameter_slices() if name.endswith(".W")]
    assert len(names) == 11
    for series in [f"{kind}/{name}" for kind in ("grad_norm", "update_ratio") for name in names]:
        assert set(steps[numpy.isfinite(history[series])]) >= set(loss_steps), series
    rows = numpy.flatnonzero(numpy.isfinite(history["grad_norm/1.W"]))
    assert (numpy.diff(steps[rows]) > 1).any()
    for row, first in zip(rows, numpy.r_[0, steps[rows[:-1]]]):
        covered = direct[int(first) : int(steps[row])]
        for name in names:
            grads = [grad[name] for grad, _ in covered]
            assert history[f"grad_norm/{name}"][row] == pytest.approx(geometric_mean(grads), rel=1e-4), (
                steps[row], name)
            ratio = history[f"update_ratio/{name}"][row]  # none at the first snapshot, before any step
            assert numpy.isnan(ratio) or ratio == pytest.approx(geometric_mean([ratios[name] for _, ratios in covered]),
                                                                rel=1e-4), (steps[row], name)
    # The lesson: layer 1's gradient vanishes, and its updates are far below float32's rounding of its weights.
    assert history["grad_norm/1.W"][numpy.isfinite(history["grad_norm/1.W"])].max() < 1e-6
    assert 0 < numpy.nanmax(history["update_ratio/1.W"]) < 1e-7


def test_layer_statistics_are_of_the_first_examples_of_the_training_slice_measured():
    session = preset_session("digits-mlp", snapshot_hz=1000)
    sample = session.measurements.train_sample
    assert sample.parts == 2  # 64-200-10 measures its training sample in two slices
    stream = session.run()
    for slices in ([0, 1], [0], [1]):  # all of it at first, then one slice at a time
        snapshot = next(stream)
        assert sample.last == slices
        examples = session.dataset.x_train[sample.pick[sample.positions[slices[0]][:256]]].astype(numpy.float64)
        hidden = numpy.maximum(examples @ session.network.get("1.W") + session.network.get("1.b"), 0)
        first = snapshot.layers[0]
        assert first.histogram.sum() == hidden.size == 256 * 200
        assert first.mean == pytest.approx(hidden.mean(), rel=1e-5)
        assert first.std == pytest.approx(hidden.std(), rel=1e-5)
        assert first.dead_share == pytest.approx(numpy.mean(numpy.all(hidden <= 0, axis=0)))


def test_thinning_keeps_every_point_of_the_first_steps():
    history = History(capacity=100)
    for step in range(0, 20_000, 5):
        history.append(step, {"loss": 1 / (step + 1)})
    steps = history.arrays()["step"]
    assert len(steps) < 100 and numpy.array_equal(steps[:50], numpy.arange(0, 250, 5))  # up to the 100 // 2 kept
    whole = History()
    for step in range(0, 50_000, 5):
        whole.append(step, {"loss": 0.0})
    early = whole.arrays()["step"]
    assert numpy.array_equal(early[early < 500], numpy.arange(0, 500, 5))  # EARLY_STEPS, all of them


def test_the_rate_counts_only_what_was_trained_since_a_load(monkeypatch):
    """A loaded session has trained nothing yet: its rate starts from there, not from the saved count."""
    from playground.session import project_of, session_for

    first = preset_session("circle", epochs=4, details=False)
    list(first.run())
    monkeypatch.setattr(loop, "time", SteppedClock(0.001))
    resumed = session_for(project_of(first, {"name": "circle"}), first.dataset, epochs=8, details=False)
    loaded_at = resumed.samples
    snapshots = list(resumed.run())
    assert loaded_at == 1000 and snapshots[0].samples_seen == loaded_at and math.isnan(snapshots[0].samples_per_s)
    assert snapshots[-1].samples_seen - loaded_at == 1000



def test_snapshots_carry_a_copy_of_the_optimizer_settings_made_when_they_change():
    # The window reads the settings from snapshots, never the worker's live optimizer (which a command replaces).
    session = preset_session("circle", start_paused=True)
    stream = session.run()
    first = next(stream)
    assert first.optimizer == session.optimizer.spec and first.optimizer is not session.optimizer.spec
    session.control.step()
    assert next(stream).optimizer is first.optimizer  # unchanged settings: the same copy, not one per snapshot
    session.control.set_learning_rate(0.5)
    session.control.set_optimizer("adam")
    changed = next(s for s in stream if s.optimizer.kind == "adam")
    assert changed.optimizer.learning_rate == 0.5 and first.optimizer.kind == "sgd"
    session.control.stop()
    list(stream)


def diverged_at(message: str) -> int:
    return int(message.split("Training diverged at step ")[1].split(":")[0])


def test_a_divergence_shows_the_steps_it_undid_until_training_moves_on():
    session = preset_session("plane", start_paused=True)
    session.control.set_learning_rate(1.0)
    stream = session.run()
    next(stream)
    for _ in range(200):
        session.control.step()
        snapshot = next(stream)
        if snapshot.state == "diverged":
            break
    assert snapshot.state == "diverged" and "back to those of step" in snapshot.message
    steps = snapshot.history["step"]
    # The step that blew up is the curve's last point, its loss not finite, though the weights went back.
    assert numpy.all(numpy.diff(steps) >= 0) and steps[-1] == diverged_at(snapshot.message) > session.step
    assert not numpy.isfinite(snapshot.history["train_loss"][-1])
    kept = session.step
    session.control.step()  # and the curve goes on from the step gone back to, without the steps undone
    steps = next(stream).history["step"]
    assert numpy.all(numpy.diff(steps) >= 0) and steps[-1] == kept + 1 == session.step
    session.control.stop()
    list(stream)


def test_a_divergence_in_a_burst_shows_each_step_up_to_the_blow_up():
    # The exploding lesson's second step: clipping off, the loss overflows within a few steps of a burst.
    preset = load_preset("exploding")
    optimizer = dataclasses.replace(preset.optimizer, clip_norm=None)
    session = Session(preset.network, load_dataset(preset.dataset),
                      TrainingConfig(optimizer=optimizer, batch_size=preset.batch_size))
    snapshot = next(s for s in session.run() if s.state == "diverged")
    history, blew_up = snapshot.history, diverged_at(snapshot.message)
    undone = (history["step"] > snapshot.step) & (history["step"] < blew_up)
    assert list(history["step"][undone]) == list(range(snapshot.step + 1, blew_up))  # every step, once
    assert numpy.all(numpy.isfinite(history["train_loss"][undone]))
    norms = history["grad_norm/1.W"]
    assert history["step"][-1] == blew_up and numpy.all(norms[undone] > 0) and not numpy.isfinite(norms[-1])
    # A saved state goes on from the step gone back to: the steps undone are not in it.
    assert export_state(session)[1]["history/step"].max() <= snapshot.step


def test_going_back_past_new_optimizer_settings_keeps_the_optimizers_count_with_the_step():
    session = preset_session("linear-regression", start_paused=True)
    stream = session.run()
    next(stream)
    for _ in range(3):
        session.control.step()
        next(stream)
    session.control.set_optimizer_settings(OptimizerSpec("sgd", learning_rate=0.01, momentum=0.5,
                                                         schedule=ScheduleSpec(warmup_steps=10)))
    session.control.set_weight("1", 0, 0, 1e38)  # finite, but the loss of every step from here is not
    next(stream)
    session.control.step()
    diverged = next(stream)
    assert diverged.state == "diverged" and "back to those of step 2" in diverged.message
    assert session.optimizer.step_count == session.step == 2
    assert session.optimizer.learning_rate == 0.01 / 10  # the warm-up chosen at step 3 starts at step 2
    assert not session.optimizer.state["velocity"].any()  # as it was when the settings were chosen
    session.control.stop()
    list(stream)
