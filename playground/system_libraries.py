"""The system libraries the window needs on Linux, the Debian packages that hold them, and the check that names the
missing ones in one sentence before Qt starts; and the X display the window opens on, checked before Qt too.

PySide6's wheels carry Qt but link the desktop's own OpenGL, fonts, X11 and the xcb extensions of Qt's xcb platform
plugin. Where one is missing, Qt aborts naming its plugin, not the library: on a minimal Debian 12 it asked for
libxcb-cursor0, installed, when libxcb-icccm4 and libxcb-keysyms1 were missing. The lists are what `readelf` reads
from PySide6's Qt libraries and plugins, resolved by ldd and mapped with `dpkg -S`, less the C and C++ runtime, zlib
and zstd, which every Debian has (tests/test_system_libraries.py checks them against the installed PySide6). The
frozen app carries its own copies, and the .deb depends on these packages.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

from playground.errors import PlaygroundError

# soname -> Debian package. What Qt's Core, Gui, Widgets, Svg, OpenGL and DBus libraries link, on every platform.
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# What Qt's xcb platform plugin (X11, and XWayland) links on top of those.
XCB_LIBRARIES = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def window_packages() -> list[str]:
    """The Debian packages the window needs, for the README's set-up line and the .deb's Depends."""
    return sorted({*QT_LIBRARIES.values(), *XCB_LIBRARIES.values()})


def loads(soname: str) -> bool:
    """Whether the dynamic loader finds and loads `soname`, as it will when Qt starts (the frozen app's loader looks
    in its own folder first)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environment: Mapping[str, str]) -> bool:
    """Whether Qt will start on its xcb platform: asked for by name, or by default outside a Wayland session (in one,
    Qt tries Wayland first)."""
    platform = environment.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return "WAYLAND_DISPLAY" not in environment and environment.get("XDG_SESSION_TYPE") != "wayland"


def check_window_libraries(environment: Mapping[str, str] | None = None) -> None:
    """Raise a PlaygroundError naming the packages to install when a library the window needs cannot be loaded."""
    if not sys.platform.startswith("linux"):
        return
    environment = os.environ if environment is None else environment
    libraries = {**QT_LIBRARIES, **(XCB_LIBRARIES if uses_xcb(environment) else {})}
    missing = sorted({package for soname, package in libraries.items() if not loads(soname)})
    if missing:
        what = "system libraries that are not installed: install them" if len(missing) > 1 else \
            "a system library that is not installed: install it"
        raise PlaygroundError(f"The window needs {what} with `sudo apt install {' '.join(missing)}` on Debian or "
                              f"Ubuntu (or your system's packages of the same names) and start again.")


def reaches_display(display: str) -> bool:
    """Whether an X client can open `display`, as Qt's xcb plugin will try to (libX11 is one of QT_LIBRARIES)."""
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        return False
    x11.XCloseDisplay(connection)
    return True


def check_display(environment: Mapping[str, str] | None = None) -> None:
    """Raise a PlaygroundError when Qt would start on X11 with no display to open (over ssh, in a console): Qt
    itself aborts, asks for libxcb-cursor0 and suggests reinstalling the app, none of which helps."""
    if not sys.platform.startswith("linux"):
        return
    environment = os.environ if environment is None else environment
    if not uses_xcb(environment):
        return
    display = environment.get("DISPLAY", "")
    headless = "use a command that needs no window, such as 'playground train --preset circle' (see 'playground " \
               "--help')"
    if not display:
        raise PlaygroundError(f"There is no display to show the window on (DISPLAY is not set): start Backprop "
                              f"Playground from the desktop, or {headless}.")
    if not reaches_display(display):
        raise PlaygroundError(f"Cannot open the display {display} to show the window on: start Backprop Playground "
                              f"from the desktop, or {headless}.")
