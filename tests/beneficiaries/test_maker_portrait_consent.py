"""A maker's portrait is public on their page: choosing one in the admin is refused until photo consent is on
record, with the message a story gets when it shows a maker beyond their consent."""

import pytest
from django.urls import reverse

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_record


@pytest.fixture
def admin_client(client, user_factory):
    # The factory's staff read the admin in English.
    client.force_login(user_factory(username="centre-admin", is_staff=True, is_superuser=True))
    return client


def _edit(client, maker, *, photo):
    data = {
        "public_display_name": maker.public_display_name,
        "slug": maker.slug,
        "centre": maker.centre_id,
        "public_bio": "Toxuyur.",
        "public_bio_ru": "",
        "public_bio_en": "",
        "photo": photo.pk if photo else "",
        "is_active": "on",
        "language": "az",
    }
    return client.post(reverse("wagtailsnippets_beneficiaries_maker:edit", args=[maker.pk]), data)


def test_a_portrait_without_photo_consent_is_refused_naming_the_maker(admin_client, maker_factory, image_factory):
    maker = maker_factory(public_display_name="Aynur", consents=[ConsentRecord.Scope.NAME])
    response = _edit(admin_client, maker, photo=image_factory())
    assert response.status_code == 200  # the form again, with the reason
    assert "Cannot publish: Aynur has no recorded consent for a face photo." in response.content.decode()
    maker.refresh_from_db()
    assert maker.photo_id is None and maker.public_bio != "Toxuyur."  # nothing of the refused edit saved


def test_with_photo_consent_the_portrait_is_saved(admin_client, maker_factory, image_factory):
    maker = maker_factory(public_display_name="Aynur", consents=[ConsentRecord.Scope.NAME])
    consent_record(maker=maker, scope=ConsentRecord.Scope.PHOTO)
    photo = image_factory()
    response = _edit(admin_client, maker, photo=photo)
    assert response.status_code == 302
    maker.refresh_from_db()
    assert maker.photo_id == photo.pk


def test_a_maker_without_a_portrait_saves_without_photo_consent(admin_client, maker_factory):
    maker = maker_factory(public_display_name="Aynur", consents=[])
    assert _edit(admin_client, maker, photo=None).status_code == 302
    maker.refresh_from_db()
    assert maker.public_bio == "Toxuyur."
