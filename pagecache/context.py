from contextlib import contextmanager


@contextmanager
def bound(variable, value):
    """`variable` (a ContextVar) holds `value` within the block, which it yields."""
    token = variable.set(value)
    try:
        yield value
    finally:
        variable.reset(token)
