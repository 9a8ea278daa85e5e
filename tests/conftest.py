"""Shared fixtures: factories as fixtures, plus markers that keep PostgreSQL-only tests honest."""

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
        pytest.skip("needs PostgreSQL (row locks); runs in CI's PostgreSQL pass")
