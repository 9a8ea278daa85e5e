"""Consent decides what is public; withdrawing it erases what it covered."""

from pathlib import Path

import pytest
from django.db import IntegrityError
from wagtail.images import get_image_model

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import maker_has_consent, public_makers
from beneficiaries.services import consent_record, consent_withdraw


def test_maker_without_name_consent_is_not_public(maker_factory):
    shown = maker_factory(public_display_name="Aysel")
    hidden = maker_factory(public_display_name="Hidden", consents=[])
    assert list(public_makers()) == [shown]
    assert hidden not in public_makers()


def test_recording_consent_twice_keeps_one_active_record(maker_factory):
    maker = maker_factory(consents=[])
    first = consent_record(maker=maker, scope=ConsentRecord.Scope.PHOTO)
    second = consent_record(maker=maker, scope=ConsentRecord.Scope.PHOTO)
    assert first.pk == second.pk
    assert ConsentRecord.objects.filter(maker=maker, scope="photo").count() == 1


def test_guardian_consent_must_name_the_guardian(maker_factory):
    maker = maker_factory(consents=[])
    with pytest.raises(IntegrityError):
        ConsentRecord.objects.create(maker=maker, scope="photo", given_by="guardian", guardian_name="")


def test_withdrawing_photo_consent_deletes_the_photo(maker_factory, image_factory, django_capture_on_commit_callbacks):
    photo = image_factory()
    maker = maker_factory(photo=photo, consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.PHOTO])
    stored_path = photo.file.path

    # Wagtail removes the file once the deletion is committed.
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(maker=maker, scope=ConsentRecord.Scope.PHOTO)

    maker.refresh_from_db()
    assert maker.photo is None
    assert not get_image_model().objects.filter(pk=photo.pk).exists()
    assert not Path(stored_path).exists()
    assert not maker_has_consent(maker, ConsentRecord.Scope.PHOTO)
    # Consent can be given again later: a new record, the old one kept as history.
    consent_record(maker=maker, scope=ConsentRecord.Scope.PHOTO)
    assert ConsentRecord.objects.filter(maker=maker, scope="photo").count() == 2


def test_withdrawing_name_consent_hides_the_profile_and_erases_the_bio(maker_factory):
    maker = maker_factory(public_bio="Weaves carpets with her grandmother's patterns.")
    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.NAME)
    maker.refresh_from_db()
    assert maker.public_bio == ""
    assert maker not in public_makers()
