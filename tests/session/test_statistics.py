"""Layer statistics against NumPy's own histogram, mean and standard deviation."""

import numpy
import pytest

from playground.session.statistics import HISTOGRAM_BINS, STATS_EXAMPLES, LayerStats, activation_stats


@pytest.mark.parametrize("function", ["tanh", "relu", "sigmoid", "linear"])
def test_statistics_match_numpy_over_the_first_examples(function):
    rng = numpy.random.default_rng(7)
    output = rng.normal(0.5, 2.0, (6, STATS_EXAMPLES + 40)).astype(numpy.float32)
    if function == "relu":
        output = numpy.maximum(output, 0)
        output[2] = 0  # a dead unit
    if function in ("tanh", "sigmoid"):
        output = numpy.tanh(output) if function == "tanh" else 1 / (1 + numpy.exp(-4 * output))
    stats = activation_stats("1", "dense", function, output)
    seen = output[:, :STATS_EXAMPLES].astype(numpy.float64)
    counts, edges = numpy.histogram(seen, bins=HISTOGRAM_BINS, range=(seen.min(), seen.max()))
    numpy.testing.assert_allclose(stats.edges, edges, rtol=1e-12, atol=1e-12)
    assert stats.edges[0] == seen.min() and stats.edges[-1] == seen.max()
    assert abs(stats.histogram - counts).sum() <= 2  # values on a bin edge may round to either side
    assert stats.histogram.sum() == seen.size
    assert stats.mean == pytest.approx(seen.mean(), rel=1e-12)
    assert stats.std == pytest.approx(seen.std(), rel=1e-12)
    if function == "relu":
        assert stats.dead_share == pytest.approx(numpy.mean(numpy.all(seen <= 0, axis=1)))
        assert stats.dead_share >= 1 / 6
    elif function == "tanh":
        assert stats.saturated_share == pytest.approx(numpy.mean(numpy.abs(seen) > 0.97))
    elif function == "sigmoid":
        assert stats.saturated_share == pytest.approx(numpy.mean(numpy.abs(seen - 0.5) > 0.485))
        assert 0 < stats.saturated_share < 1


def test_non_finite_values_are_left_out_and_equal_values_get_one_bar():
    output = numpy.array([[1.0, numpy.nan, 3.0, numpy.inf], [-numpy.inf, 2.0, 2.0, 2.0]])
    stats = activation_stats("1", "dense", "linear", output)
    assert stats.histogram.sum() == 5
    assert stats.mean == pytest.approx(2.0) and stats.std == pytest.approx(numpy.std([1, 3, 2, 2, 2]))
    constant = activation_stats("1", "dense", "linear", numpy.full((3, 4), 5.0))
    assert constant.edges[0] == 4.5 and constant.edges[-1] == 5.5 and constant.histogram.max() == 12
    nothing = activation_stats("1", "dense", "linear", numpy.full((2, 2), numpy.nan))
    assert nothing.histogram.sum() == 1 and nothing.mean == 0.0
    # Equal and huge, as a layer's outputs are when its weights have blown up: ±0.5 is lost in rounding there.
    huge = activation_stats("1", "dense", "relu", numpy.full((2, 3), 3e30, numpy.float32))
    assert huge.edges[0] < huge.edges[-1] and huge.histogram.max() == 6


@pytest.mark.parametrize("grad_norms, update_ratios, weights, gradient, ratio", [
    ({"W": 2.0, "b": 1.0}, {"W": 0.01, "b": 0.5}, "W", 2.0, 0.01),  # a Dense layer
    ({"K": 3.0, "b": 1.0}, {"K": 0.02, "b": 0.5}, "K", 3.0, 0.02),  # a Conv2D layer: its kernels are its weights
    ({"1.K": 3.0, "1.b": 9.0, "3.W": 4.0}, {"1.K": 0.02, "3.W": 0.03, "1.b": 0.5}, None, 5.0, 0.03),  # a block
    ({}, {}, None, None, None),  # pooling, activations: no weights
])
def test_the_weight_measures_take_dense_weights_and_conv_kernels_not_biases(grad_norms, update_ratios, weights,
                                                                           gradient, ratio):
    stats = LayerStats("1", "any", 0.0, 1.0, numpy.zeros(HISTOGRAM_BINS), numpy.zeros(HISTOGRAM_BINS + 1),
                       grad_norms=grad_norms, update_ratios=update_ratios)
    assert stats.weights == weights
    assert stats.weight_gradient == (None if gradient is None else pytest.approx(gradient))
    assert stats.weight_update_ratio == ratio
