"""The forward phase of a layer on images (Conv2D, max and average pooling, Flatten, GlobalAvgPool), without Qt:
what it shows for one example of the batch and one chosen output cell, in the trace's numbers.

It draws the example's maps and outlines the patch the chosen output cell reads (for a Conv2D, with the kernel
that slides over it), and writes that cell out: a convolution term by term, a window's max or mean, a pixel's
place in the flat vector. The notation is image_common.py's: z = K ⋆ x + b, a = g(z).
"""

from __future__ import annotations

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.spec import LayerInfo
from playground.engine.trace import StepTrace
from playground.ui.stepper.image_common import TERMS_SHOWN, Focus, ImagePhase, largest, marked_vector, sum_text
from playground.ui.stepper.notation import Matrix, maps, number, tr


def symbols_text(names: list[str]) -> str:
    """The terms of a sum by name: the first two and the last, when there are more than three."""
    return " + ".join(names if len(names) <= 3 else [*names[:2], "…", names[-1]])


class ImageForward(ImagePhase):
    """The forward phase of an image layer: trace.forward[k]."""

    def __init__(self, trace: StepTrace, k: int, layer, info: LayerInfo, focus: Focus) -> None:
        super().__init__(trace, trace.forward[k], layer, info, focus)

    # The chosen cell: an output cell, or for a Flatten a pixel of its input.

    def _picks(self) -> str:
        return {"conv2d": "z", "flatten": "x"}.get(self.type, "out")

    def _cell_shape(self) -> tuple[int, ...]:
        return self.in_shape if self.type == "flatten" else self.out_shape

    def _default_cell(self) -> tuple[int, ...]:
        if self.type == "conv2d":
            return largest(self.example(self.forward.extras["z"], self.out_shape))
        if self.type == "flatten":
            return largest(self.x)
        return largest(self.example(self.forward.output, self.out_shape))

    def _action(self) -> str:
        if self.type == "conv2d":
            return tr("click a cell of z to write out its convolution")
        if self.type == "flatten":
            return tr("click a pixel of x to find it in the vector")
        return super()._action()

    # The maps.

    def _conv2d_matrices(self) -> list[Matrix]:
        f, i, j = self.cell
        k, s, state = self.k, self.s, self.trace.state_before
        x = self.padded(self.x)
        channels = x.shape[0]
        patch = tuple((c, s * i, s * j, k, k) for c in range(channels))
        kernel = state[f"{self.path}.K"][..., f].copy()
        shown = [maps(self.x_name, x, patch),
                 maps(f"K[:, :, :, {f}]", kernel),
                 marked_vector("b", state[f"{self.path}.b"], f),
                 maps("z", self.example(self.forward.extras["z"], self.out_shape), ((f, i, j, 1, 1),))]
        shown[1].cell_name = lambda c, u, v: f"K[{c}, {u}, {v}, {f}]"
        if self.layer.activation != "linear":
            shown.append(maps("a", self.example(self.forward.output, self.out_shape), ((f, i, j, 1, 1),)))
        return shown

    def _pool_matrices(self) -> list[Matrix]:
        c, i, j = self.cell
        marks = [(c, self.s * i, self.s * j, self.k, self.k)]
        if self.type == "maxpool2d":
            marks.append((*self._argmax(), 1, 1))
        return [maps("x", self.x, tuple(marks)),
                maps("out", self.example(self.forward.output, self.out_shape), ((c, i, j, 1, 1),))]

    _maxpool2d_matrices = _avgpool2d_matrices = _pool_matrices

    def _flatten_matrices(self) -> list[Matrix]:
        c, y, x = self.cell
        return [maps("x", self.x, ((c, y, x, 1, 1),)),
                marked_vector("out", self.forward.output[:, self.m], self._flat_index())]

    def _globalavgpool_matrices(self) -> list[Matrix]:
        (c,) = self.cell
        _, height, width = self.in_shape
        return [maps("x", self.x, ((c, 0, 0, height, width),)),
                marked_vector("out", self.forward.output[:, self.m], c)]

    # The formulas.

    def rows(self) -> list[tuple[str, str]]:
        inputs, outputs = self._shapes()
        into = f"({inputs}) → ({outputs})"
        if self.type == "conv2d":
            return self._conv2d_rows(into)
        left_out = tr("the pixels beyond are left out")
        if self.type == "maxpool2d":
            return [(tr("out[c, i, j] = max over u, v < {0} of x[c, s·i + u, s·j + v]").format(self.k),
                     f"s = {self.s}: {into}")] + self._uncovered(left_out)
        if self.type == "avgpool2d":
            return [(tr("out[c, i, j] = 1/{0} · Σ over u, v < {1} of x[c, s·i + u, s·j + v]").format(
                self.k * self.k, self.k), f"s = {self.s}: {into}")] + self._uncovered(left_out)
        if self.type == "flatten":
            return [("out[(c·H + h)·W + w] = x[c, h, w]",
                     tr("the same values, channel by channel and row by row: {0}").format(into))]
        return [(tr("out[c] = 1/(H·W) · Σ over h, w of x[c, h, w]"), into)]

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

    # The chosen cell written out.

    def _conv2d_cell(self) -> list[tuple[str, str]]:
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

    def _pool_cell(self) -> list[tuple[str, str]]:
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

    _maxpool2d_cell = _avgpool2d_cell = _pool_cell

    def _flatten_cell(self) -> list[tuple[str, str]]:
        c, y, x = self.cell
        _, height, width = self.in_shape
        q = self._flat_index()
        return [(f"out[({c}·{height} + {y})·{width} + {x}] = out[{q}] = x[{c}, {y}, {x}] = "
                 f"{number(float(self.x[c, y, x]))}", "")]

    def _globalavgpool_cell(self) -> list[tuple[str, str]]:
        (c,) = self.cell
        values = self.x[c].ravel()
        listed = " + ".join(number(float(v)) for v in values[:TERMS_SHOWN]) + (" + …" if values.size > TERMS_SHOWN
                                                                                else "")
        out = float(self.forward.output[c, self.m])
        return [(f"out[{c}] = ({listed}) / {values.size} = {number(out)}", "")]
