"""Each layer's spec: the plain settings of one layer (Dense, the activations, Dropout, BatchNorm, Residual,
Conv2D, the poolings, Flatten, GlobalAvgPool), how it checks them, how many parameters it has and the shape
it gives. NetworkSpec (spec.py) puts them in order and infers every shape from the input's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.init import INITIALIZERS, MAX_INIT_SCALE
from playground.engine.spec_checks import choice, real, whole
from playground.errors import SpecError
from playground.words import term, tr

# Bounds the window's fields share: beyond them a value only hides the variance (eps), turns to 0 in
# float32 so that a constant feature gives 0 / 0 (eps), or makes every negative input saturate at a
# value far outside what the next layer expects (alpha).
MIN_BATCHNORM_EPS = 1e-8
MAX_BATCHNORM_EPS = 1.0
MAX_ELU_ALPHA = 10.0
ACTIVATION_LAYERS = (*ACTIVATION_FUNCTIONS, "softmax")
# What a layer takes: a flat vector of features, images (channels, height, width), or either.
FLAT, IMAGES, ANY = "flat", "images", "any"


@dataclass
class DenseSpec:
    units: int
    activation: str = "linear"
    init: str = "xavier_uniform"
    bias_init: str = "zeros"
    init_scale: float | None = None
    alpha: float | None = None
    type: ClassVar[str] = "dense"
    takes: ClassVar[str] = FLAT

    def check(self, where: str) -> None:
        whole(self.units, setting(where, "units"), minimum=1)
        check_weights(self, where)

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return (math.prod(shape) + 1) * self.units

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return (self.units,)


@dataclass
class ActivationSpec:
    type: str
    alpha: float | None = None

    def check(self, where: str) -> None:
        choice(self.type, ACTIVATION_LAYERS, setting(where, "type"))
        check_alpha(self.type, self.alpha, where)

    @property
    def takes(self) -> str:
        return FLAT if self.type == "softmax" else ANY  # softmax normalizes over one vector

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return 0

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return shape


@dataclass
class DropoutSpec:
    rate: float = 0.5
    type: ClassVar[str] = "dropout"
    takes: ClassVar[str] = ANY

    def check(self, where: str) -> None:
        real(self.rate, setting(where, "rate"), minimum=0.0, below=1.0)

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return 0

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return shape


@dataclass
class BatchNormSpec:
    momentum: float = 0.1
    eps: float = 1e-5
    type: ClassVar[str] = "batchnorm"
    takes: ClassVar[str] = FLAT  # per feature; per-channel normalization of images is not built

    def check(self, where: str) -> None:
        real(self.momentum, setting(where, "momentum"), minimum=0.0, maximum=1.0)
        real(self.eps, setting(where, "eps"), minimum=MIN_BATCHNORM_EPS, maximum=MAX_BATCHNORM_EPS)

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return 2 * math.prod(shape)

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return shape


@dataclass
class ResidualSpec:
    layers: list = field(default_factory=list)
    type: ClassVar[str] = "residual"
    takes: ClassVar[str] = ANY

    def check(self, where: str) -> None:
        if not self.layers:
            raise SpecError(tr("{0} is empty: add at least one layer inside it.").format(typed_name(where, self.type)))

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        """Valid once its layers are (validation counts it after walking them)."""
        total = 0
        for layer in self.layers:
            total += layer.parameter_count(shape)
            shape = layer.output_shape(shape)
        return total

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return shape


@dataclass
class Conv2DSpec:
    """`filters` kernels of kernel × kernel over every input channel, slid with `stride` over the input
    with `padding` zeros around it ("same": as many as keep the size, the odd one after, as PyTorch
    pads), then an activation. Like PyTorch's Conv2d, it computes a cross-correlation."""

    filters: int
    kernel: int
    stride: int = 1
    padding: int | str = 0
    activation: str = "linear"
    init: str = "xavier_uniform"
    bias_init: str = "zeros"
    init_scale: float | None = None
    alpha: float | None = None
    type: ClassVar[str] = "conv2d"
    takes: ClassVar[str] = IMAGES

    def check(self, where: str) -> None:
        whole(self.filters, setting(where, "filters"), minimum=1)
        whole(self.kernel, setting(where, "kernel"), minimum=1)
        whole(self.stride, setting(where, "stride"), minimum=1)
        if isinstance(self.padding, str) and self.padding == "same":
            if self.stride != 1:
                raise SpecError(tr('{0}: padding "same" needs stride 1, as in PyTorch: give the padding as a number, '
                                   "or set the stride to 1.").format(where))
        elif isinstance(self.padding, str):
            raise SpecError(tr('{0}: padding is {1!r}: give a whole number of 0 or more, or "same".').format(
                where, self.padding))
        else:
            whole(self.padding, setting(where, "padding"), minimum=0)
            if self.padding >= self.kernel:
                raise SpecError(tr("{0}: padding {1} is as wide as the {2}×{2} kernel, so the outer outputs would see "
                                   "only zeros: use at most {3}.").format(where, self.padding, self.kernel,
                                                                          self.kernel - 1))
        check_weights(self, where)

    def padding_sides(self) -> tuple[int, int]:
        """Zeros before and after the input along its height, and the same along its width."""
        if self.padding == "same":
            return (self.kernel - 1) // 2, self.kernel // 2
        return self.padding, self.padding

    def padded_shape(self, shape: tuple[int, ...]) -> tuple[int, int, int]:
        channels, height, width = shape
        before, after = self.padding_sides()
        return channels, height + before + after, width + before + after

    def check_fits(self, shape: tuple[int, ...], where: str) -> None:
        _, height, width = self.padded_shape(shape)
        if self.kernel <= min(height, width):
            return
        if (height, width) == tuple(shape[1:]):
            raise SpecError(tr("{0}: its {1}×{1} kernel is larger than its input of {2}×{3}: use a kernel of at most "
                               "{4}, or more padding.").format(typed_name(where, self.type), self.kernel, shape[1],
                                                               shape[2], min(height, width)))
        raise SpecError(tr("{0}: its {1}×{1} kernel is larger than its input of {2}×{3}, {4}×{5} with its padding: use "
                           "a kernel of at most {6}, or more padding.").format(
            typed_name(where, self.type), self.kernel, shape[1], shape[2], height, width, min(height, width)))

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        _, height, width = self.padded_shape(shape)
        return (self.filters, (height - self.kernel) // self.stride + 1, (width - self.kernel) // self.stride + 1)

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return (shape[0] * self.kernel * self.kernel + 1) * self.filters

    def column_shape(self, shape: tuple[int, ...]) -> tuple[int, int]:
        """The im2col matrix of one example: a row per kernel weight and one of ones for the bias, a
        column per output position."""
        _, height, width = self.output_shape(shape)
        return shape[0] * self.kernel * self.kernel + 1, height * width


@dataclass
class Pool2DSpec:
    """A size × size window slid with `stride` (the size when not given), without padding; windows
    that would run past the edge are left out, as PyTorch does by default."""

    size: int = 2
    stride: int | None = None
    type: ClassVar[str] = ""
    takes: ClassVar[str] = IMAGES

    def check(self, where: str) -> None:
        whole(self.size, setting(where, "size"), minimum=1)
        if self.stride is not None:
            whole(self.stride, setting(where, "stride"), minimum=1)

    @property
    def step(self) -> int:
        return self.size if self.stride is None else self.stride

    def check_fits(self, shape: tuple[int, ...], where: str) -> None:
        if self.size > min(shape[1], shape[2]):
            raise SpecError(tr("{0}: its {1}×{1} window is larger than its input of {2}×{3}: use a size of at most "
                               "{4}, or remove the layer.").format(typed_name(where, self.type), self.size, shape[1],
                                                                   shape[2], min(shape[1], shape[2])))

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        channels, height, width = shape
        return channels, (height - self.size) // self.step + 1, (width - self.size) // self.step + 1

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return 0


@dataclass
class MaxPool2DSpec(Pool2DSpec):
    """Each window's largest value; its gradient flows to that one position (the first, on a tie)."""

    type: ClassVar[str] = "maxpool2d"


@dataclass
class AvgPool2DSpec(Pool2DSpec):
    """Each window's mean; its gradient is shared equally among the window."""

    type: ClassVar[str] = "avgpool2d"


@dataclass
class FlattenSpec:
    """Images (channels, height, width) read as one flat vector, in that order."""

    type: ClassVar[str] = "flatten"
    takes: ClassVar[str] = IMAGES

    def check(self, where: str) -> None:
        pass

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return 0

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return (math.prod(shape),)


@dataclass
class GlobalAvgPoolSpec:
    """The mean of each channel over its whole map: (channels, height, width) to a flat (channels,)."""

    type: ClassVar[str] = "globalavgpool"
    takes: ClassVar[str] = IMAGES

    def check(self, where: str) -> None:
        pass

    def parameter_count(self, shape: tuple[int, ...]) -> int:
        return 0

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        return (shape[0],)


LAYER_SPECS: dict[str, type] = {"dense": DenseSpec, "dropout": DropoutSpec, "batchnorm": BatchNormSpec,
                                "residual": ResidualSpec, "conv2d": Conv2DSpec, "maxpool2d": MaxPool2DSpec,
                                "avgpool2d": AvgPool2DSpec, "flatten": FlattenSpec,
                                "globalavgpool": GlobalAvgPoolSpec}
LAYER_SPEC_TYPES = (ActivationSpec, *LAYER_SPECS.values())


def layer_named(path: str) -> str:
    """How messages name the layer at `path` ("3", or "3.1" inside a residual block): "layer 3". A message about
    a layer names it first (builders find the layer a message is about by that: spec.named_layer)."""
    return tr("layer {0}").format(path)


def typed_name(where: str, kind: str) -> str:
    """A layer named with its type as the window names it (words.term), "layer 3 (Dense)": never the identifier
    a file writes, which a person building in the window has not seen."""
    return tr("{0} ({1})").format(where, term(kind))


def setting(where: str, name: str) -> str:
    """A layer's setting as messages name it, "layer 3: units": the setting's name is the file's."""
    return tr("{0}: {1}").format(where, name)


def check_weights(layer: DenseSpec | Conv2DSpec, where: str) -> None:
    """The settings Dense and Conv2D share: activation, initializers, their scale, alpha."""
    choice(layer.activation, ACTIVATION_FUNCTIONS, setting(where, "activation"))
    choice(layer.init, INITIALIZERS, setting(where, "init"))
    choice(layer.bias_init, INITIALIZERS, setting(where, "bias_init"))
    if layer.init_scale is not None:
        real(layer.init_scale, setting(where, "init_scale"), minimum=0.0, maximum=MAX_INIT_SCALE)
    check_alpha(layer.activation, layer.alpha, where)


def check_alpha(function: str, alpha: float | None, where: str) -> None:
    if alpha is None:
        return
    if function == "leaky_relu":
        real(alpha, setting(where, "alpha"), minimum=0.0, below=1.0)
    elif function == "elu":
        real(alpha, setting(where, "alpha"), above=0.0, maximum=MAX_ELU_ALPHA)
    else:
        raise SpecError(tr("{0}: alpha applies to leaky_relu and elu only; remove it for {1}.").format(where, function))
