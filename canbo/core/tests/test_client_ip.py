"""client_ip: the trusted proxy's hop of X-Forwarded-For, never an entry the client wrote."""

import pytest
from django.test import RequestFactory

from canbo.core.client_ip import client_ip

PROXY = "10.0.0.2"


def _request(forwarded=None, remote_addr=PROXY):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_it_is_the_connection_address_and_the_header_is_ignored(settings):
    settings.PROXY_COUNT = 0

    assert client_ip(_request("198.51.100.9", remote_addr="203.0.113.5")) == "203.0.113.5"


def test_behind_one_proxy_it_is_the_entry_the_proxy_appended(settings):
    settings.PROXY_COUNT = 1

    assert client_ip(_request("203.0.113.5")) == "203.0.113.5"


def test_a_spoofed_left_most_entry_does_not_change_the_address(settings):
    settings.PROXY_COUNT = 1

    assert client_ip(_request("6.6.6.6, 203.0.113.5")) == "203.0.113.5"
    assert client_ip(_request("1.1.1.1,6.6.6.6,203.0.113.5")) == "203.0.113.5"


def test_behind_two_proxies_it_is_the_second_entry_from_the_right(settings):
    settings.PROXY_COUNT = 2

    assert client_ip(_request("6.6.6.6, 203.0.113.5, 10.0.0.1")) == "203.0.113.5"


@pytest.mark.parametrize("forwarded", [None, "", " , "])
def test_a_request_that_did_not_come_through_the_proxy_gets_the_connection_address(settings, forwarded):
    settings.PROXY_COUNT = 1

    assert client_ip(_request(forwarded)) == PROXY


def test_fewer_entries_than_trusted_proxies_falls_back_to_the_connection_address(settings):
    settings.PROXY_COUNT = 2

    assert client_ip(_request("203.0.113.5")) == PROXY


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.5:51234", "203.0.113.5"),
        ("2001:db8::7", "2001:db8::7"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("6.6.6.6, not-an-address", PROXY),
        ("6.6.6.6, 203.0.113.5<script>", PROXY),
    ],
)
def test_ports_are_dropped_and_a_malformed_entry_is_never_recorded(settings, forwarded, expected):
    settings.PROXY_COUNT = 1

    assert client_ip(_request(forwarded)) == expected
