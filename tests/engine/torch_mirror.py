"""A PyTorch module with the same layers and weights as an engine Network, for parity tests."""

from __future__ import annotations

import numpy
import torch

from playground.engine import Network
from playground.engine.blocks import BatchNorm, Residual
from playground.engine.image_layers import AvgPool2D, Conv2D, Flatten, GlobalAvgPool, MaxPool2D
from playground.engine.layers import Activation, Dense, Dropout, Softmax

TORCH_ACTIVATIONS = {
    "linear": lambda alpha: torch.nn.Identity(),
    "relu": lambda alpha: torch.nn.ReLU(),
    "leaky_relu": lambda alpha: torch.nn.LeakyReLU(alpha),
    "elu": lambda alpha: torch.nn.ELU(alpha),
    "sigmoid": lambda alpha: torch.nn.Sigmoid(),
    "tanh": lambda alpha: torch.nn.Tanh(),
    # torch returns x itself past its threshold (20), e⁻²⁰ ≈ 2e-9 from log(1 + eˣ), which the engine computes and
    # float64 comparisons see; past 40 the difference is below float64's rounding.
    "softplus": lambda alpha: torch.nn.Softplus(threshold=40),
}


class FixedMask(torch.nn.Module):
    """Dropout with the engine's mask, so both sides drop the same units."""

    def __init__(self, layer: Dropout) -> None:
        super().__init__()
        self.layer = layer

    def forward(self, x):
        if not self.layer._active:
            return x
        return x * torch.from_numpy(numpy.array(self.layer._mask).T)


class Skip(torch.nn.Module):
    def __init__(self, body: torch.nn.Module) -> None:
        super().__init__()
        self.body = body

    def forward(self, x):
        return x + self.body(x)


def mirror_layers(layers) -> torch.nn.Sequential:
    modules = []
    for layer in layers:
        if isinstance(layer, Dense):
            linear = torch.nn.Linear(layer.input_size, layer.output_size).double()
            with torch.no_grad():
                linear.weight.copy_(torch.from_numpy(numpy.array(layer.params["W"]).T))
                linear.bias.copy_(torch.from_numpy(numpy.array(layer.params["b"])))
            modules.append(torch.nn.Sequential(linear, TORCH_ACTIVATIONS[layer.activation.name](
                layer.activation.alpha)))
        elif isinstance(layer, Conv2D):
            spec = layer.spec
            conv = torch.nn.Conv2d(layer.input_shape[0], spec.filters, spec.kernel, spec.stride, spec.padding).double()
            with torch.no_grad():
                conv.weight.copy_(torch.from_numpy(as_torch_kernel(numpy.array(layer.params["K"]))))
                conv.bias.copy_(torch.from_numpy(numpy.array(layer.params["b"])))
            modules.append(torch.nn.Sequential(conv, TORCH_ACTIVATIONS[layer.activation.name](layer.activation.alpha)))
        elif isinstance(layer, MaxPool2D):
            modules.append(torch.nn.MaxPool2d(layer.size, layer.stride))
        elif isinstance(layer, AvgPool2D):
            modules.append(torch.nn.AvgPool2d(layer.size, layer.stride))
        elif isinstance(layer, Flatten):
            modules.append(torch.nn.Flatten())
        elif isinstance(layer, GlobalAvgPool):
            modules.append(torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()))
        elif isinstance(layer, Softmax):
            modules.append(torch.nn.Softmax(dim=1))
        elif isinstance(layer, Activation):
            modules.append(TORCH_ACTIVATIONS[layer.type](layer.activation.alpha))
        elif isinstance(layer, Dropout):
            modules.append(FixedMask(layer))
        elif isinstance(layer, BatchNorm):
            norm = torch.nn.BatchNorm1d(layer.input_size, eps=layer.eps, momentum=layer.momentum).double()
            with torch.no_grad():
                norm.weight.copy_(torch.from_numpy(numpy.array(layer.params["gamma"])))
                norm.bias.copy_(torch.from_numpy(numpy.array(layer.params["beta"])))
                norm.running_mean.copy_(torch.from_numpy(numpy.array(layer.state["running_mean"])))
                norm.running_var.copy_(torch.from_numpy(numpy.array(layer.state["running_var"])))
            modules.append(norm)
        elif isinstance(layer, Residual):
            modules.append(Skip(mirror_layers(layer.children)))
        else:
            raise TypeError(layer)
    return torch.nn.Sequential(*modules)


def mirror(network: Network) -> torch.nn.Sequential:
    return mirror_layers(network.layers)


def torch_parameters(network: Network, module: torch.nn.Sequential) -> dict[str, torch.Tensor]:
    """The torch tensor behind each engine parameter name (W as weight.T)."""
    found: dict[str, torch.Tensor] = {}

    def walk(layers, modules):
        for layer, module in zip(layers, modules):
            if isinstance(layer, Dense):
                found[f"{layer.path}.W"] = module[0].weight
                found[f"{layer.path}.b"] = module[0].bias
            elif isinstance(layer, Conv2D):
                found[f"{layer.path}.K"] = module[0].weight
                found[f"{layer.path}.b"] = module[0].bias
            elif isinstance(layer, BatchNorm):
                found[f"{layer.path}.gamma"] = module.weight
                found[f"{layer.path}.beta"] = module.bias
            elif isinstance(layer, Residual):
                walk(layer.children, module.body)

    walk(network.layers, module)
    return found


def as_torch_kernel(kernel: numpy.ndarray) -> numpy.ndarray:
    """The engine's K (C, kh, kw, F) as torch's Conv2d weight (F, C, kh, kw)."""
    return kernel.transpose(3, 0, 1, 2)


def as_engine(name: str, tensor: torch.Tensor) -> numpy.ndarray:
    """A torch parameter (or its gradient) in the engine's shape."""
    value = tensor.detach().numpy()
    if name.endswith(".K"):
        return value.transpose(1, 2, 3, 0)
    return value.T if name.endswith(".W") else value


def torch_loss(loss: str, output: torch.Tensor, y: numpy.ndarray) -> torch.Tensor:
    if loss == "mse":
        return torch.nn.functional.mse_loss(output, torch.from_numpy(y).reshape(output.shape))
    if loss == "cross_entropy":
        target = torch.from_numpy(y)
        return torch.nn.functional.cross_entropy(output, target)
    return torch.nn.functional.binary_cross_entropy_with_logits(output, torch.from_numpy(y).reshape(output.shape))
