"""NetworkSpec: the plain, JSON-round-tripping description a Network is built from.

Validation infers every layer's output shape before any array exists and names the
layer and the fix when something is wrong.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.init import INITIALIZERS, MAX_INIT_SCALE
from playground.engine.losses import LOSSES
from playground.engine.spec_checks import check_fields, choice, real, whole
from playground.errors import SpecError, parse_json

SPEC_VERSION = 1
# Bounds the window's fields share: beyond them a value only hides the variance (eps), turns to 0 in
# float32 so that a constant feature gives 0 / 0 (eps), or makes every negative input saturate at a
# value far outside what the next layer expects (alpha).
MIN_BATCHNORM_EPS = 1e-8
MAX_BATCHNORM_EPS = 1.0
MAX_ELU_ALPHA = 10.0
# Residual blocks inside residual blocks: every level is a recursion when the network is built
# and run, so a file cannot ask for thousands of them.
MAX_NESTING = 8
ACTIVATION_LAYERS = (*ACTIVATION_FUNCTIONS, "softmax")


@dataclass
class DenseSpec:
    units: int
    activation: str = "linear"
    init: str = "xavier_uniform"
    bias_init: str = "zeros"
    init_scale: float | None = None
    alpha: float | None = None
    type: ClassVar[str] = "dense"

    def check(self, where: str) -> None:
        whole(self.units, f"{where}: units", minimum=1)
        choice(self.activation, ACTIVATION_FUNCTIONS, f"{where}: activation")
        choice(self.init, INITIALIZERS, f"{where}: init")
        choice(self.bias_init, INITIALIZERS, f"{where}: bias_init")
        if self.init_scale is not None:
            real(self.init_scale, f"{where}: init_scale", minimum=0.0, maximum=MAX_INIT_SCALE)
        check_alpha(self.activation, self.alpha, where)

    def parameter_count(self, size: int) -> int:
        return (size + 1) * self.units

    def output_size(self, size: int) -> int:
        return self.units


@dataclass
class ActivationSpec:
    type: str
    alpha: float | None = None

    def check(self, where: str) -> None:
        choice(self.type, ACTIVATION_LAYERS, f"{where}: type")
        check_alpha(self.type, self.alpha, where)

    def parameter_count(self, size: int) -> int:
        return 0

    def output_size(self, size: int) -> int:
        return size


@dataclass
class DropoutSpec:
    rate: float = 0.5
    type: ClassVar[str] = "dropout"

    def check(self, where: str) -> None:
        real(self.rate, f"{where}: rate", minimum=0.0, below=1.0)

    def parameter_count(self, size: int) -> int:
        return 0

    def output_size(self, size: int) -> int:
        return size


@dataclass
class BatchNormSpec:
    momentum: float = 0.1
    eps: float = 1e-5
    type: ClassVar[str] = "batchnorm"

    def check(self, where: str) -> None:
        real(self.momentum, f"{where}: momentum", minimum=0.0, maximum=1.0)
        real(self.eps, f"{where}: eps", minimum=MIN_BATCHNORM_EPS, maximum=MAX_BATCHNORM_EPS)

    def parameter_count(self, size: int) -> int:
        return 2 * size

    def output_size(self, size: int) -> int:
        return size


@dataclass
class ResidualSpec:
    layers: list = field(default_factory=list)
    type: ClassVar[str] = "residual"

    def check(self, where: str) -> None:
        if not self.layers:
            raise SpecError(f"{where} (residual) is empty: add at least one layer inside it.")

    def parameter_count(self, size: int) -> int:
        total = 0
        for layer in self.layers:
            total += layer.parameter_count(size)
            size = layer.output_size(size)
        return total

    def output_size(self, size: int) -> int:
        return size


LAYER_SPECS: dict[str, type] = {"dense": DenseSpec, "dropout": DropoutSpec,
                                "batchnorm": BatchNormSpec, "residual": ResidualSpec}


def check_alpha(function: str, alpha: float | None, where: str) -> None:
    if alpha is None:
        return
    if function == "leaky_relu":
        real(alpha, f"{where}: alpha", minimum=0.0, below=1.0)
    elif function == "elu":
        real(alpha, f"{where}: alpha", above=0.0, maximum=MAX_ELU_ALPHA)
    else:
        raise SpecError(f"{where}: alpha applies to leaky_relu and elu only; remove it for {function}.")


@dataclass(frozen=True)
class LayerInfo:
    """What validation learned about one layer, for the builder and error messages."""

    path: str
    type: str
    input_size: int
    output_size: int
    parameter_count: int


@dataclass
class NetworkSpec:
    input_shape: tuple[int, ...]
    layers: list = field(default_factory=list)
    loss: str = "mse"
    version: int = SPEC_VERSION

    @property
    def input_size(self) -> int:
        return math.prod(self.input_shape)

    def validate(self) -> list[LayerInfo]:
        """Every layer's shapes, or a SpecError naming the first layer to fix."""
        return self._validate([])

    def inspect(self) -> tuple[list[LayerInfo], SpecError | None, str | None]:
        """For a builder: the shapes of the layers up to the first problem, the problem (None when
        the network is valid) and the path of the layer it names, if it names one."""
        infos: list[LayerInfo] = []
        try:
            self._validate(infos)
        except SpecError as error:
            return infos, error, named_layer(str(error))
        return infos, None, None

    def _validate(self, infos: list[LayerInfo]) -> list[LayerInfo]:
        if not self.input_shape or any(
            not isinstance(d, int) or isinstance(d, bool) or d < 1 for d in self.input_shape
        ):
            raise SpecError(f"The input shape {self.input_shape} must be whole numbers of 1 or more.")
        if len(self.input_shape) != 1:
            raise SpecError(
                f"The input has shape {tuple(self.input_shape)}, but the layers here take a flat "
                "vector: flatten the images in the dataset settings."
            )
        if not self.layers:
            raise SpecError("The network has no layers: add a Dense layer.")
        choice(self.loss, LOSSES, "The loss")
        size = _walk(self.layers, self.input_size, "", infos)
        last = _last_leaf(self.layers)
        where = f"layer {infos[-1].path}"
        if self.loss == "cross_entropy":
            if getattr(last, "type", "") == "softmax":
                raise SpecError(f"{where} (softmax): remove it; the cross-entropy loss applies softmax "
                                "itself, fused with the log for numerical stability.")
            if size < 2:
                raise SpecError(f"{where} gives 1 output, but cross-entropy needs 2 or more (one per "
                                "class): give the last Dense layer more units, or use binary cross-entropy.")
        if self.loss == "binary_cross_entropy" and _final_function(last) == "sigmoid":
            raise SpecError(f"{where}: remove the final sigmoid; binary cross-entropy applies it itself, "
                            "fused with the log for numerical stability.")
        return infos

    @property
    def output_size(self) -> int:
        return self.validate()[-1].output_size

    def parameter_count(self) -> int:
        return sum(info.parameter_count for info in self.validate() if "." not in info.path)

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "input_shape": list(self.input_shape),
                "loss": self.loss, "layers": [layer_to_dict(layer) for layer in self.layers]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_dict(cls, data: Any) -> NetworkSpec:
        if not isinstance(data, dict):
            raise SpecError("A network description must be a JSON object with input_shape and layers.")
        check_fields(data, {"version", "input_shape", "loss", "layers"}, "The network description")
        version = data.get("version", SPEC_VERSION)
        whole(version, "The network description's version", minimum=1)
        if version > SPEC_VERSION:
            raise SpecError(f"This network was saved by a newer Backprop Playground (format {version}); "
                            "update the app to open it.")
        shape = data.get("input_shape")
        if not isinstance(shape, list) or not shape:
            raise SpecError("The network description needs input_shape, a list such as [2].")
        for d in shape:
            whole(d, "Each input_shape entry", minimum=1)
        layers = data.get("layers")
        if not isinstance(layers, list):
            raise SpecError("The network description needs layers, a list of layer objects.")
        spec = cls(tuple(shape), [layer_from_dict(item, str(i + 1)) for i, item in enumerate(layers)],
                   data.get("loss", "mse"))
        spec.validate()
        return spec

    @classmethod
    def from_json(cls, text: str) -> NetworkSpec:
        return cls.from_dict(parse_json(text, "The network description", SpecError))


def named_layer(message: str) -> str | None:
    """The path of the layer a validation message is about ("layer 3.1 ..."), if it names one."""
    found = re.search(r"\blayer (\d+(?:\.\d+)*)", message)
    return found.group(1) if found else None


def _walk(layers: list, size: int, prefix: str, infos: list[LayerInfo]) -> int:
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        check_nesting(path)
        if not isinstance(layer, (DenseSpec, ActivationSpec, DropoutSpec, BatchNormSpec, ResidualSpec)):
            raise SpecError(f"layer {path} is not a layer description: use dense, an activation, "
                            "dropout, batchnorm or residual.")
        where = f"layer {path}"
        layer.check(where)
        out = layer.output_size(size)
        infos.append(LayerInfo(path, layer.type, size, out, layer.parameter_count(size)))
        if isinstance(layer, ResidualSpec):
            inner = _walk(layer.layers, size, f"{path}.", infos)
            if inner != size:
                raise SpecError(f"{where} (residual): its layers turn {size} features into {inner}, but a "
                                f"residual block must give back what it gets; make its last Dense layer "
                                f"{size} unit{'s' if size > 1 else ''}.")
        size = out
    return size


def _last_leaf(layers: list) -> Any:
    last = layers[-1]
    return _last_leaf(last.layers) if isinstance(last, ResidualSpec) else last


def _final_function(layer: Any) -> str:
    return layer.activation if isinstance(layer, DenseSpec) else getattr(layer, "type", "")


def layer_to_dict(layer: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"type": layer.type}
    for f in fields(layer):
        if f.name == "type":
            continue
        value = getattr(layer, f.name)
        if f.name == "layers":
            value = [layer_to_dict(inner) for inner in value]
        if value is not None:
            data[f.name] = value
    return data


def check_nesting(path: str) -> None:
    if path.count(".") > MAX_NESTING:
        raise SpecError(f"layer {path} is inside {path.count('.')} residual blocks: nest them at most "
                        f"{MAX_NESTING} deep.")


def layer_from_dict(data: Any, path: str) -> Any:
    where = f"layer {path}"
    check_nesting(path)
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise SpecError(f"{where} must be an object with a type, such as {{\"type\": \"dense\", \"units\": 8}}.")
    kind = data["type"]
    if kind in ACTIVATION_LAYERS:
        cls: type = ActivationSpec
    elif kind in LAYER_SPECS:
        cls = LAYER_SPECS[kind]
    else:
        known = ", ".join([*LAYER_SPECS, *ACTIVATION_LAYERS])
        raise SpecError(f"{where} has unknown type {kind!r}: use one of {known}.")
    allowed = {f.name for f in fields(cls)} | {"type"}
    check_fields(data, allowed, f"{where} ({kind})")
    values = {k: v for k, v in data.items() if k != "type"}
    if cls is ActivationSpec:
        values["type"] = kind
    if cls is ResidualSpec:
        inner = values.get("layers", [])
        if not isinstance(inner, list):
            raise SpecError(f"{where} (residual): layers must be a list of layer objects.")
        values["layers"] = [layer_from_dict(item, f"{path}.{i + 1}") for i, item in enumerate(inner)]
    try:
        layer = cls(**values)
    except TypeError:
        required = [f.name for f in fields(cls) if f.name != "type"]
        raise SpecError(f"{where} ({kind}) is missing a setting: give {', '.join(required)}.") from None
    layer.check(where)
    return layer
