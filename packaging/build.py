"""Build the desktop application with PyInstaller and smoke-test what was built.

    python packaging/build.py [--dist DIR] [--work DIR] [--skip-build] [--archive]

Makes DIR/backprop-playground/ (by default packaging/dist; a folder with the `backprop-playground`
executable and everything it needs; no Python on the target machine), then runs the built
executable as a person and a script would: the window's own smoke test (add a layer and undo
it, train, pause, step, trace a step and apply it), `presets`, a short headless `train`, and a
user error, which must print one `error:` line and exit 2. Exits non-zero on any failure.
With --archive, packs the tested folder for download (.tar.gz; .zip on Windows). PyInstaller
builds for the system it runs on: Linux here; the same script builds on Windows and macOS.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
NAME = "backprop-playground"
ICON = ROOT / "resources" / "icons" / f"{NAME}.svg"
# Optional extras and the test tools stay out: the app runs on NumPy and says how to add the rest.
# (PIL and cuda come in through torch and CuPy's dependencies, when those are installed.)
EXCLUDED = ["torch", "torchvision", "cupy", "cupyx", "cupy_backends", "cuda", "PIL", "pytest", "pytestqt",
            "hypothesis", "IPython", "matplotlib", "tkinter", "PyInstaller"]
SMOKE_TIMEOUT_S = 120


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

    arguments = [str(PACKAGING / "entry.py"), "--name", NAME, "--noconfirm", "--clean", "--onedir",
                 "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
                 "--add-data", f"{ROOT / 'resources'}{os.pathsep}resources",
                 "--paths", str(ROOT), "--log-level", "WARN"]
    for module in EXCLUDED:
        arguments += ["--exclude-module", module]
    if sys.platform in ("win32", "darwin"):
        arguments.append("--windowed")  # no console window behind the app
        icon = render_icon(work / f"{NAME}{'.ico' if sys.platform == 'win32' else '.icns'}", 256)
        arguments += ["--icon", str(icon)]
    PyInstaller.__main__.run(arguments)
    if sys.platform.startswith("linux"):  # a menu entry and its icon, which Linux keeps beside the program
        render_icon(dist / NAME / f"{NAME}.png", 256)
        shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh", dist / NAME)


def executable(dist: Path) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / NAME / f"{NAME}{suffix}"


def run(dist: Path, arguments: list[str], expect: int = 0, needs: str = "") -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    environment.pop("PYTHONPATH", None)  # the bundle must find everything in itself
    started = time.perf_counter()
    result = subprocess.run([str(executable(dist)), *arguments], capture_output=True, text=True, cwd=dist,
                            env=environment, timeout=SMOKE_TIMEOUT_S)
    took = time.perf_counter() - started
    output = result.stdout + result.stderr
    if result.returncode != expect or needs not in output:
        raise SystemExit(f"FAILED: {' '.join(arguments)} exited {result.returncode} (expected {expect})"
                         f"{f' without {needs!r}' if needs not in output else ''}:\n{output}")
    print(f"ok  {' '.join(arguments) or '(window)'}  {took:.1f} s")
    return output


def smoke_test(dist: Path) -> None:
    run(dist, ["--smoke-test"], needs="smoke test passed")
    run(dist, ["presets"], needs="circle")
    run(dist, ["train", "--preset", "xor", "--epochs", "2", "--json"], needs='"done": true')
    run(dist, ["gradcheck", "--preset", "circle"])
    error = run(dist, ["train", "--preset", "no-such-preset"], expect=2, needs="error:")
    if "Traceback" in error:
        raise SystemExit(f"FAILED: a user error showed a traceback:\n{error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=PACKAGING / "dist", help="where the app folder goes")
    parser.add_argument("--work", type=Path, default=PACKAGING / "build", help="PyInstaller's working folder")
    parser.add_argument("--skip-build", action="store_true", help="smoke-test the last build only")
    parser.add_argument("--archive", action="store_true", help="pack the tested folder for download")
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
        archive = shutil.make_archive(str(dist / f"{NAME}-{system}-{platform.machine().lower()}"),
                                      "zip" if system == "windows" else "gztar", dist, NAME)
        print(f"packed {archive}: {Path(archive).stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
