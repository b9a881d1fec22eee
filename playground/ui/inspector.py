"""The Inspector tab: each layer's health at the newest snapshot, as numbers. Its output's mean
and spread, the share of dead or saturated units, the weight-gradient norm (backprop's, before
clipping and without the penalty, as every view shows it), and the update-to-weight ratio
‖ΔW‖ / ‖W‖ of the last step, against CS231n's rule of thumb that about 1e-3 is healthy: far
above it the learning rate is too high, far below it too low."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from playground.session import LayerStats, Snapshot
from playground.ui.metrics_view import read_only_table, tinted
from playground.ui.plot_parts import SMOOTHING_PERCENT, SMOOTHING_STEPS
from playground.ui.theme import BLUE, ORANGE
from playground.words import term

HEALTHY_RATIO = (1e-4, 1e-2)  # a decade either side of CS231n's 1e-3
READABLE_INTERVAL_S = 0.25  # numbers that change 30 times a second cannot be read; a redraw costs 1 ms
NAME_ELLIPSIS = " …"  # after a layer's number, where its column gives up the rest of its name to the numbers


def compact(number: str) -> str:
    """A number as Python writes it, its exponent without a plus or leading zeros (4.34e-2, not 4.34e-02): the
    Inspector's six columns fit beside a lesson at 1280×720 only so."""
    mantissa, e, exponent = number.partition("e")
    return f"{mantissa}e{int(exponent)}" if e else number


def ratio_verdict(ratio: float | None) -> str:
    """'healthy', 'too large' (the learning rate is too high), 'too small' or '' when unknown. An infinite ratio,
    a step that swamped the weights (session/step_norms.update_ratios), is too large."""
    if ratio is None or math.isnan(ratio):
        return ""
    low, high = HEALTHY_RATIO
    return "too large" if ratio > high else "too small" if ratio < low else "healthy"


class LayerInspector(QWidget):
    def __init__(self) -> None:
        super().__init__(objectName="layerInspector")
        self.table = read_only_table("layerHealth")
        # Short headers, whole in their tooltips (the widest in two lines): with a lesson beside the window at
        # 1280×720, the long ones pushed the update ratio, which lessons send the learner to read, behind a scroll bar.
        headers = [(self.tr("Layer"), ""), (self.tr("Mean"), self.tr("Output mean")),
                   (self.tr("Std"), self.tr("Output std")), (self.tr("Dead/\nsat."), self.tr("Dead / saturated")),
                   (self.tr("‖∂L/∂W‖"), ""), (self.tr("‖ΔW‖/‖W‖"), "")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([header for header, _ in headers])
        for column, (_, tip) in enumerate(headers):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeaderItem(4).setToolTip(self.tr(
            "The norm of the gradient of the layer's weights at the last step, as backprop computed it: before "
            "clipping, and of the loss the window shows, without the L1/L2 penalty. One batch's, so it jumps from "
            "step to step; the Gradients tab draws its mean over the last {0}% of the steps, {1} at least.").format(
            SMOOTHING_PERCENT, SMOOTHING_STEPS))
        self.table.horizontalHeaderItem(5).setToolTip(self.tr(
            "How much the last step changed the weights, relative to their size. About 1e-3 is healthy; "
            "far above, the learning rate is too high; far below, too low."))
        self.hint = QLabel(self.tr("‖ΔW‖ / ‖W‖: blue between 1e-4 and 1e-2, where training moves at a healthy pace; "
                                   "orange outside, where the learning rate is likely too high or too low."),
                           wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self._drawn: Snapshot | None = None
        self._drawn_at = -math.inf

    def update_from(self, snapshot: Snapshot) -> None:
        if snapshot is self._drawn or not snapshot.layers:
            return
        now = time.monotonic()
        if snapshot.state == "running" and now - self._drawn_at < READABLE_INTERVAL_S:
            return  # a paused or finished state is always drawn
        self._drawn, self._drawn_at = snapshot, now
        table = self.table
        # A conv layer's weights are its kernels K: the headers name them too where the network has any.
        kernels = any(stats.type == "conv2d" for stats in snapshot.layers)
        table.horizontalHeaderItem(4).setText(self.tr("‖∂L/∂W‖,\n‖∂L/∂K‖") if kernels else self.tr("‖∂L/∂W‖"))
        table.horizontalHeaderItem(5).setText(self.tr("‖ΔW‖/‖W‖,\n‖ΔK‖/‖K‖") if kernels else self.tr("‖ΔW‖/‖W‖"))
        table.setRowCount(len(snapshot.layers))
        for row, stats in enumerate(snapshot.layers):
            for column, (text, tip) in enumerate(self._cells(stats)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            verdict = ratio_verdict(stats.weight_update_ratio)
            if verdict:
                table.item(row, 5).setBackground(tinted(BLUE if verdict == "healthy" else ORANGE, 0.6))
        self._fit_columns()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its numbers; when they need more than the tab has (a laptop's screen, a lesson
        beside the window, a deep network's scroll bar), the layer names give up the difference, down to their
        numbers, cut with "…" and whole in their tooltips, rather than the ratio at the right end, which the hint
        below explains."""
        table = self.table
        table.resizeColumnsToContents()
        frame = 2 * table.frameWidth()
        room = table.width() - frame
        if table.verticalHeader().length() > table.height() - table.horizontalHeader().height() - frame:
            room -= table.verticalScrollBar().sizeHint().width()  # the rows scroll
        short = table.horizontalHeader().length() - room
        if short > 0:
            table.setColumnWidth(0, max(self._least_name_width(), table.columnWidth(0) - short))

    def _least_name_width(self) -> int:
        """The width that shows every layer's number, then "…"."""
        table, metrics = self.table, self.table.fontMetrics()
        numbers = (table.item(row, 0).text().split(" ")[0] for row in range(table.rowCount()))
        # Qt's item views leave a focus frame's margin and a pixel each side of a cell's text; and a little more.
        padding = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 4
        return max((metrics.horizontalAdvance(number + NAME_ELLIPSIS) for number in numbers), default=0) + padding

    def clear_run(self) -> None:
        self.table.setRowCount(0)
        self._drawn, self._drawn_at = None, -math.inf

    def _cells(self, stats: LayerStats) -> list[tuple[str, str]]:
        share, kind = ((stats.dead_share, self.tr("dead")) if stats.dead_share is not None
                       else (stats.saturated_share, self.tr("saturated")))
        gradient, ratio = stats.weight_gradient, stats.weight_update_ratio
        verdict = {"healthy": self.tr("healthy"), "too large": self.tr("too large: lower the learning rate"),
                   "too small": self.tr("too small: the weights barely move")}.get(ratio_verdict(ratio), "")
        if ratio == math.inf:
            verdict = self.tr("too large to measure: the step was so much larger than the weights that they were "
                              "lost in its rounding; lower the learning rate")
        block = self.tr(" (all the weights in the block)") if stats.weights is None and gradient is not None else ""
        name = term(stats.type) if stats.function in ("", stats.type) else f"{term(stats.type)} {term(stats.function)}"
        layer = f"{stats.path} · {name}"
        return [(layer, layer),
                (compact(f"{stats.mean:.3g}"), ""),
                (compact(f"{stats.std:.3g}"), ""),
                ("–", "") if share is None else (f"{share:.0%}", f"{share:.0%} {kind}"),
                ("–" if gradient is None else compact(f"{gradient:.2e}"), block),
                (_ratio_text(ratio), verdict)]


def _ratio_text(ratio: float | None) -> str:
    """The ratio as the table writes it: "≫1" for a step that swamped the weights, "–" when unknown (no step, or
    no change of weights of zero), never "inf" or "nan"."""
    if ratio is None or math.isnan(ratio):
        return "–"
    return "≫1" if ratio == math.inf else compact(f"{ratio:.1e}")
