"""The window on the screens a learner has: at 1280×720 and 1400×900 nothing is cut off, whether
training or stepping through every phase of a step, and no button moves from phase to phase; the
decision boundary is a large square; the whole window fits 1024×700; the layer a problem names stays
in view beside the property editor.

A widget is cut off when the size it asks for (the height its text takes at its width, for text that
wraps) does not fit the part of it that shows: squeezed by a layout, or hidden behind a scroll area's
edge."""

import math
import os

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QSplitter,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from playground.ui import MainWindow
from playground.ui.stepper.matrix_view import MatrixView
from tests.ui.test_builder import select_row
from tests.ui.widgets import click, find

SCREENS = [(1280, 720), (1400, 900)]
CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QListWidget)  # what a person clicks


@pytest.fixture(autouse=True)
def remembered_layouts(tmp_path):
    """A settings file of the test's own, as the app has one: windows remember their layout in it."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    organization = QCoreApplication.organizationName()
    QCoreApplication.setOrganizationName("Backprop Playground layout tests")
    yield
    QCoreApplication.setOrganizationName(organization)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])


def open_window(qtbot, preset: str, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    return window


def settled(window: MainWindow) -> MainWindow:
    """The window once the layouts have followed the texts and widgets just changed (they do so from
    events posted to the event loop, a few rounds deep)."""
    for _ in range(4):
        QApplication.processEvents()
    return window


def wraps(widget: QWidget) -> bool:
    return isinstance(widget, QTextEdit) or isinstance(widget, QLabel) and widget.wordWrap()


def needed(widget: QWidget) -> QSize:
    """The size a widget asks for; for text that wraps, its whole width and the height its lines take there."""
    if isinstance(widget, QTextEdit):  # every line, without a scroll bar
        document = widget.document().clone()
        document.setTextWidth(widget.viewport().width())
        return QSize(widget.width(), math.ceil(document.size().height()) + 2 * widget.frameWidth())
    if wraps(widget):
        return QSize(widget.width(), widget.heightForWidth(widget.width()))
    if isinstance(widget, MatrixView):  # its title, and the least its heatmap is drawn in
        return widget.minimumSizeHint()
    return widget.sizeHint()


def too_wide(widget: QWidget) -> bool:
    """Rich text whose table is wider than the widget, so that its right side is cut off."""
    if not wraps(widget) or (isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText):
        return False
    document = QTextDocument()
    document.setDefaultFont(widget.font())
    document.setHtml(widget.text() if isinstance(widget, QLabel) else widget.toHtml())
    document.setTextWidth(widget.width())
    return document.size().width() > widget.width() + 1


def numbers_overflow(view: MatrixView) -> bool:
    """Numbers written in a heatmap's cells that are wider than the cells."""
    if not view.shows_numbers:
        return False
    font = QFont()
    font.setPixelSize(view.numbers.font_px(*view.cell_px))
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(text) for row in view.numbers.visible_texts() for text in row)
    return widest > view.cell_px[0]


def cut_off(window: MainWindow, tabs_may_scroll: bool = False) -> list[str]:
    """Every shown label, text, control or heatmap that does not show all of itself, and every row of tabs
    that hides some of them behind its arrows (unless `tabs_may_scroll`)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):
            if not tabs_may_scroll and widget.tabRect(widget.count() - 1).right() >= widget.width():
                found.append(f"the tabs scroll: {widget.tabText(widget.count() - 1)} is hidden")
            continue
        if isinstance(widget.parent(), QTabBar):  # its arrows
            continue
        if not isinstance(widget, (QLabel, QTextEdit, MatrixView, *CONTROLS)):
            continue
        if isinstance(widget, QListWidget):  # a list may scroll; the phase in focus must show
            item = widget.currentItem()
            if item is not None and not widget.viewport().rect().contains(widget.visualItemRect(item)):
                found.append(f"{widget.objectName()}: the current item '{item.text()}' is out of view")
            continue
        shown, asked = widget.visibleRegion().boundingRect().size(), needed(widget)
        text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else widget.objectName()
        name = f"{type(widget).__name__} {text[:60]!r}"
        if shown.width() < asked.width() or shown.height() < asked.height():
            found.append(f"{name}: shows {shown.width()}×{shown.height()} of {asked.width()}×{asked.height()}")
        elif too_wide(widget):
            found.append(f"{name}: its text is wider than its {widget.width()} pixels")
        elif isinstance(widget, MatrixView) and numbers_overflow(widget):
            found.append(f"{name} {widget.matrix.name}: its numbers are wider than its cells")
    return found


def control_places(window: MainWindow) -> dict[QWidget, tuple[QPoint, QSize]]:
    return {widget: (widget.mapTo(window, QPoint(0, 0)), widget.size())
            for widget in window.findChildren(QWidget) if isinstance(widget, CONTROLS) and widget.isVisible()}


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("preset", ["circle", "digits-mlp", "residual", "digits-cnn"])
def test_every_phase_of_a_step_shows_whole_and_no_button_moves(qtbot, preset, size):
    window = open_window(qtbot, preset, size)
    assert cut_off(settled(window)) == []
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    click(qtbot, window, "stepperCheckButton")  # its result, for every phase, shows whole too
    qtbot.waitUntil(lambda: window.stepper.check_report is not None and not window.stepper.checker.running,
                    timeout=60_000)
    first = control_places(settled(window))
    titles = window.stepper.phases()
    for index, title in enumerate(titles):
        assert window.stepper.current_phase() == index
        assert (problems := cut_off(settled(window))) == [], f"{title}: " + "\n".join(problems)
        for widget, place in control_places(window).items():
            if widget in first:
                assert place == first[widget], f"{title}: {type(widget).__name__} {widget.objectName()} moved"
        if index < len(titles) - 1:
            click(qtbot, window, "stepperNextButton")
    window.close()


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("preset, phase, name", [
    ("linear-regression", "Backward · layer 1 (Dense 1 linear)", "∂L/∂W"),  # 10×1
    ("digits-mlp", "Backward · layer 2 (Dense 10 linear)", "∂L/∂b"),  # a bias of ten
])
def test_a_small_column_shows_its_numbers(qtbot, preset, phase, name, size):
    window = open_window(qtbot, preset, size)
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    while window.stepper.phases()[window.stepper.current_phase()] != phase:
        click(qtbot, window, "stepperNextButton")
    view = next(view for view in window.findChildren(MatrixView)
                if view.isVisible() and view.title.text().startswith(f"{name}  "))
    settled(window)
    assert view.matrix.values.shape[1] == 1 and view.shows_numbers, view.cell_px
    assert cut_off(window) == []
    window.close()


@pytest.mark.parametrize("size", SCREENS)
def test_a_divergence_and_its_advice_show_whole_in_the_status_bar(qtbot, size):
    window = open_window(qtbot, "plane", size)  # a regression: a huge learning rate blows its loss up
    rate = find(window, QComboBox, "learningRateInput")
    rate.setFocus()
    rate.lineEdit().selectAll()
    qtbot.keyClicks(rate.lineEdit(), "1e9")
    qtbot.keyClick(rate.lineEdit(), Qt.Key.Key_Return)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "diverged", timeout=20_000)
    message = window.statusBar().currentMessage()
    assert message.endswith("turn on gradient clipping, then resume.")
    shown = find(window, QLabel, "statusMessage")
    assert shown.text() == message
    assert cut_off(settled(window)) == []
    window.close()


@pytest.mark.parametrize("size", SCREENS)
def test_the_decision_boundary_is_the_largest_square_on_the_output_side(qtbot, size):
    window = open_window(qtbot, "circle", size)
    plot = window.boundary_view.plot
    assert plot.width() == plot.height() >= 250
    assert plot.height() > window.plot_tabs.height()
    assert window.boundary_view.plot.getViewBox().viewRange()[0][0] == pytest.approx(-6.24, abs=0.1)
    window.close()


@pytest.mark.parametrize("size", SCREENS)
def test_the_fit_of_a_regression_takes_the_boundarys_room_and_folds_away_while_stepping(qtbot, size):
    window = open_window(qtbot, "linear-regression", size)
    plot = window.fit_view.plot
    assert plot.width() == plot.height() >= 250
    assert plot.height() > window.plot_tabs.height()
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window._drawn is not None and window._drawn.step > 100, timeout=10_000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest.state == "paused" and window._drawn is window.latest, timeout=10_000)
    assert "Typical error" in find(window, QLabel, "fitReadout").text()
    assert cut_off(settled(window)) == []
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    assert not window.fit_view.isVisible() and window.plot_tabs.width() > size[0] / 2
    click(qtbot, window, "stepperDiscardButton")
    assert window.fit_view.isVisible() and plot.width() == plot.height() >= 250
    window.close()


def test_while_stepping_the_stepper_takes_the_output_side_and_gives_it_back(qtbot):
    window = open_window(qtbot, "circle", (1280, 720))
    columns = window.splitter.sizes()
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    assert not window.boundary_view.isVisible() and not window.data_panel.isVisible()
    assert window.network_view.isVisible()  # it lights the layer in focus
    assert window.plot_tabs.width() > 1280 / 2
    window.plot_tabs.setCurrentWidget(window.loss_plot)  # a look at the loss: the picture is back
    assert window.boundary_view.isVisible() and window.splitter.sizes() == columns
    window.plot_tabs.setCurrentWidget(window.stepper)
    assert not window.boundary_view.isVisible()
    click(qtbot, window, "stepperDiscardButton")
    assert window.boundary_view.isVisible() and window.data_panel.isVisible()
    assert window.splitter.sizes() == columns
    window.close()


def test_closing_while_stepping_remembers_the_layout_of_training(qtbot):
    window = open_window(qtbot, "circle", (1280, 720))
    columns, outputs = window.splitter.sizes(), window.output_panel.sizes()
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    window.close()
    again = open_window(qtbot, "circle", (1280, 720))
    # As they were, but for a pixel or two of rounding: restored at the window's first size, then resized.
    assert again.splitter.sizes() == pytest.approx(columns, abs=3)
    assert again.output_panel.sizes() == pytest.approx(outputs, abs=3)
    again.close()


def test_a_remembered_cramped_layout_does_not_come_back(qtbot):
    # What an earlier version saved: the picture squeezed to 60 pixels, the data column dragged shut.
    old = QSplitter(Qt.Orientation.Vertical)
    old.addWidget(QWidget())
    old.addWidget(QWidget())
    old.resize(400, 600)
    old.setSizes([60, 540])
    columns = QSplitter(Qt.Orientation.Horizontal)
    for _ in range(3):
        columns.addWidget(QWidget())
    columns.resize(1200, 600)
    columns.setSizes([0, 500, 700])
    QSettings().setValue("window/output_splitter", old.saveState())
    QSettings().setValue("window/splitter", columns.saveState())
    QSettings().sync()
    window = open_window(qtbot, "circle", (1280, 720))
    assert window.boundary_view.plot.height() >= 250
    assert window.data_panel.width() >= window.data_panel.minimumSizeHint().width()
    assert cut_off(settled(window)) == []
    window.close()


def test_the_window_fits_a_1024_by_700_screen_and_works_there(qtbot):
    window = open_window(qtbot, "circle", (1024, 700))
    least = window.minimumSizeHint()
    assert least.width() <= 1024 and least.height() <= 660  # room for a title bar and a panel
    assert cut_off(settled(window), tabs_may_scroll=True) == []
    assert window.boundary_view.plot.height() >= 250
    click(qtbot, window, "stepperBatchButton")
    qtbot.waitUntil(lambda: window.stepper.current_phase() == 0, timeout=10_000)
    for _ in range(len(window.stepper.phases()) - 2):  # to the last backward phase: the chain rule, the check
        click(qtbot, window, "stepperNextButton")
    # Each of the step's controls shows whole, scrolled into view where the step is taller than the window.
    scroll = settled(window).stepper.scroll
    for control in scroll.widget().findChildren(QWidget):
        if isinstance(control, CONTROLS) and control.isVisible():
            scroll.ensureWidgetVisible(control, 0, 0)
            shown = control.visibleRegion().boundingRect().size()
            assert shown == control.size() and shown.width() >= control.sizeHint().width(), control.objectName()
    click(qtbot, window, "stepperApplyButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    window.close()


def test_the_layer_at_fault_stays_in_view_beside_the_property_editor(qtbot):
    window = open_window(qtbot, "residual", size=(1280, 720))
    table = window.findChild(QTableWidget, "layerList")
    table.selectRow(0)
    assert window.builder.properties.fields  # the first layer's settings are open for editing
    assert table.viewport().height() >= 3 * table.rowHeight(0)
    window.builder.loss_selector.setCurrentText("cross-entropy")  # the one output unit is now the problem
    last = table.rowCount() - 1
    assert window.builder.error is not None and table.item(last, 0).toolTip() == window.builder.error
    qtbot.waitUntil(lambda: table.viewport().rect().contains(table.visualItemRect(table.item(last, 0))))
    assert window.builder.properties.isVisible()
    window.close()



def test_a_conv_layer_s_settings_leave_the_diagram_its_height_at_1280_by_720(qtbot):
    """Its eight settings set the network panel's least height and squeezed the diagram above to tiny text."""
    window = settled(open_window(qtbot, "digits-cnn", size=(1280, 720)))
    before = window.network_view.height()
    select_row(qtbot, window, 0)
    filters = window.builder.properties.fields["filters"]
    assert settled(window).network_view.height() == before
    assert filters.visibleRegion().boundingRect().size() == filters.size()  # the settings show, scrolled
    assert window.builder.table.viewport().height() >= 3 * window.builder.table.rowHeight(0)
    window.close()
