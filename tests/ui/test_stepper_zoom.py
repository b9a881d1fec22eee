"""Reading one number of a wide matrix in the stepper: the digits MLP's 64×200 W and ∂L/∂W, a cell 0.9 pixels
across, zoomed with the wheel until its cells carry their numbers, the matrices of one shape zoomed together
into the update, the picked cell outlined at any size, and one weight followed through the update. Events are
sent to the views' viewports as a mouse sends them; the numbers read are the trace's."""

import numpy
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from playground.ui.stepper.matrix_view import DARK_INK, PICKED_MIN_PX, MatrixView, cell_text
from playground.ui.stepper.notation import number
from tests.ui.test_stepper import panel_for, traced, value, view_named

FORWARD_1, BACKWARD_1, UPDATE = 0, 4, 5  # the digits MLP's phases through its 200-unit layer, and the update


@pytest.fixture(scope="module")
def digits():
    return traced("digits-mlp", 64)


def at_cell(view: MatrixView, row: float, column: float) -> QPoint:
    """Where the middle of cell (row, column) is on the view's viewport."""
    return view.graphics.mapFromScene(view.box.mapViewToScene(QPointF(column + 0.5, row + 0.5)))


def wheel(view: MatrixView, row: int, column: int, notches: int) -> None:
    """Turn the wheel `notches` notches away from the user (in) or towards (out, negative) over the cell."""
    viewport = view.graphics.viewport()
    for _ in range(abs(notches)):
        pos = QPointF(at_cell(view, row, column))
        QApplication.sendEvent(viewport, QWheelEvent(
            pos, QPointF(viewport.mapToGlobal(pos)), QPoint(), QPoint(0, 120 if notches > 0 else -120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
        QApplication.processEvents()


def hover(view: MatrixView, row: int, column: int) -> None:
    """QTest.mouseMove is unreliable on the offscreen platform: the move is sent as the mouse sends it."""
    viewport, pos = view.graphics.viewport(), QPointF(at_cell(view, row, column))
    QApplication.sendEvent(viewport, QMouseEvent(QEvent.Type.MouseMove, pos, QPointF(viewport.mapToGlobal(pos)),
                                                 Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                                 Qt.KeyboardModifier.NoModifier))


def click(qtbot, view: MatrixView, row: int, column: int, double: bool = False) -> None:
    """A click, or a double click as the mouse sends it (a click, then a second press that comes as a double
    click, and its release: QTest.mouseDClick leaves out the first click)."""
    viewport, pos = view.graphics.viewport(), at_cell(view, row, column)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    if double:
        for kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease):
            buttons = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonDblClick else Qt.MouseButton.NoButton
            QApplication.sendEvent(viewport, QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
                                                         Qt.MouseButton.LeftButton, buttons,
                                                         Qt.KeyboardModifier.NoModifier))


def test_the_wheel_zooms_a_wide_matrix_around_the_pointer_until_its_cells_show_their_numbers(qtbot, digits):
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(BACKWARD_1)
    view = view_named(panel, "∂L/∂W")
    assert view.matrix.values.shape == (64, 200) and view.cell_px[0] < 2 and not view.shows_numbers
    wheel(view, 42, 73, 14)
    qtbot.waitUntil(lambda: view.shows_numbers)
    assert view.cell_at(view.graphics.mapToScene(at_cell(view, 42, 73))) == (42, 73)  # still under the pointer
    rows, columns = view.numbers.in_view()
    assert rows.start <= 42 < rows.stop and columns.start <= 73 < columns.stop
    assert view.title.text() == f"∂L/∂W[{rows.start}–{rows.stop - 1}, {columns.start}–{columns.stop - 1}]"
    gradient = next(record for record in trace.backward if record.path == "1").param_grads["W"]
    assert view.numbers.visible_texts() == [[cell_text(float(v)) for v in row] for row in gradient[rows, columns]]
    hover(view, 42, 73)
    qtbot.waitUntil(lambda: panel.hover.text().startswith("∂L/∂W[42, 73] = "))
    assert QToolTip.text() == panel.hover.text()  # beside the pointer too
    assert value(panel.hover.text().split(" = ")[1]) == pytest.approx(float(gradient[42, 73]), rel=1e-3)
    wheel(view, 42, 73, -20)
    qtbot.waitUntil(lambda: view.title.text() == "∂L/∂W  (64×200)")
    assert not view.shows_numbers


def test_matrices_of_one_shape_zoom_together_and_stay_zoomed_into_the_update(qtbot, digits):
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(BACKWARD_1)
    wheel(view_named(panel, "∂L/∂W"), 10, 150, 10)
    region = view_named(panel, "∂L/∂W").box.viewRect()
    assert view_named(panel, "∂L/∂a").title.text() == "∂L/∂a  (200×64)"  # another shape: left whole
    panel.go_to(UPDATE)
    QApplication.processEvents()
    views = [view for view in panel.views if view.isVisible()]
    assert [view.matrix.name for view in views] == ["W before", "∂L/∂W", "v", "ΔW", "W after"]
    for view in views:
        shown = view.box.viewRect()
        assert shown.center().x() == pytest.approx(region.center().x(), abs=0.5), view.matrix.name
        assert shown.center().y() == pytest.approx(region.center().y(), abs=0.5), view.matrix.name
        assert view.title.text().startswith(f"{view.matrix.name}[")
    click(qtbot, views[3], 10, 150, double=True)  # a double click shows them whole again
    qtbot.waitUntil(lambda: all(view.title.text().endswith("(64×200)") for view in views))


def test_the_picked_weight_is_outlined_larger_than_its_cell(qtbot, digits):
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(BACKWARD_1)
    view = view_named(panel, "∂L/∂W")
    click(qtbot, view, 30, 120)
    qtbot.waitUntil(lambda: (panel.chain_row.value(), panel.chain_column.value()) == (30, 120))
    QApplication.processEvents()
    assert max(view.cell_px) < 2
    picture, centre = view.graphics.grab().toImage(), at_cell(view, 30, 120)
    dark = [(x, y) for x in range(centre.x() - 8, centre.x() + 9) for y in range(centre.y() - 8, centre.y() + 9)
            if QColor(picture.pixel(x, y)) == DARK_INK]
    # A ring at least PICKED_MIN_PX across: dark pixels that far apart on both axes, not a dot.
    assert max(x for x, _ in dark) - min(x for x, _ in dark) >= PICKED_MIN_PX - 1
    assert max(y for _, y in dark) - min(y for _, y in dark) >= PICKED_MIN_PX - 1


def test_a_weight_clicked_in_the_update_is_followed_from_before_to_after(qtbot, digits):
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)
    panel.go_to(BACKWARD_1)
    click(qtbot, view_named(panel, "∂L/∂W"), 5, 17)
    qtbot.waitUntil(lambda: (panel.chain_row.value(), panel.chain_column.value()) == (5, 17))
    panel.go_to(UPDATE)
    QApplication.processEvents()
    update = next(update for update in trace.updates if update.name == "1.W")

    def followed(row: int, column: int) -> str:
        return (f"W[{row}, {column}]: W before = {number(float(update.before[row, column]))}, "
                f"∂L/∂W = {number(float(update.terms['grad'][row, column]))}, "
                f"v = {number(float(update.terms['velocity'][row, column]))}, "
                f"ΔW = {number(float(update.change[row, column]))}, "
                f"W after = {number(float(update.after[row, column]))}. ")

    views = [view for view in panel.views if view.isVisible()]
    assert panel.hover.text().startswith(followed(5, 17))  # the weight taken apart in the backward phase
    click(qtbot, view_named(panel, "ΔW"), 60, 190)
    qtbot.waitUntil(lambda: panel.hover.text().startswith(followed(60, 190)))
    for view in views:
        assert view.marker.isVisible() and view.marker.rect().topLeft() == QPointF(190, 60), view.matrix.name
    assert not numpy.isclose(update.change[60, 190], 0)


def test_the_weight_to_take_apart_is_outlined_in_w_in_the_forward_phase_where_a_click_picks_another(qtbot, digits):
    spec, trace = digits
    panel = panel_for(qtbot, spec, trace)  # at the forward phase of the 200-unit layer, nothing picked yet
    weights = view_named(panel, "W")
    gradient = next(record for record in trace.backward if record.path == "1").param_grads["W"]
    largest = numpy.unravel_index(numpy.argmax(numpy.abs(gradient)), gradient.shape)
    assert weights.marker.isVisible() and weights.marker.rect().topLeft() == QPointF(largest[1], largest[0])
    assert not any(view.marker.isVisible() for view in panel.views if view.isVisible() and view is not weights)
    panel.go_to(BACKWARD_1)
    click(qtbot, view_named(panel, "∂L/∂W"), 30, 120)
    qtbot.waitUntil(lambda: (panel.chain_row.value(), panel.chain_column.value()) == (30, 120))
    panel.go_to(FORWARD_1)
    assert weights.marker.isVisible() and weights.marker.rect().topLeft() == QPointF(120, 30)
    assert "click a cell of W" in panel.hover.text()
    clicked = weights.cell_at(weights.graphics.mapToScene(at_cell(weights, 7, 33)))
    click(qtbot, weights, 7, 33)
    qtbot.waitUntil(lambda: weights.marker.rect().topLeft() == QPointF(clicked[1], clicked[0]))
    panel.go_to(BACKWARD_1)
    assert (panel.chain_row.value(), panel.chain_column.value()) == clicked  # the weight taken apart
    assert view_named(panel, "∂L/∂W").marker.rect().topLeft() == QPointF(clicked[1], clicked[0])
