"""What training a network needs in memory, estimated from its spec and refused before anything is
allocated when it would not fit: the parameters with their optimizer states, the buffers of the
batches in flight, and the prepared data. On a GPU all of that lives in the device's memory, so the
device is asked what it has free."""

from __future__ import annotations

import math
import os
from typing import Any

import numpy

from playground.engine.backend import Backend
from playground.engine.layer_specs import Conv2DSpec
from playground.engine.spec import LayerInfo, NetworkSpec, walk_specs
from playground.errors import ResourceError
from playground.words import tr

# theta, its gradient, the optimizer's scratch vector, up to two states of its rule and, with a penalty or
# clipping, the gradient those change (backprop's stays as it was): six copies of every parameter.
COPIES_PER_PARAMETER = 6


def available_memory() -> int:
    """Bytes of memory free for new arrays, as well as this platform can tell: the machine's, or
    less where the process may not grow that far (a limit on its address space, as ulimit -v sets)."""
    free = _machine_memory()
    left = _address_space_left()
    return free if left is None else min(free, left)


def free_memory(backend: Backend | None = None) -> tuple[int, str]:
    """Bytes free for the arrays of `backend` and what to call that memory: the device's on a GPU, the
    machine's otherwise (and without a backend)."""
    device = None if backend is None else backend.free_memory()
    if device is not None:
        return device, tr("GPU memory")
    return available_memory(), tr("memory")


def _address_space_left() -> int | None:
    try:
        import resource  # not on Windows
    except ImportError:
        return None
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit == resource.RLIM_INFINITY:
        return None
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return max(0, limit - int(line.split()[1]) * 1024)
    except OSError:
        pass
    return limit


def _machine_memory() -> int:
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * 2**30


# Arrays a layer holds per example of a batch (layers.py, blocks.py, image_layers.py), in units of
# (its inputs + its outputs + 1), an upper bound: its output with a row of ones and its input's
# gradient, then a Dense or Conv2D layer's pre-activation, delta and scratch (4 outputs + 1 input in
# all), a dropout mask and its draws, batch normalization's temporaries (about 6 of its width), or a
# pooling layer's choices and scratch. A Conv2D layer holds more besides (layer_values).
BUFFERS_PER_LAYER = 4
# A batch's own values, inputs with a row of ones and targets, counted twice: make_batch and
# gather build rows before they become the engine's columns.
COPIES_PER_BATCH = 2


def batch_values(spec: NetworkSpec, training: bool = True) -> int:
    """Values the buffers of one batch take per example: every layer's, the loss's and the batch's own;
    without `training`, those of a network that only evaluates (Network.with_own_buffers)."""
    specs = dict(walk_specs(spec.layers))
    layers = sum(layer_values(specs[info.path], info, training) for info in spec.validate())
    outputs = spec.output_size
    return layers + 2 * outputs + COPIES_PER_BATCH * stored_values(spec)


def layer_values(layer: Any, info: LayerInfo, training: bool = True) -> int:
    """Values one layer's buffers hold per example of a batch (forward only, without `training`)."""
    values = BUFFERS_PER_LAYER * (info.input_size + info.output_size + 1)
    if isinstance(layer, Conv2DSpec):
        # The im2col columns, by far the largest, and the padded input; training adds the gradient of each,
        # which a Conv2D makes at its first backward.
        rows, columns = layer.column_shape(info.input_shape)
        values += (2 if training else 1) * (rows * columns + math.prod(layer.padded_shape(info.input_shape)))
    return values


def stored_values(spec: NetworkSpec) -> int:
    """Values one example takes in a prepared dataset: its inputs, a one for the bias and its targets."""
    return spec.input_size + 1 + spec.output_size


def memory_needed(spec: NetworkSpec, dtype_name: str, examples: int = 0, stored: int = 0, evaluated: int = 0) -> int:
    """Bytes to train: every parameter's copies (theta, gradient, optimizer states), the buffers for
    `examples` examples in flight at once (every batch size prepared, added up) and for `evaluated`
    more that only go forward (a network's evaluating twins), and `stored` examples of prepared data."""
    values = (spec.parameter_count() * COPIES_PER_PARAMETER + examples * batch_values(spec)
              + evaluated * batch_values(spec, training=False) + stored * stored_values(spec))
    return values * numpy.dtype(dtype_name).itemsize


def check_memory(spec: NetworkSpec, dtype_name: str, examples: int = 0, stored: int = 0,
                 advice: str | None = None, evaluated: int = 0, backend: Backend | None = None) -> None:
    """Refuse, before anything is allocated, what would not fit in the memory free now (the GPU's for a
    backend on one), saying what to do: `advice`, or to make the layers smaller."""
    needed = memory_needed(spec, dtype_name, examples, stored, evaluated)
    free, memory = free_memory(backend)
    if needed > free:
        raise ResourceError(tr("This network has {0} parameters and would need about {1} to train, but only {2} of "
                               "{3} is free: {4}.").format(_count(spec.parameter_count()), _gib(needed), _gib(free),
                                                           memory, advice or tr("make its layers smaller")))


def check_batch_memory(spec: NetworkSpec, dtype_name: str, examples: int, backend: Backend | None = None) -> None:
    """Refuse buffers for a batch of `examples` that would not fit (the parameters exist already)."""
    needed = examples * batch_values(spec) * numpy.dtype(dtype_name).itemsize
    free, memory = free_memory(backend)
    if needed > free:
        raise ResourceError(tr("A batch of {0} examples would need about {1} for this network, but only {2} of {3} "
                               "is free: use a smaller batch.").format(_count(examples), _gib(needed), _gib(free),
                                                                       memory))


def _count(number: int) -> str:
    # Python refuses to write integers of more than 4,300 digits, and such a count says nothing more.
    return f"{number:,}" if number < 10**30 else tr("more than 10^30")


def _gib(size: int) -> str:
    return f"{size / 2**30:,.1f} GiB" if size < 2**100 else tr("more than 10^21 GiB")
