"""The database under load: SQLite (the demo) queues concurrent writers instead of failing; PostgreSQL keeps
its connections between requests in production."""

import json

import pytest
from django.db import connection

from tests.production.conftest import REALISTIC_ENV, run_python

# Eight threads each read and then write in one transaction, released together: the shape of a checkout's
# success redirect racing its webhook on the same order.
CONCURRENT_WRITERS = """
import json, time
from django.db import connection, connections, transaction
from tests.concurrency import at_once

MODE = {mode!r}
if MODE:
    connections.settings["default"]["OPTIONS"]["transaction_mode"] = MODE
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS writes (writer integer)")
connection.close()

def write(index):
    for _ in range(5):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM writes")
            cursor.fetchone()
            time.sleep(0.02)
            cursor.execute("INSERT INTO writes VALUES (%s)", [index])
    return "ok"

results = at_once(8, write)
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM writes")
    rows = cursor.fetchone()[0]
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
print(json.dumps({{"errors": [repr(r) for r in results if r != "ok"], "rows": rows, "journal": journal}}))
"""


def run_writers(tmp_path, mode: str = "") -> dict:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'shop.sqlite3'}"}
    result = run_python(CONCURRENT_WRITERS.format(mode=mode), settings="config.settings.dev", env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_concurrent_writers_on_the_sqlite_default_all_succeed(tmp_path):
    outcome = run_writers(tmp_path)
    assert outcome["errors"] == []
    assert outcome["rows"] == 8 * 5
    assert outcome["journal"] == "wal"


def test_without_immediate_transactions_the_same_writers_hit_database_is_locked(tmp_path):
    """The control: SQLite's default (deferred) transactions fail this very workload, so the test above would
    notice if the settings stopped asking for IMMEDIATE."""
    outcome = run_writers(tmp_path, mode="DEFERRED")
    assert any("database is locked" in error for error in outcome["errors"]), outcome


# Through the WSGI handler as gunicorn calls it (the test Client keeps connections open on purpose).
PERSISTENT_CONNECTION = """
import json
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test import RequestFactory
application = get_wsgi_application()
pids = []
for _ in range(2):
    statuses = []
    response = application(RequestFactory()._base_environ(PATH_INFO="/health/"), lambda s, h: statuses.append(s))
    b"".join(response)
    response.close()
    assert statuses == ["200 OK"], statuses
    pids.append(connection.connection.info.backend_pid if connection.connection else None)
print(json.dumps({"pids": pids, "health_checks": connection.settings_dict["CONN_HEALTH_CHECKS"]}))
"""


@pytest.mark.parametrize(("max_age", "reused"), [("", True), ("0", False)])
def test_production_keeps_the_postgresql_connection_between_requests(requires_postgres, tmp_path, max_age, reused):
    db = connection.settings_dict
    env = {
        **REALISTIC_ENV,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_MEDIA_ROOT": str(tmp_path),
    }
    if max_age:
        env["DJANGO_CONN_MAX_AGE"] = max_age
    result = run_python(PERSISTENT_CONNECTION, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["health_checks"] is True
    if reused:
        assert outcome["pids"][0] is not None and outcome["pids"][0] == outcome["pids"][1]
    else:
        assert outcome["pids"] == [None, None]
