"""Private files on S3 (moto's server): the scan sits under the private prefix, the link is a presigned URL
that expires after PRIVATE_LINK_SECONDS, and the object's plain URL is refused to anyone without a signature.

moto refuses anonymous, unsigned requests (it checks the object's ACL and the bucket policy) but does not
check a presigned URL's signature or expiry; so the expiry is asserted on the URL S3 would check (its
X-Amz-Date and X-Amz-Expires), and the expired link itself is tested on the local storage in
test_private_files.py.
"""

import datetime as dt
import json
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from beneficiaries.file_storage import STORAGE_UNREACHABLE_MESSAGE, public_media_bucket_policy
from beneficiaries.ledger.models import PayoutReceipt
from config.settings.base import s3_private_storage
from tests.conftest import S3_TEST_BUCKET
from tests.s3 import free_port
from tests.storage.private_samples import PDF, pdf_upload, scan_link_url, upload_scan


@pytest.fixture
def private_s3(s3_storage, settings):
    """Public media and private files in one bucket, as the README's "Deploying" describes: the bucket policy
    lets anyone read originals and renditions, and nothing under private/."""
    s3_storage.put_bucket_policy(Bucket=S3_TEST_BUCKET, Policy=json.dumps(public_media_bucket_policy(S3_TEST_BUCKET)))
    settings.STORAGES = {**settings.STORAGES, "private": s3_private_storage(S3_TEST_BUCKET)}
    return s3_storage


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - moto's loopback server
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def test_a_scan_on_s3_opens_through_a_presigned_link_and_never_without_one(client, people, private_s3):
    response = upload_scan(client, people, pdf_upload())
    assert response.status_code == 302, response.content[:500]
    people["consent"].refresh_from_db()
    key = f"private/{people['consent'].scan.name}"
    stored = private_s3.get_object(Bucket=S3_TEST_BUCKET, Key=key)
    assert stored["Body"].read() == PDF
    assert stored["CacheControl"] == "private, no-store"

    client.force_login(people["instructor_a"])
    before = timezone.now().replace(microsecond=0)
    link = client.get(scan_link_url(people["consent"]))
    assert link.status_code == 302
    presigned = link["Location"]
    query = parse_qs(urlsplit(presigned).query)
    assert query["X-Amz-Expires"] == [str(settings.PRIVATE_LINK_SECONDS)]
    signed_at = dt.datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    assert before - dt.timedelta(seconds=1) <= signed_at <= timezone.now()
    status, body, headers = fetch(presigned)
    assert (status, body) == (200, PDF)
    assert headers.get("Cache-Control") == "private, no-store"

    plain = presigned.split("?", 1)[0]
    assert plain.endswith(key)
    status, body, _headers = fetch(plain)
    assert status == 403
    assert PDF not in body


def test_other_staff_and_anonymous_visitors_get_no_presigned_link(client, people, private_s3):
    upload_scan(client, people, pdf_upload())
    for role in ("instructor_b", "editor", "finance"):
        client.force_login(people[role])
        response = client.get(scan_link_url(people["consent"]))
        assert response.status_code == 403, role
        assert "X-Amz-Signature" not in response.get("Location", "")
    client.logout()
    response = client.get(scan_link_url(people["consent"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_unreachable_private_storage_is_a_form_error_and_attaches_nothing(client, people, private_s3, settings):
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"
    settings.STORAGES = {**settings.STORAGES}  # rebuild the storages with the closed endpoint

    response = upload_scan(client, people, pdf_upload())

    assert response.status_code == 200
    with translation.override("en"):  # the admin speaks English to the tests' users
        assert str(STORAGE_UNREACHABLE_MESSAGE) in response.content.decode()
    people["consent"].refresh_from_db()
    assert not people["consent"].scan


def test_a_receipt_upload_while_s3_is_unreachable_is_a_form_error_and_records_nothing(
    client, people, private_s3, settings
):
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"
    settings.STORAGES = {**settings.STORAGES}
    client.force_login(people["finance"])

    response = client.post(
        reverse("beneficiaries_money:payout_receipt", args=[people["payout"].pk]), {"file": pdf_upload()}
    )

    assert response.status_code == 400
    with translation.override("en"):  # the admin speaks English to the tests' users
        assert str(STORAGE_UNREACHABLE_MESSAGE) in response.content.decode()
    assert not PayoutReceipt.objects.exists()
