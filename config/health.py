"""`/health/` for the load balancer: is this process able to serve? Database, cache and media storage.

200 with {"status": "ok", ...} when all three answer; 503 naming each one that failed. Every check has a time
limit so a hung dependency marks the process unhealthy instead of hanging the probe. Never cached.
"""

import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.core.cache import caches
from django.core.files.storage import storages
from django.db import connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

HEALTH_PATH = "/health/"
CHECK_SECONDS = 3.0
# Checks that talk to the network run here, so their time limit holds even when a socket never answers;
# a worker stuck on a dead dependency is abandoned, and the pool is big enough to outlive a few of them.
_executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="health")


def database_check() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def cache_check() -> None:
    cache = caches["default"]
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("a value written to the cache could not be read back")
    finally:
        cache.delete(key)


def storage_check() -> None:
    # exists() is one cheap request on S3 (HEAD) and one stat locally; it raises when the storage is unreachable.
    storages["default"].exists("health/probe")


CHECKS = {"database": database_check, "cache": cache_check, "storage": storage_check}


def _run(name: str, check) -> str | None:
    """None when the check passed, otherwise why it failed (for the response and the log)."""
    if name == "database":
        # Django's connections belong to the thread that opened them; the database has its own connect timeout.
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
            return f"{type(exc).__name__}: {exc}"
        return None
    future = _executor.submit(check)
    try:
        future.result(timeout=CHECK_SECONDS)
    except FutureTimeout:
        return f"no answer within {CHECK_SECONDS:g} s"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return f"{type(exc).__name__}: {exc}"
    return None


@never_cache
def health(request):
    failures = {name: error for name, check in CHECKS.items() if (error := _run(name, check)) is not None}
    if failures:
        logger.error("health check failed: %s", failures)
        return JsonResponse(
            {"status": "unavailable", "failed": sorted(failures), "errors": failures},
            status=503,
        )
    return JsonResponse({"status": "ok", "checks": {name: "ok" for name in CHECKS}})


class HealthCheckMiddleware:
    """Answers `/health/` before host validation and the HTTPS redirect: a load balancer probes each process by
    its IP address over plain HTTP, which ALLOWED_HOSTS and SECURE_SSL_REDIRECT would otherwise refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            response = health(request)
            add_never_cache_headers(response)
            return response
        return self.get_response(request)
