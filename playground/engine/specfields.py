"""Checks for values read from a spec, each failing with a sentence a person can act on."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from playground.errors import SpecError


def whole(value: Any, what: str, minimum: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise SpecError(f"{what} must be a whole number; it is {value!r}.")
    if minimum is not None and value < minimum:
        raise SpecError(f"{what} must be {minimum} or more; it is {value}.")
    return value


def real(
    value: Any,
    what: str,
    minimum: float | None = None,
    maximum: float | None = None,
    above: float | None = None,
    below: float | None = None,
) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise SpecError(f"{what} must be a finite number; it is {value!r}.")
    if minimum is not None and value < minimum:
        raise SpecError(f"{what} must be {minimum} or more; it is {value}.")
    if maximum is not None and value > maximum:
        raise SpecError(f"{what} must be {maximum} or less; it is {value}.")
    if above is not None and value <= above:
        raise SpecError(f"{what} must be more than {above}; it is {value}.")
    if below is not None and value >= below:
        raise SpecError(f"{what} must be less than {below}; it is {value}.")
    return float(value)


def choice(value: Any, options: Iterable[str], what: str) -> str:
    options = tuple(options)
    if value not in options:
        raise SpecError(f"{what} is {value!r}: choose one of {', '.join(options)}.")
    return value


def check_fields(data: dict, allowed: set[str], what: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise SpecError(f"{what} has unknown setting {unknown[0]!r}: use only {', '.join(sorted(allowed))}.")
