"""Layers on images in the window, as a person uses them: the palette offers them for image sets, a
conv network built from it shows (C, H, W) rows and its parameter counts as it is edited, the network
view draws its maps as stacks, the Filters and Feature maps views follow training live, and the
gradient check covers the kernels."""

import numpy
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGraphicsSimpleTextItem,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTabWidget,
)

from playground.data.images import cache_path, write_cache
from playground.ui import MainWindow
from playground.ui.data_panel import DatasetSelector
from playground.ui.image_layer_views import KERNELS_PER_LINE, MAPS_PER_LINE
from playground.ui.mosaic import Tiling, kernel_tiles, kernel_tiling
from tests.data.fake_files import mnist_arrays, write_mnist
from tests.ui.test_builder import drop, layer_types, palette_data, pick_palette, select_row, type_into
from tests.ui.test_layout import cut_off, settled
from tests.ui.widgets import click, find

IMAGE_LAYERS = ["Conv2D", "MaxPool", "AvgPool", "Flatten", "GlobalAvgPool"]


def open_window(qtbot, preset: str, size: tuple[int, int] = (1400, 900)) -> MainWindow:
    window = MainWindow(preset)
    qtbot.addWidget(window)
    window.resize(*size)  # whatever an earlier window left in the settings
    window.show()
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    return window


def offered(window: MainWindow) -> list[str]:
    palette = find(window, QListWidget, "layerPalette")
    return [palette.item(row).text() for row in range(palette.count()) if not palette.item(row).isHidden()]


def rows(window: MainWindow) -> list[tuple[str, str]]:
    """Each layer's output shape and parameter count, as the table shows them."""
    table = find(window, QTableWidget, "layerList")
    return [(table.item(row, 2).text(), table.item(row, 3).text()) for row in range(table.rowCount())]


def choose_dataset(window, name: str) -> None:
    selector = window.findChild(DatasetSelector, "datasetSelector")
    selector.activated.emit(selector.findData(name))  # what a click in the open list sends


def choose_tab(qtbot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(k for k in range(tabs.count()) if tabs.tabText(k) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def hover(widget, pos: QPoint) -> None:
    """The pointer moved over `widget` (QTest's mouseMove does not reach a QGraphicsView offscreen)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_the_palette_offers_layers_on_images_only_for_image_sets(qtbot):
    window = open_window(qtbot, "circle")
    assert not set(IMAGE_LAYERS) & set(offered(window))
    palette = find(window, QListWidget, "layerPalette")
    assert all(palette.item(row).toolTip() for row in range(palette.count()))
    choose_dataset(window, "digits")
    qtbot.waitUntil(lambda: window.dataset.name == "digits")
    assert set(IMAGE_LAYERS) <= set(offered(window))
    choose_dataset(window, "iris")
    qtbot.waitUntil(lambda: window.dataset.name == "iris")
    assert not set(IMAGE_LAYERS) & set(offered(window))
    window.close()


def test_a_conv_network_built_from_the_palette_shows_its_maps_and_trains(qtbot):
    window = open_window(qtbot, "digits-mlp")
    assert layer_types(window) == ["Dense 200 ReLU", "Dense 10 linear"]
    tabs = window.image_tabs
    assert tabs.count() == 1 and not tabs.tabBar().isVisible()  # the test images alone: no tabs to choose
    drop(window, palette_data(window, "Conv2D"), 0, 0.2)  # above the first layer: the network starts on images
    assert layer_types(window)[0] == "Conv2D 8 3×3 ReLU"
    error = find(window, QLabel, "networkError").text()
    assert "layer 2 (Dense)" in error and "add a Flatten layer before it" in error
    assert not find(window, QPushButton, "playButton").isEnabled()
    drop(window, palette_data(window, "MaxPool"), 0, 0.8)  # below the conv layer
    drop(window, palette_data(window, "Flatten"), 1, 0.8)  # below the pooling
    assert layer_types(window) == ["Conv2D 8 3×3 ReLU", "MaxPool 2×2", "Flatten", "Dense 200 ReLU",
                                   "Dense 10 linear"]
    assert rows(window) == [("(None, 8, 8, 8)", "80"), ("(None, 8, 4, 4)", "0"), ("(None, 128)", "0"),
                            ("(None, 200)", "25,800"), ("(None, 10)", "2,010")]
    assert window.builder.error is None and window.builder.spec.input_shape == (1, 8, 8)
    assert [tabs.tabText(k) for k in range(tabs.count())] == ["Test images", "Filters", "Feature maps"]
    assert tabs.tabBar().isVisible()
    select_row(qtbot, window, 0)
    type_into(qtbot, find(window, QSpinBox, "filtersInput"), "4")
    assert rows(window)[:3] == [("(None, 4, 8, 8)", "40"), ("(None, 4, 4, 4)", "0"), ("(None, 64)", "0")]
    find(window, QComboBox, "paddingInput").setCurrentText("0")  # the kernel no longer keeps the size
    assert rows(window)[:3] == [("(None, 4, 6, 6)", "40"), ("(None, 4, 3, 3)", "0"), ("(None, 36)", "0")]
    type_into(qtbot, find(window, QSpinBox, "kernelInput"), "5")
    assert rows(window)[0] == ("(None, 4, 4, 4)", "104")  # 4 kernels of 5×5 and their biases
    select_row(qtbot, window, 1)
    find(window, QSpinBox, "strideInput").setValue(1)  # overlapping windows
    assert rows(window)[1] == ("(None, 4, 3, 3)", "0") and layer_types(window)[1] == "MaxPool 2×2 stride 1"
    find(window, QSpinBox, "strideInput").setValue(0)  # "as the window": the setting is left out
    assert "stride" not in window.builder.layers[1] and rows(window)[1] == ("(None, 4, 2, 2)", "0")
    diagram = window.network_view.diagram
    assert len(diagram.stacks["1"]) == 3 and diagram.stacks["3"] == [] and diagram.stacks["input"] == []
    text = " ".join(item.text() for item in diagram.blocks["1"].childItems()
                    if isinstance(item, QGraphicsSimpleTextItem))
    assert "Conv2D 4 5×5 ReLU" in text and "4 maps of 4×4" in text and "104 parameters" in text
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 10, timeout=20_000)
    built = window.training.worker.session.network.spec
    assert (built.layers[0].filters, built.layers[0].kernel, built.layers[0].padding) == (4, 5, 0)
    window.close()


def test_training_digits_cnn_draws_its_filters_and_one_image_through_it_live(qtbot):
    window = open_window(qtbot, "digits-cnn")
    tabs = window.image_tabs
    assert [tabs.tabText(k) for k in range(tabs.count())] == ["Test images", "Filters", "Feature maps"]
    choose_tab(qtbot, tabs, "Filters")
    filters = window.filters_view.pictures
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: "3" in filters.rows and filters.rows["3"].values is not None, timeout=20_000)
    first = filters.rows["1"].values.copy()
    qtbot.waitUntil(lambda: not numpy.array_equal(filters.rows["1"].values, first), timeout=20_000)  # live
    click(qtbot, window, "playButton")  # pause
    qtbot.waitUntil(lambda: window.latest.state == "paused" and window._drawn is window.latest, timeout=10_000)
    for path, shape in (("1", (1, 3, 3, 16)), ("3", (16, 3, 3, 32))):
        kernels = window.latest.kernels[path]
        assert kernels.shape == shape
        tiling = kernel_tiling(shape[0], 3, 3, shape[3], KERNELS_PER_LINE)
        numpy.testing.assert_array_equal(filters.rows[path].values, tiling.place(kernel_tiles(kernels)))
    for _ in range(4):  # the layouts follow the caption that came with the kernels
        QApplication.processEvents()
    box = filters.rows["1"].box
    hover(filters.viewport(), filters.mapFromScene(box.mapViewToScene(QPointF(1.5, 0.5))))  # kernel 0, row 0, col 1
    qtbot.waitUntil(lambda: window.filters_view.hover.text().startswith("layer 1: K[0, 0, 1, 0] = "))

    choose_tab(qtbot, tabs, "Feature maps")
    view = window.feature_maps_view
    qtbot.waitUntil(lambda: view.shown is not None and view.shown.index == 0, timeout=10_000)
    assert window.latest.kernels == {}  # the kernels are measured only while their view is shown
    assert list(view.pictures.rows) == ["input", "1", "2", "3", "4", "6"]  # Flatten's values are layer 4's
    type_into(qtbot, find(window, QSpinBox, "featureImageInput"), "5")
    qtbot.waitUntil(lambda: view.shown.index == 5, timeout=10_000)  # while paused too
    image = window.dataset.x_test[5].reshape(8, 8)
    numpy.testing.assert_array_equal(view.pictures.rows["input"].values, image)
    maps = view.shown.outputs["1"]
    numpy.testing.assert_array_equal(view.pictures.rows["1"].values,
                                     Tiling.wrapped(16, 8, 8, MAPS_PER_LINE).place(maps))
    label = window.dataset.class_names[window.dataset.y_test[5]]
    assert view.prediction.text().startswith(f"true class {label} · predicted ")
    choose_tab(qtbot, tabs, "Test images")  # neither view shown: snapshots carry neither
    step = window.latest.step
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest.step == step + 1, timeout=10_000)
    assert window.latest.feature_maps is None and window.latest.kernels == {}
    window.close()


def test_the_gradient_check_covers_the_kernels_of_digits_cnn(qtbot):
    window = open_window(qtbot, "digits-cnn")
    panel = window.network_panel
    panel.setCurrentIndex(panel.indexOf(find(window, QPushButton, "gradcheckButton").parentWidget()))
    click(qtbot, window, "gradcheckButton")
    verdict = find(window, QLabel, "gradcheckVerdict")
    qtbot.waitUntil(lambda: verdict.text().startswith("Gradient check passed"), timeout=60_000)
    table = find(window, QTableWidget, "gradcheckResults")
    checked = {table.item(row, 0).text(): float(table.item(row, 1).text()) for row in range(table.rowCount())}
    assert {"1.K", "1.b", "3.K", "3.b", "6.W", "6.b"} <= set(checked)
    assert max(checked.values()) < 1e-6
    window.close()


def test_the_views_of_a_network_on_images_show_whole_on_a_1280_by_720_screen(qtbot):
    window = open_window(qtbot, "digits-cnn", (1280, 720))
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    for title, view in (("Filters", window.filters_view), ("Feature maps", window.feature_maps_view)):
        choose_tab(qtbot, window.image_tabs, title)
        qtbot.waitUntil(lambda view=view: len(view.pictures.rows) > 1, timeout=10_000)
        assert (problems := cut_off(settled(window))) == [], f"{title}: " + "\n".join(problems)
    window.close()


def test_clicking_a_test_image_follows_it_through_the_network_in_feature_maps(qtbot):
    window = open_window(qtbot, "digits-cnn")
    gallery = window.gallery
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: gallery.predicted is not None, timeout=20_000)
    click(qtbot, window, "playButton")  # pause
    qtbot.waitUntil(lambda: window.latest.state == "paused" and window._drawn is window.latest, timeout=10_000)
    assert window.image_tabs.currentWidget() is gallery and "Feature maps" in gallery.toolTip()
    k = 10  # the third image of the second row
    chosen = int(gallery.indices[k])
    assert chosen != window.feature_maps_view.image
    row, column = divmod(k, gallery.COLUMNS)
    height, width = window.dataset.test_images.shape[2:]
    centre = QPointF(column * gallery.tile[1] + width / 2, row * gallery.tile[0] + height / 2)
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton,
                     pos=gallery.mapFromScene(gallery.getViewBox().mapViewToScene(centre)))
    view = window.feature_maps_view
    assert window.image_tabs.currentWidget() is view and find(window, QSpinBox, "featureImageInput").value() == chosen
    qtbot.waitUntil(lambda: view.shown is not None and view.shown.index == chosen, timeout=10_000)
    numpy.testing.assert_array_equal(view.pictures.rows["input"].values, window.dataset.x_test[chosen].reshape(8, 8))
    label = window.dataset.class_names[window.dataset.y_test[chosen]]
    assert view.prediction.text().startswith(f"true class {label} · predicted ")
    window.close()


def test_a_pooling_stride_out_of_range_says_what_it_became_and_keeps_as_the_window(qtbot):
    window = open_window(qtbot, "digits-cnn")
    select_row(qtbot, window, 1)  # the first MaxPool
    stride = find(window, QSpinBox, "strideInput")
    tip = stride.toolTip()
    assert stride.text() == "as the window" and "stride" not in window.builder.layers[1]
    type_into(qtbot, stride, "12")
    assert stride.value() == 8 and window.builder.layers[1]["stride"] == 8 and stride.property("mark") == "warning"
    assert "At most 8 pixels here, so that training stays responsive: 12 became 8." in (
        window.statusBar().currentMessage())
    type_into(qtbot, stride, "1")
    assert window.builder.layers[1]["stride"] == 1 and stride.property("mark") is None and stride.toolTip() == tip
    type_into(qtbot, stride, "-3")
    assert stride.text() == "as the window" and "stride" not in window.builder.layers[1]
    assert 'or 0 for "as the window": -3 became 0.' in window.statusBar().currentMessage()
    type_into(qtbot, stride, "2")
    qtbot.keyClick(stride, Qt.Key.Key_Down)  # the arrow down to 1, then to 0: "as the window" again
    qtbot.keyClick(stride, Qt.Key.Key_Down)
    assert stride.text() == "as the window" and "stride" not in window.builder.layers[1]
    window.close()


def test_a_residual_block_added_among_maps_keeps_them_with_a_conv_layer_inside(qtbot):
    """A Dense layer inside a block on images could not be mended as its message says (a Flatten in the block
    would not give the maps back): the block comes with a Conv2D that keeps the maps' shape, and trains."""
    window = open_window(qtbot, "digits-cnn")
    select_row(qtbot, window, 1)  # the first max pooling: 16 maps of 4×4
    pick_palette(qtbot, window, "Residual")
    click(qtbot, window, "addLayerButton")
    assert layer_types(window)[2:4] == ["Residual", "Conv2D 16 3×3 ReLU"]
    assert rows(window)[2:4] == [("(None, 16, 4, 4)", "2,320 in the block"), ("(None, 16, 4, 4)", "2,320")]
    assert window.builder.error is None  # 16·3·3·16 weights and 16 biases
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step > 10, timeout=20_000)
    window.close()


def test_an_edit_that_does_not_validate_yet_leaves_the_feature_maps_view_chosen(qtbot):
    window = open_window(qtbot, "digits-cnn")
    tabs = window.image_tabs
    choose_tab(qtbot, tabs, "Feature maps")
    select_row(qtbot, window, 1)
    pick_palette(qtbot, window, "BatchNorm")
    click(qtbot, window, "addLayerButton")  # on maps: "put it after a Flatten layer"
    assert "after a Flatten layer" in find(window, QLabel, "networkError").text()
    assert tabs.currentWidget() is window.feature_maps_view
    click(qtbot, window, "undoButton")
    assert window.builder.error is None and tabs.currentWidget() is window.feature_maps_view
    window.close()


def test_every_layer_of_mnist_cnn_in_feature_maps_can_be_scrolled_to_on_a_1280_by_720_screen(qtbot, tmp_path,
                                                                                          monkeypatch):
    """LeNet's eight rows need more height than the pane has at 1280×720: Dense 84 and the output layer lay
    below the view's edge, out of reach. The rows scroll instead, the output's row at the bottom."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    arrays = mnist_arrays(train=64, test=12)
    write_cache(cache_path("mnist", tmp_path), {key: array[:, None] if key.startswith("x") else array
                                                for key, array in arrays.items()})
    window = open_window(qtbot, "mnist-cnn", (1280, 720))
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=20_000)
    choose_tab(qtbot, window.image_tabs, "Feature maps")
    view = window.feature_maps_view
    pictures = view.pictures
    qtbot.waitUntil(lambda: "8" in pictures.rows and pictures.rows["8"].values is not None, timeout=10_000)
    settled(window)
    assert list(pictures.rows) == ["input", "1", "2", "3", "4", "6", "7", "8"]

    def shown(key: str) -> bool:
        """Whether the row's picture lies whole inside the pictures and every widget around them."""
        rect, widget = pictures.mapFromScene(pictures.rows[key].box.sceneBoundingRect()).boundingRect(), pictures
        while widget is not window:
            if not widget.rect().contains(rect):
                return False
            rect, widget = rect.translated(widget.pos()), widget.parentWidget()
        return True
    assert shown("input")
    for scroll in view.findChildren(QScrollArea):  # as a person scrolls down, where the rows scroll
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settled(window)
    assert shown("8") and shown("7")
    window.close()


def test_the_test_images_shown_are_those_of_the_data_in_use_after_reading_other_files(qtbot, tmp_path, monkeypatch):
    """MNIST's files read from a folder replaced the data, but the Test images tab went on showing the images
    of the data before (without their labels) until training started."""
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    write_cache(cache_path("mnist", tmp_path), {key: array[:, None] if key.startswith("x") else array
                                                for key, array in mnist_arrays(seed=0).items()})
    window = open_window(qtbot, "mnist-cnn")
    gallery = window.gallery
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: gallery.predicted is not None, timeout=20_000)
    before = gallery.mosaic.image.copy()
    folder = tmp_path / "mnist files"
    write_mnist(folder, mnist_arrays(seed=1))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    click(qtbot, window, "imageFolderButton")
    assert window.preset.dataset["source_folder"] == str(folder)
    assert not numpy.array_equal(gallery.mosaic.image, before)  # nothing of the data before
    assert all(label.toPlainText() == "?" for label in gallery.labels)  # the new images, not predicted yet
    first = window.dataset.test_images[gallery.indices[0], 0].astype(float)
    first = (first - first.min()) / (first.max() - first.min())
    left = (gallery.tile[1] - 28) // 2  # the image in the middle of its tile
    numpy.testing.assert_allclose(gallery.mosaic.image[:28, left : left + 28], first)  # the new data's images
    window.close()


def test_every_layer_title_beside_the_filters_and_feature_maps_shows_whole(qtbot):
    window = open_window(qtbot, "digits-cnn")
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == 1, timeout=10_000)
    for title, view in (("Filters", window.filters_view), ("Feature maps", window.feature_maps_view)):
        choose_tab(qtbot, window.image_tabs, title)
        qtbot.waitUntil(lambda view=view: len(view.pictures.rows) > 1, timeout=10_000)
        settled(window)
        shown = view.pictures.viewport().rect()
        titles = [item for item in view.pictures.ci.items if isinstance(item, pg.LabelItem)]
        assert len(titles) == len(view.pictures.rows)
        for label in titles:  # "layer 1\nConv2D 16 3×3 ReLU\n1 → 16 maps", right-aligned
            text = label.item.mapRectToScene(label.item.boundingRect())
            drawn = view.pictures.mapFromScene(text).boundingRect()
            assert shown.contains(drawn), f"{title}: {label.text!r} is drawn at {drawn}, the view shows {shown}"
    window.close()


def test_the_gradients_tab_names_the_kernels_norm_for_a_network_with_convolutions(qtbot):
    """A convolution's weights are its kernels K: the Gradients tab's axis read ‖∂L/∂W‖ alone for digits-cnn."""
    window = open_window(qtbot, "digits-cnn")
    assert window.gradient_plot.getAxis("left").labelText == "‖∂L/∂W‖, ‖∂L/∂K‖"
    selector = find(window, QComboBox, "presetSelector")
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # digits-cnn to digits-mlp, next in the list
    qtbot.waitUntil(lambda: window.preset is not None and window.preset.name == "digits-mlp")
    assert window.gradient_plot.getAxis("left").labelText == "‖∂L/∂W‖"
    window.close()
