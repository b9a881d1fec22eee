"""NetworkSpec: the plain, JSON-round-tripping description a Network is built from, of the layers'
specs (layer_specs.py) in order.

Validation infers every layer's output shape before any array exists and names the
layer and the fix when something is wrong.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any

from playground.engine.layer_specs import (
    ACTIVATION_LAYERS,
    ANY,
    FLAT,
    IMAGES,
    LAYER_SPEC_TYPES,
    LAYER_SPECS,
    ActivationSpec,
    Conv2DSpec,
    DenseSpec,
    Pool2DSpec,
    ResidualSpec,
)
from playground.engine.losses import LOSSES
from playground.engine.spec_checks import check_fields, choice, whole
from playground.errors import SpecError, parse_json

SPEC_VERSION = 1
# Residual blocks inside residual blocks: every level is a recursion when the network is built
# and run, so a file cannot ask for thousands of them.
MAX_NESTING = 8


@dataclass(frozen=True)
class LayerInfo:
    """What validation learned about one layer, for the builder and error messages. A shape is
    (features,) or images (channels, height, width); the sizes count their values."""

    path: str
    type: str
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    parameter_count: int

    @property
    def input_size(self) -> int:
        return math.prod(self.input_shape)

    @property
    def output_size(self) -> int:
        return math.prod(self.output_shape)


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
        if len(self.input_shape) not in (1, 3):
            raise SpecError(
                f"The input has shape {tuple(self.input_shape)}, but the layers here take a flat "
                "vector or images as (channels, height, width): give input_shape as [features] or [channels, "
                "height, width]."
            )
        if not self.layers:
            raise SpecError("The network has no layers: add a Dense layer.")
        choice(self.loss, LOSSES, "The loss")
        shape = _walk(self.layers, tuple(self.input_shape), "", infos, INPUT)
        last = _last_leaf(self.layers)
        where = f"layer {infos[-1].path}"
        if len(shape) != 1:
            raise SpecError(f"{where} gives images of shape {shape}, but the loss compares flat vectors: end the "
                            "network with a Flatten and a Dense layer, or with a GlobalAvgPool.")
        size = shape[0]
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


# Where a layer's input comes from, as its messages say it: the network's input or the layer before.
INPUT = "the network's input"


def _walk(layers: list, shape: tuple[int, ...], prefix: str, infos: list[LayerInfo], source: str) -> tuple[int, ...]:
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        check_nesting(path)
        if not isinstance(layer, LAYER_SPEC_TYPES):
            raise SpecError(f"layer {path} is not a layer description: use dense, an activation, dropout, "
                            "batchnorm, residual, conv2d, maxpool2d, avgpool2d, flatten or globalavgpool.")
        where = f"layer {path}"
        layer.check(where)
        _check_input(layer, shape, where, source)
        if isinstance(layer, (Conv2DSpec, Pool2DSpec)):
            layer.check_fits(shape, where)
        out = layer.output_shape(shape)
        if not isinstance(layer, ResidualSpec):
            infos.append(LayerInfo(path, layer.type, shape, out, layer.parameter_count(shape)))
        else:
            index = len(infos)
            infos.append(LayerInfo(path, layer.type, shape, out, 0))  # counted once its layers are known valid
            inner = _walk(layer.layers, shape, f"{path}.", infos, source)
            if inner != shape:
                raise SpecError(_residual_mismatch(where, shape, inner))
            infos[index] = replace(infos[index], parameter_count=layer.parameter_count(shape))
        shape = out
        source = f"layer {path} ({layer.type})"
    return shape


def _check_input(layer: Any, shape: tuple[int, ...], where: str, source: str) -> None:
    """A layer that takes a flat vector given images, or one that takes images given a flat vector."""
    gives = f"{source} is" if source == INPUT else f"{source} gives"
    if layer.takes == FLAT and len(shape) == 3:
        if layer.type == "batchnorm":
            raise SpecError(f"{where} (batchnorm) normalizes flat features, but {gives} images of shape {shape}: "
                            "put it after a Flatten layer.")
        also = f", or give the network the flat input_shape [{math.prod(shape)}]" if source == INPUT else ""
        raise SpecError(f"{where} ({layer.type}) takes a flat vector, but {gives} images of shape {shape}: add a "
                        f"Flatten layer before it{also}.")
    if layer.takes == IMAGES and len(shape) == 1:
        if layer.type == "flatten":
            raise SpecError(f"{where} (flatten) has nothing to flatten: {gives} {shape[0]} flat features already; "
                            "remove it.")
        advice = ("use an image dataset, or start with a Dense layer" if source == INPUT else
                  "put the conv and pooling layers before any Flatten, GlobalAvgPool or Dense layer")
        raise SpecError(f"{where} ({layer.type}) takes images (channels, height, width), but {gives} "
                        f"{shape[0]} flat features: {advice}.")


def _residual_mismatch(where: str, shape: tuple[int, ...], inner: tuple[int, ...]) -> str:
    if len(shape) == 1:
        size = shape[0]
        got = f"{inner[0]} features" if len(inner) == 1 else f"images of shape {inner}"
        return (f"{where} (residual): its layers turn {size} features into {got}, but a residual block must give "
                f"back what it gets; make its last Dense layer {size} unit{'s' if size > 1 else ''}.")
    return (f"{where} (residual): its layers turn images of shape {shape} into {inner}, but a residual block must "
            f"give back what it gets; give its last Conv2D layer {shape[0]} filters, stride 1 and padding \"same\", "
            "and keep pooling and Flatten out of it.")


def starts_on_images(layers: list) -> bool:
    """Whether the first layer that minds its input's shape takes images (Conv2D, pooling, Flatten,
    GlobalAvgPool): such a network takes an image set as (C, H, W) images, any other one flat."""
    return _first_takes(layers) == IMAGES


def _first_takes(layers: list) -> str:
    for layer in layers:
        takes = _first_takes(layer.layers) if isinstance(layer, ResidualSpec) else layer.takes
        if takes != ANY:
            return takes
    return ANY


def walk_specs(layers: list, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, layer description) of every layer, blocks before the layers inside them, in order."""
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        yield path, layer
        if isinstance(layer, ResidualSpec):
            yield from walk_specs(layer.layers, f"{path}.")


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
        required = [f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING]
        raise SpecError(f"{where} ({kind}) is missing a setting: give {', '.join(required)}.") from None
    layer.check(where)
    return layer
