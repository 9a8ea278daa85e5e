"""Reads about makers that other apps may use; consent decides what is public."""

from django.db.models import Exists, OuterRef, QuerySet

from .models import Centre, ConsentRecord, Maker


def active_consent_exists(scope: str, *, maker_ref=None) -> Exists:
    """A subquery condition "the maker at `maker_ref` has an active consent of `scope`" for filters."""
    return Exists(
        ConsentRecord.objects.filter(
            maker=maker_ref if maker_ref is not None else OuterRef("pk"), scope=scope, withdrawn_at__isnull=True
        )
    )


def makers_with_consent_flags() -> QuerySet[Maker]:
    """Makers annotated with `name_consent`, `photo_consent`, `story_consent` (one query, no N+1)."""
    return Maker.objects.annotate(
        name_consent=active_consent_exists(ConsentRecord.Scope.NAME),
        photo_consent=active_consent_exists(ConsentRecord.Scope.PHOTO),
        story_consent=active_consent_exists(ConsentRecord.Scope.STORY),
    )


def public_makers() -> QuerySet[Maker]:
    """Active makers whose profile (display name) may be shown."""
    return makers_with_consent_flags().filter(is_active=True, name_consent=True).select_related("centre", "photo")


def maker_has_consent(maker: Maker, scope: str) -> bool:
    return ConsentRecord.objects.filter(maker=maker, scope=scope, withdrawn_at__isnull=True).exists()


def centres() -> QuerySet[Centre]:
    return Centre.objects.order_by("name")


def active_consent_pairs(maker_ids, scopes) -> set[tuple[int, str]]:
    """{(maker_id, scope)} of the active consents among `maker_ids` and `scopes`, in one query."""
    return set(
        ConsentRecord.objects.filter(maker_id__in=list(maker_ids), scope__in=list(scopes), withdrawn_at__isnull=True)
        .values_list("maker_id", "scope")
        .distinct()
    )


def maker_photo_ids(image_ids) -> set[int]:
    """Which of `image_ids` are makers' portraits."""
    return set(Maker.objects.filter(photo_id__in=list(image_ids)).values_list("photo_id", flat=True))
