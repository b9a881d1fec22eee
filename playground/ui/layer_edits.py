"""Edits of a network's layers as plain data, and the undo command that applies them.

The builder keeps the network as the layer dicts of NetworkSpec.to_dict(), which hold
invalid settings too (a person mid-edit), and names layers by path: "2", or "2.1" for the
first layer inside block 2. Every edit makes a new list, so undo keeps whole states.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtGui import QUndoCommand

Layers = list[dict[str, Any]]

# Where a dropped or added layer goes relative to the layer it lands on.
BEFORE, AFTER, INSIDE = "before", "after", "inside"


def locate(layers: Layers, path: str) -> tuple[Layers, int]:
    """The list holding the layer at `path`, and its index there."""
    *outer, last = (int(part) - 1 for part in path.split("."))
    container = layers
    for index in outer:
        container = container[index]["layers"]
    return container, last


def layer_at(layers: Layers, path: str) -> dict[str, Any]:
    container, index = locate(layers, path)
    return container[index]


def rows(layers: Layers, prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, layer) of every layer, blocks before the layers inside them."""
    for i, layer in enumerate(layers):
        path = f"{prefix}{i + 1}"
        yield path, layer
        if layer.get("type") == "residual":
            yield from rows(layer.get("layers", []), f"{path}.")


def path_of(layers: Layers, target: dict[str, Any]) -> str:
    return next(path for path, layer in rows(layers) if layer is target)


def inserted(layers: Layers, layer: dict[str, Any], where: str | None, placement: str) -> tuple[Layers, str]:
    """A copy of `layers` with `layer` placed relative to the layer at `where` (None: at the end)."""
    new = copy.deepcopy(layers)
    item = copy.deepcopy(layer)
    _place(new, item, where, placement)
    return new, path_of(new, item)


def _place(layers: Layers, item: dict[str, Any], where: str | None, placement: str) -> None:
    if where is None:
        layers.append(item)
        return
    container, index = locate(layers, where)
    if placement == INSIDE and container[index].get("type") == "residual":
        container[index].setdefault("layers", []).append(item)
    else:
        container.insert(index + (placement != BEFORE), item)


def removed(layers: Layers, path: str) -> Layers:
    new = copy.deepcopy(layers)
    container, index = locate(new, path)
    del container[index]
    return new


def moved(layers: Layers, path: str, where: str | None, placement: str) -> tuple[Layers, str] | None:
    """A copy with the layer at `path` moved next to (or into) `where`; None when that is no move,
    as when a block would go inside itself."""
    if where is not None and (where == path or where.startswith(path + ".")):
        return None
    new = copy.deepcopy(layers)
    source = layer_at(new, path)
    moving = copy.deepcopy(source)
    _place(new, moving, where, placement)
    _remove_identical(new, source)  # by identity: its index may have shifted with the insertion
    return new, path_of(new, moving)


def _remove_identical(container: Layers, target: dict[str, Any]) -> bool:
    for k, layer in enumerate(container):
        if layer is target:
            del container[k]
            return True
        if layer.get("type") == "residual" and _remove_identical(layer.get("layers", []), target):
            return True
    return False


def with_field(layers: Layers, path: str, name: str, value: Any) -> Layers:
    """A copy with one setting of one layer changed; None removes the setting (its default)."""
    new = copy.deepcopy(layers)
    layer = layer_at(new, path)
    if value is None:
        layer.pop(name, None)
    else:
        layer[name] = value
    function = layer.get("activation", layer.get("type"))
    if function not in ("leaky_relu", "elu"):
        layer.pop("alpha", None)  # only those two take α; validation refuses it elsewhere
    return new


class NetworkEdit(QUndoCommand):
    """One edit of the network: the whole state before and after, and the layer to select."""

    def __init__(self, show: Callable[[dict[str, Any], str | None], None], before: dict[str, Any],
                 after: dict[str, Any], text: str, select: str | None, merge_key: tuple | None = None) -> None:
        super().__init__(text)
        self.show, self.before, self.after = show, before, after
        self.select_before, self.select_after = select, select
        self.merge_key = merge_key

    def redo(self) -> None:
        self.show(self.after, self.select_after)

    def undo(self) -> None:
        self.show(self.before, self.select_before)

    def id(self) -> int:
        # Typing 128 into a spin box is one edit, not three: successive changes of one field merge.
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, NetworkEdit) or other.merge_key != self.merge_key:
            return False
        self.after, self.select_after = other.after, other.select_after
        return True
