"""The network view fed from real sessions: unit heatmaps, weight lines, clicks, tooltips,
the block diagram of larger networks, and the stepper's highlight."""

import dataclasses

import numpy
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QToolTip

from playground.data import load_dataset
from playground.engine import ActivationSpec, DenseSpec, NetworkSpec
from playground.project import load_preset
from playground.session import Session, TrainingConfig
from playground.ui.network_blocks import GRAD_STOPS, BlockDiagram
from playground.ui.network_view import NetworkView, UnitDiagram
from playground.ui.theme import BLUE, ORANGE


def trained(name: str, snapshots: int = 6):
    """The preset's spec and dataset, and its session's snapshots after a few bursts of training."""
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    config = TrainingConfig(optimizer=preset.optimizer, batch_size=preset.batch_size, snapshot_hz=1000)
    stream = Session(preset.network, dataset, config).run()
    return preset.network, dataset, [next(stream) for _ in range(snapshots)]


@pytest.fixture(scope="module")
def circle():
    return trained("circle")


def circle_view(qtbot, circle) -> NetworkView:
    spec, dataset, _ = circle
    view = NetworkView()
    qtbot.addWidget(view)
    view.show_network(spec, dataset.feature_names, planar=True)
    return view


def rgb(pen_or_brush) -> tuple[int, int, int]:
    return pen_or_brush.color().getRgb()[:3]


def test_circle_units_show_the_features_and_the_snapshots_neuron_grids(qtbot, circle):
    view = circle_view(qtbot, circle)
    _, _, snapshots = circle
    diagram = view.diagram
    assert isinstance(diagram, UnitDiagram) and view.objectName() == "networkView"
    assert sorted(diagram.units) == [("1", 0), ("1", 1), ("1", 2), ("1", 3), ("2", 0), ("2", 1), ("3", 0),
                                     ("input", 0), ("input", 1)]
    # x1 grows to the right along every row; x2 shrinks down every column (the plane's top row first).
    x1, x2 = diagram.units[("input", 0)].values, diagram.units[("input", 1)].values
    assert numpy.allclose(x1[7], numpy.linspace(-6, 6, 50)) and numpy.allclose(x2[:, 7], numpy.linspace(6, -6, 50))
    for snapshot in (snapshots[2], snapshots[-1]):
        view.update_from(snapshot)
        for path in ("1", "2", "3"):
            for unit, grid in enumerate(snapshot.neuron_grids[path]):
                assert numpy.array_equal(diagram.units[(path, unit)].values, grid)
    assert not numpy.array_equal(snapshots[2].neuron_grids["1"], snapshots[-1].neuron_grids["1"])


def test_weight_lines_take_the_sign_and_size_of_each_weight(qtbot, circle):
    view = circle_view(qtbot, circle)
    snapshot = circle[2][-1]
    diagram = view.diagram
    for weights in ({p: w for p, w in snapshot.weights.items()}, {p: -w for p, w in snapshot.weights.items()}):
        view.update_from(dataclasses.replace(snapshot, weights=weights))
        assert sorted(diagram.weight_lines) == ["1", "2", "3"]
        for path, lines in diagram.weight_lines.items():
            w = weights[path]
            assert len(lines) == w.size
            source = "input" if path == "1" else str(int(path) - 1)
            for (i, j), line in zip(numpy.ndindex(w.shape), lines):
                # Line (i, j) runs from unit i of the column before to unit j of this one.
                assert line.line().p1() == QPointF(diagram.unit_rects[(source, i)].right(),
                                                   diagram.unit_rects[(source, i)].center().y())
                assert line.line().p2().y() == diagram.unit_rects[(path, j)].center().y()
                assert rgb(line.pen()) == (BLUE if w[i, j] >= 0 else ORANGE)
        lines = [line for path in ("1", "2", "3") for line in diagram.weight_lines[path]]
        sizes = numpy.concatenate([numpy.abs(weights[path]).ravel() for path in ("1", "2", "3")])
        widths = numpy.array([line.pen().widthF() for line in lines])[numpy.argsort(sizes)]
        assert numpy.all(numpy.diff(widths) >= 0) and widths[-1] > widths[0]  # wider with |w|


def test_clicking_a_unit_or_a_feature_selects_it(qtbot, circle):
    view = circle_view(qtbot, circle)
    view.update_from(circle[2][-1])
    view.resize(700, 450)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.canvas.viewport()
    for path, unit in (("2", 1), ("1", 3), ("input", 1)):
        center = view.diagram.units[(path, unit)].sceneBoundingRect().center()
        with qtbot.waitSignal(view.neuron_selected, timeout=2000) as blocker:
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view.canvas.mapFromScene(center))
        assert blocker.args == [path, unit]
    between = view.diagram.columns["1"].topRight() + QPointF(10, -20)  # above the lines, beside the column
    with qtbot.assertNotEmitted(view.neuron_selected, wait=100):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view.canvas.mapFromScene(between))


def test_hovering_a_weight_line_tells_its_value_and_gradient(qtbot, circle):
    view = circle_view(qtbot, circle)
    snapshot = circle[2][-1]
    view.update_from(snapshot)
    view.resize(700, 450)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.canvas.viewport()
    line = view.diagram.weight_lines["3"][1]  # W[1, 0] of the output layer
    point = view.canvas.mapFromScene(line.line().center())
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    text = QToolTip.text()
    assert f"W[1, 0] = {snapshot.weights['3'][1, 0]:.4g}" in text
    assert f"∂L/∂W[1, 0] = {snapshot.weight_grads['3'][1, 0]:.3g}" in text
    QToolTip.hideText()


def test_digits_mlp_gets_one_block_per_layer_coloured_by_gradient_norm(qtbot):
    spec, dataset, snapshots = trained("digits-mlp", 3)
    view = NetworkView()
    qtbot.addWidget(view)
    view.show_network(spec, dataset.feature_names, planar=False)
    diagram = view.diagram
    assert isinstance(diagram, BlockDiagram) and sorted(diagram.blocks) == ["1", "2"]
    text = " | ".join(item.text() for item in diagram.blocks["1"].childItems()
                      if isinstance(item, QGraphicsSimpleTextItem))
    assert "Dense 200 ReLU" in text and "(None, 200)" in text and "13,000" in text
    before = {path: rgb(block.brush()) for path, block in diagram.blocks.items()}
    snapshot = snapshots[-1]
    assert all(stats.grad_norms["W"] > 0 for stats in snapshot.layers)
    view.update_from(snapshot)
    trained_colors = {path: rgb(block.brush()) for path, block in diagram.blocks.items()}
    assert trained_colors != before
    # A vanished gradient takes the scale's first colour, an exploding one its last.
    norms = {"1": 1e-7, "2": 1e3}
    layers = [dataclasses.replace(stats, grad_norms={**stats.grad_norms, "W": norms[stats.path]})
              for stats in snapshot.layers]
    view.update_from(dataclasses.replace(snapshot, layers=layers))
    assert rgb(diagram.blocks["1"].brush()) == GRAD_STOPS[0][1]
    assert rgb(diagram.blocks["2"].brush()) == GRAD_STOPS[-1][1]


def test_a_block_s_new_colour_repaints_its_text_from_a_pixmap_that_looks_the_same(qtbot):
    """A block takes a new colour at nearly every snapshot: its lines of text come back from Qt's pixmap of them,
    not laid out and drawn again on the GUI thread the training waits for, and look as the text drawn anew."""
    spec, dataset, snapshots = trained("digits-mlp", 3)
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(700, 450)
    view.show()
    qtbot.waitExposed(view)
    view.show_network(spec, dataset.feature_names, planar=False)
    view.update_from(snapshots[-1])
    texts = [item for item in view.canvas.scene().items() if isinstance(item, QGraphicsSimpleTextItem)]
    assert texts and all(item.cacheMode() == item.CacheMode.DeviceCoordinateCache for item in texts)
    cached = view.grab().toImage()
    for item in texts:
        item.setCacheMode(item.CacheMode.NoCache)
    assert view.grab().toImage() == cached


def test_a_residual_block_is_coloured_by_the_weights_inside_it(qtbot):
    spec, dataset, snapshots = trained("residual", 3)
    view = NetworkView()
    qtbot.addWidget(view)
    view.show_network(spec, dataset.feature_names, planar=True)
    diagram, snapshot = view.diagram, snapshots[-1]
    block = next(stats for stats in snapshot.layers if stats.path == "2")
    assert block.type == "residual" and set(block.grad_norms) == {"1.W", "1.b"}
    assert block.weight_gradient == block.grad_norms["1.W"] > 0
    untrained = rgb(diagram.blocks["2"].brush())
    view.update_from(snapshot)
    assert rgb(diagram.blocks["2"].brush()) != untrained
    # A block with its inner gradient vanished takes the scale's first colour.
    layers = [dataclasses.replace(stats, grad_norms={"1.W": 1e-9}) if stats.path == "2" else stats
              for stats in snapshot.layers]
    view.update_from(dataclasses.replace(snapshot, layers=layers))
    assert rgb(diagram.blocks["2"].brush()) == GRAD_STOPS[0][1]


def test_networks_too_large_to_draw_unit_by_unit_get_blocks_even_on_a_plane(qtbot):
    view = NetworkView()
    qtbot.addWidget(view)
    for name, layers in (("deep-sigmoid", 11), ("residual", 11), ("batchnorm", 31)):
        view.show_network(load_preset(name).network, ["x1", "x2"], planar=True)
        assert isinstance(view.diagram, BlockDiagram)
        assert sorted(view.diagram.blocks, key=int) == [str(k) for k in range(1, layers + 1)]


def test_an_activation_layer_gets_its_own_column_linked_one_to_one(qtbot):
    spec = NetworkSpec((2,), [DenseSpec(3), ActivationSpec("relu"), DenseSpec(1)], "binary_cross_entropy")
    view = NetworkView()
    qtbot.addWidget(view)
    view.show_network(spec, ["x1", "x2"], planar=True)
    diagram = view.diagram
    assert isinstance(diagram, UnitDiagram)
    assert [key for key in diagram.units if key[0] == "2"] == [("2", 0), ("2", 1), ("2", 2)]
    assert sorted(diagram.weight_lines) == ["1", "3"] and len(diagram.weight_lines["3"]) == 3


def test_highlight_outlines_one_layer_in_the_phase_colour(qtbot, circle):
    view = circle_view(qtbot, circle)
    assert not view.outline.isVisible()
    view.highlight_layer("2")
    outline = view.outline.rect()
    assert view.outline.isVisible()
    assert all(outline.contains(rect) == (path == "2") for (path, _), rect in view.diagram.unit_rects.items())
    forward = rgb(view.outline.pen())
    view.highlight_layer("2", "backward")
    assert view.outline.rect() == outline and rgb(view.outline.pen()) != forward
    view.highlight_layer("3")
    assert view.outline.rect().contains(view.diagram.unit_rects[("3", 0)]) and not view.outline.rect().contains(
        view.diagram.unit_rects[("2", 0)])
    view.highlight_layer(None)
    assert not view.outline.isVisible()
    view.show_network(load_preset("residual").network, ["x1", "x2"], planar=True)
    view.highlight_layer("4.1", "backward")  # a layer inside residual block 4 outlines the block
    assert view.outline.isVisible() and view.outline.rect().contains(view.diagram.blocks["4"].rect())
    assert not view.outline.rect().contains(view.diagram.blocks["3"].rect())


def test_a_late_snapshot_of_the_previous_network_changes_nothing(qtbot, circle):
    view = NetworkView()
    qtbot.addWidget(view)
    xor = load_preset("xor").network  # 2-4-1: layer 2 is 4 by 1 here, 4 by 2 in circle's snapshots
    view.show_network(xor, ["x1", "x2"], planar=True)
    pens = [rgb(line.pen()) for line in view.diagram.weight_lines["2"]]
    images = {key: image.values.copy() for key, image in view.diagram.units.items() if key[0] == "2"}
    view.update_from(circle[2][-1])
    assert [rgb(line.pen()) for line in view.diagram.weight_lines["2"]] == pens
    assert all(numpy.array_equal(view.diagram.units[key].values, image) for key, image in images.items())
    line = view.diagram.weight_lines["2"][3]
    assert view.diagram.tooltip(line.line().center(), 1.0, circle[2][-1]) == "layer 2: W[3, 0]"


def test_conv_layers_are_stacks_of_maps_coloured_by_their_kernels_gradient(qtbot):
    spec, dataset, snapshots = trained("digits-cnn", 3)
    view = NetworkView()
    qtbot.addWidget(view)
    view.show_network(spec, dataset.feature_names, planar=False)
    diagram = view.diagram
    assert isinstance(diagram, BlockDiagram) and sorted(diagram.blocks) == ["1", "2", "3", "4", "5", "6"]
    # A card behind the block for every map but the front one, up to four: 16 maps, 32 maps; the input's one map.
    assert [len(diagram.stacks[path]) for path in ("input", "1", "2", "3", "4", "5", "6")] == [0, 3, 3, 3, 3, 0, 0]
    assert diagram.layer_rect("1").contains(diagram.stacks["1"][0].rect())  # the stepper outlines the whole stack
    text = " | ".join(item.text() for item in diagram.blocks["3"].childItems()
                      if isinstance(item, QGraphicsSimpleTextItem))
    assert "Conv2D 32 3×3 ReLU" in text and "32 maps of 4×4" in text and "4,640 parameters" in text
    untrained = rgb(diagram.blocks["1"].brush())
    view.update_from(snapshots[-1])
    assert rgb(diagram.blocks["1"].brush()) != untrained
    assert all(rgb(card.brush()) == rgb(diagram.blocks["1"].brush()) for card in diagram.stacks["1"])
    assert rgb(diagram.blocks["2"].brush()) == untrained  # pooling has no weights
    norm = next(stats.weight_gradient for stats in snapshots[-1].layers if stats.path == "1")
    assert diagram.tooltip(diagram.layer_rect("1").center(), 1.0, snapshots[-1]) == f"layer 1: ‖∂L/∂K‖ = {norm:.3g}"
