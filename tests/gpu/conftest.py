import pytest

from playground.engine.backend import cupy_problem


def pytest_collection_modifyitems(items):
    """Every test here needs CuPy on an NVIDIA GPU: without one, each skips and says so."""
    problem = cupy_problem()
    if problem is None:
        return
    skip = pytest.mark.skip(reason=f"no GPU: {problem}")
    for item in items:
        if "tests/gpu/" in item.nodeid:
            item.add_marker(skip)
