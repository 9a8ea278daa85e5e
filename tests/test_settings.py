"""Settings come from the environment: production refuses to start without secrets, integrations switch on."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_with_settings(module: str, code: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_", "DATABASE_URL"))}
    clean_env.update(DJANGO_SETTINGS_MODULE=module, **env)
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_settings("config.settings.production", "print('started')")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_stripe_secrets():
    result = run_with_settings(
        "config.settings.production",
        "print('started')",
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
    )
    assert result.returncode != 0
    assert "STRIPE_SECRET_KEY must be set in production" in result.stderr


def test_redis_cache_is_used_and_shared_when_redis_url_is_set():
    code = (
        "from django.core.cache import caches; import uuid, redis; k = 'ci-' + uuid.uuid4().hex; "
        "caches['default'].set(k, 'shared', 30); "
        "print(type(caches['default']).__name__, redis.Redis.from_url('redis://127.0.0.1:6379/0').exists(':1:' + k))"
    )
    result = run_with_settings("config.settings.dev", code, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "1"]


def test_database_url_selects_postgresql():
    code = "from django.db import connection; print(connection.vendor)"
    result = run_with_settings("config.settings.dev", code, DATABASE_URL="postgres://postgres@127.0.0.1:5432/test")
    assert result.stdout.strip() == "postgresql", result.stderr


def test_checkout_hold_minutes_come_from_the_environment():
    code = "from django.conf import settings; print(settings.SHOP_CHECKOUT_SESSION_MINUTES)"
    assert run_with_settings("config.settings.dev", code).stdout.strip() == "31"
    assert run_with_settings("config.settings.dev", code, SHOP_CHECKOUT_SESSION_MINUTES="90").stdout.strip() == "90"


def test_checkout_hold_outside_what_stripe_allows_refuses_to_start():
    for bad in ("10", "30", "1441", "half an hour"):
        result = run_with_settings("config.settings.dev", "print('started')", SHOP_CHECKOUT_SESSION_MINUTES=bad)
        assert result.returncode != 0, bad
        assert "started" not in result.stdout
        assert "SHOP_CHECKOUT_SESSION_MINUTES must be a whole number of minutes from 31 to 1440" in result.stderr
        assert repr(bad) in result.stderr
