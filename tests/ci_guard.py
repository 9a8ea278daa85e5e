"""CI guard, a pytest plugin: with REQUIRE_POSTGRES_TESTS=1 a run fails unless it ran on PostgreSQL and none of
its PostgreSQL-only tests were skipped. tests/conftest.py installs it; tests/test_ci_guard.py runs it for real."""

import os

POSTGRES_SKIP_REASON = "needs PostgreSQL"
_postgres_skips: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and POSTGRES_SKIP_REASON in str(report.longrepr):
        _postgres_skips.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("REQUIRE_POSTGRES_TESTS") != "1":
        return
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        print(f"\nREQUIRE_POSTGRES_TESTS=1 but the database engine is {engine}")
        session.exitstatus = 1
    elif _postgres_skips:
        print(f"\n{len(_postgres_skips)} PostgreSQL-only test(s) were skipped on PostgreSQL:")
        for nodeid in _postgres_skips:
            print(f"  {nodeid}")
        session.exitstatus = 1
