"""The value checks of playground.errors, failing with SpecError: specs are what they check here."""

from functools import partial

from playground import errors

whole = partial(errors.whole, error=errors.SpecError)
real = partial(errors.real, error=errors.SpecError)
choice = partial(errors.choice, error=errors.SpecError)
check_fields = partial(errors.check_fields, error=errors.SpecError)
