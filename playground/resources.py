"""Where the bundled resources (presets, datasets) live: the source tree or a PyInstaller bundle; and the languages
the app speaks, with where the words of its data files in each are kept."""

from __future__ import annotations

import sys
from pathlib import Path

# The languages the app has, by code, each named in its own words. English is the data files' own language; the
# others have translations of the words in resources/translations/<code>/ (and the window's in its .ts files).
LANGUAGES = {"en": "English", "zh_CN": "中文"}
ENGLISH = "en"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir(language: str) -> Path:
    """The folder of a language's words for presets (presets.json) and lessons (lessons/<name>.json)."""
    return resources_dir() / "translations" / language
