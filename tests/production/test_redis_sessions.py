"""With REDIS_URL every process shares the cache and the sessions: a cart saved by one is there for the other."""

import json
import uuid

from tests.production.conftest import TEST_REDIS_URL, run_python

SAVE_CART = """
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
with connection.schema_editor() as editor:
    editor.create_model(Session)
session = SessionStore()
session["cart"] = {"bowl-42": 2}
session.save()
print(session.session_key, type(caches["default"]).__name__, type(caches["renditions"]).__name__)
"""

LOAD_CART = """
import json
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
with connection.schema_editor() as editor:
    editor.create_model(Session)
print(json.dumps(SessionStore(session_key={key!r}).get("cart")))
"""


def process_env(tmp_path, name: str, **extra: str) -> dict[str, str]:
    # Each process has its own empty database, so only a shared cache can carry the session across.
    return {"DATABASE_URL": f"sqlite:///{tmp_path / name}.sqlite3", **extra}


def test_a_session_saved_by_one_process_is_read_by_another_through_redis(tmp_path, redis_db3):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    shared = {"REDIS_URL": TEST_REDIS_URL, "DJANGO_CACHE_KEY_PREFIX": prefix}
    saved = run_python(SAVE_CART, settings="config.settings.dev", env=process_env(tmp_path, "a", **shared))
    assert saved.returncode == 0, saved.stderr
    key, default_cache, renditions_cache = saved.stdout.split()[-3:]
    assert (default_cache, renditions_cache) == ("RedisCache", "RedisCache")
    try:
        loaded = run_python(
            LOAD_CART.format(key=key), settings="config.settings.dev", env=process_env(tmp_path, "b", **shared)
        )
        assert loaded.returncode == 0, loaded.stderr
        assert json.loads(loaded.stdout.strip().splitlines()[-1]) == {"bowl-42": 2}
    finally:
        for stale in redis_db3.scan_iter(f"{prefix}*"):
            redis_db3.delete(stale)


def test_without_redis_each_process_keeps_its_own_cache(tmp_path):
    """The control: with the local-memory default the second process cannot see the first one's session."""
    saved = run_python(
        SAVE_CART.replace(', type(caches["renditions"]).__name__', ""),
        settings="config.settings.dev",
        env=process_env(tmp_path, "a"),
    )
    assert saved.returncode == 0, saved.stderr
    key = saved.stdout.split()[-2]
    loaded = run_python(LOAD_CART.format(key=key), settings="config.settings.dev", env=process_env(tmp_path, "b"))
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout.strip().splitlines()[-1]) is None
