"""The window names what a spec gives by identifier (a loss, an activation, an initializer, a layer type, an
optimizer, a schedule) in a learner's words: "binary cross-entropy", not "binary_cross_entropy"."""

import re

import pytest
from PySide6.QtWidgets import QGraphicsView, QWidget

from playground.engine import OPTIMIZERS, SCHEDULES
from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.init import INITIALIZERS
from playground.engine.losses import LOSSES
from playground.project import list_presets
from tests.ui.test_builder import open_window, select_row
from tests.ui.test_run_views import train_then_pause
from tests.ui.texts import window_texts
from tests.ui.widgets import click

LAYER_TYPES = ("dense", "dropout", "batchnorm", "residual", "conv2d", "maxpool2d", "avgpool2d", "flatten",
               "globalavgpool")
# The identifiers the window names otherwise that are no word of prose ("dropout", "step" and "tanh" are).
NAMED = {name for name in (*LOSSES, *INITIALIZERS, *ACTIVATION_FUNCTIONS, *LAYER_TYPES, *OPTIMIZERS, *SCHEDULES)
         if not name.isalpha() or name in ("mse", "relu", "elu", "batchnorm", "globalavgpool", *OPTIMIZERS)}
IDENTIFIER = re.compile(r"(?<![\w-])(" + "|".join(sorted(NAMED, key=len, reverse=True)) + r")(?![\w-])")


def shown_texts(window) -> list[tuple[str, str]]:
    """What the window shows, its tooltips and the status bar's message too."""
    texts = list(window_texts(window))
    for widget in window.findChildren(QWidget):
        texts.append((f"tooltip {widget.objectName() or type(widget).__name__}", widget.toolTip()))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            texts += [("tooltip in a picture", item.toolTip()) for item in widget.scene().items()]
    return [*texts, ("status bar", window.statusBar().currentMessage())]


def identifiers_in(window) -> list[tuple[str, str]]:
    found = []
    for where, text in shown_texts(window):
        for name in list_presets():  # a preset's name is an identifier of its own (playground train --preset)
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
        found += [(where, match) for match in IDENTIFIER.findall(text)]
    return found


@pytest.mark.parametrize("preset", ["breast-cancer", "digits-cnn", "plane"])
def test_the_window_names_losses_layers_and_settings_in_words(qtbot, preset):
    """A loss of binary_cross_entropy, He-initialized ReLU layers, Adam, convolutions and pooling, mean squared
    error: the builder, the network view, the stepper's every phase, the Inspector, the controls."""
    window = open_window(qtbot, preset)
    assert identifiers_in(window) == []
    select_row(qtbot, window, 0)  # the layer's form: its activation and initializers
    assert identifiers_in(window) == []
    train_then_pause(qtbot, window, steps=3)  # the Inspector and the blocks' gradients
    assert identifiers_in(window) == []
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    for phase in range(len(window.stepper.phases())):
        assert identifiers_in(window) == [], phase
        if phase < len(window.stepper.phases()) - 1:
            click(qtbot, window, "stepperNextButton")
    window.close()
