import pytest

from bondgenoot.matching import index_store


@pytest.fixture(autouse=True)
def fresh_index():
    """Every test starts without an index (ids are reused between tests on SQLite)."""
    index_store.reset()
    yield
    index_store.reset()
