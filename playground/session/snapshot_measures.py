"""Measuring a network for snapshots: losses and accuracy on fixed samples (a rotating slice of them at
a time on big networks), layer statistics, update ratios, the output over a grid of the input plane,
for small networks each unit over that grid and the Dense weights, and the whole-test-set report at an
epoch end or a pause."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy

from playground.data import Dataset, expand_features
from playground.engine import Batch, Network, NetworkSpec, Optimizer
from playground.engine.memory import batch_values
from playground.engine.trace import Recorder
from playground.session.snapshot import EpochReport, RegressionFit
from playground.session.statistics import (
    ClassificationReport,
    LayerStats,
    activation_stats,
    classification_report,
    predicted_classes,
    true_classes,
)
from playground.session.step_norms import update_ratios

SAMPLE_SIZE = 1000  # examples in the fixed samples that snapshots measure loss and accuracy on
# Multiply-adds a snapshot spends on each sample, under a millisecond: a Dense layer does one per weight
# and example, so a network measures its samples a slice at a time when they take more (MNIST's 784-200-10
# in twenty slices of 50, the 64-200-10 of digits-mlp its training sample in two, the tiny networks all at
# once).
SLICE_WORK = 8_000_000
GALLERY_SIZE = 32  # test examples whose predictions every snapshot carries
FIT_SIZE = 300  # regression: examples of each split whose predictions every snapshot carries, at most
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


def slices_for(examples: int, parameters: int) -> int:
    """Into how many slices a sample of this many examples is cut for a network with this many
    parameters, so that each slice costs at most SLICE_WORK."""
    return max(1, min(examples, math.ceil(examples * parameters / SLICE_WORK)))


@dataclass
class SampleScores:
    """What a snapshot measures on the fixed samples of both splits."""

    test_loss: float
    train_accuracy: float | None  # None for regression
    test_accuracy: float | None
    test_examples: int  # the test sample's examples the test scores rest on
    test_measured: int  # of them, measured at this snapshot (the rest in the snapshots just before)
    layers: list[LayerStats]  # each top-level layer's statistics on the training slice measured, with details
    gallery: tuple[numpy.ndarray, numpy.ndarray] | None  # (test indices, predicted classes), with details
    fit: RegressionFit | None  # regression, with details


class RotatingSample:
    """A fixed sample of one split, measured a slice at a time: each call of `due` names the next slice
    (or all of them), and the scores are means over the whole sample of each slice's latest measurement.

    Training moves the weights between slices, so while it runs the scores mix the last `parts`
    snapshots' weights. For a plot that is still right: a running estimate on the whole sample that lags
    by at most one rotation (on MNIST twenty snapshots, about two seconds), and far steadier than one
    slice's scores alone. At rest (see Measurements.score_samples) every slice is measured at once, and
    the scores are exact."""

    def __init__(self, network: Network, data: Batch, pick: numpy.ndarray, truth: numpy.ndarray | None) -> None:
        self.pick, self.size = pick, len(pick)
        self.parts = slices_for(self.size, network.theta.size)
        # Strided, not contiguous: each slice spans the whole sample, however the split is ordered.
        self.positions = [numpy.arange(part, self.size, self.parts) for part in range(self.parts)]
        self.batches = [network.gather(data, pick[positions]) for positions in self.positions]
        self._truth = truth  # true classes; None for regression
        self.classes = numpy.zeros(self.size, numpy.int64)  # each example's class as last predicted
        self.values = numpy.zeros(self.size, numpy.float32)  # regression: each example's first output, as last
        self._losses = numpy.zeros(self.parts)  # each slice's mean loss as last measured
        self._next: int | None = None  # the slice due next; None until the first measurement, which takes all
        self.last: list[int] = []  # the slices `due` named last

    def due(self, whole: bool) -> list[int]:
        """The slices to measure now: the next one in turn, or every one (at first and when `whole`)."""
        if whole or self._next is None:
            self._next, self.last = 0, list(range(self.parts))
        else:
            self._next, self.last = (self._next + 1) % self.parts, [self._next]
        return self.last

    @property
    def measured(self) -> int:
        """The examples of the slices `due` named last."""
        return sum(len(self.positions[part]) for part in self.last)

    def record(self, part: int, loss: float, classes: numpy.ndarray | None = None,
               values: numpy.ndarray | None = None) -> None:
        self._losses[part] = loss
        if classes is not None:
            self.classes[self.positions[part]] = classes
        if values is not None:
            self.values[self.positions[part]] = values

    def first_values(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(rows in the split, predicted values) of the sample's first FIT_SIZE examples, as copies."""
        return self.pick[:FIT_SIZE].copy(), self.values[:FIT_SIZE].copy()

    @property
    def loss(self) -> float:
        sizes = [len(positions) for positions in self.positions]
        return float(numpy.dot(self._losses, sizes)) / self.size

    @property
    def accuracy(self) -> float | None:
        return None if self._truth is None else float(numpy.mean(self.classes == self._truth))

    def accuracy_of(self, classes: numpy.ndarray) -> float | None:
        """The accuracy of classes predicted for the whole sample, in its order."""
        return None if self._truth is None else float(numpy.mean(classes == self._truth))


class Measurements:
    """What snapshots measure one network on (a fixed sample of each split, the whole test split, the
    grid), and the measuring: evaluator twins of the network keep the training buffers untouched."""

    def __init__(self, network: Network, dataset: Dataset, train_data: Batch, seed: int, details: bool) -> None:
        self.network, self.dataset = network, dataset
        self._test = network.make_batch(dataset.x_test, dataset.y_test)
        train_pick, test_pick = fixed_samples(dataset, seed)
        def truth(targets):
            return None if dataset.task == "regression" else true_classes(dataset.task, targets)

        self.train_sample = RotatingSample(network, train_data, train_pick, truth(dataset.y_train[train_pick]))
        self.test_sample = RotatingSample(network, self._test, test_pick, truth(dataset.y_test[test_pick]))
        self._grid = self._make_grid() if details else None
        self._evaluators: dict[int, Network] = {}
        self._functions = {layer.path: getattr(getattr(layer, "activation", None), "name", layer.type)
                           for layer in network.layers}
        self._update_ratios: dict[str, float] = {}  # of the last step that recorded its update
        # Whether the network's gradient buffer holds a gradient: not before its first step (or trace), when it
        # holds zeros that no backward computed, and that a snapshot must not show as a vanished gradient.
        self.gradient_known = False
        self._chunk = evaluation_chunk(network.spec, network.dtype_name)

    @property
    def has_grid(self) -> bool:
        """Whether snapshots draw the output over the input plane (or line): 2D or 1D points, with details."""
        return self._grid is not None

    def record_update(self, optimizer: Optimizer) -> None:
        """‖Δθ‖ / ‖θ‖ of each parameter at the optimizer's step just taken, for the next snapshot's statistics."""
        self._update_ratios = update_ratios(self.network, optimizer)

    def forget_last_step(self) -> None:
        """Training went back to a kept state (a divergence): its weights came back, not the gradient and update
        of the step that led to them. Those left behind are of the steps undone, so the views show none."""
        self.gradient_known = False
        self._update_ratios = {}

    def score_samples(self, details: bool, whole: bool = False) -> SampleScores:
        """The next slice of each sample (every slice when `whole`, as at rest), and the scores over both
        samples. The forward of the training slice gives (with details) the layer statistics too."""
        task, layers = self.dataset.task, []
        for sample in (self.train_sample, self.test_sample):
            for part in sample.due(whole):
                with_stats = details and sample is self.train_sample and not layers
                loss, predicted, stats = self._measure(sample.batches[part], with_stats)
                layers = layers or stats
                if task == "regression":
                    sample.record(part, loss, values=predicted[:, 0])
                else:
                    sample.record(part, loss, classes=predicted_classes(task, predicted))
        test, gallery, fit = self.test_sample, None, None
        if details and task != "regression":
            gallery = (test.pick[:GALLERY_SIZE].copy(), test.classes[:GALLERY_SIZE].copy())
        if details and task == "regression":  # what the samples' forward gave: a copy of a few hundred numbers
            fit = RegressionFit(*self.train_sample.first_values(), *test.first_values())
        return SampleScores(test.loss, self.train_sample.accuracy, test.accuracy, test.size, test.measured,
                            layers, gallery, fit)

    def test_scores_now(self) -> tuple[float, float | None] | None:
        """The test sample's loss and accuracy on the weights as they are, for the history's points between
        snapshots; None for a network big enough to measure it in slices (its snapshots come often enough)."""
        sample, task = self.test_sample, self.dataset.task
        if sample.parts > 1:
            return None
        loss, predicted, _ = self._measure(sample.batches[0], False)
        return loss, None if task == "regression" else sample.accuracy_of(predicted_classes(task, predicted))

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
        small enough to draw every weight; empty for the rest, and no gradients before the first step."""
        net = self.network
        if not draws_units([layer.output_size for layer in net.layers]):
            return {}, {}
        dense = [layer for layer in net.layers if layer.type == "dense"]
        # The whole parameter vector and its gradient, copied once each (each copy a transfer on a GPU).
        theta, grad, slices = net.backend.to_numpy(net.theta), net.backend.to_numpy(net.grad), net.parameter_slices()
        shapes = {layer.path: (slices[f"{layer.path}.W"], layer.params["W"].shape) for layer in dense}
        return ({path: theta[where].reshape(shape) for path, (where, shape) in shapes.items()},
                {path: grad[where].reshape(shape) for path, (where, shape) in shapes.items()}
                if self.gradient_known else {})

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

    def _layer_stats(self, recorder: Recorder) -> list:
        net = self.network
        grads = net.parameter_norms(net.grad) if self.gradient_known else {}
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


def fixed_samples(dataset: Dataset, seed: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The indices into each split of the fixed samples that a session with this seed measures, sorted."""
    picker = numpy.random.default_rng(seed + 1)
    train = _sample(len(dataset.x_train), picker)
    return train, _sample(len(dataset.x_test), picker)


def gallery_examples(dataset: Dataset, seed: int) -> numpy.ndarray:
    """The test examples whose predictions the snapshots of a session with this seed carry (`SampleScores.gallery`):
    the first GALLERY_SIZE of its test sample. The window shows their images before any session predicts them."""
    return fixed_samples(dataset, seed)[1][:GALLERY_SIZE]


def _sample(count: int, rng: numpy.random.Generator) -> numpy.ndarray:
    return numpy.sort(rng.choice(count, SAMPLE_SIZE, replace=False)) if count > SAMPLE_SIZE else numpy.arange(count)
