"""Running a case in a process of its own with a cap on its memory and its time: a loader that
allocates without bound then fails with MemoryError, one that loops is killed.

The time cap counts CPU seconds (RLIMIT_CPU), which other work on a shared machine does not stretch; the wall
clock only guards against a case that blocks, with room for any load."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


BLOCKED_AFTER_S = 600


def run_capped(code: str, memory: int, seconds: int, cwd: Path) -> subprocess.CompletedProcess:
    """`python -c code` with at most `memory` bytes of address space and `seconds` of CPU time (killed past them,
    a non-zero return code); raises TimeoutExpired if it blocks for BLOCKED_AFTER_S."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    # One BLAS thread: each thread's stack and buffers count against the address space.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=BLOCKED_AFTER_S, preexec_fn=cap)


def refused(setup: str, code: str, message: str, cwd: Path, memory: int = 1536 * 2**20, seconds: int = 30) -> None:
    """After `setup` (imports, outside the try), `code` raises a PlaygroundError whose message holds `message`,
    within the caps."""
    wrapped = (f"{setup}\nfrom playground.errors import PlaygroundError\ntry:\n    {code}\n"
               "except PlaygroundError as error:\n    print('refused:', error)\nelse:\n    print('accepted')\n")
    result = run_capped(wrapped, memory, seconds, cwd)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("refused:") and message in result.stdout, result.stdout
