"""One entry point for every source, and every preset's dataset fits its network."""

import json

import numpy
import pytest

from playground.data import DatasetConfig, dataset_names, load_dataset
from playground.engine import starts_on_images
from playground.errors import DataError
from playground.project import list_presets, load_preset
from tests.data.fake_files import offline_config


@pytest.mark.parametrize("name", list_presets())
def test_every_preset_dataset_fits_its_network(name, tmp_path):
    preset = load_preset(name)
    dataset = load_dataset(offline_config(preset.dataset, tmp_path))
    # The network decides: its data as images when it starts on images, else flat.
    assert dataset.input_shape_for(starts_on_images(preset.network.layers)) == preset.network.input_shape
    assert dataset.shaped(preset.network.input_shape).x_train.shape[1:] == preset.network.input_shape
    assert preset.network.output_size == dataset.outputs
    assert preset.network.loss == dataset.loss


def test_image_sets_come_flat_or_as_images_as_the_network_takes_them(tmp_path):
    digits = load_dataset({"name": "digits"})
    assert digits.input_shape == (64,) and digits.image_shape == (1, 8, 8)
    assert digits.input_shape_for(images=True) == (1, 8, 8) and digits.input_shape_for(images=False) == (64,)
    images = digits.shaped((1, 8, 8))
    assert images.x_train.shape == (len(digits.x_train), 1, 8, 8) and images.input_shape == (1, 8, 8)
    assert numpy.shares_memory(images.x_train, digits.x_train)  # a view, not a copy
    numpy.testing.assert_array_equal(images.x_test.reshape(len(images.x_test), -1), digits.x_test)
    numpy.testing.assert_array_equal(images.preprocessing.prepare(images.raw_test), images.x_test)
    assert images.shaped((64,)).input_shape == (64,) and digits.shaped((64,)) is digits
    cifar = load_dataset(offline_config({"name": "cifar10"}, tmp_path))
    assert cifar.input_shape == (3072,) and cifar.shaped((3, 32, 32)).x_test.shape[1:] == (3, 32, 32)
    with pytest.raises(DataError, match=r"^The network takes inputs of shape \(4, 4, 4\), but Handwritten digits "
                                        r"\(8×8\) gives images of shape \(1, 8, 8\) \(64 values flat\): make the "
                                        r"first layer match the data\.$"):
        digits.shaped((4, 4, 4))
    iris = load_dataset({"name": "iris"})
    assert iris.image_shape is None and iris.input_shape_for(images=True) == (4,)
    with pytest.raises(DataError, match=r"takes inputs of shape \(1, 2, 2\), but Iris flowers gives 4 values"):
        iris.shaped((1, 2, 2))


def test_settings_saved_with_the_retired_flatten_still_load():
    """Files from before the network decided the shape say whether to flatten images; it is ignored."""
    config = DatasetConfig.from_dict({"name": "digits", "flatten": False})
    assert "flatten" not in config.to_dict()
    assert load_dataset({"name": "digits", "flatten": False}).input_shape == (64,)


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
