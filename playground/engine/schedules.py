"""Learning-rate schedules: a pure function of the step number."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from playground.engine.spec_checks import check_fields, choice, real, whole
from playground.errors import SpecError
from playground.words import tr

SCHEDULES = ("constant", "step", "exponential", "cosine")


@dataclass
class ScheduleSpec:
    """lr(t) for optimizer step t = 0, 1, 2, ...

    step: lr·γ^⌊t/step_size⌋; exponential: lr·γ^t; cosine: from lr down to min_lr over
    total_steps, then min_lr. warmup_steps > 0 puts a linear ramp lr·(t+1)/warmup in front,
    and the schedule then starts from its own t = 0.
    """

    kind: str = "constant"
    step_size: int = 100
    gamma: float = 0.5
    total_steps: int = 1000
    min_lr: float = 0.0
    warmup_steps: int = 0

    def check(self) -> None:
        choice(self.kind, SCHEDULES, tr("The learning-rate schedule"))
        whole(self.step_size, _setting("step_size"), minimum=1)
        real(self.gamma, _setting("gamma"), above=0.0)
        whole(self.total_steps, _setting("total_steps"), minimum=1)
        real(self.min_lr, _setting("min_lr"), minimum=0.0)
        whole(self.warmup_steps, _setting("warmup_steps"), minimum=0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> ScheduleSpec:
        if not isinstance(data, dict):
            raise SpecError(tr("The learning-rate schedule must be an object such as {0}.").format(
                '{"kind": "constant"}'))
        check_fields(data, set(cls.__dataclass_fields__), tr("The learning-rate schedule"))
        spec = cls(**data)
        spec.check()
        return spec


def _setting(name: str) -> str:
    """A schedule's setting as messages name it: the setting's name is the file's."""
    return tr("The schedule's {0}").format(name)


def learning_rate_at(schedule: ScheduleSpec, base_lr: float, step: int) -> float:
    warmup = schedule.warmup_steps
    if step < warmup:
        return base_lr * (step + 1) / warmup
    t = step - warmup
    kind = schedule.kind
    if kind == "constant":
        return base_lr
    if kind == "step":
        return base_lr * schedule.gamma ** (t // schedule.step_size)
    if kind == "exponential":
        return base_lr * schedule.gamma**t
    progress = min(t, schedule.total_steps) / schedule.total_steps
    return schedule.min_lr + (base_lr - schedule.min_lr) * (1 + math.cos(math.pi * progress)) / 2
