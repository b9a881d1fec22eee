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
from playground.engine import ActivationSpec, BatchNormSpec, DenseSpec, DropoutSpec, NetworkSpec
from playground.project.export.common import activation_alpha, checked_state, write_file
from playground.project.export.raw_inputs import RawInputs

# The layer functions, by kind; a script holds those its network uses. Rows are examples, as in the app's
# scripting API; the formulas are the engine's (playground/engine/layers.py, blocks.py, activations.py).
FUNCTIONS = {
    "dense": '''
def dense_forward(x, W, b):
    """z = x @ W + b for a batch of rows x (n, fan_in); W is (fan_in, fan_out)."""
    return x @ W + b, (x, W)


def dense_backward(dz, cache):
    """dL/dx = dz Wᵀ, dL/dW = xᵀ dz, dL/db = dz summed over the examples."""
    x, W = cache
    return dz @ W.T, x.T @ dz, dz.sum(axis=0)
''',
    "relu": '''
def relu_forward(z):
    """a = max(0, z)"""
    return z * (z > 0), z


def relu_backward(da, z):
    """g'(z) = 1 where z > 0, else 0"""
    return da * (z > 0)
''',
    "leaky_relu": '''
def leaky_relu_forward(z, alpha):
    """a = z where z > 0, else alpha·z"""
    return np.where(z > 0, z, alpha * z), (z, alpha)


def leaky_relu_backward(da, cache):
    """g'(z) = 1 where z > 0, else alpha"""
    z, alpha = cache
    return da * np.where(z > 0, 1.0, alpha)
''',
    "elu": '''
def elu_forward(z, alpha):
    """a = z where z > 0, else alpha·(eᶻ − 1)"""
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0))), (z, alpha)


def elu_backward(da, cache):
    """g'(z) = 1 where z > 0, else alpha·eᶻ"""
    z, alpha = cache
    return da * np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0)))
''',
    "sigmoid": '''
def sigmoid(z):
    with np.errstate(over="ignore"):  # e⁻ᶻ overflows to inf for z < −709, and 1 / inf = 0 is right
        return 1 / (1 + np.exp(-z))


def sigmoid_forward(z):
    """a = 1 / (1 + e⁻ᶻ)"""
    a = sigmoid(z)
    return a, a


def sigmoid_backward(da, a):
    """g'(z) = a·(1 − a)"""
    return da * a * (1 - a)
''',
    "tanh": '''
def tanh_forward(z):
    """a = tanh(z)"""
    a = np.tanh(z)
    return a, a


def tanh_backward(da, a):
    """g'(z) = 1 − a²"""
    return da * (1 - a * a)
''',
    "softplus": '''
def softplus_forward(z):
    """a = log(1 + eᶻ), computed without overflow"""
    return np.logaddexp(0, z), z


def softplus_backward(da, z):
    """g'(z) = 1 / (1 + e⁻ᶻ), the sigmoid"""
    with np.errstate(over="ignore"):
        return da / (1 + np.exp(-z))
''',
    "softmax": '''
def softmax_forward(z):
    """a_i = e^(z_i) / Σ_j e^(z_j) over each row; shifting by the row's max keeps e^z finite."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    a = e / e.sum(axis=1, keepdims=True)
    return a, a


def softmax_backward(da, a):
    """dL/dz = a ⊙ (da − Σ_j da_j·a_j): the Jacobian times da, without building the Jacobian."""
    return a * (da - (da * a).sum(axis=1, keepdims=True))
''',
    "dropout": '''
def dropout_forward(x, rate, training):
    """Inverted dropout: in training keep each value with probability 1 − rate and scale it by
    1 / (1 − rate), so nothing changes at inference, where dropout is the identity."""
    if not training or rate == 0:
        return x, None
    mask = (RNG.random(x.shape) >= rate) / (1 - rate)
    return x * mask, mask


def dropout_backward(dout, mask):
    return dout if mask is None else dout * mask
''',
    "batchnorm": '''
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum, eps, training):
    """x̂ = (x − μ) / √(σ² + eps), y = gamma·x̂ + beta, per feature (column).

    Training uses the batch's mean and variance and updates the running statistics in place
    (with the unbiased variance); inference uses the running statistics.
    """
    if training:
        n = x.shape[0]
        mean = x.mean(axis=0)
        variance = ((x - mean) ** 2).mean(axis=0)
        running_mean[...] = (1 - momentum) * running_mean + momentum * mean
        unbiased = variance * n / (n - 1) if n > 1 else variance
        running_var[...] = (1 - momentum) * running_var + momentum * unbiased
    else:
        mean, variance = running_mean, running_var
    inv_std = 1 / np.sqrt(variance + eps)
    x_hat = (x - mean) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma, training)


def batchnorm_backward(dy, cache):
    """dL/dgamma = Σ dy·x̂, dL/dbeta = Σ dy over the examples. In training the batch mean and variance
    depend on every example, which adds the last two terms of dL/dx."""
    x_hat, inv_std, gamma, training = cache
    dgamma = (dy * x_hat).sum(axis=0)
    dbeta = dy.sum(axis=0)
    if not training:
        return dy * gamma * inv_std, dgamma, dbeta
    n = dy.shape[0]
    return gamma * inv_std * (dy - dbeta / n - x_hat * dgamma / n), dgamma, dbeta
''',
}

LOSS_FUNCTIONS = {
    "mse": '''
def loss_function(out, y):
    """Mean squared error L = mean((out − y)²) and dL/dout = 2 (out − y) / out.size."""
    diff = out - y
    return float((diff * diff).mean()), 2 * diff / diff.size
''',
    "cross_entropy": '''
def loss_function(logits, y):
    """Softmax cross-entropy L = −mean over rows of Σ y·log softmax(logits), fused with the softmax so
    it stays finite for any logit; then dL/dlogits is simply (softmax(logits) − y) / n."""
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-(y * log_probs).sum() / n), (np.exp(log_probs) - y) / n


def probabilities(logits):
    """Class probabilities: the softmax of the logits."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
''',
    "binary_cross_entropy": '''
def loss_function(logits, y):
    """Binary cross-entropy L = mean(log(1 + eᶻ) − y·z) on the logits z, fused with the sigmoid so it
    stays finite for any logit; then dL/dz is simply (sigmoid(z) − y) / z.size."""
    softplus = np.logaddexp(0, logits)
    probs = np.exp(logits - softplus)  # sigmoid(z) = eᶻ / (1 + eᶻ)
    return float((softplus - y * logits).mean()), (probs - y) / logits.size


def probabilities(logits):
    """Probabilities: the sigmoid of the logits, computed without overflow."""
    return np.exp(logits - np.logaddexp(0, logits))
''',
}

LOSS_NAMES = {"mse": "mean squared error", "cross_entropy": "softmax cross-entropy",
              "binary_cross_entropy": "binary cross-entropy"}


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
    features, outputs = network.input_size, network.output_size
    has_batchnorm = any(info.type == "batchnorm" for info in network.validate())
    training_note = ("\nIn training mode batch normalization uses the batch's statistics and updates its running\n"
                     "statistics in PARAMS, as the app does; inference uses the running statistics.\n"
                     if has_batchnorm else "")
    return f'''"""A network exported from Backprop Playground, as plain NumPy: read it, run it, change it.

    python {file_name}    runs the network on made-up examples and prints what comes out

{raw.description("predict(raw)")}

forward(x) runs the network on prepared inputs x, shape (n, {features}), and returns its {outputs} raw
output{'s' if outputs > 1 else ''} per row. loss_and_gradients(x, y) gives the {LOSS_NAMES[network.loss]} loss and the
gradient of every parameter by the app's names ("1.W", "1.b", ...), from a backward pass written out
layer by layer: the same formulas as the app's engine.

training=False (the default) is inference: dropout passes everything through.{training_note}
Arithmetic is in float64, so a finite-difference check of the gradients agrees to many digits.
"""

'''


def _network_code(network: NetworkSpec, raw: RawInputs, functions: str, forward: str, backward: str) -> str:
    """The imports, the preprocessing, each layer's functions, and the forward and backward passes."""
    features = network.input_size
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
    h = np.asarray(x, dtype=np.float64).reshape(len(x), {features})
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
