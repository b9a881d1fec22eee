"""Time the frozen app from launch to its window on the screen, as a person double-clicking it waits.

    DISPLAY=:99 python benchmarks/frozen_startup.py [EXECUTABLE] [--runs 5]

Starts packaging/build.py's executable (by default packaging/dist/backprop-playground/backprop-playground) on
Qt's xcb platform under the X server in $DISPLAY, with a fresh home folder, and asks `xdotool` every 10 ms whether
the process has a visible window. Start Xvfb with -noreset: by default it resets when its last client leaves, and
the next run's connection then fails. The first run may read the files from disk; the best of the others is a
warm start. Linux with X11 and xdotool only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0
TIMEOUT_S = 60.0
POLL_S = 0.01


def seconds_to_window(executable: Path) -> float:
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryFile("w+") as said:
        environment = {"PATH": os.environ["PATH"], "DISPLAY": os.environ["DISPLAY"], "HOME": home,
                       "QT_QPA_PLATFORM": "xcb"}
        started = time.perf_counter()
        app = subprocess.Popen([str(executable)], env=environment, stdout=said, stderr=said)
        try:
            while app.poll() is None and time.perf_counter() - started < TIMEOUT_S:
                shown = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.pid)],
                                       capture_output=True)
                if shown.returncode == 0:
                    return time.perf_counter() - started
                time.sleep(POLL_S)
            said.seek(0)
            raise RuntimeError(f"no window within {TIMEOUT_S:.0f} s (exit {app.poll()}): {said.read()[-2000:]}")
        finally:
            app.terminate()
            app.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", nargs="?", type=Path,
                        default=ROOT / "packaging" / "dist" / "backprop-playground" / "backprop-playground")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = [seconds_to_window(args.executable) for _ in range(args.runs)]
    best = min(times[1:] or times)
    print(f"launch to window shown: first {times[0]:.2f} s, best of the rest {best:.2f} s "
          f"(all: {', '.join(f'{t:.2f}' for t in times)})   target < {TARGET_S:.0f} s: "
          f"{'met' if best < TARGET_S else 'NOT met'}")


if __name__ == "__main__":
    main()
