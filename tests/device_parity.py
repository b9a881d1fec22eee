"""The engine and the session on a device backend against NumPy: the same numbers from the same seeds.

Shared by the strict double of CuPy (tests/strict_cupy, on every machine) and real CuPy (tests/gpu, on a
machine with a GPU). NumPy's own numbers are checked against finite differences and PyTorch elsewhere
(tests/engine), so agreeing with NumPy is agreeing with them. Dropout draws its masks on the device from
a generator of its own, so the comparisons that train leave it out.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

import numpy

from playground.engine import (
    ActivationSpec,
    AvgPool2DSpec,
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
    ResidualSpec,
    gradient_check,
    random_batch,
)
from playground.engine.schedules import ScheduleSpec

# Every layer, activation and loss, in networks small enough to check in float64 in a moment.
SPECS = {
    "dense activations mse": NetworkSpec((3,), [DenseSpec(5, "tanh"), DenseSpec(4, "sigmoid"), DenseSpec(4, "elu"),
                                                DenseSpec(4, "leaky_relu"), DenseSpec(3, "softplus"),
                                                DenseSpec(2, "relu", bias_init="normal")], "mse"),
    "softmax layer": NetworkSpec((4,), [DenseSpec(5, "tanh"), DenseSpec(3), ActivationSpec("softmax")], "mse"),
    "batchnorm residual cross entropy": NetworkSpec(
        (3,), [DenseSpec(6, "relu"), BatchNormSpec(), ResidualSpec([DenseSpec(6, "tanh"), DenseSpec(6)]),
               ActivationSpec("tanh"), DenseSpec(4)], "cross_entropy"),
    "binary cross entropy": NetworkSpec((2,), [DenseSpec(4, "tanh"), DenseSpec(2)], "binary_cross_entropy"),
    "conv pooling": NetworkSpec(
        (2, 7, 7), [Conv2DSpec(3, 3, padding="same", activation="relu"), MaxPool2DSpec(2, stride=1),
                    Conv2DSpec(4, 2, stride=2, padding=1, activation="tanh"), AvgPool2DSpec(2),
                    FlattenSpec(), DenseSpec(3)], "cross_entropy"),
    "conv global pool": NetworkSpec(
        (1, 6, 6), [Conv2DSpec(3, 3, activation="elu"), MaxPool2DSpec(2), Conv2DSpec(2, 1), GlobalAvgPoolSpec(),
                    DenseSpec(2)], "binary_cross_entropy"),
}

# Every optimizer, and every setting that changes what a step computes.
OPTIMIZER_SPECS = {
    "sgd": OptimizerSpec("sgd", learning_rate=0.1),
    "sgd nesterov l2 clip norm": OptimizerSpec("sgd", learning_rate=0.1, momentum=0.9, nesterov=True, l2=0.01,
                                               clip_norm=0.5),
    "adam l1 clip value": OptimizerSpec("adam", learning_rate=0.01, l1=0.001, clip_value=0.05),
    "adamw decay schedule": OptimizerSpec("adamw", learning_rate=0.01, weight_decay=0.1,
                                          schedule=ScheduleSpec("step", step_size=2, gamma=0.5)),
    "rmsprop momentum": OptimizerSpec("rmsprop", learning_rate=0.01, momentum=0.5),
}


def assert_close(actual: Any, expected: Any, rtol: float, what: str = "") -> None:
    assert isinstance(actual, (numpy.ndarray, float)), f"{what}: {type(actual)} is not a host value"
    numpy.testing.assert_allclose(actual, expected, rtol=rtol, atol=rtol, err_msg=what)


def pair(spec: NetworkSpec, backend: str, dtype: str = "float64", seed: int = 3) -> tuple[Network, Network]:
    """The same network, from the same seed, on NumPy and on `backend`."""
    return Network(spec, "numpy", dtype, seed), Network(spec, backend, dtype, seed)


def check_network(name: str, backend: str, rtol: float) -> None:
    """Outputs, predictions, the loss, every gradient and the input's gradient, in training and evaluation."""
    spec = SPECS[name]
    host, device = pair(spec, backend)
    x, y = random_batch(spec, 6, seed=1)
    assert_close(device.forward(x), host.forward(x), rtol, "forward")
    assert_close(device.predict(x), host.predict(x), rtol, "predict")
    assert_close(device.evaluate(x, y), host.evaluate(x, y), rtol, "evaluate")
    for training in (True, False):
        loss, grads = device.loss_and_gradients(x, y, training)
        expected_loss, expected = host.loss_and_gradients(x, y, training)
        assert_close(loss, expected_loss, rtol, "loss")
        for parameter, grad in expected.items():
            assert_close(grads[parameter], grad, rtol, f"gradient of {parameter}")
        assert_close(device.input_gradient(x, y, training), host.input_gradient(x, y, training), rtol, "input grad")
    for parameter, value in host.state_dict().items():  # batch normalization's running statistics moved alike
        assert_close(device.state_dict()[parameter], value, rtol, parameter)


def check_optimizer(name: str, backend: str, rtol: float, steps: int = 4) -> None:
    """A few steps of each optimizer: the losses, the weights and the optimizer's state after them."""
    spec = SPECS["batchnorm residual cross entropy"]
    host, device = pair(spec, backend)
    host_optimizer, device_optimizer = Optimizer(host, OPTIMIZER_SPECS[name]), Optimizer(device, OPTIMIZER_SPECS[name])
    for step in range(steps):
        x, y = random_batch(spec, 8, seed=step)
        assert_close(device.train_step(x, y, device_optimizer), host.train_step(x, y, host_optimizer), rtol,
                     f"loss of step {step}")
    for parameter, value in host.state_dict().items():
        assert_close(device.state_dict()[parameter], value, rtol, parameter)
    for key, value in host_optimizer.state.items():
        assert_close(device.backend.to_numpy(device_optimizer.state[key]), value, rtol, key)
    assert_close(device_optimizer.penalty(), host_optimizer.penalty(), rtol, "penalty")


def check_trace(backend: str, rtol: float) -> None:
    """A traced step, update included: every record the stepper shows, as host copies."""
    spec = SPECS["batchnorm residual cross entropy"]
    host, device = pair(spec, backend)
    x, y = random_batch(spec, 5, seed=2)
    settings = OptimizerSpec("adam", learning_rate=0.01, l2=0.01, clip_norm=0.1)
    expected = host.trace_step(x, y, Optimizer(host, settings))
    traced = device.trace_step(x, y, Optimizer(device, settings))
    assert_close(traced.loss, expected.loss, rtol, "loss")
    for got, want in zip(traced.forward + traced.backward, expected.forward + expected.backward, strict=True):
        assert_values_close(got, want, rtol, f"layer {want.path}")
    for got, want in zip(traced.updates, expected.updates, strict=True):
        assert_values_close(got, want, rtol, f"update of {want.name}")
    assert traced.optimizer.scalars.keys() == expected.optimizer.scalars.keys()
    for key, value in expected.optimizer.scalars.items():
        assert_close(traced.optimizer.scalars[key], value, rtol, key)
    for key in ("prediction", "target", "loss_grad"):
        assert_close(getattr(traced, key), getattr(expected, key), rtol, key)


def assert_values_close(got: Any, want: Any, rtol: float, what: str) -> None:
    """Every array of a record (a dataclass of arrays, dicts of arrays and names) close to the other's."""
    for field in fields(want):
        a, b = getattr(got, field.name), getattr(want, field.name)
        if isinstance(b, dict):
            assert a.keys() == b.keys(), what
            for key in b:
                assert_close(a[key], b[key], rtol, f"{what} {field.name} {key}")
        elif isinstance(b, numpy.ndarray):
            assert_close(a, b, rtol, f"{what} {field.name}")


def check_gradients(name: str, backend: str) -> None:
    """The gradient check run on the device itself: its backward against its own finite differences."""
    spec = SPECS[name]
    x, y = random_batch(spec, 4, seed=5)
    report = gradient_check(spec, x, y, max_checks=12, backend=backend)
    assert report.passed, report.to_dict()
    expected = gradient_check(spec, x, y, max_checks=12)
    assert [(c.name, c.checked) for c in report.checks] == [(c.name, c.checked) for c in expected.checks]


def host_only(value: Any, where: str = "snapshot") -> None:
    """Everything a snapshot carries is a host value: NumPy arrays, numbers, strings, containers of them."""
    if isinstance(value, (numpy.ndarray, numpy.generic, int, float, str, bool, type(None))):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            host_only(item, f"{where}[{key!r}]")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            host_only(item, f"{where}[{i}]")
    elif is_dataclass(value):
        for field in fields(value):
            host_only(getattr(value, field.name), f"{where}.{field.name}")
    else:
        raise AssertionError(f"{where} is a {type(value).__name__}, not a host value")
