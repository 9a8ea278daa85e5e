"""Run Django in a child process with exactly the environment a deployment would give it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
# Redis database 3 is this suite's; tests that write there clean up their own keys.
TEST_REDIS_URL = "redis://127.0.0.1:6379/3"
# Values shaped like a real deployment's (a 50-character random secret, an https base URL, live-looking keys).
REALISTIC_ENV = {
    "DJANGO_SECRET_KEY": "k3W!q9#zP2@vL7$xR4^mN8&bT1*yH6(uJ0)cF5-gD3+sA9=eQ2",
    "DATABASE_URL": "postgres://shop:secret@db.internal:5432/shop",
    "DJANGO_ALLOWED_HOSTS": "shop.example.az,www.shop.example.az",
    "SHOP_BASE_URL": "https://shop.example.az",
    "REDIS_URL": TEST_REDIS_URL,
    "STRIPE_SECRET_KEY": "sk_live_51Hx0000000000000000000000",
    "STRIPE_WEBHOOK_SECRET": "whsec_0000000000000000000000000000",
}
_OURS = ("DJANGO_", "STRIPE_", "DATABASE_URL", "REDIS_URL", "SHOP_", "SENTRY_", "AWS_")


def child_env(**env: str) -> dict[str, str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(_OURS)}
    clean.update(env)
    return clean


def run_python(code: str, *, settings: str, env: dict[str, str], timeout: float = 90) -> subprocess.CompletedProcess:
    """`code` runs after django.setup() in a fresh interpreter with these settings and only this environment."""
    script = f"import django; django.setup()\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=child_env(DJANGO_SETTINGS_MODULE=settings, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_manage(*args: str, env: dict[str, str], timeout: float = 90) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def redis_db3():
    """A client of the suite's Redis database, or a failure saying Redis is not running (it is a real component)."""
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail("Redis is not running at 127.0.0.1:6379 (see DESIGN.md section 5 to start it)")
    return client
