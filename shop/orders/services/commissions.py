"""Commission requests: a buyer asks a centre for a custom piece; the centre's staff answer or close it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from beneficiaries.admin_scoping import in_scope

from ..commission_models import CommissionRequest, CommissionStatus


class CommissionNotYours(Exception):
    """The user works for another centre."""


def commission_request_create(
    *, product, name: str, email: str, phone: str, message: str, language: str
) -> CommissionRequest:
    """Store the request for the product's centre; the product's makers are deliberately not recorded."""
    return CommissionRequest.objects.create(
        product=product,
        product_title=product.title,
        centre=product.centre,
        name=name,
        email=email,
        phone=phone,
        message=message,
        language=language,
    )


def commission_request_answer(*, commission: CommissionRequest, answer: str, user) -> CommissionRequest:
    """Record the centre's answer and e-mail it to the buyer (when they left an e-mail) after commit."""
    from ..tasks import commission_answer_email, enqueue_on_commit

    if not in_scope(user, commission):
        raise CommissionNotYours(commission.pk)
    with transaction.atomic():
        locked = CommissionRequest.objects.select_for_update().get(pk=commission.pk)
        locked.answer = answer
        locked.answered_by = user
        locked.answered_at = timezone.now()
        locked.status = CommissionStatus.ANSWERED
        # A new answer is a new e-mail: give the claim of any earlier one back.
        locked.answer_email_sent_at = None
        locked.save()
        if locked.email:
            enqueue_on_commit(commission_answer_email, commission_id=locked.pk)
    return locked


def commission_request_status_set(*, commission: CommissionRequest, status: str, user) -> CommissionRequest:
    if not in_scope(user, commission):
        raise CommissionNotYours(commission.pk)
    CommissionRequest.objects.filter(pk=commission.pk).update(status=status)
    commission.status = status
    return commission
