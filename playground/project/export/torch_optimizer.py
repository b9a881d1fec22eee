"""The optimizer for the PyTorch export: code that builds the same torch.optim optimizer, and its
state (momentum, moment estimates, step count) cut from our flat vectors into torch's per-parameter
tensors, so that training goes on in PyTorch exactly where it stopped here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy

from playground.engine import Network, NetworkSpec, OptimizerSpec, learning_rate_at
from playground.project.bpp import Project

# Our state arrays by torch's names for them.
TORCH_STATE = {"velocity": "momentum_buffer", "exp_avg": "exp_avg", "exp_avg_sq": "exp_avg_sq",
               "square_avg": "square_avg", "momentum_buffer": "momentum_buffer"}


@dataclass
class TrainedOptimizer:
    spec: OptimizerSpec
    steps: int  # optimizer steps taken
    schedule_start: int
    state: dict[str, numpy.ndarray]  # flat, laid out like the network's theta

    @property
    def learning_rate(self) -> float:
        """The rate its next step would use, after the schedule."""
        return learning_rate_at(self.spec.schedule, self.spec.learning_rate, self.steps - self.schedule_start)


def project_optimizer(project: Project) -> TrainedOptimizer | None:
    """The optimizer of a trained project, as saved; None before the first step."""
    progress = project.progress
    if not progress or not progress.get("optimizer_steps"):
        return None
    state = {k.removeprefix("optimizer/"): v for k, v in project.arrays.items() if k.startswith("optimizer/")}
    return TrainedOptimizer(project.optimizer, int(progress["optimizer_steps"]),
                            int(progress.get("schedule_start", 0)), state)


def torch_optimizer_args(optimizer: TrainedOptimizer) -> tuple[str, dict[str, Any]]:
    """torch.optim's class name and its keyword arguments, with the learning rate in effect now."""
    spec, lr = optimizer.spec, optimizer.learning_rate
    if spec.kind == "sgd":
        return "SGD", {"lr": lr, "momentum": spec.momentum, "nesterov": spec.nesterov}
    if spec.kind == "rmsprop":
        return "RMSprop", {"lr": lr, "alpha": spec.alpha, "eps": spec.eps, "momentum": spec.momentum}
    arguments = {"lr": lr, "betas": (spec.beta1, spec.beta2), "eps": spec.eps}
    if spec.kind == "adamw":
        return "AdamW", {**arguments, "weight_decay": spec.weight_decay}
    return "Adam", arguments


def torch_optimizer_code(optimizer: TrainedOptimizer) -> str:
    name, arguments = torch_optimizer_args(optimizer)
    return f"torch.optim.{name}(model.parameters(), {', '.join(f'{k}={v!r}' for k, v in arguments.items())})"


def not_carried(spec: OptimizerSpec) -> list[str]:
    """What of the app's training torch's optimizer does not do, in words for the exported file."""
    notes = []
    if spec.l1 or spec.l2:
        notes.append(f"the app added L1 {spec.l1:g} / L2 {spec.l2:g} penalties on the weights (not the biases) "
                     "to the gradient: add them to the loss")
    if spec.clip_norm is not None:
        notes.append(f"it clipped the gradient's global norm at {spec.clip_norm:g}: call "
                     f"torch.nn.utils.clip_grad_norm_(model.parameters(), {spec.clip_norm:g}) before step()")
    if spec.clip_value is not None:
        notes.append(f"it clipped every gradient value to ±{spec.clip_value:g}: call "
                     f"torch.nn.utils.clip_grad_value_(model.parameters(), {spec.clip_value:g}) before step()")
    if spec.schedule.kind != "constant" or spec.schedule.warmup_steps:
        notes.append(f"its {spec.schedule.kind} learning-rate schedule is not carried over: the rate is the one "
                     "in effect when it was exported")
    return notes


def torch_optimizer_state(torch: Any, network: NetworkSpec, optimizer: TrainedOptimizer,
                          parameters: list[tuple[str, tuple[int, ...] | None]]) -> dict[str, Any]:
    """torch.optim's state_dict for `parameters`: (our name, how torch orders its axes, if otherwise) in
    model.parameters() order."""
    layout = Network(network, seed=0)  # where each parameter lies in the flat vectors, and its shape
    slices = layout.parameter_slices()
    shapes = {name: tuple(value.shape) for name, value in layout.parameters().items()}
    state: dict[int, dict[str, Any]] = {}
    for index, (name, axes) in enumerate(parameters):
        tensors: dict[str, Any] = {}
        for ours, theirs in TORCH_STATE.items():
            if ours in optimizer.state:
                value = numpy.asarray(optimizer.state[ours])[slices[name]].reshape(shapes[name])
                tensors[theirs] = torch.tensor(numpy.array(value if axes is None else value.transpose(axes),
                                                           dtype=numpy.float32))
        if optimizer.spec.kind != "sgd":
            tensors["step"] = torch.tensor(float(optimizer.steps))
        state[index] = tensors
    # Torch's own optimizer writes its param_groups, with every key its version expects.
    name, arguments = torch_optimizer_args(optimizer)
    placeholders = [torch.nn.Parameter(torch.zeros(1)) for _ in parameters]
    groups = getattr(torch.optim, name)(placeholders, **arguments).state_dict()["param_groups"]
    return {"state": state, "param_groups": groups}
