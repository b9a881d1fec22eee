"""The parts the plots over steps share: the log axis whose labels do not collide, the legend beside or above the
view box, the curves of a network's layers, the smoothing of a noisy series (`smoothed_loss`, `smoothed_norm`), and the
view box and step axis that leave a plot as drawn while nothing visible would change (docs/architecture.md, the
redraw skips). The plots themselves are in plots.py, activation_plot.py and compare_view.py."""

from __future__ import annotations

import numpy
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextCursor
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy
from shiboken6 import isValid

from playground.ui.translation import tr

LEGEND_SPACING = -8  # between a legend's rows: each name is a QGraphicsTextItem with 4 pixels of margin above and below
LEGEND_GAP = 8  # pixels between the view box and a legend beside it
LEGEND_ENTRY_GAP = 24  # pixels between two names in a row of a legend above the view box
UNBOUNDED = (1 << 24) - 1  # Qt's largest size of a widget, QWIDGETSIZE_MAX

# A curve of at most this many points shows them as dots: a run that blew up within a few steps has one or two
# finite losses and gradient norms, which a line alone does not show.
FEW_POINTS = 20


class LogFriendlyAxis(pg.AxisItem):
    """An axis whose log scale labels only ticks whose labels do not overlap. pyqtgraph ticks 2 to 9 of every
    decade a narrow range shows in part, and labels them all when their total height fits the axis, but 7, 8 and 9
    lie within a decade's top tenth, where their labels overlap (a loss that barely moves, gradients of one or two
    decades). The roundest values are labelled first (1, 5, 2, and the rest only while fewer than two are), each
    only as far from those already labelled as a label is high; the other ticks stay, unlabelled."""

    ROUNDNESS = (1, 5, 2, 3, 4, 6, 7, 8, 9)  # mantissas, the roundest first

    labelled: set[float] = set()

    def logTickValues(self, minVal: float, maxVal: float, size: float, stdTicks: list) -> list:  # noqa: N802, N803
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        per_decade = size / max(maxVal - minVal, 1e-12)
        room = QFontMetricsF(self.style["tickFont"] or self.font()).height() / max(per_decade, 1e-12)
        values = sorted({value for _, level in ticks for value in level},
                        key=lambda value: self.ROUNDNESS.index(self._mantissa(value)))
        kept: list[float] = []
        for value in values:
            if len(kept) >= 2 and self._mantissa(value) not in (1, 2, 5):
                break  # 1, 2 and 5 read the scale; the others only where they are too few
            if all(abs(value - other) >= room for other in kept):
                kept.append(value)
        self.labelled = {round(value, 9) for value in kept}
        return ticks

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        strings = super().logTickStrings(values, scale, spacing)
        return [text if round(value, 9) in self.labelled else "" for value, text in zip(values, strings, strict=True)]

    @staticmethod
    def _mantissa(value: float) -> int:
        return min(9, max(1, round(10 ** (value % 1))))


def log_friendly_axes() -> dict[str, pg.AxisItem]:
    """The axisItems of a plot that may show a log scale (see LogFriendlyAxis)."""
    return {"left": LogFriendlyAxis("left")}


def legend_beside(plot: pg.PlotItem) -> pg.LegendItem:
    """A legend in the plot item's layout, right of the view box and of the axis below it, level with the view box's
    top, so that no curve runs under a name: inside the view box, a deep network's eleven names covered the top right
    third of a plot at 1280×720. It takes as few columns as keep it within the plot's height (`fit_legend`), again
    at each resize, and Export writes it with the plot."""
    legend = pg.LegendItem(offset=None, verSpacing=LEGEND_SPACING)
    legend.layout.setContentsMargins(LEGEND_GAP, 0, 0, 0)
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)  # stretched, it spread its rows apart
    # Its rows never make the plot item taller than its widget, which would push the axis below out of sight and tell
    # `fit_legend` that they fit.
    legend.setMinimumHeight(0)
    plot.layout.addItem(legend, 2, 3, 2, 1, alignment=Qt.AlignmentFlag.AlignTop)
    plot.legend = legend  # items added with a name are listed in it
    plot.getViewBox().sigResized.connect(lambda: fit_legend(plot))
    return legend


def fit_legend(plot: pg.PlotItem) -> None:
    """The legend beside the view box (`legend_beside`) in the fewest columns whose rows fit the plot's height."""
    legend, room = plot.legend, plot.layout.contentsRect().height()
    for columns in range(1, len(legend.items) + 1):
        legend.setColumnCount(columns)
        if legend.effectiveSizeHint(Qt.SizeHint.PreferredSize).height() <= room:
            return


def legend_above(plot: pg.PlotItem) -> pg.LegendItem:
    """A legend in the plot item's layout above the view box, in the place of its title (these plots have none), so
    that no curve runs under a name: inside the view box, the Loss tab's name of its smoothed curve covered the curves
    at 1280×720, and a column beside them (`legend_beside`) would leave a narrow pane's curves little width for a
    few long names. Its names share one row while they fit the view box's width, else take a row each, wrapped to
    that width (`fit_legend_above`), again at each resize; Export writes it with the plot."""
    legend = pg.LegendItem(offset=None, verSpacing=LEGEND_SPACING)
    legend.layout.setContentsMargins(0, 0, 0, 0)
    # Never wider than the view box: a legend of fixed width widened the plot past its widget, and the view with it,
    # which then seemed to have room for the names in one row.
    legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    legend.setMinimumWidth(0)
    plot.layout.removeItem(plot.titleLabel)  # its cell, and its row, which pyqtgraph holds at no height without one
    plot.layout.setRowMaximumHeight(0, UNBOUNDED)
    plot.layout.addItem(legend, 0, 1, alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    plot.legend = legend  # items added with a name are listed in it
    plot.getViewBox().sigResized.connect(lambda: fit_legend_above(plot))
    return legend


def fit_legend_above(plot: pg.PlotItem) -> None:
    """The legend above the view box (`legend_above`) in one row when its names fit the view box's width, else one
    name a row, a name wider than the view wrapped to it. Worked out from the names' own widths, so that the same
    width leaves the legend as it is."""
    legend, room = plot.legend, plot.getViewBox().width()
    spacing = legend.layout.horizontalSpacing()  # between a sample and its name, and between entries
    samples = [sample.boundingRect().width() + spacing for sample, _ in legend.items]
    names = [_line_width(label) for _, label in legend.items]
    one_row = sum(samples) + sum(names) + (len(names) - 1) * (LEGEND_ENTRY_GAP + spacing)
    columns = max(len(names), 1) if one_row <= room else 1
    legend.setColumnCount(columns)
    for name_column in range(1, 2 * columns - 2, 2):
        legend.layout.setColumnSpacing(name_column, LEGEND_ENTRY_GAP + spacing)
    for (_, label), sample, name in zip(legend.items, samples, names, strict=True):
        wrap = -1 if columns > 1 or sample + name <= room else _wrap_width(label, max(room - sample, 1.0))
        if label.item.textWidth() != wrap:
            label.item.setTextWidth(wrap)
            label.updateMin()


def wrap_label_to_axis(axis: pg.AxisItem) -> None:
    """Keep an axis's label within the axis, wrapped to its length when one line is longer: pyqtgraph centres it
    in one line, which a narrow plot (Compare beside a lesson at 1280×720) cut at both ends, and a short one (the
    Loss tab's "data loss (L2 penalty not included)") at the top. Called again after the label's text changes; the
    axis grows a line's height (a left axis, its width) per line."""
    if not isValid(axis):  # its layout, torn down at exit with no close(), still tells of a change of geometry
        return
    label = axis.label
    document = label.document().clone()
    document.setTextWidth(-1)
    room = axis.geometry().height() if axis.orientation in ("left", "right") else axis.geometry().width()
    wrap = room if 0 < room < document.size().width() else -1
    if label.textWidth() != wrap:
        label.setTextWidth(wrap)
        axis.showLabel()  # pyqtgraph's own update of the axis's height and the label's place
    axis.resizeEvent()  # pyqtgraph centres a label only at a resize: new text of another length stays where the old was


def _wrap_width(label: pg.LabelItem, room: float) -> float:
    """The width to wrap a legend name wider than `room` to: just past its last comma within `room`, so that a clause
    ("20 at least") stays whole, else `room`."""
    text = label.item.document().toPlainText()
    ends = [_line_width(label, end + 1) for end, character in enumerate(text) if character in ",，"]
    return max((end for end in ends if end <= room), default=room)


def _line_width(label: pg.LabelItem, characters: int | None = None) -> float:
    """The width of a legend name's first `characters` (all by default) in one line, as its text item draws them."""
    document = label.item.document().clone()
    if characters is not None:
        rest = QTextCursor(document)
        rest.setPosition(characters)
        rest.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        rest.removeSelectedText()
    document.setTextWidth(-1)
    return document.size().width()


def layer_curves(plot: pg.PlotItem | pg.PlotWidget, old: dict, paths: list[str], label: str,
                 **options) -> dict[str, pg.PlotDataItem]:
    """One curve per layer, coloured from red at the input to blue at the output, named in the legend beside the
    view box."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    for curve in old.values():
        item.removeItem(curve)
    item.legend.clear()  # and the names of curves not on the plot
    count = max(len(paths) - 1, 1)
    curves = {path: item.plot(pen=pg.mkPen(pg.intColor(int(200 * i / count), hues=240, minHue=0, maxHue=200),
                                           width=2), name=label.format(path), **options)
              for i, path in enumerate(paths)}
    fit_legend(item)
    return curves


def dotted_when_few(curve: pg.PlotDataItem) -> None:
    """Let `curve` show its points as dots in its pen's colour while it has few (see `show_points_if_few`)."""
    colour = curve.opts["pen"].color()
    curve.setSymbolBrush(colour)
    curve.setSymbolPen(colour)
    curve.setSymbolSize(6)


def show_points_if_few(curve: pg.PlotDataItem, count: int) -> None:
    symbol = "o" if count <= FEW_POINTS else None
    if curve.opts["symbol"] != symbol:  # most frames: nothing changes
        curve.setSymbol(symbol)


def cache_axes(plot: pg.PlotWidget) -> None:
    """Axes repainted from Qt's pixmap of each while their ticks stay: every new curve repaints the axes, whose
    ticks reach into the plot, and replaying their labels in pyqtgraph's Python took a millisecond a snapshot."""
    for name in ("left", "bottom"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def cache_legend_names(legend: pg.LegendItem) -> None:
    """A legend above the curves with its names repainted from Qt's pixmap of each: every new curve repaints it too,
    and laying out and drawing the names' text again took most of a millisecond a snapshot.
    The samples beside them are painted as they are: they follow the curve's dots (`show_points_if_few`), which do
    not tell the legend."""
    legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    for _sample, name in legend.items:
        for item in (name, name.item):  # the LabelItem and the text item that draws its words
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def forget_ranges(plot: pg.PlotItem | pg.PlotWidget, x: bool = True, y: bool = True) -> None:
    """A plot whose run is gone shows what a new plot shows: pyqtgraph's first range, auto-ranged again
    on the axes `x` and `y` (a zoom undone), so that it keeps no scale of the dropped run; an empty plot
    auto-ranges to nothing and would keep it."""
    view = plot.getViewBox()
    view.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    view.enableAutoRange(x=x, y=y)


def same_series(series: tuple[numpy.ndarray | None, ...], drawn: tuple[numpy.ndarray | None, ...]) -> bool:
    """Whether a snapshot's history series are those drawn already (NaN where a series has no point)."""
    return len(series) == len(drawn) and all(
        (a is None and b is None) or (a is not None and b is not None and numpy.array_equal(a, b, equal_nan=True))
        for a, b in zip(series, drawn))


SMOOTHING_PERCENT = 5  # the smoothed curves are means over the last 5% of the steps at each point,
SMOOTHING_STEPS = 20  # or over the last 20 steps while 5% is fewer: 5% of a young run's steps is two or three batches
SMOOTHING_WINDOW = SMOOTHING_PERCENT / 100


def smoothed_step_axis() -> str:
    """The step axis's label under smoothed curves: how they are smoothed."""
    return tr("step (curves: the mean over the last {0}% of the steps, {1} at least)").format(
        SMOOTHING_PERCENT, SMOOTHING_STEPS)


def _window_starts(steps: numpy.ndarray, window: float, least: int) -> numpy.ndarray:
    """The first point of each point's window: the last `window` share of the steps run by then, or the last `least`
    steps where that share is fewer, never past the point itself."""
    start = numpy.minimum(steps * (1 - window), steps - least)
    return numpy.minimum(numpy.searchsorted(steps, start, side="right"), numpy.arange(len(steps)))


def smoothed_loss(steps: numpy.ndarray, values: numpy.ndarray, window: float = SMOOTHING_WINDOW,
                  least: int = SMOOTHING_STEPS) -> numpy.ndarray:
    """At each point, the mean training loss over the last `window` share of the steps run by then, or the last
    `least` steps while that share is fewer (all of them before that many). The points tile the steps, each the mean
    since the point before (session/loop.py), so a span's mean is exact: its points' values weighted by the steps
    each covers. A point wider than the window stays as it is, and so the first point."""
    if len(steps) == 0:
        return values
    starts = numpy.r_[0.0, steps[:-1]]
    totals = numpy.r_[0.0, numpy.cumsum(values * (steps - starts))]
    last = numpy.arange(len(steps))
    first = _window_starts(steps, window, least)
    spans = steps - starts[first]
    return numpy.where(spans > 0, (totals[last + 1] - totals[first]) / numpy.maximum(spans, 1e-300), values)


def smoothed_norm(steps: numpy.ndarray, values: numpy.ndarray, window: float = SMOOTHING_WINDOW,
                  least: int = SMOOTHING_STEPS) -> numpy.ndarray:
    """At each point, the geometric mean of the positive `values` over the same steps as `smoothed_loss`'s mean: one
    step's norm jumps by a factor of ten from batch to batch, and on a log axis the mean of the logarithms is the
    middle the eye looks for. Each point is the geometric mean of the steps since the point before (session/
    step_norms.py), so its logarithm is weighted by the steps it covers, as `smoothed_loss` weights the losses, and a
    late curve is as smooth as an early one. The window reaches back `least` steps at least, as a young run's 5% held
    two or three of those jumps; a point wider than the window stays as it is, and so the first point."""
    if len(steps) == 0:
        return values
    starts = numpy.r_[0.0, steps[:-1]]
    totals = numpy.r_[0.0, numpy.cumsum(numpy.log(values) * (steps - starts))]
    last = numpy.arange(len(steps))
    first = _window_starts(steps, window, least)
    spans = steps - starts[first]
    return numpy.where(spans > 0, numpy.exp((totals[last + 1] - totals[first]) / numpy.maximum(spans, 1e-300)), values)


class SteadyViewBox(pg.ViewBox):
    """A view box whose auto-range leaves its range as it is while no end would move by `STEADY_PIXELS`: a falling
    loss lowers the curves' minimum by a hundredth of a pixel at a snapshot, and every new range repaints the curves
    and rebuilds the axis's labels in pyqtgraph's Python (a millisecond and a half), on the GUI thread that the
    training thread shares Python's lock with. The range drawn stays within that tenth of a pixel of the auto-range.

    It also tells itself no more of its own transform: pyqtgraph 0.14's ChildGroup means to, but sets a misspelt
    attribute, so that every new range asked for a second auto-range at the next paint, which walked every curve's
    bounds again to find the same range."""

    STEADY_PIXELS = 0.1

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.childGroup._GraphicsObject__inform_view_on_changes = False

    def setRange(self, rect=None, xRange=None, yRange=None, padding=None, update=True,  # noqa: N802, N803
                 disableAutoRange=True) -> None:
        # Only the auto-range leaves auto-ranging on: a range set by code or by a person is set as asked.
        if disableAutoRange or rect is not None or self._moves(xRange, yRange):
            super().setRange(rect, xRange, yRange, padding, update, disableAutoRange)

    def _moves(self, *ranges: tuple[float, float] | None) -> bool:
        pixels = (self.width(), self.height())
        for axis, new in enumerate(ranges):
            if new is None:
                continue
            low, high = self.state["viewRange"][axis]
            size = (high - low) / max(pixels[axis], 1.0)  # of a pixel, in the axis's units
            if not size > 0 or max(abs(new[0] - low), abs(new[1] - high)) >= self.STEADY_PIXELS * size:
                return True
        return False


class StepAxis:
    """The step axis widened in jumps (to half again the newest step) instead of auto-ranged at
    every snapshot: an auto-range that moves every frame repaints the plot twice and rebuilds the
    tick labels, on the GUI thread that the training thread shares Python's lock with."""

    GROWTH = 1.5

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.end = 0.0

    def restart(self) -> None:
        self.end = 0.0
        forget_ranges(self.plot, x=False)

    def follow(self, step: int) -> None:
        if step > self.end or step < self.end / (2 * self.GROWTH):  # outgrown, or a new run started
            self.end = max(self.GROWTH * step, 10.0)
            self.plot.setXRange(0, self.end, padding=0)
