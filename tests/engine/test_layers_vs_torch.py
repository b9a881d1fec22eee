"""Every layer against PyTorch autograd with the same weights, in float64, to 1e-10."""

import numpy
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from playground.engine import (
    ActivationSpec,
    BatchNormSpec,
    DenseSpec,
    DropoutSpec,
    Network,
    NetworkSpec,
    ResidualSpec,
)
from tests.engine.helpers import assert_close, engine_step, torch_step
from tests.engine.torch_mirror import mirror

RTOL = 1e-10


def layer_cases(width: int) -> dict:
    return {
        "dense-linear": DenseSpec(width + 1),
        "dense-tanh": DenseSpec(width, "tanh", init="normal", bias_init="normal", init_scale=0.7),
        "dense-relu": DenseSpec(width, "relu", init="he_normal", bias_init="uniform", init_scale=0.3),
        "dense-leaky": DenseSpec(width, "leaky_relu", alpha=0.2, bias_init="normal"),
        "dense-elu": DenseSpec(width, "elu", alpha=0.7, bias_init="normal"),
        "dense-sigmoid": DenseSpec(width, "sigmoid", bias_init="normal"),
        "dense-softplus": DenseSpec(width, "softplus", bias_init="normal"),
        "relu": ActivationSpec("relu"),
        "leaky_relu": ActivationSpec("leaky_relu", alpha=0.05),
        "elu": ActivationSpec("elu", alpha=1.3),
        "sigmoid": ActivationSpec("sigmoid"),
        "tanh": ActivationSpec("tanh"),
        "softplus": ActivationSpec("softplus"),
        "linear": ActivationSpec("linear"),
        "softmax": ActivationSpec("softmax"),
        "dropout": DropoutSpec(0.4),
        "batchnorm": BatchNormSpec(momentum=0.2, eps=1e-3),
        "residual": ResidualSpec([DenseSpec(width + 2, "tanh", bias_init="normal"), DenseSpec(width)]),
    }


CASES = sorted(layer_cases(3))


def network_with(layer, width: int, seed: int) -> Network:
    # A Dense layer in front gives every layer under test a gradient to pass back and a
    # non-trivial input; its own parameters check the gradient that leaves the layer.
    spec = NetworkSpec((width,), [DenseSpec(width, bias_init="normal"), layer], "mse")
    net = Network(spec, dtype="float64", seed=seed)
    if isinstance(layer, BatchNormSpec):
        rng = numpy.random.default_rng(seed)
        net.set("2.gamma", rng.uniform(0.5, 1.5, width))
        net.set("2.beta", rng.normal(size=width))
    return net


def compare(net: Network, x, y, training: bool) -> None:
    out, loss, grads, input_grad = engine_step(net, x, y, training)
    t_out, t_loss, t_grads, t_input_grad, module = torch_step(net, x, y, training)
    assert_close(out, t_out, RTOL, "forward output")
    assert abs(loss - t_loss) <= RTOL * abs(t_loss)
    assert_close(input_grad, t_input_grad, RTOL, "input gradient")
    assert set(grads) == set(t_grads)
    for name, grad in grads.items():
        assert_close(grad, t_grads[name], RTOL, name)


@given(case=st.sampled_from(CASES), width=st.integers(1, 6), batch=st.integers(2, 9), seed=st.integers(0, 2**16))
def test_layer_matches_torch_in_training(case, width, batch, seed):
    layer = layer_cases(width)[case]
    net = network_with(layer, width, seed)
    rng = numpy.random.default_rng(seed + 1)
    x = rng.normal(size=(batch, width)) * 2
    y = rng.normal(size=(batch, net.output_size))
    compare(net, x, y, training=True)


@pytest.mark.parametrize("case", ["batchnorm", "dropout"])
def test_layer_matches_torch_in_evaluation(case):
    width = 4
    net = network_with(layer_cases(width)[case], width, 3)
    rng = numpy.random.default_rng(0)
    for _ in range(3):  # move the running statistics away from their start
        net.loss_and_gradients(rng.normal(size=(8, width)) + 1, rng.normal(size=(8, width)))
    x, y = rng.normal(size=(5, width)), rng.normal(size=(5, width))
    compare(net, x, y, training=False)


def test_batchnorm_running_statistics_match_torch():
    width, net = 3, network_with(BatchNormSpec(momentum=0.3), 3, 1)
    rng = numpy.random.default_rng(2)
    x, y = rng.normal(size=(6, width)) * 3 + 1, rng.normal(size=(6, width))
    module = mirror(net)  # before the engine step: both start from the same statistics
    engine_step(net, x, y)
    module.train()
    module(torch.from_numpy(x))
    norm = module[1]
    assert_close(net.state_dict()["2.running_mean"], norm.running_mean.numpy(), RTOL)
    assert_close(net.state_dict()["2.running_var"], norm.running_var.numpy(), RTOL)


def test_dropout_is_inverted_and_off_in_evaluation():
    net = Network(NetworkSpec((1000,), [DropoutSpec(0.3)], "mse"), dtype="float64", seed=5)
    x = numpy.ones((50, 1000))
    out = net.forward(x, training=True)
    kept = out != 0
    assert abs(kept.mean() - 0.7) < 0.01
    assert numpy.allclose(out[kept], 1 / 0.7)
    assert numpy.array_equal(net.forward(x, training=False), x)


def test_residual_rejects_a_block_that_changes_the_shape():
    from playground.errors import SpecError

    spec = NetworkSpec((4,), [ResidualSpec([DenseSpec(3)])], "mse")
    with pytest.raises(SpecError, match=r"layer 1 \(Residual\).*4 units"):
        spec.validate()
