"""What the command-line modules share: the bounds of their options and reading the files they name.

A leaf below cli.py and training_cli.py, so that neither imports the other's pieces back.
"""

from __future__ import annotations

from playground.data.reading import read_bounded
from playground.errors import PlaygroundError

# The largest seed the options take: NumPy's generators take any whole number of 0 or more, but
# a seed is for retyping, and a saved project keeps it.
MAX_SEED = 2**32 - 1
MAX_USER_FILE_BYTES = 16 * 2**20  # a spec or training config is a few KB; /dev/zero never ends


def read_user_file(path: str) -> str:
    """A text file the user named, or a PlaygroundError saying why not."""
    def too_large(size: int) -> PlaygroundError:
        return PlaygroundError(f"{path} is {size:,} bytes, more than the {MAX_USER_FILE_BYTES:,} a spec or config "
                               "file may have: choose the right file.")

    try:
        return read_bounded(path, MAX_USER_FILE_BYTES, too_large).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or error.__class__.__name__
        raise PlaygroundError(f"Cannot read {path}: {why}; check the path.") from None
