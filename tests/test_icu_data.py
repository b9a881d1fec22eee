"""packaging/icu_data.py: ICU's data library cut down to the collation rules keeps the items it keeps byte for byte,
still loads, and Qt's collator works on it (without them it cannot start)."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The Linux build's own part, as tests/test_packaging.py's: PySide6 carries ICU's data as a library of its own there.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build's own parts")
ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("packaging_icu_data", ROOT / "packaging" / "icu_data.py")
icu_data = importlib.util.module_from_spec(spec)
spec.loader.exec_module(icu_data)
# What the file dialog's sorter asks of QCollator: numbers in names compared by value.
COLLATE = """
from PySide6.QtCore import QCollator, QLocale
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
for name in ("en_US", "de_DE", "zh_CN"):
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    print(name, collator.compare("file10", "file2"), collator.compare("a", "B"))
print("loaded from", next(line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line))
"""


def pyside_icu_data() -> Path:
    import PySide6

    libraries = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    # On Linux a wheel without it is a failure, not a skip: build.py's ICU step would then cut nothing.
    assert libraries, "PySide6's Linux wheel carries no libicudata: packaging/icu_data.py needs another look"
    return libraries[0]


def cut(kept: set[str], folder: Path) -> Path:
    library = folder / pyside_icu_data().name
    library.write_bytes(pyside_icu_data().read_bytes())
    icu_data.keep_icu_items(library, kept)
    return library


def collate_with(library: Path) -> subprocess.CompletedProcess:
    # The loader searches LD_LIBRARY_PATH before the RUNPATH ($ORIGIN) of PySide6's Qt libraries.
    environment = {**os.environ, "LD_LIBRARY_PATH": str(library.parent), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", COLLATE], capture_output=True, text=True, env=environment,
                          timeout=120)


def test_the_cut_library_keeps_its_items_byte_for_byte_and_nothing_else(tmp_path):
    original = pyside_icu_data().read_bytes()
    library = cut(icu_data.KEPT_ITEMS, tmp_path)
    assert library.stat().st_size < 2 * 2**20 < len(original) / 10
    items = dict(icu_data.library_items(library))
    assert {name.split("/", 1)[1] for name in items} == icu_data.KEPT_ITEMS
    for name, data in icu_data.library_items(pyside_icu_data()):
        if name in items:
            assert items[name].rstrip(b"\0") == data.rstrip(b"\0"), name


def test_qt_collates_file_names_on_the_cut_library(tmp_path):
    collated = collate_with(cut(icu_data.KEPT_ITEMS, tmp_path))
    assert collated.returncode == 0, collated.stderr
    assert "Could not create collator" not in collated.stderr
    assert collated.stdout.splitlines()[:3] == ["en_US 1 -1", "de_DE 1 -1", "zh_CN 1 -1"]  # file2 before file10
    assert f"loaded from {tmp_path}" in collated.stdout


def test_without_the_collation_rules_qt_has_no_collator(tmp_path):
    collated = collate_with(cut(set(), tmp_path))
    assert "Could not create collator" in collated.stderr
    assert "en_US -1" in collated.stdout  # compared character by character: "1" before "2"
