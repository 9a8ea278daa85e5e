"""Shared fixtures: factories as fixtures, plus markers that keep PostgreSQL-only tests honest."""

import pytest
from django.db import connection

from tests import factories
from tests.ci_guard import POSTGRES_SKIP_REASON, pytest_runtest_logreport, pytest_sessionfinish  # noqa: F401 - hooks
from tests.s3 import running_moto_s3

S3_TEST_BUCKET = "crafts-media-test"


@pytest.fixture(autouse=True)
def isolated_media_and_cache(settings, tmp_path):
    """Uploaded files go to per-test folders (never the repo's media/ or var/private/), and no cached page or rendition
    from one test leaks into the next."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    private = {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}}
    settings.STORAGES = {**settings.STORAGES, "private": private}
    cache.clear()
    yield
    cache.clear()


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


def pytest_collection_modifyitems(items):
    """Tests that use `requires_postgres` carry the `postgres` marker, so `pytest -m postgres` runs just them."""
    for item in items:
        if "requires_postgres" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture
def order_line_factory(db):
    return factories.OrderLineFactory


@pytest.fixture
def refund_line_factory(db):
    return factories.RefundLineFactory


@pytest.fixture
def finance_user_factory(db):
    """Members of the "Finance" group the ledger migration creates (makers' money, payouts, approvals)."""
    from django.contrib.auth.models import Group

    def make(**kwargs):
        from wagtail.users.models import UserProfile

        user = factories.UserFactory(**kwargs)
        user.groups.add(Group.objects.get(name="Finance"))
        # The finance pages are read in English here, as the instructors' are (`centre_member`).
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
        return user

    return make


@pytest.fixture
def requires_postgres(db):
    """Use in tests that need real row locks; they are skipped on SQLite and must run (not skip) in CI."""
    if connection.vendor != "postgresql":
        pytest.skip(f"{POSTGRES_SKIP_REASON} (row locks); runs in CI's PostgreSQL pass")


@pytest.fixture(scope="session")
def moto_s3_url():
    with running_moto_s3() as url:
        yield url


@pytest.fixture
def s3_storage(settings, moto_s3_url, monkeypatch):
    """Media on S3 (moto's server) for one test: a fresh bucket, django-storages configured as in production."""
    import boto3

    for key, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}.items():
        monkeypatch.setenv(key, value)
    client = boto3.client("s3", endpoint_url=moto_s3_url, region_name="eu-central-1")
    client.create_bucket(Bucket=S3_TEST_BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    settings.AWS_STORAGE_BUCKET_NAME = S3_TEST_BUCKET
    settings.AWS_S3_ENDPOINT_URL = moto_s3_url
    settings.AWS_S3_REGION_NAME = "eu-central-1"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_QUERYSTRING_AUTH = False
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    yield client
    for obj in client.list_objects_v2(Bucket=S3_TEST_BUCKET).get("Contents", []):
        client.delete_object(Bucket=S3_TEST_BUCKET, Key=obj["Key"])
    client.delete_bucket(Bucket=S3_TEST_BUCKET)


@pytest.fixture
def centre_member(user_factory):
    """`centre_member(centre, role="Instructor")`: a user in that role's group, working for `centre`."""
    from django.contrib.auth.models import Group

    from beneficiaries.models import CentreMembership

    def make(centre, role: str = "Instructor", **kwargs):
        from wagtail.users.models import UserProfile

        user = user_factory(**kwargs)
        user.groups.add(Group.objects.get(name=role))
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
        kind = CentreMembership.Role.LEAD if role == "Centre lead" else CentreMembership.Role.INSTRUCTOR
        CentreMembership.objects.create(user=user, centre=centre, role=kind)
        return user

    return make


@pytest.fixture
def centre_image(image_factory):
    """`centre_image(centre)`: a photo stored in the centre's own collection."""
    from shop.catalogue.services import centre_collection_ensure

    def make(centre, **kwargs):
        return image_factory(collection=centre_collection_ensure(centre=centre), **kwargs)

    return make
