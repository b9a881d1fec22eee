"""The window's translations: extract its strings into the .ts files, and compile those into the .qm files it loads;
and the words the installers show outside the window (the menu entry's, the metainfo's summary) in its languages.

    python packaging/translations.py update    # after changing the window's strings: new ones come in unfinished
    python packaging/translations.py compile   # resources/translations/*.qm (make run, make test and build.py do it)

The .ts files (resources/translations) are the source and are committed; the .qm files beside them are build
outputs. Both tools come with PySide6 (pyside6-lupdate, pyside6-lrelease), beside the Python that runs this. The
menu entry (packaging/linux) says what the app is in the words of Help > About, so that its translations are read
from the catalogues and never written twice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from xml.sax.saxutils import escape, unescape

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# Where the window's strings are: playground/ui, which shows text through Qt, and the code without Qt whose words
# the window shows through playground/words.py's `tr` (the session's messages, and the errors of the engine, the
# data, projects and the checks in errors.py). The command-line modules print English and are not read.
CATALOGUE = "backprop_playground_"  # then the language's code: backprop_playground_zh_CN.ts
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


# The menu entry's keys that are translated. Name is the app's name, which the window keeps in every language.
ENTRY_KEYS = ("GenericName", "Comment")


def translated(text: str) -> dict[str, str]:
    """The language of each catalogue (zh_CN) → its finished translation of `text`, under whichever context the
    window shows it."""
    found = {}
    for ts in catalogues():
        for message in ElementTree.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if message.findtext("source") == text and translation.get("type") is None and translation.text:
                found[ts.stem.removeprefix(CATALOGUE)] = translation.text
                break
        else:
            raise SystemExit(f"FAILED: {ts.name} has no translation of {text!r}, which the installers show: the "
                             f"window must show those words (Help > About) for the catalogue to hold them")
    return found


def localized_desktop_entry(entry: str) -> str:
    """`entry`, the text of a .desktop file, with each of ENTRY_KEYS also in every language of the catalogues
    (Comment[zh_CN]=…) after its English."""
    lines = []
    for line in entry.splitlines():
        lines.append(line)
        key, _, value = line.partition("=")
        if key in ENTRY_KEYS:
            lines += [f"{key}[{language}]={words}" for language, words in translated(value).items()]
    return "\n".join(lines) + "\n"


def localized_metainfo(metainfo: str) -> str:
    """`metainfo`, AppStream's XML, with its summary also in every language of the catalogues after its English."""
    def with_translations(summary: re.Match) -> str:
        indent, english = summary.group(1), unescape(summary.group(2))
        return summary.group(0) + "".join(f'\n{indent}<summary xml:lang="{language}">{escape(words)}</summary>'
                                          for language, words in translated(english).items())
    return re.sub(r"^( *)<summary>(.*)</summary>$", with_translations, metainfo, flags=re.MULTILINE)


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        for catalogue in catalogues():
            extract(catalogue)
    elif sys.argv[1:] == ["compile"]:
        compile_all()
    else:
        raise SystemExit(__doc__)
