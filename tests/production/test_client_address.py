"""Behind reverse proxies, the visitor's address comes from X-Forwarded-For, as far as the
proxies are trusted (PROXY_COUNT)."""

import pytest

from liaise.middleware import ForwardedClientAddressMiddleware


def remote_addr_seen(rf, settings, proxy_count, forwarded_for=None):
    settings.PROXY_COUNT = proxy_count
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for is not None else {}
    request = rf.get("/", headers=headers, REMOTE_ADDR="10.0.0.2")
    return ForwardedClientAddressMiddleware(lambda request: request.META["REMOTE_ADDR"])(request)


@pytest.mark.parametrize(
    ("proxy_count", "forwarded_for", "seen"),
    [
        # A web server in front appends the visitor's address.
        (1, "203.0.113.7", "203.0.113.7"),
        # A load balancer then a web server: the visitor, then the load balancer.
        (2, "203.0.113.7, 10.0.0.1", "203.0.113.7"),
        # Whatever the visitor wrote in the header themselves stays on the left, untrusted.
        (1, "198.51.100.66, 203.0.113.7", "203.0.113.7"),
        # No proxy declared: the header is the client's own claim.
        (0, "198.51.100.66", "10.0.0.2"),
        # Fewer addresses than proxies: the request did not come through them all.
        (2, "203.0.113.7", "10.0.0.2"),
        (1, None, "10.0.0.2"),
    ],
)
def test_remote_addr_is_the_address_the_outermost_proxy_saw(
    rf, settings, proxy_count, forwarded_for, seen
):
    assert remote_addr_seen(rf, settings, proxy_count, forwarded_for) == seen
