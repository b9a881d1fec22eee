"""StepTrace: every number of one training step, recorded by the training code itself.

Arrays are NumPy copies laid out as the engine computes them: one column per example
(features × batch), so a Dense layer reads z = Wᵀx + b column by column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy

from playground.engine.layers import without_ones


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
    """One parameter before and after the step, and what the optimizer computed for it on the way,
    in the parameter's shape. The terms, each present when the optimizer's settings use it:

    grad: ∂L/∂θ from backprop, as the optimizer received it. l1, l2: the penalty gradients l1·sign(W)
    and l2·W (weights only). penalized: grad plus those. clipped: which entries clipping by value cut
    (bool). g: the gradient the rule used, after penalties and clipping. velocity: SGD's v ← μv + g.
    direction: Nesterov's g + μv. exp_avg, exp_avg_sq: Adam's m and v; m_hat, v_hat: them divided by
    their bias corrections. square_avg: RMSProp's s; normalized: g/(√s + ε); momentum_buffer: its
    v ← μv + g/(√s + ε). step: what the rule subtracted from θ (after AdamW's decay, if any)."""

    name: str  # the parameter's stable name, as in Network.parameter_names
    before: numpy.ndarray
    after: numpy.ndarray
    terms: dict[str, numpy.ndarray] = field(default_factory=dict)

    @property
    def change(self) -> numpy.ndarray:
        return self.after - self.before


@dataclass
class OptimizerRecord:
    """The numbers of the traced step that every parameter shares."""

    settings: dict[str, Any]  # the optimizer's settings as the step ran, as OptimizerSpec.to_dict() gives them
    t: int  # the step's number as the optimizer counts it, from 1: Adam's bias corrections use it
    # norm and clip_factor (clipping by norm: ‖g‖ over every parameter and clip_norm/(‖g‖ + 1e-6), applied
    # when below 1); bias_correction1 and bias_correction2 (Adam: 1 − β₁ᵗ, 1 − β₂ᵗ); decay (AdamW: 1 − αλ).
    scalars: dict[str, float] = field(default_factory=dict)


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
    optimizer: OptimizerRecord | None = None

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
            layer.path, layer.type, copy(without_ones(x)), copy(without_ones(out)),
            {name: copy(value) for name, value in layer.record_forward().items()}))

    def backward(self, layer: Any, grad_out: Any, grad_in: Any) -> None:
        copy = self.to_numpy
        self.backward_records.append(BackwardRecord(
            layer.path, layer.type, copy(grad_out), None if grad_in is None else copy(grad_in),
            {name: copy(value) for name, value in layer.grads.items()},
            {name: copy(value) for name, value in layer.record_backward().items()}))


class OptimizerRecorder:
    """Copies what Optimizer.step computes as it runs: vectors laid out like theta, the weights' penalty
    terms by parameter name, and the scalars of OptimizerRecord."""

    def __init__(self, to_numpy: Any) -> None:
        self.to_numpy = to_numpy
        self.vectors: dict[str, numpy.ndarray] = {}
        self.weight_terms: dict[str, dict[str, numpy.ndarray]] = {}
        self.scalars: dict[str, float] = {}

    def keep(self, **vectors: Any) -> None:
        for key, vector in vectors.items():
            self.vectors[key] = self.to_numpy(vector)

    def keep_weight_term(self, name: str, key: str, term: Any) -> None:
        self.weight_terms.setdefault(name, {})[key] = self.to_numpy(term)

    def terms(self, name: str, where: slice, shape: tuple[int, ...]) -> dict[str, numpy.ndarray]:
        """Everything kept for one parameter, lying at `where` in theta, in its shape."""
        terms = {key: vector[where].reshape(shape) for key, vector in self.vectors.items()}
        terms.update(self.weight_terms.get(name, {}))
        return terms
