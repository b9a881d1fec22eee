"""The phases of layers on images (Conv2D, max and average pooling, Flatten, GlobalAvgPool), without Qt:
what each shows for one example of the batch and one chosen cell, in the trace's numbers.

A forward phase draws the example's maps and outlines the patch the chosen output cell reads (for a
Conv2D, with the kernel that slides over it) and writes that cell's convolution out term by term. A
backward phase draws δ and ∂L/∂x as maps and ∂L/∂K as kernels, writes out the gradient of one chosen
kernel weight and of the input pixel it reaches most, and for max pooling names the position each
gradient flows to: the argmax the forward pass kept.

The formulas keep the seed article's notation: z = K ⋆ x + b, a = g(z), δ = ∂L/∂z, and ∂L/∂K from
the input and δ as ∂L/∂W = x δᵀ is in a Dense layer. Indices run c over input channels, f over filters,
(u, v) over a kernel or window, (i, j) over output positions and (y, x) over input pixels; s is the
stride and x_pad the input with its padding of zeros.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.spec import LayerInfo
from playground.engine.trace import StepTrace
from playground.ui.mosaic import kernel_tile
from playground.ui.stepper.notation import Matrix, factor, kernels, maps, matrix, number, tr

FORWARD, BACKWARD = "forward", "backward"
# A 3×3 kernel's products in full; larger sums, and the sums of the backward pass, show their first terms and
# how many there are.
TERMS_SHOWN, GRADIENT_TERMS_SHOWN = 9, 4


@dataclass
class Focus:
    """Which example of the batch the maps show, and the cell chosen in the phase (None: the largest)."""

    example: int = 0
    cell: tuple[int, ...] | None = None


def sum_text(left: numpy.ndarray, right: numpy.ndarray, extra: float | None = None,
             most: int = TERMS_SHOWN) -> tuple[str, float]:
    """Σ left · right written out, "a × b + c × d + …", and its value (in float64), `extra` (a bias) added at
    its end. A sum of more than `most` products shows its first ones that are not 0, and counts them."""
    left, right = left.astype(numpy.float64).ravel(), right.astype(numpy.float64).ravel()
    products = left * right
    total = float(products.sum()) + (extra or 0.0)
    shown, tail = range(products.size), ""
    if products.size > most:
        nonzero = numpy.flatnonzero(products)
        shown = nonzero[:most]
        tail = " + … " if nonzero.size > most else " "
        tail += (tr("({0} terms)").format(products.size) if nonzero.size == products.size else
                 tr("({0} terms, {1} of them not 0)").format(products.size, nonzero.size))
    text = " + ".join(f"{factor(left[k])} × {factor(right[k])}" for k in shown) or "0"
    return text + tail + ("" if extra is None else f" + {factor(extra)}"), total


def symbols_text(names: list[str]) -> str:
    """The terms of a sum by name: the first two and the last, when there are more than three."""
    return " + ".join(names if len(names) <= 3 else [*names[:2], "…", names[-1]])


def shifted(stride: int, index: str, offset: int) -> str:
    """An input position as the sum writes it: "2·i + 1", "i + 1", "i"."""
    return (f"{stride}·{index}" if stride != 1 else index) + (f" + {offset}" if offset else "")


def cells(shape: tuple[int, ...], at: int) -> tuple[int, ...]:
    return tuple(int(v) for v in numpy.unravel_index(at, shape))


def largest(values: numpy.ndarray) -> tuple[int, ...]:
    """Where the largest |value| is (the first of equal ones)."""
    return cells(values.shape, int(numpy.argmax(numpy.abs(numpy.nan_to_num(values)))))


class ImagePhase:
    """The forward or backward phase of an image layer: trace.forward[k] or trace.backward[k]."""

    def __init__(self, kind: str, trace: StepTrace, k: int, layer, info: LayerInfo, focus: Focus) -> None:
        self.kind, self.trace, self.layer, self.info = kind, trace, layer, info
        self.type, self.path = info.type, info.path
        if kind == FORWARD:
            self.forward, self.backward = trace.forward[k], None
        else:
            self.backward = trace.backward[k]
            self.forward = next(record for record in trace.forward if record.path == self.path)
        self.batch = self.forward.input.shape[1]
        self.m = min(max(focus.example, 0), self.batch - 1)
        self.in_shape, self.out_shape = tuple(info.input_shape), tuple(info.output_shape)
        if self.type == "conv2d":
            self.k, self.s = layer.kernel, layer.stride
            self.pad_before, self.pad_after = layer.padding_sides()
        elif self.type in ("maxpool2d", "avgpool2d"):
            self.k, self.s = layer.size, layer.step
        self.cell = focus.cell if focus.cell is not None and self._valid(focus.cell) else self._default_cell()

    # Reading the trace: one example's values in their own shapes.

    def example(self, values: numpy.ndarray, shape: tuple[int, ...]) -> numpy.ndarray:
        """Column m of a features × batch array, in `shape`."""
        return values[:, self.m].reshape(shape)

    @property
    def x(self) -> numpy.ndarray:
        return self.example(self.forward.input, self.in_shape)

    def padded(self, images: numpy.ndarray) -> numpy.ndarray:
        before, after = self.pad_before, self.pad_after
        return numpy.pad(images, ((0, 0), (before, after), (before, after)))

    @property
    def x_name(self) -> str:
        return "x_pad" if self.pad_before + self.pad_after else "x"

    # The chosen cell: an output cell (forward, pooling), a kernel weight (Conv2D backward), a pixel (Flatten).

    def _picks(self) -> str:
        """The matrix whose cells a click chooses."""
        if self.type == "conv2d":
            return "z" if self.kind == FORWARD else "∂L/∂K"
        if self.type == "flatten":
            return "x" if self.kind == FORWARD else "∂L/∂x"
        return "out" if self.kind == FORWARD else "∂L/∂out"

    def _cell_shape(self) -> tuple[int, ...]:
        if self.type == "conv2d" and self.kind == BACKWARD:
            return self.backward.param_grads["K"].shape
        if self.type == "flatten":
            return self.in_shape
        return self.out_shape

    def _valid(self, cell: tuple[int, ...]) -> bool:
        shape = self._cell_shape()
        return len(cell) == len(shape) and all(0 <= c < d for c, d in zip(cell, shape))

    def _default_cell(self) -> tuple[int, ...]:
        """Until a person picks one, the cell the step moves most: the largest output or gradient."""
        forward = self.kind == FORWARD
        if self.type == "conv2d":
            return largest(self.example(self.forward.extras["z"], self.out_shape) if forward else
                           self.backward.param_grads["K"])
        if self.type == "flatten":  # a pixel; its gradient is the flat one's, in the same order
            return largest(self.x if forward else self.example(self.backward.grad_output, self.in_shape))
        return largest(self.example(self.forward.output if forward else self.backward.grad_output, self.out_shape))

    def pick(self, shown: Matrix, k: int, i: int, j: int) -> tuple[int, ...] | None:
        """The cell a click on map k's pixel (i, j) of `shown` chooses, when that matrix is the one clicks pick on."""
        if shown.name != self._picks():
            return None
        if self.type == "conv2d" and self.kind == BACKWARD:
            channel, kernel = kernel_tile(k, self.backward.param_grads["K"].shape[3])
            return channel, i, j, kernel
        if len(self._cell_shape()) == 1:  # a flat vector, drawn as one column
            return (i,)
        return k, i, j

    def hint(self) -> str:
        kind = {("conv2d", FORWARD): tr("click a cell of z to write out its convolution"),
                ("conv2d", BACKWARD): tr("click a weight of ∂L/∂K to write out its gradient"),
                ("flatten", FORWARD): tr("click a pixel of x to find it in the vector")}.get((self.type, self.kind))
        if kind is None:
            kind = tr("click a cell of {0} to follow it").format(self._picks())
        if self.batch == 1:
            return kind[0].upper() + kind[1:] + "."
        return tr("Example {0} of the batch's {1} is drawn (choose it below); {2}.").format(self.m, self.batch, kind)

    def _for_example(self, text: str) -> str:
        """"For example 3 of the batch: …", or the text alone for a batch of one."""
        if self.batch == 1:
            return text[0].upper() + text[1:]
        return tr("For example {0} of the batch: {1}").format(self.m, text)

    # What the phase shows.

    def matrices(self) -> list[Matrix]:
        method = getattr(self, f"_{self.type}_{self.kind}")
        return method()

    def _conv2d_forward(self) -> list[Matrix]:
        f, i, j = self.cell
        k, s, state = self.k, self.s, self.trace.state_before
        x = self.padded(self.x)
        channels = x.shape[0]
        patch = tuple((c, s * i, s * j, k, k) for c in range(channels))
        kernel = state[f"{self.path}.K"][..., f].copy()
        shown = [maps(self.x_name, x, patch),
                 maps(f"K[:, :, :, {f}]", kernel),
                 self._marked_vector("b", state[f"{self.path}.b"], f),
                 maps("z", self.example(self.forward.extras["z"], self.out_shape), ((f, i, j, 1, 1),))]
        shown[1].cell_name = lambda c, u, v: f"K[{c}, {u}, {v}, {f}]"
        if self.layer.activation != "linear":
            shown.append(maps("a", self.example(self.forward.output, self.out_shape), ((f, i, j, 1, 1),)))
        return shown

    def _conv2d_backward(self) -> list[Matrix]:
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
                  self._marked_vector("∂L/∂b", record.param_grads["b"], f)]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape)))
        return shown

    def _pool_forward(self) -> list[Matrix]:
        c, i, j = self.cell
        marks = [(c, self.s * i, self.s * j, self.k, self.k)]
        if self.type == "maxpool2d":
            marks.append((*self._argmax(), 1, 1))
        return [maps("x", self.x, tuple(marks)),
                maps("out", self.example(self.forward.output, self.out_shape), ((c, i, j, 1, 1),))]

    _maxpool2d_forward = _avgpool2d_forward = _pool_forward

    def _pool_backward(self) -> list[Matrix]:
        record = self.backward
        c, i, j = self.cell
        window = (c, self.s * i, self.s * j, self.k, self.k)
        marks = (window, (*self._argmax(), 1, 1)) if self.type == "maxpool2d" else (window,)
        shown = [maps("∂L/∂out", self.example(record.grad_output, self.out_shape), ((c, i, j, 1, 1),)),
                 maps("x", self.x, marks)]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), marks))
        return shown

    _maxpool2d_backward = _avgpool2d_backward = _pool_backward

    def _flatten_forward(self) -> list[Matrix]:
        c, y, x = self.cell
        return [maps("x", self.x, ((c, y, x, 1, 1),)),
                self._marked_vector("out", self.forward.output[:, self.m], self._flat_index())]

    def _flatten_backward(self) -> list[Matrix]:
        c, y, x = self.cell
        record = self.backward
        shown = [self._marked_vector("∂L/∂out", record.grad_output[:, self.m], self._flat_index())]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), ((c, y, x, 1, 1),)))
        return shown

    def _globalavgpool_forward(self) -> list[Matrix]:
        (c,) = self.cell
        _, height, width = self.in_shape
        return [maps("x", self.x, ((c, 0, 0, height, width),)),
                self._marked_vector("out", self.forward.output[:, self.m], c)]

    def _globalavgpool_backward(self) -> list[Matrix]:
        (c,) = self.cell
        _, height, width = self.in_shape
        record = self.backward
        shown = [self._marked_vector("∂L/∂out", record.grad_output[:, self.m], c)]
        if record.grad_input is not None:
            shown.append(maps("∂L/∂x", self.example(record.grad_input, self.in_shape), ((c, 0, 0, height, width),)))
        return shown

    @staticmethod
    def _marked_vector(name: str, values: numpy.ndarray, row: int) -> Matrix:
        shown = matrix(name, values)
        shown.marks = ((row, 0, 1, 1),)
        return shown

    def _flat_index(self) -> int:
        c, y, x = self.cell
        _, height, width = self.in_shape
        return (c * height + y) * width + x

    def _argmax(self) -> tuple[int, int, int]:
        """(c, y, x) of the input pixel the chosen output took its max from, as the forward pass kept it."""
        c, i, j = self.cell
        row = int(self.forward.extras["argmax"][numpy.ravel_multi_index((c, i, j), self.out_shape), self.m])
        return cells(self.in_shape, row)

    # The formulas, with the trace's shapes: (formula, note) rows.

    def rows(self) -> list[tuple[str, str]]:
        channels, height, width = self.in_shape
        out = "×".join(str(d) for d in self.out_shape)
        into = f"({channels}×{height}×{width}) → ({out})"
        back = f"({out}) → ({channels}×{height}×{width})"
        has_input_grad = self.kind == FORWARD or self.backward.grad_input is not None
        if self.type == "conv2d":
            return self._conv2d_rows(into) if self.kind == FORWARD else self._conv2d_backward_rows(has_input_grad)
        if self.type in ("maxpool2d", "avgpool2d"):
            k = self.k
            if self.kind == FORWARD:
                if self.type == "maxpool2d":
                    return [(tr("out[c, i, j] = max over u, v < {0} of x[c, s·i + u, s·j + v]").format(k),
                             f"s = {self.s}: {into}")]
                return [(tr("out[c, i, j] = 1/{0} · Σ over u, v < {1} of x[c, s·i + u, s·j + v]").format(k * k, k),
                         f"s = {self.s}: {into}")]
            if not has_input_grad:
                return []
            if self.type == "maxpool2d":
                return [(tr("∂L/∂x[c, y, x] = Σ of ∂L/∂out[c, i, j] over the windows whose max is x[c, y, x]; "
                            "0 elsewhere"), back)]
            return [(tr("∂L/∂x[c, y, x] = Σ of ∂L/∂out[c, i, j] / {0} over the windows that hold x[c, y, x]").format(
                k * k), back)]
        if self.type == "flatten":
            if self.kind == FORWARD:
                return [("out[(c·H + y)·W + x] = x[c, y, x]",
                         tr("the same values, channel by channel and row by row: {0}").format(into))]
            return [("∂L/∂x[c, y, x] = ∂L/∂out[(c·H + y)·W + x]", back)] if has_input_grad else []
        if self.kind == FORWARD:
            return [(tr("out[c] = 1/(H·W) · Σ over y, x of x[c, y, x]"), into)]
        return [("∂L/∂x[c, y, x] = ∂L/∂out[c] / (H·W)", back)] if has_input_grad else []

    def _conv2d_rows(self, into: str) -> list[tuple[str, str]]:
        function = ACTIVATION_FUNCTIONS[self.layer.activation]
        k, s = self.k, self.s
        rows = [(tr("z[f, i, j] = Σ over c, u, v of K[c, u, v, f] · {0}[c, s·i + u, s·j + v] + b[f]").format(
            self.x_name), tr("K ({0}), one example: {1}").format(
                "×".join(str(d) for d in self.trace.state_before[f"{self.path}.K"].shape), into))]
        if self.x_name == "x_pad":
            rows.append((tr("x_pad: x padded with zeros, {0} before and {1} after, across and down").format(
                self.pad_before, self.pad_after) if self.pad_before != self.pad_after else
                tr("x_pad: x padded with zeros, {0} on each side").format(self.pad_before), f"k = {k}, s = {s}"))
        elif s != 1 or k != 1:
            rows.append((tr("no padding"), f"k = {k}, s = {s}"))
        return [*rows, (f"a = g(z),   {function.formula}", "")]

    def _conv2d_backward_rows(self, has_input_grad: bool) -> list[tuple[str, str]]:
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
        if self.type == "conv2d" and self.kind == BACKWARD:
            return tr("∂L/∂K slides δ over the input, as ∂L/∂W = x δᵀ in a Dense layer: ∂z/∂K brings the input, "
                      "and the update subtracts the gradient.")
        if self.type == "maxpool2d" and self.kind == BACKWARD:
            return tr("Max pooling has no parameters: its gradient goes only where the max came from.")
        return tr("Maps are drawn for one example: each holds a channel's H×W values.")

    # The chosen cell written out.

    def written_out(self) -> list[tuple[str, str]]:
        method = getattr(self, f"_{self.type}_{self.kind}_cell")
        return method()

    def _conv2d_forward_cell(self) -> list[tuple[str, str]]:
        f, i, j = self.cell
        k, s, p = self.k, self.s, self.x_name
        x = self.padded(self.x)
        kernel, bias = self.trace.state_before[f"{self.path}.K"], float(self.trace.state_before[f"{self.path}.b"][f])
        names = [f"K[{c}, {u}, {v}, {f}]·{p}[{c}, {s * i + u}, {s * j + v}]"
                 for c in range(x.shape[0]) for u in range(k) for v in range(k)]
        patch = x[:, s * i : s * i + k, s * j : s * j + k]  # (C, k, k), in the order of K[:, :, :, f]
        written, total = sum_text(kernel[..., f], patch, bias)
        z = float(self.example(self.forward.extras["z"], self.out_shape)[f, i, j])
        rows = [(self._for_example(tr("cell z[{0}, {1}, {2}] is the kernel of filter {0} over the outlined "
                                      "patch").format(f, i, j)), ""),
                (f"z[{f}, {i}, {j}] = {symbols_text(names)} + b[{f}]", ""),
                (f"= {written} = {number(total)}", tr("forward wrote {0}").format(number(z)))]
        if self.layer.activation != "linear":
            a = float(self.example(self.forward.output, self.out_shape)[f, i, j])
            rows.append((f"a[{f}, {i}, {j}] = g(z[{f}, {i}, {j}]) = g({number(z)}) = {number(a)}",
                         ACTIVATION_FUNCTIONS[self.layer.activation].formula))
        return rows

    def _conv2d_backward_cell(self) -> list[tuple[str, str]]:
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

    def _input_grad_rows(self) -> list[tuple[str, str]]:
        """∂L/∂x of example m at the pixel of the chosen channel with the largest gradient, term by term: col2im."""
        record = self.backward
        if record.grad_input is None:
            return []
        c, k, s, before = self.cell[0], self.k, self.s, self.pad_before
        grad_x = self.example(record.grad_input, self.in_shape)[c]
        y, x = largest(grad_x)
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

    def _window(self) -> tuple[list[tuple[int, int]], numpy.ndarray]:
        """The chosen output's window: its pixels (y, x) in the input's channel, and their values."""
        c, i, j = self.cell
        pixels = [(self.s * i + u, self.s * j + v) for u in range(self.k) for v in range(self.k)]
        x = self.x
        return pixels, numpy.array([x[c, y, q] for y, q in pixels])

    def _pool_forward_cell(self) -> list[tuple[str, str]]:
        c, i, j = self.cell
        _, values = self._window()
        out = float(self.example(self.forward.output, self.out_shape)[c, i, j])
        listed = ", ".join(number(float(v)) for v in values[:TERMS_SHOWN]) + (", …" if values.size > TERMS_SHOWN
                                                                               else "")
        if self.type == "maxpool2d":
            _, y, x = self._argmax()
            return [(f"out[{c}, {i}, {j}] = max({listed}) = {number(out)}",
                     tr("from x[{0}, {1}, {2}], the position its gradient will flow to").format(c, y, x))]
        return [(f"out[{c}, {i}, {j}] = ({listed.replace(', ', ' + ')}) / {values.size} = {number(out)}",
                 tr("mean of the {0}×{0} window").format(self.k))]

    _maxpool2d_forward_cell = _avgpool2d_forward_cell = _pool_forward_cell

    def _pool_backward_cell(self) -> list[tuple[str, str]]:
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

    _maxpool2d_backward_cell = _avgpool2d_backward_cell = _pool_backward_cell

    def _flatten_forward_cell(self) -> list[tuple[str, str]]:
        c, y, x = self.cell
        _, height, width = self.in_shape
        q = self._flat_index()
        return [(f"out[({c}·{height} + {y})·{width} + {x}] = out[{q}] = x[{c}, {y}, {x}] = "
                 f"{number(float(self.x[c, y, x]))}", "")]

    def _flatten_backward_cell(self) -> list[tuple[str, str]]:
        c, y, x = self.cell
        q = self._flat_index()
        return [(f"∂L/∂x[{c}, {y}, {x}] = ∂L/∂out[{q}] = {number(float(self.backward.grad_output[q, self.m]))}", "")]

    def _globalavgpool_forward_cell(self) -> list[tuple[str, str]]:
        (c,) = self.cell
        values = self.x[c].ravel()
        listed = " + ".join(number(float(v)) for v in values[:TERMS_SHOWN]) + (" + …" if values.size > TERMS_SHOWN
                                                                                else "")
        out = float(self.forward.output[c, self.m])
        return [(f"out[{c}] = ({listed}) / {values.size} = {number(out)}", "")]

    def _globalavgpool_backward_cell(self) -> list[tuple[str, str]]:
        (c,) = self.cell
        _, height, width = self.in_shape
        grad = float(self.backward.grad_output[c, self.m])
        return [(tr("∂L/∂x[{0}, y, x] = ∂L/∂out[{0}] / {1} = {2} / {1} = {3} on each pixel of map {0}").format(
            c, height * width, number(grad), number(grad / (height * width))), "")]
