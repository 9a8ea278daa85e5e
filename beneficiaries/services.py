"""Writes about makers: consent is recorded and withdrawn only here."""

from django.db import transaction
from django.utils import timezone

from .models import ConsentRecord, Maker
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
        maker.public_bio = ""
        maker.save(update_fields=["public_bio"])
    consent_withdrawn.send(sender=Maker, maker=maker, scope=scope)
