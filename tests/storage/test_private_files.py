"""Scanned consent forms and payout receipts: stored privately, opened only through a short-lived link by the
people allowed to see them (local storage; tests/storage/test_private_files_s3.py does the same on S3)."""

import datetime as dt
import io
import re

import pytest
import time_machine
from django.conf import settings
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from beneficiaries.ledger.models import PayoutReceipt
from beneficiaries.private_files import PRIVATE_FILE_MAX_BYTES
from tests.beneficiaries.test_photos import assert_clean, phone_photo
from tests.storage.private_samples import (
    PDF,
    consent_edit_url,
    file_bytes,
    jpeg_upload,
    pdf_upload,
    receipt_link_url,
    scan_link_url,
    upload_scan,
)


def never_stored(response) -> bool:
    """`private, no-store` among the Cache-Control directives (Wagtail's admin adds no-cache and max-age=0)."""
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives


def open_link(client, link_url):
    """The permission-checked link view, then the short-lived link it hands out."""
    response = client.get(link_url)
    if response.status_code != 302:
        return response, None
    assert never_stored(response)
    return client.get(response["Location"]), response["Location"]


def test_a_scan_uploaded_on_the_consent_form_is_stored_privately_without_metadata(client, people):
    response = upload_scan(client, people, jpeg_upload(phone_photo(), name="Aysel-Mammadova-consent.jpg"))

    assert response.status_code == 302, response.content[:500]
    consent = people["consent"]
    consent.refresh_from_db()
    assert re.fullmatch(r"consent-scans/[0-9a-f]{32}\.jpg", consent.scan.name)  # no person's name in it
    private = storages["private"]
    assert private.exists(consent.scan.name)
    assert not private.path(consent.scan.name).startswith(str(settings.MEDIA_ROOT))
    with private.open(consent.scan.name) as stored:
        assert assert_clean(stored.read()).size == (80, 120)  # upright, GPS gone


@pytest.mark.parametrize("role", ["admin", "instructor_a", "lead_a"])
def test_the_link_opens_the_scan_for_admins_and_the_makers_centre(client, people, role):
    upload_scan(client, people, pdf_upload())
    client.force_login(people[role])

    response, link = open_link(client, scan_link_url(people["consent"]))

    assert response.status_code == 200
    assert file_bytes(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert never_stored(response)
    assert link.startswith("/admin/private/files/")


@pytest.mark.parametrize("role", ["instructor_b", "editor", "finance"])
def test_other_staff_get_no_link_to_the_scan(client, people, role):
    upload_scan(client, people, pdf_upload())
    client.force_login(people[role])

    response = client.get(scan_link_url(people["consent"]))

    assert response.status_code == 403
    assert PDF not in response.content


def test_anonymous_visitors_get_neither_the_link_nor_the_file(client, people):
    upload_scan(client, people, pdf_upload())
    client.force_login(people["admin"])
    link = client.get(scan_link_url(people["consent"]))["Location"]
    client.logout()

    for url in (scan_link_url(people["consent"]), link):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert PDF not in response.content


def test_a_link_made_for_one_user_does_not_open_for_another(client, people):
    upload_scan(client, people, pdf_upload())
    client.force_login(people["admin"])
    link = client.get(scan_link_url(people["consent"]))["Location"]
    client.force_login(people["editor"])

    response = client.get(link)

    assert response.status_code == 403
    assert PDF not in response.content


def test_the_link_stops_working_after_private_link_seconds(client, people):
    upload_scan(client, people, pdf_upload())
    client.force_login(people["admin"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        link = client.get(scan_link_url(people["consent"]))["Location"]
    with time_machine.travel(start + dt.timedelta(seconds=settings.PRIVATE_LINK_SECONDS - 5), tick=False):
        assert client.get(link).status_code == 200
    with time_machine.travel(start + dt.timedelta(seconds=settings.PRIVATE_LINK_SECONDS + 1), tick=False):
        expired = client.get(link)
    assert expired.status_code == 410
    # Answered in the signed-in staff member's admin language (the factory's staff read English).
    assert "This link has expired" in expired.content.decode()
    assert PDF not in expired.content


def encoded(fmt: str) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (8, 8), (10, 200, 30)).save(out, format=fmt)
    return out.getvalue()


def big_png(size_bytes: int) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(out, format="PNG")
    return out.getvalue() + b"\0" * (size_bytes - len(out.getvalue()))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("letter.pdf", b"Dear centre, I agree.", "Only a PDF, JPEG or PNG scan can be uploaded; this file is none"),
        ("cut.pdf", PDF[:60], "This PDF is damaged or incomplete"),
        ("scan.gif", "GIF", "Only a PDF, JPEG or PNG scan can be uploaded; this file is GIF."),
        ("scan.webp", "WEBP", "Only a PDF, JPEG or PNG scan can be uploaded; this file is WEBP."),
        ("huge.png", None, "a scan can be at most 10"),
    ],
)
def test_a_scan_that_is_not_a_whole_pdf_jpeg_or_png_is_refused_with_a_message(client, people, name, data, message):
    if data is None:
        data = big_png(PRIVATE_FILE_MAX_BYTES + 1)
    elif isinstance(data, str):
        data = encoded(data)

    response = upload_scan(client, people, pdf_upload(name=name, data=data))

    assert response.status_code == 200
    assert message in response.content.decode()
    people["consent"].refresh_from_db()
    assert not people["consent"].scan


def test_the_makers_page_links_the_scan_only_for_those_who_may_open_it(client, people):
    upload_scan(client, people, pdf_upload())
    maker_edit = reverse("wagtailsnippets_beneficiaries_maker:edit", args=[people["maker"].pk])
    link = scan_link_url(people["consent"])

    client.force_login(people["instructor_a"])
    assert link in client.get(maker_edit).content.decode()
    client.force_login(people["editor"])
    page = client.get(consent_edit_url(people["consent"])).content.decode()
    assert link not in page
    assert "A scan is on file" in page


def test_a_new_scan_replaces_the_old_one_and_deletes_its_file(client, people, django_capture_on_commit_callbacks):
    upload_scan(client, people, pdf_upload())
    people["consent"].refresh_from_db()
    first = people["consent"].scan.name
    with django_capture_on_commit_callbacks(execute=True):
        upload_scan(client, people, jpeg_upload(phone_photo()))
    people["consent"].refresh_from_db()
    assert people["consent"].scan.name != first
    assert not storages["private"].exists(first)


# --- payout receipts ---


def upload_receipt(client, people, upload, *, as_user="finance"):
    client.force_login(people[as_user])
    return client.post(reverse("beneficiaries_money:payout_receipt", args=[people["payout"].pk]), {"file": upload})


def test_finance_uploads_a_receipt_on_the_payout_page_and_opens_it(client, people):
    response = upload_receipt(client, people, pdf_upload(name="receipt-Q-1.pdf"))

    assert response.status_code == 302
    receipt = PayoutReceipt.objects.get(payout=people["payout"])
    assert receipt.uploaded_by == people["finance"]
    assert re.fullmatch(r"payout-receipts/[0-9a-f]{32}\.pdf", receipt.file.name)
    page = client.get(reverse("beneficiaries_money:payout", args=[people["payout"].pk])).content.decode()
    assert receipt_link_url(receipt) in page
    opened, _link = open_link(client, receipt_link_url(receipt))
    assert opened.status_code == 200 and file_bytes(opened) == PDF
    assert never_stored(opened)


@pytest.mark.parametrize("role", ["lead_a", "instructor_a", "editor"])
def test_only_finance_and_admins_see_receipts(client, people, role):
    upload_receipt(client, people, pdf_upload())
    receipt = PayoutReceipt.objects.get()
    client.force_login(people["admin"])
    assert open_link(client, receipt_link_url(receipt))[0].status_code == 200

    client.force_login(people[role])
    response = client.get(receipt_link_url(receipt))
    assert response.status_code == 403
    assert PDF not in response.content
    if role == "lead_a":  # the lead sees the payout itself, but not its receipts
        page = client.get(reverse("beneficiaries_money:payout", args=[people["payout"].pk]))
        assert page.status_code == 200
        assert receipt_link_url(receipt) not in page.content.decode()
    assert upload_receipt(client, people, pdf_upload(), as_user=role).status_code == 403
    assert PayoutReceipt.objects.count() == 1


def test_anonymous_visitors_get_no_receipt(client, people):
    upload_receipt(client, people, pdf_upload())
    client.logout()
    response = client.get(receipt_link_url(PayoutReceipt.objects.get()))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_receipt_that_is_not_a_pdf_jpeg_or_png_is_refused_with_a_message(client, people):
    response = upload_receipt(client, people, pdf_upload(name="receipt.pdf", data=b"<html>receipt</html>"))
    assert response.status_code == 400
    assert "Only a PDF, JPEG or PNG scan can be uploaded" in response.content.decode()
    assert not PayoutReceipt.objects.exists()
