"""Every preset trains on CuPy as on NumPy, and digits-mlp reaches the same accuracy. Skipped, with the reason
"no GPU", where CuPy cannot run."""

import pytest

from playground.data import load_dataset
from playground.project import list_presets, load_preset
from playground.session import Session, TrainingConfig
from tests import device_parity
from tests.data.fake_files import offline_config

EPOCHS = 2
# float32 on the GPU and on the CPU round differently (other summation orders in the matrix products and the
# reductions); a few epochs of steps carry those differences along without letting them grow past this.
FLOAT32_TRAINING_RTOL = 1e-4


def train(name: str, backend: str, folder, epochs: int) -> list:
    preset = load_preset(name)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=epochs,
                            every_epoch=True, details=False, backend=backend)
    return list(Session(preset.network, load_dataset(offline_config(preset.dataset, folder)), config).run())


@pytest.mark.parametrize("name", list_presets())
def test_every_preset_trains_on_the_gpu_as_on_numpy(name, tmp_path):
    on_numpy, on_gpu = train(name, "numpy", tmp_path, EPOCHS), train(name, "cupy", tmp_path, EPOCHS)
    for snapshot in on_gpu:
        device_parity.host_only(snapshot)
    assert on_gpu[-1].backend == "cupy" and on_gpu[-1].state == on_numpy[-1].state
    expected = [s.epoch_report for s in on_numpy if s.epoch_report is not None]
    reports = [s.epoch_report for s in on_gpu if s.epoch_report is not None]
    assert len(reports) == len(expected)
    for got, want in zip(reports, expected):
        assert got.train_loss == pytest.approx(want.train_loss, rel=FLOAT32_TRAINING_RTOL)
        assert got.test_loss == pytest.approx(want.test_loss, rel=FLOAT32_TRAINING_RTOL)


def test_digits_mlp_reaches_the_same_accuracy_on_the_gpu(tmp_path):
    epochs = load_preset("digits-mlp").epochs
    on_numpy, on_gpu = train("digits-mlp", "numpy", tmp_path, epochs), train("digits-mlp", "cupy", tmp_path, epochs)
    accuracy = on_gpu[-1].epoch_report.test_accuracy
    assert accuracy >= 0.95 and accuracy == pytest.approx(on_numpy[-1].epoch_report.test_accuracy, abs=0.01)
