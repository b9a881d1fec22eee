"""The scripting API: parameters by name, batches, training, and the step trace."""

import numpy
import pytest

from playground.engine import (
    BatchNormSpec,
    DenseSpec,
    DropoutSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
    ResidualSpec,
    get_backend,
)
from playground.errors import BackendError, DataError

SPEC = NetworkSpec((2,), [DenseSpec(4, "tanh"), BatchNormSpec(), ResidualSpec([DenseSpec(4, "relu")]),
                          DropoutSpec(0.2), DenseSpec(3)], "cross_entropy")


def circle_data(n: int, seed: int = 0):
    rng = numpy.random.default_rng(seed)
    x = rng.uniform(-1, 1, (n, 2))
    return x, (numpy.hypot(x[:, 0], x[:, 1]) < 0.6).astype(float)[:, None]


def test_parameters_have_stable_names_in_order():
    net = Network(SPEC)
    assert net.parameter_names == ["1.W", "1.b", "2.gamma", "2.beta", "3.1.W", "3.1.b", "5.W", "5.b"]
    assert net.get("1.W").shape == (2, 4) and net.get("5.b").shape == (3,)


def test_parameter_norms_are_each_parameters_own_norm():
    net = Network(SPEC, dtype="float32")
    net.grad[...] = numpy.random.default_rng(3).normal(size=net.grad.size) * numpy.logspace(-9, 3, net.grad.size)
    norms = net.parameter_norms(net.grad)
    assert list(norms) == net.parameter_names
    for name, value in net.parameters().items():
        expected = numpy.linalg.norm(net.grad[net.parameter_slices()[name]].astype(numpy.float64))
        assert norms[name] == pytest.approx(expected, rel=1e-12), name
        assert net.parameter_norms(net.theta)[name] == pytest.approx(numpy.linalg.norm(value.astype(float)), rel=1e-12)


def test_set_and_get_round_trip_and_reject_wrong_shapes():
    net = Network(SPEC, dtype="float64")
    value = numpy.arange(8.0).reshape(2, 4)
    net.set("1.W", value)
    assert numpy.array_equal(net.get("1.W"), value)
    with pytest.raises(DataError, match=r"shape \(2, 4\)"):
        net.set("1.W", numpy.zeros((4, 2)))
    with pytest.raises(DataError, match="no parameter '9.W'"):
        net.get("9.W")


def test_the_same_seed_gives_the_same_network_and_another_seed_does_not():
    a, b, c = Network(SPEC, seed=7), Network(SPEC, seed=7), Network(SPEC, seed=8)
    assert numpy.array_equal(a.theta, b.theta)
    assert not numpy.array_equal(a.theta, c.theta)


def test_state_dict_round_trip_and_copy_to_float64():
    rng = numpy.random.default_rng(0)
    net = Network(SPEC, seed=1)
    net.train_step(rng.normal(size=(8, 2)), rng.integers(0, 3, 8), Optimizer(net))
    twin = Network(SPEC, seed=2)
    twin.load_state_dict(net.state_dict())
    x = rng.normal(size=(5, 2))
    assert numpy.array_equal(twin.forward(x), net.forward(x))
    wide = net.copy(dtype="float64")
    numpy.testing.assert_allclose(wide.forward(x), net.forward(x), rtol=1e-5, atol=1e-6)
    assert wide.get("2.gamma").dtype == numpy.float64


def test_loading_weights_of_another_network_changes_nothing():
    net = Network(SPEC)
    before = net.state_dict()
    other = Network(NetworkSpec((2,), [DenseSpec(5), DenseSpec(3)], "cross_entropy")).state_dict()
    with pytest.raises(DataError, match="belong to another network"):
        net.load_state_dict(other)
    after = net.state_dict()
    assert all(numpy.array_equal(before[k], after[k]) for k in before)


@pytest.mark.parametrize("x, y, message", [
    (numpy.zeros((4, 3)), numpy.zeros(4, int), r"takes 2 features per example"),
    (numpy.zeros((4, 2)), numpy.zeros(3, int), "4 inputs but 3 targets"),
    (numpy.zeros((4, 2)), numpy.array([0, 1, 2, 3]), "hold class 3, but the network has 3 outputs"),
    (numpy.zeros((4, 2)), numpy.array([0.5, 1, 2, 0]), "class numbers"),
])
def test_batches_that_do_not_fit_say_why(x, y, message):
    with pytest.raises(DataError, match=message):
        Network(SPEC).make_batch(x, y)


def test_gather_takes_the_named_examples():
    net = Network(NetworkSpec((3,), [DenseSpec(2)], "mse"), dtype="float64")
    x = numpy.arange(30.0).reshape(10, 3)
    y = numpy.arange(20.0).reshape(10, 2)
    data = net.make_batch(x, y)
    batch = net.gather(data, [7, 2, 2])
    assert numpy.array_equal(batch.x[:-1].T, x[[7, 2, 2]])
    assert numpy.array_equal(batch.target.T, y[[7, 2, 2]])
    assert numpy.array_equal(batch.x[-1], numpy.ones(3))
    again = net.gather(data, [1, 0, 9], batch)
    assert again is batch and numpy.array_equal(batch.x[:-1].T, x[[1, 0, 9]])


def test_float32_training_learns_the_circle():
    spec = NetworkSpec((2,), [DenseSpec(8, "tanh"), DenseSpec(8, "tanh"), DenseSpec(1)], "binary_cross_entropy")
    net = Network(spec, seed=3)
    optimizer = Optimizer(net, OptimizerSpec("adam", learning_rate=0.02))
    x, y = circle_data(400)
    data = net.make_batch(x, y)
    rng = numpy.random.default_rng(0)
    first = net.evaluate(x, y)
    for _ in range(60):
        order = rng.permutation(400)
        for start in range(0, 400, 20):
            net.train_batch(net.gather(data, order[start : start + 20]), optimizer)
    assert net.evaluate(x, y) < first / 4
    test_x, test_y = circle_data(400, seed=1)
    accuracy = ((net.predict(test_x) > 0.5) == (test_y > 0.5)).mean()
    assert accuracy > 0.93


def test_trace_records_what_training_computes():
    rng = numpy.random.default_rng(5)
    x, y = rng.normal(size=(6, 2)), rng.integers(0, 3, 6)
    traced, trained = Network(SPEC, dtype="float64", seed=9), Network(SPEC, dtype="float64", seed=9)
    spec = OptimizerSpec("sgd", learning_rate=0.1, momentum=0.9)
    trace = traced.trace_step(x, y, Optimizer(traced, spec))
    loss, grads = trained.loss_and_gradients(x, y)
    assert trace.loss == pytest.approx(loss, rel=1e-12)
    for name, grad in trace.param_grads().items():
        numpy.testing.assert_allclose(grad, grads[name], rtol=1e-12, err_msg=name)
    assert [r.path for r in trace.forward] == ["1", "2", "3.1", "3", "4", "5"]
    assert [r.path for r in trace.backward] == ["5", "4", "3.1", "3", "2", "1"]
    assert numpy.array_equal(trace.forward[0].input, x.T)
    first = trace.forward[0]
    w, b = trace.updates[0].before, trace.updates[1].before
    numpy.testing.assert_allclose(first.extras["z"], w.T @ x.T + b[:, None], rtol=1e-12)
    numpy.testing.assert_allclose(first.output, numpy.tanh(first.extras["z"]), rtol=1e-12)
    # The gradient arriving at each layer is the one leaving the layer above it.
    top = {r.path: r for r in trace.backward}
    numpy.testing.assert_array_equal(top["5"].grad_input, top["4"].grad_output)
    numpy.testing.assert_array_equal(trace.loss_grad, top["5"].grad_output)
    # δ = ∂L/∂a ⊙ (1 − a²) and ∂L/∂W = x δᵀ, as the stepper shows them.
    delta = top["1"].extras["delta"]
    numpy.testing.assert_allclose(delta, top["1"].grad_output * (1 - first.output**2), rtol=1e-12)
    numpy.testing.assert_allclose(top["1"].param_grads["W"], x.T @ delta.T, rtol=1e-12)
    for update in trace.updates:
        numpy.testing.assert_allclose(update.after, traced.get(update.name))
    assert trace.learning_rate == 0.1


def test_applying_the_traced_update_equals_one_training_step():
    spec = NetworkSpec((2,), [DenseSpec(4, "tanh"), BatchNormSpec(), DenseSpec(3)], "cross_entropy")
    rng = numpy.random.default_rng(5)
    x, y = rng.normal(size=(6, 2)), rng.integers(0, 3, 6)
    traced, trained = Network(spec, dtype="float64", seed=9), Network(spec, dtype="float64", seed=9)
    opt_spec = OptimizerSpec("adam", learning_rate=0.1)
    trace = traced.trace_step(x, y, Optimizer(traced, opt_spec))
    loss = trained.train_step(x, y, Optimizer(trained, opt_spec))
    assert trace.loss == loss
    for update in trace.updates:
        numpy.testing.assert_array_equal(update.after, trained.get(update.name))
        numpy.testing.assert_array_equal(update.change, update.after - update.before)


def test_unknown_or_missing_backends_say_what_to_choose():
    with pytest.raises(BackendError, match="choose 'auto', 'numpy' or 'cupy'"):
        get_backend("tpu")
    try:
        get_backend("cupy")
    except BackendError as error:
        assert "NumPy backend" in str(error)


def test_input_gradient_matches_the_backward_pass_and_torch():
    import torch

    from tests.engine.helpers import torch_step

    net = Network(NetworkSpec((3,), [DenseSpec(4, "tanh", bias_init="normal"), DenseSpec(2)], "mse"),
                  dtype="float64", seed=2)
    rng = numpy.random.default_rng(1)
    x, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    torch.manual_seed(0)
    expected = torch_step(net, x, y)[3]
    numpy.testing.assert_allclose(net.input_gradient(x, y), expected, rtol=1e-10)


def test_to_host_gives_numpy_arrays_as_they_are_and_to_numpy_copies():
    backend = get_backend("numpy")
    array = numpy.arange(6.0).reshape(2, 3)
    assert backend.to_host(array) is array  # snapshots read views, before the next step
    copy = backend.to_numpy(array)
    assert numpy.array_equal(copy, array) and not numpy.shares_memory(copy, array)


def test_parameter_slices_are_where_bind_put_each_parameter():
    """Recorded when the layers bind their views, blocks and batch normalization included: writing
    through a slice of theta changes exactly that parameter."""
    spec = NetworkSpec((3,), [DenseSpec(4, "relu"), BatchNormSpec(), ResidualSpec([DenseSpec(5, "tanh"), DenseSpec(4)]),
                              DenseSpec(2)], "cross_entropy")
    net = Network(spec, dtype="float64")
    slices = net.parameter_slices()
    assert list(slices) == net.parameter_names
    covered = numpy.zeros(net.theta.size, dtype=int)
    for name, where in slices.items():
        covered[where] += 1
        net.theta[where] = numpy.arange(where.stop - where.start)
        assert numpy.array_equal(net.get(name).ravel(), numpy.arange(where.stop - where.start)), name
    assert numpy.all(covered == 1)  # every entry belongs to exactly one parameter
