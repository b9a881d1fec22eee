"""The system libraries the window needs on Linux: a missing one is named as a package in one sentence before Qt
starts, and the lists match what the installed PySide6 links."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from playground import system_libraries
from playground.cli import main
from playground.errors import PlaygroundError
from playground.system_libraries import QT_LIBRARIES, XCB_LIBRARIES, check_window_libraries

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
# Every Debian has these (the C and C++ runtime; dpkg itself needs zlib and zstd): nobody is told to install them.
BASE = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libstdc++.so.6", "libgcc_s.so.1",
        "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libz.so.1", "libzstd.so.1"}


def without(*missing: str):
    return lambda soname: soname not in missing


@linux_only
def test_missing_xcb_libraries_are_named_as_packages_in_one_sentence(monkeypatch):
    monkeypatch.setattr(system_libraries, "loads", without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    with pytest.raises(PlaygroundError) as raised:
        check_window_libraries({"DISPLAY": ":0"})
    message = str(raised.value)
    assert "libraries that are not installed: install them with `sudo apt install libxcb-icccm4 libxcb-keysyms1`" \
        in message
    assert message.count(". ") == 0 and message.endswith("start again.")


@linux_only
def test_the_xcb_libraries_are_not_asked_for_where_qt_will_not_use_them(monkeypatch):
    monkeypatch.setattr(system_libraries, "loads", without("libxcb-icccm.so.4"))
    for environment in ({"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},
                        {"XDG_SESSION_TYPE": "wayland"}):
        check_window_libraries(environment)
    with pytest.raises(PlaygroundError, match="libxcb-icccm4"):
        check_window_libraries({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})


@linux_only
def test_a_library_every_platform_needs_is_asked_for_headless_too(monkeypatch):
    monkeypatch.setattr(system_libraries, "loads", without("libEGL.so.1"))
    with pytest.raises(PlaygroundError, match="install it with `sudo apt install libegl1`"):
        check_window_libraries({"QT_QPA_PLATFORM": "offscreen"})


@linux_only
def test_playground_says_which_package_is_missing_instead_of_starting_qt(monkeypatch, capsys):
    import playground.ui.app

    monkeypatch.setattr(system_libraries, "loads", without("libxcb-cursor.so.0"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    started = []
    monkeypatch.setattr(playground.ui.app, "run_app", lambda **options: started.append(options) or 0)
    assert main([]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "libxcb-cursor0" in lines[0], lines
    assert not started


@linux_only
def test_playground_without_a_display_says_so_instead_of_letting_qt_abort(monkeypatch, capsys):
    """Over ssh or in a console Qt aborts (signal 6), asking for libxcb-cursor0 and a reinstall."""
    import playground.ui.app

    monkeypatch.setattr(system_libraries, "loads", lambda soname: True)
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    started = []
    monkeypatch.setattr(playground.ui.app, "run_app", lambda **options: started.append(options) or 0)
    for display, words in ((None, "DISPLAY is not set"), (":4321", "Cannot open the display :4321")):
        if display is not None:
            monkeypatch.setenv("DISPLAY", display)  # no X server listens there
        assert main([]) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], lines
        assert "playground train --preset circle" in lines[0]
    assert not started


@linux_only
def test_the_window_opens_when_everything_is_there(monkeypatch):
    import playground.ui.app

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    started = []
    monkeypatch.setattr(playground.ui.app, "run_app", lambda **options: started.append(options) or 0)
    assert main(["--smoke-test"]) == 0
    assert started == [{"smoke_test": True, "project": None, "backend": None}]


def needed(path: Path) -> list[str]:
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)


def system_needs(files: list[Path], bundled: dict[str, Path]) -> set[str]:
    """The sonames that `files` and the bundled libraries they link, transitively, take from the system."""
    found, seen, queue = set(), set(), list(files)
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        for soname in needed(path):
            if soname in bundled:
                queue.append(bundled[soname])
            else:
                found.add(soname)
    return found - BASE


def debian_package(soname: str, next_to: Path) -> str:
    resolved = subprocess.run(["ldd", str(next_to)], capture_output=True, text=True, check=True).stdout
    path = Path(re.search(rf"^\s*{re.escape(soname)} => (\S+)", resolved, re.MULTILINE).group(1)).resolve()
    for candidate in (path, Path(str(path).removeprefix("/usr"))):
        owner = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    raise AssertionError(f"no Debian package holds {path}")


@pytest.mark.skipif(not sys.platform.startswith("linux") or not all(map(shutil.which, ["readelf", "ldd", "dpkg"])),
                    reason="reads ELF files and asks dpkg: Debian and its kin only")
def test_the_lists_are_what_pyside6_links_and_name_the_debian_packages():
    import PySide6

    package = Path(PySide6.__file__).parent
    bundled = {path.name: path for folder in (package, package.parent / "shiboken6") for path in folder.rglob("*.so*")}
    bindings = [package / f"{module}.abi3.so" for module in
                ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGL", "QtOpenGLWidgets")]
    platforms = package / "Qt" / "plugins" / "platforms"
    on_every_platform = system_needs([*bindings, platforms / "libqoffscreen.so"], bundled)
    assert on_every_platform == set(QT_LIBRARIES)
    assert system_needs([platforms / "libqxcb.so"], bundled) - on_every_platform == set(XCB_LIBRARIES)
    xcb = platforms / "libqxcb.so"
    for soname, expected in {**QT_LIBRARIES, **XCB_LIBRARIES}.items():
        assert debian_package(soname, xcb if soname in XCB_LIBRARIES else package / "Qt" / "lib" / "libQt6Gui.so.6") \
            == expected, soname
