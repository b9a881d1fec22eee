"""Every layer and loss against central finite differences in float64."""

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from playground.engine import DenseSpec, Network, NetworkSpec, gradient_check, random_batch
from playground.engine.activations import Tanh
from tests.engine.test_layers_vs_torch import CASES, layer_cases

LOSSES = ["mse", "cross_entropy", "binary_cross_entropy"]


@given(case=st.sampled_from(CASES), loss=st.sampled_from(LOSSES), width=st.integers(2, 5),
       batch=st.integers(2, 7), seed=st.integers(0, 2**16))
def test_every_layer_and_loss_passes_the_gradient_check(case, loss, width, batch, seed):
    spec = NetworkSpec((width,), [DenseSpec(width, bias_init="normal"), layer_cases(width)[case],
                                  DenseSpec(3, bias_init="normal")], loss)
    x, y = random_batch(spec, batch, seed)
    report = gradient_check(spec, x, y, seed=seed)
    assert report.passed, report.to_dict()
    assert all(check.checked + check.at_kink > 0 for check in report.checks)


def test_a_wrong_derivative_is_caught(monkeypatch):
    spec = NetworkSpec((3,), [DenseSpec(4, "tanh"), DenseSpec(2)], "mse")
    x, y = random_batch(spec, 5, 0)
    assert gradient_check(spec, x, y).passed

    def wrong_backward(self, xp, z, a, grad, out, scratch):  # 1 − a instead of 1 − a²
        xp.multiply(grad, 1 - a, out=out)

    monkeypatch.setattr(Tanh, "backward", wrong_backward)
    report = gradient_check(spec, x, y)
    assert not report.passed
    failed = {check.name for check in report.checks if not check.passed}
    assert "1.W" in failed and "2.W" not in failed  # the error enters below the tanh only


def test_kink_crossings_are_skipped_and_counted():
    spec = NetworkSpec((2,), [DenseSpec(3, "relu"), DenseSpec(1)], "mse")
    net = Network(spec, dtype="float64")
    net.set("1.W", numpy.zeros((2, 3)))  # every pre-activation is exactly 0: on the kink
    net.set("1.b", numpy.zeros(3))
    x, y = random_batch(spec, 4, 0)
    report = gradient_check(net, x, y)
    bias = next(check for check in report.checks if check.name == "1.b")
    assert bias.at_kink == 3 and bias.checked == 0
    assert report.passed


@pytest.mark.parametrize("name", ["circle", "digits-mlp", "residual", "batchnorm", "deep-relu-he"])
def test_presets_pass_the_gradient_check(name):
    from playground.project import load_preset

    spec = load_preset(name).network
    x, y = random_batch(spec, 8, 0)
    assert gradient_check(spec, x, y).passed
