"""The desktop build: PyInstaller freezes the app, and the frozen app is launched and used."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_frozen_app_opens_trains_steps_and_reports_user_errors(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(tmp_path / "dist"),
                             "--work", str(tmp_path / "work")], capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for check in ("--smoke-test", "presets", "train --preset xor", "gradcheck --preset circle",
                  "train --preset no-such-preset"):
        assert f"ok  {check}" in output, output
    frozen = tmp_path / "dist" / "backprop-playground"
    assert not list(frozen.rglob("torch")), "torch is an optional extra; it must stay out of the build"
    if sys.platform.startswith("linux"):
        applications = tmp_path / "data" / "applications"
        installed = subprocess.run(["sh", str(frozen / "install-desktop-entry.sh")], capture_output=True, text=True,
                                   env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")})
        assert installed.returncode == 0, installed.stderr
        entry = (applications / "backprop-playground.desktop").read_text()
        assert f'Exec="{frozen / "backprop-playground"}"' in entry
        assert f"Icon={frozen / 'backprop-playground.png'}" in entry
        assert (frozen / "backprop-playground.png").stat().st_size > 1000
