"""Reads of the makers' ledger: balances, statements, series for charts, impact and reconciliation totals.

A balance is always the sum of a maker's entries; nothing here stores one. "Earned" means sales minus
refunds (what the makers' work brought in); "paid" means payouts minus reversals.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Round, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .ledger_models import LedgerEntry, Payout
from .models import Centre, Maker
from .money import QEPIK

Kind = LedgerEntry.Kind
ZERO = Decimal("0.00")


class MoneySumField(DecimalField):
    """SQLite adds decimals as floats (0.1 + 0.2 - 0.3 is 5.5e-17 there): round every sum back to qəpiks."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        value = Decimal(value).quantize(QEPIK)
        return value if value else abs(value)  # never "-0.00"


MONEY = MoneySumField(max_digits=14, decimal_places=2)
EARNING_KINDS = [Kind.SALE_CREDIT, Kind.REFUND_DEBIT]
PAYOUT_KINDS = [Kind.PAYOUT, Kind.PAYOUT_REVERSAL]
# Aggregates for the public: a group with fewer makers than this is folded into "other".
MIN_MAKERS_PER_GROUP = 3


def money_sum(expression="amount", **filters):
    total = Coalesce(Sum(expression, filter=Q(**filters) if filters else None), Value(ZERO), output_field=MONEY)
    # Rounded in SQL too, so a comparison such as "balance < 0" means the same on SQLite as on PostgreSQL.
    return Round(total, 2, output_field=MONEY)


def maker_balance(maker: Maker) -> Decimal:
    """What the centre owes the maker now: the sum of all their entries."""
    return LedgerEntry.objects.filter(maker=maker).aggregate(total=money_sum())["total"]


def maker_pending_payouts(maker: Maker) -> Decimal:
    return Payout.objects.filter(maker=maker, status=Payout.Status.PENDING_APPROVAL).aggregate(total=money_sum())[
        "total"
    ]


def maker_available_balance(maker: Maker) -> Decimal:
    """The balance minus payouts waiting for approval, which already reserve their amount."""
    return maker_balance(maker) - maker_pending_payouts(maker)


def _period_starts(now: datetime | None = None) -> tuple[datetime, datetime]:
    local = timezone.localtime(now or timezone.now())
    month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return month, month.replace(month=1)


def _per_maker(queryset: QuerySet, **filters):
    """The sum of the outer maker's rows of `queryset` as a correlated subquery.

    Subqueries rather than a join with GROUP BY: each is an index scan of one maker's rows, and the outer
    query stays one row per maker, so counting and paging it is cheap too.
    """
    total = (
        queryset.filter(maker=OuterRef("pk"), **filters)
        .order_by()
        .values("maker")
        .annotate(t=Sum("amount"))
        .values("t")
    )
    return Round(Coalesce(Subquery(total, output_field=MONEY), Value(ZERO), output_field=MONEY), 2, output_field=MONEY)


def balances(*, centre: Centre | None = None, centre_ids=None, ordering: str = "-owed") -> QuerySet[Maker]:
    """Every maker with `owed`, `earned_month`, `earned_year`, `pending`, `last_payout_at`: one query.

    `centre_ids` limits to those centres (a centre lead's view); `None` means all.
    """
    month, year = _period_starts()
    entries = LedgerEntry.objects.all()
    last_payout = entries.filter(maker=OuterRef("pk"), kind=Kind.PAYOUT).order_by("-created_at").values("created_at")
    makers = Maker.objects.select_related("centre").annotate(
        owed=_per_maker(entries),
        earned_month=_per_maker(entries, kind__in=EARNING_KINDS, created_at__gte=month),
        earned_year=_per_maker(entries, kind__in=EARNING_KINDS, created_at__gte=year),
        last_payout_at=Subquery(last_payout[:1]),
        pending=_per_maker(Payout.objects.all(), status=Payout.Status.PENDING_APPROVAL),
    )
    if centre is not None:
        makers = makers.filter(centre=centre)
    if centre_ids is not None:
        makers = makers.filter(centre_id__in=centre_ids)
    return makers.order_by(ordering, "public_display_name", "pk")


# --- Statements ---


PERIODS = ("month", "quarter", "year")


def statement_period(period: str, year: int, number: int = 1) -> tuple[date, date]:
    """First day and the day after the last day of a month (1–12), quarter (1–4) or year."""
    if period == "month":
        if not 1 <= number <= 12:
            raise ValueError("month must be 1–12")
        start = date(year, number, 1)
        return start, date(year + number // 12, number % 12 + 1, 1)
    if period == "quarter":
        if not 1 <= number <= 4:
            raise ValueError("quarter must be 1–4")
        first = 3 * (number - 1) + 1
        return date(year, first, 1), (date(year, first + 3, 1) if number < 4 else date(year + 1, 1, 1))
    if period == "year":
        return date(year, 1, 1), date(year + 1, 1, 1)
    raise ValueError(f"unknown period {period!r}")


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))


@dataclass
class StatementLine:
    at: datetime
    kind: str
    kind_label: str
    title: str
    quantity: int | None
    amount: Decimal


@dataclass
class Statement:
    maker: Maker
    start: date
    end: date  # exclusive
    currency: str
    opening: Decimal
    lines: list[StatementLine]
    totals: dict[str, Decimal] = field(default_factory=dict)
    closing: Decimal = ZERO
    months: list[tuple[date, Decimal, Decimal]] = field(default_factory=list)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def is_year(self) -> bool:
        return (self.start.month, self.start.day, self.end) == (1, 1, self.start.replace(year=self.start.year + 1))

    @property
    def earned(self) -> Decimal:
        return self.totals[Kind.SALE_CREDIT] + self.totals[Kind.REFUND_DEBIT]

    @property
    def paid(self) -> Decimal:
        return -(self.totals[Kind.PAYOUT] + self.totals[Kind.PAYOUT_REVERSAL])


def maker_statement(*, maker: Maker, start: date, end: date) -> Statement:
    """Opening balance, every entry of the period (with the product and quantity), totals, closing balance."""
    start_at, end_at = _aware(start), _aware(end)
    entries = LedgerEntry.objects.filter(maker=maker)
    opening = entries.filter(created_at__lt=start_at).aggregate(total=money_sum())["total"]
    rows = (
        entries.filter(created_at__gte=start_at, created_at__lt=end_at)
        .select_related("order_line", "payout")
        .order_by("created_at", "pk")
    )
    labels = dict(Kind.choices)
    lines, totals = [], {kind: ZERO for kind in Kind.values}
    for entry in rows:
        title = entry.order_line.title if entry.order_line_id else ""
        if entry.payout_id:
            title = f"{entry.payout.payee_name} · {entry.payout.reference}"
        elif entry.kind == Kind.ADJUSTMENT:
            title = entry.reason
        lines.append(
            StatementLine(entry.created_at, entry.kind, str(labels[entry.kind]), title, entry.quantity, entry.amount)
        )
        totals[entry.kind] += entry.amount
    closing = opening + sum(totals.values(), ZERO)
    statement = Statement(maker, start, end, maker.centre.currency, opening, lines, totals, closing)
    statement.months = maker_monthly_series(maker=maker, start=start, end=end)
    return statement


# --- Series for charts ---


def _month_days(start: date, end: date) -> list[date]:
    days, day = [], date(start.year, start.month, 1)
    while day < end:
        days.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return days


def _monthly(entries: QuerySet, start: date, end: date) -> list[tuple[date, Decimal, Decimal]]:
    """(month, earned, paid) for every month of [start, end), months without entries as zeros."""
    rows = (
        entries.filter(created_at__gte=_aware(start), created_at__lt=_aware(end))
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .order_by("month")
        .annotate(earned=money_sum(kind__in=EARNING_KINDS), paid=money_sum(kind__in=PAYOUT_KINDS))
    )
    found = {}
    for row in rows:
        month = row["month"]
        month = timezone.localtime(month).date() if isinstance(month, datetime) else month
        found[month.replace(day=1)] = (row["earned"], -row["paid"])
    return [(day, *found.get(day, (ZERO, ZERO))) for day in _month_days(start, end)]


def last_months(count: int = 12, today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    end = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    months_back = today.year * 12 + today.month - count
    return date(months_back // 12, months_back % 12 + 1, 1), end


def maker_monthly_series(*, maker: Maker, start: date, end: date) -> list[tuple[date, Decimal, Decimal]]:
    return _monthly(LedgerEntry.objects.filter(maker=maker), start, end)


def centre_monthly_series(*, centre: Centre, start: date, end: date) -> list[tuple[date, Decimal, Decimal]]:
    """A centre's makers' earnings and payouts per month (by the centre each entry was posted under)."""
    return _monthly(LedgerEntry.objects.filter(centre=centre), start, end)


# --- Impact (public aggregates) and reconciliation ---


@dataclass
class ImpactGroup:
    label: str
    makers: int
    earned: Decimal
    paid: Decimal
    share: float = 0.0  # of the largest group's earnings, in %, for charts

    @property
    def display_label(self) -> str:
        if self.label == "other":
            return _("Other")
        if len(self.label) == 7 and self.label[4] == "-" and self.label.replace("-", "").isdigit():
            return date_format(date(int(self.label[:4]), int(self.label[5:]), 1), "F Y")  # a month, "2026-03"
        return self.label


def impact_by_centre(*, min_makers: int = MIN_MAKERS_PER_GROUP) -> list[ImpactGroup]:
    """Total earned by and paid to makers per centre; centres with fewer makers than `min_makers` fold into
    one "other" group (itself dropped if it still has too few) so no single maker's income can be read off."""
    rows = (
        LedgerEntry.objects.values("centre_id", name=F("centre__name"))
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
    groups, other = [], ImpactGroup("other", 0, ZERO, ZERO)
    for row in rows:
        makers = counts.get(row["centre_id"], 0)
        if makers >= min_makers:
            groups.append(ImpactGroup(row["name"], makers, row["earned"], -row["paid"]))
        else:
            other.makers += makers
            other.earned += row["earned"]
            other.paid -= row["paid"]
    if other.makers >= min_makers:
        groups.append(other)
    return groups


def impact_by_month(*, start: date, end: date, min_makers: int = MIN_MAKERS_PER_GROUP) -> list[ImpactGroup]:
    """All makers' earnings and payouts per month; a month in which fewer than `min_makers` makers earned is
    left out (its money still counts in the centre totals)."""
    counts = dict(
        LedgerEntry.objects.filter(kind=Kind.SALE_CREDIT, created_at__gte=_aware(start), created_at__lt=_aware(end))
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
    for month, earned, paid in _monthly(LedgerEntry.objects.all(), start, end):
        if counts.get(month, 0) >= min_makers:
            groups.append(ImpactGroup(month.isoformat()[:7], counts[month], earned, paid))
    return groups


@dataclass
class LedgerTotals:
    by_kind: dict[str, Decimal]
    total: Decimal
    entries: int
    negative_balances: list[tuple[int, str, Decimal]]

    @property
    def balanced(self) -> bool:
        return self.total == sum(self.by_kind.values(), ZERO)


def ledger_totals() -> LedgerTotals:
    """Sums per kind, the grand total, and every maker whose balance is negative (two queries)."""
    sums = LedgerEntry.objects.aggregate(
        total=money_sum(), entries=Count("pk"), **{kind: money_sum(kind=kind) for kind in Kind.values}
    )
    negative = (
        LedgerEntry.objects.values("maker_id", "maker__public_display_name")
        .order_by("maker_id")
        .annotate(balance=money_sum())
        .filter(balance__lt=0)
    )
    return LedgerTotals(
        by_kind={kind: sums[kind] for kind in Kind.values},
        total=sums["total"],
        entries=sums["entries"],
        negative_balances=[(r["maker_id"], r["maker__public_display_name"], r["balance"]) for r in negative],
    )


IMPACT_CACHE_KEY = "beneficiaries:impact:v2"


def impact_by(path: str, *, min_makers: int = MIN_MAKERS_PER_GROUP) -> list[ImpactGroup]:
    """Earnings grouped by a lookup the caller names (e.g. shop's "order_line__product__craft__name", which
    beneficiaries cannot know); groups of fewer than `min_makers` makers fold into "other", as per centre."""
    rows = (
        LedgerEntry.objects.filter(kind__in=EARNING_KINDS, **{f"{path}__isnull": False})
        .values(label=F(path))
        .order_by("label")
        .annotate(
            earned=money_sum(),
            makers=Count("maker_id", distinct=True, filter=Q(kind=Kind.SALE_CREDIT)),
        )
    )
    groups, other = [], ImpactGroup("other", 0, ZERO, ZERO)
    for row in rows:
        if row["makers"] >= min_makers:
            groups.append(ImpactGroup(row["label"], row["makers"], row["earned"], ZERO))
        else:
            other.makers += row["makers"]
            other.earned += row["earned"]
    if other.makers >= min_makers:
        groups.append(other)
    return groups


def _with_shares(groups: list[ImpactGroup]) -> list[ImpactGroup]:
    """Each group's earnings as a percentage of the largest, for drawing bars."""
    top = max((group.earned for group in groups), default=ZERO)
    for group in groups:
        group.share = round(float(group.earned / top) * 100, 1) if top > 0 else 0.0
    return groups


def impact_summary(*, by: dict[str, str] | None = None) -> dict:
    """What the public impact page shows: totals, per centre, per month (last 12) and per `by` grouping.

    Cached until money moves: `ledger_services` deletes the key when an entry is committed.
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


def payout_mismatches() -> list[str]:
    """Payouts whose entries disagree with their status: paid without a payout entry, reversed without its
    reversal, pending with an entry. Empty when the payouts and the ledger agree."""
    problems = []
    entries = LedgerEntry.objects.filter(payout__isnull=False).values_list("payout_id", "kind")
    posted = {(payout_id, kind) for payout_id, kind in entries}
    for payout in Payout.objects.only("pk", "status", "approved_at", "created_at").iterator():
        has_payout, has_reversal = (payout.pk, Kind.PAYOUT) in posted, (payout.pk, Kind.PAYOUT_REVERSAL) in posted
        if payout.status == Payout.Status.PAID and (not has_payout or has_reversal):
            problems.append(f"payout {payout.pk} is paid but its ledger entries do not say so")
        elif payout.status == Payout.Status.PENDING_APPROVAL and (has_payout or has_reversal):
            problems.append(f"payout {payout.pk} waits for approval but is already posted")
        elif payout.status == Payout.Status.REVERSED and has_payout != has_reversal:
            problems.append(f"payout {payout.pk} is reversed but its payout and reversal entries do not pair up")
    return problems


@dataclass
class OrderLineSums:
    """What the ledger holds per order line, for the shop's reconciliation: sale credits (positive), refund
    debits (negative) and which refund lines were debited at all."""

    credits: dict[int, Decimal]
    debits: dict[int, Decimal]
    debited_refund_lines: set[int]


def ledger_sums_by_order_line() -> OrderLineSums:
    """Three grouped queries, whatever the number of orders."""
    rows = LedgerEntry.objects.filter(order_line__isnull=False).values("order_line_id").order_by("order_line_id")
    credits = rows.annotate(total=money_sum(kind=Kind.SALE_CREDIT), n=Count("pk", filter=Q(kind=Kind.SALE_CREDIT)))
    debits = rows.filter(kind=Kind.REFUND_DEBIT).annotate(total=money_sum())
    refund_lines = LedgerEntry.objects.filter(kind=Kind.REFUND_DEBIT).values_list("refund_line_id", flat=True)
    return OrderLineSums(
        credits={row["order_line_id"]: row["total"] for row in credits if row["n"]},
        debits={row["order_line_id"]: row["total"] for row in debits},
        debited_refund_lines=set(refund_lines.distinct()),
    )
