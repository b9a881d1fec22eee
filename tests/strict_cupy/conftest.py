import pytest

from playground.engine import backend
from tests.strict_cupy import strict_xp


@pytest.fixture
def strict(monkeypatch) -> str:
    """The strict double of CuPy registered as the backend "strict", its transfers counted from zero and its
    device memory as the double starts with; the name to build networks and sessions on."""
    monkeypatch.setitem(backend.BACKENDS, "strict", lambda: backend.Backend("strict", strict_xp.xp))
    monkeypatch.setattr(strict_xp, "DEVICE_MEMORY", dict(strict_xp.DEVICE_MEMORY))
    strict_xp.TRANSFERS.clear()
    return "strict"
