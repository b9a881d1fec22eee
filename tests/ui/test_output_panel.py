"""The output side on its own: the picture suits the data, the image views come with a network on images, and
the tab a person chooses says which pictures of image layers the snapshots must carry."""

from __future__ import annotations

import pytest

from playground.data import load_dataset
from playground.project import load_preset
from playground.session import gallery_examples
from playground.ui.output_panel import OutputPanel
from tests.ui.test_image_layers import choose_tab


@pytest.fixture
def panel(qtbot) -> OutputPanel:
    panel = OutputPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 800)
    panel.show()
    return panel


def show_preset(panel: OutputPanel, name: str) -> None:
    """What the window shows of preset `name`: its data, then its network."""
    preset = load_preset(name)
    dataset = load_dataset(preset.dataset)
    panel.show_dataset(dataset, None if dataset.test_images is None else gallery_examples(dataset, 0))
    spec = preset.network
    panel.show_network(spec, spec, spec.validate())


def tab_titles(panel: OutputPanel) -> list[str]:
    return [panel.image_tabs.tabText(k) for k in range(panel.image_tabs.count())]


def test_points_on_a_plane_show_the_boundary_and_images_the_test_images(panel):
    show_preset(panel, "circle")
    assert panel.boundary_view.isVisible() and not panel.image_tabs.isVisible()
    show_preset(panel, "digits-mlp")
    assert panel.image_tabs.isVisible() and not panel.boundary_view.isVisible()
    assert tab_titles(panel) == ["Test images"] and not panel.image_tabs.tabBar().isVisible()


def test_the_chosen_image_view_says_what_the_snapshots_carry(qtbot, panel):
    watched = []
    panel.images_watched.connect(lambda kernels, image: watched.append((kernels, image)))
    show_preset(panel, "digits-cnn")
    assert tab_titles(panel) == ["Test images", "Filters", "Feature maps"]
    choose_tab(qtbot, panel.image_tabs, "Filters")
    assert watched[-1] == (True, None)
    choose_tab(qtbot, panel.image_tabs, "Feature maps")
    assert watched[-1] == (False, panel.feature_maps_view.image)
    show_preset(panel, "digits-mlp")  # no network on images: the test images alone, and nothing to carry
    assert tab_titles(panel) == ["Test images"] and watched[-1] == (False, None)


def test_a_lesson_s_tab_is_chosen_and_drawn_at_once(qtbot, panel):
    with qtbot.waitSignal(panel.views_shown):
        panel.show_tab("compare")
    assert panel.plot_tabs.currentWidget() is panel.compare_view
