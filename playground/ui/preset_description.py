"""The preset's description, shown only while it tells the truth: it tells of the preset's own data and network,
so other data, or another network (a lesson's change, an edit), hides it until they are back. The input's size
aside: features added leave the layers it tells of as they were."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from playground.engine import NetworkSpec


def layers_and_loss(spec: NetworkSpec) -> tuple[list[dict], str]:
    """What a description can tell of a network: its layers and loss."""
    data = spec.to_dict()
    return data["layers"], data["loss"]


class PresetDescription(QLabel):
    def __init__(self) -> None:
        super().__init__(objectName="presetDescription", wordWrap=True)
        self._described: tuple[str | None, tuple[list[dict], str] | None] = (None, None)

    def describe(self, text: str, dataset_name: str | None, network: NetworkSpec) -> None:
        """`text`, which tells of the data set `dataset_name` and of `network`."""
        self.setText(text)
        self._described = dataset_name, layers_and_loss(network)

    def tells_of(self, dataset_name: str | None, network: NetworkSpec | None) -> bool:
        """Whether it tells of the data set `dataset_name` and of `network` (None: no valid network)."""
        return (dataset_name, layers_and_loss(network) if network is not None else None) == self._described

    def follow(self, dataset_name: str | None, network: NetworkSpec | None) -> None:
        """Shown while the data and network in use are those it tells of (`network` None: none valid)."""
        self.setVisible(self.tells_of(dataset_name, network))
