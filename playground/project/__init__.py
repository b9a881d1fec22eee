"""What a user edits and saves: presets and .bpp project files."""

from playground.project.bpp import Project, load_project, save_project
from playground.project.presets import Preset, list_presets, load_preset

__all__ = ["Preset", "Project", "list_presets", "load_preset", "load_project", "save_project"]
