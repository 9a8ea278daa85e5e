"""Shared fixtures: factories as fixtures, plus markers that keep PostgreSQL-only tests honest."""

import os

import pytest
from django.db import connection

from tests import factories


@pytest.fixture
def centre_factory(db):
    return factories.CentreFactory


@pytest.fixture
def maker_factory(db):
    return factories.MakerFactory


@pytest.fixture
def craft_factory(db):
    return factories.CraftFactory


@pytest.fixture
def product_factory(db):
    return factories.ProductFactory


@pytest.fixture
def image_factory(db):
    return factories.ImageFactory


@pytest.fixture
def user_factory(db):
    return factories.UserFactory


@pytest.fixture
def requires_postgres(db):
    """Use in tests that need real row locks; they are skipped on SQLite and must run (not skip) in CI."""
    if connection.vendor != "postgresql":
        pytest.skip(f"{POSTGRES_SKIP_REASON} (row locks); runs in CI's PostgreSQL pass")


# --- CI guard: on PostgreSQL, a skipped PostgreSQL-only test is a failure, not a pass. ---
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
