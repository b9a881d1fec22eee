import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings writes under XDG_CONFIG_HOME: keep the tests' window layouts out of the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="playground-test-config-")

from hypothesis import settings  # noqa: E402

# The machine is shared and noisy: no per-example deadlines, a modest number of examples.
settings.register_profile("playground", deadline=None, max_examples=25)
settings.load_profile("playground")
