"""Curves over steps are drawn with the points their pixel columns show: the same picture, spikes and the newest
point included, and the points a zoom brings apart."""

import dataclasses

import numpy
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

import playground.ui.thinned_curves
from playground.ui.plot_parts import smoothed_loss, smoothed_norm
from playground.ui.plots import GradientPlot, LossPlot
from playground.ui.thinned_curves import thinned
from tests.ui.test_plots import short_run, shown_loss_plot

SPIKE = 40.0


def long_history(seed: int = 0) -> dict[str, numpy.ndarray]:
    """A long run's history as the session keeps it: every one of the first 500 steps, then points further and
    further apart, 2000 in all; a spike in the training loss late in the run, and test losses at half the points."""
    rng = numpy.random.default_rng(seed)
    steps = numpy.r_[numpy.arange(1, 501), numpy.geomspace(501, 90_000, 1500).round()]
    losses = 2 * numpy.exp(-steps / 10_000) + 0.2 + 0.3 * rng.random(len(steps))
    losses[1700] = SPIKE
    tested = rng.random(len(steps)) < 0.5
    tested[-1] = True
    return {"step": steps, "train_loss": losses, "test_loss": numpy.where(tested, losses * 1.1, numpy.nan),
            "grad_norm/1.W": numpy.exp(rng.normal(size=len(steps))), "grad_norm/2.W": 0.1 + rng.random(len(steps))}


@pytest.fixture(scope="module")
def snapshot():
    """A snapshot of a real run, with the history of a long one."""
    history = long_history()
    return dataclasses.replace(short_run("circle", 1)[-1], step=int(history["step"][-1]), history=history)


def drawn(curve: pg.PlotDataItem) -> tuple[numpy.ndarray, numpy.ndarray]:
    steps, values = curve.getData()
    return steps, values


def pixels(plot: LossPlot) -> numpy.ndarray:
    image = plot.plot.grab().toImage()  # kept while its pixels are read: the array is a view of them
    return pg.functions.ndarray_from_qimage(image).astype(int)


def test_a_spike_and_the_newest_point_of_a_long_loss_history_are_drawn_with_a_few_hundred_points(qtbot, snapshot):
    plot = shown_loss_plot(qtbot)
    plot.update_from(snapshot)
    history = snapshot.history
    steps, losses = drawn(plot.raw_train_curve)
    assert len(steps) < len(history["step"]) / 2  # the first 500 steps share a few pixels
    assert losses.max() == SPIKE and steps[losses.argmax()] == history["step"][1700]
    assert (steps[-1], losses[-1]) == (history["step"][-1], history["train_loss"][-1])
    steps, smoothed = drawn(plot.train_curve)
    assert (steps[-1], smoothed[-1]) == (history["step"][-1], smoothed_loss(history["step"], history["train_loss"])[-1])
    assert smoothed.max() == smoothed_loss(history["step"], history["train_loss"]).max()
    steps, tested = drawn(plot.test_curve)
    assert (steps[-1], tested[-1]) == (history["step"][-1], history["test_loss"][-1])
    assert tested.max() == numpy.nanmax(history["test_loss"])


def test_a_thinned_loss_plot_looks_as_one_drawn_with_every_point(qtbot, snapshot, monkeypatch):
    plot = shown_loss_plot(qtbot)
    plot.update_from(snapshot)
    thin = pixels(plot)
    monkeypatch.setattr(playground.ui.thinned_curves, "thinned", lambda steps, values, *_columns: (steps, values))
    whole = shown_loss_plot(qtbot)
    whole.update_from(snapshot)
    assert len(drawn(whole.raw_train_curve)[0]) == len(snapshot.history["step"])
    assert thin.shape == pixels(whole).shape
    differ = numpy.abs(thin - pixels(whole)).max(axis=-1) > 64
    # Where a wide line's segments meet in a crowded column they join a pixel apart; nowhere else.
    assert differ.sum() < 0.001 * differ.size, differ.sum()


def test_zooming_in_draws_every_point_the_zoom_brings_apart(qtbot, snapshot):
    plot = shown_loss_plot(qtbot)
    plot.update_from(snapshot)
    steps = snapshot.history["step"]
    assert not set(steps[100:140]) <= set(drawn(plot.raw_train_curve)[0])  # the first steps share a pixel column
    view = plot.plot.getViewBox()
    # The wheel, turned forward over the plot's left edge: zoomed in on the first steps.
    at = QPointF(plot.plot.mapFromScene(view.mapViewToScene(QPointF(120, 1.0))))
    for _ in range(40):
        QApplication.sendEvent(plot.plot.viewport(), QWheelEvent(
            at, plot.plot.viewport().mapToGlobal(at), QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    (left, right), _ = view.viewRange()
    assert left < 100 and right < 150, (left, right)
    assert set(steps[100:140]) <= set(drawn(plot.raw_train_curve)[0])


def test_each_layer_s_gradient_curve_keeps_its_newest_norm_and_its_largest(qtbot, snapshot):
    plot = GradientPlot()
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    plot.reset(["1", "2"])
    plot.update_from(snapshot)
    history = snapshot.history
    for path in ("1", "2"):
        smoothed = smoothed_norm(history["step"], history[f"grad_norm/{path}.W"])
        steps, logs = drawn(plot.curves[path])
        assert len(steps) < len(history["step"]) / 2
        assert steps[-1] == history["step"][-1] and 10 ** logs[-1] == pytest.approx(smoothed[-1], rel=1e-12)
        assert 10 ** logs.max() == pytest.approx(smoothed.max(), rel=1e-12)


def test_thinning_keeps_each_pixel_column_s_first_last_lowest_and_highest_point():
    steps = numpy.arange(20.0)
    values = numpy.array([5, 1, 9, 3, 4, 4, 0, 7, 2, 6, 8, 7, 1, 3, 5, 2, 9, 0, 4, 6], dtype=float)
    kept_steps, kept = thinned(steps, values, start=0.0, column_width=5.0)  # columns of 5 steps
    assert list(kept_steps) == [0, 1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 16, 17, 19]
    assert list(kept) == list(values[kept_steps.astype(int)])
    assert thinned(steps, values, start=0.0, column_width=0.5)[0].tolist() == steps.tolist()  # a column a point


def early(snapshot, points: int):
    """The same run when its history had its first `points` points."""
    history = {name: values[:points] for name, values in snapshot.history.items()}
    return dataclasses.replace(snapshot, step=int(history["step"][-1]), history=history)


@pytest.mark.parametrize("kind", ["loss", "gradients"])
def test_a_snapshot_that_widens_the_step_axis_sets_each_curve_once(qtbot, snapshot, monkeypatch, kind):
    """The step axis widens (new columns: every curve is thinned again) in the same update that brings the new
    series: each curve is thinned and set once, to its new series, not its old one first."""
    if kind == "loss":
        plot = shown_loss_plot(qtbot)
        curves = [plot.raw_train_curve, plot.train_curve, plot.test_curve]
    else:
        plot = GradientPlot()
        qtbot.addWidget(plot)
        plot.resize(600, 300)
        plot.show()
        plot.reset(["1", "2"])
        curves = list(plot.curves.values())
    plot.update_from(early(snapshot, 1000))
    end = plot.steps.end
    sets = {curve: 0 for curve in curves}
    for curve in curves:
        def counted(*args, curve=curve, set_data=curve.setData, **kwargs):
            sets[curve] += 1
            return set_data(*args, **kwargs)
        monkeypatch.setattr(curve, "setData", counted)
    plot.update_from(snapshot)
    assert plot.steps.end > end  # widened
    assert list(sets.values()) == [1] * len(curves)
    assert all(drawn(curve)[0][-1] == snapshot.history["step"][-1] for curve in curves)
