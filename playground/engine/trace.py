"""StepTrace: every number of one training step, recorded by the training code itself.

Arrays are NumPy copies laid out as the engine computes them: one column per example
(features × batch), so a Dense layer reads z = Wᵀx + b column by column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy


@dataclass
class ForwardRecord:
    path: str  # "1", "2", "3.1" for the first layer inside block 3; 1-based as people count
    type: str
    input: numpy.ndarray
    output: numpy.ndarray
    extras: dict[str, numpy.ndarray] = field(default_factory=dict)  # z, a, x̂, mask


@dataclass
class BackwardRecord:
    path: str
    type: str
    grad_output: numpy.ndarray  # ∂L/∂(this layer's output), arriving from above
    grad_input: numpy.ndarray | None  # ∂L/∂(this layer's input), leaving downward
    param_grads: dict[str, numpy.ndarray] = field(default_factory=dict)
    extras: dict[str, numpy.ndarray] = field(default_factory=dict)  # δ = ∂L/∂z


@dataclass
class UpdateRecord:
    name: str  # the parameter's stable name, as in Network.parameter_names
    before: numpy.ndarray
    after: numpy.ndarray

    @property
    def change(self) -> numpy.ndarray:
        return self.after - self.before


@dataclass
class StepTrace:
    forward: list[ForwardRecord]
    loss: float
    loss_name: str
    prediction: numpy.ndarray  # what the output means: values or class probabilities
    target: numpy.ndarray
    loss_grad: numpy.ndarray  # ∂L/∂(network output)
    backward: list[BackwardRecord]  # from the last layer to the first
    updates: list[UpdateRecord] = field(default_factory=list)
    learning_rate: float | None = None
    state_before: dict[str, numpy.ndarray] = field(default_factory=dict)  # Network.state_dict() before the step

    def param_grads(self) -> dict[str, numpy.ndarray]:
        """Every parameter's gradient by its stable name."""
        return {f"{record.path}.{name}": grad for record in self.backward
                for name, grad in record.param_grads.items()}


class Recorder:
    """Copies what each layer computed as the network's own loops run it."""

    def __init__(self, to_numpy: Any) -> None:
        self.to_numpy = to_numpy
        self.forward_records: list[ForwardRecord] = []
        self.backward_records: list[BackwardRecord] = []

    def forward(self, layer: Any, x: Any, out: Any) -> None:
        copy = self.to_numpy
        self.forward_records.append(ForwardRecord(
            layer.path, layer.type, copy(x[:-1]), copy(out[:-1]),
            {name: copy(value) for name, value in layer.record_forward().items()}))

    def backward(self, layer: Any, grad_out: Any, grad_in: Any) -> None:
        copy = self.to_numpy
        self.backward_records.append(BackwardRecord(
            layer.path, layer.type, copy(grad_out), None if grad_in is None else copy(grad_in),
            {name: copy(value) for name, value in layer.grads.items()},
            {name: copy(value) for name, value in layer.record_backward().items()}))
