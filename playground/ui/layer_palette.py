"""The palette of layer types the builder's list takes drops from, each with its one-line
tooltip and the layer a drop makes. The layers on images (Conv2D, pooling, Flatten,
GlobalAvgPool) are offered only while the data are an image set."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from playground.ui.translation import tr

LAYER_MIME = "application/x-playground-layer"  # a palette kind
SHOWN_ROWS = 4  # what the palette asks for; it grows into the height its column has


def palette_entries() -> list[tuple[str, str, str, dict[str, Any]]]:
    """(kind, title, one-line tooltip, the layer a drop makes) for each layer type."""
    return [
        ("dense", tr("Dense"), tr("Every input feeds every unit: z = Wᵀx + b, then a = g(z)"),
         {"type": "dense", "units": 8, "activation": "relu"}),
        ("relu", tr("ReLU"), tr("max(0, z): passes positives, zeroes negatives"), {"type": "relu"}),
        ("leaky_relu", tr("Leaky ReLU"), tr("z above zero, α·z below, so no unit dies"), {"type": "leaky_relu"}),
        ("elu", tr("ELU"), tr("z above zero, α(eᶻ − 1) below: smooth around zero"), {"type": "elu"}),
        ("sigmoid", tr("Sigmoid"), tr("1 / (1 + e⁻ᶻ): squashes into (0, 1) and saturates"), {"type": "sigmoid"}),
        ("tanh", tr("Tanh"), tr("Squashes into (−1, 1), centred on zero"), {"type": "tanh"}),
        ("softplus", tr("Softplus"), tr("log(1 + eᶻ): a smooth ReLU"), {"type": "softplus"}),
        ("softmax", tr("Softmax"), tr("Turns outputs into probabilities that sum to 1"), {"type": "softmax"}),
        ("dropout", tr("Dropout"), tr("Zeroes a random share of units while training, against overfitting"),
         {"type": "dropout", "rate": 0.5}),
        ("batchnorm", tr("BatchNorm"), tr("Normalizes each feature over the batch, then scales and shifts it"),
         {"type": "batchnorm"}),
        ("residual", tr("Residual"), tr("A block whose output is added to its input: a shortcut for gradients"),
         {"type": "residual", "layers": [{"type": "dense", "units": 8, "activation": "relu"}]}),
        *image_entries(),
    ]


def image_entries() -> list[tuple[str, str, str, dict[str, Any]]]:
    """The palette's layers on images, as palette_entries gives them."""
    return [
        ("conv2d", tr("Conv2D"), tr("Slides small kernels over the images: each filter makes a feature map, "
                                    "z = K ⋆ x + b, then a = g(z)"),
         {"type": "conv2d", "filters": 8, "kernel": 3, "padding": "same", "activation": "relu",
          "init": "he_uniform"}),
        ("maxpool2d", tr("MaxPool"), tr("The largest value of each 2×2 window: halves the maps; the gradient "
                                        "flows to that value alone"), {"type": "maxpool2d", "size": 2}),
        ("avgpool2d", tr("AvgPool"), tr("The mean of each 2×2 window: halves the maps; the gradient is shared "
                                        "across the window"), {"type": "avgpool2d", "size": 2}),
        ("flatten", tr("Flatten"), tr("Reads the maps as one flat vector, for the Dense layers after them"),
         {"type": "flatten"}),
        ("globalavgpool", tr("GlobalAvgPool"), tr("The mean of each map: one value per channel, in place of a "
                                                  "Flatten"), {"type": "globalavgpool"}),
    ]


class LayerPalette(QListWidget):
    """The layer types, dragged onto the layer list (or double-clicked to add)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPalette")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.templates: dict[str, dict[str, Any]] = {}
        self.titles: dict[str, str] = {}  # by kind, as the palette lists them
        self.image_kinds = {kind for kind, *_ in image_entries()}
        for kind, title, tip, template in palette_entries():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(tip)
            self.addItem(item)
            self.templates[kind] = template
            self.titles[kind] = title
        self.setCurrentRow(0)
        self.offer_image_layers(False)

    def offer_image_layers(self, offered: bool) -> None:
        """Show the layers on images, for an image set; hide them for points and tables."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in self.image_kinds:
                item.setHidden(not offered)
        if self.currentItem() is None or self.currentItem().isHidden():
            self.setCurrentRow(0)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # A few rows: it takes the height the data panel above leaves it, and scrolls in less.
        return QSize(super().sizeHint().width(), SHOWN_ROWS * self.sizeHintForRow(0) + 2 * self.frameWidth())

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [LAYER_MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        data.setData(LAYER_MIME, items[0].data(Qt.ItemDataRole.UserRole).encode())
        return data

    def current_kind(self) -> str:
        item = self.currentItem() or self.item(0)
        return item.data(Qt.ItemDataRole.UserRole)
