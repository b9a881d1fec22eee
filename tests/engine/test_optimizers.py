"""Five steps of every optimizer configuration against torch.optim, in float64, to 1e-9; the last one
traced, and its record of the gradient used and of the state kept against torch's."""

import numpy
import pytest
import torch

from playground.engine import (
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
    ScheduleSpec,
)
from playground.errors import SpecError
from tests.engine.helpers import assert_close
from tests.engine.torch_mirror import as_engine, mirror, torch_loss, torch_parameters

CONFIGS = {
    "sgd": OptimizerSpec("sgd", learning_rate=0.1),
    "sgd-momentum": OptimizerSpec("sgd", learning_rate=0.05, momentum=0.9),
    "sgd-nesterov": OptimizerSpec("sgd", learning_rate=0.05, momentum=0.8, nesterov=True),
    "adam": OptimizerSpec("adam", learning_rate=0.01, beta1=0.8, beta2=0.95, eps=1e-6),
    "adamw": OptimizerSpec("adamw", learning_rate=0.01, weight_decay=0.1),
    "rmsprop": OptimizerSpec("rmsprop", learning_rate=0.01, alpha=0.9),
    "rmsprop-momentum": OptimizerSpec("rmsprop", learning_rate=0.01, momentum=0.5),
    "sgd-l2": OptimizerSpec("sgd", learning_rate=0.1, l2=0.3),
    "adam-l1": OptimizerSpec("adam", learning_rate=0.01, l1=0.05),
    "sgd-clip-norm": OptimizerSpec("sgd", learning_rate=0.1, momentum=0.5, clip_norm=0.05),
    "sgd-clip-value": OptimizerSpec("sgd", learning_rate=0.1, clip_value=0.01),
    "sgd-step-warmup": OptimizerSpec("sgd", learning_rate=0.1,
                                     schedule=ScheduleSpec("step", step_size=2, gamma=0.5, warmup_steps=2)),
    "adam-cosine": OptimizerSpec("adam", learning_rate=0.01, schedule=ScheduleSpec("cosine", total_steps=4)),
    "rmsprop-exponential": OptimizerSpec("rmsprop", learning_rate=0.01,
                                         schedule=ScheduleSpec("exponential", gamma=0.7)),
}


# The traced terms that torch keeps as optimizer state, and its names for them.
TORCH_STATE = {"sgd": [("velocity", "momentum_buffer")], "adam": [("exp_avg", "exp_avg"), ("exp_avg_sq", "exp_avg_sq")],
               "rmsprop": [("square_avg", "square_avg"), ("momentum_buffer", "momentum_buffer")]}
TORCH_STATE["adamw"] = TORCH_STATE["adam"]


def torch_optimizer(spec: OptimizerSpec, params):
    if spec.kind == "sgd":
        return torch.optim.SGD(params, lr=spec.learning_rate, momentum=spec.momentum, nesterov=spec.nesterov)
    if spec.kind == "adam":
        return torch.optim.Adam(params, lr=spec.learning_rate, betas=(spec.beta1, spec.beta2), eps=spec.eps)
    if spec.kind == "adamw":
        return torch.optim.AdamW(params, lr=spec.learning_rate, betas=(spec.beta1, spec.beta2), eps=spec.eps,
                                 weight_decay=spec.weight_decay)
    return torch.optim.RMSprop(params, lr=spec.learning_rate, alpha=spec.alpha, eps=spec.eps,
                               momentum=spec.momentum)


def torch_schedule(spec: OptimizerSpec, optimizer):
    s = spec.schedule
    if s.kind == "step":
        main = torch.optim.lr_scheduler.StepLR(optimizer, s.step_size, s.gamma)
    elif s.kind == "exponential":
        main = torch.optim.lr_scheduler.ExponentialLR(optimizer, s.gamma)
    elif s.kind == "cosine":
        main = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, s.total_steps, s.min_lr)
    else:
        main = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1.0)
    if not s.warmup_steps:
        return main
    warm = torch.optim.lr_scheduler.LinearLR(optimizer, 1 / s.warmup_steps, 1.0, s.warmup_steps - 1)
    return torch.optim.lr_scheduler.SequentialLR(optimizer, [warm, main], [s.warmup_steps])


NETWORKS = {
    "dense": NetworkSpec((3,), [DenseSpec(5, "tanh", bias_init="normal"), BatchNormSpec(),
                                DenseSpec(2, "softplus"), DenseSpec(3)], "cross_entropy"),
    "conv": NetworkSpec((2, 7, 6), [Conv2DSpec(3, 3, padding="same", activation="tanh", bias_init="normal"),
                                    MaxPool2DSpec(2), Conv2DSpec(4, 2, stride=2, padding=1, activation="softplus"),
                                    FlattenSpec(), DenseSpec(3)], "cross_entropy"),
}


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("network", sorted(NETWORKS))
@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_five_steps_match_torch(name, network):
    spec = CONFIGS[name]
    net = Network(NETWORKS[network], dtype="float64", seed=4)
    module = mirror(net)
    named = torch_parameters(net, module)
    t_opt = torch_optimizer(spec, list(named.values()))
    scheduler = torch_schedule(spec, t_opt)
    weights = [p for n, p in named.items() if n.endswith((".W", ".K"))]  # the penalties spare the biases
    optimizer = Optimizer(net, spec)
    rng = numpy.random.default_rng(0)
    for step in range(5):
        x, y = rng.normal(size=(6, *net.spec.input_shape)), rng.integers(0, 3, 6)
        assert optimizer.learning_rate == pytest.approx(t_opt.param_groups[0]["lr"], rel=1e-12)
        penalty = optimizer.penalty()
        if step < 4:
            loss = net.train_step(x, y, optimizer)
        else:  # the last step traced, as the stepper does: it must train the same
            trace = net.trace_step(x, y, optimizer)
            loss = trace.loss
        t_opt.zero_grad()
        t_loss = torch_loss("cross_entropy", module(torch.from_numpy(x)), y)
        t_loss = t_loss + sum(spec.l1 * w.abs().sum() + 0.5 * spec.l2 * (w * w).sum() for w in weights)
        t_loss.backward()
        if spec.clip_norm:
            torch.nn.utils.clip_grad_norm_(list(named.values()), spec.clip_norm)
        if spec.clip_value:
            torch.nn.utils.clip_grad_value_(list(named.values()), spec.clip_value)
        t_opt.step()
        scheduler.step()
        assert loss + penalty == pytest.approx(float(t_loss.detach()), rel=1e-9)
    for param_name, tensor in named.items():
        assert_close(net.get(param_name), as_engine(param_name, tensor), 1e-9, param_name)
    # What the trace says the optimizer used and kept is what torch used and keeps.
    for update in trace.updates:
        tensor = named[update.name]
        assert_close(update.terms["g"], as_engine(update.name, tensor.grad), 1e-9, f"{update.name} g")
        kept = {torch_name: value for torch_name, value in t_opt.state[tensor].items() if torch.is_tensor(value)}
        for term, torch_name in TORCH_STATE[spec.kind]:
            assert (term in update.terms) == (torch_name in kept), (update.name, term)
            if torch_name in kept:
                expected = as_engine(update.name, kept[torch_name])
                assert_close(update.terms[term], expected, 1e-9, f"{update.name} {term}")


@pytest.mark.parametrize("name", ["sgd-l2", "adam-l1", "sgd-clip-norm", "sgd-clip-value"])
def test_a_step_leaves_the_gradient_backprop_computed(name):
    """The penalty and clipping change the gradient the rule uses, not network.grad: every view of ∂L/∂W reads
    it after the step."""
    net = Network(NETWORKS["dense"], dtype="float64", seed=4)
    optimizer = Optimizer(net, CONFIGS[name])
    rng = numpy.random.default_rng(0)
    for _ in range(2):
        x, y = rng.normal(size=(6, *net.spec.input_shape)), rng.integers(0, 3, 6)
        net.loss_and_gradients(x, y)
        backprop = net.grad.copy()
        optimizer.step()
        numpy.testing.assert_array_equal(net.grad, backprop)


def test_penalty_reports_the_regularization_term():
    net = Network(NetworkSpec((2,), [DenseSpec(3), DenseSpec(1)], "mse"), dtype="float64")
    optimizer = Optimizer(net, OptimizerSpec(l1=0.1, l2=0.2))
    w1, w2 = net.get("1.W"), net.get("2.W")
    expected = 0.1 * (abs(w1).sum() + abs(w2).sum()) + 0.1 * ((w1**2).sum() + (w2**2).sum())
    assert optimizer.penalty() == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("bad, message", [
    ({"kind": "adagrad"}, "choose one of sgd"),
    ({"learning_rate": -1.0}, "learning rate must be more than 0"),
    ({"momentum": 1.5}, "momentum must be less than 1"),
    ({"kind": "adam", "nesterov": True}, "Nesterov momentum needs SGD"),
    ({"clip_norm": 0}, "clip_norm must be more than 0"),
    ({"lr": 0.1}, "unknown setting 'lr'"),
    ({"schedule": {"kind": "cosine", "total_steps": 0}}, "total_steps must be 1 or more"),
    # The optimizers named as the window names them, not by the file's identifiers ("rmsprop", "adamw").
    ({"kind": "rmsprop", "weight_decay": 0.01}, "^Weight decay applies to AdamW only, and RMSprop would ignore it: "
                                                "choose AdamW, or use an L2 penalty instead\\.$"),
])
def test_bad_optimizer_settings_say_what_to_change(bad, message):
    with pytest.raises(SpecError, match=message):
        OptimizerSpec.from_dict(bad)


def test_optimizer_spec_round_trips():
    spec = CONFIGS["sgd-step-warmup"]
    assert OptimizerSpec.from_dict(spec.to_dict()) == spec


@pytest.mark.parametrize("kind", ["sgd", "adam", "rmsprop"])
def test_weight_decay_is_refused_where_it_would_be_ignored(kind):
    with pytest.raises(SpecError, match="AdamW only.*L2 penalty"):
        OptimizerSpec(kind, weight_decay=0.01).check()
    OptimizerSpec("adamw", weight_decay=0.01).check()


def test_switching_optimizers_drops_only_what_the_new_one_lacks():
    adamw = OptimizerSpec("adamw", learning_rate=0.2, weight_decay=0.01, clip_norm=1.0)
    sgd = adamw.with_kind("sgd")
    assert (sgd.kind, sgd.weight_decay, sgd.learning_rate, sgd.clip_norm) == ("sgd", 0.0, 0.2, 1.0)
    sgd.check()
    nesterov = OptimizerSpec("sgd", momentum=0.9, nesterov=True)
    assert not nesterov.with_kind("rmsprop").nesterov and nesterov.with_kind("sgd").nesterov
    assert adamw.weight_decay == 0.01  # the original is left as it was
    assert adamw.with_kind("adamw").weight_decay == 0.01
    adamw.weight_decay = 0.3
    assert adamw.with_kind("adamw").weight_decay == 0.3  # AdamW's own decay is kept


@pytest.mark.parametrize("kind", ["sgd", "adam", "rmsprop"])
def test_switching_to_adamw_starts_with_pytorchs_weight_decay_not_none(kind):
    """With a decay of 0, AdamW is Adam: a learner who picks it would see no difference."""
    assert OptimizerSpec(kind).with_kind("adamw").weight_decay == 0.01 == torch.optim.AdamW([torch.zeros(1)]).defaults[
        "weight_decay"]
