"""The window's output side: the picture of what the network computes above the tabs of plots.

The picture is the decision boundary, the fit of a regression without a plane of inputs, or for image sets the
test images, with the Filters and Feature maps of a network on images as tabs beside them; below are the Loss,
Accuracy, Gradients, Activations, Metrics, Inspector, Compare and Stepper tabs. The panel shows the data and the
network it is given, draws a run's snapshots as one view of the run (RunViews: what can be seen, cleared
together), and says which pictures of image layers its chosen tab needs (`images_watched`), so that snapshots
carry only those.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget

from playground.data import Dataset
from playground.engine import LayerInfo, NetworkSpec
from playground.session import Snapshot
from playground.ui.activation_plot import ActivationPlot
from playground.ui.compare_view import ComparePlot
from playground.ui.fit_view import FitView, draws_fit
from playground.ui.gallery import ImageGallery, image_shape
from playground.ui.image_layer_views import FeatureMapsView, FiltersView
from playground.ui.inspector import LayerInspector
from playground.ui.layout_memory import column, tight_tabs
from playground.ui.metrics_view import MetricsView
from playground.ui.plots import AccuracyPlot, DecisionBoundaryView, GradientPlot, LossPlot
from playground.ui.run_views import RunViews
from playground.ui.stepper import StepperPanel


class OutputPanel(QSplitter):
    """The picture above the plots, one above the other (a splitter the window's layout remembers)."""

    images_watched = Signal(bool, object)  # the kernels, the test image followed or None: Training.watch_images
    views_shown = Signal()  # another tab chosen: the window draws its newest snapshot again, not waiting for the next

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.boundary_view = DecisionBoundaryView()
        self.fit_view = FitView()  # a regression without a plane of inputs: its fit, in the boundary's place
        self.fit_view.hide()  # until such data come
        self.gallery = ImageGallery()
        self.filters_view, self.feature_maps_view = FiltersView(), FeatureMapsView()
        # For image sets: the test images, and for a network on images its kernels and one image through it. The
        # tabs show only when there is more than the test images to choose from.
        self.image_tabs = QTabWidget(objectName="imageTabs", documentMode=True, tabBarAutoHide=True)
        self.image_tabs.addTab(self.gallery, self.tr("Test images"))  # the others come with a network on images
        self.image_tabs.hide()  # until image data come: the layout restored before then is the boundary's
        self.image_tabs.currentChanged.connect(self._image_view_chosen)
        self.feature_maps_view.image_chosen.connect(self._image_view_chosen)
        self.gallery.image_clicked.connect(self._follow_test_image)
        self.loss_plot, self.accuracy_plot, self.gradient_plot = LossPlot(), AccuracyPlot(), GradientPlot()
        self.activation_plot, self.metrics_view, self.inspector = ActivationPlot(), MetricsView(), LayerInspector()
        self.stepper = StepperPanel()
        plots = self.plot_tabs = QTabWidget()
        for view, title in ((self.loss_plot, self.tr("Loss")), (self.accuracy_plot, self.tr("Accuracy")),
                            (self.gradient_plot, self.tr("Gradients")), (self.activation_plot, self.tr("Activations")),
                            (self.metrics_view, self.tr("Metrics")), (self.inspector, self.tr("Inspector")),
                            (self.stepper, self.tr("Stepper"))):
            plots.addTab(view, title)
        self.compare_view = ComparePlot()
        plots.insertTab(plots.indexOf(self.stepper), self.compare_view, self.tr("Compare"))
        tight_tabs(plots)
        self._views = RunViews((self.loss_plot, self.gradient_plot, self.accuracy_plot, self.activation_plot,
                                self.metrics_view, self.inspector, self.boundary_view, self.fit_view, self.gallery,
                                self.filters_view, self.feature_maps_view, self.compare_view))
        plots.currentChanged.connect(lambda _: self.views_shown.emit())
        self.pictures = column(self.boundary_view, self.fit_view, self.image_tabs)
        # As layout_memory.splitter_of makes them: no part dragged (or restored) below its minimum size.
        self.addWidget(self.pictures)
        self.addWidget(plots)
        self.setChildrenCollapsible(False)
        self.setSizes([460, 340])  # the picture is the largest thing on the output side

    # A view of the run (RunViews), for the window.

    def update_from(self, snapshot: Snapshot) -> None:
        self._views.draw(snapshot)

    def clear_run(self) -> None:
        self._views.clear()

    # What is shown.

    def show_dataset(self, dataset: Dataset, gallery_examples: numpy.ndarray | None) -> None:
        """The picture that suits `dataset` (or none: the plots take the whole side), its points or, for an image set,
        its test images `gallery_examples` (those the session will predict), and what the plots and the stepper show
        of it."""
        planar = dataset.points_train is not None and dataset.points_train.shape[1] == 2
        self.boundary_view.setVisible(planar)  # a decision boundary needs a plane of inputs to draw on
        fit = draws_fit(dataset)
        self.fit_view.setVisible(fit)
        if fit:
            self.fit_view.show_dataset(dataset)
        shape = image_shape(dataset)
        self.image_tabs.setVisible(shape is not None)
        self.pictures.setVisible(planar or fit or shape is not None)
        if shape is not None:
            self.gallery.show_dataset(dataset, shape, gallery_examples)
            self.feature_maps_view.show_dataset(dataset)
        self.metrics_view.show_dataset(dataset)
        self.accuracy_plot.show_task(dataset.task)
        self.boundary_view.show_points(dataset.points_train, dataset.y_train, dataset.task == "regression",
                                       (-6.0, 6.0), test_points=dataset.points_test, test_labels=dataset.y_test)
        self.stepper.set_example_count(len(dataset.x_train))

    def show_network(self, spec: NetworkSpec | None, built: NetworkSpec | None, infos: Sequence[LayerInfo]) -> None:
        """The network as the builder has it: `built` and its layers' `infos`, valid or not, and `spec`, the
        network trained (None while it does not validate). The plots name its layers; Filters are offered for a
        network with Conv2D layers, Feature maps for one that takes images; else the test images are alone,
        without a tab bar (tabs taken out, not hidden, so that the bar hides itself). Both go by the network as
        built: an edit that does not validate yet leaves the view a person is on where it is."""
        self.gradient_plot.reset([info.path for info in infos if info.type in ("dense", "conv2d")],
                                 kernels=any(info.type == "conv2d" for info in infos))
        self.activation_plot.reset([info.path for info in infos if "." not in info.path])
        tabs = self.image_tabs
        offered = ((self.filters_view, self.tr("Filters"), any(info.type == "conv2d" for info in infos)),
                   (self.feature_maps_view, self.tr("Feature maps"), built is not None and len(built.input_shape) == 3))
        for view, title, shown in offered:
            view.show_network(spec)
            index = tabs.indexOf(view)
            if shown and index < 0:
                tabs.insertTab(1 if view is self.filters_view else tabs.count(), view, title)
            elif not shown and index >= 0:
                tabs.removeTab(index)
        self.gallery.setToolTip(self.tr("Click an image to follow it through the network in Feature maps")
                                if tabs.indexOf(self.feature_maps_view) >= 0 else "")
        self._image_view_chosen()

    def show_tab(self, name: str) -> None:
        """A tab of plots by the name lessons give it."""
        views = {"loss": self.loss_plot, "accuracy": self.accuracy_plot, "gradients": self.gradient_plot,
                 "activations": self.activation_plot, "metrics": self.metrics_view, "inspector": self.inspector,
                 "compare": self.compare_view}
        self.plot_tabs.setCurrentWidget(views[name])

    def _follow_test_image(self, image: int) -> None:
        """A test image clicked in the gallery is the one the Feature maps view follows, shown there when offered."""
        self.feature_maps_view.follow(image)
        if self.image_tabs.indexOf(self.feature_maps_view) >= 0:
            self.image_tabs.setCurrentWidget(self.feature_maps_view)

    def _image_view_chosen(self) -> None:
        """Snapshots carry kernels or feature maps only while their view is chosen; it draws the latest at once."""
        current = self.image_tabs.currentWidget()
        image = self.feature_maps_view.image if current is self.feature_maps_view else None
        self.images_watched.emit(current is self.filters_view, image)
        self.views_shown.emit()
