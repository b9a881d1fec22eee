"""The user's data folder, where downloads and caches go: per platform, as QStandardPaths has it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "Backprop Playground"
OVERRIDE = "PLAYGROUND_DATA_DIR"


def user_data_dir() -> Path:
    """$PLAYGROUND_DATA_DIR if set, else the platform's per-user application data folder."""
    override = os.environ.get(OVERRIDE)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / APP_FOLDER
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_FOLDER
    return Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share")) / "backprop-playground"
