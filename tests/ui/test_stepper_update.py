"""The stepper's update phase, driven in the window as a person would: pick an optimizer and its
settings, a penalty or gradient clipping, step through the current mini-batch to the update and
read it. The formula names the chosen optimizer's rule with this step's numbers; the heatmaps show
how ∂L/∂W became ΔW (the penalty term, the clipped gradient g, the optimizer's state); the rule on
the shown numbers gives the ΔW shown, and ΔW is what Apply update changes W by."""

import html

import numpy
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QDialogButtonBox, QLabel, QTableWidget, QToolButton

from playground.ui import MainWindow
from playground.ui.stepper.phases import number
from tests.ui.test_metrics_view import open_tab
from tests.ui.test_run_views import train_then_pause
from tests.ui.widgets import click, find

LEARNING_RATE = 0.03  # the circle preset's
# (the optimizer selector's choice, the settings dialog's fields)
OPTIMIZERS = {
    "sgd": ("sgd", {}),
    "sgd-momentum": ("sgd", {"momentum": 0.9}),
    "sgd-nesterov": ("sgd", {"momentum": 0.9, "nesterov": True}),
    "adam": ("adam", {}),
    "adamw": ("adamw", {"weight_decay": "0.5"}),
    "rmsprop": ("rmsprop", {}),
    "rmsprop-momentum": ("rmsprop", {"momentum": 0.5}),
}
# What each traced step is taken with: a penalty from the control bar, or clipping from the dialog.
EXTRAS = [("L1", 0.1), ("L2", 0.5), ("clip_norm", 1e-3), ("clip_value", 1e-3)]


def settings_dialog(qtbot, window) -> QDialog:
    qtbot.mouseClick(find(window, QToolButton, "optimizerSettingsButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QDialog, "optimizerSettings")))
    return next(d for d in window.findChildren(QDialog, "optimizerSettings") if d.isVisible())


def press_ok(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def set_clipping(qtbot, window, kind: str, value: float) -> None:
    """Tick one kind of clipping in the settings dialog, untick the other, and type its value."""
    dialog = settings_dialog(qtbot, window)
    for box, field, name in ((dialog.clip_norm, dialog.clip_norm_value, "clip_norm"),
                             (dialog.clip_value, dialog.clip_value_value, "clip_value")):
        if box.isChecked() != (name == kind):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        if name == kind:
            field.clear()
            qtbot.keyClicks(field, f"{value:g}")
    press_ok(qtbot, dialog)


def choose_optimizer(qtbot, window, kind: str, fields: dict) -> None:
    selector = window.controls.optimizer_selector
    selector.setCurrentIndex(selector.findData(kind))
    dialog = settings_dialog(qtbot, window)
    for name, value in fields.items():
        widget = dialog.fields[name]
        if isinstance(widget, QCheckBox):
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        elif isinstance(value, str):
            widget.clear()
            qtbot.keyClicks(widget, value)
        else:
            widget.setValue(value)
    press_ok(qtbot, dialog)


def set_penalty(window, kind: str, rate: float) -> None:
    window.controls.regularization_selector.setCurrentText(kind)
    window.controls.regularization_rate_input.setCurrentText(f"{rate:g}")


def step_to_the_update(qtbot, window) -> None:
    """Trace the current mini-batch and click Next through every phase to the update."""
    old = window.stepper.trace
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.trace is not None and window.stepper.trace is not old, timeout=10_000)
    while window.stepper.next_button.isEnabled():
        click(qtbot, window, "stepperNextButton")
    assert window.stepper.phases()[window.stepper.current_phase()] == "Update"
    QApplication.processEvents()


def shown(window) -> dict:
    """The visible heatmaps by name, in float64 for the arithmetic."""
    return {view.matrix.name: view.image.image.astype(numpy.float64)
            for view in window.stepper.views if view.isVisible()}


def check_update(window, fields: dict, extra: str, amount: float, name: str) -> dict:
    """What the update phase shows for parameter `name` of layer 1, checked against its formula;
    returns the heatmaps."""
    window.stepper.update_parameter.setCurrentText(name)
    QApplication.processEvents()
    images, text = shown(window), window.stepper.formula.text()
    kind = window.controls.optimizer_selector.currentData()
    before, grad, change = images[f"{name} before"], images[f"∂L/∂{name}"], images[f"Δ{name}"]
    # g: the gradient the rule uses, as the formula's first rows make it.
    if extra in ("L1", "L2") and name == "W":
        term = amount * (numpy.sign(before) if extra == "L1" else before)
        penalty = f"{extra.lower()}·sign(W)" if extra == "L1" else "l2·W"
        assert f"g = ∂L/∂W + {penalty}" in text and f"{extra.lower()} = {number(amount)}" in text
        numpy.testing.assert_allclose(images[penalty], term, rtol=1e-6)
        numpy.testing.assert_allclose(images["g"], grad + term, rtol=1e-5, atol=1e-7)
    elif extra in ("L1", "L2"):
        assert "the penalty applies to the weights W only" in text and "g" not in images
    elif extra == "clip_norm":
        assert "g ← g · min(1, c / (‖g‖ + 10⁻⁶))" in text and f"c = {number(amount)}: × " in text
        factor = float(text.split(": × ")[1].split("<")[0].replace("−", "-"))
        numpy.testing.assert_allclose(images["g"], factor * grad, rtol=2e-3)
    else:
        assert "g ← clip(g, −c, c)" in text and f"c = {number(amount)}: " in text
        numpy.testing.assert_allclose(images["g"], numpy.clip(grad, -amount, amount), rtol=1e-6)
    g = images.get("g", grad)
    # The rule, with the numbers shown.
    momentum, eps = fields.get("momentum", 0.0), 1e-8
    decayed = before
    if kind == "sgd" and momentum:
        step = g + momentum * images["v"] if fields.get("nesterov") else images["v"]
        assert f"{name} ← {name} − α (g + μ v)" in text if fields.get("nesterov") else f"{name} ← {name} − α v" in text
    elif kind == "sgd":
        step = g
        assert f"{name} ← {name} − α g" in text
    elif kind == "rmsprop":
        assert "s ← ρ s + (1 − ρ) g²" in text
        step = images["v"] if momentum else g / (numpy.sqrt(images["s"]) + eps)
    else:
        assert "m̂ = m / (1 − β₁ᵗ)" in text and "1 − β₁ᵗ = " in text
        step = images["m̂"] / (numpy.sqrt(images["v̂"]) + eps)
        if kind == "adamw":
            decay = 1 - LEARNING_RATE * float(fields["weight_decay"])
            assert f"{name} ← (1 − αλ) {name}" in text and f"1 − αλ = {number(decay, 6)}" in text
            assert f"{name} ← {name} − α m̂ / (√v̂ + ε)" in text
            decayed = decay * before
        else:
            assert f"{name} ← {name} − α m̂ / (√v̂ + ε)" in text
    assert f"α = {number(LEARNING_RATE)}" in text
    # to rounding: after − before is exact to a few float32 steps at W's size
    rounding = 4 * numpy.finfo(numpy.float32).eps * max(abs(before).max(), abs(images[f"{name} after"]).max())
    numpy.testing.assert_allclose(change, decayed - before - LEARNING_RATE * step, rtol=0, atol=rounding)
    assert f"largest |Δ{name}| = {number(abs(change).max())}" in text
    return images


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_the_update_phase_shows_what_the_optimizer_applies(qtbot, optimizer):
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    kind, fields = OPTIMIZERS[optimizer]
    choose_optimizer(qtbot, window, kind, fields)
    for extra, amount in EXTRAS:
        set_penalty(window, extra if extra in ("L1", "L2") else "none", amount)
        if extra.startswith("clip"):
            set_clipping(qtbot, window, extra, amount)
        step_to_the_update(qtbot, window)
        assert window.stepper.update_layer.currentText() == "1"
        shown_w = check_update(window, fields, extra, amount, "W")
        check_update(window, fields, extra, amount, "b")
        # Apply update: W changes by the ΔW shown, to the last bit.
        applied_step = window.latest.step + 1
        click(qtbot, window, "stepperApplyButton")
        qtbot.waitUntil(lambda: window.latest.step == applied_step, timeout=10_000)  # noqa: B023 (waited on here)
        applied = window.training.worker.session.network.get("1.W") - shown_w["W before"].astype(numpy.float32)
        assert numpy.array_equal(applied, shown_w["ΔW"].astype(numpy.float32))
    window.close()


def test_the_update_phases_gradient_is_the_one_the_inspector_shows(qtbot):
    """With an L2 penalty and a clip that scales the gradient a thousandfold, ∂L/∂W in the update phase (before
    either) is the gradient whose norm the Inspector shows for that step."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    set_penalty(window, "L2", 0.5)
    set_clipping(qtbot, window, "clip_norm", 1e-3)
    step_to_the_update(qtbot, window)
    window.stepper.update_parameter.setCurrentText("W")
    QApplication.processEvents()
    images = shown(window)
    gradient = images["∂L/∂W"]
    assert numpy.linalg.norm(images["g"]) < 1e-2 * numpy.linalg.norm(gradient)  # the rule's g is far from it
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    assert float(table.item(0, 4).text()) == pytest.approx(numpy.linalg.norm(gradient), rel=1e-2)
    window.close()


def test_the_update_phase_says_that_a_warm_up_holds_the_rate_below_its_base(qtbot):
    """With a warm-up of 100 steps the first step's α is the base rate's hundredth, and the update phase said
    "(constant schedule, base 0.03)" beside it: a constant rate that was not the rate."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    dialog = settings_dialog(qtbot, window)
    warmup = dialog.schedule_fields["warmup_steps"]
    warmup.lineEdit().selectAll()
    qtbot.keyClicks(warmup.lineEdit(), "100")
    press_ok(qtbot, dialog)
    step_to_the_update(qtbot, window)
    text = window.stepper.formula.text()
    assert f"α = {number(LEARNING_RATE / 100)} (warm-up over the first 100 steps up to {number(LEARNING_RATE)}, " \
           "then constant rate)" in text
    window.close()


def test_adams_update_says_that_t_counts_from_when_adam_was_chosen(qtbot):
    """t in Adam's bias corrections counts Adam's own steps: chosen two steps before, at step 50 or so of the run,
    the traced step's t is 3, and the update says where t counts from."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    train_then_pause(qtbot, window, steps=50)
    selector = window.controls.optimizer_selector
    selector.setCurrentIndex(selector.findData("adam"))
    for steps in (1, 2):
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda: window.latest.step > 50 and window.training.worker.session.optimizer.step_count
                        == steps, timeout=10_000)  # noqa: B023 (waited on here)
    step_to_the_update(qtbot, window)
    text = html.unescape(window.stepper.formula.text())
    assert "t = 3:" in text and window.latest.step > 50, text
    assert "t counts Adam's own steps, from 1 at the first step after Adam was chosen or the run began" in text, text
    window.close()


@pytest.mark.parametrize(("kind", "rate", "formula"), [("L2", 0.5, "R = (l2/2)·ΣW²"), ("L1", 0.1, "R = l1·Σ|W|")])
def test_the_loss_phase_names_the_penalty_that_the_update_adds_the_gradient_of(qtbot, kind, rate, formula):
    """With a penalty on, the update's g = ∂L/∂W + l2·W came from nowhere the stepper showed: the Loss phase gave
    the data's loss alone, without a word of the penalty whose gradient that is, or of its size."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    set_penalty(window, kind, rate)
    train_then_pause(qtbot, window, steps=50)
    step_to_the_update(qtbot, window)
    phases = window.stepper.phases()
    window.stepper.phase_list.setCurrentRow(next(k for k, title in enumerate(phases) if title.startswith("Loss")))
    text = html.unescape(find(window, QLabel, "stepperFormula").text())
    assert formula in text and f"= {number(window.latest.penalty)}" in text
    assert "Loss tab" in text  # which leaves it out, as L does
    set_penalty(window, "none", 0.0)  # a step without one says nothing of it
    step_to_the_update(qtbot, window)
    window.stepper.phase_list.setCurrentRow(next(k for k, title in enumerate(phases) if title.startswith("Loss")))
    assert "R =" not in html.unescape(find(window, QLabel, "stepperFormula").text())
    window.close()
