"""The Activations tab: each layer's output distribution as a histogram outline, all layers or one chosen.

As the other plots (plots.py), its items are made once and updated with setData from the window's redraw timer.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.session import Snapshot
from playground.ui.plots import LEGEND_ROWS, cache_axes, forget_ranges, layer_curves
from playground.ui.theme import legend_backdrop


class ActivationPlot(QWidget):
    """Each layer's output distribution as a histogram outline, coloured from input to output, with the share of
    dead ReLUs or saturated units in the legend. A chooser above the plot shows all the layers or one, at its own
    scale. "All layers" leaves out a linear output layer, whose values (tens, on spiral) set a scale that squeezed
    the tanh and sigmoid layers into spikes at ±1, and names no layer beyond LEGEND_LIMIT: the note below the chooser
    says so, and how the colours run."""

    LEGEND_LIMIT = 12  # more names than a plot at 1280×720 has room for beside the histograms

    legend: pg.LegendItem | None = None  # pyqtgraph resizes the view while constructing it, before the legend exists

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationPlot")
        self.layer_selector = QComboBox(objectName="activationLayer")
        self.layer_selector.setToolTip(self.tr("The layer whose output distribution is shown, at its own scale"))
        self.note = QLabel(objectName="activationNote", wordWrap=True)
        self.plot = pg.PlotWidget(background=None)
        self.plot.setLabel("bottom", self.tr("activation"))
        self.plot.setLabel("left", self.tr("share of values"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        cache_axes(self.plot)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.names: dict[str, str] = {}  # each layer's legend text: its name and its dead or saturated share
        self.output_function: str | None = None  # the last layer's activation, once a snapshot has said it
        self.legend = self.plot.addLegend(offset=(-10, 10), brush=legend_backdrop())
        self.plot.getViewBox().sigResized.connect(self._fit_legend)
        self.layer_selector.activated.connect(self._show_chosen)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Layer:")))
        controls.addWidget(self.layer_selector)
        controls.addWidget(self.note, 1)  # beside the chooser: a line taken from the plot left a legend no room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 1)

    def reset(self, layer_paths: list[str]) -> None:
        """One curve per layer, and the chooser's entries; the layer chosen stays chosen while the network has it."""
        chosen = self.layer_selector.currentData()
        self.curves = layer_curves(self.plot, self.curves, layer_paths, self.tr("layer {0}"), stepMode="center")
        self.names = {path: self.tr("layer {0}").format(path) for path in layer_paths}
        self.output_function = None
        self.layer_selector.clear()
        self.layer_selector.addItem(self.tr("All layers"), None)
        for path in layer_paths:
            self.layer_selector.addItem(self.tr("layer {0}").format(path), path)
        self.layer_selector.setCurrentIndex(max(self.layer_selector.findData(chosen), 0))
        self._show_chosen()

    def update_from(self, snapshot: Snapshot) -> None:
        relabelled = False
        for stats in snapshot.layers:
            curve = self.curves.get(stats.path)
            if curve is None:
                continue
            total = max(int(stats.histogram.sum()), 1)
            curve.setData(stats.edges, stats.histogram / total)
            share = stats.dead_share if stats.dead_share is not None else stats.saturated_share
            kind = self.tr("dead") if stats.dead_share is not None else self.tr("saturated")
            name = self.tr("layer {0}").format(stats.path)
            self.names[stats.path] = name if share is None else f"{name} · {share:.0%} {kind}"
            label = self.legend.getLabel(curve)
            if label is not None and label.text != self.names[stats.path]:
                label.setText(self.names[stats.path])
                relabelled = True
        last = next(reversed(self.curves), None)
        output = next((stats.function for stats in snapshot.layers if stats.path == last), self.output_function)
        if output != self.output_function:  # the first snapshot of a network: is its output layer linear?
            self.output_function = output
            self._show_chosen()
        elif relabelled:
            self._fit_legend()

    def clear_run(self) -> None:
        for path, curve in self.curves.items():
            curve.setData([], [])
            self.names[path] = self.tr("layer {0}").format(path)
            label = self.legend.getLabel(curve)
            if label is not None:
                label.setText(self.names[path])
        self._fit_legend()
        forget_ranges(self.plot)

    def shown_paths(self) -> list[str]:
        """The layers drawn: the one chosen, or all but a linear output layer (unless it is the only one)."""
        chosen = self.layer_selector.currentData()
        if chosen is not None:
            return [chosen]
        paths = list(self.curves)
        return paths[:-1] if len(paths) > 1 and self.output_function == "linear" else paths

    def _show_chosen(self) -> None:
        """The chosen layers' curves on the plot and in the legend, the others off it (so that Export writes what
        is shown), auto-ranged to them, and the note saying what "All layers" leaves out."""
        shown = self.shown_paths()
        item = self.plot.getPlotItem()
        for path, curve in self.curves.items():
            if path in shown and curve not in item.items:
                item.addItem(curve)
            elif path not in shown and curve in item.items:
                item.removeItem(curve)
        self.legend.clear()
        if len(shown) <= self.LEGEND_LIMIT:
            for path in shown:
                self.legend.addItem(self.curves[path], self.names[path])
        self._fit_legend()
        self.plot.getViewBox().enableAutoRange()  # the chosen layers' own scale, whatever zoom the others had
        notes = []
        if self.layer_selector.currentData() is None and len(shown) < len(self.curves):
            notes.append(self.tr("Layer {0}, the linear output, is left out: its wide scale would flatten the other "
                                 "layers' shapes.").format(list(self.curves)[-1]))
        if len(shown) > self.LEGEND_LIMIT:
            notes.append(self.tr("Red (layer {0}) to blue (layer {1}); "
                                 "choose one to see its dead or saturated share.").format(shown[0], shown[-1]))
        self.note.setText(" ".join(notes))

    def _fit_legend(self) -> None:
        """LEGEND_ROWS high, or in fewer columns where the plot is not wide enough for them and tall enough for
        the rows that makes: the names carry their dead or saturated share, and deep-sigmoid's three columns ran
        past the plot's left edge, which cut off the first column's colours."""
        legend, view = self.legend, self.plot.getViewBox()
        if legend is None:
            return
        width, height = view.width() - 20, view.height() - 20  # the legend's offset and a margin
        columns = max(1, math.ceil(len(legend.items) / LEGEND_ROWS))
        legend.setColumnCount(columns)
        legend.updateSize()  # a label set since is wider than the legend was laid out for
        while columns > 1 and legend.width() > width:
            legend.setColumnCount(columns - 1)
            if legend.height() > height:  # as many rows do not fit either: the wider layout cuts off less
                legend.setColumnCount(columns)
                break
            columns -= 1
