"""Links that leave the site (e-mails, sitemap, canonical and hreflang tags, robots.txt) carry the shop's real
address: SHOP_BASE_URL when configured, else the request's host, else the default Wagtail Site; never a
localhost address baked into the settings."""

import re

import pytest
from django.core import mail
from wagtail.models import Site

from shop.models import Order
from shop.orders.services.emails import order_confirmation_send
from tests.sitemaps import sitemap_locations
from tests.test_settings import run_with_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfigured(settings):
    """No SHOP_BASE_URL, as in a deployment that has not set it (or the dev server)."""
    settings.SHOP_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["shop.example.az"]


def canonical(response) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)">', response.content.decode()).group(1)


def test_settings_bake_in_no_localhost_address():
    result = run_with_settings(
        "config.settings.base",
        "from django.conf import settings; print(repr(settings.SHOP_BASE_URL), repr(settings.WAGTAILADMIN_BASE_URL))",
        DJANGO_SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    assert "127.0.0.1" not in result.stdout and "localhost" not in result.stdout


def test_pages_take_the_address_the_buyer_used_when_none_is_configured(client, unconfigured):
    response = client.get("/en/", HTTP_HOST="shop.example.az", secure=True)
    assert canonical(response) == "https://shop.example.az/en/"
    html = response.content.decode()
    assert '<link rel="alternate" hreflang="ru" href="https://shop.example.az/ru/">' in html
    assert '<meta property="og:url" content="https://shop.example.az/en/">' in html


def test_a_forged_host_is_refused_not_echoed(client, unconfigured):
    response = client.get("/sitemap.xml", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


def test_sitemap_and_robots_use_the_request_address_when_none_is_configured(client, unconfigured):
    locations = sitemap_locations(client, HTTP_HOST="shop.example.az", secure=True)
    assert "https://shop.example.az/az/" in locations
    assert all(location.startswith("https://shop.example.az/") for location in locations)
    robots = client.get("/robots.txt", HTTP_HOST="shop.example.az", secure=True).content.decode()
    assert "Sitemap: https://shop.example.az/sitemap.xml" in robots


def test_configured_address_wins_over_the_request(client, settings):
    settings.SHOP_BASE_URL = "https://crafts.example.az/"
    assert canonical(client.get("/en/")) == "https://crafts.example.az/en/"
    assert "https://crafts.example.az/az/" in sitemap_locations(client)


def _paid_order(order_line_factory) -> Order:
    return order_line_factory().order


def test_background_email_links_to_the_default_site_when_no_address_is_configured(settings, order_line_factory):
    settings.SHOP_BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="shop.example.az", port=443)
    order = _paid_order(order_line_factory)
    assert order_confirmation_send(order_id=order.pk)
    body = mail.outbox[0].body
    assert f"https://shop.example.az{order.get_absolute_url()}" in body
    assert "127.0.0.1" not in body


def test_background_email_links_to_the_configured_address(settings, order_line_factory):
    settings.SHOP_BASE_URL = "https://crafts.example.az"
    order = _paid_order(order_line_factory)
    assert order_confirmation_send(order_id=order.pk)
    assert f"https://crafts.example.az{order.get_absolute_url()}" in mail.outbox[0].body
