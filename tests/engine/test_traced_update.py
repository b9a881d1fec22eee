"""The optimizer's own record of a traced step: every term the stepper shows, and that the rule's
formula, evaluated on those terms, gives the change in every parameter to rounding. For every
optimizer with L1, L2, clipping by norm and clipping by value, in float32 as the app trains."""

import numpy
import pytest

from playground.engine import BatchNormSpec, DenseSpec, Network, NetworkSpec, Optimizer, OptimizerSpec

RULES = {
    "sgd": {"kind": "sgd", "learning_rate": 0.1},
    "sgd-momentum": {"kind": "sgd", "learning_rate": 0.05, "momentum": 0.9},
    "sgd-nesterov": {"kind": "sgd", "learning_rate": 0.05, "momentum": 0.8, "nesterov": True},
    "adam": {"kind": "adam", "learning_rate": 0.01, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6},
    "adamw": {"kind": "adamw", "learning_rate": 0.01, "weight_decay": 0.3},
    "rmsprop": {"kind": "rmsprop", "learning_rate": 0.01, "alpha": 0.9},
    "rmsprop-momentum": {"kind": "rmsprop", "learning_rate": 0.01, "momentum": 0.5},
}
# Strong enough that each changes the step visibly: the L2 0.5 and clip norm 1e-3 among them.
EXTRAS = {
    "l1": {"l1": 0.05},
    "l2": {"l2": 0.5},
    "clip-norm": {"clip_norm": 1e-3},
    "clip-value": {"clip_value": 0.02},
}
SPEC = NetworkSpec((3,), [DenseSpec(5, "tanh", bias_init="normal"), BatchNormSpec(), DenseSpec(2)], "cross_entropy")


def traced_third_step(rule: str, extra: str):
    """The optimizer's state before, and the trace of, the third step: the first two give it momentum."""
    spec = OptimizerSpec(**RULES[rule], **EXTRAS[extra])
    net = Network(SPEC, dtype="float32", seed=5)
    optimizer = Optimizer(net, spec)
    rng = numpy.random.default_rng(1)
    for _ in range(2):
        net.train_step(rng.normal(size=(8, 3)), rng.integers(0, 2, 8), optimizer)
    state = {key: net.backend.to_numpy(value) for key, value in optimizer.state.items()}
    trace = net.trace_step(rng.normal(size=(8, 3)), rng.integers(0, 2, 8), optimizer)
    slices = net.parameter_slices()
    previous = {name: {key: value[where].reshape(net.get(name).shape) for key, value in state.items()}
                for name, where in slices.items()}
    return spec, trace, previous


def rounding(update) -> float:
    """How far after − before may be from the exact change: a few float32 steps at the values' size."""
    scale = max(numpy.abs(update.before).max(), numpy.abs(update.after).max(), 1e-30)
    return 4 * float(numpy.finfo(numpy.float32).eps) * scale


@pytest.mark.parametrize("extra", sorted(EXTRAS))
@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_recorded_rule_gives_the_change_in_every_parameter(rule, extra):
    spec, trace, previous = traced_third_step(rule, extra)
    record = trace.optimizer
    assert record.t == 3 and record.settings == spec.to_dict()
    grads = trace.param_grads()
    scalars = record.scalars
    for update in trace.updates:
        name, terms = update.name, update.terms
        wide = {key: value.astype(numpy.float64) for key, value in terms.items()}
        w = update.before.astype(numpy.float64)
        weight = name.endswith(".W")
        numpy.testing.assert_array_equal(terms["grad"], grads[name])  # ∂L/∂θ as backprop left it
        # The penalties, on the weights only.
        penalties = {"l1": spec.l1 * numpy.sign(w), "l2": spec.l2 * w}
        penalized = wide["grad"].copy()
        for key, term in penalties.items():
            if getattr(spec, key) and weight:
                numpy.testing.assert_allclose(wide[key], term, rtol=1e-6, err_msg=name)
                penalized += wide[key]
            else:
                assert key not in terms, (name, key)
        if spec.l1 or spec.l2:
            numpy.testing.assert_allclose(wide["penalized"], penalized, rtol=1e-6, atol=1e-7, err_msg=name)
        # Clipping.
        if spec.clip_norm:
            factor = scalars["clip_factor"]
            assert factor == pytest.approx(spec.clip_norm / (scalars["norm"] + 1e-6)) and factor < 1
            numpy.testing.assert_allclose(wide["g"], factor * penalized, rtol=1e-5, atol=1e-12, err_msg=name)
        elif spec.clip_value:
            c = spec.clip_value
            numpy.testing.assert_array_equal(terms["clipped"], numpy.abs(penalized) > c)
            numpy.testing.assert_allclose(wide["g"], numpy.clip(penalized, -c, c), rtol=1e-6, err_msg=name)
        else:
            numpy.testing.assert_allclose(wide["g"], penalized, rtol=1e-6, atol=1e-7, err_msg=name)
        # The rule, as the stepper writes it, on the recorded numbers.
        g, lr, before = wide["g"], trace.learning_rate, previous[name]
        if spec.kind == "sgd" and spec.momentum:
            v = wide["velocity"]
            numpy.testing.assert_allclose(v, spec.momentum * before["velocity"] + g, rtol=1e-5, atol=1e-9)
            direction = g + spec.momentum * v if spec.nesterov else v
            if spec.nesterov:
                numpy.testing.assert_allclose(wide["direction"], direction, rtol=1e-5, atol=1e-9)
            decayed = w
        elif spec.kind == "sgd":
            direction, decayed = g, w
        elif spec.kind in ("adam", "adamw"):
            b1, b2 = spec.beta1, spec.beta2
            m = b1 * before["exp_avg"] + (1 - b1) * g
            v = b2 * before["exp_avg_sq"] + (1 - b2) * g * g
            numpy.testing.assert_allclose(wide["exp_avg"], m, rtol=1e-5, atol=1e-9)
            numpy.testing.assert_allclose(wide["exp_avg_sq"], v, rtol=1e-5, atol=1e-12)
            assert scalars["bias_correction1"] == pytest.approx(1 - b1**3)
            assert scalars["bias_correction2"] == pytest.approx(1 - b2**3)
            numpy.testing.assert_allclose(wide["m_hat"], wide["exp_avg"] / (1 - b1**3), rtol=1e-6)
            numpy.testing.assert_allclose(wide["v_hat"], wide["exp_avg_sq"] / (1 - b2**3), rtol=1e-6)
            direction = wide["m_hat"] / (numpy.sqrt(wide["v_hat"]) + spec.eps)
            decay = scalars.get("decay", 1.0)
            assert decay == (pytest.approx(1 - lr * spec.weight_decay) if spec.kind == "adamw" else 1.0)
            decayed = decay * w
        else:
            s = spec.alpha * before["square_avg"] + (1 - spec.alpha) * g * g
            numpy.testing.assert_allclose(wide["square_avg"], s, rtol=1e-5, atol=1e-12)
            normalized = g / (numpy.sqrt(wide["square_avg"]) + spec.eps)
            numpy.testing.assert_allclose(wide["normalized"], normalized, rtol=1e-5, atol=1e-9)
            if spec.momentum:
                buffer = spec.momentum * before["momentum_buffer"] + wide["normalized"]
                numpy.testing.assert_allclose(wide["momentum_buffer"], buffer, rtol=1e-5, atol=1e-9)
                direction = wide["momentum_buffer"]
            else:
                direction = wide["normalized"]
            decayed = w
        numpy.testing.assert_allclose(wide["step"], lr * direction, rtol=1e-5, atol=1e-12, err_msg=name)
        change = update.after.astype(numpy.float64) - w
        assert numpy.abs(change).max() > 10 * rounding(update), name  # a change to see, not rounding noise
        numpy.testing.assert_allclose(change, decayed - w - lr * direction, rtol=0, atol=rounding(update),
                                      err_msg=name)


def test_untraced_steps_record_nothing_and_a_traced_one_trains_as_they_do():
    spec = OptimizerSpec("adam", learning_rate=0.01, l2=0.5, clip_norm=1e-3)
    traced, trained = Network(SPEC, seed=2), Network(SPEC, seed=2)
    x, y = numpy.random.default_rng(3).normal(size=(8, 3)), numpy.arange(8) % 2
    trace = traced.trace_step(x, y, Optimizer(traced, spec))
    trained.train_step(x, y, Optimizer(trained, spec))
    numpy.testing.assert_array_equal(traced.theta, trained.theta)
    assert {"grad", "penalized", "g", "exp_avg", "m_hat", "step"} <= set(trace.updates[0].terms)
    assert trace.updates[0].terms["grad"].shape == trace.updates[0].before.shape == (3, 5)
