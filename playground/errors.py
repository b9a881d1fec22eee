"""The errors a user can cause, and checks of user-supplied values that raise them.

Each message is a sentence that says what to do.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from typing import Any


class PlaygroundError(Exception):
    """An error caused by something the user chose or supplied, with a fix in words."""


def install_advice(package: str, pip_command: str) -> str:
    """How a user gets an optional package: pip where the app runs from Python; the installed
    (frozen) app cannot add packages, so it says so instead of offering a command that fails."""
    if getattr(sys, "frozen", False):
        return f"this installed app does not include {package}; install Backprop Playground with pip to use it"
    return f"install it with {pip_command}"


def parse_json(text: str, what: str, error: type[PlaygroundError] = PlaygroundError) -> Any:
    """JSON the user supplied, or one sentence saying why it cannot be read. Besides syntax errors,
    the parser raises RecursionError on deep nesting and ValueError on integers longer than
    Python converts (4,300 digits): a file can hold either."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as problem:
        raise error(f"{what} is not valid JSON ({problem}): fix the file.") from None
    except RecursionError:
        raise error(f"{what} is nested too deeply to read: a network needs only a few levels.") from None
    except ValueError:
        raise error(f"{what} holds a number with thousands of digits: shorten it.") from None


class SpecError(PlaygroundError):
    """A network or optimizer description that cannot be built."""


class BackendError(PlaygroundError):
    """A compute backend (NumPy, CuPy) that cannot be used on this machine."""


class ResourceError(PlaygroundError):
    """A request that would need more memory than the machine has."""


class DataError(PlaygroundError):
    """Inputs or targets whose shapes or values do not fit the network."""


class FileFormatError(PlaygroundError):
    """A project file that cannot be opened as it is."""


def whole(value: Any, what: str, minimum: int | None = None, error: type[PlaygroundError] = PlaygroundError,
          maximum: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise error(f"{what} must be a whole number; it is {value!r}.")
    if minimum is not None and value < minimum:
        raise error(f"{what} must be {minimum} or more; it is {value}.")
    if maximum is not None and value > maximum:
        raise error(f"{what} must be at most {maximum:,}; it is {value:,}.")
    return value


def real(
    value: Any,
    what: str,
    minimum: float | None = None,
    maximum: float | None = None,
    above: float | None = None,
    below: float | None = None,
    error: type[PlaygroundError] = PlaygroundError,
) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise error(f"{what} must be a finite number; it is {value!r}.")
    if minimum is not None and value < minimum:
        raise error(f"{what} must be {minimum} or more; it is {value}.")
    if maximum is not None and value > maximum:
        raise error(f"{what} must be {maximum} or less; it is {value}.")
    if above is not None and value <= above:
        raise error(f"{what} must be more than {above}; it is {value}.")
    if below is not None and value >= below:
        raise error(f"{what} must be less than {below}; it is {value}.")
    return float(value)


def choice(value: Any, options: Iterable[str], what: str, error: type[PlaygroundError] = PlaygroundError) -> str:
    options = tuple(options)
    if value not in options:
        raise error(f"{what} is {value!r}: choose one of {', '.join(options)}.")
    return value


def check_fields(data: dict, allowed: set[str], what: str, error: type[PlaygroundError] = PlaygroundError) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise error(f"{what} has unknown setting {unknown[0]!r}: use only {', '.join(sorted(allowed))}.")
