"""The data panel driven as a person would: pick a dataset in the selector by keyboard or mouse,
load what it emits, and see only the controls that apply to the chosen set."""

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from playground.data import DatasetConfig, dataset_names, dataset_source, load_dataset
from playground.data.bundled import LOADERS as BUNDLED
from playground.data.images import IMAGE_SETS
from playground.data.synthetic import SETS
from playground.ui import MainWindow, data_panel
from playground.ui.data_panel import DataPanel
from playground.ui.dataset_thumbnails import SIZE

PLANAR = [name for name, (_, _, dimensions) in SETS.items() if dimensions == 2]
SPIRAL = {"name": "spiral", "noise": 20.0, "train_ratio": 0.6, "points": 400, "seed": 7,
          "features": ["x1", "x2", "sin x1"]}


@pytest.fixture
def panel(qtbot) -> DataPanel:
    panel = DataPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_config(SPIRAL)
    return panel


def selector(panel: DataPanel) -> QComboBox:
    found = panel.findChild(QComboBox, "datasetSelector")
    assert found is not None
    return found


def open_list(qtbot, panel: DataPanel) -> QComboBox:
    combo = selector(panel)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the closed selector opens its list
    qtbot.waitUntil(combo.view().isVisible)
    return combo


def click(qtbot, combo: QComboBox, name: str) -> None:
    """Scroll the open list to the set's row and click it."""
    view = combo.view()
    index = combo.model().index(combo.findData(name), 0)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    qtbot.mouseMove(view.viewport(), center)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def click_item(qtbot, panel: DataPanel, name: str) -> dict:
    """Open the list and click the set's row; the config the panel emits."""
    combo = open_list(qtbot, panel)
    with qtbot.waitSignal(panel.changed, timeout=2000) as blocker:
        click(qtbot, combo, name)
    assert not combo.view().isVisible()
    return blocker.args[0]


def test_each_image_set_s_picture_shows_its_kind_of_image(panel):
    """CIFAR-10's photos and Fashion-MNIST's clothes were pictured as a handwritten 2, as MNIST's digits are."""
    combo = selector(panel)

    def pixels(name: str) -> list:
        image = combo.itemIcon(combo.findData(name)).pixmap(SIZE, SIZE).toImage()
        return [image.pixel(x, y) for x in range(image.width()) for y in range(image.height())]

    digit, shirt, photo = pixels("mnist"), pixels("fashion_mnist"), pixels("cifar10")
    assert pixels("digits") == digit == pixels("kmnist") and len(set(digit)) == 2  # handwriting: blue on the page
    assert shirt != digit and len(set(shirt)) == 2
    assert len(set(photo)) == 4  # sky, sun and hills on the page: a photo in colour


def test_the_selector_lists_every_dataset_with_a_title_and_a_one_line_tooltip(panel):
    combo = selector(panel)
    rows = [i for i in range(combo.count()) if combo.itemData(i) is not None]  # the rest are separators
    assert [combo.itemData(i) for i in rows] == dataset_names()
    for i in rows:
        name, tip = combo.itemData(i), combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        assert combo.itemText(i) and "_" not in combo.itemText(i)
        assert tip.startswith(dataset_source(name)) and "\n" not in tip
    assert combo.itemText(combo.findData("iris")) == "Iris flowers"
    assert combo.itemText(combo.findData("gaussian_mixture")) == "Mixture of Gaussians (regression)"


def test_image_sets_not_downloaded_say_so(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))
    (tmp_path / "mnist.npz").write_bytes(b"")  # only its existence is looked at
    panel = DataPanel()
    qtbot.addWidget(panel)
    combo = selector(panel)
    for name in IMAGE_SETS:
        tip = combo.itemData(combo.findData(name), Qt.ItemDataRole.ToolTipRole)
        assert ("Not downloaded yet" in tip) == (name != "mnist"), name


def test_the_planar_sets_have_pictures_that_differ(panel):
    combo = selector(panel)
    images = {}
    for name in PLANAR:
        icon = combo.itemIcon(combo.findData(name))
        assert not icon.isNull(), name
        image = icon.pixmap(48, 48).toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
        assert len(colours) > 3, name  # points drawn, not a blank tile
        images[name] = image
    assert len({bytes(image.constBits()) for image in images.values()}) == len(PLANAR)


def test_choosing_a_set_by_keyboard_keeps_the_generated_settings(qtbot, panel):
    combo = open_list(qtbot, panel)
    view = combo.view()
    assert combo.currentData() == "spiral"  # opening the list chose nothing
    for _ in range(combo.findData("spiral") - combo.findData("circle")):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    with qtbot.waitSignal(panel.changed, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    config = blocker.args[0]
    assert config == {**SPIRAL, "name": "circle"}  # same noise, share, points, seed and features
    assert combo.currentData() == "circle" and not view.isVisible()
    dataset = load_dataset(config)
    assert dataset.name == "circle" and dataset.feature_names == ["x1", "x2", "sin x1"]


def test_typing_a_name_in_the_closed_selector_finds_it_in_the_list(qtbot, panel):
    combo = selector(panel)
    combo.setFocus()
    with qtbot.assertNotEmitted(panel.changed):
        qtbot.keyClick(combo, "I")
    qtbot.waitUntil(combo.view().isVisible)
    assert combo.view().currentIndex().row() == combo.findData("iris")
    with qtbot.waitSignal(panel.changed, timeout=2000) as blocker:
        qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert blocker.args[0] == {"name": "iris", "train_ratio": 0.8, "seed": 42}


def test_the_wheel_does_not_change_the_set(qtbot, panel):
    combo = selector(panel)
    center = QPointF(combo.rect().center())
    wheel = QWheelEvent(center, combo.mapToGlobal(center), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.assertNotEmitted(panel.changed):
        QApplication.sendEvent(combo, wheel)
    assert combo.currentData() == "spiral"


@pytest.mark.parametrize("name", [*SETS, *BUNDLED])
def test_every_set_chosen_with_the_mouse_loads(qtbot, panel, name):
    if name == "spiral":  # already shown: choose another first
        click_item(qtbot, panel, "circle")
    config = click_item(qtbot, panel, name)
    assert config["name"] == name and selector(panel).currentData() == name
    dataset = load_dataset(config)
    assert dataset.name == name and len(dataset.x_train) > 0
    if name in SETS:
        assert config["points"] == SPIRAL["points"] and config["seed"] == panel.seed.value()


def test_image_sets_emit_their_default_config(qtbot, panel):
    for name in IMAGE_SETS:
        config = click_item(qtbot, panel, name)
        assert config == {"name": name, "normalize": "unit"}
        DatasetConfig.from_dict(config)  # valid without downloading anything


def test_diabetes_scales_its_target(qtbot, panel):
    assert click_item(qtbot, panel, "diabetes")["standardize_target"] is True


def test_a_set_chosen_again_gets_its_last_settings_back(qtbot, panel):
    iris = {"name": "iris", "train_ratio": 0.7, "seed": 3}
    panel.show_config(iris)
    click_item(qtbot, panel, "xor")
    assert click_item(qtbot, panel, "iris") == iris


def test_the_one_dimensional_set_offers_only_its_features(qtbot, panel):
    config = click_item(qtbot, panel, "sine")
    assert config["features"] == ["x1"]
    visible = [name for name, box in panel.feature_boxes.items() if box.isVisible()]
    assert visible == ["x1", "x1²", "sin x1", "cos x1"]
    load_dataset(config)
    assert click_item(qtbot, panel, "moons")["features"] == ["x1", "x2"]  # back in the plane: x1, x2 again


def test_show_config_selects_without_emitting(qtbot, panel):
    combo = selector(panel)
    with qtbot.assertNotEmitted(panel.changed):
        panel.show_config({"name": "iris", "train_ratio": 0.8, "seed": 42})
        assert combo.currentData() == "iris"
        panel.show_config({**SPIRAL, "name": "xor", "noise": 35.0})
    assert combo.currentData() == "xor" and panel.noise.value() == 35
    assert panel.config["name"] == "xor"


def generated_rows(panel: DataPanel) -> list:
    return [panel.noise, panel.ratio, panel.points, panel.seed, panel.regenerate, panel.features,
            panel.form.labelForField(panel.noise), panel.form.labelForField(panel.features)]


def test_the_generated_set_rows_hide_for_iris_and_show_for_spiral(panel):
    assert all(widget.isVisible() for widget in generated_rows(panel))
    panel.show_config({"name": "iris", "train_ratio": 0.8, "seed": 42})
    assert panel.isVisible() and selector(panel).isVisible()
    assert not any(widget.isVisible() for widget in generated_rows(panel))
    panel.show_config(SPIRAL)
    assert all(widget.isVisible() for widget in generated_rows(panel))
    assert [name for name, box in panel.feature_boxes.items() if box.isChecked()] == SPIRAL["features"]


def test_a_csv_file_is_asked_for_and_a_closed_dialog_changes_nothing(qtbot, panel, monkeypatch, tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("a,b,y\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20)))
    answers = iter([("", ""), (str(path), "")])
    monkeypatch.setattr(data_panel.QFileDialog, "getOpenFileName", lambda *args: next(answers))
    combo = open_list(qtbot, panel)
    with qtbot.assertNotEmitted(panel.changed):
        click(qtbot, combo, "csv")
    assert combo.currentData() == "spiral" and panel.noise.isVisible()
    config = click_item(qtbot, panel, "csv")
    assert config == {"name": "csv", "train_ratio": 0.8, "seed": 42, "standardize_target": True, "path": str(path)}
    assert load_dataset(config).feature_names == ["a", "b"]


def test_the_generated_controls_still_emit_their_config(qtbot, panel):
    with qtbot.waitSignal(panel.changed) as blocker:
        panel.noise.setValue(40)
    assert blocker.args[0] == {**SPIRAL, "noise": 40.0}
    with qtbot.waitSignal(panel.changed) as blocker:
        qtbot.mouseClick(panel.regenerate, Qt.MouseButton.LeftButton)
    assert blocker.args[0]["seed"] == SPIRAL["seed"] + 1
    panel.show_config({**SPIRAL, "features": ["x1"]})
    with qtbot.assertNotEmitted(panel.changed):
        qtbot.mouseClick(panel.feature_boxes["x1"], Qt.MouseButton.LeftButton)
    assert panel.feature_boxes["x1"].isChecked()  # the last feature stays


def test_unchecking_the_last_feature_keeps_it_and_says_why(qtbot, panel):
    checked = [box for box in panel.feature_boxes.values() if box.isVisible() and box.isChecked()]
    *others, last = checked
    for box in others:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not any(box.isChecked() for box in others) and last.isChecked()
    with qtbot.waitSignal(panel.adjusted) as said:
        qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    assert last.isChecked() and panel.config["features"] == [last.text()]
    assert "at least one input feature" in said.args[0]


def test_the_window_names_its_data_by_the_title_the_selector_shows(qtbot):
    window = MainWindow("plane")
    qtbot.addWidget(window)
    window.show()
    assert window.data_panel.selector.currentText() == "Plane (regression)"
    assert window.findChild(QLabel, "datasetSource").text().startswith("Data: Plane (regression). ")
    window.close()


def test_an_unsaved_project_is_named_after_each_csv_file_chosen(qtbot, monkeypatch, tmp_path):
    from tests.ui.test_image_layers import choose_dataset

    rows = "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20))
    for name in ("houses.csv", "species.csv"):
        (tmp_path / name).write_text("a,b,y\n" + rows)
    answers = iter([(str(tmp_path / "houses.csv"), ""), (str(tmp_path / "species.csv"), "")])
    monkeypatch.setattr(data_panel.QFileDialog, "getOpenFileName", lambda *args: next(answers))
    window = MainWindow("circle")
    qtbot.addWidget(window)
    window.show()
    choose_dataset(window, "csv")
    assert window.windowTitle().startswith("houses.csv")
    choose_dataset(window, "csv")  # another file: the title follows it, as the data line does
    assert window.findChild(QLabel, "datasetSource").text().startswith("Data: species.csv. ")
    assert window.windowTitle().startswith("species.csv")
    window.close()


def test_a_csv_regression_of_large_values_trains_on_its_scaled_target(qtbot, monkeypatch, tmp_path):
    """House prices in the hundreds of thousands: their raw squared errors (a loss of 3e9) left a fresh network
    nothing to learn from in the window."""
    from tests.ui.test_image_layers import choose_dataset
    from tests.ui.test_metrics_view import open_tab
    from tests.ui.widgets import click, type_stop_at

    path = tmp_path / "houses.csv"
    path.write_text("rooms,age,price\n" + "".join(f"{i % 7},{i % 5},{200_000 + 9_000 * (i % 7) - 4_000 * (i % 5)}\n"
                                                   for i in range(100)))
    monkeypatch.setattr(data_panel.QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    window = MainWindow("plane")
    qtbot.addWidget(window)
    window.show()
    choose_dataset(window, "csv")
    type_stop_at(qtbot, window, "20")
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.state == "paused", timeout=20_000)
    qtbot.waitUntil(lambda: "test loss" in window.run_readout.text())
    test_loss = float(window.run_readout.text().split("test loss ")[1].split()[0])
    assert test_loss < 0.5  # a share of the target's variance: the network learned the prices' trend
    open_tab(qtbot, window, "Metrics")
    summary = window.findChild(QLabel, "metricsSummary")
    qtbot.waitUntil(lambda: "typical error" in summary.text())
    typical = re.search(r"typical error .* is ([\d,.]+), in the target's own units", summary.text())
    assert typical is not None and "," in typical[1] and "e+" not in summary.text(), summary.text()  # thousands
    window.close()
