"""PyInstaller's QtGui hook, keeping only the Qt plugins the app uses on Linux (this hook takes the place of
PyInstaller's; Windows and macOS keep all of theirs, as this machine cannot try a smaller set there).

A widget app on a Linux desktop needs a platform (xcb for X11, which Wayland desktops serve through XWayland;
offscreen for headless runs), the SVG icon engine and image format (the app's icon), the input contexts (compose
keys, IBus) and the desktop portal theme. The rest (Wayland's own platform, framebuffer and EGL platforms, the GTK
theme, OpenGL integrations, other image formats) would bring their libraries in too, and the .deb would depend on
them.
"""

import sys
from pathlib import PurePosixPath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEPT_PLUGINS = {
    "platforms": {"libqxcb.so", "libqoffscreen.so"},
    "iconengines": {"libqsvgicon.so"},
    "imageformats": {"libqsvg.so"},
    "platforminputcontexts": {"libcomposeplatforminputcontextplugin.so", "libibusplatforminputcontextplugin.so"},
    "platformthemes": {"libqxdgdesktopportal.so"},
}


def kept(source: str, destination: str) -> bool:
    plugin_type = PurePosixPath(destination).name
    return PurePosixPath(source).name in KEPT_PLUGINS.get(plugin_type, ())


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
if sys.platform.startswith("linux"):
    binaries = [(source, destination) for source, destination in binaries
                if "plugins" not in PurePosixPath(destination).parts or kept(source, destination)]
