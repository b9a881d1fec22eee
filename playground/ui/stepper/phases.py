"""What the stepper shows, worked out from a StepTrace without Qt: the phases of a step, each
phase's formula in the seed article's notation with the trace's shapes filled in, and the
matrices to draw.

Every number comes from the trace, recorded by the code that trains (docs/architecture.md, "One
copy of the math"); the formulas are the strings the activations and losses carry. Words go
through the translator ui/translation.py installs (playground/words.py), as written until then. Matrices
are drawn as they are stored: activations and gradients features × batch (one column per example), W as
(fan_in, fan_out), a vector such as b as one column, a Conv2D's kernels as kernels. Layers on images
draw one example's maps instead, and write out one chosen cell (image_forward.py, image_backward.py).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import numpy

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.layer_specs import IMAGES, LAYER_SPECS, ActivationSpec, DenseSpec, DropoutSpec, ResidualSpec
from playground.engine.losses import LOSS_CLASSES
from playground.engine.spec import LayerInfo, NetworkSpec
from playground.engine.trace import ForwardRecord, OptimizerRecord, StepTrace, UpdateRecord
from playground.ui.stepper.image_backward import ImageBackward
from playground.ui.stepper.image_common import Focus, ImagePhase
from playground.ui.stepper.image_forward import ImageForward
from playground.ui.stepper.notation import Matrix, dims, matrix, number, tr
from playground.words import listed, term

FORWARD, LOSS, BACKWARD, UPDATE = "forward", "loss", "backward", "update"
# What the fused losses apply to the output z before comparing it with y.
PREDICTION = {"mse": "ŷ = z", "binary_cross_entropy": "ŷ = σ(z)", "cross_entropy": "ŷ = softmax(z)"}
# Conv2D, pooling, Flatten, GlobalAvgPool: their phases draw maps of one example (ImageForward, ImageBackward).
IMAGE_LAYERS = {kind for kind, layer in LAYER_SPECS.items() if layer.takes == IMAGES}


@dataclass(frozen=True)
class Phase:
    kind: str  # FORWARD, LOSS, BACKWARD or UPDATE
    path: str  # the layer's path, "" for the loss and the update
    record: int  # index into trace.forward or trace.backward; -1 for the loss and the update
    title: str

    @property
    def top_path(self) -> str:
        """The top-level layer this phase belongs to: "3" for "3.1"."""
        return self.path.split(".")[0]


def layer_specs(spec: NetworkSpec) -> dict[str, Any]:
    """Each layer's spec by path, blocks and the layers inside them alike."""
    found: dict[str, Any] = {}

    def walk(layers: list, prefix: str) -> None:
        for i, layer in enumerate(layers):
            path = f"{prefix}{i + 1}"
            found[path] = layer
            if isinstance(layer, ResidualSpec):
                walk(layer.layers, f"{path}.")

    walk(spec.layers, "")
    return found


def describe(layer: Any) -> str:
    if isinstance(layer, DenseSpec):
        return f"{term('dense')} {layer.units} {term(layer.activation)}"
    if isinstance(layer, DropoutSpec):
        return f"{term('dropout')} {layer.rate:g}"
    if layer.type == "conv2d":
        return f"{term('conv2d')} {layer.filters} {layer.kernel}×{layer.kernel} {term(layer.activation)}"
    if layer.type in ("maxpool2d", "avgpool2d"):
        return f"{term(layer.type)} {layer.size}×{layer.size}"
    return term(layer.type)


def build_phases(trace: StepTrace, spec: NetworkSpec) -> list[Phase]:
    """Forward through every record, the loss, backward through every record, the update."""
    specs = layer_specs(spec)
    phases = [Phase(FORWARD, r.path, k, tr("Forward · layer {0} ({1})").format(r.path, describe(specs[r.path])))
              for k, r in enumerate(trace.forward)]
    phases.append(Phase(LOSS, "", -1, tr("Loss ({0})").format(term(trace.loss_name))))
    phases += [Phase(BACKWARD, r.path, k, tr("Backward · layer {0} ({1})").format(r.path, describe(specs[r.path])))
               for k, r in enumerate(trace.backward)]
    phases.append(Phase(UPDATE, "", -1, tr("Update")))
    return phases


def update_layers(trace: StepTrace) -> list[str]:
    """The paths of the layers whose parameters the update changed, in order."""
    return list(dict.fromkeys(update.name.rsplit(".", 1)[0] for update in trace.updates))


def update_parameters(trace: StepTrace, layer: str) -> list[str]:
    """The names, such as "W" and "b", of the layer's parameters that the update changed."""
    return [update.name.rsplit(".", 1)[1] for update in trace.updates if update.name.rsplit(".", 1)[0] == layer]


def forward_record(trace: StepTrace, path: str) -> ForwardRecord:
    return next(record for record in trace.forward if record.path == path)


def image_phase(phase: Phase, trace: StepTrace, spec: NetworkSpec, focus: Focus | None = None) -> ImagePhase | None:
    """The phase of a layer on images, drawn for `focus`'s example and cell; None for any other phase."""
    if phase.kind not in (FORWARD, BACKWARD):
        return None
    record = (trace.forward if phase.kind == FORWARD else trace.backward)[phase.record]
    if record.type not in IMAGE_LAYERS:
        return None
    layer, info, focus = layer_specs(spec)[phase.path], layer_info(spec, phase.path), focus or Focus()
    if phase.kind == FORWARD:
        return ImageForward(trace, phase.record, layer, info, focus)
    return ImageBackward(trace, phase.record, layer, info, focus)


def layer_info(spec: NetworkSpec, path: str) -> LayerInfo:
    return next(info for info in spec.validate() if info.path == path)


def _directly_inside(records: list, path: str) -> list:
    """The records of the layers directly inside block `path`, in the order recorded."""
    return [r for r in records if r.path.rsplit(".", 1)[0] == path and r.path.count(".") == path.count(".") + 1]


def block_output(trace: StepTrace, path: str) -> numpy.ndarray:
    """f(x) of a residual block: the output of the last layer directly inside it."""
    return _directly_inside(trace.forward, path)[-1].output


def block_input_gradient(trace: StepTrace, path: str) -> numpy.ndarray:
    """∂L/∂x through f of a residual block: what the first layer directly inside it passed down."""
    return _directly_inside(trace.backward, path)[-1].grad_input


# The matrices of each phase.

def phase_matrices(phase: Phase, trace: StepTrace, spec: NetworkSpec, parameter: str | None = None,
                   image: ImagePhase | None = None) -> list[Matrix]:
    """The phase's matrices in the order the formula names them; for the update, how the chosen
    parameter (a stable name, "1.W") went from its gradient to its change. A layer on images draws the maps
    of one example, its cell outlined: those of `image` (image_phase's), by default of example 0."""
    image = image or image_phase(phase, trace, spec)
    if image is not None:
        return image.matrices()
    if phase.kind == FORWARD:
        return _forward_matrices(trace, trace.forward[phase.record], layer_specs(spec)[phase.path])
    if phase.kind == LOSS:
        grad_name = LOSS_CLASSES[trace.loss_name].gradient_formula.split(" =")[0]
        return [matrix("ŷ", trace.prediction), matrix("y", trace.target), matrix(grad_name, trace.loss_grad)]
    if phase.kind == BACKWARD:
        return _backward_matrices(trace, phase.record)
    update = _update_of(trace, parameter)
    return [] if update is None else _update_matrices(trace, update)


def _forward_matrices(trace: StepTrace, record: ForwardRecord, layer: Any) -> list[Matrix]:
    state, path = trace.state_before, record.path
    if record.type == "dense":
        shown = [matrix("x", record.input), matrix("W", state[f"{path}.W"]), matrix("b", state[f"{path}.b"]),
                 matrix("z", record.extras["z"])]
        return shown if layer.activation == "linear" else [*shown, matrix("a", record.output)]
    if record.type == "batchnorm":
        return [matrix("x", record.input), matrix("x̂", record.extras["x_hat"]), matrix("γ", state[f"{path}.gamma"]),
                matrix("β", state[f"{path}.beta"]), matrix("y", record.output)]
    if record.type == "dropout":
        mask = [matrix("m", record.extras["mask"])] if "mask" in record.extras else []
        return [matrix("x", record.input), *mask, matrix("y", record.output)]
    if record.type == "residual":
        return [matrix("x", record.input), matrix("f(x)", block_output(trace, path)), matrix("out", record.output)]
    return [matrix("z", record.input), matrix("a", record.output)]


def _backward_matrices(trace: StepTrace, k: int) -> list[Matrix]:
    record = trace.backward[k]
    grads = record.param_grads
    grad_in = [] if record.grad_input is None else [record.grad_input]
    if record.type == "dense":
        return [matrix("∂L/∂a", record.grad_output), matrix("δ", record.extras.get("delta", record.grad_output)),
                matrix("∂L/∂W", grads["W"]), matrix("∂L/∂b", grads["b"]), *(matrix("∂L/∂x", g) for g in grad_in)]
    if record.type == "batchnorm":
        return [matrix("∂L/∂y", record.grad_output), matrix("∂L/∂γ", grads["gamma"]), matrix("∂L/∂β", grads["beta"]),
                *(matrix("∂L/∂x", g) for g in grad_in)]
    if record.type == "dropout":
        return [matrix("∂L/∂y", record.grad_output), *(matrix("∂L/∂x", g) for g in grad_in)]
    if record.type == "residual":  # the two terms of the sum and the sum
        return [matrix("∂L/∂out", record.grad_output),
                matrix(tr("∂L/∂x through f"), block_input_gradient(trace, record.path)),
                *(matrix("∂L/∂x", g) for g in grad_in)]
    return [matrix("∂L/∂a", record.grad_output), *(matrix("∂L/∂z", g) for g in grad_in)]


# The formulas of each phase, as rich text: one row per equation, the shapes beside it.

def formula_html(phase: Phase, trace: StepTrace, spec: NetworkSpec, parameter: str | None = None,
                 image: ImagePhase | None = None) -> str:
    """The phase's formulas; for the update, those of the chosen parameter (a stable name, "1.W")."""
    image = image or image_phase(phase, trace, spec)
    if image is not None:
        rows, note = image.rows(), image.note()
    elif phase.kind == FORWARD:
        rows = _forward_rows(trace, trace.forward[phase.record], layer_specs(spec)[phase.path])
        note = tr("Shapes are rows × columns; x, z and a hold one column per example.")
    elif phase.kind == LOSS:
        rows, note = _loss_rows(trace), _loss_note(trace.loss_name)
    elif phase.kind == BACKWARD:
        rows = _backward_rows(trace, phase.record, layer_specs(spec)[phase.path])
        if trace.backward[phase.record].type == "dense":
            # Where the seed article's derivation goes wrong, which a reader following it would stop at.
            note = tr("∂L/∂W = x δᵀ: ∂z/∂W brings x, not the seed article's Wᵀ, "
                      "and the article's minus is the update's.")
        else:  # no W here to say that of
            note = tr("Each backward phase takes ∂L/∂ of its output from the layer above and passes ∂L/∂x, "
                      "of its input, to the layer below.")
    else:
        rows, note = _update_rows(trace, parameter)
    cells = "".join(f"<tr><td style='padding-right:18px'>{html.escape(left)}</td>"
                    f"<td style='color:gray'>{html.escape(right)}</td></tr>" for left, right in rows)
    return (f"<p style='margin:0'><b>{html.escape(phase.title)}</b></p><table>{cells}</table>"
            f"<p style='margin:0; color:gray'><small>{html.escape(note)}</small></p>")


def function_formulas(name: str) -> tuple[str, str]:
    """An activation's formula and its derivative's, as the engine writes them."""
    function = ACTIVATION_FUNCTIONS[name]
    return function.formula, function.derivative


def _forward_rows(trace: StepTrace, record: ForwardRecord, layer: Any) -> list[tuple[str, str]]:
    x, out, state = record.input, record.output, trace.state_before
    if record.type == "dense":
        w, b = state[f"{record.path}.W"], state[f"{record.path}.b"]
        rows = [("z = Wᵀx + b", f"({dims(w)})ᵀ·({dims(x)}) + ({dims(b)}) → ({dims(out)})")]
        formula, _ = function_formulas(layer.activation)
        return [*rows, (f"a = g(z),   {formula}", f"→ ({dims(out)})")]
    if record.type == "softmax":
        return [("a_i = exp(z_i) / Σ_j exp(z_j)", tr("over the features of each example: ({0}) → ({1})").format(
            dims(x), dims(out)))]
    if record.type == "dropout":
        if "mask" not in record.extras:
            return [("y = x", tr("dropout is off outside training: ({0})").format(dims(x)))]
        return [("y = x ⊙ m", f"({dims(x)}) ⊙ ({dims(record.extras['mask'])}) → ({dims(out)})"),
                (tr("m = 1/(1 − p) kept with probability 1 − p, else 0"), f"p = {layer.rate:g}")]
    if record.type == "batchnorm":
        return [(tr("x̂ = (x − μ)/√(σ² + ε),  μ and σ² over the batch, per feature"), f"({dims(x)}) → ({dims(x)})"),
                ("y = γ ⊙ x̂ + β", f"({dims(state[f'{record.path}.gamma'])}) ⊙ ({dims(x)}) + "
                                  f"({dims(state[f'{record.path}.beta'])}) → ({dims(out)})")]
    if record.type == "residual":
        return [("out = x + f(x)", tr("f: the layers inside the block; ({0}) → ({1})").format(dims(x), dims(out)))]
    formula, _ = function_formulas(record.type if isinstance(layer, ActivationSpec) else "linear")
    return [(f"a = g(z),   {formula}", f"({dims(x)}) → ({dims(out)})")]


def _loss_rows(trace: StepTrace) -> list[tuple[str, str]]:
    loss = LOSS_CLASSES[trace.loss_name]
    return [(PREDICTION[trace.loss_name], f"({dims(trace.prediction)})"),
            (loss.formula, f"= {number(trace.loss, 6)}"),
            (loss.gradient_formula, f"→ ({dims(trace.loss_grad)})"), *_penalty_rows(trace)]


# Each penalty as the loss phase writes it: its sum over a weight's entries, its factor, and its gradient.
PENALTIES = {"l1": ("Σ|{0}|", "l1", lambda weight: numpy.abs(weight).sum()),
             "l2": ("Σ{0}²", "(l2/2)", lambda weight: 0.5 * numpy.vdot(weight, weight))}


def _penalty_rows(trace: StepTrace) -> list[tuple[str, str]]:
    """The L1 or L2 penalty on the weights before the step: L leaves it out, as the Loss tab does, but the update
    adds its gradient to g."""
    rows = []
    for key, (summed, factor, value) in PENALTIES.items():
        penalized = [update for update in trace.updates if key in update.terms]
        if not penalized:
            continue
        rate = trace.optimizer.settings[key]
        symbols = list(dict.fromkeys(_symbol(update) for update in penalized))  # W, and K on images
        total = rate * sum(float(value(update.before.astype(numpy.float64))) for update in penalized)
        rows.append((f"R = {factor}·{' + '.join(summed.format(symbol) for symbol in symbols)}",
                     tr("= {0}, the penalty: left out of L and of the Loss tab; its gradient {1} joins g in the "
                        "update").format(number(total), PENALTY_TERMS[key].format(symbols[0]))))
    return rows


def _loss_note(loss_name: str) -> str:
    if loss_name == "mse":  # nothing between the output and the loss: no σ, softmax or log to fuse
        return tr("ŷ is the last layer's output itself; n counts the examples of the batch, k the outputs of each.")
    return tr("The loss applies σ or softmax itself, fused with the log.")


def _backward_rows(trace: StepTrace, k: int, layer: Any) -> list[tuple[str, str]]:
    record = trace.backward[k]
    g_out, g_in, grads = record.grad_output, record.grad_input, record.param_grads
    into = [] if g_in is None else [g_in]
    if record.type == "dense":
        x, w = forward_record(trace, record.path).input, trace.state_before[f"{record.path}.W"]
        delta = record.extras.get("delta", g_out)
        _, derivative = function_formulas(layer.activation)
        one = g_out.shape[1] == 1
        rows = [(f"δ = ∂L/∂z = (∂L/∂a) ⊙ g'(z),   {derivative}",
                 f"({dims(g_out)}) ⊙ ({dims(delta)}) → ({dims(delta)})"),
                ("∂L/∂W = x δᵀ", f"({dims(x)})·({dims(delta.T)}) → ({dims(grads['W'])})"),
                ("∂L/∂b = δ" if one else tr("∂L/∂b = Σ over the batch of δ"), f"→ ({dims(grads['b'])})")]
        return rows + [("∂L/∂x = W δ", f"({dims(w)})·({dims(delta)}) → ({dims(g)})") for g in into]
    if record.type == "softmax":
        return [("∂L/∂z = a ⊙ (∂L/∂a − Σ_j (∂L/∂a)_j a_j)", f"({dims(g_out)}) → ({dims(g)})") for g in into]
    if record.type == "dropout":
        return [("∂L/∂x = (∂L/∂y) ⊙ m", f"({dims(g_out)}) → ({dims(g)})") for g in into]
    if record.type == "batchnorm":
        return [(tr("∂L/∂γ = Σ over the batch of (∂L/∂y) ⊙ x̂"), f"→ ({dims(grads['gamma'])})"),
                (tr("∂L/∂β = Σ over the batch of ∂L/∂y"), f"→ ({dims(grads['beta'])})"),
                *[("∂L/∂x = γ/√(σ² + ε) ⊙ (∂L/∂y − mean(∂L/∂y) − x̂ ⊙ mean(∂L/∂y ⊙ x̂))",
                   f"({dims(g_out)}) → ({dims(g)})") for g in into]]
    if record.type == "residual":
        return [(tr("∂L/∂x = ∂L/∂out + (∂L/∂x through f)"), f"({dims(g_out)}) → ({dims(g)})") for g in into]
    _, derivative = function_formulas(record.type)
    return [(f"∂L/∂z = (∂L/∂a) ⊙ g'(z),   {derivative}", f"({dims(g_out)}) → ({dims(g)})") for g in into]


def _update_of(trace: StepTrace, parameter: str | None) -> UpdateRecord | None:
    return next((update for update in trace.updates if update.name == parameter), None)


SYMBOLS = {"gamma": "γ", "beta": "β"}  # BatchNorm's parameters, as the phases of its layer write them


def _symbol(update: UpdateRecord) -> str:
    """The updated parameter as the formulas write it: "W", "b", "γ"."""
    return parameter_symbol(update.name.rsplit(".", 1)[1])


def parameter_symbol(name: str) -> str:
    """A layer's parameter, "W" or "gamma", as the formulas write it: "W", "γ"."""
    return SYMBOLS.get(name, name)


PENALTY_TERMS = {"l1": "l1·sign({0})", "l2": "l2·{0}"}  # the UpdateRecord terms, as the formulas write them
# The optimizer's state shown as heatmaps: (the UpdateRecord term, its symbol in the formulas).
STATE_SHOWN = {"sgd": [("velocity", "v")], "adam": [("m_hat", "m̂"), ("v_hat", "v̂")],
               "rmsprop": [("square_avg", "s"), ("momentum_buffer", "v")]}
STATE_SHOWN["adamw"] = STATE_SHOWN["adam"]


UPDATE_GRADIENT = 1  # where ∂L/∂θ, as backprop gave it, is among an update's matrices


def _update_matrices(trace: StepTrace, update: UpdateRecord) -> list[Matrix]:
    """The parameter before, its gradient from backprop, the penalty terms, the gradient the rule used
    when penalties or clipping changed it, the optimizer's state, the change and the parameter after."""
    name, terms, settings = _symbol(update), update.terms, trace.optimizer.settings
    level = max(matrix("", update.before).level, matrix("", update.after).level)
    shown = [matrix(tr("{0} before").format(name), update.before, level), matrix(f"∂L/∂{name}", terms["grad"])]
    shown += [matrix(PENALTY_TERMS[key].format(name), terms[key]) for key in PENALTY_TERMS if key in terms]
    changed = any(key in terms for key in PENALTY_TERMS) or settings["clip_norm"] or settings["clip_value"]
    if changed:
        shown.append(matrix("g", terms["g"]))
    shown += [matrix(symbol, terms[key]) for key, symbol in STATE_SHOWN[settings["kind"]] if key in terms]
    return [*shown, matrix(f"Δ{name}", update.change), matrix(tr("{0} after").format(name), update.after, level)]


def _update_rows(trace: StepTrace, parameter: str | None) -> tuple[list[tuple[str, str]], str]:
    """The chosen optimizer's update of one parameter, step by step, with this step's numbers."""
    update, record = _update_of(trace, parameter), trace.optimizer
    if update is None or record is None:
        return [("θ ← θ − Δθ", "")], tr("This step was traced without an optimizer: it has no update.")
    p, settings, scalars = _symbol(update), record.settings, record.scalars
    rows = [_gradient_row(p, update, settings)]
    if settings["clip_norm"] is not None:
        factor = scalars["clip_factor"]
        effect = (tr("× {0}").format(number(factor)) if factor < 1
                  else tr("factor {0} ≥ 1: not clipped").format(number(factor)))
        rows.append(("g ← g · min(1, c / (‖g‖ + 10⁻⁶))", tr("‖g‖ = {0} over all parameters, c = {1}: {2}").format(
            number(scalars["norm"]), number(settings["clip_norm"]), effect)))
    if settings["clip_value"] is not None:
        clipped = update.terms["clipped"]
        rows.append(("g ← clip(g, −c, c)", tr("c = {0}: {1} of {2} entries clipped").format(
            number(settings["clip_value"]), int(clipped.sum()), clipped.size)))
    rows += _rule_rows(p, trace, record)
    largest = float(numpy.abs(update.change).max()) if update.change.size else 0.0
    rows.append((tr("Δ{0} = {0} after − {0} before").format(p), tr("largest |Δ{0}| = {1}").format(p, number(largest))))
    # A step far smaller than the weight it is added to rounds away: a vanishing gradient moves nothing at all.
    step = update.terms.get("step")
    lost = numpy.zeros(update.change.shape, bool) if step is None else (step != 0) & (update.change == 0)
    if lost.any():
        rows.append((tr("{0} of {1} entries did not change").format(int(lost.sum()), lost.size),
                     tr("their step, at most {0}, is too small for {1} to add to their values").format(
                         number(float(numpy.abs(step[lost]).max())), update.before.dtype.name)))
    state = [symbol for key, symbol in STATE_SHOWN[settings["kind"]] if key in update.terms]
    kept = tr("{0}: from the optimizer's state after this step. ").format(listed(state)) if state else ""
    if settings["kind"] in ("adam", "adamw"):  # t is the optimizer's own count, not the run's step
        kept += tr("t counts {0}'s own steps, from 1 at the first step after {0} was chosen or the run began: "
                   "switching optimizers starts m, v and t afresh. ").format(term(settings["kind"]))
    return rows, kept + tr("Apply update writes these values into the network; Discard leaves it as it was.")


def _gradient_row(p: str, update: UpdateRecord, settings: dict) -> tuple[str, str]:
    """g: the parameter's gradient from backprop, plus the penalty terms when they apply to it."""
    penalties = [key for key in PENALTY_TERMS if key in update.terms]
    if penalties:
        formula = " + ".join([f"g = ∂L/∂{p}", *(PENALTY_TERMS[key].format(p) for key in penalties)])
        return formula, ", ".join(f"{key} = {number(settings[key])}" for key in penalties)
    if settings["l1"] or settings["l2"]:
        return f"g = ∂L/∂{p}", tr("from backprop; the penalty applies to the weights W only")
    return f"g = ∂L/∂{p}", tr("from backprop")


def _rate(trace: StepTrace, settings: dict) -> str:
    """α of this step, and where the schedule has taken it from the base rate."""
    rate, base = f"α = {number(trace.learning_rate)}", number(settings["learning_rate"])
    schedule = settings["schedule"]
    kind, warmup = schedule["kind"], schedule["warmup_steps"]
    if kind == "constant" and not warmup:
        return rate
    name = tr("constant rate") if kind == "constant" else term(kind)
    if warmup:  # the ramp comes before the schedule: "constant" alone would not say why α is below the base
        return tr("{0} (warm-up over the first {1} steps up to {2}, then {3})").format(rate, warmup, base, name)
    return tr("{0} ({1} schedule, base {2})").format(rate, name, base)


def _rule_rows(p: str, trace: StepTrace, record: OptimizerRecord) -> list[tuple[str, str]]:
    settings, scalars = record.settings, record.scalars
    kind, rate, eps = settings["kind"], _rate(trace, settings), f"ε = {number(settings['eps'])}"
    mu = f"μ = {number(settings['momentum'])}"
    if kind == "sgd":
        if not settings["momentum"]:
            return [(f"{p} ← {p} − α g", rate)]
        step = "α (g + μ v)" if settings["nesterov"] else "α v"
        return [("v ← μ v + g", mu), (f"{p} ← {p} − {step}", rate)]
    if kind == "rmsprop":
        rows = [("s ← ρ s + (1 − ρ) g²", f"ρ = {number(settings['alpha'])}")]
        if not settings["momentum"]:
            return [*rows, (f"{p} ← {p} − α g / (√s + ε)", f"{rate}, {eps}")]
        return [*rows, ("v ← μ v + g / (√s + ε)", f"{mu}, {eps}"), (f"{p} ← {p} − α v", rate)]
    b1, b2 = number(settings["beta1"]), number(settings["beta2"])
    corrections = number(scalars["bias_correction1"]), number(scalars["bias_correction2"])
    rows = [("m ← β₁ m + (1 − β₁) g", f"β₁ = {b1}"), ("v ← β₂ v + (1 − β₂) g²", f"β₂ = {b2}"),
            ("m̂ = m / (1 − β₁ᵗ)", f"t = {record.t}: 1 − β₁ᵗ = {corrections[0]}"),
            ("v̂ = v / (1 − β₂ᵗ)", f"1 − β₂ᵗ = {corrections[1]}")]
    if "decay" in scalars:  # AdamW shrinks θ first, apart from the gradient
        rows.append((f"{p} ← (1 − αλ) {p}",
                     f"λ = {number(settings['weight_decay'])}: 1 − αλ = {number(scalars['decay'], 6)}"))
    return [*rows, (f"{p} ← {p} − α m̂ / (√v̂ + ε)", f"{rate}, {eps}")]
