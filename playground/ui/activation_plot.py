"""The Activations tab: each layer's output distribution as a histogram outline, all layers or one chosen.

As the other plots (plots.py), its items are made once and updated with setData from the window's redraw timer.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.session import LayerStats, Snapshot
from playground.ui.plot_parts import cache_axes, fit_legend, forget_ranges, layer_curves, legend_beside

# Layers that give what they get, of the same kind: what they pass on is an activation when their input is one. An
# identity activation ("linear" as a layer of its own) too; a Dense or Conv2D layer with it gives weighted sums.
PASSING_ON = ("linear", "dropout", "maxpool2d", "avgpool2d", "flatten", "globalavgpool", "residual")
WEIGHTED_SUMS = ("dense", "conv2d")
NAMED_LEFT_OUT = 4  # the layers left out that the note names, before an ellipsis and the last


def activation_paths(layers: list[LayerStats]) -> list[str]:
    """The layers whose outputs are activations: a nonlinearity's values, or a layer's that passes them on (pooling,
    flatten, dropout, a residual block adding to them). A Dense or Conv2D layer without an activation function gives
    weighted sums, and batch normalization standardized ones, on scales no function bounds: batchnorm's first layers
    reached -7..8 and spiral's output -28..22, which squeezed the sigmoid and tanh layers beside them into spikes."""
    activated, paths = False, []  # the network's input is data, not activations
    for stats in layers:
        if stats.type == "batchnorm" or stats.type in WEIGHTED_SUMS and stats.function == "linear":
            activated = False
        elif stats.function not in PASSING_ON:
            activated = True
        if activated:
            paths.append(stats.path)
    return paths


class ActivationPlot(QWidget):
    """Each layer's output distribution as a histogram outline, coloured from input to output, with the share of
    dead ReLUs or saturated units in the legend beside them. A chooser above the plot shows all the layers or one, at
    its own scale. "All layers" draws the activations (`activation_paths`) on their common scale and leaves out the
    layers without an activation function, whose wider scales flattened the activations' shapes (unless no layer has
    one), and names no layer beyond LEGEND_LIMIT: the note beside the chooser says which are left out, and how the
    colours run."""

    LEGEND_LIMIT = 12  # more names than a plot at 1280×720 has room for beside the histograms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationPlot")
        self.layer_selector = QComboBox(objectName="activationLayer")
        self.layer_selector.setToolTip(self.tr("The layer whose output distribution is shown, at its own scale"))
        self.note = QLabel(objectName="activationNote", wordWrap=True)
        self.plot = pg.PlotWidget(background=None)
        self.plot.setLabel("bottom", self.tr("activation"))
        self.plot.setLabel("left", self.tr("share of values"))
        for axis in ("left", "bottom"):  # sigmoids alone read 0 to 1 as "200 400 600 (×0.001)"
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        cache_axes(self.plot)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.names: dict[str, str] = {}  # each layer's legend text: its name and its dead or saturated share
        self.activations: list[str] | None = None  # the layers giving activations, once a snapshot has said
        self.types: dict[str, str] = {}  # each layer's type, from the same snapshot
        self.legend = legend_beside(self.plot.getPlotItem())
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
        self.activations, self.types = None, {}
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
        if self.activations is None and snapshot.layers:  # the first snapshot of a network: which give activations?
            self.activations = [path for path in activation_paths(snapshot.layers) if path in self.curves]
            self.types = {stats.path: stats.type for stats in snapshot.layers}
            self._show_chosen()
        elif relabelled:
            fit_legend(self.plot.getPlotItem())

    def clear_run(self) -> None:
        for path, curve in self.curves.items():
            curve.setData([], [])
            self.names[path] = self.tr("layer {0}").format(path)
            label = self.legend.getLabel(curve)
            if label is not None:
                label.setText(self.names[path])
        fit_legend(self.plot.getPlotItem())
        forget_ranges(self.plot)

    def shown_paths(self) -> list[str]:
        """The layers drawn: the one chosen, or those giving activations (all, where none does)."""
        chosen = self.layer_selector.currentData()
        if chosen is not None:
            return [chosen]
        return self.activations or list(self.curves)

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
        fit_legend(self.plot.getPlotItem())
        self.plot.getViewBox().enableAutoRange()  # the chosen layers' own scale, whatever zoom the others had
        notes = []
        left_out = [path for path in self.curves if path not in shown]
        if self.layer_selector.currentData() is None and left_out:
            notes.append(self._left_out_note(left_out))
        if len(shown) > self.LEGEND_LIMIT:
            notes.append(self.tr("Red (layer {0}) to blue (layer {1}); "
                                 "choose one to see its dead or saturated share.").format(shown[0], shown[-1]))
        self.note.setText(" ".join(notes))

    def _left_out_note(self, paths: list[str]) -> str:
        """Which layers "All layers" leaves out, and what their values are instead of activations."""
        normalized = {path for path in paths if self.types.get(path) == "batchnorm"}
        if not normalized:
            values = self.tr("weighted sums")
        elif normalized == set(paths):
            values = self.tr("normalized values")
        else:
            values = self.tr("weighted sums or normalized values")
        if len(paths) == 1:
            return self.tr("Left out, without an activation function: layer {0} ({1}, on a scale of its own).").format(
                paths[0], values)
        listed = paths if len(paths) <= NAMED_LEFT_OUT + 1 else [*paths[:NAMED_LEFT_OUT], "…", paths[-1]]
        return self.tr("Left out, without an activation function: layers {0} ({1}, on scales of their own).").format(
            ", ".join(listed), values)
