"""Every preset trains on CuPy as on NumPy, and digits-mlp reaches the same accuracy. Skipped, with the reason
"no GPU", where CuPy cannot run."""

import numpy
import pytest

from playground.data import load_dataset
from playground.project import list_presets, load_preset
from playground.session import Session, TrainingConfig
from tests import device_parity
from tests.data.fake_files import offline_config

EPOCHS = 2
# float32 on the GPU and on the CPU round differently (other summation orders in the matrix products and the
# reductions); a few epochs of steps carry those differences along without letting them grow past this...
FLOAT32_TRAINING_RTOL = 1e-4
# ...except where training itself amplifies them: batchnorm's deep net at batch 10 turns weights nudged by 1e-7
# into losses 1e-2 apart in two epochs, on NumPy alone. There the GPU may differ from NumPy by AMPLIFIED times
# what NumPy differs from itself with its weights nudged by NUDGE (about float32's rounding).
NUDGE, AMPLIFIED = 1e-7, 10


def train(name: str, backend: str, folder, epochs: int, nudge: float = 0.0) -> list:
    preset = load_preset(name)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=epochs,
                            every_epoch=True, details=False, backend=backend)
    session = Session(preset.network, load_dataset(offline_config(preset.dataset, folder)), config)
    if nudge:
        theta = session.network.theta
        theta *= (1 + nudge * numpy.random.default_rng(1).standard_normal(theta.shape)).astype(theta.dtype)
    return [s.epoch_report for s in session.run() if s.epoch_report is not None] if nudge else list(session.run())


def relative_gaps(reports: list, others: list) -> list[float]:
    return [abs(a - b) / abs(b) for got, want in zip(reports, others)
            for a, b in ((got.train_loss, want.train_loss), (got.test_loss, want.test_loss))]


@pytest.mark.parametrize("name", list_presets())
def test_every_preset_trains_on_the_gpu_as_on_numpy(name, tmp_path):
    on_numpy, on_gpu = train(name, "numpy", tmp_path, EPOCHS), train(name, "cupy", tmp_path, EPOCHS)
    for snapshot in on_gpu:
        device_parity.host_only(snapshot)
    assert on_gpu[-1].backend == "cupy" and on_gpu[-1].state == on_numpy[-1].state
    expected = [s.epoch_report for s in on_numpy if s.epoch_report is not None]
    reports = [s.epoch_report for s in on_gpu if s.epoch_report is not None]
    assert len(reports) == len(expected)
    nudged = train(name, "numpy", tmp_path, EPOCHS, nudge=NUDGE)
    tolerance = max(FLOAT32_TRAINING_RTOL, AMPLIFIED * max(relative_gaps(nudged, expected)))
    assert max(relative_gaps(reports, expected)) <= tolerance


def test_digits_mlp_reaches_the_same_accuracy_on_the_gpu(tmp_path):
    epochs = load_preset("digits-mlp").epochs
    on_numpy, on_gpu = train("digits-mlp", "numpy", tmp_path, epochs), train("digits-mlp", "cupy", tmp_path, epochs)
    accuracy = on_gpu[-1].epoch_report.test_accuracy
    assert accuracy >= 0.95 and accuracy == pytest.approx(on_numpy[-1].epoch_report.test_accuracy, abs=0.01)
