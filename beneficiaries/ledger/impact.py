"""Public impact figures from the makers' ledger: totals per centre, per month and per any grouping a caller
names, never one maker's income (a group of fewer than MIN_MAKERS_PER_GROUP makers folds into "other")."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_skeleton
from django.core.cache import cache
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from ..i18n import OTHER_LANGUAGES, active_language
from .models import LedgerEntry
from .selectors import (
    EARNING_KINDS,
    MIN_MAKERS_PER_GROUP,
    PAYOUT_KINDS,
    ZERO,
    Kind,
    last_months,
    money_sum,
    monthly_sums,
    start_of_day,
)


@dataclass
class ImpactGroup:
    label: str
    makers: int
    earned: Decimal
    paid: Decimal
    share: float = 0.0  # of the largest group's earnings, in %, for charts
    # The label in the other languages ({"ru": ..., "en": ...}); a blank one falls back to `label` (Azerbaijani).
    translations: dict[str, str] = field(default_factory=dict)

    @property
    def display_label(self) -> str:
        if self.translations.get(active_language()):
            return self.translations[active_language()]
        if self.label == "other":
            return _("Other")
        if len(self.label) == 7 and self.label[4] == "-" and self.label.replace("-", "").isdigit():
            # A month, "2026-03": "mart 2026" / "март 2026 г." / "March 2026", by Babel like money.
            month = date(int(self.label[:4]), int(self.label[5:]), 1)
            return format_skeleton("yMMMM", month, locale=to_locale(get_language() or "az"))
        return self.label


def impact_by_centre(*, min_makers: int = MIN_MAKERS_PER_GROUP) -> list[ImpactGroup]:
    """Total earned by and paid to makers per centre; centres with fewer makers than `min_makers` fold into
    one "other" group (itself dropped if it still has too few) so no single maker's income can be read off."""
    rows = (
        LedgerEntry.objects.values(
            "centre_id", name=F("centre__name"), **{code: F(f"centre__name_{code}") for code in OTHER_LANGUAGES}
        )
        .order_by("name")
        .annotate(
            earned=money_sum(kind__in=EARNING_KINDS),
            paid=money_sum(kind__in=PAYOUT_KINDS),
        )
    )
    counts = dict(
        LedgerEntry.objects.filter(kind=Kind.SALE_CREDIT)
        .values("centre_id")
        .order_by()
        .annotate(n=Count("maker_id", distinct=True))
        .values_list("centre_id", "n")
    )
    groups = [
        ImpactGroup(
            row["name"],
            counts.get(row["centre_id"], 0),
            row["earned"],
            -row["paid"],
            translations={code: row[code] for code in OTHER_LANGUAGES},
        )
        for row in rows
    ]
    return _fold_small_groups(groups, min_makers=min_makers)


def _fold_small_groups(groups: list[ImpactGroup], *, min_makers: int) -> list[ImpactGroup]:
    """Groups with fewer than `min_makers` makers fold into one "other" group, itself dropped if it still has
    too few, so no single maker's income can be read off a public figure."""
    kept, other = [], ImpactGroup("other", 0, ZERO, ZERO)
    for group in groups:
        if group.makers >= min_makers:
            kept.append(group)
        else:
            other.makers += group.makers
            other.earned += group.earned
            other.paid += group.paid
    if other.makers >= min_makers:
        kept.append(other)
    return kept


def impact_by_month(*, start: date, end: date, min_makers: int = MIN_MAKERS_PER_GROUP) -> list[ImpactGroup]:
    """All makers' earnings and payouts per month; a month in which fewer than `min_makers` makers earned is
    left out (its money still counts in the centre totals)."""
    counts = dict(
        LedgerEntry.objects.filter(
            kind=Kind.SALE_CREDIT, created_at__gte=start_of_day(start), created_at__lt=start_of_day(end)
        )
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .order_by()
        .annotate(n=Count("maker_id", distinct=True))
        .values_list("month", "n")
    )
    counts = {
        (timezone.localtime(k).date() if isinstance(k, datetime) else k).replace(day=1): n for k, n in counts.items()
    }
    groups = []
    for month, earned, paid in monthly_sums(LedgerEntry.objects.all(), start, end):
        if counts.get(month, 0) >= min_makers:
            groups.append(ImpactGroup(month.isoformat()[:7], counts[month], earned, paid))
    return groups


IMPACT_CACHE_KEY = "beneficiaries:impact:v3"  # v3: groups carry translated labels


def impact_by(path: str, *, min_makers: int = MIN_MAKERS_PER_GROUP) -> list[ImpactGroup]:
    """Earnings grouped by a lookup the caller names (e.g. shop's "order_line__product__craft__name", which
    beneficiaries cannot know); groups of fewer than `min_makers` makers fold into "other", as per centre.
    A path ending in "__name" also reads the translated names beside it (`name_ru`, `name_en`)."""
    translated = {code: F(f"{path}_{code}") for code in OTHER_LANGUAGES} if path.endswith("__name") else {}
    rows = (
        LedgerEntry.objects.filter(kind__in=EARNING_KINDS, **{f"{path}__isnull": False})
        .values(label=F(path), **translated)
        .order_by("label")
        .annotate(
            earned=money_sum(),
            makers=Count("maker_id", distinct=True, filter=Q(kind=Kind.SALE_CREDIT)),
        )
    )
    groups = [
        ImpactGroup(
            row["label"], row["makers"], row["earned"], ZERO, translations={code: row[code] for code in translated}
        )
        for row in rows
    ]
    return _fold_small_groups(groups, min_makers=min_makers)


def _with_shares(groups: list[ImpactGroup]) -> list[ImpactGroup]:
    """Each group's earnings as a percentage of the largest, for drawing bars."""
    top = max((group.earned for group in groups), default=ZERO)
    for group in groups:
        group.share = round(float(group.earned / top) * 100, 1) if top > 0 else 0.0
    return groups


def impact_summary(*, by: dict[str, str] | None = None) -> dict:
    """What the public impact page shows: totals, per centre, per month (last 12) and per `by` grouping.

    Cached until money moves: `ledger.services` deletes the key when an entry is committed.
    """
    key = repr(sorted((by or {}).items()))
    cached = cache.get(IMPACT_CACHE_KEY)
    if cached is not None and key in cached:
        return cached[key]
    start, end = last_months(12)
    totals = LedgerEntry.objects.aggregate(
        earned=money_sum(kind__in=EARNING_KINDS), paid=money_sum(kind__in=PAYOUT_KINDS)
    )
    summary = {
        "total_earned": totals["earned"],
        "total_paid": -totals["paid"],
        "min_makers": MIN_MAKERS_PER_GROUP,
        "centres": _with_shares(impact_by_centre()),
        "months": _with_shares(impact_by_month(start=start, end=end)),
        **{name: _with_shares(impact_by(path)) for name, path in (by or {}).items()},
    }
    # One cache entry holds every variant, so clearing IMPACT_CACHE_KEY clears them all.
    cache.set(IMPACT_CACHE_KEY, {**(cached or {}), key: summary}, timeout=24 * 3600)
    return summary
