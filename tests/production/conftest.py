import pytest

from tests.redis_server import RedisServer


@pytest.fixture
def redis_server():
    """A Redis of its own for the test, on a free port, empty."""
    with RedisServer() as server:
        yield server
