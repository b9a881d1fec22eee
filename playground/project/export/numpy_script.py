"""Export a network as one Python file that needs only NumPy: for a student to read, run and change.

The script has a function pair for each kind of layer the network uses (forward keeps a cache, backward
takes it), its forward and backward passes written out layer by layer in the network's order, its loss,
how the app prepared its data (so that predict takes raw examples), and its weights embedded at the end.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy

from playground.data import Dataset
from playground.engine import (
    ActivationSpec,
    AvgPool2DSpec,
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    DropoutSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
    NetworkSpec,
)
from playground.project.export.common import activation_alpha, checked_state, write_file
from playground.project.export.numpy_functions import FUNCTIONS, LOSS_FUNCTIONS, LOSS_NAMES
from playground.project.export.raw_inputs import NO_BREAK, RawInputs, wrap


def export_numpy_script(network: NetworkSpec, state: dict[str, numpy.ndarray], path: Path,
                        dataset: Dataset | None = None) -> None:
    """Write a standalone NumPy script with the network's forward, backward, loss and weights, and
    predict(raw) for examples as the dataset has them (its preprocessing and class names written out).
    Without a dataset, predict takes the network's inputs as they are."""
    raw = RawInputs.of(network, dataset)
    state = checked_state(network, state)
    kinds: list[str] = []
    forward: list[str] = []
    backward: list[str] = []
    _unroll(network.layers, "", "    ", kinds, forward, backward)
    buffer = io.BytesIO()
    numpy.savez_compressed(buffer, **state)
    blob = base64.encodebytes(buffer.getvalue()).decode("ascii")
    functions = "\n".join(FUNCTIONS[kind] for kind in FUNCTIONS if kind in kinds)
    path = Path(path)
    write_file(path, _script(network, raw, path.name, functions, "\n".join(forward),
                             "\n".join(reversed(backward)), blob))


def _unroll(layers: list, prefix: str, indent: str, kinds: list[str], forward: list[str],
            backward: list[str]) -> None:
    """Append each layer's forward line and backward line (backward in forward order, reversed later)."""
    def use(kind: str) -> None:
        if kind not in kinds:
            kinds.append(kind)

    def activation(function: str, alpha: float | None, key: str, comment: str) -> None:
        use(function)
        argument = f", alpha={activation_alpha(function, alpha)!r}" if function in ("leaky_relu", "elu") else ""
        forward.append(f'{indent}h, cache["{key}"] = {function}_forward(h{argument}){comment}')
        backward.append(f'{indent}g = {function}_backward(g, cache["{key}"]){comment}')

    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        if isinstance(layer, DenseSpec):
            use("dense")
            comment = f"  # layer {path}: dense, {layer.units} unit{'s' if layer.units > 1 else ''}"
            forward.append(f'{indent}h, cache["{path}"] = dense_forward(h, P["{path}.W"], P["{path}.b"]){comment}')
            backward.append(f'{indent}g, grads["{path}.W"], grads["{path}.b"] = dense_backward(g, cache["{path}"])'
                            f"{comment}")
            if layer.activation != "linear":
                activation(layer.activation, layer.alpha, f"{path} {layer.activation}", f"  # layer {path}'s "
                           "activation")
        elif isinstance(layer, Conv2DSpec):
            use("conv2d")
            comment = (f"  # layer {path}: conv2d, {layer.filters} filter{'s' if layer.filters > 1 else ''} of "
                       f"{layer.kernel}×{layer.kernel}")
            forward.append(f'{indent}h, cache["{path}"] = conv2d_forward(h, P["{path}.K"], P["{path}.b"], '
                           f"stride={layer.stride}, padding={layer.padding_sides()}){comment}")
            backward.append(f'{indent}g, grads["{path}.K"], grads["{path}.b"] = conv2d_backward(g, cache["{path}"])'
                            f"{comment}")
            if layer.activation != "linear":
                activation(layer.activation, layer.alpha, f"{path} {layer.activation}", f"  # layer {path}'s "
                           "activation")
        elif isinstance(layer, (MaxPool2DSpec, AvgPool2DSpec)):
            use("pooling")
            use(layer.type)
            comment = f"  # layer {path}: {layer.type}, {layer.size}×{layer.size}"
            forward.append(f'{indent}h, cache["{path}"] = {layer.type}_forward(h, size={layer.size}, '
                           f"stride={layer.step}){comment}")
            backward.append(f'{indent}g = {layer.type}_backward(g, cache["{path}"]){comment}')
        elif isinstance(layer, (FlattenSpec, GlobalAvgPoolSpec)):
            use(layer.type)
            comment = f"  # layer {path}: {layer.type}"
            forward.append(f'{indent}h, cache["{path}"] = {layer.type}_forward(h){comment}')
            backward.append(f'{indent}g = {layer.type}_backward(g, cache["{path}"]){comment}')
        elif isinstance(layer, ActivationSpec):
            activation(layer.type, layer.alpha, path, f"  # layer {path}: {layer.type}")
        elif isinstance(layer, DropoutSpec):
            use("dropout")
            comment = f"  # layer {path}: dropout"
            forward.append(f'{indent}h, cache["{path}"] = dropout_forward(h, {layer.rate!r}, training){comment}')
            backward.append(f'{indent}g = dropout_backward(g, cache["{path}"]){comment}')
        elif isinstance(layer, BatchNormSpec):
            use("batchnorm")
            comment = f"  # layer {path}: batch normalization"
            names = ", ".join(f'P["{path}.{name}"]' for name in ("gamma", "beta", "running_mean", "running_var"))
            forward.append(f'{indent}h, cache["{path}"] = batchnorm_forward({comment}\n{indent}    h, {names},\n'
                           f"{indent}    momentum={layer.momentum!r}, eps={layer.eps!r}, training=training)")
            backward.append(f'{indent}g, grads["{path}.gamma"], grads["{path}.beta"] = batchnorm_backward(g, '
                            f'cache["{path}"]){comment}')
        else:
            skip = f"skip_{path.replace('.', '_')}"
            forward.append(f"{indent}{skip} = h  # layer {path}: residual block, out = x + f(x)")
            # Backward lines are reversed at the end: the sum comes first in the written-out backward.
            backward.append(f"{indent}g = g + g_{skip}  # end of residual block {path}: through f plus around it")
            _unroll(layer.layers, f"{path}.", indent, kinds, forward, backward)
            forward.append(f"{indent}h = {skip} + h  # end of residual block {path}")
            backward.append(f"{indent}g_{skip} = g  # layer {path}: residual block; the gradient reaches its input "
                            "through f and around it")


def _script(network: NetworkSpec, raw: RawInputs, file_name: str, functions: str, forward: str, backward: str,
            blob: str) -> str:
    """The whole script: its docstring, the network's code, a demonstration and the weights."""
    return "".join((_docstring(network, raw, file_name), _network_code(network, raw, functions, forward, backward),
                    _demonstration(network, raw), _embedded_weights(blob)))


def _docstring(network: NetworkSpec, raw: RawInputs, file_name: str) -> str:
    outputs = network.output_size
    shape = f"(n,{NO_BREAK}{f',{NO_BREAK}'.join(str(d) for d in network.input_shape)})"
    if len(network.input_shape) > 1:  # images, which forward also takes as flat rows
        shape += f" or as flat rows, (n,{NO_BREAK}{network.input_size})"
    passes = wrap(f"forward(x) runs the network on prepared inputs x, shape {shape}, and returns its {outputs} raw "
                   f"output{'s' if outputs > 1 else ''} per row. loss_and_gradients(x, y) gives the "
                   f"{LOSS_NAMES[network.loss]} loss and the gradient of every parameter by the app's names (\"1.W\", "
                   "\"1.b\", ...), from a backward pass written out layer by layer: the same formulas as the app's "
                   "engine.")
    has_batchnorm = any(info.type == "batchnorm" for info in network.validate())
    training_note = ("\nIn training mode batch normalization uses the batch's statistics and updates its running\n"
                     "statistics in PARAMS, as the app does; inference uses the running statistics.\n"
                     if has_batchnorm else "")
    return f'''"""A network exported from Backprop Playground, as plain NumPy: read it, run it, change it.

    python {file_name}    runs the network on made-up examples and prints what comes out

{raw.description("predict(raw)")}

{passes}

training=False (the default) is inference: dropout passes everything through.{training_note}
Arithmetic is in float64, so a finite-difference check of the gradients agrees to many digits.
"""

'''


def _network_code(network: NetworkSpec, raw: RawInputs, functions: str, forward: str, backward: str) -> str:
    """The imports, the preprocessing, each layer's functions, and the forward and backward passes."""
    shape = ", ".join(str(d) for d in network.input_shape)  # one example's, as the network takes it
    dropout_rng = ("\n# Dropout's random masks in training mode.\nRNG = np.random.default_rng()\n"
                   if any(info.type == "dropout" for info in network.validate()) else "")
    return f'''import base64
import io

import numpy as np

LOSS = "{network.loss}"  # the loss the network was trained with
{dropout_rng}
{raw.constants("np")}
{functions}
{LOSS_FUNCTIONS[network.loss]}
{raw.prepare_function("np")}

def forward_with_cache(x, training=False):
    """The outputs, and what each layer's backward needs from its forward."""
    P = PARAMS
    cache = {{}}
    h = np.asarray(x, dtype=np.float64).reshape(len(x), {shape})
{forward}
    return h, cache


def forward(x, training=False):
    """Raw outputs, one row per example."""
    return forward_with_cache(x, training)[0]
{raw.predict_functions("np", "    outputs = forward(prepare(raw))", "", "predict(raw)")}

def backward(g, cache):
    """Every parameter's gradient, from g = dL/doutputs, through the layers in reverse order."""
    grads = {{}}
{backward}
    return grads


def targets(y, n_outputs):
    """Targets as rows; for cross-entropy, class numbers become one-hot rows."""
    y = np.asarray(y)
    if LOSS == "cross_entropy" and y.ndim == 1:
        return np.eye(n_outputs)[y.astype(int)]
    return y.reshape(len(y), n_outputs).astype(np.float64)


def loss_and_gradients(x, y, training=False):
    """The loss of a batch and dL/dparameter for every parameter, without changing any."""
    out, cache = forward_with_cache(x, training)
    loss, g = loss_function(out, targets(y, out.shape[1]))
    return loss, backward(g, cache)


'''


def _demonstration(network: NetworkSpec, raw: RawInputs) -> str:
    """main(): the network on made-up raw examples, and the gradients on random targets."""
    return f'''def main():
    rng = np.random.default_rng(0)
    raw = {raw.random_raw()}
    x = prepare(raw)
    print("made-up raw examples, shape", raw.shape, "prepared as inputs x, shape", x.shape)
    print("outputs forward(x):")
    print(forward(x))
    print("predict(raw):")
    print(predict(raw))
    y = {_random_targets(network.loss, network.output_size)}
    loss, grads = loss_and_gradients(x, y)
    print(f"loss on random targets: {{loss:.6f}}")
    for name, grad in grads.items():
        print(f"  dL/d{{name:<10}} shape {{str(grad.shape):<10}} norm {{np.linalg.norm(grad):.6f}}")


'''


def _embedded_weights(blob: str) -> str:
    """The parameters inside the file, so that this one file is all a person needs."""
    return f'''def load_parameters(text):
    with np.load(io.BytesIO(base64.b64decode(text)), allow_pickle=False) as stored:
        return {{name: stored[name].astype(np.float64) for name in stored.files}}


# The trained parameters and running statistics by the app's names, as an .npz file in base64. They are
# embedded rather than kept in a file beside this one so that this file alone is everything needed to
# run, share or hand in the network.
WEIGHTS_NPZ_BASE64 = """
{blob}"""
PARAMS = load_parameters(WEIGHTS_NPZ_BASE64)

if __name__ == "__main__":
    main()
'''


def _random_targets(loss: str, outputs: int) -> str:
    if loss == "cross_entropy":
        return f"rng.integers(0, {outputs}, size=5)"
    if loss == "binary_cross_entropy":
        return f"rng.integers(0, 2, size=(5, {outputs}))"
    return f"rng.standard_normal((5, {outputs}))"
