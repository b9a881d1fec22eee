"""The errors a user can cause, and checks of user-supplied values that raise them.

Each message is a sentence that says what to do, put through words.tr when it is made so that the window shows
it in its language; a check's `what` comes translated by its caller, and the identifiers a file holds stay as
they are.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from typing import Any

from playground.words import listed, tr


class PlaygroundError(Exception):
    """An error caused by something the user chose or supplied, with a fix in words."""


def install_advice(package: str, pip_command: str) -> str:
    """How a user gets an optional package: pip where the app runs from Python; the installed
    (frozen) app cannot add packages, so it says so instead of offering a command that fails."""
    if getattr(sys, "frozen", False):
        return tr("this installed app does not include {0}; install Backprop Playground with pip to use "
                  "it").format(package)
    return tr("install it with {0}").format(pip_command)


def parse_json(text: str, what: str, error: type[PlaygroundError] = PlaygroundError) -> Any:
    """JSON the user supplied, or one sentence saying why it cannot be read. Besides syntax errors,
    the parser raises RecursionError on deep nesting and ValueError on integers longer than
    Python converts (4,300 digits): a file can hold either."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as problem:
        raise error(tr("{0} is not valid JSON ({1}): fix the file.").format(what, problem)) from None
    except RecursionError:
        raise error(tr("{0} is nested too deeply to read: a network needs only a few levels.").format(what)) from None
    except ValueError:
        raise error(tr("{0} holds a number with thousands of digits: shorten it.").format(what)) from None


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
        raise error(tr("{0} must be a whole number; it is {1!r}.").format(what, value))
    if minimum is not None and value < minimum:
        raise error(tr("{0} must be {1} or more; it is {2}.").format(what, minimum, value))
    if maximum is not None and value > maximum:
        raise error(tr("{0} must be at most {1:,}; it is {2:,}.").format(what, maximum, value))
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
        raise error(tr("{0} must be a finite number; it is {1!r}.").format(what, value))
    if minimum is not None and value < minimum:
        raise error(tr("{0} must be {1} or more; it is {2}.").format(what, minimum, value))
    if maximum is not None and value > maximum:
        raise error(tr("{0} must be {1} or less; it is {2}.").format(what, maximum, value))
    if above is not None and value <= above:
        raise error(tr("{0} must be more than {1}; it is {2}.").format(what, above, value))
    if below is not None and value >= below:
        raise error(tr("{0} must be less than {1}; it is {2}.").format(what, below, value))
    return float(value)


def choice(value: Any, options: Iterable[str], what: str, error: type[PlaygroundError] = PlaygroundError) -> str:
    options = tuple(options)
    if value not in options:
        raise error(tr("{0} is {1!r}: choose one of {2}.").format(what, value, listed(options)))
    return value


def check_fields(data: dict, allowed: set[str], what: str, error: type[PlaygroundError] = PlaygroundError) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise error(tr("{0} has unknown setting {1!r}: use only {2}.").format(what, unknown[0],
                                                                             listed(sorted(allowed))))
