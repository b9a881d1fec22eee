"""Layers on images, with hand-written forward and backward side by side: Conv2D, max and average
pooling, Flatten and global average pooling.

An image batch keeps the engine's layout (layers.py): features × batch, the features of each
example in (channels, height, width) order, plus the row of ones. Its values read as a
(C, H, W, n) array without a copy, the batch index last, so that

- im2col writes one column per output position and example, (C·kh·kw + 1, Ho·Wo·n), the last row
  ones, and one product [K; b]ᵀ cols gives z as (F, Ho, Wo, n): the next layer's layout as it is;
- col2im, the way back, is a loop over the kh·kw kernel offsets of strided adds;
- a window's values for an offset are one strided view, so pooling loops over offsets as well.

Each layer's input_shape and output_shape come from the spec's shape inference (spec.py).
"""

from __future__ import annotations

import math
from typing import Any

from playground.engine.activations import make_activation
from playground.engine.init import initial_values
from playground.engine.layers import Layer, ones_row_buffer, without_ones


def as_images(values: Any, shape: tuple[int, ...]) -> Any:
    """A (C·H·W, n) array read as (C, H, W, n): a view, for the engine's buffers and batches alike."""
    return values.reshape(*shape, values.shape[-1])


def offset_views(images: Any, window: int, stride: int, out_height: int, out_width: int) -> list[Any]:
    """For each offset (i, j) of a window × window window, row by row, the (C, out_height, out_width, n)
    strided view of the values at that offset in every window: x[:, i + stride·r, j + stride·c, :]."""
    return [images[:, i : i + stride * (out_height - 1) + 1 : stride, j : j + stride * (out_width - 1) + 1 : stride]
            for i in range(window) for j in range(window)]


class ImageLayer(Layer):
    """A layer whose input and output shapes are known to it, for reading its buffers as images."""

    def __init__(self, xp, dtype, input_shape: tuple[int, ...], path: str, output_shape: tuple[int, ...]) -> None:
        super().__init__(xp, dtype, math.prod(input_shape), path)
        self.input_shape = tuple(input_shape)
        self.output_shape = tuple(output_shape)
        self.output_size = math.prod(output_shape)


class Conv2D(ImageLayer):
    """z = K ⋆ x + b, a = g(z): z[f, r, c] = Σ_{ch,i,j} K[ch, i, j, f] · x_pad[ch, s·r + i, s·c + j] + b[f].

    K has shape (C, kh, kw, F), fan-in before fan-out as Dense's W; it is the block [K; b] of shape
    (C·kh·kw + 1, F) in the flat parameter vector, the bias its last row as in Dense.
    """

    type = "conv2d"

    def __init__(self, xp, dtype, input_shape, path, spec) -> None:
        super().__init__(xp, dtype, input_shape, path, spec.output_shape(input_shape))
        self.spec = spec
        self.kernel, self.stride = spec.kernel, spec.stride
        self.padding = spec.padding_sides()
        self.padded_shape = spec.padded_shape(input_shape)
        self._rows = input_shape[0] * spec.kernel * spec.kernel  # one im2col row per kernel weight
        self.parameter_size = (self._rows + 1) * spec.filters
        self.activation = make_activation(spec.activation, spec.alpha)
        self._linear = spec.activation == "linear"

    def bind(self, theta, grad, start):
        shape = (self._rows + 1, self.spec.filters)
        kernel_shape = (self.input_shape[0], self.kernel, self.kernel, self.spec.filters)
        weights = self._rows * self.spec.filters
        self.slices = {"K": slice(start, start + weights), "b": slice(start + weights, start + theta.size)}
        self._block = theta.reshape(shape)
        self._grad_block = grad.reshape(shape)
        self.params = {"K": self._block[:-1].reshape(kernel_shape), "b": self._block[-1]}
        self.grads = {"K": self._grad_block[:-1].reshape(kernel_shape), "b": self._grad_block[-1]}
        self._block_t = self._block.T
        self._kernel_rows = self._block[:-1]

    def initialize(self, rng):
        # PyTorch's fans for a convolution: each counts the kernel's positions as well as its channels.
        area = self.kernel * self.kernel
        fan_in, fan_out = self.input_shape[0] * area, self.spec.filters * area
        spec = self.spec
        values = initial_values(spec.init, self.params["K"].shape, fan_in, fan_out, rng, spec.init_scale)
        self.params["K"][...] = self.xp.asarray(values, dtype=self.dtype)
        bias = initial_values(spec.bias_init, (spec.filters,), fan_in, fan_out, rng, spec.init_scale)
        self.params["b"][...] = self.xp.asarray(bias, dtype=self.dtype)

    def prepare(self, n):
        xp, dtype = self.xp, self.dtype
        channels = self.input_shape[0]
        _, height, width = self.output_shape
        k = self.kernel
        self._padded = xp.zeros((*self.padded_shape, n), dtype=dtype)  # its border stays zero
        self._cols_full, cols = ones_row_buffer(xp, self._rows, height * width * n, dtype)
        # The columns as (C, kh, kw, Ho, Wo, n): row (ch, i, j), column (r, c, example).
        self._cols = cols.reshape(channels, k, k, height, width, n)
        self._z_full, self._z = ones_row_buffer(xp, self.output_size, n, dtype)
        if self._linear:
            self._out_full, self._out = self._z_full, self._z
        else:
            self._out_full, self._out = ones_row_buffer(xp, self.output_size, n, dtype)
            self._delta = xp.empty((self.output_size, n), dtype=dtype)
            self._scratch = xp.empty((self.output_size, n), dtype=dtype)
        self._grad_cols = None  # made by the first backward: a network that only evaluates never needs them

    def _prepare_backward(self, n: int) -> None:
        """∂L/∂cols, as large as the columns, ∂L/∂x (padded too when there is padding) and col2im's views."""
        xp, dtype = self.xp, self.dtype
        channels, (_, height, width), k = self.input_shape[0], self.output_shape, self.kernel
        self._grad_cols = xp.empty((self._rows, height * width * n), dtype=dtype)
        self._grad_in = xp.empty((self.input_size, n), dtype=dtype)
        self._grad_images = as_images(self._grad_in, self.input_shape)
        padded = self.padding != (0, 0)
        self._grad_padded = xp.empty((*self.padded_shape, n), dtype=dtype) if padded else self._grad_images
        # col2im's pairs: where in ∂L/∂x_pad each kernel offset's gradient columns land.
        self._col2im = list(zip(offset_views(self._grad_padded, k, self.stride, height, width),
                                self._grad_cols.reshape(channels, k * k, height, width, n).transpose(1, 0, 2, 3, 4)))

    def im2col(self, x: Any) -> None:
        """Copy every window of the (padded) input into the columns: (C·kh·kw, Ho·Wo·n), below their ones."""
        self.xp.copyto(self._cols, self._windows(x))

    def col2im(self) -> None:
        """Add each window's column of ∂L/∂cols back onto the pixels it was copied from: ∂L/∂x."""
        xp = self.xp
        self._grad_padded.fill(0)
        for where, columns in self._col2im:  # one strided add per kernel offset
            xp.add(where, columns, out=where)
        if self._grad_padded is not self._grad_images:
            before = self.padding[0]
            height, width = self.input_shape[1:]
            self._grad_images[...] = self._grad_padded[:, before : before + height, before : before + width]

    def _windows(self, x: Any) -> Any:
        """The (C, kh, kw, Ho, Wo, n) view of every window of the padded input: the columns, not copied."""
        images = as_images(without_ones(x), self.input_shape)
        # Copied into the padded buffer when there is padding, or when the input is the network's batch
        # (rows of examples, transposed): im2col then copies runs of Wo·n contiguous values.
        if self.padding != (0, 0) or not images.flags.c_contiguous:
            before = self.padding[0]
            height, width = self.input_shape[1:]
            self._padded[:, before : before + height, before : before + width] = images
            images = self._padded
        s = self.stride
        channel, row, column, example = images.strides
        shape = (*self._cols.shape[:3], *self.output_shape[1:], images.shape[-1])
        strides = (channel, row, column, row * s, column * s, example)
        return self.xp.lib.stride_tricks.as_strided(images, shape=shape, strides=strides)

    def forward(self, x, training):
        xp = self.xp
        self.im2col(x)
        filters = self.output_shape[0]
        xp.dot(self._block_t, self._cols_full, out=self._z.reshape(filters, -1))  # z = [K; b]ᵀ [cols; 1]
        if not self._linear:
            self.activation.forward(xp, self._z, self._out, self._scratch)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        xp = self.xp
        self._grad_out = grad_out
        delta = grad_out
        if not self._linear:
            delta = self._delta
            self.activation.backward(xp, self._z, self._out, grad_out, delta, self._scratch)
        self._delta_used = delta
        delta = delta.reshape(self.output_shape[0], -1)  # (F, Ho·Wo·n)
        xp.dot(self._cols_full, delta.T, out=self._grad_block)  # [∂K; ∂b] = [cols; 1] δᵀ
        if not need_input_grad:
            return None
        if self._grad_cols is None:
            self._prepare_backward(grad_out.shape[1])
        xp.dot(self._kernel_rows, delta, out=self._grad_cols)  # ∂L/∂cols = K δ
        self.col2im()
        return self._grad_in

    def record_forward(self):
        return {"z": self._z, "a": self._out}

    def record_backward(self):
        return {"dL/da": self._grad_out, "delta": self._delta_used}


class Pool2D(ImageLayer):
    """The windows of a pooling layer, and the buffers both kinds share."""

    def __init__(self, xp, dtype, input_shape, path, spec) -> None:
        super().__init__(xp, dtype, input_shape, path, spec.output_shape(input_shape))
        self.size, self.stride = spec.size, spec.step
        # Windows that overlap add their gradients up; windows that do not each write their own pixels.
        self._overlapping = self.stride < self.size

    def prepare(self, n):
        xp, dtype = self.xp, self.dtype
        self._out_full, self._out = ones_row_buffer(xp, self.output_size, n, dtype)
        self._out_images = as_images(self._out, self.output_shape)
        self._scratch = xp.empty((*self.output_shape, n), dtype=dtype)
        # Pixels no window covers (past the last whole window) keep a gradient of zero from here on.
        self._grad_in = xp.zeros((self.input_size, n), dtype=dtype)
        self._grad_windows = self._offsets(self._grad_in)

    def _offsets(self, values: Any) -> list[Any]:
        _, height, width = self.output_shape
        return offset_views(as_images(values, self.input_shape), self.size, self.stride, height, width)

    def _scatter(self, share: Any, index: int) -> None:
        """Add (or, windows not overlapping, write) one offset's share of the gradient onto its pixels."""
        where = self._grad_windows[index]
        if self._overlapping:
            self.xp.add(where, share, out=where)
        else:
            self.xp.copyto(where, share)


class MaxPool2D(Pool2D):
    """out = max over each window; ∂L/∂x is ∂L/∂out at each window's largest value (the first of equal
    ones, as PyTorch takes) and 0 elsewhere."""

    type = "maxpool2d"

    def prepare(self, n):
        super().prepare(n)
        xp = self.xp
        # Which offset of its window each output took, in the smallest integer type that holds them all;
        # 0/1 masks in that type too, so that the updates below are plain integer arithmetic.
        self._argmax = xp.empty((*self.output_shape, n), dtype=xp.min_scalar_type(self.size * self.size - 1))
        self._taken = xp.empty_like(self._argmax)
        self._offer = xp.empty_like(self._argmax)

    def forward(self, x, training):
        xp, out, argmax, taken, offer = self.xp, self._out_images, self._argmax, self._taken, self._offer
        windows = self._offsets(without_ones(x))
        xp.copyto(out, windows[0])
        argmax.fill(0)
        for index in range(1, len(windows)):
            xp.greater(windows[index], out, out=taken)  # strictly: an equal value later keeps the first
            # Offsets come in increasing order, so the one taken last is the largest offered: a maximum,
            # many times faster than a masked copy.
            xp.multiply(taken, argmax.dtype.type(index), out=offer)
            xp.maximum(argmax, offer, out=argmax)
            xp.maximum(out, windows[index], out=out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        xp, taken, share = self.xp, self._taken, self._scratch
        grad = as_images(grad_out, self.output_shape)
        if self._overlapping:
            self._grad_in.fill(0)
        for index in range(len(self._grad_windows)):
            xp.equal(self._argmax, index, out=taken)
            xp.multiply(grad, taken, out=share)
            self._scatter(share, index)
        return self._grad_in

    def record_forward(self):
        """Per output: the input row (in C, H, W order) its max came from, where its gradient flows."""
        xp = self.xp
        channels, height, width = self.output_shape
        _, in_height, in_width = self.input_shape
        offset_row, offset_column = xp.divmod(self._argmax.astype(xp.int64), self.size)
        rows = (xp.arange(height) * self.stride)[None, :, None, None] + offset_row
        columns = (xp.arange(width) * self.stride)[None, None, :, None] + offset_column
        channel = xp.arange(channels)[:, None, None, None]
        source = (channel * in_height + rows) * in_width + columns
        return {"argmax": source.reshape(self.output_size, -1)}


class AvgPool2D(Pool2D):
    """out = the mean of each window; ∂L/∂x = ∂L/∂out / (size²) on every pixel of the window."""

    type = "avgpool2d"

    def forward(self, x, training):
        xp, out = self.xp, self._out_images
        windows = self._offsets(without_ones(x))
        xp.copyto(out, windows[0])
        for window in windows[1:]:
            xp.add(out, window, out=out)
        xp.divide(out, self.size * self.size, out=out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        share = self._scratch
        self.xp.divide(as_images(grad_out, self.output_shape), self.size * self.size, out=share)
        if self._overlapping:
            self._grad_in.fill(0)
        for index in range(len(self._grad_windows)):
            self._scatter(share, index)
        return self._grad_in


class Flatten(ImageLayer):
    """Images read as one flat vector: the layout is that already, so both ways pass the array on."""

    type = "flatten"

    def __init__(self, xp, dtype, input_shape, path) -> None:
        super().__init__(xp, dtype, input_shape, path, (math.prod(input_shape),))

    def prepare(self, n):
        pass

    def forward(self, x, training):
        return x

    def backward(self, grad_out, need_input_grad=True):
        return grad_out


class GlobalAvgPool(ImageLayer):
    """out[c] = the mean of channel c over its H·W map; ∂L/∂x = ∂L/∂out[c] / (H·W) on each of its pixels."""

    type = "globalavgpool"

    def __init__(self, xp, dtype, input_shape, path) -> None:
        super().__init__(xp, dtype, input_shape, path, (input_shape[0],))
        self._area = input_shape[1] * input_shape[2]

    def _maps(self, values: Any) -> Any:
        return values.reshape(self.input_shape[0], self._area, values.shape[-1])  # (C, H·W, n)

    def forward(self, x, training):
        xp = self.xp
        xp.sum(self._maps(without_ones(x)), axis=1, out=self._out)
        xp.divide(self._out, self._area, out=self._out)
        return self._out_full

    def backward(self, grad_out, need_input_grad=True):
        self.xp.divide(grad_out[:, None, :], self._area, out=self._maps(self._grad_in))
        return self._grad_in
