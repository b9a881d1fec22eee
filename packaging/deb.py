"""Build the Debian package from the app folder that packaging/build.py made and smoke-tested.

    python packaging/deb.py APP_DIR OUT_DIR [--fast]

The package holds the app under /opt/backprop-playground, the commands `backprop-playground` and `playground` in
/usr/bin, a menu entry that opens .bpp files, the icon in the hicolor sizes, AppStream metainfo (both with their
words in the window's languages too, from its catalogues) and the .bpp file type
(application/x-backprop-playground). The libraries PyInstaller copied from this system are left out: the package
uses the system's own, so that Debian's updates reach them, and its Depends names the package of every system library
that a file of the app links (read by readelf, resolved by ldd as the app's loader resolves them, mapped by dpkg -S).
Its version is the project's (playground/__init__.py). Prints the path of the .deb.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build import ICON, NAME, desktop_entry, elf_files, project_version, render_icon
from translations import localized_metainfo

LINUX = Path(__file__).resolve().parent / "linux"
# The project has no public address yet; .invalid says so (RFC 2606) and keeps the field well-formed.
MAINTAINER = "Backprop Playground maintainers <maintainers@backprop-playground.invalid>"
ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256, 512]
COMMANDS = ["backprop-playground", "playground"]
DESCRIPTION = """\
Build a neural network, train it live, and step through backpropagation
 A desktop lab for seeing backpropagation work: build a network from layers,
 pick a dataset, train it and watch the loss, activations and gradients move;
 pause at any moment and step through one training step layer by layer with
 the real numbers. The engine is hand-written forward and backward passes on
 NumPy, checked against finite differences and PyTorch autograd.
 .
 This package is self-contained under /opt/backprop-playground: its own Python,
 Qt and NumPy, as built and tested, on the system's graphics libraries."""


def output(command: list[str], **options) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, **options).stdout


def needed(path: Path) -> list[str]:
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", output(["readelf", "-d", str(path)]))


def drop_system_copies(internal: Path) -> list[str]:
    """Remove the libraries PyInstaller copied from this system, byte for byte the files the system loads."""
    system = {}
    for line in output(["ldconfig", "-p"]).splitlines():
        if " => " in line:
            soname, path = line.split(" => ")
            system.setdefault(soname.split()[0], []).append(Path(path.strip()))
    dropped = []
    for library in sorted(internal.glob("*.so*")):
        if not library.is_symlink() and any(filecmp.cmp(library, path, shallow=False)
                                            for path in system.get(library.name, [])):
            library.unlink()
            dropped.append(library.name)
    return dropped


def debian_packages(paths: set[Path]) -> dict[Path, str]:
    """The package that holds each system file (dpkg names /usr/lib or /lib, whichever the package listed)."""
    spellings = {spelling: path for path in paths
                 for spelling in (path, path.resolve(), Path(str(path.resolve()).removeprefix("/usr")))}
    found = subprocess.run(["dpkg", "-S", *map(str, spellings)], capture_output=True, text=True).stdout
    owners = {}
    for line in found.splitlines():
        package, _, path = line.partition(": ")
        if Path(path) in spellings:
            owners[spellings[Path(path)]] = package.split(":")[0]
    if missing := paths - set(owners):
        raise SystemExit(f"FAILED: no Debian package holds {', '.join(map(str, sorted(missing)))}")
    return owners


def depends(app: Path) -> list[str]:
    """The packages of the system libraries the app's files link, libc6 at the newest glibc version they use."""
    internal = app / "_internal"
    files = elf_files(app)
    inside = {path.name for path in app.rglob("*")}
    linked = {soname for path in files for soname in needed(path)} - inside
    resolved = {}
    environment = {**os.environ, "LD_LIBRARY_PATH": str(internal)}  # as PyInstaller's launcher sets it
    for path in files:
        listed = output(["ldd", str(path)], env=environment)
        # `libx.so.1 => /lib/.../libx.so.1 (0x...)`, `libx.so.1 => not found`, the loader `/lib64/ld-....so.2 (0x...)`
        for soname, target in [*re.findall(r"^\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", listed, re.MULTILINE),
                               *[(Path(loader).name, loader) for loader in
                                 re.findall(r"^\s*(/\S+) \(0x[0-9a-f]+\)$", listed, re.MULTILINE)]]:
            if soname in linked and target != "not found":
                resolved.setdefault(soname, target)
    if unresolved := sorted(linked - set(resolved)):
        users = [str(path.relative_to(app)) for path in files if set(needed(path)) & set(unresolved)]
        raise SystemExit(f"FAILED: this machine lacks {', '.join(unresolved)} (linked by {', '.join(users)}): install "
                         f"them, so that the package can name them")
    owners = debian_packages({Path(target) for target in resolved.values()})
    glibc = max((tuple(map(int, version)) for path in files
                 for version in re.findall(rb"GLIBC_(\d+)\.(\d+)", path.read_bytes())), default=None)
    return sorted(f"{package} (>= {glibc[0]}.{glibc[1]})" if package == "libc6" and glibc else package
                  for package in set(owners.values()))


def gzipped(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(text.encode())


def stage(app: Path, root: Path, version: str, date: time.struct_time) -> list[str]:
    """Lay out the package's files under `root`; return its Depends."""
    opt = root / "opt" / NAME
    shutil.copytree(app, opt, symlinks=True)
    # The package installs its own menu entry, icon and file type.
    for tarball_only in ("install-desktop-entry.sh", f"{NAME}.png", f"{NAME}.xml", f"{NAME}.desktop"):
        (opt / tarball_only).unlink(missing_ok=True)
    drop_system_copies(opt / "_internal")
    packages = depends(opt)
    share = root / "usr" / "share"
    (root / "usr" / "bin").mkdir(parents=True)
    for command in COMMANDS:
        (root / "usr" / "bin" / command).symlink_to(f"/opt/{NAME}/{NAME}")
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{NAME}.desktop").write_text(desktop_entry(), encoding="utf-8")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(LINUX / f"{NAME}.xml", share / "mime" / "packages" / f"{NAME}.xml")
    metainfo = localized_metainfo((LINUX / f"{NAME}.metainfo.xml").read_text(encoding="utf-8"))
    (share / "metainfo").mkdir()
    (share / "metainfo" / f"{NAME}.metainfo.xml").write_text(
        metainfo.replace("@VERSION@", version).replace("@DATE@", time.strftime("%Y-%m-%d", date)), encoding="utf-8")
    for size in ICON_SIZES:
        render_icon(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png", size)
    (share / "icons" / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICON, share / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg")
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copy2(LINUX / "copyright", doc / "copyright")
    gzipped(f"{NAME} ({version}) unstable; urgency=medium\n\n  * Release {version} of Backprop Playground, built "
            f"from the project's source.\n\n -- {MAINTAINER}  {time.strftime('%a, %d %b %Y %H:%M:%S +0000', date)}\n",
            doc / "changelog.gz")
    (share / "lintian" / "overrides").mkdir(parents=True)
    shutil.copy2(LINUX / "lintian-overrides", share / "lintian" / "overrides" / NAME)
    return packages


def control(root: Path, version: str, packages: list[str]) -> None:
    files = [path for path in sorted(root.rglob("*")) if path.is_file() and not path.is_symlink()]
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    (root / "opt" / NAME / NAME).chmod(0o755)
    installed_kib = sum((path.stat().st_size + 1023) // 1024 for path in files) + len(list(root.rglob("*")))
    debian = root / "DEBIAN"
    debian.mkdir()
    architecture = output(["dpkg", "--print-architecture"]).strip()
    (debian / "control").write_text(
        f"Package: {NAME}\nVersion: {version}\nArchitecture: {architecture}\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\nDepends: {', '.join(packages)}\nSection: science\nPriority: optional\n"
        f"Description: {DESCRIPTION}\n", encoding="utf-8")
    (debian / "md5sums").write_text("".join(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root)}\n"
                                            for path in files), encoding="utf-8")
    for script in ("postinst", "postrm"):  # one script: it refreshes the desktop's caches after install and removal
        shutil.copy2(LINUX / "maintainer-script", debian / script)
        (debian / script).chmod(0o755)


def build_deb(app: Path, out: Path, fast: bool = False) -> Path:
    """The .deb of `app` in `out`: xz-compressed as Debian's own, or with `fast` gzip at level 1 (seconds, not a
    minute)."""
    version = project_version()
    date = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))
    with tempfile.TemporaryDirectory(prefix="deb-", dir=out) as staging:
        root = Path(staging) / "root"
        packages = stage(app, root, version, date)
        control(root, version, packages)
        architecture = output(["dpkg", "--print-architecture"]).strip()
        deb = out / f"{NAME}_{version}_{architecture}.deb"
        compression = ["-Zgzip", "-z1"] if fast else ["-Zxz"]
        subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(deb)],
                       check=True, stdout=subprocess.DEVNULL)
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the folder packaging/build.py made (dist/backprop-playground)")
    parser.add_argument("out", type=Path, help="where the .deb goes")
    parser.add_argument("--fast", action="store_true", help="gzip at level 1 instead of xz: for tests")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    deb = build_deb(args.app.resolve(), args.out.resolve(), args.fast)
    print(f"packed {deb}: {deb.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
