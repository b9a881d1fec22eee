"""The stepper walking layers on images in real traces of the engine: a forward phase outlines the patch
and the kernel of a chosen output cell and writes its convolution out; a backward phase draws δ and ∂L/∂x
as maps and ∂L/∂K as kernels and writes out a chosen kernel weight's gradient; pooling names the position
its gradient flows to. Every number is the trace's."""

import re

import numpy
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from playground.data import load_dataset
from playground.engine import (
    AvgPool2DSpec,
    Conv2DSpec,
    DenseSpec,
    FlattenSpec,
    GlobalAvgPoolSpec,
    MaxPool2DSpec,
    Network,
    NetworkSpec,
    Optimizer,
    OptimizerSpec,
)
from playground.project import load_preset
from playground.ui.mosaic import Tiling
from playground.ui.stepper.notation import kernels, number
from playground.ui.stepper.panel import StepperPanel


@pytest.fixture(scope="module")
def digits_cnn():
    """digits-cnn's spec and the trace of one training step on 8 digits."""
    preset = load_preset("digits-cnn")
    data = load_dataset(preset.dataset).shaped(preset.network.input_shape)
    net = Network(preset.network, seed=0)
    return preset.network, net.trace_step(data.x_train[:8], data.y_train[:8], Optimizer(net, preset.optimizer))


def panel_for(qtbot, spec, trace) -> StepperPanel:
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    panel.show_trace(trace, spec)
    QApplication.processEvents()
    return panel


def shown(panel: StepperPanel) -> dict:
    return {view.matrix.name: view for view in panel.views if view.isVisible()}


def value(text: str) -> float:
    return float(text.strip("()").replace("−", "-"))


def click_pixel(qtbot, view, k: int, i: int, j: int) -> None:
    """Click pixel (i, j) of map k of a view of maps."""
    top, left = view.matrix.tiling.origin(k)
    point = view.graphics.mapFromScene(view.box.mapViewToScene(QPointF(left + j + 0.5, top + i + 0.5)))
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=point)


def same_mosaic(drawn: numpy.ndarray, expected: numpy.ndarray) -> None:
    numpy.testing.assert_array_equal(numpy.isnan(drawn), numpy.isnan(expected))
    numpy.testing.assert_array_equal(numpy.nan_to_num(drawn), numpy.nan_to_num(expected))


def test_a_conv_forward_phase_writes_out_the_convolution_of_the_cell_clicked(qtbot, digits_cnn):
    spec, trace = digits_cnn
    panel = panel_for(qtbot, spec, trace)
    assert panel.phases()[0] == "Forward · layer 1 (Conv2D 16 3×3 ReLU)"
    views = shown(panel)
    record = trace.forward[0]
    z = record.extras["z"][:, 0].reshape(16, 8, 8)
    f, i, j = numpy.unravel_index(numpy.argmax(numpy.abs(z)), z.shape)  # the largest output, until one is clicked
    assert list(views) == ["x_pad", f"K[:, :, :, {f}]", "b", "z", "a"]
    x_pad = numpy.pad(record.input[:, 0].reshape(1, 8, 8), ((0, 0), (1, 1), (1, 1)))  # padding "same": 1 around
    numpy.testing.assert_array_equal(views["x_pad"].image.image, x_pad[0])
    same_mosaic(views["z"].image.image, views["z"].matrix.tiling.place(z))
    assert "z[f, i, j] = Σ over c, u, v of K[c, u, v, f] · x_pad[c, s·i + u, s·j + v] + b[f]" in panel.formula.text()
    click_pixel(qtbot, views["z"], 5, 3, 6)  # filter 5, output row 3, column 6
    qtbot.waitUntil(lambda: "z[5, 3, 6] = K[0, 0, 0, 5]·x_pad[0, 3, 6]" in panel.chain_text.toPlainText())
    views = shown(panel)
    assert "K[:, :, :, 5]" in views
    # The patch z[5, 3, 6] reads: x_pad rows 3 to 5, columns 6 to 8, outlined; the cell outlined in z and a.
    assert views["x_pad"].matrix.marks == ((3, 6, 3, 3),)
    top, left = views["z"].matrix.tiling.origin(5)
    assert views["z"].matrix.marks == views["a"].matrix.marks == ((top + 3, left + 6, 1, 1),)
    kernel, bias = trace.state_before["1.K"][0, :, :, 5], trace.state_before["1.b"][5]
    numpy.testing.assert_array_equal(views["K[:, :, :, 5]"].image.image, kernel)
    text = panel.chain_text.toPlainText()
    products = re.search(r"\n= (.*) = (\S+)\s+forward wrote (\S+)", text)
    terms = [tuple(value(factor) for factor in term.split(" × ")) for term in products.group(1).split(" + ")]
    assert len(terms) == 10  # nine products and the bias
    expected = list(zip(kernel.ravel().tolist(), x_pad[0, 3:6, 6:9].ravel().tolist()))
    for (w, x), (shown_w, shown_x) in zip(expected, terms):
        assert shown_w == pytest.approx(w, rel=1e-3, abs=1e-6) and shown_x == pytest.approx(x, rel=1e-3, abs=1e-6)
    assert terms[-1][0] == pytest.approx(float(bias), rel=1e-3, abs=1e-6)
    assert products.group(3) == number(float(z[5, 3, 6]))
    assert value(products.group(2)) == pytest.approx(float(z[5, 3, 6]), rel=1e-3, abs=1e-6)


def test_a_conv_backward_phase_draws_delta_and_the_gradients_and_takes_a_kernel_weight_apart(qtbot, digits_cnn):
    spec, trace = digits_cnn
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(panel.phases().index("Backward · layer 3 (Conv2D 32 3×3 ReLU)"))
    record = next(r for r in trace.backward if r.path == "3")
    views = shown(panel)
    assert list(views) == ["∂L/∂a", "δ", "x_pad", "∂L/∂K", "∂L/∂b", "∂L/∂x"]
    delta = record.extras["delta"][:, 0].reshape(32, 4, 4)
    same_mosaic(views["δ"].image.image, views["δ"].matrix.tiling.place(delta))
    same_mosaic(views["∂L/∂K"].image.image, kernels("", record.param_grads["K"]).values)
    same_mosaic(views["∂L/∂x"].image.image,
                views["∂L/∂x"].matrix.tiling.place(record.grad_input[:, 0].reshape(16, 4, 4)))
    # A click on a kernel weight of ∂L/∂K: tile (channel 2, filter 7), row 1, column 0.
    click_pixel(qtbot, views["∂L/∂K"], 2 * 32 + 7, 1, 0)
    qtbot.waitUntil(lambda: panel.chain_text.toPlainText().startswith("∂L/∂K[2, 1, 0, 7] = Σ over the 8 examples"))
    entry = float(record.param_grads["K"][2, 1, 0, 7])
    text = panel.chain_text.toPlainText()
    found = re.search(r"= (\S+)\s+backward wrote (\S+)", text)
    assert found.group(2) == number(entry) and value(found.group(1)) == pytest.approx(entry, rel=1e-3, abs=1e-7)
    views = shown(panel)
    top, left = views["∂L/∂K"].matrix.tiling.origin(2 * 32 + 7)
    assert views["∂L/∂K"].matrix.marks == ((top + 1, left, 1, 1),)
    # What K[2, 1, 0, 7] multiplies: x_pad[2, i + 1, j] over every output position, outlined on map 2.
    top, left = views["x_pad"].matrix.tiling.origin(2)
    assert views["x_pad"].matrix.marks == ((top + 1, left, 4, 4),)
    # ∂L/∂x of example 0 at its largest pixel of channel 2, from the kernels and δ, as backward wrote it.
    found = re.search(r"∂L/∂x\[2, (\d+), (\d+)\] = .* = (\S+)\s+backward wrote (\S+)", text)
    y, x = int(found.group(1)), int(found.group(2))
    grad_x = record.grad_input[:, 0].reshape(16, 4, 4)[2]
    assert (y, x) == numpy.unravel_index(numpy.argmax(numpy.abs(grad_x)), grad_x.shape)
    assert found.group(4) == number(float(grad_x[y, x]))
    assert value(found.group(3)) == pytest.approx(float(grad_x[y, x]), rel=1e-3, abs=1e-7)
    panel.chain_example.setValue(3)  # another example of the batch: its maps
    views = shown(panel)
    same_mosaic(views["δ"].image.image,
                views["δ"].matrix.tiling.place(record.extras["delta"][:, 3].reshape(32, 4, 4)))
    assert "Example 3 of the batch's 8" in panel.hover.text()


def test_the_input_pixel_whose_gradient_a_conv_backward_phase_writes_out_is_outlined_on_its_map(qtbot, digits_cnn):
    """The written-out ∂L/∂x[c, y, x] was drawn nowhere: a learner could not find that pixel among the maps."""
    spec, trace = digits_cnn
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(panel.phases().index("Backward · layer 3 (Conv2D 32 3×3 ReLU)"))
    for channel, kernel in ((2, 7), (11, 30)):
        click_pixel(qtbot, shown(panel)["∂L/∂K"], channel * 32 + kernel, 1, 0)
        qtbot.waitUntil(lambda channel=channel: f"∂L/∂x[{channel}, " in panel.chain_text.toPlainText())
        found = re.search(rf"∂L/∂x\[{channel}, (\d+), (\d+)\] = ", panel.chain_text.toPlainText())
        gradients = shown(panel)["∂L/∂x"].matrix
        top, left = gradients.tiling.origin(channel)
        assert gradients.marks == ((top + int(found.group(1)), left + int(found.group(2)), 1, 1),)


def test_max_pooling_names_the_position_its_gradient_flows_to(qtbot, digits_cnn):
    spec, trace = digits_cnn
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(panel.phases().index("Backward · layer 2 (MaxPool 2×2)"))
    forward = next(r for r in trace.forward if r.path == "2")
    record = next(r for r in trace.backward if r.path == "2")
    views = shown(panel)
    assert list(views) == ["∂L/∂out", "x", "∂L/∂x"]
    click_pixel(qtbot, views["∂L/∂out"], 4, 2, 1)  # channel 4, output row 2, column 1
    qtbot.waitUntil(lambda: "∂L/∂out[4, 2, 1] = " in panel.chain_text.toPlainText())
    source = int(forward.extras["argmax"][numpy.ravel_multi_index((4, 2, 1), (16, 4, 4)), 0])
    c, y, x = numpy.unravel_index(source, (16, 8, 8))
    assert c == 4 and 4 <= y < 6 and 2 <= x < 4  # in the window of output (2, 1)
    text = panel.chain_text.toPlainText()
    assert f"flows to x[4, {y}, {x}] alone: the max of its window" in text
    grad = float(record.grad_output[numpy.ravel_multi_index((4, 2, 1), (16, 4, 4)), 0])
    assert record.grad_input[source, 0] == grad  # windows do not overlap: ∂L/∂x there is that gradient
    assert f"∂L/∂x[4, {y}, {x}] = {number(grad)}" in text
    top, left = shown(panel)["x"].matrix.tiling.origin(4)
    assert shown(panel)["x"].matrix.marks == ((top + 4, left + 2, 2, 2), (top + y, left + x, 1, 1))
    panel.go_to(panel.phases().index("Forward · layer 2 (MaxPool 2×2)"))
    x_maps = forward.input[:, 0].reshape(16, 8, 8)
    out = forward.output[:, 0].reshape(16, 4, 4)
    c, i, j = numpy.unravel_index(numpy.argmax(numpy.abs(out)), out.shape)
    window = x_maps[c, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2]
    assert out[c, i, j] == window.max()
    assert f"out[{c}, {i}, {j}] = max(" in panel.chain_text.toPlainText()


def test_pooling_whose_windows_leave_the_edge_out_says_so(qtbot, digits_cnn):
    """9×9 pooled 2×2 gives 4×4: the last row and column fall in no window, which neither phase said, so that the
    shapes did not add up and ∂L/∂x's zeros there had no reason."""
    spec = NetworkSpec((1, 9, 9), [Conv2DSpec(2, 3, padding="same"), MaxPool2DSpec(2), FlattenSpec(), DenseSpec(3)],
                       loss="cross_entropy")
    net = Network(spec, seed=0)
    rng = numpy.random.default_rng(0)
    trace = net.trace_step(rng.standard_normal((4, 1, 9, 9)), rng.integers(0, 3, 4), Optimizer(net, OptimizerSpec()))
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(panel.phases().index("Forward · layer 2 (MaxPool 2×2)"))
    assert "x is 9×9, but its windows cover only 8×8 of it: the pixels beyond are left out" in panel.formula.text()
    panel.go_to(panel.phases().index("Backward · layer 2 (MaxPool 2×2)"))
    assert "x is 9×9, but its windows cover only 8×8 of it: the pixels beyond get no gradient: 0" \
        in panel.formula.text()
    grad_x = next(r for r in trace.backward if r.path == "2").grad_input.reshape(2, 9, 9, 4)
    assert not grad_x[:, 8].any() and not grad_x[:, :, 8].any()  # what the line says
    spec, trace = digits_cnn  # 8×8 pooled 2×2: every pixel in a window
    panel = panel_for(qtbot, spec, trace)
    for phase in ("Forward · layer 2 (MaxPool 2×2)", "Backward · layer 4 (MaxPool 2×2)"):
        panel.go_to(panel.phases().index(phase))
        assert "its windows cover only" not in panel.formula.text()


def test_every_phase_of_every_layer_on_images_draws_its_records(qtbot):
    spec = NetworkSpec((2, 9, 9), [Conv2DSpec(3, 3, stride=2, padding=1, activation="tanh"), AvgPool2DSpec(2, 1),
                                   Conv2DSpec(4, 1), MaxPool2DSpec(3, 2), FlattenSpec(), DenseSpec(3)],
                       loss="cross_entropy")
    pooled = NetworkSpec((2, 9, 9), [Conv2DSpec(3, 5, padding="same"), GlobalAvgPoolSpec(), DenseSpec(3)],
                         loss="cross_entropy")
    first = NetworkSpec((2, 9, 9), [MaxPool2DSpec(2), FlattenSpec(), DenseSpec(3)], loss="cross_entropy")
    flat = NetworkSpec((2, 9, 9), [FlattenSpec(), DenseSpec(3)], loss="cross_entropy")  # ∂L/∂x of neither is needed
    rng = numpy.random.default_rng(0)
    for network in (first, flat, spec, pooled):
        net = Network(network, seed=0)
        trace = net.trace_step(rng.standard_normal((4, 2, 9, 9)), rng.integers(0, 3, 4),
                               Optimizer(net, OptimizerSpec("sgd")))
        panel = panel_for(qtbot, network, trace)
        for k, title in enumerate(panel.phases()):
            panel.go_to(k)
            QApplication.processEvents()
            assert panel.formula.text() and any(view.isVisible() for view in panel.views), title
            if panel.image is not None:
                assert panel.chain_text.toPlainText(), title
                for view in shown(panel).values():  # each map drawn as the trace holds it, gaps aside
                    assert numpy.isfinite(view.image.image).any(), title
    panel.go_to(panel.phases().index("Forward · layer 2 (GlobalAvgPool)"))
    record = trace.forward[1]
    c = int(numpy.argmax(numpy.abs(record.output[:, 0])))
    assert panel.chain_text.toPlainText().startswith(f"out[{c}] = (")
    assert panel.chain_text.toPlainText().endswith(f"/ 81 = {number(float(record.output[c, 0]))}")
    mosaic = shown(panel)["x"].image.image
    same_mosaic(mosaic, Tiling.wrapped(3, 9, 9, 3).place(record.input[:, 0].reshape(3, 9, 9)))


def test_the_weight_boxes_of_the_chain_rule_hold_no_dense_indices_in_a_conv_phase(qtbot, digits_cnn):
    """They kept the Dense layer's W[i, j] (99, 3) greyed while the text took a kernel weight ∂L/∂K apart."""
    spec, trace = digits_cnn
    panel = panel_for(qtbot, spec, trace)

    def choose(name: str) -> None:
        item = panel.phase_list.item(panel.phases().index(name))
        panel.phase_list.scrollToItem(item)
        qtbot.mouseClick(panel.phase_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.phase_list.visualItemRect(item).center())
        assert panel.phase_list.currentItem() is item

    dense = next(name for name in panel.phases() if name.startswith("Backward") and "Dense" in name)
    choose(dense)
    assert panel.chain_row.isEnabled() and panel.chain_row.text().isdigit() and panel.chain_column.text().isdigit()
    choose("Backward · layer 3 (Conv2D 32 3×3 ReLU)")
    assert "∂L/∂K" in panel.chain_text.toPlainText()
    assert (panel.chain_row.text(), panel.chain_column.text()) == ("–", "–") and not panel.chain_row.isEnabled()
    choose(dense)  # the weight of the Dense layer comes back
    assert panel.chain_row.text().isdigit() and panel.chain_column.text().isdigit()
