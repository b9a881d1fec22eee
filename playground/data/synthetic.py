"""TensorFlow Playground's 2-D sets (and two more), generated from a seed; nothing is shipped.

Points lie in the square [-6, 6]²; noise is a percentage (0 to 50) as in TensorFlow
Playground. Classification labels are 0/1 (TensorFlow Playground's -1/+1), regression
targets lie in [-1, 1].
"""

from __future__ import annotations

from collections.abc import Callable

import numpy

from playground.data.dataset import Dataset, DatasetConfig, split
from playground.data.preprocessing import Preprocessing, feature_columns
from playground.data.titles import dataset_title

Generator = Callable[[int, float, numpy.random.Generator], tuple[numpy.ndarray, numpy.ndarray]]
RADIUS = 5.0
SOURCE = "Generated from the seed, after TensorFlow Playground's data sets (Apache 2.0)."


def _uniform(rng, low, high, n):
    return rng.uniform(low, high, n)


def circle(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """A disc of class 1 inside a ring of class 0; noise moves the point a label is read at."""
    half = n // 2
    radius = numpy.concatenate([_uniform(rng, 0, RADIUS * 0.5, half), _uniform(rng, RADIUS * 0.7, RADIUS, n - half)])
    angle = _uniform(rng, 0, 2 * numpy.pi, n)
    points = numpy.column_stack([radius * numpy.sin(angle), radius * numpy.cos(angle)])
    shifted = points + rng.uniform(-RADIUS, RADIUS, (n, 2)) * noise
    return points, (numpy.hypot(shifted[:, 0], shifted[:, 1]) < RADIUS * 0.5).astype(float)


def xor(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Four quadrants: class 1 where x1·x2 ≥ 0."""
    padding = 0.3
    points = rng.uniform(-5, 5, (n, 2))
    points += numpy.where(points > 0, padding, -padding)
    shifted = points + rng.uniform(-5, 5, (n, 2)) * noise
    return points, (shifted[:, 0] * shifted[:, 1] >= 0).astype(float)


def gauss(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Two Gaussian clouds around (2, 2) and (−2, −2); noise widens them (variance 0.5 to 4)."""
    variance = 0.5 + noise / 0.5 * 3.5
    half = n // 2
    centers = numpy.repeat([[2.0, 2.0], [-2.0, -2.0]], [half, n - half], axis=0)
    points = centers + rng.normal(0, numpy.sqrt(variance), (n, 2))
    return points, numpy.repeat([1.0, 0.0], [half, n - half])


def spiral(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Two interleaved spirals, each turning 1.75 times."""
    half = n // 2
    parts = []
    for count, delta in ((half, 0.0), (n - half, numpy.pi)):
        i = numpy.arange(count) / count
        r, t = i * RADIUS, 1.75 * i * 2 * numpy.pi + delta
        parts.append(numpy.column_stack([r * numpy.sin(t), r * numpy.cos(t)]) + rng.uniform(-1, 1, (count, 2)) * noise)
    return numpy.concatenate(parts), numpy.repeat([1.0, 0.0], [half, n - half])


def moons(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Two interlocking half circles (scikit-learn's make_moons), scaled to the square."""
    half = n // 2
    upper = numpy.linspace(0, numpy.pi, half)
    lower = numpy.linspace(0, numpy.pi, n - half)
    points = numpy.concatenate([numpy.column_stack([numpy.cos(upper), numpy.sin(upper)]),
                                numpy.column_stack([1 - numpy.cos(lower), 0.5 - numpy.sin(lower)])])
    points = (points - [0.5, 0.25]) * 3.0 + rng.normal(0, 1, (n, 2)) * noise * 3.0
    return points, numpy.repeat([1.0, 0.0], [half, n - half])


def plane(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Target (x1 + x2) / 10 over the square."""
    points = rng.uniform(-6, 6, (n, 2))
    shifted = points + rng.uniform(-6, 6, (n, 2)) * noise
    return points, shifted.sum(axis=1) / 10


GAUSSIAN_BUMPS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]


def gaussian_mixture(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Six bumps of alternating sign; each point takes the strongest bump's value."""
    points = rng.uniform(-6, 6, (n, 2))
    shifted = points + rng.uniform(-6, 6, (n, 2)) * noise
    label = numpy.zeros(n)
    for cx, cy, sign in GAUSSIAN_BUMPS:
        distance = numpy.hypot(shifted[:, 0] - cx, shifted[:, 1] - cy)
        value = sign * numpy.clip(1 - distance / 2, 0, 1)
        label = numpy.where(numpy.abs(value) > numpy.abs(label), value, label)
    return points, label


def sine(n: int, noise: float, rng: numpy.random.Generator) -> tuple[numpy.ndarray, numpy.ndarray]:
    """1-D regression: y = sin(x) on [−6, 6], with Gaussian noise on y."""
    x = rng.uniform(-6, 6, (n, 1))
    return x, numpy.sin(x[:, 0]) + rng.normal(0, 1, n) * noise


# name: (generator, task, dimensions); the titles are in titles.py
SETS: dict[str, tuple[Generator, str, int]] = {
    "circle": (circle, "binary", 2),
    "xor": (xor, "binary", 2),
    "gauss": (gauss, "binary", 2),
    "spiral": (spiral, "binary", 2),
    "moons": (moons, "binary", 2),
    "plane": (plane, "regression", 2),
    "gaussian_mixture": (gaussian_mixture, "regression", 2),
    "sine": (sine, "regression", 1),
}


def generate(config: DatasetConfig) -> Dataset:
    generator, task, dimensions = SETS[config.name]
    rng = numpy.random.default_rng(config.seed)
    points, labels = generator(config.points, config.noise / 100, rng)
    chosen = config.features or ["x1", "x2"][:dimensions]
    names = feature_columns(chosen, dimensions)
    preprocessing = Preprocessing((dimensions,), (len(names),), ("x1", "x2")[:dimensions], names)
    features = preprocessing.prepare(points)
    train, test = split(len(points), config.train_ratio, rng)
    labels = labels.astype(numpy.float32).reshape(-1, 1)
    return Dataset(
        name=config.name, title=dataset_title(config.name), task=task,
        x_train=features[train], y_train=labels[train], x_test=features[test], y_test=labels[test],
        input_shape=(len(names),), feature_names=list(names),
        class_names=["0", "1"] if task == "binary" else [],
        source=SOURCE, preprocessing=preprocessing, raw_test=points[test],
        points_train=points[train].astype(numpy.float32), points_test=points[test].astype(numpy.float32),
        target_name="y" if task == "regression" else "")
