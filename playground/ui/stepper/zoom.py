"""The heatmaps' zoom in the stepper, shared by shape: matrices of one shape (W, ∂L/∂W, ΔW) show the same rows and
columns in every phase, from step to step, and in a project saved mid-step."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from playground.ui.stepper.matrix_view import MatrixView


class ZoomByShape:
    """The part of the matrices of each shape a person zoomed to: matrices of one shape (W, ∂L/∂W, ΔW) show the same
    rows and columns, in every phase, kept from step to step until the network changes."""

    def __init__(self) -> None:
        self.regions: dict[tuple[int, int], QRectF] = {}

    def forget(self) -> None:
        self.regions = {}

    def saved(self) -> dict[tuple[int, int], tuple[float, float, float, float]]:
        """The regions as a project keeps them: (x, y, width, height) in cells, by shape."""
        return {shape: region.getRect() for shape, region in self.regions.items()}

    def restore(self, saved: dict[tuple[int, int], tuple[float, float, float, float]]) -> None:
        """The regions a project kept; a shape the step has not is never asked for."""
        self.regions = {shape: QRectF(*region) for shape, region in saved.items()}

    def region(self, shape: tuple[int, int]) -> QRectF | None:
        """The part of a matrix of that shape to show, or None for all of it."""
        return self.regions.get(shape)

    def zoomed(self, source: MatrixView, region: QRectF | None, shown: list[MatrixView]) -> None:
        """A heatmap zoomed or moved by hand: the others shown of its shape follow it, now and in later phases."""
        shape = source.matrix.values.shape
        if region is None:
            self.regions.pop(shape, None)
        else:
            self.regions[shape] = region
        for view in shown:
            if view is not source and view.matrix.values.shape == shape:
                view.show_region(region)
