"""The CI guard must turn a skipped PostgreSQL-only test into a failed run, and only then.

Each case runs a real pytest session in a subprocess with the guard plugin and a throw-away test file. The
sessions never open a database connection: the guard reads the configured engine, so these run on any machine.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ci_guard import POSTGRES_SKIP_REASON

PROJECT = Path(__file__).resolve().parent.parent
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"

SKIPPED_ON_POSTGRES = f"""
import pytest

def test_row_locks():
    pytest.skip("{POSTGRES_SKIP_REASON} (row locks)")

def test_ordinary():
    assert 1 + 1 == 2
"""

ALL_RAN = """
def test_row_locks():
    assert True
"""


def run_session(tmp_path, source: str, *, database_url: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(source)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    env = {**os.environ, "REQUIRE_POSTGRES_TESTS": "1", "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ci_guard", "-c", str(tmp_path / "pytest.ini"), str(tmp_path)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_postgres_only_test_skipped_on_postgres_fails_the_run(tmp_path):
    result = run_session(tmp_path, SKIPPED_ON_POSTGRES, database_url=POSTGRES_URL)
    assert result.returncode == 1, result.stdout
    assert "1 PostgreSQL-only test(s) were skipped on PostgreSQL" in result.stdout
    assert "test_sample.py::test_row_locks" in result.stdout


def test_a_run_where_every_postgres_test_ran_passes(tmp_path):
    result = run_session(tmp_path, ALL_RAN, database_url=POSTGRES_URL)
    assert result.returncode == 0, result.stdout
    assert "1 passed" in result.stdout


@pytest.mark.parametrize("database_url", [None, "sqlite:///ignored.sqlite3"])
def test_requiring_postgres_on_another_engine_fails_the_run(tmp_path, database_url):
    result = run_session(tmp_path, ALL_RAN, database_url=database_url)
    assert result.returncode == 1, result.stdout
    assert "REQUIRE_POSTGRES_TESTS=1 but the database engine is django.db.backends.sqlite3" in result.stdout
