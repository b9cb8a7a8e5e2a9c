"""One client address behind any number of trusted proxies: rate limits, lockouts and logs agree,
and no X-Forwarded-For value can make a request fail."""

import io
import logging

import pytest
from django.contrib.auth.models import User
from django.test import SimpleTestCase
from django.urls import reverse

from articles.clientaddress import ClientLogFilter, client_address, plain_address

from ..factories import make_article

TWO_ADDRESSES = "203.0.113.9, 198.51.100.1"
GARBAGE = ["", " ", ",", ",,,", "unknown", "garbage, more garbage", "999.1.1.1", "\x00", "1.2.3.4:notaport",
           "[::1", "::1]", "a" * 5000, "203.0.113.9,," + "," * 1000, "%00", "203.0.113.9 198.51.100.1",
           "fe80::1%eth0", "[2001:db8::1]:8443"]


class ClientAddressTests(SimpleTestCase):
    def test_with_no_trusted_proxy_the_connecting_address_is_the_client_whatever_the_header_says(self):
        self.assertEqual(client_address("192.0.2.7", TWO_ADDRESSES, 0), "192.0.2.7")
        self.assertEqual(client_address("192.0.2.7", None, 0), "192.0.2.7")

    def test_behind_one_proxy_the_last_entry_is_the_client(self):
        # nginx appends the address it saw to whatever the client sent.
        self.assertEqual(client_address("127.0.0.1", "198.51.100.1", 1), "198.51.100.1")
        self.assertEqual(client_address("127.0.0.1", TWO_ADDRESSES, 1), "198.51.100.1")

    def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(self):
        self.assertEqual(client_address("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.1", 2), "203.0.113.9")

    def test_a_request_that_did_not_come_through_every_proxy_is_known_by_its_connecting_address(self):
        self.assertEqual(client_address("127.0.0.1", None, 1), "127.0.0.1")
        self.assertEqual(client_address("127.0.0.1", "198.51.100.1", 2), "127.0.0.1")

    def test_garbage_in_the_trusted_entry_falls_back_to_the_connecting_address(self):
        for value in GARBAGE:
            address = client_address("127.0.0.1", value, 1)
            self.assertTrue(plain_address(address), (value, address))

    def test_addresses_are_written_one_way(self):
        self.assertEqual(plain_address("[2001:DB8::1]:8443"), "2001:db8::1")
        self.assertEqual(plain_address("203.0.113.9:4711"), "203.0.113.9")
        self.assertEqual(plain_address(" 2001:db8:0:0::1 "), "2001:db8::1")
        self.assertEqual(plain_address("fe80::1%eth0"), "fe80::1")
        self.assertIsNone(plain_address("example.org"))
        self.assertEqual(client_address("", None, 0), "0.0.0.0")  # a Unix socket has no address


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.RATELIMIT_SEARCH = settings.RATELIMIT_API = "5/m"
    make_article(title="青枫镇召开会议")


@pytest.mark.django_db
@pytest.mark.parametrize("header", [TWO_ADDRESSES, None, *GARBAGE])
@pytest.mark.parametrize("name", ["search", "api-articles", "home"])
def test_no_forwarded_for_value_makes_search_or_the_api_fail(client, behind_one_proxy, header, name):
    extra = {"HTTP_X_FORWARDED_FOR": header} if header is not None else {}
    response = client.get(reverse(name), {"q": "会议"}, REMOTE_ADDR="127.0.0.1", **extra)
    assert response.status_code == 200


@pytest.mark.django_db
def test_forged_addresses_do_not_escape_the_rate_limit_behind_a_proxy(client, behind_one_proxy):
    codes = [client.get(reverse("search"), {"q": f"会议{i}"}, REMOTE_ADDR="127.0.0.1",
                        HTTP_X_FORWARDED_FOR=f"203.0.113.{i}, 198.51.100.1").status_code for i in range(8)]
    assert codes == [200] * 5 + [429] * 3
    # Another client, as the proxy reports it, has its own allowance.
    other = client.get(reverse("search"), {"q": "会议"}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 200


@pytest.mark.django_db
def test_with_no_trusted_proxy_a_forged_header_changes_nothing(client, settings):
    settings.RATELIMIT_SEARCH = "3/m"
    make_article(title="青枫镇召开会议")
    codes = [client.get(reverse("search"), {"q": "会议"}, REMOTE_ADDR="192.0.2.7",
                        HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(5)]
    assert codes == [200] * 3 + [429] * 2


def wrong_password(client, username, forwarded_for):
    return client.post("/admin/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR="127.0.0.1",
                       HTTP_X_FORWARDED_FOR=forwarded_for)


@pytest.mark.django_db
def test_a_stranger_behind_the_proxy_cannot_lock_a_colleague_out(client, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    User.objects.create_user("chief", password="right-Password-123", is_staff=True)
    codes = [wrong_password(client, "chief", "198.51.100.66").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert codes[-1] == 429  # the stranger's address is locked out for that name
    assert wrong_password(client, "chief", "198.51.100.66").status_code == 429
    # The chief, at another address, still logs in: lockouts are per (name, address).
    chief = client.post("/admin/login/", {"username": "chief", "password": "right-Password-123"},
                        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert chief.status_code == 302 and "_auth_user_id" in client.session


@pytest.mark.django_db
def test_lockouts_record_the_client_address_not_the_proxys(client, settings):
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXY_HOPS = 1
    wrong_password(client, "editor", "garbage, 198.51.100.66")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.66"]


@pytest.mark.django_db
def test_log_lines_name_the_client_address(client, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    [console] = [h for h in logging.getLogger().handlers if any(isinstance(f, ClientLogFilter) for f in h.filters)]
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:  # a request for a host the site does not serve is logged (django.security, ERROR)
        response = client.get("/", HTTP_HOST="evil.example", REMOTE_ADDR="127.0.0.1",
                              HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    finally:
        console.setStream(previous)
    assert response.status_code == 400
    line = stream.getvalue()
    assert "Invalid HTTP_HOST header" in line and "[198.51.100.9]" in line, line


def test_a_bad_request_is_answered_in_chinese(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()
