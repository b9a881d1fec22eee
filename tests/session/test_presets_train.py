"""Every preset trains, and the ones the issue names converge with fixed seeds."""

import numpy
import pytest

from playground.data import load_dataset
from playground.project import list_presets, load_preset
from playground.session import Session, TrainingConfig
from tests.data.fake_files import offline_config
from tests.session.helpers import preset_session


@pytest.mark.parametrize("name", list_presets())
def test_every_preset_trains_a_few_steps(name, tmp_path):
    preset = load_preset(name)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, start_paused=True)
    session = Session(preset.network, load_dataset(offline_config(preset.dataset, tmp_path)), config)
    stream = session.run()
    assert next(stream).state == "paused"
    for step in range(1, 4):
        session.control.step()
        snapshot = next(stream)
        assert snapshot.step == step and numpy.isfinite(snapshot.train_loss), snapshot.message
    session.control.stop()
    assert next(stream).final


def final_report(name: str, seed: int = 0):
    preset = load_preset(name)
    session = preset_session(name, epochs=preset.epochs, every_epoch=False, details=False, seed=seed)
    return list(session.run())[-1].epoch_report


def final_accuracy(name: str) -> float:
    return final_report(name).test_accuracy


# What each 2-D preset's description promises by its default end: its classes separated, or the plane learnt.
PLANAR_RESULTS = {"circle": 0.95, "xor": 0.95, "gauss": 0.95, "moons": 0.95, "spiral": 0.95}
PLANE_TEST_LOSS = 0.05


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("name", [*PLANAR_RESULTS, "plane"])
def test_every_planar_preset_reaches_its_result_from_any_starting_weights(name, seed):
    report = final_report(name, seed)
    if name == "plane":
        assert report.test_loss <= PLANE_TEST_LOSS
    else:
        assert report.test_accuracy >= PLANAR_RESULTS[name], f"{name} with seed {seed}"


@pytest.mark.parametrize("name", ["spiral", "circle", "digits-mlp"])
def test_presets_reach_95_percent_test_accuracy(name):
    assert final_accuracy(name) >= 0.95


def test_digits_cnn_reaches_97_percent_test_accuracy_in_its_epochs():
    assert final_accuracy("digits-cnn") >= 0.97


def test_linear_regression_explains_what_least_squares_explains():
    session = preset_session("linear-regression", epochs=100, details=False)
    list(session.run())
    dataset = session.dataset
    x = numpy.column_stack([dataset.x_train, numpy.ones(len(dataset.x_train))])
    weights, *_ = numpy.linalg.lstsq(x, dataset.y_train, rcond=None)
    variance = float(numpy.var(dataset.y_train))
    best = 1 - float(numpy.mean((x @ weights - dataset.y_train) ** 2)) / variance
    reached = 1 - session.network.evaluate(dataset.x_train, dataset.y_train) / variance
    assert best - reached <= 0.02 * best
