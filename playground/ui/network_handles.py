"""The + and − handles of the network picture, as TensorFlow Playground has them: a pair above each
Dense column adds or removes a unit, a pair above them all adds or removes a hidden layer.

A handle is only another way to make a builder edit: each click is one NetworkEdit through
LayerBuilder.edit, so Undo, validation and everything that follows an edit behave as for the
builder's own. A handle that would make a network the builder refuses, or one too large to draw
unit by unit, is drawn greyed with the reason as its tooltip.
"""

from __future__ import annotations

from typing import Any

from playground.session.snapshot_measures import NEURON_GRID_UNITS
from playground.ui.builder import LayerBuilder
from playground.ui.layer_edits import BEFORE, inserted, removed, with_field
from playground.ui.network_view import MAX_UNITS, Handle, NetworkView, fits_units
from playground.ui.translation import tr

Layers = list[dict[str, Any]]


class NetworkHandles:
    """The handles for the builder's network as it is, and the edit each one makes."""

    def __init__(self, builder: LayerBuilder, view: NetworkView) -> None:
        self.builder = builder
        view.handle_clicked.connect(self.apply)

    def handles(self, features: int) -> list[Handle]:
        """Every handle, usable or with its refusal, for a picture of `features` input columns."""
        dense = self._dense()
        if not dense:
            return []
        handles = []
        for column in [None, *dense]:
            for sign in (1, -1):
                edit = self._edit(column, sign)
                refusal = edit if isinstance(edit, str) else self._refusal(edit[0], features)
                handles.append(Handle(column, sign, self._tip(column, sign), refusal))
        return handles

    def apply(self, handle: Handle) -> None:
        """Make the handle's edit, one undoable builder edit (nothing when it is refused now)."""
        edit = self._edit(handle.column, handle.sign)
        if not isinstance(edit, str):
            self.builder.edit(*edit)

    def _dense(self) -> list[str]:
        """The paths of the top-level Dense layers; the last one is the output layer."""
        return [str(k + 1) for k, layer in enumerate(self.builder.layers) if layer.get("type") == "dense"]

    def _edit(self, column: str | None, sign: int) -> tuple[Layers, str, str | None] | str:
        """(layers, undo text, layer to select) of the handle's edit, or why there is none."""
        layers, dense = self.builder.layers, self._dense()
        output, hidden = dense[-1], dense[:-1]
        if column == output:
            return tr("The output layer's size is fixed by the data: it gives what the loss needs.")
        if column is not None:
            units = int(layers[int(column) - 1].get("units", 1)) + sign
            if units < 1:
                return tr("A layer needs at least one unit: remove the layer itself with the − beside "
                          "the hidden layers.")
            if units > MAX_UNITS:
                return tr("The picture shows at most {0} units a layer: make it wider in the layer list.").format(
                    MAX_UNITS)
            text = tr("Add a unit to layer {0}") if sign > 0 else tr("Remove a unit from layer {0}")
            return with_field(layers, column, "units", units), text.format(column), column
        if sign < 0:
            if not hidden:
                return tr("There is no hidden layer to remove.")
            return removed(layers, hidden[-1]), tr("Remove hidden layer {0}").format(hidden[-1]), None
        # A new hidden layer just before the output layer, as wide as the last one and as it activates.
        new = dict(self.builder.palette.templates["dense"])
        if hidden:
            last = layers[int(hidden[-1]) - 1]
            new.update(units=last["units"], activation=last.get("activation", "linear"))
        added, path = inserted(layers, new, output, BEFORE)
        return added, tr("Add a hidden layer"), path

    def _refusal(self, layers: Layers, features: int) -> str | None:
        """Why the network `layers` would not do, by the builder's own check; or that it is too large
        to draw unit by unit, which would take the handles away."""
        infos, problem = self.builder.problem_with(layers)
        if problem is not None:
            return problem
        if not fits_units([info for info in infos if "." not in info.path], features):
            return tr("That would make the network too large to draw unit by unit (at most {0} units a layer, {1} "
                      "in all): make it larger in the layer list.").format(MAX_UNITS, NEURON_GRID_UNITS)
        return None

    @staticmethod
    def _tip(column: str | None, sign: int) -> str:
        if column is None:
            return tr("Add a hidden layer before the output layer") if sign > 0 else \
                tr("Remove the last hidden layer")
        return (tr("Add a unit to layer {0}") if sign > 0 else tr("Remove the last unit of layer {0}")).format(column)
