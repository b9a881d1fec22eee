"""The window's translations: extract its strings into the .ts files, and compile those into the .qm files it loads.

    python packaging/translations.py update    # after changing the window's strings: new ones come in unfinished
    python packaging/translations.py compile   # resources/translations/*.qm (make run, make test and build.py do it)

The .ts files (resources/translations) are the source and are committed; the .qm files beside them are build
outputs. Both tools come with PySide6 (pyside6-lupdate, pyside6-lrelease), beside the Python that runs this.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# Where the window's strings are: playground/ui, which shows text through Qt, and the code without Qt whose words
# the window shows through playground/words.py's `tr` (the session's messages, and the errors of the engine, the
# data, projects and the checks in errors.py). The command-line modules print English and are not read.
PACKAGE = ROOT / "playground"
SOURCES = [PACKAGE / "ui", PACKAGE / "session", PACKAGE / "engine", PACKAGE / "data", PACKAGE / "project",
           PACKAGE / "words.py", PACKAGE / "errors.py"]


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python (a venv's bin, or Scripts on Windows), else on PATH."""
    beside = shutil.which(name, path=str(Path(sys.executable).parent))
    found = beside or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) into the Python that runs this")
    return found


def catalogues() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*.ts"))


def extract(ts: Path) -> None:
    """Write the window's strings into `ts`, keeping the translations it has and dropping strings no longer used.
    No source locations: a line moved in the code leaves the .ts as it was."""
    sources = sorted(str(path) for source in SOURCES
                     for path in (source.rglob("*.py") if source.is_dir() else [source]))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-silent", "-ts",
                    str(ts)], check=True)


def compile_catalogue(ts: Path, qm: Path) -> Path:
    """`ts` compiled into `qm`."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    """Every .ts compiled into a .qm of the same name in `folder`."""
    return [compile_catalogue(ts, folder / ts.with_suffix(".qm").name) for ts in catalogues()]


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        for catalogue in catalogues():
            extract(catalogue)
    elif sys.argv[1:] == ["compile"]:
        compile_all()
    else:
        raise SystemExit(__doc__)
