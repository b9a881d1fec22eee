"""The 2-D playground sets: shapes, seeds, noise, features, and what the features buy."""

import numpy
import pytest

from playground.data import expand_features, feature_names_for, load_dataset
from playground.data.synthetic import SETS
from playground.engine import DenseSpec, Network, NetworkSpec, Optimizer, OptimizerSpec
from playground.errors import DataError

ALL_FEATURES = ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2", "cos x1", "cos x2"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_set_has_the_points_split_and_task_asked_for(name):
    dataset = load_dataset({"name": name, "points": 300, "train_ratio": 0.7, "noise": 20})
    assert len(dataset.x_train) == 210 and len(dataset.x_test) == 90
    assert dataset.x_train.dtype == numpy.float32 and dataset.y_train.shape == (210, 1)
    assert dataset.task == SETS[name][1]
    assert numpy.abs(dataset.points_train).max() <= 7.5
    if dataset.task == "binary":
        labels = numpy.concatenate([dataset.y_train, dataset.y_test])
        assert set(numpy.unique(labels)) == {0.0, 1.0}
    else:
        assert numpy.abs(dataset.y_train).max() <= 1.5


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_same_seed_gives_the_same_points_and_another_does_not(name):
    a, b = load_dataset({"name": name, "seed": 3}), load_dataset({"name": name, "seed": 3})
    c = load_dataset({"name": name, "seed": 4})
    assert numpy.array_equal(a.x_train, b.x_train) and numpy.array_equal(a.y_test, b.y_test)
    assert not numpy.array_equal(a.x_train, c.x_train)


def test_circle_without_noise_is_labelled_by_radius():
    dataset = load_dataset({"name": "circle", "noise": 0})
    radius = numpy.hypot(*dataset.points_train.T)
    inside = dataset.y_train[:, 0] == 1
    assert radius[inside].max() <= 2.5 and radius[~inside].min() >= 3.5


def test_noise_moves_labels_across_the_boundary():
    quiet = load_dataset({"name": "xor", "noise": 0, "points": 1000})
    noisy = load_dataset({"name": "xor", "noise": 50, "points": 1000})

    def disagreement(d):
        return numpy.mean((d.points_train[:, 0] * d.points_train[:, 1] >= 0) != (d.y_train[:, 0] == 1))

    assert disagreement(quiet) == 0 and disagreement(noisy) > 0.1


def test_features_are_computed_from_the_points():
    points = numpy.array([[1.0, 2.0], [-0.5, 3.0]])
    columns = expand_features(points, ALL_FEATURES)
    expected = [points[:, 0], points[:, 1], points[:, 0] ** 2, points[:, 1] ** 2, points[:, 0] * points[:, 1],
                numpy.sin(points[:, 0]), numpy.sin(points[:, 1]), numpy.cos(points[:, 0]), numpy.cos(points[:, 1])]
    numpy.testing.assert_allclose(columns, numpy.column_stack(expected), rtol=1e-6)
    assert feature_names_for(1) == ["x1", "x1²", "sin x1", "cos x1"]
    with pytest.raises(DataError, match="not available here"):
        load_dataset({"name": "sine", "features": ["x2"]})


def test_plain_text_feature_names_are_accepted():
    dataset = load_dataset({"name": "circle", "features": ["x1^2", "x1*x2", "sin(x2)"]})
    assert dataset.feature_names == ["x1²", "x1·x2", "sin x2"] and dataset.input_shape == (3,)


def spiral_accuracy(features: list[str]) -> float:
    dataset = load_dataset({"name": "spiral", "features": features})
    spec = NetworkSpec((len(features),), [DenseSpec(8, "tanh"), DenseSpec(1)], "binary_cross_entropy")
    net = Network(spec, seed=1)
    optimizer = Optimizer(net, OptimizerSpec("adam", learning_rate=0.03))
    data, rng, batch = net.make_batch(dataset.x_train, dataset.y_train), numpy.random.default_rng(0), None
    for _ in range(250):
        order = rng.permutation(len(dataset.x_train))
        for start in range(0, len(order), 10):
            batch = net.gather(data, order[start : start + 10], batch)
            net.train_batch(batch, optimizer)
    return float(((net.predict(dataset.x_test) > 0.5) == (dataset.y_test > 0.5)).mean())


def test_with_the_extra_features_one_hidden_layer_learns_the_spiral():
    assert spiral_accuracy(ALL_FEATURES) > 0.95
    assert spiral_accuracy(["x1", "x2"]) < 0.9
