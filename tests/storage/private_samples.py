"""Sample files and URLs for the private-file tests."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

# The smallest whole PDF: header, one empty page, cross-reference table, trailer, %%EOF.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name="signed-by-Aysel-Mammadova.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def jpeg_upload(data: bytes, name="scan.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def consent_edit_url(consent) -> str:
    return reverse("wagtailsnippets_beneficiaries_consentrecord:edit", args=[consent.pk])


def upload_scan(client, people, upload, *, as_user="editor"):
    client.force_login(people[as_user])
    return client.post(consent_edit_url(people["consent"]), {"scan_upload": upload})


def scan_link_url(consent) -> str:
    return reverse("beneficiaries_private:consent_scan", args=[consent.pk])


def receipt_link_url(receipt) -> str:
    return reverse("beneficiaries_private:payout_receipt", args=[receipt.pk])


def file_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content
