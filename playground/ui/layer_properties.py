"""The property editor of the selected layer: units, filters, kernels, pooling windows, activation,
initialization, rates.

It shows a layer dict and reports each change as (field, value); the builder turns that into
an undoable edit. None as a value means "the default" and removes the setting.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QWidget

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.init import INITIALIZERS
from playground.engine.layer_specs import (
    ACTIVATION_LAYERS,
    BatchNormSpec,
    Conv2DSpec,
    DenseSpec,
    DropoutSpec,
    MaxPool2DSpec,
)
from playground.ui.fields import BoundedSpinBox
from playground.words import term

MAX_UNITS = 4096
# Bounds of the fields of layers on images: more filters and larger kernels than these make a network the
# window trains slowly, and images here are at most 32×32.
MAX_FILTERS, MAX_KERNEL, MAX_STRIDE = 512, 11, 8
TAKES_ALPHA = ("leaky_relu", "elu")
FUNCTIONS = [name for name in ACTIVATION_FUNCTIONS if name != "linear"]


class LayerProperties(QWidget):
    edited = Signal(str, object)  # field name, new value (None: back to the default)
    adjusted = Signal(str)  # a value typed out of range was brought in: what it became and why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerProperties")
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.kind: str | None = None
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}  # by field, as the form names them
        self.show_layer(None)

    def show_layer(self, layer: dict[str, Any] | None) -> None:
        """Show a layer's settings; the widgets are rebuilt only when the kind of layer changes, so
        a spin box being typed into keeps its focus."""
        kind = None if layer is None else ("activation" if layer["type"] in ACTIVATION_LAYERS else layer["type"])
        if kind != self.kind:
            self._build(kind)
        if layer is not None:
            self._fill(layer)

    def _build(self, kind: str | None) -> None:
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.kind, self.fields, self.labels = kind, {}, {}
        if kind is None:
            self.layout_.addRow(QLabel(self.tr("Select a layer to edit it."), wordWrap=True))
        elif kind == "dense":
            units = BoundedSpinBox("unitsInput", 1, MAX_UNITS, self.tr("A layer has at least one unit: {typed} became "
                                                                       "{became}."),
                                   self.tr("A layer here has at most {maximum} units, so that training stays "
                                           "responsive: {typed} became {became}."))
            units.adjusted.connect(self.adjusted)
            self._add("units", self.tr("Units"), units, self.tr("How many outputs the layer has"))
            self._add_weights(self.tr("How the weights W start"))
        elif kind == "conv2d":
            self._add("filters", self.tr("Filters"), self._whole("filtersInput", MAX_FILTERS, self.tr("filters")),
                      self.tr("How many kernels the layer slides over its input: one feature map each"))
            self._add("kernel", self.tr("Kernel"), self._whole("kernelInput", MAX_KERNEL, self.tr("pixels")),
                      self.tr("The height and width of each kernel"))
            self._add("stride", self.tr("Stride"), self._whole("strideInput", MAX_STRIDE, self.tr("pixels")),
                      self.tr("How far the kernel moves from one output to the next"))
            padding = QComboBox()
            padding.addItem("same", "same")
            for zeros in range(MAX_KERNEL):
                padding.addItem(str(zeros), zeros)
            self._add("padding", self.tr("Padding"), padding,
                      self.tr('Zeros around the input; "same" adds as many as keep its size (stride 1)'))
            self._add_weights(self.tr("How the kernels K start"))
        elif kind in ("maxpool2d", "avgpool2d"):
            self._add("size", self.tr("Window"), self._whole("sizeInput", MAX_KERNEL, self.tr("pixels")),
                      self.tr("The height and width of each window"))
            stride = BoundedSpinBox("strideInput", 0, MAX_STRIDE,
                                    self.tr('The stride is at least 1, or 0 for "as the window": {typed} became '
                                            '{became}.'), self._too_high(self.tr("pixels")))
            stride.setSpecialValueText(self.tr("as the window"))  # 0: the setting left out
            stride.adjusted.connect(self.adjusted)
            self._add("stride", self.tr("Stride"), stride,
                      self.tr("How far the window moves from one output to the next; by default its own size, "
                              "so that windows do not overlap"))
        elif kind in ("flatten", "globalavgpool"):
            text = (self.tr("Flatten reads the maps before it as one flat vector, channel by channel and row by row, "
                            "for the Dense layers after it. It has no settings.") if kind == "flatten" else
                    self.tr("GlobalAvgPool averages each map before it into one value: as many features as there "
                            "are channels, whatever the size of the maps. It has no settings."))
            self.layout_.addRow(QLabel(text, wordWrap=True))
        elif kind == "activation":
            self._add("type", self.tr("Function"), self._choices(ACTIVATION_LAYERS), self.tr("The function applied"))
            self._add("alpha", self.tr("α"), self._real(0.0, 10.0, 0.01, 3, default=True),
                      self.tr("The slope or scale of leaky ReLU and ELU below zero"))
        elif kind == "dropout":
            self._add("rate", self.tr("Rate"), self._real(0.0, 0.95, 0.05, 2),
                      self.tr("The share of units zeroed at each training step"))
        elif kind == "batchnorm":
            self._add("momentum", self.tr("Momentum"), self._real(0.0, 1.0, 0.05, 3),
                      self.tr("How fast the running mean and variance follow the batches"))
            self._add("eps", self.tr("ε"), self._real(1e-8, 1.0, 1e-5, 8),
                      self.tr("Added to the variance so that it is never divided by zero"))
        elif kind == "residual":
            self.layout_.addRow(QLabel(self.tr("A residual block adds its input to its output. Drop layers onto "
                                               "it to put them inside; its last layer must give back as many "
                                               "features as it gets."), wordWrap=True))

    def _add_weights(self, init_tip: str) -> None:
        """The settings Dense and Conv2D share: the activation and how the weights start."""
        self._add("activation", self.tr("Activation"), self._choices(ACTIVATION_FUNCTIONS),
                  self.tr("The function g in a = g(z)"))
        self._add("alpha", self.tr("α"), self._real(0.0, 10.0, 0.01, 3, default=True),
                  self.tr("The slope or scale of leaky ReLU and ELU below zero"))
        self._add("init", self.tr("Weight init"), self._choices(INITIALIZERS), init_tip)
        self._add("bias_init", self.tr("Bias init"), self._choices(INITIALIZERS), self.tr("How the bias b starts"))
        self._add("init_scale", self.tr("Init scale"), self._real(0.0, 100.0, 0.1, 3, default=True),
                  self.tr("Multiplies the initial weights; default keeps the initializer's own scale"))

    def _whole(self, name: str, maximum: int, unit: str) -> BoundedSpinBox:
        box = BoundedSpinBox(name, 1, maximum, self.tr("At least 1 is needed: {typed} became {became}."),
                             self._too_high(unit))
        box.adjusted.connect(self.adjusted)
        return box

    def _too_high(self, unit: str) -> str:
        return self.tr("At most {maximum} %s here, so that training stays responsive: {typed} became "
                       "{became}.") % unit

    def _add(self, name: str, label: str, widget: QWidget, tip: str) -> None:
        widget.setObjectName(f"{name}Input")
        widget.setToolTip(tip)
        if isinstance(widget, BoundedSpinBox):
            widget.tip = tip  # the tooltip it puts back when a mark about a value comes off
        self.fields[name] = widget
        self.labels[name] = label
        self.layout_.addRow(label, widget)
        if isinstance(widget, QComboBox):  # each item's data is the value it stands for
            widget.currentIndexChanged.connect(lambda _: self.edited.emit(name, widget.currentData()))
        else:  # a number; the lowest means the default when it has words of its own ("as the window")
            default = widget.specialValueText() != ""
            changed = widget.committed if isinstance(widget, BoundedSpinBox) else widget.valueChanged
            changed.connect(
                lambda value: self.edited.emit(name, None if default and value == widget.minimum() else value))

    def _fill(self, layer: dict[str, Any]) -> None:
        function = layer.get("activation", layer.get("type"))
        for name, widget in self.fields.items():
            widget.blockSignals(True)
            value = layer.get(name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value if value is not None else _defaults(name)))
            elif value is None and widget.specialValueText():
                widget.setValue(widget.minimum())
            else:
                widget.setValue(value if value is not None else _defaults(name))
            widget.blockSignals(False)
        if "alpha" in self.fields:
            self.layout_.setRowVisible(self.fields["alpha"], function in TAKES_ALPHA)

    @staticmethod
    def _choices(names) -> QComboBox:
        box = QComboBox()
        for name in names:
            box.addItem(term(name), name)
        return box

    def _real(self, low: float, high: float, step: float, decimals: int, default: bool = False) -> QDoubleSpinBox:
        box = QDoubleSpinBox(minimum=low, maximum=high, singleStep=step, decimals=decimals)
        if default:  # the lowest value reads "default" and means the setting is left out
            box.setSpecialValueText(self.tr("default"))
        return box


# What a setting left out of a layer dict means: the spec dataclasses' own defaults.
DEFAULTS = {f.name: f.default for cls in (DenseSpec, DropoutSpec, BatchNormSpec, Conv2DSpec, MaxPool2DSpec)
            for f in fields(cls)
            if f.default is not MISSING and f.default is not None}


def _defaults(name: str) -> Any:
    return DEFAULTS[name]
