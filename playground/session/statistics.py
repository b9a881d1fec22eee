"""Measures of a network on data: losses, accuracy, the confusion matrix, layer statistics."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy

HISTOGRAM_BINS = 30
STATS_EXAMPLES = 256  # layer statistics look at this many examples: enough for a histogram, cheap
SATURATION = 0.97  # tanh beyond ±0.97, sigmoid beyond 0.015/0.985: the slope is almost 0
_BIN_FRACTIONS = numpy.linspace(0.0, 1.0, HISTOGRAM_BINS + 1)
# What the weight measures look at, by parameter name: a Dense layer's W and a Conv2D layer's kernels K, the
# parameters the L1 and L2 penalties apply to (not the biases); inside a block, as "1.W" or "2.K".
WEIGHTS = ("W", "K")
INNER_WEIGHTS = tuple(f".{name}" for name in WEIGHTS)


@dataclass
class ClassificationReport:
    confusion: numpy.ndarray  # rows: true class, columns: predicted class
    precision: numpy.ndarray
    recall: numpy.ndarray
    f1: numpy.ndarray

    @property
    def accuracy(self) -> float:
        total = self.confusion.sum()
        return float(numpy.trace(self.confusion) / total) if total else 0.0

    @property
    def macro_f1(self) -> float:
        return float(self.f1.mean())


def predicted_classes(task: str, predictions: numpy.ndarray) -> numpy.ndarray:
    """Class numbers from what the network predicts (probabilities, one row per example)."""
    if task == "binary":
        return (predictions[:, 0] > 0.5).astype(numpy.int64)
    return predictions.argmax(axis=1)


def true_classes(task: str, targets: numpy.ndarray) -> numpy.ndarray:
    return (targets[:, 0] > 0.5).astype(numpy.int64) if task == "binary" else targets.astype(numpy.int64)


def classification_report(truth: numpy.ndarray, predicted: numpy.ndarray, classes: int) -> ClassificationReport:
    confusion = numpy.zeros((classes, classes), dtype=numpy.int64)
    numpy.add.at(confusion, (truth, predicted), 1)
    hits = numpy.diag(confusion).astype(float)
    with numpy.errstate(invalid="ignore", divide="ignore"):
        precision = numpy.nan_to_num(hits / confusion.sum(axis=0))
        recall = numpy.nan_to_num(hits / confusion.sum(axis=1))
        f1 = numpy.nan_to_num(2 * precision * recall / (precision + recall))
    return ClassificationReport(confusion, precision, recall, f1)


@dataclass
class LayerStats:
    """What one layer's output and parameters looked like at a snapshot."""

    path: str
    type: str
    mean: float
    std: float
    histogram: numpy.ndarray  # counts over `edges`
    edges: numpy.ndarray
    dead_share: float | None = None  # ReLU units that output 0 for every example
    saturated_share: float | None = None  # sigmoid/tanh outputs on their flat tails
    function: str = ""  # the activation it applies ("relu", "tanh", ...), or its type again when none
    grad_norms: dict[str, float] = field(default_factory=dict)  # by parameter name; a block's as "1.W"
    update_ratios: dict[str, float] = field(default_factory=dict)  # ‖Δθ‖ / ‖θ‖ of the last step

    @property
    def weights(self) -> str | None:
        """The name of the layer's own weights: "W" for a Dense layer, "K" (its kernels) for a Conv2D layer;
        None for a block, whose weights are its layers', and for a layer without any."""
        return next((name for name in WEIGHTS if name in self.grad_norms), None)

    @property
    def weight_gradient(self) -> float | None:
        """‖∂L/∂W‖ of a Dense layer or ‖∂L/∂K‖ of a Conv2D; of a block, the norm over every W and K inside it;
        None without any."""
        if self.weights is not None:
            return self.grad_norms[self.weights]
        inner = [norm for name, norm in self.grad_norms.items() if name.endswith(INNER_WEIGHTS)]
        return math.sqrt(sum(norm * norm for norm in inner)) if inner else None

    @property
    def weight_update_ratio(self) -> float | None:
        """‖ΔW‖ / ‖W‖ (or ‖ΔK‖ / ‖K‖) of the last recorded step; of a block, the largest among the weights
        inside it."""
        if self.weights is not None and self.weights in self.update_ratios:
            return self.update_ratios[self.weights]
        inner = [ratio for name, ratio in self.update_ratios.items() if name.endswith(INNER_WEIGHTS)]
        return max(inner) if inner else None


def activation_stats(path: str, kind: str, function: str, output: numpy.ndarray) -> LayerStats:
    """Statistics of one layer's output (features × examples), over its first STATS_EXAMPLES examples.
    Every snapshot computes these for every layer, so each is a handful of whole-array passes."""
    output = output[:, :STATS_EXAMPLES]
    values = output.astype(numpy.float64).ravel()
    low, high = float(values.min()), float(values.max())  # NaN anywhere makes them NaN
    if not (math.isfinite(low) and math.isfinite(high)):
        values = values[numpy.isfinite(values)]
        if values.size == 0:
            values = numpy.zeros(1)
        low, high = float(values.min()), float(values.max())
    width = max(1.0, abs(low), abs(high))
    if high - low < 1e-6 * width:  # all but equal values: one visible bar, not an error
        pad = max(0.5, 1e-6 * width)  # not lost in rounding on values as large as 1e30
        low, high = low - pad, high + pad
    edges = low + (high - low) * _BIN_FRACTIONS
    edges[-1] = high
    # Equal bins: the bin is arithmetic, and bincount is ten times faster than numpy.histogram.
    bins = numpy.minimum(((values - low) * (HISTOGRAM_BINS / (high - low))).astype(numpy.int64), HISTOGRAM_BINS - 1)
    counts = numpy.bincount(bins, minlength=HISTOGRAM_BINS)
    mean = float(values.sum()) / values.size
    centered = values - mean
    stats = LayerStats(path, kind, mean, math.sqrt(float(centered.dot(centered)) / values.size), counts, edges,
                       function=function)
    if function == "relu":
        stats.dead_share = float(numpy.mean(numpy.all(output <= 0, axis=1)))
    elif function == "tanh":
        stats.saturated_share = float(numpy.count_nonzero(numpy.abs(output) > SATURATION)) / output.size
    elif function == "sigmoid":
        stats.saturated_share = float(numpy.count_nonzero(numpy.abs(output - 0.5) > SATURATION / 2)) / output.size
    return stats
