"""Measuring a network for snapshots: losses and accuracy on fixed samples, layer statistics,
update ratios, the output over a grid of the input plane, for small networks each unit over that
grid and the Dense weights, and the whole-test-set report at an epoch end or a pause."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy

from playground.data import Dataset, expand_features
from playground.engine import Batch, Network, NetworkSpec
from playground.engine.memory import batch_values
from playground.engine.trace import Recorder
from playground.session.snapshot import EpochReport
from playground.session.statistics import (
    ClassificationReport,
    LayerStats,
    activation_stats,
    classification_report,
    predicted_classes,
    true_classes,
)

SAMPLE_SIZE = 1000  # examples in the fixed samples that snapshots measure loss and accuracy on
GALLERY_SIZE = 32  # test examples whose predictions every snapshot carries
GRID_RESOLUTION = 50
GRID_EXTENT = (-6.0, 6.0)
EVALUATION_CHUNK = 2048  # test examples evaluated at once for an epoch report, at most,
EVALUATION_BYTES = 64 * 2**20  # and at most as many as fit in this much of an evaluator's buffers
NEURON_GRID_UNITS = 64  # draw every unit over the grid only for networks this small


def evaluation_chunk(spec: NetworkSpec, dtype_name: str) -> int:
    """Test examples evaluated at once: EVALUATION_CHUNK, or fewer images for a conv network whose forward
    buffers (im2col columns, feature maps) would take more than EVALUATION_BYTES for that many."""
    per_example = batch_values(spec, training=False) * numpy.dtype(dtype_name).itemsize
    return max(1, min(EVALUATION_CHUNK, EVALUATION_BYTES // per_example))


def draws_units(layer_sizes: list[int]) -> bool:
    """Whether snapshots carry every unit over the grid (and the Dense weights) for a network
    whose top-level layers have these output sizes."""
    return sum(layer_sizes) <= NEURON_GRID_UNITS


def grid_points(dimensions: int) -> numpy.ndarray:
    """Where snapshots measure the network: a line, or the plane row by row from the top (y = +6)
    down, each row from x = -6 to +6."""
    line = numpy.linspace(*GRID_EXTENT, GRID_RESOLUTION)
    if dimensions == 2:
        return numpy.column_stack([a.ravel() for a in numpy.meshgrid(line, line[::-1])])
    return line[:, None]


@dataclass
class SampleScores:
    """What a snapshot measures on the fixed samples of both splits."""

    test_loss: float
    train_accuracy: float | None  # None for regression
    test_accuracy: float | None
    layers: list[LayerStats]  # each top-level layer's statistics on the training sample, with details
    gallery: tuple[numpy.ndarray, numpy.ndarray] | None  # (test indices, predicted classes), with details


class Measurements:
    """What snapshots measure one network on (a fixed sample of each split, the whole test split, the
    grid), and the measuring: evaluator twins of the network keep the training buffers untouched."""

    def __init__(self, network: Network, dataset: Dataset, train_data: Batch, seed: int, details: bool) -> None:
        self.network, self.dataset = network, dataset
        self._test = network.make_batch(dataset.x_test, dataset.y_test)
        picker = numpy.random.default_rng(seed + 1)
        self.train_pick = _sample(len(dataset.x_train), picker)  # the samples' indices into each split
        self.test_pick = _sample(len(dataset.x_test), picker)
        self._train_sample = network.gather(train_data, self.train_pick)
        self._test_sample = network.gather(self._test, self.test_pick)
        self._grid = self._make_grid() if details else None
        self._evaluators: dict[int, Network] = {}
        self._functions = {layer.path: getattr(getattr(layer, "activation", None), "name", layer.type)
                           for layer in network.layers}
        self._update_ratios: dict[str, float] = {}  # of the last step that recorded its update
        self._chunk = evaluation_chunk(network.spec, network.dtype_name)

    @property
    def has_grid(self) -> bool:
        """Whether snapshots draw the output over the input plane (or line): 2D or 1D points, with details."""
        return self._grid is not None

    def record_update(self, before: Any) -> None:
        """‖Δθ‖ / ‖θ‖ of each parameter since `before`, a copy of theta, for the next snapshot's statistics."""
        net = self.network
        sizes, changes = net.parameter_norms(before), net.parameter_norms(net.theta - before)
        self._update_ratios = {name: changes[name] / size if size else math.nan for name, size in sizes.items()}

    def score_samples(self, details: bool) -> SampleScores:
        """One forward of the training sample gives its accuracy and (with details) the layer statistics."""
        _, train_predicted, layers = self._measure(self._train_sample, details)
        test_loss, test_predicted, _ = self._measure(self._test_sample, False)
        dataset, gallery = self.dataset, None
        if details and dataset.task != "regression":
            gallery = (self.test_pick[:GALLERY_SIZE].copy(), predicted_classes(dataset.task,
                                                                              test_predicted[:GALLERY_SIZE]))
        return SampleScores(test_loss, self._accuracy(train_predicted, dataset.y_train[self.train_pick]),
                            self._accuracy(test_predicted, dataset.y_test[self.test_pick]), layers, gallery)

    def test_report(self, epoch: int, train_loss: float, at_step: int | None = None) -> EpochReport:
        """The whole test split's scores, beside the epoch's `train_loss` (NaN at a pause, made `at_step`)."""
        test_loss, report = self._test_scores()
        return EpochReport(epoch, train_loss, test_loss, report.accuracy if report else None, report, at_step)

    def boundary(self) -> tuple[numpy.ndarray, dict[str, numpy.ndarray]]:
        small = draws_units([layer.output_size for layer in self.network.layers])
        recorder = Recorder(self.network.backend.to_numpy) if small else None
        predicted = self._evaluator(self._grid.size).predict_batch(self._grid, recorder)
        dimensions = self.dataset.points_train.shape[1]
        shape = (GRID_RESOLUTION, GRID_RESOLUTION) if dimensions == 2 else (GRID_RESOLUTION,)
        boundary = predicted[:, 0].reshape(shape) if predicted.shape[1] == 1 else predicted.max(axis=1).reshape(shape)
        grids = {}
        if small:
            for record in recorder.forward_records:
                grids[record.path] = record.output.reshape(-1, *shape)
        return boundary, grids

    def dense_weights(self) -> tuple[dict[str, numpy.ndarray], dict[str, numpy.ndarray]]:
        """Each top-level Dense layer's W and its current gradient, as host copies, for networks
        small enough to draw every weight; empty for the rest."""
        net = self.network
        if not draws_units([layer.output_size for layer in net.layers]):
            return {}, {}
        dense = [layer for layer in net.layers if layer.type == "dense"]
        copy = net.backend.to_numpy
        return ({layer.path: copy(layer.params["W"]) for layer in dense},
                {layer.path: copy(layer.grads["W"]) for layer in dense})

    def _make_grid(self):
        if self.dataset.points_train is None:
            return None
        points = grid_points(self.dataset.points_train.shape[1])
        features = expand_features(points, self.dataset.feature_names)
        return self.network.make_batch(features, numpy.zeros((len(points), self.network.output_size)))

    def _evaluator(self, size: int) -> Network:
        """A twin of the network for batches of this size, so that measuring never reallocates
        the training buffers (a snapshot measures three or four sizes)."""
        if size not in self._evaluators:
            self._evaluators[size] = self.network.with_own_buffers()
        return self._evaluators[size]

    def _measure(self, batch, details: bool):
        """Loss, class predictions and (with details) each top-level layer's statistics on a batch,
        over its first STATS_EXAMPLES examples."""
        net = self._evaluator(batch.size)
        # On NumPy the recorder keeps views of the evaluator's buffers, not copies: the statistics
        # are computed now, before its next forward overwrites them.
        recorder = Recorder(net.backend.to_host) if details else None
        loss, predicted = net.evaluate_batch(batch, recorder)
        return loss, predicted, self._layer_stats(recorder) if details else []

    def _accuracy(self, predictions, targets) -> float | None:
        task = self.dataset.task
        if task == "regression":
            return None
        return float(numpy.mean(predicted_classes(task, predictions) == true_classes(task, targets)))

    def _layer_stats(self, recorder: Recorder) -> list:
        net = self.network
        grads = net.parameter_norms(net.grad)
        stats = []
        for record in recorder.forward_records:
            layer_stats = activation_stats(record.path, record.type, self._functions[record.path], record.output)
            prefix = record.path + "."  # a block's parameters too, by their names inside it ("1.W")
            for name in grads:
                if name.startswith(prefix):
                    layer_stats.grad_norms[name[len(prefix):]] = grads[name]
                    if name in self._update_ratios:
                        layer_stats.update_ratios[name[len(prefix):]] = self._update_ratios[name]
            stats.append(layer_stats)
        return stats

    def _test_scores(self) -> tuple[float, ClassificationReport | None]:
        """The loss over the whole test split, and for classification its ClassificationReport."""
        net, dataset = self.network, self.dataset
        total, predictions = 0.0, []
        count = len(dataset.x_test)
        for start in range(0, count, self._chunk):
            chunk = net.gather(self._test, numpy.arange(start, min(start + self._chunk, count)))
            loss, predicted = self._evaluator(chunk.size).evaluate_batch(chunk)
            total += loss * chunk.size
            predictions.append(predicted)
        if dataset.task == "regression":
            return total / count, None
        classes = 2 if dataset.task == "binary" else len(dataset.class_names)
        return total / count, classification_report(true_classes(dataset.task, dataset.y_test),
                                                    predicted_classes(dataset.task, numpy.concatenate(predictions)),
                                                    classes)


def _sample(count: int, rng: numpy.random.Generator) -> numpy.ndarray:
    return numpy.sort(rng.choice(count, SAMPLE_SIZE, replace=False)) if count > SAMPLE_SIZE else numpy.arange(count)
