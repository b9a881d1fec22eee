"""The Inspector tab: each layer's numbers at the newest snapshot, read off the table."""

import dataclasses

import numpy
import pytest
from PySide6.QtWidgets import QComboBox, QTableWidget

from playground.data import load_dataset
from playground.engine import Network
from playground.project import load_preset
from playground.ui import MainWindow
from playground.ui.inspector import ratio_verdict
from playground.ui.network_blocks import NO_WEIGHTS
from tests.ui.test_main_window import type_and_enter
from tests.ui.test_metrics_view import open_tab, train_epochs
from tests.ui.widgets import click, find


def test_the_table_shows_each_layers_numbers_from_the_newest_snapshot(qtbot):
    window = train_epochs(qtbot, "digits-mlp", 2)
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    # One step more, paused: its snapshot carries the update ratios of a step that surely ran (a run that
    # paused at an epoch's end may have had no snapshot due in between, which is where they are recorded).
    stepped = window.latest.step + 1
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == stepped, timeout=10_000)
    layers = window.latest.layers
    assert table.rowCount() == len(layers) == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["1 · Dense ReLU", "2 · Dense linear"]
    for row, stats in enumerate(layers):
        assert float(table.item(row, 1).text()) == pytest.approx(stats.mean, rel=1e-2)
        assert float(table.item(row, 4).text()) == pytest.approx(stats.grad_norms["W"], rel=1e-2)
        assert float(table.item(row, 5).text()) == pytest.approx(stats.update_ratios["W"], rel=0.05)
    assert table.item(0, 3).text().endswith("%")  # a share of ReLU units that never fire, which its tooltip says
    assert table.item(0, 3).toolTip().endswith("dead")
    assert table.item(1, 3).text() == "–"  # a linear output has neither dead nor saturated units
    # One batch's norm, which the smoothed curve of the Gradients tab need not equal: the header says so.
    assert "last step" in table.horizontalHeaderItem(4).toolTip()
    assert "mean over the last 5% of the steps, 20 at least" in table.horizontalHeaderItem(4).toolTip()


def test_the_update_ratio_is_judged_against_the_rule_of_thumb(qtbot):
    window = train_epochs(qtbot, "circle", 2)
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    snapshot = window.latest
    for ratio, verdict in ((1e-3, "healthy"), (0.5, "too large"), (1e-7, "too small")):
        layers = [dataclasses.replace(stats, update_ratios={**stats.update_ratios, "W": ratio})
                  for stats in snapshot.layers]
        window.inspector.update_from(dataclasses.replace(snapshot, layers=layers))
        assert ratio_verdict(ratio) == verdict
        cell = table.item(0, 5)
        assert verdict.split()[0] in cell.toolTip()
        color = cell.background().color()
        assert (color.blue() > color.red()) == (verdict == "healthy")


def test_while_training_the_numbers_change_slowly_enough_to_read(qtbot):
    window = train_epochs(qtbot, "circle", 1)
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    snapshot = window.latest

    def with_ratio(ratio, state):
        layers = [dataclasses.replace(stats, update_ratios={"W": ratio}) for stats in snapshot.layers]
        return dataclasses.replace(snapshot, layers=layers, state=state)

    qtbot.wait(300)  # opening the tab drew the newest snapshot just now
    window.inspector.update_from(with_ratio(1e-3, "running"))
    window.inspector.update_from(with_ratio(2e-3, "running"))  # within a quarter second: not drawn
    assert table.item(0, 5).text() == "1.0e-3"
    qtbot.wait(300)
    window.inspector.update_from(with_ratio(3e-3, "running"))
    assert table.item(0, 5).text() == "3.0e-3"
    window.inspector.update_from(with_ratio(4e-3, "paused"))  # a pause shows at once
    assert table.item(0, 5).text() == "4.0e-3"


def test_before_the_first_step_no_view_shows_a_gradient_that_no_backward_computed(qtbot):
    """After Reset (as at the start) the gradient buffer holds zeros: the Inspector, the block colours and the
    gradient badge must not read them as a vanished gradient."""
    window = train_epochs(qtbot, "spiral", 1)
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    assert float(table.item(0, 4).text()) > 0  # trained: a gradient
    trained = window.latest.run
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.run != trained, timeout=10_000)
    assert window.latest.step == 0
    assert [table.item(row, 4).text() for row in range(table.rowCount())] == ["–"] * 3
    assert all(not table.item(row, 4).toolTip() for row in range(3))
    blocks = window.network_view.diagram.blocks
    assert all(block.brush().color() == NO_WEIGHTS for block in blocks.values())
    assert not window.gradient_plot.warning.isVisible()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=10_000)
    assert all(float(table.item(row, 4).text()) > 0 for row in range(3))
    assert all(block.brush().color() != NO_WEIGHTS for block in blocks.values())
    window.close()


def test_on_a_laptop_screen_a_deep_networks_update_ratio_is_in_view(qtbot):
    """At 1280×720 deep-sigmoid's eleven rows need a scroll bar, and the columns at their widest ran past the
    tab: the ratio at the right end, the one the hint below explains, was cut off. The names give way instead."""
    window = MainWindow("deep-sigmoid")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    open_tab(qtbot, window, "Inspector")
    click(qtbot, window, "stepButton")
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: table.rowCount() == 11 and table.item(0, 5).text() != "–", timeout=10_000)
    ratio_ends = table.columnViewportPosition(5) + table.columnWidth(5)
    assert ratio_ends <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert table.item(0, 0).toolTip() == "1 · Dense sigmoid"  # whole, where the column cuts it short
    window.close()


def test_with_clipping_the_column_reads_the_gradient_backprop_computed(qtbot):
    """In exploding, clipping by norm 1.0 cuts gradients in the thousands: the column shows them as backprop
    computed them (a fresh backward on the same batch and weights), not as the optimizer clipped them, and its
    header says what the norm leaves out."""
    window = MainWindow("exploding")
    qtbot.addWidget(window)
    window.show()
    open_tab(qtbot, window, "Inspector")
    click(qtbot, window, "stepButton")
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: table.rowCount() > 0 and table.item(0, 4).text() != "–", timeout=10_000)
    preset = load_preset("exploding")
    dataset = load_dataset(preset.dataset)
    first_batch = numpy.random.default_rng(0).permutation(len(dataset.x_train))[: preset.batch_size]
    net = Network(preset.network, seed=0)
    net.forward_backward(net.make_batch(dataset.x_train[first_batch], dataset.y_train[first_batch]), True)
    backprop = net.parameter_norms(net.grad)
    assert backprop["1.W"] > 100 * preset.optimizer.clip_norm
    for row in range(table.rowCount()):
        assert float(table.item(row, 4).text()) == pytest.approx(backprop[f"{row + 1}.W"], rel=1e-2), row
    for tip in (table.horizontalHeaderItem(4).toolTip(), window.gradient_plot.getAxis("left").toolTip()):
        assert "before clipping" in tip and "without the L1/L2 penalty" in tip
    window.close()


def test_beside_a_lesson_on_a_laptop_screen_every_column_and_number_is_in_view(qtbot):
    """The ReLU lesson's step 3 sends the learner to the update ratio; with the lesson beside the window at
    1280×720 the long headers pushed it behind a scroll bar. Every column shows, and every number whole: only the
    layers' names give way, to their numbers and "…"."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Lessons")
    next(action for action in menu.actions() if action.text().startswith("ReLU and He")).trigger()
    assert window.lessons.dock.isVisible()
    open_tab(qtbot, window, "Inspector")
    click(qtbot, window, "stepButton")
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: table.rowCount() == 11 and table.item(0, 5).text() != "–", timeout=10_000)
    last = table.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        number = table.item(row, 0).text().split(" ")[0]
        assert metrics.horizontalAdvance(f"{number} …") < table.columnWidth(0), number
        for column in range(1, table.columnCount()):
            text = table.item(row, column).text()
            assert metrics.horizontalAdvance(text) < table.columnWidth(column), (row, column, text)
    window.close()


def test_a_conv_network_s_headers_name_the_kernels_k_too(qtbot):
    """The headers said ‖∂L/∂W‖ over the rows of conv layers, whose weights are K."""
    window = MainWindow("digits-cnn")
    qtbot.addWidget(window)
    window.show()
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: table.rowCount() > 0 and table.item(0, 4).text() != "–", timeout=10_000)
    assert table.item(0, 0).text().startswith("1 · Conv2D")
    assert "∂L/∂K" in table.horizontalHeaderItem(4).text() and "ΔK" in table.horizontalHeaderItem(5).text()
    window.close()


def inspector_at_learning_rate(qtbot, preset: str, rate: str) -> tuple[MainWindow, QComboBox, QTableWidget]:
    """A window on `preset` with `rate` typed as its learning rate, the Inspector open: the window, the learning rate
    field and the Inspector's table."""
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    field = find(window, QComboBox, "learningRateInput")
    type_and_enter(qtbot, field, rate)
    open_tab(qtbot, window, "Inspector")
    return window, field, find(window, QTableWidget, "layerHealth")


def test_after_a_divergence_no_view_shows_the_gradient_or_update_of_other_weights(qtbot):
    """A learning rate of 1e9 blows the plane's loss up by the third step, and training goes back to weights kept
    before it. Their gradient and update were not kept: the Inspector showed those of the
    steps undone (a norm of 2e19 beside the weights of step 1, an update ratio of nan), not of the weights shown."""
    window, rate, table = inspector_at_learning_rate(qtbot, "plane", "1e9")
    for stepped in range(1, 10):
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda stepped=stepped: window.latest is not None and window._drawn is window.latest
                        and (window.latest.step == stepped or window.latest.state == "diverged"), timeout=10_000)
        if window.latest.state == "diverged":
            break
    assert window.latest.state == "diverged"
    assert "The weights are back to those of step" in window.statusBar().currentMessage()
    assert [table.item(row, 4).text() for row in range(table.rowCount())] == ["–"] * 2
    assert [table.item(row, 5).text() for row in range(table.rowCount())] == ["–"] * 2
    # The advice followed: a learning rate that trains, and a step shows its own gradient.
    type_and_enter(qtbot, rate, "0.03")
    stepped = window.latest.step + 1
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is window.latest and window.latest.step == stepped, timeout=10_000)
    assert all(table.item(row, 4).text() != "–" for row in range(2))  # its own (step 1 left layer 1 saturated)
    window.close()


def test_a_step_that_swamps_the_weights_shows_a_ratio_too_large_to_measure_not_nan(qtbot):
    """At a learning rate of 1e20 circle's first step is some 1e19 against weights of about 1: in float32 the
    weights after it are minus the step, the weights before are lost in its rounding, and ‖ΔW‖ / ‖W before‖ read
    0 / 0, which the table wrote as "nan"."""
    window, _, table = inspector_at_learning_rate(qtbot, "circle", "1e20")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=10_000)
    assert window.latest.state == "paused"
    texts = [table.item(row, column).text() for row in range(table.rowCount()) for column in range(6)]
    assert not any(word in text.lower() for text in texts for word in ("nan", "inf"))
    cell = table.item(0, 5)
    assert cell.text() == "≫1"
    assert "lower the learning rate" in cell.toolTip()
    color = cell.background().color()
    assert color.red() > color.blue()  # orange: too large
    window.close()
