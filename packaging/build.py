"""Build the desktop application with PyInstaller and smoke-test what was built.

    python packaging/build.py [--dist DIR] [--work DIR] [--skip-build] [--archive] [--deb]

Makes DIR/backprop-playground/ (by default packaging/dist; a folder with the `backprop-playground`
executable and everything it needs; no Python on the target machine; on macOS also
DIR/backprop-playground.app), then runs the built executable as a person and a script would: the
window's own smoke test (add a layer and undo it, train, pause, step, trace a step and apply it), again
on a Chinese system (the window must be in Chinese, and Qt's own buttons too: the compiled translations and Qt's
own catalogue are in the bundle),
`presets`, a short headless `train`, and a user error, which must print one `error:` line and exit 2.
Exits non-zero on any failure. With --archive, packs the tested folder for download (.tar.xz; .zip on
Windows); with --deb (Debian and its kin), builds the .deb from it (packaging/deb.py). PyInstaller
builds for the system it runs on: Linux here; the same script builds on Windows and macOS, where
packaging/windows and packaging/macos make the installer and the disk image from its output.
"""

from __future__ import annotations

import argparse
import os
import platform
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
NAME = "backprop-playground"
ICON = ROOT / "resources" / "icons" / f"{NAME}.svg"
# Optional extras and the test tools stay out: the app runs on NumPy and says how to add the rest. (PIL and cuda
# come in through torch and CuPy's dependencies when those are installed; yaml, a test tool, through
# numpy.show_config.) So do the Qt modules the app does not use, which pyqtgraph imports when they are there (its
# plot items import QtOpenGL whatever they draw with: packaging/hooks/runtime-qtopengl-stand-in.py gives them an empty
# one); packaging/hooks keeps Qt's plugins to those the app uses, and pyqtgraph's and pygments' files to those it reads.
EXCLUDED = ["torch", "torchvision", "cupy", "cupyx", "cupy_backends", "cuda", "PIL", "pytest", "pytestqt",
            "hypothesis", "yaml", "IPython", "matplotlib", "tkinter", "PyInstaller", "PySide6.QtNetwork",
            "PySide6.QtTest", "PySide6.QtDBus", "PySide6.QtOpenGL", "pyqtgraph.opengl", "pyqtgraph.examples",
            "pyqtgraph.jupyter"]
SMOKE_TIMEOUT_S = 120
WINDOWS_ICON = f"{NAME}.ico"  # beside the .exe: the installer gives it to .bpp files


def render_icon(path: Path, size: int) -> Path:
    """The app's SVG icon drawn at `size` pixels into `path`, in the format its suffix names (.png,
    .ico, .icns: Qt writes all three)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt paints only with one)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICON)).render(painter)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise SystemExit(f"FAILED: could not write the icon {path}")
    return path


def build(dist: Path, work: Path) -> None:
    import PyInstaller.__main__
    from translations import compile_all

    compile_all()  # resources/translations/*.qm, which --add-data takes in with the rest of resources

    arguments = [str(PACKAGING / "entry.py"), "--name", NAME, "--noconfirm", "--clean", "--onedir",
                 "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
                 "--add-data", f"{ROOT / 'resources'}{os.pathsep}resources",
                 "--paths", str(ROOT), "--additional-hooks-dir", str(PACKAGING / "hooks"),
                 "--runtime-hook", str(PACKAGING / "hooks" / "runtime-qtopengl-stand-in.py"), "--log-level", "WARN"]
    for module in EXCLUDED:
        arguments += ["--exclude-module", module]
    if sys.platform in ("win32", "darwin"):
        arguments.append("--windowed")  # no console window behind the app
        icon = render_icon(work / (WINDOWS_ICON if sys.platform == "win32" else f"{NAME}.icns"), 256)
        arguments += ["--icon", str(icon)]
    if sys.platform == "darwin":
        # A double-clicked .bpp reaches a starting app as an Apple event: PyInstaller turns it into the argument.
        arguments.append("--argv-emulation")
    PyInstaller.__main__.run(arguments)
    if sys.platform == "win32":
        shutil.copy2(icon, dist / NAME / WINDOWS_ICON)
    if sys.platform == "darwin":
        describe_macos_app(dist / f"{NAME}.app")
    if sys.platform.startswith("linux"):
        strip_libraries(dist / NAME / "_internal")
        from icu_data import KEPT_ITEMS, keep_icu_items

        for library in (dist / NAME / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"):
            keep_icu_items(library, KEPT_ITEMS)
        # A menu entry, the icon and the .bpp file type, which Linux keeps beside the program.
        render_icon(dist / NAME / f"{NAME}.png", 256)
        for name in ("install-desktop-entry.sh", f"{NAME}.xml"):
            shutil.copy2(PACKAGING / "linux" / name, dist / NAME)
        (dist / NAME / f"{NAME}.desktop").write_text(desktop_entry(), encoding="utf-8")


def desktop_entry() -> str:
    """The menu entry (packaging/linux) in the languages of the window: install-desktop-entry.sh and the .deb put it
    in the menu."""
    from translations import localized_desktop_entry

    return localized_desktop_entry((PACKAGING / "linux" / f"{NAME}.desktop").read_text(encoding="utf-8"))


def project_version() -> str:
    source = (ROOT / "playground" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "(.+)"$', source, re.MULTILINE).group(1)


def describe_macos_app(app: Path) -> None:
    """Write packaging/macos/Info.plist (the name, the bundle identifier, the .bpp document type and its icon) over
    PyInstaller's, with the project's version, and sign the app again ad hoc: the signature covers Info.plist."""
    info = app / "Contents" / "Info.plist"
    with open(info, "rb") as file:
        keys = plistlib.load(file)
    with open(PACKAGING / "macos" / "Info.plist", "rb") as file:
        keys.update(plistlib.load(file))
    keys["CFBundleShortVersionString"] = keys["CFBundleVersion"] = project_version()
    with open(info, "wb") as file:
        plistlib.dump(keys, file)
    subprocess.run(["codesign", "--force", "--deep", "--sign", "-", str(app)], check=True)


def elf_files(folder: Path) -> list[Path]:
    files = [path for path in sorted(folder.rglob("*")) if path.is_file() and not path.is_symlink()]
    return [path for path in files if path.open("rb").read(4) == b"\x7fELF"]


def strip_libraries(internal: Path) -> None:
    """Drop the symbol tables the libraries carry and do not need (libpython's debugging symbols alone are 17 MiB),
    except in the libraries auditwheel copied into a wheel (numpy.libs: OpenBLAS no longer loads once stripped);
    those copied from the system are stripped already and stay as they are. Then remove the library search paths
    that name folders of this machine (a pyenv Python's, in libpython and its modules): the launcher sets the search
    path, and on another machine such a folder would be somebody else's."""
    libraries = [path for path in elf_files(internal) if not any(part.endswith(".libs") for part in path.parts)]
    symbols = [path for path in libraries if ".symtab" in {section[0] for section in elf_sections(path.read_bytes())}]
    if symbols:
        subprocess.run(["strip", "--strip-unneeded", *map(str, symbols)], check=True)
    for path in libraries:
        drop_absolute_runpaths(path)


def elf_sections(data: bytes) -> list[tuple[str, int, int, int, int]]:
    """(name, type, offset, size, linked section) of each section of a 64-bit little-endian ELF file (x86-64, arm64);
    none for other files."""
    if data[4:6] != b"\x02\x01":
        return []
    table, = struct.unpack_from("<Q", data, 0x28)
    entry_size, count, names = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQII", data, table + index * entry_size) for index in range(count)]
    strings = headers[names][4]
    return [(data[strings + name:data.index(0, strings + name)].decode(), kind, offset, size, link)
            for name, kind, _, _, offset, size, link, _ in headers]


def drop_absolute_runpaths(path: Path) -> None:
    """Remove an ELF file's RPATH and RUNPATH entries that name absolute folders (not $ORIGIN), as `chrpath -d`
    does: the entries after them move up and the dynamic section ends in more DT_NULLs."""
    data = bytearray(path.read_bytes())
    sections = elf_sections(data)
    changed = False
    for _, kind, offset, size, link in sections:
        if kind != 6:  # SHT_DYNAMIC; its strings are in the section it links
            continue
        entries = [struct.unpack_from("<qQ", data, offset + at) for at in range(0, size - size % 16, 16)]
        kept = [(tag, value) for tag, value in entries
                if tag not in (15, 29) or searches_origin(data, sections[link][2] + value)]  # DT_RPATH, DT_RUNPATH
        if len(kept) < len(entries):
            changed = True
            for index, entry in enumerate(kept + [(0, 0)] * (len(entries) - len(kept))):
                struct.pack_into("<qQ", data, offset + 16 * index, *entry)
    if changed:
        path.write_bytes(data)


def searches_origin(data: bytearray, at: int) -> bool:
    """Whether the search path written at `at` names a folder relative to the library's own ($ORIGIN)."""
    return any(folder.startswith("$ORIGIN") for folder in data[at:data.index(0, at)].decode().split(":"))


def executable(dist: Path) -> Path:
    if sys.platform == "darwin":  # what ships: the program inside the app
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / NAME / f"{NAME}{suffix}"


def run(dist: Path, arguments: list[str], expect: int = 0, needs: tuple[str, ...] = (), **variables: str) -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), **variables}
    environment.pop("PYTHONPATH", None)  # the bundle must find everything in itself
    started = time.perf_counter()
    result = subprocess.run([str(executable(dist)), *arguments], capture_output=True, text=True, cwd=dist,
                            env=environment, timeout=SMOKE_TIMEOUT_S)
    took = time.perf_counter() - started
    output = result.stdout + result.stderr
    missing = [text for text in needs if text not in output]
    if result.returncode != expect or missing:
        raise SystemExit(f"FAILED: {' '.join(arguments)} exited {result.returncode} (expected {expect})"
                         f"{f' without {missing}' if missing else ''}:\n{output}")
    print(f"ok  {' '.join(arguments) or '(window)'}  {took:.1f} s")
    return output


def smoke_test(dist: Path) -> None:
    run(dist, ["--smoke-test"], needs=("smoke test passed",))
    with tempfile.TemporaryDirectory() as settings:  # no language chosen: the system's, Chinese, is the window's
        # The menus from the app's catalogue, the buttons' 取消 (Cancel) from Qt's (qtbase_zh_CN.qm).
        run(dist, ["--smoke-test"], needs=("文件", "取消"), LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8",
            XDG_CONFIG_HOME=settings)
    run(dist, ["presets"], needs=("circle",))
    run(dist, ["train", "--preset", "xor", "--epochs", "2", "--json"], needs=('"done": true',))
    run(dist, ["gradcheck", "--preset", "circle"])
    error = run(dist, ["train", "--preset", "no-such-preset"], expect=2, needs=("error:",))
    if "Traceback" in error:
        raise SystemExit(f"FAILED: a user error showed a traceback:\n{error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=PACKAGING / "dist", help="where the app folder goes")
    parser.add_argument("--work", type=Path, default=PACKAGING / "build", help="PyInstaller's working folder")
    parser.add_argument("--skip-build", action="store_true", help="smoke-test the last build only")
    parser.add_argument("--archive", action="store_true", help="pack the tested folder for download")
    parser.add_argument("--deb", action="store_true", help="build the Debian package from the tested folder")
    args = parser.parse_args()
    dist = args.dist.resolve()
    if not args.skip_build:
        started = time.perf_counter()
        build(dist, args.work.resolve())
        files = [f for f in (dist / NAME).rglob("*") if f.is_file() and not f.is_symlink()]
        size = sum(f.stat().st_size for f in files)
        took = time.perf_counter() - started
        print(f"built {dist / NAME} in {took:.0f} s: {len(files)} files, {size / 2**20:.0f} MiB")
    smoke_test(dist)
    if args.archive:
        system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
        archive = shutil.make_archive(str(dist / f"{NAME}-{project_version()}-{system}-{platform.machine().lower()}"),
                                      "zip" if system == "windows" else "xztar", dist, NAME)
        print(f"packed {archive}: {Path(archive).stat().st_size / 2**20:.0f} MiB")
    if args.deb:
        from deb import build_deb

        deb = build_deb(dist / NAME, dist)
        print(f"packed {deb}: {deb.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
