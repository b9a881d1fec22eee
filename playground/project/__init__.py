"""What a user edits and saves: presets now; projects and the .bpp format later."""

from playground.project.presets import Preset, list_presets, load_preset

__all__ = ["Preset", "list_presets", "load_preset"]
