"""`/health/`: what the load balancer asks each process before sending it buyers."""

import socket
import time

import pytest
from django.test import override_settings

from tests.production.conftest import run_python

S3_OPTIONS = {"bucket_name": "crafts-health", "access_key": "test", "secret_key": "test", "region_name": "eu-central-1"}


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on: connections are refused at once, like a crashed server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers, like a hung one behind a firewall."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def test_healthy_process_answers_200_json_and_is_never_cached(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_probe_needs_no_allowed_host_and_no_language_prefix(client, db, settings):
    settings.ALLOWED_HOSTS = ["shop.example.az"]
    assert client.get("/health/", HTTP_HOST="10.0.3.7").status_code == 200
    # Everything else still refuses an unknown host.
    assert client.get("/robots.txt", HTTP_HOST="10.0.3.7").status_code == 400


def test_media_on_s3_is_checked_for_real(client, db, s3_storage):
    assert client.get("/health/").json()["checks"]["storage"] == "ok"


def test_dead_cache_answers_503_naming_the_cache(client, db, closed_port):
    dead_redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port}/3",
    }
    with override_settings(CACHES={"default": dead_redis}):
        response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["cache"]
    assert "ConnectionError" in body["errors"]["cache"]


def test_unreachable_storage_answers_503_naming_the_storage(client, db, closed_port, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**S3_OPTIONS, "endpoint_url": f"http://127.0.0.1:{closed_port}"},
        },
    }
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


def test_hung_storage_answers_503_within_a_few_seconds(client, db, silent_server, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**S3_OPTIONS, "endpoint_url": f"http://127.0.0.1:{silent_server}"},
        },
    }
    started = time.monotonic()
    response = client.get("/health/")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["errors"] == {"storage": "no answer within 3 s"}
    assert elapsed < 10


def test_dead_database_answers_503_naming_the_database(closed_port, tmp_path):
    code = """
import json
from django.test import Client
response = Client().get("/health/")
print(response.status_code, json.dumps(response.json()["failed"]))
"""
    env = {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port}/shop",
        "DJANGO_MEDIA_ROOT": str(tmp_path),
    }
    result = run_python(code, settings="config.settings.dev", env=env)
    assert result.returncode == 0, result.stderr
    status, failed = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert (status, failed) == ("503", '["database"]')
