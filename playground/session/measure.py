"""Measuring a network for snapshots: losses and accuracy on fixed samples, layer statistics,
the output over a grid of the input plane, and for small networks each unit over that grid
and the Dense weights. A mixin of Session."""

from __future__ import annotations

from typing import Any

import numpy

from playground.data import expand_features
from playground.engine import Network
from playground.engine.trace import Recorder
from playground.session.metrics import activation_stats, predicted_classes, true_classes

GRID_RESOLUTION = 50
GRID_EXTENT = (-6.0, 6.0)
NEURON_GRID_UNITS = 64  # draw every unit over the grid only for networks this small


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


class Measurements:
    network: Network
    dataset: Any
    _evaluators: dict[int, Network]
    _functions: dict[str, str]
    _update_ratios: dict[str, float]
    _grid: Any

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
            self._evaluators[size] = self.network.twin()
        return self._evaluators[size]

    def _measure(self, batch, details: bool):
        """Loss, class predictions and (with details) each top-level layer's output on a batch."""
        net = self._evaluator(batch.size)
        recorder = Recorder(net.backend.to_numpy) if details else None
        loss, predicted = net.evaluate_batch(batch, recorder)
        return loss, predicted, recorder

    def _accuracy(self, predictions, targets) -> float | None:
        task = self.dataset.task
        if task == "regression":
            return None
        return float(numpy.mean(predicted_classes(task, predictions) == true_classes(task, targets)))

    def _layer_stats(self, recorder: Recorder) -> list:
        net = self.network
        grads = {name: float(net.xp.linalg.norm(net.grad[where])) for name, where in net.parameter_slices().items()}
        stats = []
        for record in recorder.forward_records:
            layer_stats = activation_stats(record.path, record.type, self._functions[record.path], record.output)
            for name in grads:
                owner, _, param = name.rpartition(".")
                if owner == record.path:
                    layer_stats.grad_norms[param] = grads[name]
                    if name in self._update_ratios:
                        layer_stats.update_ratios[param] = self._update_ratios[name]
            stats.append(layer_stats)
        return stats

    def _boundary(self):
        small = draws_units([layer.output_size for layer in self.network.layers])
        _, predicted, recorder = self._measure(self._grid, small)
        dimensions = self.dataset.points_train.shape[1]
        shape = (GRID_RESOLUTION, GRID_RESOLUTION) if dimensions == 2 else (GRID_RESOLUTION,)
        boundary = predicted[:, 0].reshape(shape) if predicted.shape[1] == 1 else predicted.max(axis=1).reshape(shape)
        grids = {}
        if small:
            for record in recorder.forward_records:
                grids[record.path] = record.output.reshape(-1, *shape)
        return boundary, grids

    def _dense_weights(self) -> tuple[dict[str, numpy.ndarray], dict[str, numpy.ndarray]]:
        """Each top-level Dense layer's W and its current gradient, as host copies, for networks
        small enough to draw every weight; empty for the rest."""
        net = self.network
        if not draws_units([layer.output_size for layer in net.layers]):
            return {}, {}
        dense = [layer for layer in net.layers if layer.type == "dense"]
        copy = net.backend.to_numpy
        return ({layer.path: copy(layer.params["W"]) for layer in dense},
                {layer.path: copy(layer.grads["W"]) for layer in dense})
