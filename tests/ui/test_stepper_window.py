"""The stepper inside the window: entered from a mini-batch or a clicked point, walked with the
network view lighting the layer in focus, applied so that training resumes from the stepped
weights; and, for every preset, the gradients it shows are the engine's."""

import re

import numpy
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
)

from playground.data import load_dataset
from playground.data.images import IMAGE_SETS
from playground.engine import Network, Optimizer, OptimizerSpec
from playground.project import list_presets, load_preset, load_project, save_project
from playground.project.bpp import StepperPlace
from playground.ui import MainWindow
from playground.ui.network_view import HIGHLIGHT
from playground.ui.stepper.notation import kernels
from playground.ui.stepper.panel import StepperPanel
from tests.ui.test_builder import open_window
from tests.ui.test_metrics_view import open_tab
from tests.ui.test_stepper import view_named
from tests.ui.test_stepper_images import click_pixel
from tests.ui.test_stepper_zoom import at_cell, wheel
from tests.ui.test_stepper_zoom import click as click_cell
from tests.ui.widgets import click, find


def enter_stepper(qtbot, preset: str) -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    return window


@pytest.mark.parametrize("preset, layers", [("circle", 3), ("digits-mlp", 2)])
def test_walking_a_step_lights_each_layer_in_the_network_view(qtbot, preset, layers):
    window = enter_stepper(qtbot, preset)
    phases = window.findChild(QListWidget, "stepperPhaseList")
    assert phases.count() == 2 * layers + 2 and window.plot_tabs.currentWidget() is window.stepper
    outline, diagram = window.network_view.outline, window.network_view.diagram
    expected = [(str(k), "forward") for k in range(1, layers + 1)] + [(None, None)] + \
               [(str(k), "backward") for k in range(layers, 0, -1)] + [(None, None)]
    for index, (path, direction) in enumerate(expected):
        assert window.stepper.current_phase() == index
        if path is None:
            assert not outline.isVisible() and not window.network_view.phase_arrow.isVisible()
        else:
            assert outline.isVisible() and outline.pen().color() == HIGHLIGHT[direction]
            assert outline.rect().contains(diagram.layer_rect(path))
            arrow_x, layer = window.network_view.phase_arrow.pos().x(), diagram.layer_rect(path)
            assert arrow_x < layer.left() if direction == "forward" else arrow_x > layer.right()
        click(qtbot, window, "stepperNextButton")
    click(qtbot, window, "stepperPrevButton")
    assert window.stepper.current_phase() == len(expected) - 2
    window.close()


def test_applying_the_step_resumes_training_from_the_stepped_weights(qtbot):
    window = enter_stepper(qtbot, "circle")
    trace = window.stepper.trace
    network = window.training.worker.session.network
    assert network.get("1.W").tolist() == trace.state_before["1.W"].tolist()  # held, not yet applied
    assert "Stepping through step 1" in window.statusBar().currentMessage()
    click(qtbot, window, "stepperApplyButton")
    qtbot.waitUntil(lambda: window.latest.step == 1, timeout=10_000)
    assert "The step was applied" in window.statusBar().currentMessage()  # no longer "Stepping through"
    for update in trace.updates:
        assert numpy.array_equal(network.get(update.name), update.after), update.name
    assert window.stepper.current_phase() == -1 and not window.network_view.outline.isVisible()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == 2, timeout=10_000)
    window.close()


def test_the_inspector_shows_the_update_of_the_step_applied(qtbot):
    """After Apply update, the Inspector's ‖ΔW‖ / ‖W‖ is that of the step applied, as its update phase showed it,
    not the ratio of the step trained before it."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "stepButton")  # a step of its own: its ratios are recorded
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    shown = {update.name: float(numpy.linalg.norm(update.change) / numpy.linalg.norm(update.before))
             for update in window.stepper.trace.updates if update.name.endswith(".W")}
    click(qtbot, window, "stepperApplyButton")
    qtbot.waitUntil(lambda: window.latest.step == 2, timeout=10_000)
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: table.rowCount() == 3 and table.item(0, 5) is not None, timeout=10_000)
    ratios = {f"{row + 1}.W": table.item(row, 5).text() for row in range(3)}
    for name, ratio in shown.items():
        assert float(ratios[name]) == pytest.approx(ratio, rel=0.06), name
    window.close()


def test_next_pressed_to_the_last_phase_hands_its_focus_to_apply(qtbot):
    """Next greys out at the last phase; the keyboard focus it had goes on to Apply update, not nowhere."""
    window = enter_stepper(qtbot, "circle")
    window.activateWindow()  # keyboard focus is the active window's
    qtbot.waitUntil(window.isActiveWindow)
    next_button = find(window, QPushButton, "stepperNextButton")
    for _ in range(20):  # circle has 8 phases
        if not next_button.isEnabled():
            break
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # a click focuses the button, as Tab does
    assert window.stepper.current_phase() == 7
    assert QApplication.focusWidget() is find(window, QPushButton, "stepperApplyButton")
    window.close()


def test_discarding_leaves_the_inspectors_gradients_as_they_were(qtbot):
    """The gradient a discarded step computed goes with it: the Inspector shows the last step's ‖∂L/∂W‖ again."""
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    open_tab(qtbot, window, "Inspector")
    table = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: table.rowCount() == 3 and table.item(0, 4) is not None, timeout=10_000)
    before = [table.item(row, 4).text() for row in range(3)]
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    traced = {update.name: f"{numpy.linalg.norm(update.terms['grad']):.2e}" for update in window.stepper.trace.updates}
    assert [traced[f"{row + 1}.W"] for row in range(3)] != before  # another batch: other gradients
    held = window.latest
    click(qtbot, window, "stepperDiscardButton")
    qtbot.waitUntil(lambda: window.latest is not held, timeout=10_000)
    open_tab(qtbot, window, "Inspector")
    assert [table.item(row, 4).text() for row in range(3)] == before and window.latest.step == 1
    window.close()


def test_discarding_keeps_the_weights_and_a_clicked_point_is_stepped_alone(qtbot):
    window = enter_stepper(qtbot, "circle")
    before = window.training.worker.session.network.theta.copy()
    click(qtbot, window, "stepperDiscardButton")
    assert "The step was discarded" in window.statusBar().currentMessage()
    window.boundary_view.example_clicked.emit(5)  # what clicking training point 5 sends
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0 and window.stepper.trace.forward[0].input.shape[1] == 1,
                    timeout=10_000)
    point = window.dataset.x_train[5]
    assert numpy.allclose(window.stepper.trace.forward[0].input[:, 0], point)
    assert numpy.array_equal(window.training.worker.session.network.theta, before) and window.latest.step == 0
    window.close()


def test_a_step_that_training_or_a_setting_moved_past_leaves_the_stepper_saying_why(qtbot):
    """The session drops a held step when anything but the stepper moves on: the stepper must not go on showing
    it, with an Apply update that would apply nothing."""
    window = enter_stepper(qtbot, "circle")
    field = find(window, QComboBox, "learningRateInput")
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "0.5")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stepper.current_phase() == -1, timeout=10_000)
    assert "dropped" in window.statusBar().currentMessage() and window.latest.step == 0
    click(qtbot, window, "stepperBatchButton")  # traced again, now at the new rate
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    assert window.stepper.trace.learning_rate == 0.5
    click(qtbot, window, "stepButton")  # the toolbar's Step trains a step of its own
    qtbot.waitUntil(lambda: window.latest.step == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.stepper.current_phase() == -1, timeout=10_000)
    window.close()


# The presets on image sets that need a download are left out.
OFFLINE_PRESETS = [name for name in list_presets() if load_preset(name).dataset["name"] not in IMAGE_SETS]


@pytest.mark.parametrize("name", OFFLINE_PRESETS)
def test_every_backward_phase_shows_the_gradient_the_engine_returns(qtbot, name):
    preset = load_preset(name)
    data = load_dataset(preset.dataset)
    x, y = data.x_train[:preset.batch_size], data.y_train[:preset.batch_size]
    network = Network(preset.network, seed=3)
    trace = network.trace_step(x, y, Optimizer(network, preset.optimizer))
    reference = Network(preset.network, seed=99)
    reference.load_state_dict(trace.state_before)
    _, gradients = reference.loss_and_gradients(x, y)
    panel = StepperPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    panel.show_trace(trace, preset.network)
    checked = 0
    for index, title in enumerate(panel.phases()):
        panel.go_to(index)
        QApplication.processEvents()
        shown = {view.matrix.name: view.image.image for view in panel.views if view.isVisible()}
        if not title.startswith("Backward"):
            continue
        path = re.search(r"layer (\S+)", title).group(1)
        if "∂L/∂W" in shown:
            numpy.testing.assert_allclose(shown["∂L/∂W"], gradients[f"{path}.W"], rtol=1e-5, atol=1e-7)
            checked += 1
        elif "∂L/∂K" in shown:  # drawn as kernels: a tile per K[c, :, :, f]
            expected = kernels("∂L/∂K", gradients[f"{path}.K"]).values
            numpy.testing.assert_allclose(shown["∂L/∂K"], expected, rtol=1e-5, atol=1e-7, equal_nan=True)
            checked += 1
    assert checked == sum(1 for info in preset.network.validate() if info.type in ("dense", "conv2d"))
    applied = {update.name: update.after for update in trace.updates}
    trained = Network(preset.network, seed=99)
    trained.load_state_dict(trace.state_before)
    trained.train_step(x, y, Optimizer(trained, preset.optimizer))
    for parameter, value in applied.items():
        assert numpy.array_equal(trained.get(parameter), value), parameter


@pytest.mark.parametrize("preset", ["circle", "digits-mlp"])
def test_the_window_fits_a_1280_by_720_screen_even_while_stepping(qtbot, preset):
    window = enter_stepper(qtbot, preset)
    window.stepper.go_to(len(window.stepper.phases()) - 2)  # a backward phase: the longest formula
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 720
    # The update of a weight under Adam with both penalties and clipping: the most heatmaps.
    network = Network(window.network_panel.spec, seed=1)
    spec = OptimizerSpec("adam", l1=0.01, l2=0.5, clip_norm=1e-3)
    trace = network.trace_step(window.dataset.x_train[:10], window.dataset.y_train[:10], Optimizer(network, spec))
    window.stepper.show_trace(trace, window.network_panel.spec)
    window.stepper.go_to(len(window.stepper.phases()) - 1)
    assert sum(view.isVisibleTo(window) for view in window.stepper.views) == len(window.stepper.views) == 9
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 720
    # The control bar wraps its groups onto a second line when the window is narrow (one line at 1900 pixels).
    window.resize(1900, 800)
    qtbot.waitUntil(lambda: window.width() == 1900)
    one_line = window.controls.height()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    qtbot.waitUntil(lambda: window.controls.height() > one_line)


def go_to_phase(qtbot, window, index: int) -> None:
    """A click on phase `index` in the stepper's list of phases."""
    phases = find(window, QListWidget, "stepperPhaseList")
    where = phases.visualItemRect(phases.item(index)).center()
    qtbot.mouseClick(phases.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: window.stepper.current_phase() == index)


def chain_weight(window) -> tuple[int, int]:
    """The weight W[i, j] the backward phase takes apart, as its fields say."""
    return find(window, QSpinBox, "stepperChainRow").value(), find(window, QSpinBox, "stepperChainColumn").value()


def save_and_open(qtbot, window, path, monkeypatch) -> MainWindow:
    """Save as (Ctrl+Shift+S) `path`, then open it (Ctrl+O) in a window of its own."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: path.is_file() and not window.isWindowModified(), timeout=10_000)
    window.close()
    reopened = open_window(qtbot)  # active: its keys go to it
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(reopened, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reopened.projects.project_path == path and reopened.latest is not None, timeout=10_000)
    return reopened


def test_a_project_saved_mid_step_opens_in_that_step_at_its_phase_with_its_weights_picked(qtbot, tmp_path, monkeypatch):
    """Saved in the backward phase with a weight taken apart and another followed through the update, the project
    opened at the step's start, or with no step at all; the step held is traced again from the state saved (the
    state before it) and shown where the stepper was. A project saved with no step held opens with none."""
    window = open_window(qtbot, "digits-mlp")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    stepper, held = window.stepper, window.stepper.trace
    go_to_phase(qtbot, window, 5)  # the update, following layer 2's W
    find(window, QComboBox, "stepperUpdateLayer").setCurrentText("2")
    changes = view_named(stepper, "ΔW")
    QApplication.processEvents()
    followed = changes.cell_at(changes.graphics.mapToScene(at_cell(changes, 3, 4)))  # the cell a click there picks
    gradient = next(record for record in held.backward if record.path == "2").param_grads["W"]
    assert followed != numpy.unravel_index(numpy.argmax(numpy.abs(gradient)), gradient.shape)  # not the default
    click_cell(qtbot, changes, 3, 4)
    qtbot.waitUntil(lambda: stepper.hover.text().startswith(f"W[{followed[0]}, {followed[1]}]: "))
    go_to_phase(qtbot, window, 4)  # backward through layer 1: a weight of its 64×200 W taken apart
    click_cell(qtbot, view_named(stepper, "∂L/∂W"), 30, 120)
    taken_apart = chain_weight(window)
    gradient = next(record for record in held.backward if record.path == "1").param_grads["W"]
    assert taken_apart != numpy.unravel_index(numpy.argmax(numpy.abs(gradient)), gradient.shape)  # not the default
    reopened = save_and_open(qtbot, window, tmp_path / "mid-step.bpp", monkeypatch)
    stepper = reopened.stepper
    qtbot.waitUntil(lambda: stepper.current_phase() == 4, timeout=10_000)
    assert reopened.plot_tabs.currentWidget() is stepper and reopened.latest.step == 1
    assert chain_weight(reopened) == taken_apart
    assert stepper.chain is not None and (stepper.chain.i, stepper.chain.j) == taken_apart
    assert stepper.trace.loss == held.loss  # the same step, traced again
    click(qtbot, reopened, "stepperNextButton")  # to the update, which follows layer 2's W[3, 4] again
    assert find(reopened, QComboBox, "stepperUpdateLayer").currentText() == "2"
    assert stepper.hover.text().startswith(f"W[{followed[0]}, {followed[1]}]: ")
    click(qtbot, reopened, "stepperApplyButton")
    qtbot.waitUntil(lambda: reopened.latest.step == 2, timeout=10_000)
    network = reopened.training.worker.session.network
    for update in held.updates:  # what the step held in the first window would have made
        assert numpy.array_equal(network.get(update.name), update.after), update.name
    again = save_and_open(qtbot, reopened, tmp_path / "after.bpp", monkeypatch)  # no step held now
    assert again.latest.step == 2 and again.stepper.current_phase() == -1
    assert load_project(tmp_path / "after.bpp").stepper is None
    again.close()


def test_a_project_saved_mid_step_opens_with_the_cells_picked_on_maps(qtbot, tmp_path, monkeypatch):
    """A conv layer's output cell picked in its forward phase, and a kernel weight in another's backward phase: the
    project opened again writes out the same convolution and the same kernel weight's gradient, not those of the
    cells the step moves most."""
    window = open_window(qtbot, "digits-cnn")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    stepper = window.stepper
    assert not stepper.chain_text.toPlainText().startswith("For example 0 of the batch: cell z[5, 3, 6] ")
    click_pixel(qtbot, view_named(stepper, "z"), 5, 3, 6)  # filter 5, output row 3, column 6
    qtbot.waitUntil(lambda: "cell z[5, 3, 6] " in stepper.chain_text.toPlainText())
    convolution = stepper.chain_text.toPlainText()
    backward = stepper.phases().index("Backward · layer 3 (Conv2D 32 3×3 ReLU)")
    go_to_phase(qtbot, window, backward)
    assert not stepper.chain_text.toPlainText().startswith("∂L/∂K[2, 1, 0, 7] ")
    click_pixel(qtbot, view_named(stepper, "∂L/∂K"), 2 * 32 + 7, 1, 0)  # channel 2, filter 7, row 1, column 0
    qtbot.waitUntil(lambda: stepper.chain_text.toPlainText().startswith("∂L/∂K[2, 1, 0, 7] "))
    gradient = stepper.chain_text.toPlainText()
    reopened = save_and_open(qtbot, window, tmp_path / "mid-step.bpp", monkeypatch)
    stepper = reopened.stepper
    qtbot.waitUntil(lambda: stepper.current_phase() == backward, timeout=10_000)
    assert stepper.chain_text.toPlainText() == gradient
    go_to_phase(qtbot, reopened, 0)
    assert stepper.chain_text.toPlainText() == convolution
    reopened.close()


def test_a_project_saved_mid_step_opens_with_the_heatmaps_zoomed_as_they_were(qtbot, tmp_path, monkeypatch):
    """digits-mlp's 200×64 ∂L/∂W zoomed in until its cells carry their numbers: opened again, the stepper showed it
    whole, and a learner had to find the rows and columns again."""
    window = enter_stepper(qtbot, "digits-mlp")
    stepper = window.stepper
    backward = stepper.phases().index("Backward · layer 1 (Dense 200 ReLU)")
    go_to_phase(qtbot, window, backward)
    wheel(view_named(stepper, "∂L/∂W"), 42, 30, 12)
    region = view_named(stepper, "∂L/∂W").box.viewRect()
    whole = view_named(stepper, "∂L/∂a").box.viewRect()
    assert region.width() < 32 and region.height() < 100
    reopened = save_and_open(qtbot, window, tmp_path / "zoomed.bpp", monkeypatch)
    stepper = reopened.stepper
    qtbot.waitUntil(lambda: stepper.current_phase() == backward, timeout=10_000)
    QApplication.processEvents()
    shown = view_named(stepper, "∂L/∂W").box.viewRect()
    assert shown.center().x() == pytest.approx(region.center().x(), abs=0.5)
    assert shown.center().y() == pytest.approx(region.center().y(), abs=0.5)
    assert shown.width() == pytest.approx(region.width(), rel=0.05)
    assert view_named(stepper, "∂L/∂a").box.viewRect().width() == pytest.approx(whole.width(), rel=0.05)
    reopened.close()


def test_a_saved_step_on_an_example_the_data_lack_opens_the_project_without_it(qtbot, tmp_path):
    """A file whose held step names a training example the data have not (another's data, a file edited by hand)
    opens whole, at its step, without the step and saying so: tracing it would stop the session."""
    window = open_window(qtbot, "circle")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    path = tmp_path / "elsewhere.bpp"
    window.projects.project_path = path
    window.projects.save()
    qtbot.waitUntil(path.is_file, timeout=10_000)
    project = load_project(path)
    project.stepper = StepperPlace(100_000, 2)
    save_project(project, path)
    assert window.projects.open_project(path)
    notice = find(window, QMessageBox, "stepNotShown")
    assert notice.isVisible() and "training example 100000" in notice.text() and "250" in notice.text()
    click(qtbot, window, "stepButton")  # the session trains on
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 2, timeout=10_000)
    assert window.stepper.current_phase() == -1
    window.close()


def test_a_project_saved_in_the_stepper_opens_saying_it_was_opened_and_the_step_it_steps_through(qtbot, tmp_path,
                                                                                               monkeypatch):
    """The status bar said "Stepping through step 2: …" once the step held was traced again, over "Opened …": the
    file opened said nothing of itself."""
    window = open_window(qtbot, "circle")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    reopened = save_and_open(qtbot, window, tmp_path / "stepping.bpp", monkeypatch)
    qtbot.waitUntil(lambda: reopened.stepper.current_phase() == 0, timeout=10_000)
    assert reopened.statusBar().currentMessage() == "Opened stepping.bpp at step 1, stepping through step 2"
    click(qtbot, reopened, "stepperBatchButton")  # a step asked for now says what to do with it, as before
    qtbot.waitUntil(lambda: reopened.statusBar().currentMessage().startswith("Stepping through step 2: Apply update"),
                    timeout=10_000)
    reopened.close()
