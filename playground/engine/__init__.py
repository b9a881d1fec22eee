"""The engine: hand-written forward and backward passes on NumPy or CuPy. No Qt here.

    from playground.engine import Network, NetworkSpec, DenseSpec, Optimizer, OptimizerSpec
    spec = NetworkSpec((2,), [DenseSpec(4, "tanh"), DenseSpec(1)], loss="mse")
    net = Network(spec, backend="numpy", dtype="float32", seed=42)
    opt = Optimizer(net, OptimizerSpec("sgd", learning_rate=0.03))
    loss = net.train_step(x, y, opt)
"""

from playground.engine.backend import (
    BACKEND_CHOICES,
    GPU_MIN_MULTIPLY_ADDS,
    Backend,
    backend_availability,
    choose_backend,
    get_backend,
)
from playground.engine.gradcheck import GradCheckReport, gradient_check, random_batch
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
    ResidualSpec,
)
from playground.engine.network import Batch, Network
from playground.engine.optimizers import OPTIMIZERS, Optimizer, OptimizerSpec
from playground.engine.schedules import SCHEDULES, ScheduleSpec, learning_rate_at
from playground.engine.spec import LayerInfo, NetworkSpec, starts_on_images
from playground.engine.trace import StepTrace

__all__ = [
    "BACKEND_CHOICES",
    "OPTIMIZERS",
    "SCHEDULES",
    "ActivationSpec",
    "AvgPool2DSpec",
    "Backend",
    "Batch",
    "BatchNormSpec",
    "Conv2DSpec",
    "DenseSpec",
    "DropoutSpec",
    "FlattenSpec",
    "GlobalAvgPoolSpec",
    "GradCheckReport",
    "LayerInfo",
    "MaxPool2DSpec",
    "Network",
    "NetworkSpec",
    "Optimizer",
    "OptimizerSpec",
    "ResidualSpec",
    "ScheduleSpec",
    "StepTrace",
    "backend_availability",
    "choose_backend",
    "GPU_MIN_MULTIPLY_ADDS",
    "get_backend",
    "gradient_check",
    "learning_rate_at",
    "random_batch",
    "starts_on_images",
]
