"""Initializers: the distributions PyTorch's torch.nn.init draws from, from one seeded generator."""

import math

import numpy
import pytest

from playground.engine.init import initial_values


@pytest.mark.parametrize("name, fan_in, fan_out, limit, std", [
    ("xavier_uniform", 300, 200, math.sqrt(6 / 500), math.sqrt(2 / 500)),
    ("xavier_normal", 300, 200, None, math.sqrt(2 / 500)),
    ("he_uniform", 300, 200, math.sqrt(6 / 300), math.sqrt(2 / 300)),
    ("he_normal", 300, 200, None, math.sqrt(2 / 300)),
    ("uniform", 300, 200, 0.05, 0.05 / math.sqrt(3)),
    ("normal", 300, 200, None, 0.05),
])
def test_initializer_spread(name, fan_in, fan_out, limit, std):
    values = initial_values(name, (fan_in, fan_out), fan_in, fan_out, numpy.random.default_rng(0))
    assert values.std() == pytest.approx(std, rel=0.02)
    assert abs(values.mean()) < 0.01 * std * 10
    if limit is not None:
        assert numpy.abs(values).max() <= limit
        assert numpy.abs(values).max() > 0.99 * limit


def test_scale_is_a_gain_for_xavier_and_a_spread_for_plain():
    rng = numpy.random.default_rng(0)
    base = initial_values("he_normal", (400, 400), 400, 400, rng).std()
    doubled = initial_values("he_normal", (400, 400), 400, 400, rng, scale=2.0).std()
    assert doubled == pytest.approx(2 * base, rel=0.02)
    assert initial_values("normal", (400, 400), 400, 400, rng, scale=0.5).std() == pytest.approx(0.5, rel=0.02)


def test_zeros_and_seeded_draws_repeat():
    assert not initial_values("zeros", (3, 3), 3, 3, numpy.random.default_rng(0)).any()
    a = initial_values("xavier_uniform", (5, 4), 5, 4, numpy.random.default_rng(11))
    b = initial_values("xavier_uniform", (5, 4), 5, 4, numpy.random.default_rng(11))
    assert numpy.array_equal(a, b)


@pytest.mark.parametrize("name", ["uniform", "normal", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal"])
def test_a_scale_of_minus_zero_gives_zeros_as_a_scale_of_zero_does(name):
    """A spec's -0.0 passes the check that a scale is at least 0 (found by tests/test_hostile_input.py)."""
    values = initial_values(name, (3, 2), 3, 2, numpy.random.default_rng(0), scale=-0.0)
    assert not values.any() and not numpy.signbit(values).any()
