"""What the forward and the backward phases of a layer on images share, without Qt: the example and the cell in
focus, one example's values read from the trace in their own shapes, the cell a click chooses, and a sum of
products written out term by term.

image_forward.py and image_backward.py hold what each direction shows. The formulas keep the seed article's
notation: z = K ⋆ x + b, a = g(z), δ = ∂L/∂z. Indices run c over input channels, f over filters, (u, v) over a
kernel or window, (i, j) over output positions and (h, w) over input pixels (x is the input, so no index is x);
s is the stride and x_pad the input with its padding of zeros.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy

from playground.engine.spec import LayerInfo
from playground.engine.trace import ForwardRecord, StepTrace
from playground.ui.stepper.notation import Matrix, factor, matrix, tr

# A 3×3 kernel's products in full; larger sums show their first terms and how many there are.
TERMS_SHOWN = 9


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


def cells(shape: tuple[int, ...], at: int) -> tuple[int, ...]:
    return tuple(int(v) for v in numpy.unravel_index(at, shape))


def largest(values: numpy.ndarray) -> tuple[int, ...]:
    """Where the largest |value| is (the first of equal ones)."""
    return cells(values.shape, int(numpy.argmax(numpy.abs(numpy.nan_to_num(values)))))


def marked_vector(name: str, values: numpy.ndarray, row: int) -> Matrix:
    """A vector drawn as one column, its cell `row` outlined."""
    shown = matrix(name, values)
    shown.marks = ((row, 0, 1, 1),)
    return shown


class ImagePhase:
    """A phase of an image layer, drawn for one example of the batch and one chosen cell: ImageForward or
    ImageBackward. Each names the matrix a click picks on and the cell shown until a person picks one."""

    def __init__(self, trace: StepTrace, forward: ForwardRecord, layer, info: LayerInfo, focus: Focus) -> None:
        self.trace, self.forward, self.layer, self.info = trace, forward, layer, info
        self.type, self.path = info.type, info.path
        self.batch = forward.input.shape[1]
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

    def _uncovered(self, what: str) -> list[tuple[str, str]]:
        """Pooling's windows that would run past the edge are left out (13×13 → 6×6 leaves x's last row and column):
        a row that says so and what becomes of the pixels beyond (`what`), or none where the windows cover x."""
        _, height, width = self.in_shape
        _, out_height, out_width = self.out_shape
        covered = (self.s * (out_height - 1) + self.k, self.s * (out_width - 1) + self.k)
        if covered == (height, width):
            return []
        return [(tr("x is {0}×{1}, but its windows cover only {2}×{3} of it: {4}").format(
            height, width, *covered, what), "")]

    def _shapes(self) -> tuple[str, str]:
        """The input's and the output's shapes as the notes write them: "2×9×9", "3×5×5"."""
        channels, height, width = self.in_shape
        return f"{channels}×{height}×{width}", "×".join(str(d) for d in self.out_shape)

    # The chosen cell: an output cell (forward, pooling), a kernel weight (Conv2D backward), a pixel (Flatten).

    def _picks(self) -> str:
        """The matrix whose cells a click chooses."""
        raise NotImplementedError

    def _cell_shape(self) -> tuple[int, ...]:
        raise NotImplementedError

    def _default_cell(self) -> tuple[int, ...]:
        """Until a person picks one, the cell the step moves most: the largest output or gradient."""
        raise NotImplementedError

    def _valid(self, cell: tuple[int, ...]) -> bool:
        shape = self._cell_shape()
        return len(cell) == len(shape) and all(0 <= c < d for c, d in zip(cell, shape))

    def pick(self, shown: Matrix, k: int, i: int, j: int) -> tuple[int, ...] | None:
        """The cell a click on map k's pixel (i, j) of `shown` chooses, when that matrix is the one clicks pick on."""
        if shown.name != self._picks():
            return None
        if len(self._cell_shape()) == 1:  # a flat vector, drawn as one column
            return (i,)
        return k, i, j

    def _action(self) -> str:
        """What a click on the matrix it picks on does, as the hint says it."""
        return tr("click a cell of {0} to follow it").format(self._picks())

    def hint(self) -> str:
        action = self._action()
        if self.batch == 1:
            return action[0].upper() + action[1:] + "."
        return tr("Example {0} of the batch's {1} is drawn (choose it below); {2}.").format(self.m, self.batch, action)

    def _for_example(self, text: str) -> str:
        """"For example 3 of the batch: …", or the text alone for a batch of one."""
        if self.batch == 1:
            return text[0].upper() + text[1:]
        return tr("For example {0} of the batch: {1}").format(self.m, text)

    def _flat_index(self) -> int:
        """Where the chosen pixel (c, y, x) of a Flatten's input lies in its output."""
        c, y, x = self.cell
        _, height, width = self.in_shape
        return (c * height + y) * width + x

    def _argmax(self) -> tuple[int, int, int]:
        """(c, y, x) of the input pixel the chosen output took its max from, as the forward pass kept it."""
        c, i, j = self.cell
        row = int(self.forward.extras["argmax"][numpy.ravel_multi_index((c, i, j), self.out_shape), self.m])
        return cells(self.in_shape, row)

    def _window(self) -> tuple[list[tuple[int, int]], numpy.ndarray]:
        """The chosen output's window: its pixels (y, x) in the input's channel, and their values."""
        c, i, j = self.cell
        pixels = [(self.s * i + u, self.s * j + v) for u in range(self.k) for v in range(self.k)]
        x = self.x
        return pixels, numpy.array([x[c, y, q] for y, q in pixels])

    # What the phase shows: its maps, its formulas, and the chosen cell written out.

    def matrices(self) -> list[Matrix]:
        return getattr(self, f"_{self.type}_matrices")()

    def rows(self) -> list[tuple[str, str]]:
        """The formulas, with the trace's shapes: (formula, note) rows."""
        raise NotImplementedError

    def note(self) -> str:
        return tr("Maps are drawn for one example: each holds a channel's H×W values.")

    def written_out(self) -> list[tuple[str, str]]:
        return getattr(self, f"_{self.type}_cell")()
