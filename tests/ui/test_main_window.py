"""The window driven as a person would: pick a preset, train, pause, step, change settings,
check gradients, close while training."""

import numpy
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QPushButton, QSpinBox, QTableWidget

from playground.project import load_preset
from playground.ui import MainWindow
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.ui.widgets import click, find


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text().strip()


def points(curve) -> int:
    x, _ = curve.getData()
    return 0 if x is None else len(x)


def open_window(qtbot, preset="circle") -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.show()
    return window


def test_opens_on_the_circle_preset_with_its_layers(qtbot):
    window = open_window(qtbot)
    table = find(window, QTableWidget, "layerList")
    assert "Circle" in window.windowTitle()
    assert [cell(table, r, 3) for r in range(table.rowCount())] == ["12", "10", "3"]
    assert cell(table, 0, 1) == "Dense 4 tanh" and cell(table, 2, 2) == "(None, 1)"
    assert "25 parameters" in find(window, QLabel, "parameterTotal").text()
    assert "Generated from the seed" in find(window, QLabel, "datasetSource").text()


def test_choosing_a_preset_shows_its_network_and_settings(qtbot):
    window = open_window(qtbot)
    selector = find(window, QComboBox, "presetSelector")
    selector.setFocus()
    # Each key loads the preset it reaches; on a busy machine that can outlast Qt's 0.4 s between keys of
    # one search, which a person typing would not notice.
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(60_000)
    try:
        qtbot.keyClicks(selector, "digits-mlp")
    finally:
        QApplication.setKeyboardInputInterval(interval)
    assert selector.currentText() == "digits-mlp"
    table = find(window, QTableWidget, "layerList")
    assert [cell(table, r, 3) for r in range(table.rowCount())] == ["13,000", "2,010"]
    assert find(window, QSpinBox, "batchSizeInput").value() == 64
    assert find(window, QComboBox, "learningRateInput").currentText() == "0.01"
    assert "UCI" in find(window, QLabel, "datasetSource").text()


def test_train_pause_step_and_close_leave_no_thread(qtbot):
    window = open_window(qtbot)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 100, timeout=10_000)
    qtbot.waitUntil(lambda: points(window.loss_plot.train_curve) > 1, timeout=10_000)
    assert window.boundary_view.image.values is not None and window.boundary_view.image.values.shape == (50, 50)
    # The plots on hidden tabs are brought up to date when a person opens their tab.
    assert not any(points(curve) for curve in window.gradient_plot.curves.values())
    for plot in (window.gradient_plot, window.accuracy_plot, window.activation_plot):
        tabs = window.plot_tabs
        qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                         pos=tabs.tabBar().tabRect(tabs.indexOf(plot)).center())
        assert tabs.currentWidget() is plot
    assert any(points(curve) for curve in window.gradient_plot.curves.values())
    assert points(window.accuracy_plot.test_curve) > 1
    assert all(points(curve) for curve in window.activation_plot.curves.values())
    assert find(window, QLabel, "epochLabel").text().startswith("Epoch")
    click(qtbot, window, "playButton")  # pause
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)
    paused_at = window.latest.step
    qtbot.wait(300)
    assert window.latest.step == paused_at and window.training.worker.session.step == paused_at
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == paused_at + 1, timeout=10_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "running", timeout=10_000)
    window.close()
    assert window.training.worker is None
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_settings_apply_while_training(qtbot):
    window = open_window(qtbot)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "running", timeout=10_000)
    find(window, QComboBox, "learningRateInput").setCurrentText("0.1")
    qtbot.waitUntil(lambda: window.latest.learning_rate == 0.1, timeout=10_000)
    find(window, QSpinBox, "batchSizeInput").setValue(25)
    qtbot.waitUntil(lambda: window.latest.batch_size == 25, timeout=10_000)
    find(window, QComboBox, "optimizerSelector").setCurrentText("Adam")
    qtbot.waitUntil(lambda: window.training.worker.session.optimizer.spec.kind == "adam", timeout=10_000)
    seen = []  # every snapshot: training resumes so fast after a reset that the newest moves on at once
    window.training.worker.snapshot.connect(seen.append)
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: any(s.step == 0 for s in seen), timeout=10_000)
    window.close()


def test_reset_starts_over_from_the_seed(qtbot):
    window = open_window(qtbot)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    first = window.training.worker.session.network.theta.copy()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == 2, timeout=10_000)
    click(qtbot, window, "resetButton")
    qtbot.waitUntil(lambda: window.latest.step == 0, timeout=10_000)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == 1, timeout=10_000)
    assert numpy.array_equal(window.training.worker.session.network.theta, first)
    window.close()


def test_check_gradients_tab_reports_the_errors(qtbot):
    window = open_window(qtbot, "residual")
    click(qtbot, window, "gradcheckButton")
    results = find(window, QTableWidget, "gradcheckResults")
    qtbot.waitUntil(lambda: results.rowCount() > 0, timeout=30_000)
    names = [cell(results, r, 0) for r in range(results.rowCount())]
    assert names[0] == "1.W" and names[-1] == "input" and "2.1.W" in names
    assert all(float(cell(results, r, 1)) < 1e-6 for r in range(len(names)))
    assert "passed" in find(window, QLabel, "gradcheckVerdict").text()
    qtbot.waitUntil(find(window, QPushButton, "gradcheckButton").isEnabled)


def test_an_image_set_that_is_not_downloaded_disables_training_with_the_reason(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    window = open_window(qtbot, "mnist-mlp")
    play = find(window, QPushButton, "playButton")
    assert not play.isEnabled() and "not downloaded yet" in play.toolTip()
    assert "playground train --preset mnist-mlp" in window.statusBar().currentMessage()


def test_the_boundary_view_shows_for_2d_data_only(qtbot):
    window = open_window(qtbot, "digits-mlp")
    assert not window.boundary_view.isVisible()
    window.preset_selector.setCurrentText("moons")
    assert window.boundary_view.isVisible()


def test_help_lists_the_shortcuts_and_about_names_the_versions(qtbot):
    import numpy as np
    from PySide6.QtCore import qVersion

    window = open_window(qtbot)
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Run", "Lessons", "Language", "Help"]
    shortcuts = window.menus.shortcuts_text()
    assert "Space" in shortcuts and "Right arrow" in shortcuts and "Step one batch" in shortcuts
    about = window.menus.about_text()
    assert f"Qt {qVersion()}" in about and f"NumPy {np.__version__}" in about and "NumPy: available" in about


def test_the_smoke_test_runs_through_the_real_entry_point():
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "playground", "--smoke-test"], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout


def test_the_layout_is_remembered_between_runs(qtbot):
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName("Backprop Playground tests")
    first = open_window(qtbot)
    first.splitter.setSizes([200, 500, 580])
    chosen = first.splitter.sizes()
    first.close()
    from PySide6.QtCore import QSettings

    assert QSettings().value("window/splitter") is not None
    second = open_window(qtbot)
    # Offscreen Qt lays the restored window out to its own width; the first panel keeps its size.
    assert second.splitter.sizes()[0] == chosen[0] < 400  # a fresh window starts at about 411
    second.close()


def test_data_controls_reshape_the_data_and_the_first_layer(qtbot):
    from PySide6.QtWidgets import QCheckBox, QSlider

    window = open_window(qtbot, "spiral")
    table = find(window, QTableWidget, "layerList")
    assert cell(table, 0, 3) == "48"  # 2 features -> 16 units
    for name in ("sin x1", "sin x2", "x1·x2"):
        qtbot.mouseClick(find(window, QCheckBox, f"feature {name}"), Qt.MouseButton.LeftButton)
    assert window.dataset.input_shape == (5,) and cell(table, 0, 3) == "96"  # (5 + 1) * 16
    assert window.preset.network.input_shape == (5,)
    points_before = window.dataset.points_train.copy()
    find(window, QSlider, "noiseSlider").setValue(30)
    assert window.preset.dataset["noise"] == 30 and not numpy.array_equal(window.dataset.points_train, points_before)
    seed = window.preset.dataset["seed"]
    click(qtbot, window, "regenerateButton")
    assert window.preset.dataset["seed"] == seed + 1
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 50, timeout=10_000)
    assert window.training.worker.session.network.spec.input_shape == (5,)
    window.close()


def test_new_data_names_a_few_features_and_counts_many(qtbot):
    from tests.ui.test_image_layers import choose_dataset

    window = open_window(qtbot, "circle")
    choose_dataset(window, "iris")
    training_points = len(window.dataset.x_train)
    assert window.statusBar().currentMessage() == (
        f"New data: {training_points} training points, features sepal length (cm), sepal width (cm), "
        "petal length (cm), petal width (cm). The first layer now takes 4 inputs. The output layer now gives 3 "
        "outputs, for the cross-entropy loss.")
    choose_dataset(window, "breast_cancer")  # 30 features: a list no one reads
    training_points = len(window.dataset.x_train)
    assert window.statusBar().currentMessage() == (
        f"New data: {training_points} training points, 30 features. The first layer now takes 30 inputs. The output "
        "layer now gives 1 output, for the binary cross-entropy loss.")
    choose_dataset(window, "digits")  # images: their count and size, not 64 pixels as features
    training_images = len(window.dataset.x_train)
    assert window.statusBar().currentMessage().startswith(
        f"New data: {training_images:,} training images of 8×8 pixels. The first layer now takes 64 inputs.")
    window.close()


def test_new_data_mid_run_says_what_the_network_became_and_that_training_starts_over(qtbot):
    from tests.ui.test_image_layers import choose_dataset

    window = open_window(qtbot, "circle")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 0, timeout=10_000)
    choose_dataset(window, "diabetes")
    training_points = len(window.dataset.x_train)
    assert window.statusBar().currentMessage() == (
        f"New data: {training_points} training points, 10 features. The first layer now takes 10 inputs. The output "
        "layer now gives 1 output, for the mean squared error loss. Training starts over from new random weights.")
    assert window.latest is None and window.run_readout.text() == "not trained yet"
    choose_dataset(window, "plane")  # the same outputs and loss, and nothing trained since: nothing more to say
    assert window.statusBar().currentMessage() == (
        f"New data: {len(window.dataset.x_train)} training points, features x1, x2. The first layer now takes 2 "
        "inputs.")
    window.close()


def test_the_preset_s_description_shows_only_with_the_data_it_tells_of(qtbot):
    from tests.ui.test_image_layers import choose_dataset

    window = open_window(qtbot, "digits-mlp")
    description = find(window, QLabel, "presetDescription")
    assert "digits" in description.text() and description.isVisible()
    choose_dataset(window, "iris")  # "the bundled 8×8 digits" would now be untrue
    assert not description.isVisible()
    choose_dataset(window, "digits")
    assert description.isVisible()
    window.close()


def test_the_point_controls_are_for_generated_sets_only(qtbot):
    from PySide6.QtWidgets import QSlider

    window = open_window(qtbot, "iris")
    assert window.data_panel.isVisible() and not find(window, QSlider, "noiseSlider").isVisible()
    window.preset_selector.setCurrentText("xor")
    assert find(window, QSlider, "noiseSlider").isVisible()


def test_image_data_shows_a_gallery_of_predictions(qtbot):
    window = open_window(qtbot, "digits-mlp")
    assert window.gallery.isVisible() and not window.boundary_view.isVisible()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: len(window.gallery.labels) == 32 and window.gallery.predicted is not None,
                    timeout=10_000)
    assert window.gallery.mosaic.image is not None
    assert all(label.toPlainText() for label in window.gallery.labels)
    window.close()
    other = open_window(qtbot, "iris")
    assert not other.gallery.isVisible()


def test_the_network_view_follows_training_and_a_clicked_unit_fills_the_output(qtbot):
    window = open_window(qtbot)
    view = window.network_view
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 50 and window._drawn is window.latest,
                    timeout=10_000)
    window.toggle_training()
    snapshot = window._drawn
    image = view.diagram.units[("2", 1)].values
    assert numpy.array_equal(image, snapshot.neuron_grids["2"][1])
    rect = view.diagram.unit_rects[("2", 1)]
    where = view.canvas.mapFromScene(rect.center())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    shown = window.boundary_view.image.values
    assert numpy.array_equal(shown[::-1], snapshot.neuron_grids["2"][1])  # drawn bottom row first
    assert "layer 2, unit 2" in window.findChild(QPushButton, "neuronCaption").text()
    window.close()


def type_and_enter(qtbot, widget, text: str) -> None:
    widget.setFocus()
    line = widget.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_learning_rate_that_cannot_be_used_is_refused_at_the_field(qtbot):
    window = open_window(qtbot)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    field = find(window, QComboBox, "learningRateInput")
    for typed in ("-1", "0", "nan", "inf", "fast"):
        type_and_enter(qtbot, field, typed)
        assert field.currentText() == "0.03" and field.property("mark") == "refused", typed
        assert f"“{typed}” is not a usable learning rate" in window.statusBar().currentMessage()
        assert "It stays 0.03" in field.toolTip()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == 2, timeout=10_000)
    assert window.latest.learning_rate == 0.03
    type_and_enter(qtbot, field, "1e9")  # trains, with a warning at the field
    assert field.property("mark") == "warning" and "diverge" in field.toolTip()
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == 3, timeout=10_000)
    assert window.latest.learning_rate == 1e9
    type_and_enter(qtbot, field, "0.1")
    assert field.property("mark") is None


def test_a_negative_regularization_rate_is_refused(qtbot):
    window = open_window(qtbot)
    field = find(window, QComboBox, "regularizationRateInput")
    type_and_enter(qtbot, field, "-0.5")
    assert field.currentText() == "0" and field.property("mark") == "refused"
    assert "is not a usable regularization rate" in window.statusBar().currentMessage()


def test_a_batch_or_layer_size_out_of_range_says_what_it_became(qtbot):
    window = open_window(qtbot)
    batch = find(window, QSpinBox, "batchSizeInput")
    type_and_enter(qtbot, batch, "0")
    assert batch.value() == 1 and batch.property("mark") == "warning"
    assert "A batch holds at least one example: 0 became 1" in window.statusBar().currentMessage()
    type_and_enter(qtbot, batch, "100000")
    assert batch.value() == 250
    assert "has 250 examples, so a batch of 100,000 became 250" in window.statusBar().currentMessage()
    assert batch.toolTip() == window.statusBar().currentMessage()
    type_and_enter(qtbot, batch, "32")
    assert batch.value() == 32 and batch.property("mark") is None
    table = find(window, QTableWidget, "layerList")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    units = find(window, QSpinBox, "unitsInput")
    type_and_enter(qtbot, units, "100000")
    assert units.value() == 4096 and cell(table, 0, 1) == "Dense 4096 tanh"
    assert "at most 4,096 units" in window.statusBar().currentMessage()
    points = find(window, QSpinBox, "pointsInput")
    type_and_enter(qtbot, points, "5")
    assert points.value() == 20 and len(window.dataset.x_train) + len(window.dataset.x_test) == 20
    assert "at least 20 points" in window.statusBar().currentMessage()


def test_space_in_a_text_field_types_and_does_not_train(qtbot):
    """Space trains or pauses (the Train button's shortcut), except where it is typed: the rate fields take it as
    text, the number fields refuse it; neither presses Train."""
    window = open_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    play = find(window, QPushButton, "playButton")
    table = find(window, QTableWidget, "layerList")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())  # the units field shows
    fields = [find(window, QComboBox, "learningRateInput"), find(window, QComboBox, "regularizationRateInput"),
              find(window, QSpinBox, "batchSizeInput"), find(window, QSpinBox, "unitsInput")]
    for field in fields:
        line = field.lineEdit()
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: QApplication.focusWidget() in (field, line))  # noqa: B023 (waited on here)
        typed = line.text() + " " if isinstance(field, QComboBox) else line.text()
        with qtbot.assertNotEmitted(play.pressed):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        assert line.text() == typed, field.objectName()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert window.latest is None or window.latest.state == "paused"
    table.setFocus()  # not a text field: Space is Train's
    with qtbot.waitSignal(play.pressed, timeout=2000):
        qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "running", timeout=10_000)
    window.close()


def test_space_trains_pauses_and_trains_again(qtbot):
    """Space is Train's shortcut while the button reads Pause too: one press trains, the next pauses."""
    window = open_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    table = find(window, QTableWidget, "layerList")
    table.setFocus()
    for state in ("running", "paused", "running"):
        qtbot.keyClick(table, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda state=state: window.latest is not None and window.latest.state == state,
                        timeout=10_000)
    window.close()


def test_the_run_menu_shows_the_keys_of_train_step_reset_and_keep_and_they_work(qtbot):
    """Each one-key command reads with its key in the Run menu, as the README and Help name them, and the key does
    what the item does."""
    window = open_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    run_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Run")
    keys = {action.text(): action.shortcut().toString() for action in run_menu.actions() if not action.isSeparator()}
    assert keys == {"&Train": "Space", "&Step one batch": "Right", "&Reset the weights": "R",
                    "&Keep this run for comparison": "K", "&Forget kept runs…": ""}
    table = find(window, QTableWidget, "layerList")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    qtbot.keyClick(table, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: len(window.comparison.runs) == 1, timeout=10_000)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.latest.state == "running", timeout=10_000)
    assert [action.text() for action in run_menu.actions()][0] == "&Pause"  # and Space pauses
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)
    qtbot.keyClick(table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.latest.step == 0, timeout=10_000)
    window.close()


def test_tab_goes_through_the_tables_and_round_the_window(qtbot):
    """Tab walks every control and comes back to the first; the layer list and the Metrics tab's tables are a
    stop on the way (arrows move inside them), not a place Tab goes round in for ever."""
    window = open_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tabs = window.plot_tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(window.metrics_view)).center())
    click(qtbot, window, "stepButton")  # the confusion matrix fills
    confusion = find(window, QTableWidget, "confusionMatrix")
    qtbot.waitUntil(lambda: confusion.rowCount() > 0, timeout=10_000)
    start = find(window, QComboBox, "presetSelector")
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = []
    for _ in range(100):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())
        if QApplication.focusWidget() is start:
            break
    assert visited[-1] == "presetSelector", visited
    assert {"layerList", "addLayerButton", "confusionMatrix"} <= set(visited)
    window.close()


def tab_to(qtbot, window, name):
    """Press Tab until the control named `name` has the focus, as a person with a keyboard would."""
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        if QApplication.focusWidget().objectName() == name:
            return QApplication.focusWidget()
    raise AssertionError(f"Tab never reached {name}")


def test_a_control_reached_with_tab_takes_its_own_keys(qtbot):
    """Space on a box or button reached with Tab ticks or presses it, and Right on a slider moves it, rather than
    training; a click leaves Space to Train."""
    window = open_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    play, step = find(window, QPushButton, "playButton"), find(window, QPushButton, "stepButton")
    noise = tab_to(qtbot, window, "noiseSlider")
    before = noise.value()
    with qtbot.assertNotEmitted(step.pressed):
        qtbot.keyClick(noise, Qt.Key.Key_Right)
    assert noise.value() > before
    regenerate = tab_to(qtbot, window, "regenerateButton")
    with qtbot.waitSignal(regenerate.clicked), qtbot.assertNotEmitted(play.pressed):
        qtbot.keyClick(regenerate, Qt.Key.Key_Space)
    box = tab_to(qtbot, window, "feature x1²")
    with qtbot.assertNotEmitted(play.pressed):
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and "x1²" in window.dataset.feature_names
    clicked = find(window, QCheckBox, "feature x2²")
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton, pos=QPoint(2, clicked.height() // 2))  # ticked, focused
    assert clicked.hasFocus() and clicked.isChecked()
    with qtbot.waitSignal(play.pressed):
        qtbot.keyClick(clicked, Qt.Key.Key_Space)
    assert clicked.isChecked()
    window.close()


def test_a_conv_preset_trains_on_images_and_its_kernels_are_its_weights(qtbot, tmp_path):
    """digits-cnn in the window: the digits come as 1×8×8 images because the network starts with a Conv2D,
    the plots and the inspector measure its kernels, and other images keep the network on images."""
    window = open_window(qtbot, "digits-cnn")
    table = find(window, QTableWidget, "layerList")
    assert window.builder.spec.input_shape == (1, 8, 8) and window.builder.error is None
    assert cell(table, 0, 1) == "Conv2D 16 3×3 ReLU" and cell(table, 0, 3) == "160"  # 16 kernels of 3×3, and biases
    assert window.gallery.isVisible() and find(window, QPushButton, "playButton").isEnabled()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 20, timeout=10_000)
    click(qtbot, window, "playButton")  # pause
    qtbot.waitUntil(lambda: window.latest.state == "paused", timeout=10_000)
    assert list(window.gradient_plot.curves) == ["1", "3", "6"]  # the conv layers' K and the Dense layer's W
    for plot in (window.gradient_plot, window.inspector):
        tabs = window.plot_tabs
        qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                         pos=tabs.tabBar().tabRect(tabs.indexOf(plot)).center())
    assert all(points(curve) for curve in window.gradient_plot.curves.values())
    health = find(window, QTableWidget, "layerHealth")
    qtbot.waitUntil(lambda: health.rowCount() == 6)
    assert float(cell(health, 0, 4)) > 0 and cell(health, 1, 4) == "–"  # conv2d's ‖∂L/∂K‖; max pooling has none
    write_mnist(tmp_path, mnist_arrays())
    window.change_data({"name": "mnist", "source_folder": str(tmp_path), "normalize": "unit"})
    assert window.dataset.name == "mnist" and window.builder.error is None
    assert window.builder.spec.input_shape == (1, 28, 28)
    window.close()


def test_the_epoch_counter_keeps_its_size_and_fits_seven_digits(qtbot):
    """On small data the epoch changes at every snapshot: the counter's label keeps one size, so the bar is not laid
    out again each time, and that size holds the counter up to epoch 9,999,999."""
    window = open_window(qtbot, "spiral")
    label = find(window, QLabel, "epochLabel")
    size = label.size()
    assert label.fontMetrics().horizontalAdvance("Epoch 9999999") <= label.contentsRect().width()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.epoch >= 3, timeout=20_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: label.text() != "Epoch 000000")
    assert label.size() == size and label.minimumSize() == label.maximumSize()
    window.close()


def test_the_preset_s_description_hides_while_the_network_is_another(qtbot):
    """"Ten sigmoid layers" is untrue once a layer is ReLU (a lesson's change or one's own), and true again after
    Undo; a feature added (the input grows) leaves the layers it tells of as they were."""
    window = open_window(qtbot, "deep-sigmoid")
    description = find(window, QLabel, "presetDescription")
    assert "sigmoid" in description.text() and description.isVisible()
    window.data_panel.feature_boxes["x1²"].click()
    assert description.isVisible()
    table = find(window, QTableWidget, "layerList")
    table.selectRow(0)
    activation = find(window, QComboBox, "activationInput")
    activation.setCurrentText("ReLU")
    assert not description.isVisible()
    click(qtbot, window, "undoButton")
    assert description.isVisible()
    window.close()


def test_the_preset_box_marks_the_preset_changed_while_the_network_is_another_and_choosing_it_loads_it(qtbot):
    """The box kept saying "deep-sigmoid" over a network with a ReLU layer (an edit, or a lesson's change): it says
    so, as the description hides then, and names the preset alone again after Undo. Chosen again, the preset loads
    as it comes."""
    window = open_window(qtbot, "deep-sigmoid")
    selector = find(window, QComboBox, "presetSelector")
    assert selector.currentText() == "deep-sigmoid"
    table = find(window, QTableWidget, "layerList")
    table.selectRow(0)
    find(window, QComboBox, "activationInput").setCurrentText("ReLU")
    assert selector.currentIndex() == -1 and selector.placeholderText() == "deep-sigmoid (changed)"
    click(qtbot, window, "undoButton")
    assert selector.currentText() == "deep-sigmoid"
    find(window, QComboBox, "activationInput").setCurrentText("ReLU")
    assert selector.placeholderText() == "deep-sigmoid (changed)"
    window.mark_modified(False)  # nothing to save: choosing the preset asks nothing
    selector.showPopup()
    items = selector.view()
    place = items.visualRect(selector.model().index(selector.findText("deep-sigmoid"), 0)).center()
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=place)
    qtbot.waitUntil(lambda: selector.currentText() == "deep-sigmoid")
    assert window.network_panel.spec.to_dict() == load_preset("deep-sigmoid").network.to_dict()
    window.close()
