"""Production settings: `check --deploy` is clean, a missing variable stops the start with its name, HTTPS only."""

import json

import pytest

from tests.production.conftest import REALISTIC_ENV, run_manage, run_python

PRODUCTION = {"DJANGO_SETTINGS_MODULE": "config.settings.production"}


def test_check_deploy_is_clean_with_a_realistic_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, **REALISTIC_ENV})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", sorted(REALISTIC_ENV))
def test_production_refuses_to_start_without_each_required_variable(missing):
    env = {**PRODUCTION, **{key: value for key, value in REALISTIC_ENV.items() if key != missing}}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr
    # Only the missing one is named, so the operator knows exactly what to add.
    others = set(REALISTIC_ENV) - {missing}
    assert not [name for name in others if f"{name} must be set" in result.stderr]


def test_an_empty_value_counts_as_missing():
    result = run_manage("check", env={**PRODUCTION, **REALISTIC_ENV, "REDIS_URL": "  "})
    assert result.returncode != 0
    assert "REDIS_URL must be set in production" in result.stderr


def test_a_plain_http_base_url_for_e_mail_links_is_refused():
    result = run_manage("check", env={**PRODUCTION, **REALISTIC_ENV, "SHOP_BASE_URL": "http://192.168.1.20:8000"})
    assert result.returncode != 0
    assert "SHOP_BASE_URL must start with https://" in result.stderr


def test_the_https_redirect_spares_the_health_probe_and_the_secure_response_carries_hsts(tmp_path):
    code = """
from django.test import Client
client = Client()
page = client.get("/en/", HTTP_HOST="shop.example.az")
probe = client.get("/health/", HTTP_HOST="10.0.3.7")
secure = client.get("/robots.txt", HTTP_HOST="shop.example.az", HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({
    "page": [page.status_code, page.get("Location")],
    "probe": [probe.status_code, json.loads(probe.content)["status"], probe.get("Cache-Control")],
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": secure.get("Content-Security-Policy"),
}))
"""
    env = {**REALISTIC_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DJANGO_MEDIA_ROOT": str(tmp_path)}
    result = run_python("import json\n" + code, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["page"] == [301, "https://shop.example.az/en/"]
    assert seen["probe"][:2] == [200, "ok"]
    assert "no-cache" in seen["probe"][2]
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in seen["csp"]
    assert "form-action 'self' https://checkout.stripe.com" in seen["csp"]


def test_the_scale_test_switch_serves_production_settings_over_plain_http(tmp_path):
    code = """
from django.conf import settings
from django.test import Client
page = Client().get("/robots.txt", HTTP_HOST="127.0.0.1")
print(page.status_code, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)
"""
    env = {
        **REALISTIC_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SHOP_BASE_URL": "http://127.0.0.1:8001",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    result = run_python(code, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["200", "False", "False"]
