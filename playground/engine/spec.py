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
    layer_named,
    typed_name,
)
from playground.engine.losses import LOSSES
from playground.engine.spec_checks import check_fields, choice, whole
from playground.errors import SpecError, parse_json
from playground.words import listed, tr

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
            raise SpecError(tr("The input shape {0} must be whole numbers of 1 or more.").format(self.input_shape))
        if len(self.input_shape) not in (1, 3):
            raise SpecError(tr("The input has shape {0}, but the layers here take a flat vector or images as "
                               "(channels, height, width): give input_shape as [features] or [channels, height, "
                               "width].").format(
                tuple(self.input_shape)))
        if not self.layers:
            raise SpecError(tr("The network has no layers: add a Dense layer."))
        choice(self.loss, LOSSES, tr("The loss"))
        shape = _walk(self.layers, tuple(self.input_shape), "", infos, None)
        last = _last_leaf(self.layers)
        where = layer_named(infos[-1].path)
        if len(shape) != 1:
            raise SpecError(tr("{0} gives images of shape {1}, but the loss compares flat vectors: end the network "
                               "with a Flatten and a Dense layer, or with a GlobalAvgPool.").format(where, shape))
        size = shape[0]
        if self.loss == "cross_entropy":
            if getattr(last, "type", "") == "softmax":
                raise SpecError(tr("{0}: remove it; the cross-entropy loss applies softmax itself, fused with the "
                                   "log for numerical stability.").format(typed_name(where, "softmax")))
            if size < 2:
                raise SpecError(tr("{0} gives 1 output, but cross-entropy needs 2 or more (one per class): give the "
                                   "last Dense layer more units, or use binary cross-entropy.").format(where))
        if self.loss == "binary_cross_entropy" and _final_function(last) == "sigmoid":
            raise SpecError(tr("{0}: remove the final sigmoid; binary cross-entropy applies it itself, fused with the "
                               "log for numerical stability.").format(where))
        return infos

    @property
    def output_size(self) -> int:
        return self.validate()[-1].output_size

    def parameter_count(self) -> int:
        return sum(info.parameter_count for info in self.validate() if "." not in info.path)

    def multiply_adds_per_example(self) -> int:
        """About how many multiply-adds the forward pass takes for one example: each weight once in a Dense layer,
        once per output position in a convolution, one per value out of the other layers. What decides whether a
        GPU is worth its kernel launches (backend.choose_backend)."""
        total = 0
        for info in self.validate():
            if info.type == ResidualSpec.type:  # its layers are counted each on its own
                continue
            if info.type == Conv2DSpec.type:
                total += info.parameter_count * math.prod(info.output_shape[1:])
            else:
                total += info.parameter_count or info.output_size
        return total

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "input_shape": list(self.input_shape),
                "loss": self.loss, "layers": [layer_to_dict(layer) for layer in self.layers]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_dict(cls, data: Any) -> NetworkSpec:
        if not isinstance(data, dict):
            raise SpecError(tr("A network description must be a JSON object with input_shape and layers."))
        check_fields(data, {"version", "input_shape", "loss", "layers"}, tr("The network description"))
        version = data.get("version", SPEC_VERSION)
        whole(version, tr("The network description's version"), minimum=1)
        if version > SPEC_VERSION:
            raise SpecError(tr("This network was saved by a newer Backprop Playground (format {0}); update the app to "
                               "open it.").format(version))
        shape = data.get("input_shape")
        if not isinstance(shape, list) or not shape:
            raise SpecError(tr("The network description needs input_shape, a list such as [2]."))
        for d in shape:
            whole(d, tr("Each input_shape entry"), minimum=1)
        layers = data.get("layers")
        if not isinstance(layers, list):
            raise SpecError(tr("The network description needs layers, a list of layer objects."))
        spec = cls(tuple(shape), [layer_from_dict(item, str(i + 1)) for i, item in enumerate(layers)],
                   data.get("loss", "mse"))
        spec.validate()
        return spec

    @classmethod
    def from_json(cls, text: str) -> NetworkSpec:
        return cls.from_dict(parse_json(text, tr("The network description"), SpecError))


def named_layer(message: str) -> str | None:
    """The path of the layer a validation message is about ("layer 3.1 ...", as layer_named names it in the
    language messages are in), if it names one."""
    before, _, after = tr("layer {0}").partition("{0}")
    found = re.search(rf"(?<![A-Za-z]){re.escape(before)}(\d+(?:\.\d+)*){re.escape(after)}", message)
    return found.group(1) if found else None


def _walk(layers: list, shape: tuple[int, ...], prefix: str, infos: list[LayerInfo],
          source: str | None) -> tuple[int, ...]:
    """Check `layers` on an input of `shape` from `source` (None: the network's input; else the layer before, as
    messages name it), and append each one's info to `infos`."""
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        check_nesting(path)
        if not isinstance(layer, LAYER_SPEC_TYPES):
            raise SpecError(tr("{0} is not a layer description: use dense, an activation, dropout, batchnorm, "
                               "residual, conv2d, maxpool2d, avgpool2d, flatten or globalavgpool.").format(
                layer_named(path)))
        where = layer_named(path)
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
        source = typed_name(where, layer.type)
    return shape


def _check_input(layer: Any, shape: tuple[int, ...], where: str, source: str | None) -> None:
    """A layer that takes a flat vector given images, or one that takes images given a flat vector, from `source`
    (None: the network's input). One sentence for each, so that a translation may order its words."""
    named = typed_name(where, layer.type)
    if layer.takes == FLAT and len(shape) == 3:
        if layer.type == "batchnorm" and source is None:
            raise SpecError(tr("{0} normalizes flat features, but the network's input is images of shape {1}: put it "
                               "after a Flatten layer.").format(named, shape))
        if layer.type == "batchnorm":
            raise SpecError(tr("{0} normalizes flat features, but {1} gives images of shape {2}: put it after a "
                               "Flatten layer.").format(named, source, shape))
        if source is None:
            raise SpecError(tr("{0} takes a flat vector, but the network's input is images of shape {1}: add a "
                               "Flatten layer before it, or give the network the flat input_shape [{2}].").format(
                named, shape, math.prod(shape)))
        raise SpecError(tr("{0} takes a flat vector, but {1} gives images of shape {2}: add a Flatten layer before "
                           "it.").format(named, source, shape))
    if layer.takes == IMAGES and len(shape) == 1:
        if layer.type == "flatten" and source is None:
            raise SpecError(tr("{0} has nothing to flatten: the network's input is {1} flat features already; remove "
                               "it.").format(named, shape[0]))
        if layer.type == "flatten":
            raise SpecError(tr("{0} has nothing to flatten: {1} gives {2} flat features already; remove it.").format(
                named, source, shape[0]))
        if source is None:
            raise SpecError(tr("{0} takes images (channels, height, width), but the network's input is {1} flat "
                               "features: use an image dataset, or start with a Dense layer.").format(named, shape[0]))
        raise SpecError(tr("{0} takes images (channels, height, width), but {1} gives {2} flat features: put the conv "
                           "and pooling layers before any Flatten, GlobalAvgPool or Dense layer.").format(
            named, source, shape[0]))


def _residual_mismatch(where: str, shape: tuple[int, ...], inner: tuple[int, ...]) -> str:
    named = typed_name(where, "residual")
    if len(shape) == 3:
        return tr("{0}: its layers turn images of shape {1} into {2}, but a residual block must give back what it "
                  'gets; give its last Conv2D layer {3} filters, stride 1 and padding "same", and keep pooling and '
                  "Flatten out of it.").format(named, shape, inner, shape[0])
    size = shape[0]
    units = tr("1 unit") if size == 1 else tr("{0} units").format(size)
    if len(inner) == 1:
        return tr("{0}: its layers turn {1} features into {2} features, but a residual block must give back what it "
                  "gets; make its last Dense layer {3}.").format(named, size, inner[0], units)
    return tr("{0}: its layers turn {1} features into images of shape {2}, but a residual block must give back what "
              "it gets; make its last Dense layer {3}.").format(named, size, inner, units)


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
        raise SpecError(tr("{0} is inside {1} residual blocks: nest them at most {2} deep.").format(
            layer_named(path), path.count("."), MAX_NESTING))


def layer_from_dict(data: Any, path: str) -> Any:
    where = layer_named(path)
    check_nesting(path)
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise SpecError(tr("{0} must be an object with a type, such as {1}.").format(
            where, '{"type": "dense", "units": 8}'))
    kind = data["type"]
    if kind in ACTIVATION_LAYERS:
        cls: type = ActivationSpec
    elif kind in LAYER_SPECS:
        cls = LAYER_SPECS[kind]
    else:
        known = listed([*LAYER_SPECS, *ACTIVATION_LAYERS])
        raise SpecError(tr("{0} has unknown type {1!r}: use one of {2}.").format(where, kind, known))
    allowed = {f.name for f in fields(cls)} | {"type"}
    check_fields(data, allowed, typed_name(where, kind))
    values = {k: v for k, v in data.items() if k != "type"}
    if cls is ActivationSpec:
        values["type"] = kind
    if cls is ResidualSpec:
        inner = values.get("layers", [])
        if not isinstance(inner, list):
            raise SpecError(tr("{0}: layers must be a list of layer objects.").format(typed_name(where, kind)))
        values["layers"] = [layer_from_dict(item, f"{path}.{i + 1}") for i, item in enumerate(inner)]
    try:
        layer = cls(**values)
    except TypeError:
        required = [f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING]
        raise SpecError(tr("{0} is missing a setting: give {1}.").format(typed_name(where, kind),
                                                                      listed(required))) from None
    layer.check(where)
    return layer
