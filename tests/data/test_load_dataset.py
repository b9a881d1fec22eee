"""One entry point for every source, and every preset's dataset fits its network."""

import json

import pytest

from playground.data import DatasetConfig, dataset_names, load_dataset
from playground.errors import DataError
from playground.project import list_presets, load_preset
from tests.data.fake_files import mnist_arrays, write_mnist


@pytest.mark.parametrize("name", list_presets())
def test_every_preset_dataset_fits_its_network(name, tmp_path):
    preset = load_preset(name)
    config = dict(preset.dataset)
    if config["name"] == "mnist":  # no download here: the same files, made small
        write_mnist(tmp_path, mnist_arrays())
        config["source_folder"] = str(tmp_path)
    dataset = load_dataset(config)
    assert preset.network.input_shape == dataset.input_shape
    assert preset.network.output_size == dataset.outputs
    assert preset.network.loss == dataset.loss


def test_configs_round_trip_through_json():
    config = DatasetConfig(name="spiral", noise=25, features=["x1", "sin x1"], seed=7)
    assert DatasetConfig.from_dict(json.loads(json.dumps(config.to_dict()))) == config


@pytest.mark.parametrize("settings, message", [
    ({"name": "nope"}, "There is no dataset 'nope': choose one of circle"),
    ({"name": "circle", "noise": 80}, "noise .* must be 50.0 or less"),
    ({"name": "circle", "train_ratio": 0.95}, "ratio must be 0.9 or less"),
    ({"name": "circle", "points": "many"}, "number of points must be a whole number"),
    ({"name": "circle", "colour": "red"}, "unknown setting 'colour'"),
    ({"name": "circle", "features": []}, "at least one input feature"),
    ({"name": "mnist", "subset_mode": "middle"}, "subset mode is 'middle'"),
    ([1, 2], "must be an object"),
])
def test_bad_settings_say_what_to_change(settings, message):
    with pytest.raises(DataError, match=message):
        load_dataset(settings)


def test_every_named_dataset_is_known():
    assert {"circle", "spiral", "digits", "diabetes", "mnist", "cifar10", "csv"} <= set(dataset_names())
