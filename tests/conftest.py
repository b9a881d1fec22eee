import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings  # noqa: E402

# The machine is shared and noisy: no per-example deadlines, a modest number of examples.
settings.register_profile("playground", deadline=None, max_examples=25)
settings.load_profile("playground")
