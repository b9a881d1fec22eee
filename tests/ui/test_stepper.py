"""The stepper panel walking real traces of the engine: the phase list, the buttons and the signals,
the heatmaps against the trace's arrays, the numbers in small matrices, the hover text, one weight's
chain rule and the gradient check.

Heatmaps show each array as the trace stores it: ImageItem.image is the array itself (row-major,
row i drawn i-th from the top), activations and gradients features × batch, W (fan_in, fan_out),
and a vector such as b as one column (k × 1).
"""

import html
import re

import numpy
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QTextLayout
from PySide6.QtWidgets import QApplication

from playground.data import load_dataset
from playground.engine import (
    ActivationSpec,
    BatchNormSpec,
    DenseSpec,
    DropoutSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
    ResidualSpec,
)
from playground.engine.activations import Tanh
from playground.engine.losses import LOSS_CLASSES
from playground.project import load_preset
from playground.ui.stepper.matrix_view import cell_text
from playground.ui.stepper.panel import StepperPanel
from playground.ui.stepper.phases import number


def traced(name: str, count: int = 10):
    """A preset's spec and the trace of one training step on its first `count` training examples."""
    preset = load_preset(name)
    data = load_dataset(preset.dataset)
    net = Network(preset.network, seed=0)
    optimizer = Optimizer(net, preset.optimizer)
    return preset.network, net.trace_step(data.x_train[:count], data.y_train[:count], optimizer)


@pytest.fixture(scope="module")
def circle():
    return traced("circle")


@pytest.fixture(scope="module")
def circle_one():
    return traced("circle", 1)


@pytest.fixture(scope="module")
def digits():
    return traced("digits-mlp")


def panel_for(qtbot, spec, trace, **options) -> StepperPanel:
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    panel.show_trace(trace, spec, **options)
    QApplication.processEvents()
    return panel


def shown(panel: StepperPanel) -> dict:
    """The visible heatmaps by name: {name: the ImageItem's image}."""
    return {view.matrix.name: view.image.image for view in panel.views if view.isVisible()}


def view_named(panel: StepperPanel, name: str):
    return next(view for view in panel.views if view.isVisible() and view.matrix.name == name)


def value(text: str) -> float:
    return float(text.strip("()").replace("−", "-"))


CIRCLE_TITLES = ["Forward · layer 1 (Dense 4 tanh)", "Forward · layer 2 (Dense 2 tanh)",
                 "Forward · layer 3 (Dense 1 linear)", "Loss (binary cross-entropy)",
                 "Backward · layer 3 (Dense 1 linear)", "Backward · layer 2 (Dense 2 tanh)",
                 "Backward · layer 1 (Dense 4 tanh)", "Update"]
DIGITS_TITLES = ["Forward · layer 1 (Dense 200 ReLU)", "Forward · layer 2 (Dense 10 linear)", "Loss (cross-entropy)",
                 "Backward · layer 2 (Dense 10 linear)", "Backward · layer 1 (Dense 200 ReLU)", "Update"]


@pytest.mark.parametrize(("preset", "titles"), [("circle", CIRCLE_TITLES), ("digits", DIGITS_TITLES)])
def test_the_phase_list_has_two_entries_per_layer_and_the_loss_and_update(qtbot, request, preset, titles):
    spec, trace = request.getfixturevalue(preset)
    panel = panel_for(qtbot, spec, trace)
    assert len(titles) == 2 * len(trace.forward) + 2
    assert panel.phases() == titles
    assert [panel.phase_list.item(k).text() for k in range(panel.phase_list.count())] == titles
    assert panel.current_phase() == 0 and panel.phase_list.currentRow() == 0


@pytest.mark.parametrize("preset", ["circle", "digits"])
def test_next_and_previous_walk_every_phase_and_announce_its_layer_and_direction(qtbot, request, preset):
    spec, trace = request.getfixturevalue(preset)
    panel = panel_for(qtbot, spec, trace)
    paths = [record.path for record in trace.forward]
    expected = [(p, "forward") for p in paths] + [("", "loss")] + [(p, "backward") for p in reversed(paths)]
    expected.append(("", "update"))
    for k in range(1, len(expected)):
        with qtbot.waitSignal(panel.phase_changed) as blocker:
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        assert blocker.args == list(expected[k])
        assert panel.current_phase() == k and panel.phase_list.currentRow() == k
    assert not panel.next_button.isEnabled()
    for k in range(len(expected) - 2, -1, -1):
        with qtbot.waitSignal(panel.phase_changed) as blocker:
            qtbot.mouseClick(panel.prev_button, Qt.MouseButton.LeftButton)
        assert blocker.args == list(expected[k])
    assert panel.current_phase() == 0 and not panel.prev_button.isEnabled()


def test_clicking_a_phase_in_the_list_goes_there(qtbot, circle):
    panel = panel_for(qtbot, *circle)
    item = panel.phase_list.item(5)
    with qtbot.waitSignal(panel.phase_changed) as blocker:
        qtbot.mouseClick(panel.phase_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.phase_list.visualItemRect(item).center())
    assert panel.current_phase() == 5
    assert blocker.args == ["2", "backward"]


def test_to_end_of_forward_and_of_backward(qtbot, circle):
    panel = panel_for(qtbot, *circle)
    with qtbot.waitSignal(panel.phase_changed) as blocker:
        qtbot.mouseClick(panel.forward_end_button, Qt.MouseButton.LeftButton)
    assert panel.current_phase() == panel.phases().index("Loss (binary cross-entropy)") - 1 == 2
    assert blocker.args == ["3", "forward"]
    with qtbot.waitSignal(panel.phase_changed) as blocker:
        qtbot.mouseClick(panel.backward_end_button, Qt.MouseButton.LeftButton)
    assert panel.current_phase() == len(panel.phases()) - 2 == 6
    assert blocker.args == ["1", "backward"]


def test_a_dense_forward_phase_shows_x_w_b_z_and_a_with_the_shapes(qtbot, circle):
    spec, trace = circle
    panel = panel_for(qtbot, spec, trace)
    images, record = shown(panel), trace.forward[0]
    assert list(images) == ["x", "W", "b", "z", "a"]
    numpy.testing.assert_array_equal(images["x"], record.input)
    numpy.testing.assert_array_equal(images["W"], trace.state_before["1.W"])
    numpy.testing.assert_array_equal(images["b"], trace.state_before["1.b"].reshape(-1, 1))
    numpy.testing.assert_array_equal(images["z"], record.extras["z"])
    numpy.testing.assert_array_equal(images["a"], record.output)
    text = panel.formula.text()
    assert "z = Wᵀx + b" in text and "(2×4)ᵀ·(2×10) + (4) → (4×10)" in text
    assert Tanh.formula in text
    assert view_named(panel, "W").title.text() == "W  (2×4)"
    levels = view_named(panel, "z").image.getLevels()
    assert levels[0] == -levels[1] == pytest.approx(-numpy.abs(record.extras["z"]).max())


def test_the_loss_phase_shows_prediction_target_and_the_loss_gradient(qtbot, digits):
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(len(trace.forward))
    images = shown(panel)
    assert list(images) == ["ŷ", "y", "∂L/∂z"]
    numpy.testing.assert_array_equal(images["ŷ"], trace.prediction)
    numpy.testing.assert_array_equal(images["y"], trace.target)
    numpy.testing.assert_array_equal(images["∂L/∂z"], trace.loss_grad)
    loss = LOSS_CLASSES["cross_entropy"]
    assert loss.formula in panel.formula.text() and loss.gradient_formula in panel.formula.text()


@pytest.mark.parametrize("preset", ["circle", "digits"])
def test_the_backward_phase_of_layer_1_shows_the_recorded_gradients(qtbot, request, preset):
    spec, trace = request.getfixturevalue(preset)
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(2 * len(trace.forward))
    record = trace.backward[-1]
    assert record.path == "1"
    images = shown(panel)
    assert list(images) == ["∂L/∂a", "δ", "∂L/∂W", "∂L/∂b", "∂L/∂x"]
    numpy.testing.assert_array_equal(images["∂L/∂a"], record.grad_output)
    numpy.testing.assert_array_equal(images["δ"], record.extras["delta"])
    numpy.testing.assert_array_equal(images["∂L/∂W"], record.param_grads["W"])
    numpy.testing.assert_array_equal(images["∂L/∂b"], record.param_grads["b"].reshape(-1, 1))
    numpy.testing.assert_array_equal(images["∂L/∂x"], record.grad_input)
    text = panel.formula.text()
    assert "∂L/∂W = x δᵀ" in text and "∂L/∂x = W δ" in text and "Σ over the batch of δ" in text


def test_the_update_phase_shows_each_parameter_from_its_gradient_to_its_change(qtbot, circle):
    spec, trace = circle
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(len(panel.phases()) - 1)
    assert not panel.update_row.isHidden()
    assert panel.details.isHidden()  # the chain rule and the gradient check are the backward phases'
    assert [panel.update_layer.itemText(k) for k in range(panel.update_layer.count())] == ["1", "2", "3"]
    updates = {update.name: update for update in trace.updates}
    for layer in ("1", "3"):
        panel.update_layer.setCurrentText(layer)
        for name in ("W", "b"):
            panel.update_parameter.setCurrentText(name)
            images = shown(panel)
            # Plain SGD without a penalty or clipping: g is ∂L/∂W itself, and no state.
            assert list(images) == [f"{name} before", f"∂L/∂{name}", f"Δ{name}", f"{name} after"]
            update = updates[f"{layer}.{name}"]
            column = (lambda a: a.reshape(-1, 1)) if name == "b" else (lambda a: a)
            numpy.testing.assert_array_equal(images[f"{name} before"], column(update.before))
            numpy.testing.assert_array_equal(images[f"∂L/∂{name}"], column(trace.param_grads()[update.name]))
            numpy.testing.assert_array_equal(images[f"Δ{name}"], column(update.after - update.before))
            numpy.testing.assert_array_equal(images[f"{name} after"], column(update.after))
            text = panel.formula.text()
            assert f"g = ∂L/∂{name}" in text and f"{name} ← {name} − α g" in text and "α = 0.03" in text
    panel.update_layer.setCurrentText("1")
    assert panel.update_parameter.currentText() == "b"  # the parameter chosen stays chosen across layers
    # As the formula says: ΔW = −α ∂L/∂W.
    grad = trace.backward[0].param_grads["W"]
    numpy.testing.assert_allclose(updates["3.W"].change, -trace.learning_rate * grad, rtol=1e-4, atol=1e-7)
    panel.go_to(len(panel.phases()) - 2)
    assert panel.update_row.isHidden() and not panel.details.isHidden()


def test_the_update_phase_follows_the_gradient_through_penalty_clipping_and_adam(qtbot):
    preset = load_preset("circle")
    data = load_dataset(preset.dataset)
    net = Network(preset.network, seed=0)
    optimizer = Optimizer(net, OptimizerSpec("adam", learning_rate=0.01, l2=0.5, clip_norm=1e-3))
    trace = net.trace_step(data.x_train[:10], data.y_train[:10], optimizer)
    panel = panel_for(qtbot, preset.network, trace)
    panel.go_to(len(panel.phases()) - 1)
    assert panel.update_parameter.currentText() == "W"
    assert list(shown(panel)) == ["W before", "∂L/∂W", "l2·W", "g", "m̂", "v̂", "ΔW", "W after"]
    assert all(view.width() >= 60 for view in panel.views if view.isVisible())
    text = panel.formula.text()
    scalars = trace.optimizer.scalars
    for row in ("g = ∂L/∂W + l2·W", "l2 = 0.5", "g ← g · min(1, c / (‖g‖ + 10⁻⁶))",
                f"‖g‖ = {number(scalars['norm'])} over all parameters, c = 0.001: × {number(scalars['clip_factor'])}",
                "m ← β₁ m + (1 − β₁) g", "β₁ = 0.9", "v ← β₂ v + (1 − β₂) g²", "β₂ = 0.999",
                "m̂ = m / (1 − β₁ᵗ)", "t = 1: 1 − β₁ᵗ = 0.1", "v̂ = v / (1 − β₂ᵗ)", "1 − β₂ᵗ = 0.001",
                "W ← W − α m̂ / (√v̂ + ε)", "α = 0.01, ε = 1e−08",
                "ΔW = W after − W before", "m̂, v̂: from the optimizer"):
        assert row in text, row
    panel.update_parameter.setCurrentText("b")
    assert list(shown(panel)) == ["b before", "∂L/∂b", "g", "m̂", "v̂", "Δb", "b after"]
    assert "the penalty applies to the weights W only" in panel.formula.text()


def test_the_hats_of_m_and_v_sit_on_their_letters(qtbot):
    """m̂, v̂ and x̂ have no letter of their own: a combining circumflex follows the letter. The fonts some systems
    read it in (DejaVu Sans, with Qt's shaping) lift it a line above, so that "m̂ = m / (1 − β₁ᵗ)" read
    "m = m / (1 − β₁ᵗ)" and the heatmap of m̂ was titled m."""
    preset = load_preset("circle")
    net = Network(preset.network, seed=0)
    data = load_dataset(preset.dataset)
    trace = net.trace_step(data.x_train[:10], data.y_train[:10], Optimizer(net, OptimizerSpec("adam")))
    panel = panel_for(qtbot, preset.network, trace)
    panel.go_to(len(panel.phases()) - 1)
    for widget in (view_named(panel, "m̂").title, view_named(panel, "v̂").title, panel.formula):
        layout = QTextLayout("m̂", widget.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        heights = [point.y() for run in layout.glyphRuns() for point in run.positions()]
        assert max(heights) - min(heights) < QFontMetricsF(widget.font()).ascent() / 2, widget


def test_an_update_too_small_for_the_weights_says_they_did_not_change(qtbot, circle):
    """Deep in the sigmoid stack the gradient has all but vanished: α·g is so small that float32 rounds W + α·g back
    to W. ΔW is all zeros beside a gradient that is not, and the update says why."""
    spec, trace = traced("deep-sigmoid")
    update = next(u for u in trace.updates if u.name == "1.W")
    assert not update.change.any() and update.terms["grad"].all()
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(len(panel.phases()) - 1)
    assert panel.update_layer.currentText() == "1" and panel.update_parameter.currentText() == "W"
    assert not shown(panel)["ΔW"].any()
    step = number(float(numpy.abs(update.terms["step"]).max()))
    assert (f"{update.change.size} of {update.change.size} entries did not change" in panel.formula.text()
            and f"their step, at most {step}, is too small for float32 to add" in panel.formula.text())
    circle_panel = panel_for(qtbot, *circle)
    circle_panel.go_to(len(circle_panel.phases()) - 1)
    assert "did not change" not in circle_panel.formula.text()


def test_numbers_are_written_in_the_cells_of_small_matrices_only(qtbot, circle_one, digits):
    panel = panel_for(qtbot, *circle_one)
    for view in (v for v in panel.views if v.isVisible()):
        assert view.shows_numbers, view.matrix.name
    w = view_named(panel, "W")
    assert w.numbers.visible_texts()[1][2] == cell_text(float(circle_one[1].state_before["1.W"][1, 2]))
    spec, trace = digits
    panel.show_trace(trace, spec)
    panel.go_to(2 * len(trace.forward))
    QApplication.processEvents()
    for name in ("∂L/∂W", "∂L/∂b", "∂L/∂x"):
        assert not view_named(panel, name).shows_numbers, name


def test_hovering_a_cell_reads_its_value(qtbot, circle):
    spec, trace = circle
    panel = panel_for(qtbot, spec, trace)
    view = view_named(panel, "z")
    scene_pos = view.box.mapViewToScene(QPointF(5.5, 2.5))  # column 5, row 2
    qtbot.mouseMove(view.graphics.viewport(), view.graphics.mapFromScene(scene_pos))
    qtbot.waitUntil(lambda: panel.hover.text().startswith("z[2, 5] = "))
    assert value(panel.hover.text().split(" = ")[1]) == pytest.approx(trace.forward[0].extras["z"][2, 5], rel=1e-3)


def test_clicking_a_cell_of_the_weight_gradient_takes_that_weight_apart(qtbot, circle):
    spec, trace = circle
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(5)  # backward, layer 2: ∂L/∂W is 4 × 2
    view = view_named(panel, "∂L/∂W")
    point = view.graphics.mapFromScene(view.box.mapViewToScene(QPointF(1.5, 3.5)))
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: (panel.chain_row.value(), panel.chain_column.value()) == (3, 1))
    assert panel.chain.entry == pytest.approx(float(trace.backward[1].param_grads["W"][3, 1]))
    assert view.marker.isVisible() and view.marker.rect().topLeft() == QPointF(1, 3)


def test_the_chain_rule_of_one_example_multiplies_out_to_the_recorded_gradient(qtbot, circle_one):
    spec, trace = circle_one
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(5)  # backward, layer 2; layer 3 above it is Dense
    panel.chain_row.setValue(1)
    panel.chain_column.setValue(0)
    rule, record = panel.chain, trace.backward[1]
    assert (rule.i, rule.j) == (1, 0)
    assert rule.x[0] == trace.forward[1].input[1, 0] and rule.delta[0] == record.extras["delta"][0, 0]
    assert rule.total == pytest.approx(float(record.param_grads["W"][1, 0]), rel=1e-6)
    assert rule.entry == float(record.param_grads["W"][1, 0])
    # (∂L/∂a)[0] of layer 2 is Σ_k W₃[0, k] δ₃[k]: the same number the backward pass passed down.
    assert rule.upstream_total == pytest.approx(rule.grad_a, rel=1e-5)
    assert rule.grad_a == record.grad_output[0, 0]
    text = panel.chain_text.toPlainText()
    found = re.search(r"x\[1\] · δ\[0\] = (\S+) × (\S+) = (\S+)", text)
    x, delta, product = (value(found.group(k)) for k in (1, 2, 3))
    assert x * delta == pytest.approx(product, rel=1e-3)
    assert product == pytest.approx(rule.entry, rel=1e-3)
    assert f"backward wrote {number(rule.entry)}" in text


def test_the_chain_rule_of_the_last_layer_starts_from_the_loss(qtbot, circle_one):
    spec, trace = circle_one
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(4)  # backward, layer 3
    assert panel.chain.source == "loss"
    assert panel.chain.grad_a == trace.loss_grad[0, 0]
    assert LOSS_CLASSES["binary_cross_entropy"].gradient_formula in panel.chain_text.toPlainText()


def test_the_chain_rule_over_a_batch_sums_one_product_per_example(qtbot, circle):
    spec, trace = circle
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(6)  # backward, layer 1
    grad = trace.backward[-1].param_grads["W"]
    i, j = numpy.unravel_index(numpy.argmax(numpy.abs(grad)), grad.shape)
    assert (panel.chain.i, panel.chain.j) == (i, j)  # the weight the step moves most, until one is picked
    assert panel.chain.products.size == 10
    assert panel.chain.total == pytest.approx(float(grad[i, j]), rel=1e-5)
    assert "Σ over the 10 examples" in panel.chain_text.toPlainText()


def test_the_chain_rule_names_the_example_it_follows_as_the_batchs(qtbot, circle):
    """"For example 3:" read as "e.g. 3", and as training example 3 of the Example field above: it is column 3 of
    the batch, as the phases of layers on images say."""
    panel = panel_for(qtbot, *circle)
    panel.go_to(6)  # backward, layer 1
    panel.chain_example.setValue(3)
    text = panel.chain_text.toPlainText()
    assert "For example 3 of the batch:" in text and "z[" in text.split("For example 3 of the batch:")[1]


def test_the_gradient_check_agrees_with_the_hand_written_gradients_of_circle(qtbot, circle):
    spec, trace = circle
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(6)
    qtbot.mouseClick(panel.checker.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.check_report is not None and not panel.checker.running, timeout=60000)
    errors = panel.shown_checks()
    assert set(errors) == {"1.W", "1.b"}
    assert all(error < 1e-6 for error in errors.values())
    assert "agree" in panel.checker.text() and "1.W" in panel.checker.text()
    panel.go_to(3)  # the loss: every parameter and the input
    assert set(panel.shown_checks()) == {"1.W", "1.b", "2.W", "2.b", "3.W", "3.b", "input"}


def test_apply_and_discard_emit_their_signals(qtbot, circle):
    panel = panel_for(qtbot, *circle)
    with qtbot.waitSignal(panel.apply_requested):
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.discard_requested):
        qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)


def test_the_picker_asks_for_an_example_or_the_current_mini_batch(qtbot):
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.set_example_count(250)
    assert panel.example_input.maximum() == 249
    panel.example_input.setValue(7)
    with qtbot.waitSignal(panel.batch_requested) as blocker:
        qtbot.mouseClick(panel.example_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [7]
    with qtbot.waitSignal(panel.batch_requested) as blocker:
        qtbot.mouseClick(panel.batch_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [None]
    panel.set_example_count(0)
    assert not panel.example_button.isEnabled()


def test_an_example_number_typed_and_entered_is_stepped_through(qtbot):
    """Enter in the Example field does what the button beside it does, as the window's other fields apply on Enter."""
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.set_example_count(250)
    panel.show()
    field = panel.example_input.lineEdit()
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "42")
    with qtbot.waitSignal(panel.batch_requested, timeout=1000) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == [42]
    panel.set_example_count(0)  # no data: nothing to step through
    with qtbot.assertNotEmitted(panel.batch_requested):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_clear_says_how_to_enter_the_stepper(qtbot, circle):
    panel = panel_for(qtbot, *circle)
    panel.clear()
    assert panel.phases() == [] and panel.current_phase() == -1
    assert panel.stack.currentWidget() is panel.empty_message and panel.empty_message.isVisible()
    with qtbot.assertNotEmitted(panel.phase_changed):
        panel.go_to(3)


def test_layers_inside_residual_blocks_are_phases_announced_by_their_block(qtbot):
    spec, trace = traced("residual")
    panel = panel_for(qtbot, spec, trace)
    titles = panel.phases()
    assert len(titles) == 2 * len(trace.forward) + 2
    inner, block = titles.index("Forward · layer 2.1 (Dense 8 sigmoid)"), titles.index("Forward · layer 2 (Residual)")
    assert inner < block
    with qtbot.waitSignal(panel.phase_changed) as blocker:
        panel.go_to(inner)
    assert blocker.args == ["2", "forward"]
    panel.go_to(block)
    images = shown(panel)
    assert list(images) == ["x", "f(x)", "out"]
    numpy.testing.assert_array_equal(images["f(x)"], trace.forward[inner].output)
    panel.go_to(titles.index("Backward · layer 2 (Residual)"))
    images = shown(panel)  # ∂L/∂x = ∂L/∂out + (∂L/∂x through f): both terms and their sum
    assert list(images) == ["∂L/∂out", "∂L/∂x through f", "∂L/∂x"]
    numpy.testing.assert_array_equal(images["∂L/∂x through f"],
                                     next(r for r in trace.backward if r.path == "2.1").grad_input)
    numpy.testing.assert_allclose(images["∂L/∂out"] + images["∂L/∂x through f"], images["∂L/∂x"], rtol=1e-6)
    panel.go_to(titles.index("Backward · layer 1 (Dense 8 sigmoid)"))
    assert panel.chain.source == "residual" and panel.chain.source_path == "2"


def test_every_phase_of_a_network_with_every_kind_of_layer_draws_its_records(qtbot):
    spec = NetworkSpec((3,), [DenseSpec(6, "relu"), DropoutSpec(0.5), BatchNormSpec(), ActivationSpec("sigmoid"),
                              ResidualSpec([DenseSpec(6, "tanh")]), DenseSpec(3), ActivationSpec("softmax")],
                       loss="mse")
    net = Network(spec, seed=0)
    rng = numpy.random.default_rng(0)
    trace = net.trace_step(rng.standard_normal((8, 3)), rng.random((8, 3)), Optimizer(net, OptimizerSpec("sgd")))
    panel = panel_for(qtbot, spec, trace)
    titles = panel.phases()
    for expected in ("Forward · layer 2 (Dropout 0.5)", "Forward · layer 3 (BatchNorm)",
                     "Forward · layer 4 (sigmoid)", "Forward · layer 5 (Residual)", "Forward · layer 7 (softmax)",
                     "Backward · layer 5.1 (Dense 6 tanh)"):
        assert expected in titles
    for k in range(len(titles)):
        panel.go_to(k)
        assert panel.formula.text() and any(view.isVisible() for view in panel.views), titles[k]
        if titles[k].startswith("Backward"):  # ∂L/∂W's note where there is a W, and only there
            assert ("∂L/∂W = x δᵀ: ∂z/∂W brings x" in panel.formula.text()) == ("Dense" in titles[k]), titles[k]
    panel.go_to(titles.index("Forward · layer 2 (Dropout 0.5)"))
    numpy.testing.assert_array_equal(shown(panel)["m"], trace.forward[1].extras["mask"])
    panel.go_to(titles.index("Backward · layer 3 (BatchNorm)"))
    record = next(r for r in trace.backward if r.path == "3")
    numpy.testing.assert_array_equal(shown(panel)["∂L/∂γ"], record.param_grads["gamma"].reshape(-1, 1))
    panel.go_to(len(titles) - 1)  # the update of γ names it γ, as the phases of its layer do
    panel.update_layer.setCurrentText("3")
    panel.update_parameter.setCurrentText("gamma")
    assert list(shown(panel)) == ["γ before", "∂L/∂γ", "Δγ", "γ after"]
    assert "γ ← γ − α g" in panel.formula.text() and "gamma" not in panel.formula.text()
    panel.go_to(titles.index("Backward · layer 1 (Dense 6 ReLU)"))
    assert panel.chain.source == "dropout"


def test_the_loss_phase_of_a_regression_compares_the_output_itself(qtbot):
    """Mean squared error takes the output as it is: its loss phase said that the loss applies σ or softmax, fused
    with the log, as if it were a cross-entropy."""
    spec, trace = traced("linear-regression")
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(len(trace.forward))
    text = panel.formula.text()
    assert "ŷ = z" in text and LOSS_CLASSES["mse"].formula in text
    assert "softmax" not in text and "σ" not in text and "log" not in text
    assert "n counts the examples of the batch, k the outputs of each" in text


def test_a_dense_backward_phase_tells_where_the_seed_article_goes_wrong(qtbot, digits):
    """The article the app follows writes ∂L/∂W = −(1/N) Σ (ŷ − y) g'(z) Wᵀ: a reader comparing it with x δᵀ was
    told only "(not Wᵀ), and the update subtracts the gradient", nothing of the article or of its minus sign."""
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(len(trace.forward) + 1)  # backward, layer 2
    text = html.unescape(panel.formula.text())
    assert "∂L/∂W = x δᵀ: ∂z/∂W brings x, not the seed article's Wᵀ, and the article's minus is the update's." in text
