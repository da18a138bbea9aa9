"""The client's address, the one rule read by login throttling (django-axes) and the audit rows (auditlog).

Behind PROXY_COUNT trusted reverse proxies, each proxy appends the address it received the request from to
X-Forwarded-For, so the client's address is the PROXY_COUNT-th entry from the right: the one the outermost
trusted proxy wrote. Everything to its left was written by the client and is never read. With no proxy
(PROXY_COUNT = 0, development) the address is the connection's own, REMOTE_ADDR. A header with fewer entries
than trusted proxies (a request that did not come through them) falls back to REMOTE_ADDR too.
"""

import ipaddress

from django.conf import settings


def _address(value: str | None) -> str | None:
    """A valid IPv4 or IPv6 address without its port, else None (the audit column is an IP address)."""
    value = (value or "").strip()
    if value.startswith("["):  # [2001:db8::1]:443
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # 203.0.113.5:443
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    proxies = settings.PROXY_COUNT
    remote_addr = _address(request.META.get("REMOTE_ADDR"))
    if proxies <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [hop.strip() for hop in header.split(",") if hop.strip()]
    if len(forwarded) < proxies:
        return remote_addr
    return _address(forwarded[-proxies]) or remote_addr
