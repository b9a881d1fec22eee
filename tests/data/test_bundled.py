"""The shipped data sets: counts, names, normalization from the training split, and origin."""

import numpy
import pytest

from playground.data import load_dataset

EXPECTED = {  # name: (examples, features, task, classes)
    "digits": (1797, 64, "multiclass", 10),
    "iris": (150, 4, "multiclass", 3),
    "breast_cancer": (569, 30, "binary", 2),
    "diabetes": (442, 10, "regression", 0),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_set_loads_whole(name):
    examples, features, task, classes = EXPECTED[name]
    dataset = load_dataset({"name": name, "train_ratio": 0.8})
    assert len(dataset.x_train) + len(dataset.x_test) == examples
    assert len(dataset.x_train) == round(examples * 0.8)
    assert dataset.input_shape == (features,) and len(dataset.feature_names) == features
    assert dataset.task == task and len(dataset.class_names) == classes
    assert dataset.source and dataset.title
    # Standardized with the training split's statistics only.
    numpy.testing.assert_allclose(dataset.x_train.mean(axis=0), 0, atol=1e-5)
    spread = dataset.x_train.std(axis=0)
    assert numpy.all((numpy.abs(spread - 1) < 1e-4) | (spread == 0))
    assert not numpy.allclose(dataset.x_test.mean(axis=0), 0, atol=1e-5)


def test_digits_unit_normalization_and_image_shape():
    dataset = load_dataset({"name": "digits", "normalize": "unit"}).shaped((1, 8, 8))
    assert dataset.x_train.shape[1:] == (1, 8, 8) and dataset.input_shape == (1, 8, 8)
    assert dataset.x_train.min() == 0 and dataset.x_train.max() == 1
    assert sorted(numpy.unique(dataset.y_train)) == list(range(10))


def test_iris_classes_and_first_flower():
    dataset = load_dataset({"name": "iris", "normalize": "none", "train_ratio": 0.9})
    assert dataset.class_names == ["setosa", "versicolor", "virginica"]
    all_x = numpy.concatenate([dataset.x_train, dataset.x_test])
    assert numpy.isclose(all_x, [5.1, 3.5, 1.4, 0.2]).all(axis=1).any()


def test_diabetes_target_can_be_standardized_and_undone():
    plain = load_dataset({"name": "diabetes", "train_ratio": 0.8})
    scaled = load_dataset({"name": "diabetes", "train_ratio": 0.8, "standardize_target": True})
    mean, std = scaled.target_scale
    numpy.testing.assert_allclose(scaled.y_train * std + mean, plain.y_train, rtol=1e-5)
    assert 25 <= plain.y_train.min() and plain.y_train.max() <= 346


def test_digits_keep_their_test_images_unscaled():
    scaled = load_dataset({"name": "digits", "train_ratio": 0.8})
    raw = load_dataset({"name": "digits", "train_ratio": 0.8, "normalize": "none"})
    assert scaled.test_images.shape == (len(scaled.x_test), 1, 8, 8)
    assert numpy.array_equal(scaled.test_images.reshape(len(raw.x_test), -1), raw.x_test)
