"""Network: layers built from a NetworkSpec on a backend, and the scripting API.

The public methods take and return NumPy arrays in rows (one example per row), the way
datasets come. Inside, batches are columns (see layers.py); `Batch` holds a batch already
moved to the backend in that layout so a training loop converts once.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy

from playground.engine.backend import get_backend, resolve_dtype
from playground.engine.blocks import BatchNorm, Residual
from playground.engine.image_layers import AvgPool2D, Conv2D, Flatten, GlobalAvgPool, MaxPool2D
from playground.engine.layer_specs import (
    ActivationSpec,
    AvgPool2DSpec,
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    DropoutSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
)
from playground.engine.layers import Activation, Dense, Dropout, Layer, Softmax, without_ones
from playground.engine.losses import make_loss
from playground.engine.memory import check_batch_memory, check_memory
from playground.engine.optimizers import Optimizer
from playground.engine.spec import NetworkSpec
from playground.engine.targets import target_rows
from playground.engine.trace import OptimizerRecord, OptimizerRecorder, Recorder, StepTrace, UpdateRecord
from playground.errors import DataError
from playground.words import listed, tr


@dataclass
class Batch:
    """Examples on the backend in the engine's layout.

    x is (features + 1, n) with a last row of ones and target is (outputs, n), each stored
    as the transpose of a row buffer: gathering examples is then a gather of whole rows,
    and BLAS and the ufuncs read the transposes without a copy.
    """

    x: Any
    target: Any
    size: int


class Network:
    def __init__(self, spec: NetworkSpec, backend: str = "numpy", dtype: str = "float32",
                 seed: int = 0) -> None:
        spec.validate()
        self.dtype_name = dtype
        dtype_type = resolve_dtype(dtype)
        self.backend = get_backend(backend)
        check_memory(spec, dtype, backend=self.backend)
        self.spec = spec
        self.seed = seed
        self.xp = xp = self.backend.xp
        self.dtype = dtype_type
        host_rng = numpy.random.default_rng(seed)
        # The weights come from one seeded generator on the host, so that a seed gives the same network on every
        # backend. NumPy's dropout draws from it too; a GPU's draws on the device, from a generator seeded alike.
        self.rng = host_rng if xp is numpy else self.backend.rng(seed)
        self.layers = self._build(spec.layers, tuple(spec.input_shape), "")
        size = sum(layer.parameter_size for layer in self.layers)
        self.theta = xp.zeros(size, dtype=dtype_type)
        self.grad = xp.zeros(size, dtype=dtype_type)
        offset = 0
        for layer in self.layers:
            end = offset + layer.parameter_size
            layer.bind(self.theta[offset:end], self.grad[offset:end], offset)
            layer.initialize(host_rng)
            offset = end
        self.loss = make_loss(spec.loss, xp, dtype_type, self.backend.number)
        self.output_size = self.layers[-1].output_size
        self._n = 0
        self._segments: tuple[list[str], list[slice]] | None = None

    def _build(self, specs: list, shape: tuple[int, ...], prefix: str) -> list[Layer]:
        """The layers of `specs` on inputs of `shape` (a valid spec's, so every shape fits)."""
        layers: list[Layer] = []
        args = (self.xp, self.dtype)
        for i, spec in enumerate(specs):
            path = f"{prefix}{i + 1}"
            size = math.prod(shape)
            if isinstance(spec, DenseSpec):
                layer: Layer = Dense(*args, size, path, spec)
            elif isinstance(spec, ActivationSpec):
                layer = Softmax(*args, size, path) if spec.type == "softmax" else Activation(*args, size, path, spec)
            elif isinstance(spec, DropoutSpec):
                layer = Dropout(*args, size, path, spec, self.rng)
            elif isinstance(spec, BatchNormSpec):
                layer = BatchNorm(*args, size, path, spec)
            elif isinstance(spec, Conv2DSpec):
                layer = Conv2D(*args, shape, path, spec)
            elif isinstance(spec, MaxPool2DSpec):
                layer = MaxPool2D(*args, shape, path, spec)
            elif isinstance(spec, AvgPool2DSpec):
                layer = AvgPool2D(*args, shape, path, spec)
            elif isinstance(spec, FlattenSpec):
                layer = Flatten(*args, shape, path)
            elif isinstance(spec, GlobalAvgPoolSpec):
                layer = GlobalAvgPool(*args, shape, path)
            else:
                layer = Residual(*args, size, path, self._build(spec.layers, shape, f"{path}."))
            layers.append(layer)
            shape = spec.output_shape(shape)
        return layers

    def all_layers(self) -> Iterator[Layer]:
        """Every layer, blocks before the layers inside them, in order."""
        for layer in self.layers:
            yield layer
            if isinstance(layer, Residual):
                found: list[Layer] = []
                layer.walk(found.append)
                yield from found

    # Parameters by stable name: "<layer path>.<name>", such as "1.W" or "3.2.b".

    def parameters(self) -> dict[str, Any]:
        """Live views of every parameter on the backend; writing to them changes the network."""
        return {f"{layer.path}.{name}": value for layer in self.all_layers()
                for name, value in layer.params.items()}

    @property
    def parameter_names(self) -> list[str]:
        return list(self.parameters())

    def get(self, name: str) -> numpy.ndarray:
        return self.backend.to_numpy(self._lookup(name))

    def set(self, name: str, value: Any) -> None:
        view = self._lookup(name)
        value = numpy.asarray(value)
        if value.shape != view.shape:
            raise DataError(tr("Parameter {0} has shape {1}; the new value has {2}.").format(name, view.shape,
                                                                                            value.shape))
        view[...] = self.xp.asarray(value, dtype=self.dtype)

    def _lookup(self, name: str) -> Any:
        params = self.parameters()
        if name not in params:
            raise DataError(tr("There is no parameter {0!r}: the names are {1}.").format(name, listed(params)))
        return params[name]

    def parameter_slices(self) -> dict[str, slice]:
        """Where each parameter lies in the flat vectors theta and grad, as bind() recorded it."""
        return {f"{layer.path}.{name}": where for layer in self.all_layers() for name, where in layer.slices.items()}

    def parameter_norms(self, vector: Any) -> dict[str, float]:
        """The Euclidean norm of each parameter's part of a vector laid out like theta (theta, grad,
        an update), by name, in float64. On NumPy one reduction covers them all: snapshots ask for
        these, and a call per parameter shows on tiny networks."""
        if self._segments is None:
            slices = self.parameter_slices()  # in theta's order: the layers are bound one after another
            self._segments = list(slices), list(slices.values())
        names, slices = self._segments
        xp = self.xp
        wide = vector.astype(xp.float64)
        if xp is numpy and all(where.stop > where.start for where in slices):  # reduceat needs no empty part
            return dict(zip(names, numpy.sqrt(numpy.add.reduceat(wide * wide, [s.start for s in slices])).tolist()))
        # On a device, every norm is worked out there and all of them read in one transfer.
        squares = xp.stack([xp.vdot(wide[where], wide[where]) for where in slices])
        return dict(zip(names, self.backend.to_host(xp.sqrt(squares)).tolist()))

    def weight_views(self) -> list[tuple[str, Any, Any]]:
        """(name, W, ∂L/∂W) of every Dense layer and (name, K, ∂L/∂K) of every Conv2D layer: what the
        L1 and L2 penalties apply to (not the biases)."""
        return [(f"{layer.path}.{name}", layer.params[name], layer.grads[name]) for layer in self.all_layers()
                for name in {Dense: ("W",), Conv2D: ("K",)}.get(type(layer), ())]

    def state_dict(self) -> dict[str, numpy.ndarray]:
        """Parameters and running statistics as NumPy copies, by stable name."""
        state = {name: self.backend.to_numpy(v) for name, v in self.parameters().items()}
        for layer in self.all_layers():
            state.update({f"{layer.path}.{k}": self.backend.to_numpy(v) for k, v in layer.state.items()})
        return state

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for layer in self.all_layers():
            for key, view in [*layer.params.items(), *layer.state.items()]:
                name = f"{layer.path}.{key}"
                if name not in state:
                    raise DataError(tr("The saved weights have no {0}: they belong to another network.").format(name))
                value = numpy.asarray(state[name])
                if value.shape != view.shape:
                    raise DataError(tr("The saved {0} has shape {1}, but this network's has {2}: they belong to "
                                       "another network.").format(name, value.shape, view.shape))
        for layer in self.all_layers():
            for key, view in [*layer.params.items(), *layer.state.items()]:
                view[...] = self.xp.asarray(state[f"{layer.path}.{key}"], dtype=self.dtype)

    def with_own_buffers(self) -> Network:
        """A network on these very parameters and running statistics, with buffers of its own:
        for evaluating batches of other sizes without reallocating this one's. Forward only."""
        twin = copy.copy(self)
        twin.layers = self._build(self.spec.layers, tuple(self.spec.input_shape), "")
        offset = 0
        for layer in twin.layers:
            end = offset + layer.parameter_size
            layer.bind(self.theta[offset:end], self.grad[offset:end], offset)
            offset = end
        for mine, theirs in zip(self.all_layers(), twin.all_layers()):
            theirs.state = mine.state
        twin.loss = make_loss(self.spec.loss, self.xp, self.dtype, self.backend.number)
        twin._n = 0
        return twin

    def copy(self, backend: str | None = None, dtype: str | None = None) -> Network:
        twin = Network(self.spec, backend or self.backend.name, dtype or self.dtype_name, self.seed)
        twin.load_state_dict(self.state_dict())
        return twin

    # Batches.

    def make_batch(self, x: Any, y: Any) -> Batch:
        """Move inputs (n, *input_shape) and targets to the backend as columns."""
        columns = self._input_columns(x)
        target = target_rows(self.spec.loss, y, columns.shape[1], self.output_size, self.dtype)
        return Batch(columns, self.xp.asarray(target).T, columns.shape[1])

    def _input_columns(self, x: Any) -> Any:
        x = numpy.asarray(x)
        features = self.spec.input_size
        if x.ndim < 1 or x.shape[0] == 0 or x[0].size != features:
            shape = ", ".join(str(d) for d in self.spec.input_shape)
            raise DataError(tr("The inputs have shape {0}, but the network takes {1} features per example: give an "
                               "array of shape (n, {2}).").format(x.shape, features, shape))
        rows = numpy.empty((x.shape[0], features + 1), dtype=self.dtype)
        rows[:, :features] = x.reshape(x.shape[0], features)
        rows[:, features] = 1
        return self.xp.asarray(rows).T

    def gather(self, data: Batch, indices: Any, out: Batch | None = None) -> Batch:
        """The examples `indices` of a prepared dataset, written into `out` when it fits."""
        xp, n = self.xp, len(indices)
        if out is None or out.size != n:
            rows = xp.empty((n, data.x.shape[0]), self.dtype)
            out = Batch(rows.T, xp.empty((n, data.target.shape[0]), self.dtype).T, n)
        indices = xp.asarray(indices)
        xp.take(data.x.T, indices, axis=0, out=out.x.T)
        xp.take(data.target.T, indices, axis=0, out=out.target.T)
        return out

    def _prepare(self, n: int) -> None:
        if n != self._n:
            check_batch_memory(self.spec, self.dtype_name, n, self.backend)
            for layer in self.layers:
                layer.prepare(n)
            self.loss.prepare(self.output_size, n)
            self._n = n

    # The step, in parts: forward, loss and backward, then the optimizer.

    def _forward(self, x: Any, training: bool, recorder: Recorder | None = None) -> Any:
        self._prepare(x.shape[1])
        h = x
        for layer in self.layers:
            out = layer.forward(h, training)
            if recorder is not None:
                recorder.forward(layer, h, out)
            h = out
        return h

    def _backward(self, grad: Any, need_input_grad: bool, recorder: Recorder | None = None) -> Any:
        layers = self.layers
        for i in range(len(layers) - 1, -1, -1):
            layer = layers[i]
            grad_in = layer.backward(grad, need_input_grad or i > 0)
            if recorder is not None:
                recorder.backward(layer, grad, grad_in)
            grad = grad_in
        return grad

    def forward_backward(self, batch: Batch, training: bool = True) -> Any:
        """Loss of the batch as the backend keeps it (Backend.number: on a GPU read it with Backend.scalars);
        leaves every parameter's gradient in self.grad. No update."""
        out = self._forward(batch.x, training)
        loss = self.loss.forward_backward(without_ones(out), batch.target)
        self._backward(self.loss.grad, False)
        return loss

    def train_batch(self, batch: Batch, optimizer: Optimizer) -> Any:
        """One training step on a prepared batch; returns the loss before the update, as forward_backward."""
        loss = self.forward_backward(batch, True)
        optimizer.step()
        return loss

    # The scripting API on NumPy rows.

    def forward(self, x: Any, training: bool = False) -> numpy.ndarray:
        """Raw outputs (logits for classification), one row per example."""
        return self.backend.to_numpy(without_ones(self._forward(self._input_columns(x), training))).T

    def predict(self, x: Any) -> numpy.ndarray:
        """Values, or class probabilities for classification, one row per example."""
        out = without_ones(self._forward(self._input_columns(x), False))
        return self.backend.to_numpy(self.loss.predict(out)).T

    def evaluate(self, x: Any, y: Any) -> float:
        return self.evaluate_batch(self.make_batch(x, y))[0]

    def loss_and_gradients(self, x: Any, y: Any, training: bool = True) -> tuple[float, dict[str, numpy.ndarray]]:
        """The loss and every parameter's gradient by stable name, without updating."""
        loss = self.backend.scalars(self.forward_backward(self.make_batch(x, y), training))[0]
        return loss, {f"{layer.path}.{name}": self.backend.to_numpy(g)
                      for layer in self.all_layers() for name, g in layer.grads.items()}

    def input_gradient(self, x: Any, y: Any, training: bool = True) -> numpy.ndarray:
        """∂L/∂x for every input, one row per example."""
        batch = self.make_batch(x, y)
        out = self._forward(batch.x, training)
        self.loss.forward_backward(without_ones(out), batch.target)
        return self.backend.to_numpy(self._backward(self.loss.grad, True)).T

    def train_step(self, x: Any, y: Any, optimizer: Optimizer) -> float:
        return self.backend.scalars(self.train_batch(self.make_batch(x, y), optimizer))[0]

    def evaluate_batch(self, batch: Batch, recorder: Recorder | None = None) -> tuple[float, numpy.ndarray]:
        """The loss (evaluation mode, no update) and what the outputs mean, one row per example;
        a recorder keeps each top-level layer's output."""
        out = without_ones(self._forward(batch.x, False, recorder))
        loss = self.loss.forward_backward(out, batch.target)
        return self.backend.scalars(loss)[0], self.backend.to_numpy(self.loss.predict(out)).T

    def predict_batch(self, batch: Batch, recorder: Recorder | None = None) -> numpy.ndarray:
        """evaluate_batch's predictions alone, for batches whose targets mean nothing (a grid)."""
        return self.backend.to_numpy(self.loss.predict(without_ones(self._forward(batch.x, False, recorder)))).T

    def trace_step(self, x: Any, y: Any, optimizer: Optimizer | None = None) -> StepTrace:
        """Run one step (update included when an optimizer is given) and record all of it."""
        return self.trace_batch(self.make_batch(x, y), optimizer)

    def trace_batch(self, batch: Batch, optimizer: Optimizer | None = None) -> StepTrace:
        """trace_step on a prepared batch."""
        recorder = Recorder(self.backend.to_numpy)
        before = self.state_dict()
        containers = [layer for layer in self.all_layers() if isinstance(layer, Residual)]
        for block in containers:
            block.recorder = recorder
        try:
            out = self._forward(batch.x, True, recorder)
            loss = self.backend.scalars(self.loss.forward_backward(without_ones(out), batch.target))[0]
            to_numpy = self.backend.to_numpy
            trace = StepTrace(recorder.forward_records, loss, self.loss.name,
                              to_numpy(self.loss.predict(without_ones(out))), to_numpy(batch.target),
                              to_numpy(self.loss.grad), [])
            self._backward(self.loss.grad, True, recorder)
        finally:
            for block in containers:
                block.recorder = None
        trace.backward = recorder.backward_records
        trace.state_before = before
        if optimizer is not None:
            trace.learning_rate = optimizer.learning_rate
            kept = OptimizerRecorder(self.backend.to_numpy)
            optimizer.step(kept)
            trace.optimizer = OptimizerRecord(optimizer.spec.to_dict(), optimizer.step_count, kept.scalars)
            after, slices = self.state_dict(), self.parameter_slices()
            trace.updates = [UpdateRecord(name, before[name], after[name], kept.terms(name, slices[name], view.shape))
                             for name, view in self.parameters().items()]
        return trace
