"""Weight initializers. Every draw comes from the network's one seeded generator."""

from __future__ import annotations

import math

import numpy

INITIALIZERS = (
    "zeros",
    "uniform",
    "normal",
    "xavier_uniform",
    "xavier_normal",
    "he_uniform",
    "he_normal",
)

# Half-width (uniform) or standard deviation (normal) when no scale is given.
PLAIN_DEFAULT_SCALE = 0.05
# The largest scale a spec may give, as the window's field does. The initializers draw at most
# sqrt(6) times the scale, so weights stay far from float32's range; an unbounded scale lets
# rng.uniform overflow (1e308) or turns the weights to inf when they are cast to float32 (1e39).
MAX_INIT_SCALE = 100.0


def initial_values(
    name: str,
    shape: tuple[int, ...],
    fan_in: int,
    fan_out: int,
    rng: numpy.random.Generator,
    scale: float | None = None,
) -> numpy.ndarray:
    """Float64 starting values. `scale` is the half-width or std for plain uniform/normal,
    and a gain multiplying the standard scale for Xavier/Glorot and He/Kaiming."""
    if name == "zeros":
        return numpy.zeros(shape)
    if scale is not None:
        scale = abs(scale)  # -0.0 passes the check of at least 0, and a uniform on [0.0, -0.0] is refused by NumPy
    if name in ("uniform", "normal"):
        spread = PLAIN_DEFAULT_SCALE if scale is None else scale
        if name == "uniform":
            return rng.uniform(-spread, spread, size=shape)
        return rng.normal(0.0, spread, size=shape)
    gain = 1.0 if scale is None else scale
    if name.startswith("xavier"):
        variance = 2.0 / (fan_in + fan_out)
    elif name.startswith("he"):
        variance = 2.0 / fan_in
    else:
        raise ValueError(f"unknown initializer {name!r}")
    std = gain * math.sqrt(variance)
    if name.endswith("uniform"):
        limit = math.sqrt(3.0) * std  # a uniform on [-l, l] has std l/sqrt(3)
        return rng.uniform(-limit, limit, size=shape)
    return rng.normal(0.0, std, size=shape)
