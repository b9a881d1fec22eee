"""Optimizers over the network's flat parameter vector, with their state kept here.

One step: add the L1/L2 penalty gradients of the weights, clip, then update every
parameter at once with a handful of whole-vector operations. The penalty and the clipping work on a
vector of the optimizer's own: network.grad stays ∂L/∂θ as backprop computed it, the gradient the
views show. Given an OptimizerRecorder, a step also keeps a copy of each number it computes on the
way, for the stepper; training passes none.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from playground.engine.schedules import ScheduleSpec, learning_rate_at
from playground.engine.spec_checks import check_fields, choice, real
from playground.engine.trace import OptimizerRecorder
from playground.errors import SpecError
from playground.words import term, tr

OPTIMIZERS = ("sgd", "adam", "adamw", "rmsprop")
ADAMW_WEIGHT_DECAY = 0.01  # torch.optim.AdamW's default


# The smallest eps that float32 holds as a normal number, rounded up: a smaller one becomes 0 there, and
# a parameter whose gradient is 0 then takes the update 0 / 0, not a number.
MIN_EPS = 1e-30
# The bounds of the settings that messages name as a file does: identifiers, not words to translate.
NAMED_BOUNDS = {"beta1": {"minimum": 0.0, "below": 1.0}, "beta2": {"minimum": 0.0, "below": 1.0},
                "eps": {"minimum": MIN_EPS}, "alpha": {"minimum": 0.0, "below": 1.0}}


@dataclass
class OptimizerSpec:
    kind: str = "sgd"
    learning_rate: float = 0.03
    momentum: float = 0.0  # SGD and RMSProp
    nesterov: bool = False
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    alpha: float = 0.99  # RMSProp's smoothing of the squared gradient
    weight_decay: float = 0.0  # AdamW's decoupled decay
    l1: float = 0.0  # penalty l1·Σ|W| on the weights (not biases)
    l2: float = 0.0  # penalty (l2/2)·ΣW² on the weights (not biases)
    clip_norm: float | None = None
    clip_value: float | None = None
    schedule: ScheduleSpec = field(default_factory=ScheduleSpec)

    def check(self) -> None:
        choice(self.kind, OPTIMIZERS, tr("The optimizer"))
        real(self.learning_rate, tr("The learning rate"), above=0.0)
        real(self.momentum, tr("The momentum"), minimum=0.0, below=1.0)
        if not isinstance(self.nesterov, bool):
            raise SpecError(tr("nesterov must be true or false."))
        if self.nesterov and (self.kind != "sgd" or self.momentum == 0):
            raise SpecError(tr("Nesterov momentum needs SGD with momentum above 0: set momentum, or turn nesterov "
                               "off."))
        for name, bounds in NAMED_BOUNDS.items():
            real(getattr(self, name), name, **bounds)
        real(self.weight_decay, tr("The weight decay"), minimum=0.0)
        if self.weight_decay and self.kind != "adamw":
            raise SpecError(tr("Weight decay applies to AdamW only, and {0} would ignore it: choose AdamW, or use an "
                               "L2 penalty instead.").format(term(self.kind)))
        real(self.l1, tr("The L1 penalty"), minimum=0.0)
        real(self.l2, tr("The L2 penalty"), minimum=0.0)
        for name in ("clip_norm", "clip_value"):
            value = getattr(self, name)
            if value is not None:
                real(value, name, above=0.0)
        self.schedule.check()

    def with_kind(self, kind: str) -> OptimizerSpec:
        """A copy for another optimizer, without the settings only this one has (Nesterov is SGD's,
        weight decay AdamW's): switching optimizers keeps the rest. Switching to AdamW starts its decay
        at PyTorch's default."""
        spec = copy.deepcopy(self)
        spec.kind = kind
        spec.nesterov = self.nesterov and kind == "sgd"
        if kind != "adamw":
            spec.weight_decay = 0.0
        elif self.kind != "adamw":
            spec.weight_decay = ADAMW_WEIGHT_DECAY  # with none, AdamW would be Adam under another name
        return spec

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["schedule"] = self.schedule.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> OptimizerSpec:
        if not isinstance(data, dict):
            raise SpecError(tr("The optimizer settings must be an object such as {0}.").format('{"kind": "sgd"}'))
        check_fields(data, set(cls.__dataclass_fields__), tr("The optimizer settings"))
        values = dict(data)
        values["schedule"] = ScheduleSpec.from_dict(values.get("schedule", {}))
        spec = cls(**values)
        spec.check()
        return spec


class Optimizer:
    """Updates network.theta from network.grad, which it leaves as it is; call after the network's backward."""

    def __init__(self, network: Any, spec: OptimizerSpec | None = None) -> None:
        spec = spec or OptimizerSpec()
        spec.check()
        self.spec = spec
        self.network = network
        self.xp = network.xp
        self.step_count = 0
        self.schedule_start = 0  # the step the schedule counts from: a schedule chosen later starts then
        theta = network.theta
        self._scratch = self.xp.empty_like(theta)
        self.state: dict[str, Any] = {}
        if spec.kind == "sgd" and spec.momentum > 0:
            self.state["velocity"] = self.xp.zeros_like(theta)
        if spec.kind in ("adam", "adamw"):
            self.state["exp_avg"] = self.xp.zeros_like(theta)
            self.state["exp_avg_sq"] = self.xp.zeros_like(theta)
        if spec.kind == "rmsprop":
            self.state["square_avg"] = self.xp.zeros_like(theta)
            if spec.momentum > 0:
                self.state["momentum_buffer"] = self.xp.zeros_like(theta)
        self._weights = network.weight_views()
        # The gradient the rule uses when the penalty or clipping changes it, made at the first such step.
        self._adjusted: Any = None
        self._adjusted_weights: list[Any] = []  # its views of the weights' gradients

    @property
    def learning_rate(self) -> float:
        """The rate the next step will use, after the schedule."""
        return learning_rate_at(self.spec.schedule, self.spec.learning_rate, self.step_count - self.schedule_start)

    @property
    def last_step(self) -> Any:
        """What the last step subtracted from theta, as its rule worked it out (every rule leaves that in its
        scratch vector, until the next step): θ after = θ before · (1 − last_decay) − last_step."""
        return self._scratch

    @property
    def last_decay(self) -> float:
        """AdamW's decoupled decay of the last step, lr·λ at that step's learning rate; 0 for the other rules."""
        if self.spec.kind != "adamw" or self.step_count == 0:
            return 0.0
        rate = learning_rate_at(self.spec.schedule, self.spec.learning_rate, self.step_count - 1 - self.schedule_start)
        return rate * self.spec.weight_decay

    def set_learning_rate(self, value: float) -> None:
        real(value, tr("The learning rate"), above=0.0)
        self.spec.learning_rate = float(value)

    def penalty(self) -> float:
        """The regularization term added to the loss: l1·Σ|W| + (l2/2)·ΣW², its sums read in one transfer."""
        spec, xp = self.spec, self.xp
        coefficients, sums = [], []
        for _, weight, _ in self._weights:
            if spec.l1:
                coefficients.append(spec.l1)
                sums.append(xp.abs(weight).sum())
            if spec.l2:
                coefficients.append(0.5 * spec.l2)
                sums.append(xp.vdot(weight, weight))
        return sum((c * value for c, value in zip(coefficients, self.network.backend.scalars(*sums))), 0.0)

    def step(self, recorder: OptimizerRecorder | None = None) -> None:
        """Update theta from grad; a recorder keeps every intermediate (see UpdateRecord.terms)."""
        spec = self.spec
        theta, grad, scratch = self.network.theta, self.network.grad, self._scratch
        lr = self.learning_rate
        if recorder is not None:
            recorder.keep(grad=grad)
        if spec.l1 or spec.l2 or spec.clip_norm is not None or spec.clip_value is not None:
            grad = self._adjusted_gradient(grad, recorder)
        if recorder is not None:
            recorder.keep(g=grad)
        self.step_count += 1
        getattr(self, f"_{spec.kind}")(theta, grad, scratch, lr, recorder)
        if recorder is not None:
            recorder.keep(step=scratch)  # every rule leaves in scratch what it subtracted from theta

    def _adjusted_gradient(self, grad: Any, recorder: OptimizerRecorder | None) -> Any:
        """The gradient with the weights' penalty terms added, then clipped, in a vector of the optimizer's own:
        network.grad stays ∂L/∂θ as backprop computed it, which the views show (PyTorch's clip_grad_norm_ gives
        the norm before clipping for the same reason). With a penalty it starts as a copy of backprop's gradient
        (one call: on a device or a small network cheaper than copying the biases it spares one by one); clipping
        alone writes it from backprop's."""
        spec, xp = self.spec, self.xp
        if self._adjusted is None:
            self._adjusted = adjusted = xp.empty_like(grad)
            where = self.network.parameter_slices()
            self._adjusted_weights = [adjusted[where[name]].reshape(weight.shape) for name, weight, _ in self._weights]
        adjusted = self._adjusted
        if spec.l1 or spec.l2:
            adjusted[...] = grad
            for (name, weight, _), penalized in zip(self._weights, self._adjusted_weights):
                if spec.l1:
                    term = spec.l1 * xp.sign(weight)
                    penalized += term
                    if recorder is not None:
                        recorder.keep_weight_term(name, "l1", term)
                if spec.l2:
                    term = spec.l2 * weight
                    penalized += term
                    if recorder is not None:
                        recorder.keep_weight_term(name, "l2", term)
            if recorder is not None:
                recorder.keep(penalized=adjusted)
            grad = adjusted
        if spec.clip_norm is not None:
            # Worked out on the backend, read by no one but a recorder: scaling by min(factor, 1) rather than
            # asking whether to scale spares a GPU the wait for the norm.
            norm = xp.sqrt(xp.vdot(grad, grad))
            coefficient = spec.clip_norm / (norm + 1e-6)
            xp.multiply(grad, xp.minimum(coefficient, 1.0), out=adjusted)
            if recorder is not None:
                norm, coefficient = self.network.backend.scalars(norm, coefficient)
                recorder.scalars.update(norm=norm, clip_factor=coefficient)
            grad = adjusted
        if spec.clip_value is not None:
            if recorder is not None:
                recorder.keep(clipped=xp.abs(grad) > spec.clip_value)
            xp.clip(grad, -spec.clip_value, spec.clip_value, out=adjusted)
        return adjusted

    def _sgd(self, theta, grad, scratch, lr, recorder):
        spec, xp = self.spec, self.xp
        if spec.momentum > 0:
            velocity = self.state["velocity"]
            xp.multiply(velocity, spec.momentum, out=velocity)
            xp.add(velocity, grad, out=velocity)  # v ← μv + g
            if recorder is not None:
                recorder.keep(velocity=velocity)
            if spec.nesterov:
                xp.multiply(velocity, spec.momentum, out=scratch)
                xp.add(scratch, grad, out=scratch)  # step along g + μv
                if recorder is not None:
                    recorder.keep(direction=scratch)
                grad = scratch
            else:
                grad = velocity
        xp.multiply(grad, lr, out=scratch)
        xp.subtract(theta, scratch, out=theta)

    def _adam(self, theta, grad, scratch, lr, recorder):
        spec, xp = self.spec, self.xp
        m, v = self.state["exp_avg"], self.state["exp_avg_sq"]
        if spec.kind == "adamw" and spec.weight_decay:
            xp.multiply(theta, 1 - lr * spec.weight_decay, out=theta)
            if recorder is not None:
                recorder.scalars["decay"] = 1 - lr * spec.weight_decay
        xp.subtract(grad, m, out=scratch)  # m ← m + (1 − β₁)(g − m), as torch's lerp
        xp.multiply(scratch, 1 - spec.beta1, out=scratch)
        xp.add(m, scratch, out=m)
        xp.multiply(v, spec.beta2, out=v)
        xp.multiply(grad, grad, out=scratch)
        xp.multiply(scratch, 1 - spec.beta2, out=scratch)
        xp.add(v, scratch, out=v)
        t = self.step_count
        step_size = lr / (1 - spec.beta1**t)
        root_correction = math.sqrt(1 - spec.beta2**t)
        if recorder is not None:
            corrections = {"bias_correction1": 1 - spec.beta1**t, "bias_correction2": 1 - spec.beta2**t}
            recorder.scalars.update(corrections)
            recorder.keep(exp_avg=m, exp_avg_sq=v, m_hat=m / corrections["bias_correction1"],
                          v_hat=v / corrections["bias_correction2"])
        if step_size == 0:  # a schedule that has reached a learning rate of 0
            scratch.fill(0)  # nothing subtracted, as a recorder reads it
            return
        # θ ← θ − step·m / (√v / √(1 − β₂ᵗ) + ε), with the step folded into the denominator
        # to save a pass over the parameters.
        xp.sqrt(v, out=scratch)
        xp.multiply(scratch, 1 / (root_correction * step_size), out=scratch)
        xp.add(scratch, spec.eps / step_size, out=scratch)
        xp.divide(m, scratch, out=scratch)
        xp.subtract(theta, scratch, out=theta)

    _adamw = _adam

    def _rmsprop(self, theta, grad, scratch, lr, recorder):
        spec, xp = self.spec, self.xp
        square_avg = self.state["square_avg"]
        xp.multiply(square_avg, spec.alpha, out=square_avg)
        xp.multiply(grad, grad, out=scratch)
        xp.multiply(scratch, 1 - spec.alpha, out=scratch)
        xp.add(square_avg, scratch, out=square_avg)
        xp.sqrt(square_avg, out=scratch)
        xp.add(scratch, spec.eps, out=scratch)
        xp.divide(grad, scratch, out=scratch)  # g / (√s + ε)
        if recorder is not None:
            recorder.keep(square_avg=square_avg, normalized=scratch)
        if spec.momentum > 0:
            buffer = self.state["momentum_buffer"]
            xp.multiply(buffer, spec.momentum, out=buffer)
            xp.add(buffer, scratch, out=buffer)
            if recorder is not None:
                recorder.keep(momentum_buffer=buffer)
            xp.multiply(buffer, lr, out=scratch)
        else:
            xp.multiply(scratch, lr, out=scratch)
        xp.subtract(theta, scratch, out=theta)
