"""The CI guard must notice a PostgreSQL-only test that was skipped on PostgreSQL."""

from django.db import connection


def test_postgres_only_tests_run_on_postgres(requires_postgres):
    # Runs only on PostgreSQL; on SQLite it is skipped, which the CI guard turns into a failure there.
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]
