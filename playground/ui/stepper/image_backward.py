"""The backward phase of a layer on images (Conv2D, max and average pooling, Flatten, GlobalAvgPool), without Qt:
what it shows for one example of the batch and one chosen cell, in the trace's numbers.

It draws δ and ∂L/∂x as maps and ∂L/∂K as kernels, writes out the gradient of one chosen kernel weight and of
the input pixel it reaches most, and for max pooling names the position each gradient flows to: the argmax the
forward pass kept. ∂L/∂K comes from the input and δ as ∂L/∂W = x δᵀ does in a Dense layer; the notation is
image_common.py's.
"""

from __future__ import annotations

import numpy

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.spec import LayerInfo
from playground.engine.trace import StepTrace
from playground.ui.mosaic import kernel_tile
from playground.ui.stepper.image_common import Focus, ImagePhase, largest, marked_vector, sum_text
from playground.ui.stepper.notation import Matrix, kernels, maps, number, tr

# The sums of the backward pass run over every position (and example): they show their first terms.
GRADIENT_TERMS_SHOWN = 4


def shifted(stride: int, index: str, offset: int) -> str:
    """An input position as the sum writes it: "2·i + 1", "i + 1", "i"."""
    return (f"{stride}·{index}" if stride != 1 else index) + (f" + {offset}" if offset else "")


class ImageBackward(ImagePhase):
    """The backward phase of an image layer: trace.backward[k], with the forward record of the same layer."""

    def __init__(self, trace: StepTrace, k: int, layer, info: LayerInfo, focus: Focus) -> None:
        self.backward = trace.backward[k]  # before the cell is chosen: the default is its largest gradient
        super().__init__(trace, next(record for record in trace.forward if record.path == info.path), layer, info,
                         focus)

    # The chosen cell: a kernel weight (Conv2D), a pixel (Flatten), else an output cell.

    def _picks(self) -> str:
        return {"conv2d": "∂L/∂K", "flatten": "∂L/∂x"}.get(self.type, "∂L/∂out")

    def _cell_shape(self) -> tuple[int, ...]:
        if self.type == "conv2d":
            return self.backward.param_grads["K"].shape
        return self.in_shape if self.type == "flatten" else self.out_shape

    def _default_cell(self) -> tuple[int, ...]:
        if self.type == "conv2d":
            return largest(self.backward.param_grads["K"])
        if self.type == "flatten":  # a pixel; its gradient is the flat one's, in the same order
            return largest(self.example(self.backward.grad_output, self.in_shape))
        return largest(self.example(self.backward.grad_output, self.out_shape))

    def pick(self, shown: Matrix, k: int, i: int, j: int) -> tuple[int, ...] | None:
        if self.type == "conv2d" and shown.name == self._picks():  # ∂L/∂K, drawn as kernels
            channel, kernel = kernel_tile(k, self.backward.param_grads["K"].shape[3])
            return channel, i, j, kernel
        return super().pick(shown, k, i, j)

    def _action(self) -> str:
        if self.type == "conv2d":
            return tr("click a weight of ∂L/∂K to write out its gradient")
        return super()._action()

    # The maps.

    def _conv2d_matrices(self) -> list[Matrix]:
        record, out = self.backward, self.out_shape
        c, u, v, f = self.cell
        k_grad = record.param_grads["K"]
        _, height, width = out
        reach = (c, u, v, self.s * (height - 1) + 1, self.s * (width - 1) + 1)  # what K[c, u, v, f] multiplies
        shown = []
        if self.layer.activation != "linear":
            shown.append(maps("∂L/∂a", self.example(record.grad_output, out)))
        shown += [maps("δ", self.example(record.extras["delta"], out), ((f, 0, 0, height, width),)),
                  maps(self.x_name, self.padded(self.x), (reach,)),
                  kernels("∂L/∂K", k_grad, ((c, u, v, f),)),
                  marked_vector("∂L/∂b", record.param_grads["b"], f)]
        if record.grad_input is not None:  # the pixel whose sum is written out, outlined
            pixel = (c, *self._input_pixel(), 1, 1)
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), (pixel,)))
        return shown

    def _pool_matrices(self) -> list[Matrix]:
        record = self.backward
        c, i, j = self.cell
        window = (c, self.s * i, self.s * j, self.k, self.k)
        marks = (window, (*self._argmax(), 1, 1)) if self.type == "maxpool2d" else (window,)
        shown = [maps("∂L/∂out", self.example(record.grad_output, self.out_shape), ((c, i, j, 1, 1),)),
                 maps("x", self.x, marks)]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), marks))
        return shown

    _maxpool2d_matrices = _avgpool2d_matrices = _pool_matrices

    def _flatten_matrices(self) -> list[Matrix]:
        c, y, x = self.cell
        record = self.backward
        shown = [marked_vector("∂L/∂out", record.grad_output[:, self.m], self._flat_index())]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), ((c, y, x, 1, 1),)))
        return shown

    def _globalavgpool_matrices(self) -> list[Matrix]:
        (c,) = self.cell
        _, height, width = self.in_shape
        record = self.backward
        shown = [marked_vector("∂L/∂out", record.grad_output[:, self.m], c)]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), ((c, 0, 0, height, width),)))
        return shown

    # The formulas.

    def rows(self) -> list[tuple[str, str]]:
        has_input_grad = self.backward.grad_input is not None
        if self.type == "conv2d":
            return self._conv2d_rows(has_input_grad)
        if not has_input_grad:  # the first layer: nothing flows back past it
            return []
        inputs, outputs = self._shapes()
        back = f"({outputs}) → ({inputs})"
        no_gradient = tr("the pixels beyond get no gradient: 0")
        if self.type == "maxpool2d":
            return [(tr("∂L/∂x[c, h, w] = Σ of ∂L/∂out[c, i, j] over the windows whose max is x[c, h, w]; "
                        "0 elsewhere"), back)] + self._uncovered(no_gradient)
        if self.type == "avgpool2d":
            return [(tr("∂L/∂x[c, h, w] = Σ of ∂L/∂out[c, i, j] / {0} over the windows that hold x[c, h, w]").format(
                self.k * self.k), back)] + self._uncovered(no_gradient)
        if self.type == "flatten":
            return [("∂L/∂x[c, h, w] = ∂L/∂out[(c·H + h)·W + w]", back)]
        return [("∂L/∂x[c, h, w] = ∂L/∂out[c] / (H·W)", back)]

    def _conv2d_rows(self, has_input_grad: bool) -> list[tuple[str, str]]:
        function = ACTIVATION_FUNCTIONS[self.layer.activation]
        n, p = self.batch, self.x_name
        rows = [(f"δ = ∂L/∂z = (∂L/∂a) ⊙ g'(z),   {function.derivative}", "")]
        if n == 1:
            rows += [(tr("∂L/∂K[c, u, v, f] = Σ over every i, j of δ[f, i, j] · {0}[c, s·i + u, s·j + v]").format(p),
                      ""),
                     (tr("∂L/∂b[f] = Σ over i, j of δ[f, i, j]"), "")]
        else:
            rows += [(tr("∂L/∂K[c, u, v, f] = Σ over the {0} examples m and every i, j of δ[f, i, j, m] · "
                         "{1}[c, s·i + u, s·j + v, m]").format(n, p), ""),
                     (tr("∂L/∂b[f] = Σ over m, i, j of δ[f, i, j, m]"), "")]
        if has_input_grad:
            scatter = tr("∂L/∂{0}[c, s·i + u, s·j + v] += K[c, u, v, f] · δ[f, i, j] for every f, u, v, i, j")
            rows.append((scatter.format(p), tr("then the padding is cut off") if p == "x_pad" else ""))
        return rows

    def note(self) -> str:
        if self.type == "conv2d":
            return tr("∂L/∂K slides δ over the input, as ∂L/∂W = x δᵀ in a Dense layer: ∂z/∂K brings the input, "
                      "and the update subtracts the gradient.")
        if self.type == "maxpool2d":
            return tr("Max pooling has no parameters: its gradient goes only where the max came from.")
        return super().note()

    # The chosen cell written out.

    def _conv2d_cell(self) -> list[tuple[str, str]]:
        c, u, v, f = self.cell
        s, n, p = self.s, self.batch, self.x_name
        record = self.backward
        _, height, width = self.out_shape
        delta = record.extras["delta"].reshape(*self.out_shape, n)[f]  # (Ho, Wo, n)
        images = self.forward.input.reshape(*self.in_shape, n)[c]
        before, after = self.pad_before, self.pad_after
        padded = numpy.pad(images, ((before, after), (before, after), (0, 0)))
        reached = padded[u : u + s * (height - 1) + 1 : s, v : v + s * (width - 1) + 1 : s]  # (Ho, Wo, n)
        # In the order of the sum: example by example, each row by row.
        written, total = sum_text(delta.transpose(2, 0, 1), reached.transpose(2, 0, 1), most=GRADIENT_TERMS_SHOWN)
        entry = float(record.param_grads["K"][c, u, v, f])
        over, m = (tr("the {0}×{1} positions").format(height, width), "") if n == 1 else \
            (tr("the {0} examples and {1}×{2} positions").format(n, height, width), ", m")
        rows = [(tr("∂L/∂K[{0}, {1}, {2}, {3}] = Σ over {4} of δ[{3}, i, j{8}] · {5}[{0}, {6}, {7}{8}]").format(
                    c, u, v, f, over, p, shifted(s, "i", u), shifted(s, "j", v), m), ""),
                (f"= {written} = {number(total)}",
                 tr("backward wrote {0}").format(number(entry)))]
        return rows + self._input_grad_rows()

    def _input_pixel(self) -> tuple[int, int]:
        """The pixel (row, column) of the chosen channel whose ∂L/∂x is written out: its largest."""
        return largest(self.example(self.backward.grad_input, self.in_shape)[self.cell[0]])

    def _input_grad_rows(self) -> list[tuple[str, str]]:
        """∂L/∂x of example m at the pixel of the chosen channel with the largest gradient, term by term: col2im."""
        record = self.backward
        if record.grad_input is None:
            return []
        c, k, s, before = self.cell[0], self.k, self.s, self.pad_before
        grad_x = self.example(record.grad_input, self.in_shape)[c]
        y, x = self._input_pixel()
        kernel = self.trace.state_before[f"{self.path}.K"]
        delta = self.example(record.extras["delta"], self.out_shape)
        _, height, width = self.out_shape
        terms = []
        for u in range(k):
            for v in range(k):
                i, rest_i = divmod(y + before - u, s)
                j, rest_j = divmod(x + before - v, s)
                if rest_i == 0 and rest_j == 0 and 0 <= i < height and 0 <= j < width:
                    terms += [(f, u, v, i, j) for f in range(delta.shape[0])]
        written, total = sum_text(numpy.array([kernel[c, u, v, f] for f, u, v, i, j in terms]),
                                  numpy.array([delta[f, i, j] for f, u, v, i, j in terms]), most=GRADIENT_TERMS_SHOWN)
        return [(self._for_example(tr("∂L/∂x[{0}, {1}, {2}] = Σ of K[{0}, u, v, f] · δ[f, i, j] over the (u, v, i, j, "
                                      "f) that reach it = {3} = {4}").format(c, y, x, written, number(total))),
                 tr("backward wrote {0}").format(number(float(grad_x[y, x]))))]

    def _pool_cell(self) -> list[tuple[str, str]]:
        c, i, j = self.cell
        grad = float(self.example(self.backward.grad_output, self.out_shape)[c, i, j])
        pixels, _ = self._window()
        overlap = self.s < self.k
        if self.type == "maxpool2d":
            _, y, x = self._argmax()
            rows = [(tr("∂L/∂out[{0}, {1}, {2}] = {3} flows to x[{0}, {4}, {5}] alone: the max of its window, where "
                        "the forward pass took it from").format(c, i, j, number(grad), y, x),
                     tr("the other {0} pixels of the window get 0 from it").format(len(pixels) - 1))]
        else:
            y, x = pixels[0]
            share = grad / len(pixels)
            rows = [(tr("∂L/∂out[{0}, {1}, {2}] = {3} is shared by the {4} pixels of its window: {3} / {4} = {5} "
                        "each").format(c, i, j, number(grad), len(pixels), number(share)), "")]
        if self.backward.grad_input is not None:
            written = float(self.example(self.backward.grad_input, self.in_shape)[c, y, x])
            note = tr("windows overlap: the shares of every window that holds it add up") if overlap else ""
            rows.append((f"∂L/∂x[{c}, {y}, {x}] = {number(written)}", note))
        return rows

    _maxpool2d_cell = _avgpool2d_cell = _pool_cell

    def _flatten_cell(self) -> list[tuple[str, str]]:
        c, y, x = self.cell
        q = self._flat_index()
        return [(f"∂L/∂x[{c}, {y}, {x}] = ∂L/∂out[{q}] = {number(float(self.backward.grad_output[q, self.m]))}", "")]

    def _globalavgpool_cell(self) -> list[tuple[str, str]]:
        (c,) = self.cell
        _, height, width = self.in_shape
        grad = float(self.backward.grad_output[c, self.m])
        return [(tr("∂L/∂x[{0}, h, w] = ∂L/∂out[{0}] / {1} = {2} / {1} = {3} on each pixel of map {0}").format(
            c, height * width, number(grad), number(grad / (height * width))), "")]
