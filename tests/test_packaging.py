"""The desktop build: PyInstaller freezes the app once for these tests, the frozen app is launched and used, and on
Debian and its kin the .deb made from it passes lintian, is installed into a throw-away root, run from there as the
system would run it, and removed without a trace."""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PyInstaller.archive.readers import CArchiveReader

import playground
from playground.system_libraries import window_packages

ROOT = Path(__file__).resolve().parent.parent
NAME = "backprop-playground"
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build's own parts")
# The tools the .deb test uses, and the Debian packages that have them.
DEBIAN_TOOLS = {"lintian": "lintian", "appstreamcli": "appstream", "desktop-file-validate": "desktop-file-utils",
                "update-desktop-database": "desktop-file-utils", "update-mime-database": "shared-mime-info",
                "gtk-update-icon-cache": "gtk-update-icon-cache", "Xvfb": "xvfb", "unshare": "util-linux"}
# What the maintainer scripts may leave in the throw-away root: the caches they rebuild, without the app in them.
CACHES = ["usr/share/mime", "usr/share/applications/mimeinfo.cache", "usr/share/icons/hicolor/icon-theme.cache"]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> tuple[Path, str]:
    """packaging/build.py's folder, built and smoke-tested once for every test here, and what the build printed."""
    work = tmp_path_factory.mktemp("frozen")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(work / "dist"),
                             "--work", str(work / "work")], capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"the build failed:\n{output}")
    return work / "dist" / NAME, output


def test_the_frozen_app_opens_trains_steps_and_reports_user_errors(frozen):
    folder, output = frozen
    for check in ("--smoke-test", "presets", "train --preset xor", "gradcheck --preset circle",
                  "train --preset no-such-preset"):
        assert f"ok  {check}" in output, output
    assert output.count("ok  --smoke-test") == 2  # the second on a Chinese system, whose window must read 文件
    assert not list(folder.rglob("torch")), "torch is an optional extra; it must stay out of the build"


@linux
def test_the_linux_folder_holds_only_the_qt_plugins_the_app_uses_and_no_paths_of_this_machine(frozen):
    folder, _ = frozen
    qt = folder / "_internal" / "PySide6" / "Qt"
    assert {f"{plugin.parent.name}/{plugin.name}" for plugin in (qt / "plugins").rglob("*.so")} == {
        "platforms/libqxcb.so", "platforms/libqoffscreen.so", "iconengines/libqsvgicon.so", "imageformats/libqsvg.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so", "platformthemes/libqxdgdesktopportal.so"}
    # Qt's own translations only for the app's languages (its standard dialogs' buttons), and the app's catalogue
    assert sorted(path.name for path in (qt / "translations").iterdir()) == ["qtbase_zh_CN.qm"]
    assert (folder / "_internal" / "resources" / "translations" / "backprop_playground_zh_CN.qm").is_file()
    for unused in ("libQt6Network.so*", "QtTest.abi3.so", "QtOpenGL.abi3.so", "QtNetwork.abi3.so"):
        assert not list(folder.rglob(unused)), unused
    for library in folder.rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True).stdout
            for search in re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[(.*)\]", dynamic):
                assert all(part.startswith("$ORIGIN") for part in search.split(":")), f"{library}: {search}"


def folder_mib_on_disk(folder: Path) -> float:
    """What `du` counts: the blocks each file takes, links as themselves."""
    return sum(path.lstat().st_blocks * 512 for path in folder.rglob("*")) / 2**20


@linux
def test_the_linux_folder_leaves_out_what_the_app_does_not_use_and_stays_under_150_mib(frozen):
    folder, _ = frozen
    internal = folder / "_internal"
    for unused in ("onnxruntime", "PIL", "pytest", "hypothesis"):
        assert not (internal / unused).exists(), unused
    maps = internal / "pyqtgraph" / "colors" / "maps"
    assert {path.suffix for path in maps.iterdir()} == {".csv", ".txt"} and [path.name for path in maps.glob(
        "*.csv")] == ["viridis.csv"]
    assert not (internal / "pyqtgraph" / "icons" / "peegee").exists()
    modules = CArchiveReader(str(folder / NAME)).open_embedded_archive("PYZ.pyz").toc
    assert "pygments.lexers" in modules and "pygments.lexers.python" not in modules  # superqt imports the first
    library, = (internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    spec = importlib.util.spec_from_file_location("packaging_icu_data", ROOT / "packaging" / "icu_data.py")
    icu_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icu_data)
    assert {name.split("/", 1)[1] for name, _ in icu_data.library_items(library)} == icu_data.KEPT_ITEMS
    size = folder_mib_on_disk(folder)
    assert size < 150, f"the folder takes {size:.0f} MiB on disk, over the 150 MiB target"


@linux
def test_the_frozen_app_exports_a_numpy_script_the_history_and_onnx(frozen, tmp_path):
    folder, _ = frozen
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}

    def frozen_app(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(folder / NAME), *arguments], capture_output=True, text=True, cwd=tmp_path,
                              env={**environment, "QT_QPA_PLATFORM": "offscreen"}, timeout=300)

    assert frozen_app("train", "--preset", "xor", "--epochs", "1", "--save", "xor.bpp").returncode == 0
    assert frozen_app("export", "xor.bpp", "--to", "numpy", "xor.py").returncode == 0
    assert "def forward(" in (tmp_path / "xor.py").read_text()
    assert frozen_app("export", "xor.bpp", "--to", "history", "xor.csv").returncode == 0
    assert (tmp_path / "xor.csv").read_text().startswith("step,")
    onnx = frozen_app("export", "xor.bpp", "--to", "onnx", "xor.onnx")
    assert onnx.returncode == 0, onnx.stderr  # onnx is in the build's environment (the package extra)
    import onnx  # the test extra's: checks what the frozen app wrote

    onnx.checker.check_model(onnx.load(str(tmp_path / "xor.onnx")))


@linux
def test_the_linux_folder_puts_itself_in_the_menu_and_opens_bpp_files(frozen, tmp_path):
    folder, _ = frozen
    data = tmp_path / "data"
    installed = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], capture_output=True, text=True,
                               env={**os.environ, "XDG_DATA_HOME": str(data)})
    assert installed.returncode == 0, installed.stderr
    entry = (data / "applications" / f"{NAME}.desktop").read_text()
    assert f'Exec="{folder / NAME}" %f' in entry and f"Icon={folder / f'{NAME}.png'}" in entry
    assert "MimeType=application/x-backprop-playground;" in entry and "Comment[zh_CN]=" in entry
    assert (data / "mime" / "packages" / f"{NAME}.xml").read_text() == (folder / f"{NAME}.xml").read_text()
    assert (folder / f"{NAME}.png").stat().st_size > 1000


def install_debian_tools() -> None:
    missing = sorted({package for tool, package in DEBIAN_TOOLS.items() if shutil.which(tool) is None})
    if missing:
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
        if subprocess.run(install, capture_output=True, env=environment).returncode != 0:
            # A fresh machine has no package lists yet.
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, check=True, env=environment)
            subprocess.run(install, capture_output=True, check=True, env=environment)


def throwaway_root(root: Path) -> Path:
    """A root whose dpkg database is a copy of this system's: dpkg checks the Depends against the packages installed
    here and refuses a file another package owns. The folders of shared-mime-info and hicolor-icon-theme, which that
    database says are installed, come with the descriptions the caches are made from."""
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    shutil.copy2("/var/lib/dpkg/status", admin / "status")
    (admin / "available").touch()
    for listing in Path("/var/lib/dpkg/info").glob("*.list"):
        shutil.copy2(listing, admin / "info")
    for shipped in ("usr/share/mime/packages/freedesktop.org.xml", "usr/share/icons/hicolor/index.theme"):
        if (Path("/") / shipped).exists():
            (root / shipped).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path("/") / shipped, root / shipped)
    return admin


def launch(root: Path, home: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess:
    """The installed command as the system runs it: /usr/bin's link to /opt/backprop-playground leads into the
    throw-away root, whose /opt is bound over the system's in a mount namespace of this command's own."""
    script = 'mount --bind "$0/opt" /opt && exec "$0/usr/bin/backprop-playground" "$@"'
    clean = {"PATH": os.environ["PATH"], "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
             "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
             "QT_QPA_PLATFORM": "offscreen", **environment}
    return subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, str(root),
                           *arguments], capture_output=True, text=True, env=clean, timeout=300)


def on_x11(root: Path, home: Path) -> subprocess.CompletedProcess:
    """The smoke test on Qt's xcb platform under Xvfb: the window on the system's X libraries, as the Depends get."""
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        display = server.stdout.readline().strip()
        return launch(root, home, "--smoke-test", QT_QPA_PLATFORM="xcb", DISPLAY=f":{display}")
    finally:
        server.terminate()
        server.wait(timeout=30)


@linux
@pytest.mark.skipif(shutil.which("dpkg") is None, reason="a Debian package: Debian and its kin only")
@pytest.mark.skipif(sys.platform.startswith("linux") and os.geteuid() != 0,
                    reason="installs lintian with apt-get and binds a folder over /opt: run as root, as CI does")
def test_the_deb_passes_lintian_installs_runs_and_leaves_nothing_behind(frozen, tmp_path):
    folder, _ = frozen
    install_debian_tools()
    built = subprocess.run([sys.executable, str(ROOT / "packaging" / "deb.py"), str(folder), str(tmp_path), "--fast"],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    deb, = tmp_path.glob("*.deb")

    fields = dict(re.findall(r"^(\w[\w-]*): (.*)$", subprocess.run(
        ["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True).stdout, re.MULTILINE))
    assert fields["Package"] == NAME and fields["Version"] == playground.__version__
    depends = {clause.split()[0] for clause in fields["Depends"].split(", ")}
    assert set(window_packages()) <= depends and re.search(r"\blibc6 \(>= 2\.\d+\)", fields["Depends"])
    lint = subprocess.run(["lintian", "--allow-root", "--fail-on", "error", str(deb)], capture_output=True,
                          text=True, timeout=900)
    assert lint.returncode == 0 and not re.search(r"^E: ", lint.stdout, re.MULTILINE), lint.stdout + lint.stderr

    root, home = tmp_path / "root", tmp_path / "home"
    admin = throwaway_root(root)
    # Maintainer scripts run outside the root, on $DPKG_ROOT, with the tools of this system.
    dpkg = ["dpkg", f"--root={root}", f"--log={tmp_path / 'dpkg.log'}", "--force-script-chrootless"]
    installed = subprocess.run([*dpkg, "--install", str(deb)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    share = root / "usr" / "share"
    for command in ("backprop-playground", "playground"):
        assert os.readlink(root / "usr" / "bin" / command) == f"/opt/{NAME}/{NAME}"
    assert not (root / "opt" / NAME / "_internal" / "libxcb-icccm.so.4").exists(), "the system's own is used"
    assert "*.bpp" in (share / "mime" / "globs2").read_text()  # postinst ran update-mime-database
    assert "application/x-backprop-playground=backprop-playground.desktop;" in \
        (share / "applications" / "mimeinfo.cache").read_text()
    assert (share / "icons" / "hicolor" / "icon-theme.cache").exists()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{NAME}.png").exists()
    assert "GenericName[zh_CN]=" in (share / "applications" / f"{NAME}.desktop").read_text(encoding="utf-8")
    assert '<summary xml:lang="zh_CN">' in (share / "metainfo" / f"{NAME}.metainfo.xml").read_text(encoding="utf-8")
    for checked in (["appstreamcli", "validate", "--no-net", str(share / "metainfo" / f"{NAME}.metainfo.xml")],
                    ["desktop-file-validate", str(share / "applications" / f"{NAME}.desktop")]):
        result = subprocess.run(checked, capture_output=True, text=True)
        assert not re.search(r"^E: |error:", result.stdout + result.stderr, re.MULTILINE), result.stdout

    smoke = launch(root, home, "--smoke-test")
    assert smoke.returncode == 0 and "smoke test passed" in smoke.stdout, smoke.stdout + smoke.stderr
    window = on_x11(root, home)
    assert window.returncode == 0 and "smoke test passed" in window.stdout, window.stdout + window.stderr
    trained = launch(root, home, "train", "--preset", "xor", "--epochs", "2", "--json")
    assert trained.returncode == 0 and json.loads(trained.stdout.splitlines()[-1])["done"] is True, trained.stderr
    mistake = launch(root, home, "train", "--preset", "no-such-preset")
    lines = mistake.stderr.strip().splitlines()
    assert mistake.returncode == 2 and len(lines) == 1 and lines[0].startswith("error: "), mistake.stderr

    purged = subprocess.run([*dpkg, "--purge", NAME], capture_output=True, text=True)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    for kept in re.findall(r"directory '/(.+)' not empty so not removed", purged.stderr):
        assert any(cache.startswith(kept) for cache in CACHES), f"/{kept} is not empty after removal"
    assert "install ok installed" not in subprocess.run(["dpkg", f"--root={root}", "--status", NAME],
                                                        capture_output=True, text=True).stdout
    left = [path for path in root.rglob("*") if admin not in path.parents and path != admin]
    assert not [path for path in left if NAME in path.name or "x-backprop-playground" in path.name], left
    for path in (path for path in left if path.is_file()):
        relative = path.relative_to(root).as_posix()
        if relative.endswith(("freedesktop.org.xml", "index.theme")):
            continue  # what throwaway_root put there
        assert any(relative.startswith(cache) for cache in CACHES), f"{relative} is left behind"
        assert b"backprop-playground" not in path.read_bytes(), f"{relative} still names the app"
