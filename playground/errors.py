"""The errors a user can cause. Each message is a sentence that says what to do."""


class PlaygroundError(Exception):
    """An error caused by something the user chose or supplied, with a fix in words."""


class SpecError(PlaygroundError):
    """A network or optimizer description that cannot be built."""


class BackendError(PlaygroundError):
    """A compute backend (NumPy, CuPy) that cannot be used on this machine."""


class ResourceError(PlaygroundError):
    """A request that would need more memory than the machine has."""


class DataError(PlaygroundError):
    """Inputs or targets whose shapes or values do not fit the network."""
