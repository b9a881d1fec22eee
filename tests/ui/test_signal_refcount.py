"""PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to True on every Signal.emit() and
aborts after ~570 emits ("Fatal Python error: bool_dealloc"). Guard the installed Qt, and the
dependency markers that keep that combination out."""

import subprocess
import sys
from importlib.metadata import requires

from packaging.requirements import Requirement
from packaging.version import Version

EMITS = 3000
SCRIPT = f"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)
    number = Signal(int)
    text = Signal(str)
    anything = Signal(object)
    pair = Signal(float, list)

app = QCoreApplication([])
emitter = Emitter()
received = [0]  # a count only: keeping the arguments would hold references to True


def count(*args):
    received[0] += 1


for signal in (emitter.plain, emitter.flag, emitter.number, emitter.text, emitter.anything, emitter.pair):
    signal.connect(count)
before = sys.getrefcount(True)
for i in range({EMITS}):
    emitter.plain.emit()
    emitter.flag.emit(i % 2 == 0)
    emitter.number.emit(i)
    emitter.text.emit(str(i))
    emitter.anything.emit({{"step": i}})
    emitter.pair.emit(0.5, [i])
print(received[0], before, sys.getrefcount(True))
"""


def test_thousands_of_signal_emits_keep_the_process_alive():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    received, before, after = map(int, result.stdout.split())
    assert received == 6 * EMITS
    assert abs(after - before) < 100, "emits leak or drop references to True"


def test_dependency_markers_exclude_pyside_6_12_0_on_python_3_11():
    pyside = [Requirement(r) for r in requires("backprop-playground") if r.startswith("PySide6-Essentials")]

    def allowed(python: str, version: str) -> bool:
        return any(r.specifier.contains(Version(version)) for r in pyside
                   if r.marker is None or r.marker.evaluate({"python_version": python, "extra": ""}))

    assert not allowed("3.11", "6.12.0")
    assert not allowed("3.10", "6.12.0")
    assert allowed("3.11", "6.11.3")
    assert allowed("3.12", "6.12.0")
