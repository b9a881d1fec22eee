"""The PyTorch export: model.py, whose build_model() gives a torch.nn.Sequential equal to the network,
its state_dict, for a trained project the optimizer with its state, and with the project's data train.py,
which trains on as the app trains (train_script)."""

from __future__ import annotations

import io
import keyword
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
from playground.errors import PlaygroundError, install_advice
from playground.project.bpp import Project
from playground.project.export.common import activation_alpha, checked_state, project_state, write_file
from playground.project.export.raw_inputs import RawInputs
from playground.project.export.torch_optimizer import (
    TrainedOptimizer,
    not_carried,
    project_optimizer,
    torch_optimizer_code,
    torch_optimizer_state,
)
from playground.project.export.train_script import export_training_script
from playground.words import tr

Axes = tuple[int, ...] | None  # how torch orders a parameter's axes, when not as ours

# Our activation names as torch modules; {alpha} is filled in with the layer's (or the default) alpha.
TORCH_ACTIVATIONS = {
    "relu": "nn.ReLU()",
    "leaky_relu": "nn.LeakyReLU(negative_slope={alpha})",
    "elu": "nn.ELU(alpha={alpha})",
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "softplus": "nn.Softplus()",
    "softmax": "nn.Softmax(dim=1)",
}
# Our losses as torch losses, each with what the outputs mean. All three take the raw outputs,
# as ours do: the classification losses fuse the final softmax or sigmoid.
TORCH_LOSSES = {
    "cross_entropy": ("nn.CrossEntropyLoss()", "softmax cross-entropy on the logits (CrossEntropyLoss applies the "
                      "softmax itself).\n# Class probabilities: torch.softmax(model(x), dim=1)."),
    "binary_cross_entropy": ("nn.BCEWithLogitsLoss()", "binary cross-entropy on the logits (BCEWithLogitsLoss "
                             "applies the sigmoid itself).\n# Probabilities: torch.sigmoid(model(x))."),
    "mse": ("nn.MSELoss()", "mean squared error on the outputs as they are."),
}

# predict's outputs: the model in inference mode, on the prepared raw examples.
PREDICT_OUTPUTS = """    model.eval()
    with torch.no_grad():
        outputs = model(prepare(raw))"""

RESIDUAL_CLASS = '''

class Residual(nn.Module):
    """out = x + f(x): the block's layers f, with their input added back."""

    def __init__(self, body: nn.Sequential) -> None:
        super().__init__()
        self.body = body

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.body(x)
'''


# train.py, and the modules the model's file and train.py import: <name>.py beside them would replace or hide them.
TAKEN_NAMES = frozenset({"argparse", "collections", "json", "math", "numpy", "os", "pathlib", "sys", "time", "torch",
                         "train"})


def export_pytorch(network: NetworkSpec, state: dict[str, numpy.ndarray], folder: Path,
                   name: str = "model", optimizer: TrainedOptimizer | None = None,
                   dataset: Dataset | None = None) -> list[Path]:
    """Write <name>.py, whose build_model() gives a torch.nn.Sequential equal to the network and whose
    predict(model, raw) takes examples as the dataset has them (its preprocessing and class names written
    out; without a dataset, the network's inputs as they are), and <name>_state_dict.pt with the weights
    under that model's names. With a trained optimizer, also build_optimizer() in <name>.py and its state
    in <name>_optimizer.pt. Returns the paths written."""
    try:
        import torch
    except ImportError:
        advice = install_advice("PyTorch", "pip install torch")
        raise PlaygroundError(tr("Exporting to PyTorch needs PyTorch: {0}; or export a NumPy script.").format(advice)) \
            from None
    if not name.isidentifier() or keyword.iskeyword(name):
        raise PlaygroundError(tr("The name {0!r} cannot be a Python module name: use letters, digits and _, such as "
                                 "model.").format(name))
    if name in TAKEN_NAMES:
        raise PlaygroundError(tr("The name {0!r} is taken by train.py or a module the exported files import, which "
                                 "its file would hide: choose another, such as model.").format(name))
    raw = RawInputs.of(network, dataset)
    state = checked_state(network, state)
    lines: list[str] = []
    keys: dict[str, tuple[str, Axes]] = {}  # torch key -> (our name, how torch orders its axes, if otherwise)
    _torch_layers(network.layers, tuple(network.input_shape), "", 2, lines, keys)
    tensors = {}
    for key, (ours, axes) in keys.items():
        value = state[ours] if axes is None else state[ours].transpose(axes)
        # float32, as build_model()'s parameters are; a copy, so the saved tensor owns its memory.
        tensors[key] = torch.tensor(numpy.array(value, dtype=numpy.float32))
        if key.endswith(".running_var"):
            # torch counts batches only to average when momentum is None; ours always has a momentum.
            tensors[key.removesuffix("running_var") + "num_batches_tracked"] = torch.tensor(0)
    folder = Path(folder)
    code_path, weights_path = folder / f"{name}.py", folder / f"{name}_state_dict.pt"
    code = _torch_module(network, raw, lines, weights_path.name, name)
    files = {weights_path: tensors}
    if optimizer is not None:
        parameters = [entry for key, entry in keys.items() if not key.endswith(("running_mean", "running_var"))]
        optimizer_path = folder / f"{name}_optimizer.pt"
        files[optimizer_path] = torch_optimizer_state(torch, network, optimizer, parameters)
        code += _torch_optimizer_function(optimizer, optimizer_path.name)
    write_file(code_path, code)
    for path, content in files.items():
        buffer = io.BytesIO()
        torch.save(content, buffer)
        write_file(path, buffer.getvalue())
    return [code_path, *files]


def export_pytorch_project(project: Project, folder: Path, name: str = "model",
                           dataset: Dataset | None = None) -> list[Path]:
    """A project's PyTorch export: the model, its weights and, once trained, its optimizer (export_pytorch);
    with the project's data, also train.py and its data.npz, to train on with PyTorch as the app trains.
    Returns the paths written."""
    written = export_pytorch(project.network, project_state(project), folder, name, project_optimizer(project),
                             dataset)
    if dataset is not None:
        written += export_training_script(project, dataset, folder, name)
    return written


def _torch_optimizer_function(optimizer: TrainedOptimizer, state_name: str) -> str:
    notes = "".join(f"\n    Not carried over: {note}." for note in not_carried(optimizer.spec))
    return f'''

def build_optimizer(model: nn.Module) -> torch.optim.Optimizer:
    """The optimizer the app trained with, at the learning rate in effect when it was exported
    ({optimizer.steps} steps in). Its state (momentum, moment estimates, step count) goes on with:

        optimizer = build_optimizer(model)
        optimizer.load_state_dict(torch.load("{state_name}"))
{notes}
    """
    return {torch_optimizer_code(optimizer)}
'''


def _torch_layers(layers: list, shape: tuple[int, ...], prefix: str, depth: int, lines: list[str],
                  keys: dict[str, tuple[str, Axes]], key_prefix: str = "") -> None:
    """Append one `("name", module),  # layer path` line per module; record each saved tensor's key."""
    indent = "    " * depth
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        tag = path.replace(".", "_")
        if isinstance(layer, (DenseSpec, Conv2DSpec)):
            module = f"{layer.type}_{tag}"
            if isinstance(layer, DenseSpec):
                lines.append(f'{indent}("{module}", nn.Linear({shape[0]}, {layer.units})),  # layer {path}: dense, '
                             f"{layer.units} unit{'s' if layer.units > 1 else ''}")
                # nn.Linear keeps its weight as (out_features, in_features): our W transposed.
                keys[f"{key_prefix}{module}.weight"] = (f"{path}.W", (1, 0))
            else:
                before, after = layer.padding_sides()
                if before != after:  # "same" around an even kernel: the odd zero goes after, below and right
                    lines.append(f'{indent}("pad_{tag}", nn.ZeroPad2d(({before}, {after}, {before}, {after}))),'
                                 f'  # layer {path}\'s "same" padding: left, right, top, bottom')
                    before = 0
                filters = f"{layer.filters} filter{'s' if layer.filters > 1 else ''}"
                lines.append(f'{indent}("{module}", nn.Conv2d({shape[0]}, {layer.filters}, kernel_size={layer.kernel}, '
                             f"stride={layer.stride}, padding={before})),  # layer {path}: conv2d, {filters} of "
                             f"{layer.kernel}×{layer.kernel}")
                # nn.Conv2d keeps its weight as (out_channels, in_channels, kh, kw): our K (C, kh, kw, F) permuted.
                keys[f"{key_prefix}{module}.weight"] = (f"{path}.K", (3, 0, 1, 2))
            keys[f"{key_prefix}{module}.bias"] = (f"{path}.b", None)
            if layer.activation != "linear":
                lines.append(f'{indent}("{layer.activation}_{tag}", '
                             f"{_torch_activation(layer.activation, layer.alpha)}),  # layer {path}'s activation")
        elif isinstance(layer, (MaxPool2DSpec, AvgPool2DSpec)):
            kind, what = ("MaxPool2d", "max") if isinstance(layer, MaxPool2DSpec) else ("AvgPool2d", "average")
            lines.append(f'{indent}("{layer.type}_{tag}", nn.{kind}(kernel_size={layer.size}, stride={layer.step})),'
                         f"  # layer {path}: {what} pooling, {layer.size}×{layer.size}")
        elif isinstance(layer, FlattenSpec):
            lines.append(f'{indent}("flatten_{tag}", nn.Flatten()),  # layer {path}: flatten')
        elif isinstance(layer, GlobalAvgPoolSpec):
            lines.append(f'{indent}("globalavgpool_{tag}", nn.AdaptiveAvgPool2d(1)),  # layer {path}: global average '
                         "pooling,")
            lines.append(f'{indent}("globalavgpool_{tag}_flat", nn.Flatten()),  # its (channels, 1, 1) read flat')
        elif isinstance(layer, ActivationSpec):
            lines.append(f'{indent}("{layer.type}_{tag}", {_torch_activation(layer.type, layer.alpha)}),'
                         f"  # layer {path}: {layer.type}")
        elif isinstance(layer, DropoutSpec):
            lines.append(f'{indent}("dropout_{tag}", nn.Dropout(p={layer.rate!r})),  # layer {path}: dropout')
        elif isinstance(layer, BatchNormSpec):
            module = f"batchnorm_{tag}"
            # Our running statistics follow running = (1 − momentum)·running + momentum·batch, with the
            # unbiased batch variance: torch's convention exactly, so momentum and eps carry over as they are.
            lines.append(f'{indent}("{module}", nn.BatchNorm1d({shape[0]}, eps={layer.eps!r}, '
                         f"momentum={layer.momentum!r})),  # layer {path}: batch normalization")
            for torch_name, ours in (("weight", "gamma"), ("bias", "beta"), ("running_mean", "running_mean"),
                                     ("running_var", "running_var")):
                keys[f"{key_prefix}{module}.{torch_name}"] = (f"{path}.{ours}", None)
        else:
            module = f"residual_{tag}"
            lines.append(f'{indent}("{module}", Residual(nn.Sequential(OrderedDict([  # layer {path}: residual '
                         "block, out = x + f(x)")
            _torch_layers(layer.layers, shape, f"{path}.", depth + 1, lines, keys, f"{key_prefix}{module}.body.")
            lines.append(f"{indent}])))),")
        shape = layer.output_shape(shape)


def _torch_activation(function: str, alpha: float | None) -> str:
    if function not in ("leaky_relu", "elu"):
        return TORCH_ACTIVATIONS[function]
    return TORCH_ACTIVATIONS[function].format(alpha=repr(float(activation_alpha(function, alpha))))


def _contains(network: NetworkSpec, kind: str) -> bool:
    return any(info.type == kind for info in network.validate())


def _torch_module(network: NetworkSpec, raw: RawInputs, lines: list[str], weights_name: str, name: str) -> str:
    loss, meaning = TORCH_LOSSES[network.loss]
    shape = ", ".join(str(d) for d in network.input_shape)  # one example's, as the network takes it
    residual = RESIDUAL_CLASS if _contains(network, "residual") else ""
    kernels = (" A Conv2D's kernels K, (channels, kh, kw, filters), are the\nnn.Conv2d's weight with its axes in "
               "torch's order, (filters, channels, kh, kw)." if _contains(network, "conv2d") else "")
    body = "\n".join(lines)
    predict = raw.predict_functions("torch", PREDICT_OUTPUTS, "model: nn.Module, ", "predict(model, raw)")
    return f'''"""A network exported from Backprop Playground, as PyTorch modules with its trained weights.

Load it (on any hardware: the weights are plain CPU tensors):

    import torch
    from {name} import build_model, predict

    model = build_model()
    model.load_state_dict(torch.load("{weights_name}"))
    answers = predict(model, raw)  # raw: examples as the data set has them

{raw.description("predict(model, raw)")}

model(x) gives the network's raw outputs for prepared inputs x, float32 of shape (batch, {shape}); call
model.eval() first for inference (dropout off, batch normalization on its running statistics), as
predict does.

Each module's comment names the layer it was in the app. A Dense layer's W is the nn.Linear's weight
transposed, and a batch normalization's gamma and beta are its weight and bias.{kernels}
"""

from collections import OrderedDict

import torch
from torch import nn

# The network was trained with {meaning}
LOSS = torch.{loss}

{raw.constants("torch")}{residual}

def build_model() -> nn.Sequential:
    return nn.Sequential(OrderedDict([
{body}
    ]))

{raw.prepare_function("torch")}{predict}'''
