"""The live views driven as a person would, fed with snapshots of real training: the decision
boundary's toggles and unit view, the gradient warning, and plot text that follows the palette."""

import dataclasses
import math

import numpy
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QMenu, QPushButton

from playground.data import load_dataset
from playground.project import load_preset
from playground.session import Session, Snapshot, TrainingConfig
from playground.session.statistics import activation_stats
from playground.ui.activation_plot import ActivationPlot, activation_paths
from playground.ui.boundary_view import DecisionBoundaryView
from playground.ui.plot_parts import smoothed_loss, smoothed_norm
from playground.ui.plots import GradientPlot, LossPlot
from playground.ui.theme import apply_plot_theme, follow_system_theme
from tests.ui.widgets import EventCounter


def train(preset_name: str, epochs: int):
    """The dataset and the last snapshot of a short run of a preset."""
    preset = load_preset(preset_name)
    dataset = load_dataset(preset.dataset)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, epochs=epochs)
    return dataset, list(Session(preset.network, dataset, config).run())[-1]


@pytest.fixture(scope="module")
def circle():
    return train("circle", epochs=3)


def boundary_view(qtbot, dataset) -> DecisionBoundaryView:
    view = DecisionBoundaryView()
    qtbot.addWidget(view)
    view.show()
    view.show_points(dataset.points_train, dataset.y_train, dataset.task == "regression", (-6.0, 6.0),
                     test_points=dataset.points_test, test_labels=dataset.y_test)
    return view


def click(qtbot, view, kind, name):
    widget = view.findChild(kind, name)
    assert widget is not None, name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown(view) -> numpy.ndarray:
    return numpy.asarray(view.image.values)


def test_discretize_turns_the_output_into_two_classes_and_back(qtbot, circle):
    dataset, snapshot = circle
    view = boundary_view(qtbot, dataset)
    view.update_from(snapshot)
    smooth = snapshot.boundary[::-1]
    numpy.testing.assert_array_equal(shown(view), smooth)
    assert len(numpy.unique(shown(view))) > 2
    click(qtbot, view, QCheckBox, "discretizeOutput")  # redraws at once, with no new snapshot
    assert set(numpy.unique(shown(view))) == {0.0, 1.0}
    numpy.testing.assert_array_equal(shown(view), (smooth >= 0.5).astype(float))
    click(qtbot, view, QCheckBox, "discretizeOutput")
    numpy.testing.assert_array_equal(shown(view), smooth)


def test_discretized_regression_shows_the_sign(qtbot, circle):
    dataset, snapshot = circle
    view = boundary_view(qtbot, dataset)
    view.show_points(dataset.points_train, dataset.y_train * 2 - 1, True, (-6.0, 6.0))
    ramp = numpy.tile(numpy.linspace(-0.8, 0.9, 50), (50, 1))
    view.update_from(dataclasses.replace(snapshot, boundary=ramp))
    click(qtbot, view, QCheckBox, "discretizeOutput")
    numpy.testing.assert_array_equal(shown(view), numpy.where(ramp[::-1] >= 0, 1.0, -1.0))
    assert tuple(view.image.value_levels) == (-1.0, 1.0)


def test_test_points_show_only_when_asked(qtbot, circle):
    dataset, snapshot = circle
    view = boundary_view(qtbot, dataset)
    view.update_from(snapshot)
    assert len(view.points.data) == len(dataset.points_train)
    assert len(view.test_points.data) == len(dataset.points_test)
    assert not view.test_points.isVisible()
    click(qtbot, view, QCheckBox, "showTestPoints")
    assert view.test_points.isVisible()
    click(qtbot, view, QCheckBox, "showTestPoints")
    assert not view.test_points.isVisible()


def pixels(widget) -> numpy.ndarray:
    image = widget.grab().toImage()  # kept while its pixels are read: the array is a view of them
    return pg.functions.ndarray_from_qimage(image).astype(int)


def test_a_new_picture_of_the_output_paints_no_point_or_axis_again(qtbot, circle, monkeypatch):
    """At each snapshot the picture under the points and ticks changes: they come back from Qt's pixmaps of them,
    not from pyqtgraph's paint in Python, on the thread the training shares Python's lock with, and look the same."""
    dataset, snapshot = circle
    view = boundary_view(qtbot, dataset)
    view.resize(460, 500)
    click(qtbot, view, QCheckBox, "showTestPoints")
    qtbot.waitExposed(view)
    painted = {pg.ImageItem: 0, pg.ScatterPlotItem: 0, pg.AxisItem: 0}
    for kind in painted:
        def counted(item, *args, kind=kind, paint=kind.paint):
            painted[kind] += 1
            return paint(item, *args)
        monkeypatch.setattr(kind, "paint", counted)
    ramp = numpy.tile(numpy.linspace(0.0, 1.0, 50), (50, 1))
    for picture in (snapshot.boundary, ramp.T):  # the first pictures on screen settle the plot and make the pixmaps
        view.update_from(dataclasses.replace(snapshot, boundary=picture))
        qtbot.waitUntil(lambda: painted[pg.ImageItem] > 0)
        painted.update(dict.fromkeys(painted, 0))
    for picture in (ramp, 1 - ramp, snapshot.boundary):
        view.update_from(dataclasses.replace(snapshot, boundary=picture))
        qtbot.waitUntil(lambda: painted[pg.ImageItem] > 0)
        painted[pg.ImageItem] = 0
    assert painted == {pg.ImageItem: 0, pg.ScatterPlotItem: 0, pg.AxisItem: 0}
    cached = pixels(view.plot)
    for item in (view.points, view.test_points, view.plot.getAxis("left"), view.plot.getAxis("bottom")):
        item.setCacheMode(item.CacheMode.NoCache)
    drawn = pixels(view.plot)
    assert painted[pg.ScatterPlotItem] == 2 and painted[pg.AxisItem] == 2  # drawn in Python this time
    assert numpy.abs(cached - drawn).max() <= 2  # a point's antialiased edge blended in another order


def test_a_chosen_unit_replaces_the_output_until_the_caption_is_clicked(qtbot, circle):
    dataset, snapshot = circle
    view = boundary_view(qtbot, dataset)
    view.update_from(snapshot)
    caption = view.findChild(QPushButton, "neuronCaption")
    assert not caption.isVisible()
    view.show_neuron("1", 2)
    unit = snapshot.neuron_grids["1"][2]
    numpy.testing.assert_array_equal(shown(view), unit[::-1])
    reach = numpy.abs(unit).max()
    assert tuple(view.image.value_levels) == pytest.approx((-reach, reach))
    assert caption.isVisible() and "layer 1, unit 3" in caption.text()
    view.update_from(snapshot)  # later snapshots keep showing the unit
    numpy.testing.assert_array_equal(shown(view), unit[::-1])
    click(qtbot, view, QPushButton, "neuronCaption")
    numpy.testing.assert_array_equal(shown(view), snapshot.boundary[::-1])
    assert not caption.isVisible()


def test_an_input_feature_is_drawn_as_given_and_a_missing_unit_falls_back(qtbot, circle):
    dataset, snapshot = circle
    view = boundary_view(qtbot, dataset)
    view.update_from(snapshot)
    feature = numpy.tile(numpy.linspace(-6, 6, 50), (50, 1))
    view.show_neuron("input", 0, grid=feature)
    numpy.testing.assert_array_equal(shown(view), feature[::-1])
    assert "input feature 1" in view.caption.text() and view.caption.isVisible()
    view.show_neuron(None)
    numpy.testing.assert_array_equal(shown(view), snapshot.boundary[::-1])
    view.show_neuron("7", 0)  # no such layer in this snapshot: the output stays
    numpy.testing.assert_array_equal(shown(view), snapshot.boundary[::-1])
    assert not view.caption.isVisible()


def gradient_plot(qtbot, paths) -> GradientPlot:
    plot = GradientPlot()
    qtbot.addWidget(plot)
    plot.show()
    plot.reset(paths)
    return plot


def with_norms(snapshot, norms: dict[str, list[float]]):
    steps = numpy.arange(1, len(next(iter(norms.values()))) + 1, dtype=float)
    history = {"step": steps, **{f"grad_norm/{path}.W": numpy.array(v) for path, v in norms.items()}}
    return dataclasses.replace(snapshot, history=history)


def test_the_gradient_badge_warns_of_vanishing_and_exploding_gradients_only(qtbot, circle):
    _, snapshot = circle
    plot = gradient_plot(qtbot, ["1", "2", "3"])
    badge = plot.findChild(QLabel, "gradientWarning")
    plot.update_from(snapshot)  # three tanh layers of a few units: healthy
    assert not badge.isVisible()
    plot.update_from(with_norms(snapshot, {"1": [0.1, 2.5e-5], "2": [0.1, 0.01], "3": [0.1, 0.1]}))
    assert badge.isVisible()
    assert badge.text() == "Vanishing gradients: layer 1 gets 1/4,000 of the gradient of layer 3"
    # The badge sits in a strip above the curves, not over them.
    qtbot.waitUntil(lambda: badge.geometry().bottom() < plot.getViewBox().sceneBoundingRect().top())
    plot.update_from(with_norms(snapshot, {"1": [0.1, 0.3], "2": [0.1, 2.1e4], "3": [0.1, 0.1]}))
    assert badge.text() == "Exploding gradients: layer 2's gradient norm is 2.1e+04"
    plot.update_from(with_norms(snapshot, {"1": [0.1, 0.3], "2": [0.1, 0.2], "3": [0.1, numpy.inf]}))
    assert badge.isVisible() and "layer 3's gradient norm is inf" in badge.text()
    plot.update_from(with_norms(snapshot, {"1": [2.5e-5, 0.05], "2": [0.1, 0.2], "3": [0.1, 0.1]}))
    assert not badge.isVisible()  # only the newest values count


def test_deep_sigmoid_training_raises_the_vanishing_warning(qtbot):
    preset = load_preset("deep-sigmoid")
    _, snapshot = train("deep-sigmoid", epochs=1)
    plot = gradient_plot(qtbot, [info.path for info in preset.network.validate() if info.type == "dense"])
    plot.update_from(snapshot)
    assert plot.warning.isVisible() and plot.warning.text().startswith("Vanishing gradients: layer 1 gets 1/")


@pytest.fixture
def restored_palette():
    app = QApplication.instance()
    original = app.palette()
    yield app
    app.setPalette(original)
    apply_plot_theme()


def dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(30, 30, 30))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(235, 235, 235))
    return palette


def axis_text_lightness(plot: pg.PlotWidget) -> int:
    return plot.getAxis("left").textPen().color().lightness()


def background_lightness(plot: pg.PlotWidget) -> int:
    return plot.grab().toImage().pixelColor(plot.width() // 2, plot.height() // 2).lightness()


def test_plot_text_follows_a_switch_to_the_dark_palette(qtbot, restored_palette):
    app = restored_palette
    follow_system_theme(app)
    loss = LossPlot()
    qtbot.addWidget(loss)
    loss.show()
    assert axis_text_lightness(loss.plot) < 128  # the light palette's dark text
    assert background_lightness(loss.plot) > 128
    # The offscreen platform has no system theme to switch: switch the palette and announce the scheme.
    app.setPalette(dark_palette())
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: axis_text_lightness(loss.plot) > 200)
    assert loss.plot.getAxis("bottom").pen().color().lightness() > 200
    legend = loss.plot.getPlotItem().legend
    assert all("color:#ebebeb" in label.item.toHtml() for _, label in legend.items)  # the text as drawn
    assert background_lightness(loss.plot) < 64  # the transparent background shows the dark window


def test_plots_made_after_the_switch_start_dark(qtbot, restored_palette):
    apply_plot_theme(dark_palette())
    plot = GradientPlot()
    qtbot.addWidget(plot)
    plot.reset(["1", "2"])
    assert axis_text_lightness(plot) > 200


def test_clicking_a_training_point_names_its_example(qtbot):
    from playground.ui.boundary_view import DecisionBoundaryView

    view = DecisionBoundaryView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    points = numpy.array([[-4.0, -4.0], [0.0, 0.0], [3.0, 2.0]])
    view.show_points(points, numpy.array([[0.0], [1.0], [0.0]]), False, (-6.0, 6.0))
    qtbot.waitExposed(view)
    where = view.plot.mapFromScene(view.plot.getViewBox().mapViewToScene(pg.Point(3.0, 2.0)))
    with qtbot.waitSignal(view.example_clicked) as clicked:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert clicked.args == [2]


def test_the_decision_boundary_spans_the_datas_range_on_both_axes(qtbot):
    """A square plot: equal axes over the data's −6 to 6, not a wide strip of empty plane beside it."""
    from playground.ui import MainWindow

    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    plot = window.boundary_view.plot
    (x_low, x_high), (y_low, y_high) = plot.viewRange()
    assert -7 < x_low < -5.9 and 5.9 < x_high < 7 and -7 < y_low < -5.9 and 5.9 < y_high < 7
    assert abs(plot.width() - plot.height()) <= 1


def test_the_smoothed_training_loss_is_the_exact_mean_over_the_last_steps():
    # Points that tile the steps, each the mean since the point before: 1 to 10 one step each, then 20 and 30.
    steps = numpy.array([*range(1, 11), 20, 30], dtype=float)
    values = numpy.array([*[1.0] * 10, 2.0, 3.0])
    smoothed = smoothed_loss(steps, values, window=0.5, least=0)
    assert smoothed[:2].tolist() == [1.0, 1.0]  # a point wider than the window stays as it is
    # At step 20 the window goes back to step 10: the ten steps 11 to 20, all at 2.
    assert smoothed[10] == 2.0
    # At step 30, back to step 15: the point at 20 covers steps 11 to 20, so 11 to 30 are in, 10 steps at 2 and 10 at 3.
    assert smoothed[11] == 2.5
    assert smoothed_loss(steps, numpy.full(12, 0.3)) == pytest.approx(numpy.full(12, 0.3), rel=1e-12)
    assert len(smoothed_loss(numpy.zeros(0), numpy.zeros(0))) == 0


def test_a_smoothed_norm_is_the_geometric_mean_of_the_norms_measured_in_the_last_share_of_the_steps():
    steps = numpy.array([1.0, 2.0, 3.0, 4.0, 10.0, 20.0])
    norms = numpy.array([1.0, 100.0, 10.0, 1000.0, 10.0, 1000.0])
    # With half the steps as the window: at step 4, the norms of steps 3 and 4; at step 3, those of 2 and 3; a
    # point alone in its window (steps 1, 2, 10 and 20) stays as measured.
    expected = [1.0, 100.0, math.sqrt(1000.0), 100.0, 10.0, 1000.0]
    assert smoothed_norm(steps, norms, window=0.5, least=0) == pytest.approx(expected, rel=1e-12)
    assert smoothed_norm(steps, numpy.full(6, 0.3)) == pytest.approx(numpy.full(6, 0.3), rel=1e-12)
    assert len(smoothed_norm(numpy.zeros(0), numpy.zeros(0))) == 0


def young_and_old_run() -> tuple[numpy.ndarray, numpy.ndarray]:
    """A point at every one of the first 60 steps, then every 10 steps from 1000 to 1200: norms that jump a hundredfold
    from step to step (0.1, 10, 0.1, ...), as one batch's norm jumps with the batch, around 1."""
    steps = numpy.r_[numpy.arange(1, 61), numpy.arange(1000, 1201, 10)].astype(float)
    return steps, 10.0 ** numpy.where(numpy.arange(len(steps)) % 2, 1.0, -1.0)


def test_a_young_run_s_norms_are_smoothed_over_twenty_steps_and_an_old_run_s_over_five_percent_of_them():
    """5% of a young run's steps held one to three points: the curves jumped with every batch. They take the last 20
    steps now, all of them before the 20th step, and the first point as measured; late, 5% is more than 20 steps and
    the window is as before, so that late curves lag no more."""
    steps, norms = young_and_old_run()
    smoothed = smoothed_norm(steps, norms)
    assert smoothed[0] == pytest.approx(0.1)  # the first point as measured
    assert smoothed[2] == pytest.approx(10 ** (-1 / 3))  # steps 1 to 3: two at 0.1, one at 10
    assert smoothed[19:60] == pytest.approx(numpy.ones(41))  # steps 11 to 30, ... 41 to 60: ten of each
    # At step 1200, the steps after 1140: the points 1150 to 1200, three at 10 and three at 0.1.
    assert smoothed[-1] == pytest.approx(1.0)
    at_1100 = int(numpy.flatnonzero(steps == 1100)[0])  # the steps after 1045: 1050 to 1100, six points
    assert smoothed[at_1100] == pytest.approx(math.prod(norms[at_1100 - 5 : at_1100 + 1]) ** (1 / 6))
    assert smoothed_norm(steps, norms, least=0)[10] == pytest.approx(0.1)  # 5% of 11 steps: the point alone


def test_the_training_loss_is_smoothed_over_the_same_steps_as_the_norms():
    steps, losses = young_and_old_run()
    smoothed = smoothed_loss(steps, losses)
    assert smoothed[0] == pytest.approx(0.1)
    assert smoothed[59] == pytest.approx(5.05)  # steps 41 to 60, each its own point: ten at 0.1, ten at 10
    # At step 1200, back to step 1140: the point at 1150 covers 1141 to 1150, so the last 60 steps are in, 30 at
    # each value (the points alternate from 0.1 at step 1000).
    assert smoothed[-1] == pytest.approx(5.05)
    assert smoothed_loss(steps, losses, least=0)[10] == pytest.approx(0.1)  # 5% of 11 steps: the point alone


def stepped_once_at_1280_by_720(qtbot, preset: str, view: str):
    """A laptop-sized window on `preset` whose plot tab `view` shows the first step, drawn."""
    from playground.ui import MainWindow

    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.plot_tabs.setCurrentWidget(getattr(window, view))
    qtbot.mouseClick(window.findChild(QPushButton, "stepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1)
    return window


def assert_legend_beside_the_curves(plot: pg.PlotWidget) -> None:
    """Every name and colour of the plot's legend in view, and none over the view box, where the curves are: no curve
    runs under a name, whatever its data."""
    QApplication.processEvents()  # the layout settled
    item = plot.getPlotItem()
    plane, visible = item.getViewBox().sceneBoundingRect(), plot.viewport().rect()
    curves = [curve.curve.sceneBoundingRect() & plane for curve in item.listDataItems()]  # the view box clips them
    assert item.legend.items and curves
    for sample, label in item.legend.items:
        for part in (sample, label):
            drawn = part.sceneBoundingRect()
            assert not drawn.intersects(plane), (label.text, drawn, plane)
            assert not any(drawn.intersects(curve) for curve in curves), label.text
            assert visible.contains(plot.mapFromScene(drawn).boundingRect()), (label.text, drawn, visible)


@pytest.mark.parametrize("preset", ["batchnorm", "residual"])
def test_a_deep_network_s_gradients_legend_is_beside_its_curves_at_1280_by_720(qtbot, preset):
    """batchnorm's eleven names in three columns inside the plot covered its top right third, the curves running
    under them: beside the view box, the names cover no curve, and the step axis below keeps its label."""
    window = stepped_once_at_1280_by_720(qtbot, preset, "gradient_plot")
    assert_legend_beside_the_curves(window.gradient_plot)
    axis = window.gradient_plot.getAxis("bottom")
    assert window.gradient_plot.viewport().rect().contains(
        window.gradient_plot.mapFromScene(axis.label.sceneBoundingRect()).boundingRect().center())
    window.close()


def test_a_deep_network_s_layer_names_all_fit_in_the_gradients_legend_at_1280_by_720(qtbot):
    """The residual lesson names layer 11 and layer 10.1: in one column, the names ran off the plot after layer 8."""
    window = stepped_once_at_1280_by_720(qtbot, "residual", "gradient_plot")
    plot = window.gradient_plot
    labels = [label for _, label in plot.plotItem.legend.items]
    assert {"layer 10.1", "layer 11"} <= {label.text for label in labels}
    visible = plot.viewport().rect()
    for label in labels:
        shown = plot.mapFromScene(label.sceneBoundingRect()).boundingRect()
        assert visible.contains(shown), (label.text, shown, visible)
    window.close()


def test_the_gradients_tab_draws_a_layer_s_curve_with_a_point_wherever_the_training_loss_has_one(qtbot):
    """At full speed a few hundred steps take a few snapshots; the curve of layer 1 of deep-sigmoid still has every
    one of the first two hundred steps, as the loss does, and a point at each of the loss's after them. (It is
    drawn with those of its points that its pixel columns show: tests/ui/test_thinned_curves.py.)"""
    from tests.ui.test_run_views import open_window, show_tab, train_then_pause

    window = open_window(qtbot, "deep-sigmoid")
    show_tab(qtbot, window, window.gradient_plot)
    train_then_pause(qtbot, window, 300)
    history = window._drawn.history
    loss_steps = history["step"][numpy.isfinite(history["train_loss"])]
    curve = window.gradient_plot.curves["1"]
    steps, smoothed = window.gradient_plot.thinned.series[curve]
    assert len(steps) >= len(loss_steps) > 200
    assert set(steps) >= set(loss_steps)
    assert list(numpy.unique(steps)[:200]) == list(range(1, 201))  # a snapshot may share a step with a point
    assert set(curve.getData()[0]) <= set(steps) and curve.getData()[0][-1] == steps[-1]
    # Drawn smoothed, as the axis says: one step's norm jumps tenfold with the batch, and eleven layers made a band.
    norms = history["grad_norm/1.W"]
    measured = numpy.isfinite(norms) & (norms > 0)
    assert smoothed == pytest.approx(smoothed_norm(history["step"][measured], norms[measured]), rel=1e-9)
    assert not numpy.allclose(smoothed, norms[measured])
    assert 10 ** curve.getData()[1][-1] == pytest.approx(smoothed[-1], rel=1e-9)  # a log axis draws log10 of values
    assert window.gradient_plot.getAxis("bottom").labelText == SMOOTHED_AXIS
    window.close()


SMOOTHED_AXIS = "step (curves: the mean over the last 5% of the steps, 20 at least)"


def test_fifty_steps_draw_each_layer_s_norm_and_the_loss_as_their_means_over_the_last_twenty_steps(qtbot):
    """Two epochs of deep-sigmoid: 5% of 50 steps held two or three batches' norms, each tenfold from the next, and the
    curves were a band. Each point is now the mean over the last 20 steps (their norms' geometric mean), in the
    Gradients, Loss and Compare tabs alike, and the last one is that of steps 31 to 50."""
    from tests.ui.test_run_views import open_window, show_tab
    from tests.ui.widgets import click, type_stop_at

    window = open_window(qtbot, "deep-sigmoid")
    show_tab(qtbot, window, window.gradient_plot)
    type_stop_at(qtbot, window, "2")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "paused"
                    and window.latest.step == 50 and window._drawn is window.latest, timeout=30_000)
    history = window._drawn.history
    for path, curve in window.gradient_plot.curves.items():
        norms = history[f"grad_norm/{path}.W"]
        steps, norms = history["step"][numpy.isfinite(norms)], norms[numpy.isfinite(norms)]
        drawn = 10 ** curve.getData()[1]  # a log axis draws log10 of the values
        assert drawn[-1] == pytest.approx(math.exp(numpy.log(norms[steps > 30]).mean()), rel=1e-9), path
        # Readable: from point to point the curve moves a fraction of what one step's norm jumps.
        jumps = [numpy.std(numpy.diff(numpy.log10(values[steps > 20]))) for values in (drawn, norms)]
        assert jumps[0] < 0.2 * jumps[1], (path, jumps)
    assert window.gradient_plot.getAxis("bottom").labelText == SMOOTHED_AXIS
    show_tab(qtbot, window, window.loss_plot)
    qtbot.waitUntil(lambda: window.loss_plot.train_curve.getData()[0] is not None)
    losses = history["train_loss"]
    steps, losses = history["step"][numpy.isfinite(losses)], losses[numpy.isfinite(losses)]
    mean = (losses * numpy.diff(steps, prepend=0))[steps > 30].sum() / 20  # each point the mean since the one before
    assert window.loss_plot.train_curve.getData()[1][-1] == pytest.approx(mean, rel=1e-9)
    assert "mean of the last 5% of the steps, 20 at least" in legend_texts(window.loss_plot)[0]
    compare = window.compare_view
    show_tab(qtbot, window, compare)
    compare.show_series("grad_norm", "1")
    qtbot.waitUntil(lambda: compare.current_curve.getData()[0] is not None)
    assert compare.current_curve.getData()[1] == pytest.approx(window.gradient_plot.curves["1"].getData()[1])
    assert compare.plot.getAxis("bottom").labelText == SMOOTHED_AXIS
    window.close()


def short_run(preset_name: str, steps: int) -> list:
    """A snapshot a step: the loss falls and the steps grow, as a plot sees them training."""
    preset = load_preset(preset_name)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, start_paused=True)
    session = Session(preset.network, load_dataset(preset.dataset), config)
    stream = session.run()
    snapshots = [next(stream)]
    for _ in range(steps):
        session.control.step()
        snapshots.append(next(stream))
    session.control.stop()
    list(stream)
    return snapshots


def shown_loss_plot(qtbot) -> LossPlot:
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def test_a_loss_plot_update_draws_an_axis_in_python_only_when_its_ticks_change(qtbot, monkeypatch):
    """Every new curve repaints the axes, whose ticks reach into the plot: an axis whose ticks stayed comes back
    from Qt's pixmap of it, and the training waits for no replay of its labels in pyqtgraph's Python."""
    snapshots = short_run("circle", 20)
    plot = shown_loss_plot(qtbot)
    plot.update_from(snapshots[1])
    plot.plot.grab()
    painted, ticked = {"left": 0, "bottom": 0}, {"left": 0, "bottom": 0}
    paint, ticks = pg.AxisItem.paint, pg.AxisItem.generateDrawSpecs

    def counted_paint(axis, *args):
        painted[axis.orientation] += 1
        return paint(axis, *args)

    def counted_ticks(axis, *args):
        ticked[axis.orientation] += 1
        return ticks(axis, *args)

    monkeypatch.setattr(pg.AxisItem, "paint", counted_paint)
    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs", counted_ticks)
    curves = []
    for snapshot in snapshots[2:]:
        plot.update_from(snapshot)
        for _ in range(5):
            QApplication.processEvents()
        curves.append(plot.train_curve.getData()[0].size)
    assert curves[-1] > curves[0]  # the curves were drawn again
    assert max(ticked.values()) < len(curves) // 2  # the steps jump now and then, the loss's range settles
    # Drawn in Python when its ticks changed, or the other axis's width moved it: not at every update (21 times).
    assert all(painted[side] <= ticked[side] + 2 for side in painted), (painted, ticked)


def test_a_loss_plot_update_paints_its_legends_names_from_pixmaps_that_look_the_same(qtbot, monkeypatch):
    """Every new curve repaints the legend over the curves: its names come back from Qt's pixmaps of them, not laid
    out and drawn again at every snapshot on the GUI thread the training waits for; a name's sample beside it is
    drawn, as it shows the curve's dots while the curve has few points, and then its line alone."""
    snapshots = short_run("circle", 30)
    painted = {pg.LabelItem: 0, pg.graphicsItems.LegendItem.ItemSample: 0}
    for kind in painted:  # before the plot is made: PySide keeps the paint it finds for an item first
        def counted(item, *args, kind=kind, paint=kind.paint):
            painted[kind] += 1
            return paint(item, *args)
        monkeypatch.setattr(kind, "paint", counted)
    plot = shown_loss_plot(qtbot)
    paints_per_update(plot, plot.plot.viewport(), snapshots[1:2])  # the first paint makes the pixmaps
    painted.update(dict.fromkeys(painted, 0))
    paints_per_update(plot, plot.plot.viewport(), snapshots[2:])
    assert plot.train_curve.opts["symbol"] is None  # past the few points shown as dots: the samples show no dot
    assert painted[pg.graphicsItems.LegendItem.ItemSample] >= len(snapshots[2:])  # the legend was painted again
    assert painted[pg.LabelItem] == 0
    cached = pixels(plot.plot)
    legend = plot.plot.getPlotItem().legend
    for _sample, name in legend.items:
        for item in (name, name.item):
            item.setCacheMode(item.CacheMode.NoCache)
    drawn = pixels(plot.plot)
    assert painted[pg.LabelItem] == 2  # drawn this time
    assert numpy.array_equal(cached, drawn)


def test_a_snapshot_with_no_new_point_in_the_history_sets_no_loss_curve(qtbot, monkeypatch):
    """A long run's history keeps one point in many: most of its snapshots bring none, and the curves stay as drawn."""
    snapshots = short_run("circle", 3)
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.show()
    set_data = pg.PlotDataItem.setData
    curves_set = []
    monkeypatch.setattr(pg.PlotDataItem, "setData", lambda curve, *a, **k: (curves_set.append(curve),
                                                                            set_data(curve, *a, **k)))

    def shows(snapshot) -> bool:
        steps, losses = plot.test_curve.getData()
        history = snapshot.history
        return numpy.array_equal(losses, history["test_loss"]) and numpy.array_equal(steps, history["step"])

    plot.update_from(snapshots[2])
    assert len(curves_set) == 3 and shows(snapshots[2])
    plot.update_from(dataclasses.replace(snapshots[2], step=snapshots[2].step + 1))  # the same points, copied
    assert len(curves_set) == 3 and shows(snapshots[2])
    plot.update_from(snapshots[3])  # a point more
    assert len(curves_set) == 6 and shows(snapshots[3])
    plot.clear_run()
    plot.update_from(snapshots[3])  # the run drawn again after it was cleared
    assert len(curves_set) == 12 and shows(snapshots[3])


def paints_per_update(plot, viewport, snapshots: list) -> list[int]:
    """How many times `viewport` paints after each of `snapshots` updates `plot`."""
    paints = EventCounter(QEvent.Type.Paint)
    viewport.installEventFilter(paints)
    counts = []
    for snapshot in snapshots:
        paints.count = 0
        plot.update_from(snapshot)
        for _ in range(5):
            QApplication.processEvents()
        counts.append(paints.count)
    return counts


def test_a_loss_plot_update_paints_once(qtbot):
    """Its auto-range and transform are settled before the paint: settled during it, they asked for a second paint
    of the whole plot at every snapshot, on the GUI thread the training shares Python's lock with."""
    snapshots = short_run("circle", 20)
    plot = shown_loss_plot(qtbot)
    counts = paints_per_update(plot, plot.plot.viewport(), snapshots[1:21])
    # A jump of the step axis, or a wider tick label, re-lays the axes out: a second paint now and then (one
    # update of 20 here; 6 before, when every range change came in the paint).
    assert sum(count > 1 for count in counts) <= 2, counts


def falling_loss(snapshot, lows: list[float]):
    """`snapshot` with a history whose loss falls from 1 to 0.5 over 50 steps, stays there for 50 (so that its mean
    over the last steps has reached it too), then falls to each of `lows` in turn."""
    losses = numpy.r_[numpy.linspace(1.0, 0.5, 50), numpy.full(50, 0.5), lows]
    steps = numpy.arange(1.0, len(losses) + 1)
    return dataclasses.replace(snapshot, step=len(losses), history={"step": steps, "train_loss": losses})


def test_a_loss_that_would_move_the_range_by_a_hundredth_of_a_pixel_leaves_it_and_its_axis_as_drawn(
        qtbot, monkeypatch):
    """A falling loss lowers the curves' minimum by a hundredth of a pixel at a snapshot: the range stays, and the
    axis's labels are not built again in Python. A fall of a pixel moves it, and the newest point shows."""
    snapshot = short_run("circle", 1)[-1]
    plot = shown_loss_plot(qtbot)
    view = plot.plot.getViewBox()
    for lows in ([], [0.5]):  # laid out at the first paint, the plot's height sets the range's padding
        plot.update_from(falling_loss(snapshot, lows))
        plot.plot.grab()
    (_, _), (bottom, top) = view.viewRange()
    pixel = (top - bottom) / view.height()
    ticks = pg.AxisItem.generateDrawSpecs
    ticked = []
    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs", lambda axis, *a: (ticked.append(axis), ticks(axis, *a))[1])
    lows = [0.5, 0.5 - 0.01 * pixel]
    for _ in range(5):
        plot.update_from(falling_loss(snapshot, lows))
        plot.plot.grab()
        lows.append(lows[-1] - 0.01 * pixel)
    assert view.viewRange()[1] == [bottom, top]
    assert plot.plot.getAxis("left") not in ticked
    plot.update_from(falling_loss(snapshot, lows + [0.5 - 2 * pixel]))
    plot.plot.grab()
    assert view.viewRange()[1][0] < 0.5 - 2 * pixel < view.viewRange()[1][0] + 0.1 * (top - bottom)
    assert plot.plot.getAxis("left") in ticked


def test_a_loss_plot_update_finds_the_curves_range_once(qtbot, monkeypatch):
    """A new range is found before the paint, and not again in it: pyqtgraph's view box took its own new
    transform for a change of its curves, and walked every curve's bounds again at the paint."""
    snapshot = short_run("circle", 1)[-1]
    plot = shown_loss_plot(qtbot)
    plot.update_from(falling_loss(snapshot, []))
    QApplication.processEvents()
    bounds, walks = pg.ViewBox.childrenBounds, []
    monkeypatch.setattr(pg.ViewBox, "childrenBounds", lambda view, *a, **k: (walks.append(view),
                                                                             bounds(view, *a, **k))[1])
    lows = [0.4]
    for _ in range(5):
        plot.update_from(falling_loss(snapshot, lows))  # a new range every time
        plot.plot.grab()
        lows.append(lows[-1] - 0.05)
    assert len(walks) == 5


def test_a_gradient_plot_update_paints_once(qtbot):
    """As the loss plot's (above): its range and transform are settled before the paint."""
    snapshots = short_run("circle", 20)
    plot = gradient_plot(qtbot, [layer.path for layer in snapshots[-1].layers])
    plot.resize(600, 300)
    qtbot.waitExposed(plot)
    counts = paints_per_update(plot, plot.viewport(), snapshots[1:21])
    assert sum(count > 1 for count in counts) <= 2, counts


def drawn_tick_labels(axis: pg.AxisItem) -> list[tuple[str, object]]:
    """(text, rectangle) of every tick label the axis draws at its size."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, rect) for rect, _, text in texts if text]


@pytest.mark.parametrize("low, high", [(5e4, 1e6), (0.2, 0.9), (1e-3, 3e-2)])
def test_log_axes_of_a_narrow_range_label_ticks_that_do_not_overlap(qtbot, low, high):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 260)
    plot.show()
    qtbot.mouseClick(plot.log_scale, Qt.MouseButton.LeftButton, pos=QPoint(8, plot.log_scale.height() // 2))
    assert plot.plot.getAxis("left").logMode
    plot.plot.setYRange(numpy.log10(low), numpy.log10(high), padding=0)
    QApplication.processEvents()
    labels = drawn_tick_labels(plot.plot.getAxis("left"))
    assert len(labels) >= 2, labels
    rects = sorted(rect.top() for _, rect in labels)
    height = labels[0][1].height()
    assert all(below - above >= height for above, below in zip(rects, rects[1:], strict=False)), labels


def activations_after_a_step(qtbot, preset: str):
    """The main window on `preset` at 1280×720, its Activations tab open after one training step."""
    from playground.ui import MainWindow

    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    tabs = window.plot_tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(window.activation_plot)).center())
    qtbot.mouseClick(window.findChild(QPushButton, "stepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1)
    return window


def choose_layer(qtbot, plot, text: str) -> None:
    """Pick `text` in the Activations tab's Layer chooser with the keyboard, as a person can."""
    chooser = plot.findChild(QComboBox, "activationLayer")
    chooser.setFocus()
    qtbot.keyClick(chooser, Qt.Key.Key_Home)
    for _ in range(chooser.findText(text)):
        qtbot.keyClick(chooser, Qt.Key.Key_Down)
    assert chooser.currentText() == text


def drawn_layers(plot) -> list[str]:
    items = plot.plot.getPlotItem().items
    return [path for path, curve in plot.curves.items() if curve in items]


def legend_texts(plot) -> list[str]:
    return [label.text for _, label in plot.plot.getPlotItem().legend.items]


def test_all_layers_leave_out_the_linear_output_which_the_layer_chooser_shows_at_its_own_scale(qtbot):
    """spiral's linear output reached -28..22, which squeezed its tanh layers into spikes at ±1."""
    window = activations_after_a_step(qtbot, "spiral")
    plot = window.activation_plot
    note = plot.findChild(QLabel, "activationNote")
    assert drawn_layers(plot) == ["1", "2"] and legend_texts(plot)[0].startswith("layer 1 · ")
    assert note.text() == ("Left out, without an activation function: layer 3 (weighted sums, on a scale of its "
                           "own).")
    stats = {layer.path: layer for layer in window._drawn.layers}
    (low, high), _ = plot.plot.getViewBox().viewRange()
    assert -1.5 < low and high < 1.5  # the tanh layers' scale
    choose_layer(qtbot, plot, "layer 3")
    assert drawn_layers(plot) == ["3"] and legend_texts(plot) == ["layer 3"] and not note.text()
    QApplication.processEvents()
    (low, high), _ = plot.plot.getViewBox().viewRange()
    assert low <= stats["3"].edges[0] and stats["3"].edges[-1] <= high
    assert high - low < 2 * (stats["3"].edges[-1] - stats["3"].edges[0])  # its own scale, not the others'
    choose_layer(qtbot, plot, "layer 2")  # a tanh layer alone, its share named
    assert drawn_layers(plot) == ["2"] and legend_texts(plot)[0].startswith("layer 2 · ")
    qtbot.mouseClick(window.findChild(QPushButton, "stepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._drawn.step == 2)
    assert numpy.array_equal(plot.curves["2"].xData, {layer.path: layer for layer in window._drawn.layers}["2"].edges)
    window.preset_selector.setCurrentText("xor")  # a new network: xor has a layer 2 too, which stays chosen
    qtbot.waitUntil(lambda: plot.findChild(QComboBox, "activationLayer").currentText() == "layer 2")
    assert drawn_layers(plot) == ["2"] and not any(len(curve.xData or ()) for curve in plot.curves.values())
    window.close()


def test_all_layers_of_the_batchnorm_network_are_its_sigmoids_on_their_own_scale(qtbot):
    """batchnorm's Dense layers without an activation reached -7..8, and its batch normalization -2..2: their
    scale squeezed the sigmoids' outputs, which the lesson is about, into spikes. All layers draws the ten sigmoids
    over their 0 to 1, names them in a legend beside them, and says which layers it leaves out and why."""
    window = activations_after_a_step(qtbot, "batchnorm")
    plot = window.activation_plot
    note = plot.findChild(QLabel, "activationNote")
    sigmoids = [str(path) for path in range(3, 31, 3)]
    assert drawn_layers(plot) == sigmoids
    assert [text.split(" · ")[0] for text in legend_texts(plot)] == [f"layer {path}" for path in sigmoids]
    assert note.text() == ("Left out, without an activation function: layers 1, 2, 4, 5, …, 31 (weighted sums or "
                           "normalized values, on scales of their own).")
    QApplication.processEvents()
    (low, high), _ = plot.plot.getViewBox().viewRange()
    assert -0.2 < low and high < 1.2  # the sigmoids' scale
    assert_legend_beside_the_curves(plot.plot)
    choose_layer(qtbot, plot, "layer 1")  # a Dense layer without an activation, alone at its own scale
    QApplication.processEvents()
    assert drawn_layers(plot) == ["1"] and legend_texts(plot) == ["layer 1"] and not note.text()
    assert plot.plot.getViewBox().viewRange()[0][1] - plot.plot.getViewBox().viewRange()[0][0] > 1.5
    choose_layer(qtbot, plot, "All layers")
    assert drawn_layers(plot) == sigmoids and note.text()
    window.close()


def layers_snapshot(function: str, count: int, outputs) -> Snapshot:
    """A snapshot of `count` Dense layers with activation `function`, each giving `outputs(rng)`."""
    rng = numpy.random.default_rng(0)
    layers = [activation_stats(str(path), "dense", function, outputs(rng)) for path in range(1, count + 1)]
    return Snapshot(run=1, step=1, epoch=0, epoch_progress=0.0, samples_seen=10, samples_per_s=math.nan,
                    learning_rate=0.1, batch_size=10, state="paused", train_loss=1.0, test_loss=1.0, layers=layers)


def test_activations_below_one_are_read_as_they_are(qtbot):
    """batchnorm's sigmoids, all below 1, read "200 400 600 800 (x0.001)" on the activation axis."""
    plot = ActivationPlot()
    qtbot.addWidget(plot)
    plot.resize(560, 260)
    plot.show()
    plot.reset(["1", "2"])
    plot.update_from(layers_snapshot("sigmoid", 2, lambda rng: rng.uniform(0.1, 0.9, size=(8, 64))))
    QApplication.processEvents()
    axis = plot.plot.getAxis("bottom")
    assert axis.autoSIPrefixScale == 1 and "0.001" not in axis.labelString()
    assert {"0.2", "0.4", "0.6", "0.8"} <= {text for text, _ in drawn_tick_labels(axis)}


def test_more_activations_than_a_legend_holds_say_how_their_colours_run(qtbot):
    """No legend layout fitted thirty names at 1280×720: it lost its left columns and covered the histograms. Past
    LEGEND_LIMIT, All layers names none, and the note says how the colours run; one layer chosen names itself."""
    plot = ActivationPlot()
    qtbot.addWidget(plot)
    plot.resize(560, 260)
    plot.show()
    paths = [str(path) for path in range(1, 15)]
    plot.reset(paths)
    plot.update_from(layers_snapshot("relu", 14, lambda rng: numpy.maximum(rng.normal(size=(8, 64)), 0)))
    note = plot.findChild(QLabel, "activationNote")
    assert drawn_layers(plot) == paths and legend_texts(plot) == []
    assert note.text() == "Red (layer 1) to blue (layer 14); choose one to see its dead or saturated share."
    choose_layer(qtbot, plot, "layer 3")
    assert drawn_layers(plot) == ["3"] and legend_texts(plot)[0].startswith("layer 3 · ") and not note.text()


def test_all_layers_are_those_that_give_activations():
    """A nonlinearity's outputs, and what passes them on; not a Dense or Conv2D layer's weighted sums, nor batch
    normalization's, nor what passes those on."""
    def paths(*layers: tuple[str, str]) -> list[str]:
        stats = [activation_stats(str(path), kind, function, numpy.zeros((2, 3)))
                 for path, (kind, function) in enumerate(layers, start=1)]
        return activation_paths(stats)

    linear, batchnorm, sigmoid = ("dense", "linear"), ("batchnorm", "batchnorm"), ("sigmoid", "sigmoid")
    assert paths(linear, batchnorm, sigmoid, linear, batchnorm, sigmoid, linear) == ["3", "6"]
    convolutions = [("conv2d", "relu"), ("maxpool2d", "maxpool2d"), ("flatten", "flatten"), ("dropout", "dropout")]
    assert paths(*convolutions, ("dense", "tanh"), ("softmax", "softmax")) == ["1", "2", "3", "4", "5", "6"]
    assert paths(("dense", "sigmoid"), ("residual", "residual"), ("residual", "residual"), linear) == ["1", "2", "3"]
    assert paths(("flatten", "flatten"), ("conv2d", "linear"), ("maxpool2d", "maxpool2d"), ("relu", "relu"),
                 ("linear", "linear"), ("dropout", "dropout")) == ["4", "5", "6"]
    assert paths(linear, linear) == []  # none: All layers draws them all


def test_every_layer_s_colour_and_name_show_in_the_activations_legend_at_1280_by_720(qtbot):
    """deep-sigmoid's eleven names carry their saturated shares: in three columns they ran past the plot's left
    edge, which cut off layer 1's colour and the start of its name, and inside the plot the histograms ran through
    the names."""
    window = stepped_once_at_1280_by_720(qtbot, "deep-sigmoid", "activation_plot")
    plot = window.activation_plot.plot
    assert "layer 1 · 2% saturated" in {label.text for _, label in plot.plotItem.legend.items}
    assert_legend_beside_the_curves(plot)
    window.close()


def stepped_once_beside_a_lesson_at_1280_by_720(qtbot, view: str):
    """A laptop-sized window with the digits lesson open beside it, whose plot tab `view` shows the first step."""
    from playground.ui import MainWindow

    window = MainWindow("digits-mlp")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    lessons = window.findChild(QMenu, "lessonMenu")
    next(action for action in lessons.actions() if action.text().endswith("(digits-mlp)")).trigger()
    qtbot.waitUntil(lambda: window.lessons.dock.isVisible())
    window.plot_tabs.setCurrentWidget(getattr(window, view))
    qtbot.mouseClick(window.findChild(QPushButton, "stepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1)
    return window


def assert_legend_above_the_curves(plot: pg.PlotWidget) -> None:
    """Every name and colour of the plot's legend in view, whole, and above the view box, where the curves are."""
    QApplication.processEvents()  # the layout settled
    item = plot.getPlotItem()
    plane, visible = item.getViewBox().sceneBoundingRect(), plot.viewport().rect()
    assert len(item.legend.items) == 2
    for sample, label in item.legend.items:
        for part in (sample, label):
            drawn = part.sceneBoundingRect()
            assert drawn.bottom() <= plane.top() and not drawn.intersects(plane), (label.text, drawn, plane)
            assert visible.contains(plot.mapFromScene(drawn).boundingRect()), (label.text, drawn, visible)
        # The whole name shows: its text is no wider than the label it is drawn in.
        assert label.item.boundingRect().width() <= label.boundingRect().width() + 1, label.text


@pytest.mark.parametrize("view", ["loss_plot", "accuracy_plot"])
def test_the_loss_and_accuracy_legends_are_above_their_curves_beside_a_lesson_at_1280_by_720(qtbot, view):
    """The Loss tab's long name of its smoothed curve lay over the curves, inside the view box: above it, no curve
    runs under a name, and the name still says how the curve is smoothed."""
    window = stepped_once_beside_a_lesson_at_1280_by_720(qtbot, view)
    plot = getattr(window, view)
    plot = plot.plot if view == "loss_plot" else plot
    assert_legend_above_the_curves(plot)
    if view == "loss_plot":
        assert "mean of the last 5% of the steps, 20 at least" in legend_texts(window.loss_plot)[0]
    window.close()


def test_the_loss_legend_takes_one_row_in_a_wide_plot_and_a_row_a_name_in_a_narrow_one(qtbot):
    """Names side by side leave the curves the most height; a plot too narrow for them has a name a row, each whole
    and above the curves, and has them side by side again when it is wide again."""
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 300)
    plot.show()
    qtbot.waitExposed(plot)
    legend = plot.plot.getPlotItem().legend

    def rows() -> int:
        return len({round(label.sceneBoundingRect().top()) for _, label in legend.items})

    qtbot.waitUntil(lambda: rows() == 1)
    assert_legend_above_the_curves(plot.plot)
    plot.resize(360, 300)
    qtbot.waitUntil(lambda: rows() == 2)
    assert_legend_above_the_curves(plot.plot)
    plot.resize(900, 300)
    qtbot.waitUntil(lambda: rows() == 1)
    assert_legend_above_the_curves(plot.plot)


def test_a_loss_that_blows_up_is_in_view_at_once(qtbot):
    """A learning rate of 1e9 blows the plane's loss up to about 1e18 by the third step, in one snapshot. pyqtgraph
    leaves the points beyond a million view heights out of a curve's bounds, so the auto-range grew a millionfold a
    snapshot: the axis stopped at 1e12 and the curve ran off its top, the loss it reached nowhere to be read."""
    from playground.ui import MainWindow
    from tests.ui.widgets import click

    window = MainWindow("plane")
    qtbot.addWidget(window)
    window.show()
    rate = window.learning_rate_input
    rate.setFocus()
    rate.lineEdit().selectAll()
    qtbot.keyClicks(rate.lineEdit(), "1e9")
    qtbot.keyClick(rate.lineEdit(), Qt.Key.Key_Return)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "diverged", timeout=20_000)
    qtbot.waitUntil(lambda: window._drawn is window.latest)
    losses = window.latest.history["train_loss"]
    highest = losses[numpy.isfinite(losses)].max()
    assert highest > 1e12  # it blew up by more than a million view heights of its first steps
    bottom, top = window.loss_plot.plot.getViewBox().viewRange()[1]
    assert highest <= top < 2 * highest
    # On the log scale too.
    qtbot.mouseClick(window.loss_plot.log_scale, Qt.MouseButton.LeftButton)
    bottom, top = window.loss_plot.plot.getViewBox().viewRange()[1]
    assert math.log10(highest) <= top
    qtbot.mouseClick(window.loss_plot.log_scale, Qt.MouseButton.LeftButton)  # and back
    bottom, top = window.loss_plot.plot.getViewBox().viewRange()[1]
    assert highest <= top < 2 * highest
    window.close()


def choose_in(qtbot, box: QComboBox, text: str) -> None:
    """Pick `text` from a combo box with the keyboard, as a person would with the list open."""
    box.setFocus()
    while box.currentText() != text:
        step = Qt.Key.Key_Up if box.findText(text) < box.currentIndex() else Qt.Key.Key_Down
        qtbot.keyClick(box, step)


def test_the_loss_axis_says_the_penalty_is_left_out_while_one_is_on(qtbot):
    """The loss drawn is the data's: with L2 on, the optimizer minimizes it plus (l2/2)·ΣW², which the axis called
    "loss" all the same."""
    from playground.ui import MainWindow
    from tests.ui.test_main_window import type_and_enter
    from tests.ui.widgets import click, find
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.plot_tabs.setCurrentWidget(window.loss_plot)
    axis = window.loss_plot.plot.getAxis("left")
    penalty = find(window, QComboBox, "regularizationSelector")

    def step_and_wait() -> None:
        stepped = 1 + (window.latest.step if window.latest is not None else 0)
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == stepped, timeout=10_000)

    step_and_wait()
    assert axis.labelText == "loss"
    choose_in(qtbot, penalty, "L2")
    type_and_enter(qtbot, find(window, QComboBox, "regularizationRateInput"), "0.01")
    step_and_wait()
    assert window.latest.optimizer.l2 > 0
    assert axis.labelText == "data loss (L2 penalty not included)"
    shown = axis.label.mapRectToItem(axis, axis.label.boundingRect())  # whole along the axis, not cut at its top
    assert -1 <= shown.top() and shown.bottom() <= axis.size().height() + 1  # to its pixel's rounding
    choose_in(qtbot, penalty, "L1")
    step_and_wait()
    assert axis.labelText == "data loss (L1 penalty not included)"
    choose_in(qtbot, penalty, "none")
    step_and_wait()
    assert axis.labelText == "loss"
    window.close()
