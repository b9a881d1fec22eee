"""The image layers against PyTorch autograd in float64 to 1e-10, and against central finite differences:
Conv2D with every kernel, stride and padding option, max and average pooling, Flatten and global
average pooling, on odd and even sizes, one channel and several."""

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from playground.engine import (
    AvgPool2DSpec,
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    ResidualSpec,
    gradient_check,
    random_batch,
)
from tests.engine.test_layers_vs_torch import compare

# PyTorch pads a copy of the input for "same" padding with an even kernel, and says so each time.
pytestmark = pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel:UserWarning")

# (kernel, stride, padding) for kernels 1, 3 and 5, strides 1 and 2, padding 0, 1 and "same": every
# combination the spec accepts ("same" needs stride 1, and padding must be narrower than the kernel);
# and even kernels, whose "same" padding puts one zero more after than before.
CONV_OPTIONS = [(k, s, p) for k in (1, 3, 5) for s in (1, 2) for p in (0, 1, "same")
                if not (p == "same" and s != 1) and not (p == 1 and k == 1)] + [(2, 1, "same"), (4, 1, "same"),
                                                                              (4, 2, 1)]
ACTIVATIONS = ["linear", "relu", "tanh", "sigmoid", "leaky_relu", "elu", "softplus"]


def image_network(layer, shape: tuple[int, int, int], seed: int, loss: str = "mse") -> Network:
    """The layer under test between a 1×1 convolution (which gives it a gradient to pass back and
    checks that gradient through its own parameters) and a Flatten and Dense layer to the loss."""
    flatten = [FlattenSpec()] if len(layer.output_shape(shape)) == 3 else []
    spec = NetworkSpec(shape, [Conv2DSpec(shape[0], 1, bias_init="normal"), layer, *flatten,
                               DenseSpec(3, bias_init="normal")], loss)
    return Network(spec, dtype="float64", seed=seed)


def batch_for(net: Network, batch: int, seed: int):
    rng = numpy.random.default_rng(seed)
    x = rng.normal(size=(batch, *net.spec.input_shape)) * 2
    y = rng.normal(size=(batch, net.output_size))
    return x, y


def conv(kernel: int, stride: int, padding, activation: str = "tanh", filters: int = 4) -> Conv2DSpec:
    alpha = {"leaky_relu": 0.1, "elu": 0.8}.get(activation)
    return Conv2DSpec(filters, kernel, stride, padding, activation, init="normal", bias_init="normal",
                      init_scale=0.4, alpha=alpha)


@pytest.mark.parametrize("channels", [1, 3])
@pytest.mark.parametrize("kernel, stride, padding", CONV_OPTIONS)
def test_conv2d_matches_torch_for_every_option(kernel, stride, padding, channels):
    net = image_network(conv(kernel, stride, padding), (channels, 9, 7), seed=kernel + stride)
    compare(net, *batch_for(net, 3, 0), training=True)


@given(option=st.sampled_from(CONV_OPTIONS), activation=st.sampled_from(ACTIVATIONS), channels=st.integers(1, 3),
       filters=st.integers(1, 4), height=st.integers(5, 10), width=st.integers(5, 10), batch=st.integers(1, 4),
       seed=st.integers(0, 2**16))
def test_conv2d_matches_torch_over_shapes(option, activation, channels, filters, height, width, batch, seed):
    kernel, stride, padding = option
    net = image_network(conv(kernel, stride, padding, activation, filters), (channels, height, width), seed)
    compare(net, *batch_for(net, batch, seed + 1), training=True)


POOLS = {"maxpool2d": MaxPool2DSpec, "avgpool2d": AvgPool2DSpec}


@given(kind=st.sampled_from(sorted(POOLS)), size=st.integers(1, 3), stride=st.sampled_from([None, 1, 2, 3]),
       channels=st.integers(1, 3), height=st.integers(3, 9), width=st.integers(3, 9), batch=st.integers(1, 4),
       seed=st.integers(0, 2**16))
def test_pooling_matches_torch_over_shapes(kind, size, stride, channels, height, width, batch, seed):
    """Windows that tile, overlap (stride below the size), skip pixels, or leave a remainder at the edge."""
    net = image_network(POOLS[kind](size, stride), (channels, height, width), seed)
    compare(net, *batch_for(net, batch, seed + 1), training=True)


@given(kind=st.sampled_from(["flatten", "globalavgpool"]), channels=st.integers(1, 3), height=st.integers(1, 6),
       width=st.integers(1, 6), batch=st.integers(1, 4), seed=st.integers(0, 2**16))
def test_flatten_and_global_average_pooling_match_torch(kind, channels, height, width, batch, seed):
    layer = FlattenSpec() if kind == "flatten" else GlobalAvgPoolSpec()
    net = image_network(layer, (channels, height, width), seed)
    compare(net, *batch_for(net, batch, seed + 1), training=True)


def lenet_like(shape=(2, 11, 10), loss: str = "cross_entropy") -> NetworkSpec:
    return NetworkSpec(shape, [Conv2DSpec(4, 3, padding="same", activation="relu", bias_init="normal"),
                               MaxPool2DSpec(2), Conv2DSpec(5, 3, stride=2, padding=1, activation="tanh"),
                               AvgPool2DSpec(2, 1), FlattenSpec(), DenseSpec(6, "relu"), DenseSpec(3)], loss)


def test_a_small_conv_network_matches_torch_in_evaluation_too():
    net = Network(lenet_like(), dtype="float64", seed=3)
    x, y = batch_for(net, 5, 2)
    compare(net, x, numpy.random.default_rng(0).integers(0, 3, 5), training=False)


def test_a_residual_block_of_convolutions_matches_torch():
    block = ResidualSpec([Conv2DSpec(3, 3, padding="same", activation="tanh", bias_init="normal"),
                          Conv2DSpec(3, 5, padding="same", bias_init="normal")])
    net = image_network(block, (3, 7, 6), seed=4)
    compare(net, *batch_for(net, 3, 5), training=True)


@given(option=st.sampled_from(CONV_OPTIONS), activation=st.sampled_from(ACTIVATIONS),
       pool=st.sampled_from(["maxpool2d", "avgpool2d", "globalavgpool"]), channels=st.integers(1, 3),
       height=st.integers(8, 10), width=st.integers(8, 10), loss=st.sampled_from(["mse", "cross_entropy"]),
       seed=st.integers(0, 2**16))
def test_conv_networks_pass_the_gradient_check(option, activation, pool, channels, height, width, loss, seed):
    kernel, stride, padding = option
    pooling = GlobalAvgPoolSpec() if pool == "globalavgpool" else POOLS[pool](2)
    layers = [conv(kernel, stride, padding, activation, 3), pooling]
    if pool != "globalavgpool":
        layers.append(FlattenSpec())
    spec = NetworkSpec((channels, height, width), [*layers, DenseSpec(3, bias_init="normal")], loss)
    x, y = random_batch(spec, 3, seed)
    report = gradient_check(spec, x, y, seed=seed)
    assert report.passed, report.to_dict()
    assert {check.name for check in report.checks} == {"1.K", "1.b", "4.W" if pool != "globalavgpool" else "3.W",
                                                       "4.b" if pool != "globalavgpool" else "3.b", "input"}


def test_a_max_pool_whose_choice_changes_is_not_compared():
    """Two equal values in a window: a step up picks one, a step down the other, and the slope between
    is no derivative. The gradient check skips those entries and counts them."""
    spec = NetworkSpec((1, 2, 2), [MaxPool2DSpec(2), FlattenSpec(), DenseSpec(1)], "mse")
    x = numpy.ones((1, 1, 2, 2))
    report = gradient_check(spec, x, numpy.ones((1, 1)))
    checked = next(check for check in report.checks if check.name == "input")
    assert checked.at_kink == 4 and report.passed


def test_the_trace_names_where_each_max_came_from():
    net = Network(lenet_like(), dtype="float64", seed=1)
    x, y = batch_for(net, 4, 0)
    trace = net.trace_step(x, numpy.arange(4) % 3)
    pool = next(record for record in trace.forward if record.type == "maxpool2d")
    rows = pool.extras["argmax"]
    assert rows.shape == pool.output.shape
    # The output is the input at the row named; the gradient leaves through those rows alone.
    numpy.testing.assert_array_equal(numpy.take_along_axis(pool.input, rows, axis=0), pool.output)
    backward = next(record for record in trace.backward if record.type == "maxpool2d")
    expected = numpy.zeros_like(backward.grad_input)
    numpy.put_along_axis(expected, rows, backward.grad_output, axis=0)
    numpy.testing.assert_array_equal(backward.grad_input, expected)


def test_the_trace_keeps_a_convolutions_numbers_in_image_order():
    """z in (F, Ho, Wo) order per example is the convolution written out, cell by cell."""
    spec = NetworkSpec((2, 5, 4), [Conv2DSpec(3, 3, stride=2, padding=1, activation="relu", bias_init="normal"),
                                   FlattenSpec(), DenseSpec(2)], "mse")
    net = Network(spec, dtype="float64", seed=0)
    x, y = batch_for(net, 2, 0)
    trace = net.trace_step(x, y)
    z = trace.forward[0].extras["z"].reshape(3, 3, 2, 2)  # (F, Ho, Wo, n)
    kernel, bias = trace.state_before["1.K"], trace.state_before["1.b"]
    padded = numpy.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    for f, r, c, i in numpy.ndindex(z.shape):
        patch = padded[i, :, 2 * r : 2 * r + 3, 2 * c : 2 * c + 3]
        assert z[f, r, c, i] == pytest.approx((patch * kernel[..., f]).sum() + bias[f], rel=1e-12)
    delta = trace.backward[-1].extras["delta"]
    numpy.testing.assert_array_equal(delta, trace.backward[-1].grad_output * (z.reshape(18, 2) > 0))


def test_float32_training_follows_float64():
    """Thirty steps of Adam on a fixed batch: the loss falls, float32 keeps its type throughout, and its
    losses stay with float64's."""
    from playground.engine import Optimizer, OptimizerSpec

    rng = numpy.random.default_rng(0)
    x, y = rng.normal(size=(16, 2, 11, 10)), rng.integers(0, 3, 16)
    losses = {}
    for dtype in ("float32", "float64"):
        net = Network(lenet_like(), dtype=dtype, seed=2)
        optimizer = Optimizer(net, OptimizerSpec("adam", learning_rate=0.01))
        losses[dtype] = [net.train_step(x, y, optimizer) for _ in range(30)]
        assert net.get("1.K").dtype == numpy.dtype(dtype) and net.forward(x).dtype == numpy.dtype(dtype)
    assert losses["float64"][-1] < 0.8 * losses["float64"][0]
    numpy.testing.assert_allclose(losses["float32"], losses["float64"], rtol=1e-4)


def test_inputs_may_come_flat_or_as_images():
    net = Network(lenet_like(), dtype="float64")
    x = numpy.random.default_rng(0).normal(size=(3, 2, 11, 10))
    numpy.testing.assert_array_equal(net.forward(x), net.forward(x.reshape(3, -1)))


def test_kernels_have_the_shape_fan_in_then_filters():
    net = Network(lenet_like(), dtype="float64")
    assert net.parameter_names[:4] == ["1.K", "1.b", "3.K", "3.b"]
    assert net.get("1.K").shape == (2, 3, 3, 4) and net.get("3.K").shape == (4, 3, 3, 5)
    assert net.spec.parameter_count() == net.theta.size == (18 + 1) * 4 + (36 + 1) * 5 + (20 + 1) * 6 + 7 * 3


@pytest.mark.parametrize("kind", sorted(POOLS))
@pytest.mark.parametrize("size, stride", [(2, None), (3, None), (2, 1), (3, 2), (2, 3), (1, 2)])
def test_pooling_matches_torch_on_ties(kind, size, stride):
    """Whole numbers, so that many windows hold equal values: the gradient goes to the first, as torch's
    does. Windows tile, overlap, skip pixels and leave an edge out."""
    spec = NetworkSpec((2, 7, 8), [POOLS[kind](size, stride), FlattenSpec(), DenseSpec(3, bias_init="normal")], "mse")
    net = Network(spec, dtype="float64", seed=size)
    rng = numpy.random.default_rng(size)
    x = rng.integers(0, 3, size=(4, 2, 7, 8)).astype(float)
    compare(net, x, rng.normal(size=(4, 3)), training=True)


def test_the_memory_a_batch_of_images_needs_is_refused_before_it_is_allocated(monkeypatch):
    """A wide kernel on a large image: small weights, but its im2col columns take 452 values per pixel."""
    from playground.engine import memory
    from playground.errors import ResourceError

    spec = NetworkSpec((1, 1024, 1024), [Conv2DSpec(1, 15, padding="same"), GlobalAvgPoolSpec()], "mse")
    monkeypatch.setattr(memory, "available_memory", lambda: 2**30)
    net = Network(spec)  # its 226 parameters fit
    with pytest.raises(ResourceError, match=r"^A batch of 1 examples would need about 1\.\d GiB for this network, "
                                            r"but only 1\.0 GiB of memory is free: use a smaller batch\.$"):
        net.forward(numpy.zeros((1, 1, 1024, 1024)))
    with pytest.raises(ResourceError, match="would need about 1.* GiB to train, but only 1.0 GiB"):
        memory.check_memory(spec, "float32", examples=1)


def test_the_estimate_bounds_what_a_conv_network_allocates():
    import tracemalloc

    from playground.engine.memory import batch_values

    spec = NetworkSpec((1, 12, 12), [Conv2DSpec(2, 7, padding="same", activation="relu"), MaxPool2DSpec(2),
                                     FlattenSpec(), DenseSpec(2)], "mse")
    net = Network(spec, dtype="float64")
    rng = numpy.random.default_rng(0)
    x, y = rng.normal(size=(50, 1, 12, 12)), rng.normal(size=(50, 2))
    tracemalloc.start()
    net.loss_and_gradients(x, y)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak <= 50 * batch_values(spec) * 8


def test_the_forward_only_estimate_bounds_what_an_evaluating_twin_allocates():
    """An evaluating twin never makes a Conv2D's backward buffers, so the estimate for it leaves out the
    gradient of the im2col columns and of the padded input: a quarter less for this small LeNet."""
    import tracemalloc

    from playground.engine.memory import batch_values

    spec = lenet_like()
    net = Network(spec, dtype="float64", seed=1)
    x = numpy.random.default_rng(0).normal(size=(50, *spec.input_shape))
    twin = net.with_own_buffers()
    tracemalloc.start()
    twin.forward(x)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak <= 50 * batch_values(spec, training=False) * 8 < 50 * batch_values(spec) * 8 * 0.8


def test_a_twin_for_evaluation_shares_the_weights_and_makes_no_backward_buffers():
    net = Network(lenet_like(), dtype="float64", seed=5)
    x = numpy.random.default_rng(0).normal(size=(7, 2, 11, 10))
    twin = net.with_own_buffers()
    numpy.testing.assert_array_equal(twin.forward(x), net.forward(x))
    assert twin.layers[0]._grad_cols is None
    net.set("1.b", numpy.ones(4))
    numpy.testing.assert_array_equal(twin.forward(x[:3]), net.forward(x[:3]))
