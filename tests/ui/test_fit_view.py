"""The fit of a regression with no plane of inputs, in the decision boundary's place: the sine wave's points and
the prediction as a curve over x, a table's predictions against the truth in the target's own units; it moves
as the network trains, draws what the network predicts, reads the typical error as the Metrics tab does, and
shows the run in use or nothing."""

import dataclasses
import re

import numpy
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel

from playground.ui import MainWindow
from tests.ui.test_image_layers import choose_dataset
from tests.ui.test_main_window import type_and_enter
from tests.ui.test_run_views import show_tab, train_then_pause
from tests.ui.widgets import click, find, type_stop_at


def open_window(qtbot, preset: str) -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def choose_house_prices(window, tmp_path, monkeypatch) -> None:
    """A CSV file of 1,600 house prices, picked in the data panel: more training rows than the session's sample of
    1,000, so that the rows drawn are a sample of the split, not its first rows."""
    rng = numpy.random.default_rng(0)
    area, rooms = rng.uniform(40, 200, 1600), rng.integers(1, 7, 1600)
    price = 50_000 + 2_000 * area + 10_000 * rooms + rng.normal(0, 20_000, 1600)
    path = tmp_path / "houses.csv"
    path.write_text("area,rooms,price\n" + "".join(f"{a:.1f},{r},{p:.0f}\n" for a, r, p in zip(area, rooms, price)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    choose_dataset(window, "csv")
    assert window.dataset.task == "regression" and len(window.dataset.x_train) == 1280


def drawn(item) -> tuple[numpy.ndarray, numpy.ndarray]:
    x, y = item.getData()
    return (numpy.array([]), numpy.array([])) if x is None else (numpy.asarray(x), numpy.asarray(y))


def readout(window) -> str:
    return find(window, QLabel, "fitReadout").text()


def test_a_regression_without_a_plane_shows_its_fit_in_the_boundarys_place(qtbot):
    window = open_window(qtbot, "circle")
    assert window.boundary_view.isVisible() and not window.fit_view.isVisible()
    choose_dataset(window, "sine")
    assert window.fit_view.isVisible() and not window.boundary_view.isVisible()
    x, y = drawn(window.fit_view.points)  # the training points, as (x, y), before any training
    assert numpy.allclose(x, window.dataset.points_train[:, 0]) and numpy.allclose(y, window.dataset.y_train[:, 0])
    assert window.fit_view.plot.getAxis("left").labelText == "y"
    choose_dataset(window, "diabetes")
    assert window.fit_view.isVisible() and not window.boundary_view.isVisible()
    plot = window.fit_view.plot
    assert plot.width() == plot.height() >= 250  # predicted against true: a square, the diagonal at 45°
    assert plot.getAxis("bottom").labelText == "true disease progression"
    assert plot.getAxis("left").labelText == "predicted disease progression"
    choose_dataset(window, "circle")
    assert window.boundary_view.isVisible() and not window.fit_view.isVisible()
    window.close()


def test_the_curve_over_x_is_the_networks_prediction_and_moves_as_it_trains(qtbot):
    window = open_window(qtbot, "circle")
    choose_dataset(window, "sine")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 1, timeout=10_000)
    _, first = drawn(window.fit_view.curve)
    assert len(first) == 50
    train_then_pause(qtbot, window, steps=500)
    x, later = drawn(window.fit_view.curve)
    assert numpy.abs(later - first).max() > 0.1  # it moved, towards the sine wave
    session = window.training.worker.session
    predicted = session.network.predict(x[:, None])[:, 0]  # the one feature, x1, is x as it is
    assert numpy.allclose(later, predicted, atol=1e-5)
    assert re.fullmatch(r"Typical error on the test data [\d.]+ \(R² -?[\d.]+\), on the training data [\d.]+",
                        readout(window))
    shown = window.latest
    window.fit_view.update_from(dataclasses.replace(shown, boundary=shown.boundary + 100.0))  # far above the chart
    assert readout(window).splitlines()[1].startswith("The prediction leaves the chart: it spans ")
    window.close()


def test_predicted_against_true_is_the_networks_in_the_targets_units_and_reads_as_the_metrics_tab(qtbot):
    window = open_window(qtbot, "linear-regression")
    type_stop_at(qtbot, window, "2")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "paused"
                    and window._drawn is window.latest, timeout=20_000)
    dataset, fit = window.dataset, window.latest.fit
    mean, std = dataset.target_scale
    session = window.training.worker.session
    true, predicted = drawn(window.fit_view.test_points)
    assert len(true) == len(dataset.x_test)  # the whole test split: 88 examples
    assert numpy.allclose(true, dataset.y_test[fit.test_rows, 0] * std + mean)
    network = session.network.predict(dataset.x_test[fit.test_rows])[:, 0] * std + mean
    assert numpy.allclose(predicted, network, rtol=1e-5) and 25 < true.min() and true.max() < 346
    true, predicted = drawn(window.fit_view.points)
    assert numpy.allclose(predicted, session.network.predict(dataset.x_train[fit.train_rows])[:, 0] * std + mean,
                          rtol=1e-5)
    show_tab(qtbot, window, window.metrics_view)
    summary = find(window, QLabel, "metricsSummary").text()
    error = re.search(r"is ([\d,.]+), in the target's own units", summary).group(1)
    assert readout(window).startswith(f"Typical error on the test data {error} (R² ")
    window.close()


def test_reset_and_other_data_clear_the_fit(qtbot):
    window = open_window(qtbot, "linear-regression")
    train_then_pause(qtbot, window, steps=50)
    assert len(drawn(window.fit_view.points)[0]) == 300 and "Typical error" in readout(window)
    trained = drawn(window.fit_view.points)[1]
    click(qtbot, window, "resetButton")  # a new run: its fresh network's predictions, not the trained one's
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step == 0, timeout=10_000)
    fresh = drawn(window.fit_view.points)[1]
    dataset, rows = window.dataset, window.latest.fit.train_rows
    mean, std = dataset.target_scale
    network = window.training.worker.session.network.predict(dataset.x_train[rows])[:, 0] * std + mean
    assert numpy.allclose(fresh, network, rtol=1e-5) and not numpy.allclose(fresh, trained)
    choose_dataset(window, "sine")
    train_then_pause(qtbot, window, steps=50)
    assert len(drawn(window.fit_view.curve)[0]) == 50
    click(qtbot, window, "addLayerButton")  # an edit of the network drops the run: nothing of it is drawn
    assert window.latest is None
    assert len(drawn(window.fit_view.curve)[0]) == 0 and "Typical error" not in readout(window)
    assert len(drawn(window.fit_view.points)[0]) == len(window.dataset.x_train)  # the points are data: they stay
    train_then_pause(qtbot, window, steps=50)
    choose_dataset(window, "diabetes")  # other data: no prediction of a network trained on the sine wave
    assert window.fit_view.isVisible() and len(drawn(window.fit_view.points)[0]) == 0
    assert len(drawn(window.fit_view.curve)[0]) == 0 and "Typical error" not in readout(window)
    window.close()


@pytest.mark.parametrize("data", ["sine", "csv"])
def test_clicking_a_training_point_steps_through_that_example(qtbot, tmp_path, monkeypatch, data):
    window = open_window(qtbot, "circle")
    if data == "csv":
        choose_house_prices(window, tmp_path, monkeypatch)
        assert window.fit_view.plot.getAxis("bottom").labelText == "true price"
    else:
        choose_dataset(window, data)
    train_then_pause(qtbot, window, steps=20)
    view, dataset, rows = window.fit_view, window.dataset, window.latest.fit.train_rows
    x, y = drawn(view.points)
    if data == "csv":  # in dollars, each at its own row of the training split
        mean, std = dataset.target_scale
        assert len(x) == 300 and numpy.allclose(x, dataset.y_train[rows, 0] * std + mean) and x.min() > 50_000
        assert not numpy.array_equal(rows, numpy.arange(300))

    def pixel(k: int) -> numpy.ndarray:
        where = view.plot.mapFromScene(view.plot.getViewBox().mapViewToScene(pg.Point(float(x[k]), float(y[k]))))
        return numpy.array([where.x(), where.y()])

    k = 7
    with qtbot.waitSignal(view.example_clicked) as clicked:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(
            view.plot.getViewBox().mapViewToScene(pg.Point(float(x[k]), float(y[k])))))
    row = clicked.args[0]
    # The point clicked, or a neighbour under the pointer with it: the sine's 250 points lie a pixel or two apart.
    picked = row if data == "sine" else int(numpy.flatnonzero(rows == row)[0])
    assert numpy.hypot(*(pixel(picked) - pixel(k))) < 6
    qtbot.waitUntil(lambda: window.stepper.trace is not None and window.stepper.trace.forward[0].input.shape[1] == 1,
                    timeout=10_000)
    assert numpy.allclose(window.stepper.trace.forward[0].input[:, 0], dataset.x_train[row])
    window.close()


def test_a_diverged_fit_reads_its_r_squared_in_a_few_digits(qtbot):
    """The linear-regression lesson's learning rate of 1 diverges, as it says: the fit's line then read
    "R² -11114551326607684.00", seventeen digits where the losses beside it read 1.2e+16."""
    window = open_window(qtbot, "linear-regression")
    type_and_enter(qtbot, find(window, QComboBox, "learningRateInput"), "1")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "diverged"
                    and window._drawn is window.latest, timeout=20_000)
    r_squared = re.search(r"\(R² (\S+)\)", readout(window)).group(1)
    assert float(r_squared) < -1000 and len(r_squared) <= 8, readout(window)
    # The chart keeps the data's range: its predictions, about 1e8, drew nothing there, and the readout says so.
    low, high = window.fit_view.plot.getViewBox().viewRange()[1]
    predicted = drawn(window.fit_view.points)[1]
    assert numpy.all((predicted < low) | (predicted > high))
    assert readout(window).splitlines()[1].startswith(f"All {len(predicted)} training predictions lie off the chart, "
                                                      "from ")
    window.close()


def test_a_fit_within_the_chart_says_nothing_of_it_and_one_mostly_off_says_how_many_are_off(qtbot):
    window = open_window(qtbot, "linear-regression")
    train_then_pause(qtbot, window, 20)
    assert "Typical error" in readout(window) and "off the chart" not in readout(window)
    fit = window.latest.fit
    far = fit.train_predicted.copy()
    off = len(far) // 2 + 1
    far[:off] = 1e6  # standardized: millions of times the target's spread
    window.fit_view.update_from(dataclasses.replace(window.latest, fit=dataclasses.replace(fit, train_predicted=far)))
    assert readout(window).splitlines()[1].startswith(f"{off} of the {len(far)} training predictions lie off the chart")
    far[:off - 1] = fit.train_predicted[:off - 1]  # most in view: what is off is seen going off
    window.fit_view.update_from(dataclasses.replace(window.latest, fit=dataclasses.replace(fit, train_predicted=far)))
    assert "off the chart" not in readout(window)
    window.close()
