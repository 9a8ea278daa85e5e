"""Public media on S3 (moto's server, spoken to over HTTP by the real boto3 and django-storages): an admin
upload, the product page showing it, the rendition fetched over HTTP, deletion, and an unreachable S3."""

import io
import json
import re
import time
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model

from beneficiaries.file_storage import STORAGE_UNREACHABLE_MESSAGE, public_media_bucket_policy
from shop.catalogue.renditions import ALL_PUBLIC_SPECS
from shop.models import ProductPhoto
from tests.conftest import S3_TEST_BUCKET
from tests.s3 import free_port

Image = get_image_model()
Rendition = Image.get_rendition_model()


def english(message) -> str:
    # The factory's staff read the admin in English.
    with translation.override("en"):
        return str(message)


def jpeg_upload(name="jug.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 600), (150, 80, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def bucket_keys(client) -> set[str]:
    return {obj["Key"] for obj in client.list_objects_v2(Bucket=S3_TEST_BUCKET).get("Contents", [])}


@pytest.fixture
def public_media_bucket(s3_storage):
    """As in production (README "Deploying"): anyone may read originals and renditions, nothing else."""
    s3_storage.put_bucket_policy(Bucket=S3_TEST_BUCKET, Policy=json.dumps(public_media_bucket_policy(S3_TEST_BUCKET)))
    return s3_storage


@pytest.fixture
def admin_client(client, user_factory):
    client.force_login(user_factory(username="media-admin", is_superuser=True, is_staff=True))
    return client


def test_admin_upload_is_served_from_s3_and_deleting_it_removes_original_and_renditions(
    admin_client, public_media_bucket, product_factory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/images/add/", {"title": "Jug", "file": jpeg_upload(), "tags": ""})
    assert response.status_code == 302, response.content[:300]
    image = Image.objects.get(title="Jug")
    rendition_names = set(Rendition.objects.filter(image=image).values_list("file", flat=True))
    assert len(rendition_names) == len(ALL_PUBLIC_SPECS)  # made at upload time
    assert {image.file.name, *rendition_names} <= bucket_keys(public_media_bucket)

    product = product_factory(title="Jug")
    ProductPhoto.objects.create(product=product, image=image, alt_text="A brown jug")
    page = Client().get(reverse("shop:product_detail", args=[product.slug])).content.decode()
    urls = re.findall(rf'(http://127\.0\.0\.1:\d+/{S3_TEST_BUCKET}/images/[^\s"]+\.webp)', page)
    assert urls, "the product page shows renditions from the bucket"
    with urllib.request.urlopen(urls[0], timeout=10) as fetched:  # noqa: S310 - moto's loopback server
        assert fetched.status == 200
        assert fetched.headers["Content-Type"] == "image/webp"
        assert "immutable" in fetched.headers["Cache-Control"]
        assert PILImage.open(io.BytesIO(fetched.read())).format == "WEBP"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/images/{image.pk}/delete/")
    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    left = bucket_keys(public_media_bucket)
    assert image.file.name not in left
    assert rendition_names.isdisjoint(left)


@pytest.fixture
def unreachable_s3(s3_storage, settings):
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    settings.STORAGES = {**settings.STORAGES}  # rebuild the storages with the new endpoint


def nothing_saved() -> bool:
    from taggit.models import TaggedItem

    return not Image.objects.exists() and not Rendition.objects.exists() and not TaggedItem.objects.exists()


def test_upload_while_s3_is_unreachable_is_a_form_error_and_saves_nothing(admin_client, unreachable_s3):
    started = time.monotonic()
    response = admin_client.post("/admin/images/add/", {"title": "Jug", "file": jpeg_upload(), "tags": "clay"})
    assert time.monotonic() - started < 20  # a few quick retries, then the answer: no hung worker
    assert response.status_code == 200
    assert english(STORAGE_UNREACHABLE_MESSAGE) in response.content.decode()
    assert nothing_saved()


def test_multiple_upload_while_s3_is_unreachable_answers_with_the_message(admin_client, unreachable_s3):
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": jpeg_upload()})
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert english(STORAGE_UNREACHABLE_MESSAGE) in json.dumps(answer, ensure_ascii=False)
    assert nothing_saved()
