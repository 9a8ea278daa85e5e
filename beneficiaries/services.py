"""Writes about makers: consent is recorded and withdrawn only here."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .file_storage import private_storage
from .models import ConsentRecord, Maker
from .private_files import CheckedFile, private_file_name
from .signals import consent_withdrawn


def consent_record(
    *, maker: Maker, scope: str, given_by: str = ConsentRecord.GivenBy.MAKER, guardian_name: str = "", recorded_by=None
) -> ConsentRecord:
    """Record consent; recording it again while it is active changes nothing."""
    existing = ConsentRecord.objects.filter(maker=maker, scope=scope, withdrawn_at__isnull=True).first()
    if existing:
        return existing
    return ConsentRecord.objects.create(
        maker=maker, scope=scope, given_by=given_by, guardian_name=guardian_name, recorded_by=recorded_by
    )


@transaction.atomic
def consent_withdraw(*, maker: Maker, scope: str) -> None:
    """Withdraw consent and erase what it covered: a withdrawn photo is deleted, not just hidden."""
    ConsentRecord.objects.filter(maker=maker, scope=scope, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    if scope == ConsentRecord.Scope.PHOTO and maker.photo_id:
        photo = maker.photo
        maker.photo = None
        maker.save(update_fields=["photo"])
        photo.delete()
    if scope == ConsentRecord.Scope.NAME:
        # Every language's bio goes: a translation left behind would still say who they are.
        maker.public_bio = maker.public_bio_ru = maker.public_bio_en = ""
        maker.save(update_fields=["public_bio", "public_bio_ru", "public_bio_en"])
    consent_withdrawn.send(sender=Maker, maker=maker, scope=scope)


def private_file_store(*, checked: CheckedFile, folder: str) -> str:
    """Put a checked file on the private storage under a random name; return the stored name.

    Raises one of `file_storage.STORAGE_ERRORS` when the storage is unreachable: callers turn that into a form
    error before any row points at the file.
    """
    return private_storage().save(private_file_name(folder, checked.extension), ContentFile(checked.content))


def consent_scan_attach(*, consent: ConsentRecord, stored_name: str) -> ConsentRecord:
    """Attach a stored scan to a consent record; a scan it replaces is deleted once the change is committed."""
    replaced = consent.scan.name
    consent.scan.name = stored_name
    consent.save(update_fields=["scan"])
    if replaced and replaced != stored_name:
        transaction.on_commit(lambda: private_storage().delete(replaced), robust=True)
    return consent
