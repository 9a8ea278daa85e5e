"""Reads of the makers' ledger: balances, statements, series for charts, impact and reconciliation totals.

A balance is always the sum of a maker's entries; nothing here stores one. "Earned" means sales minus
refunds (what the makers' work brought in); "paid" means payouts minus reversals.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Round, TruncMonth
from django.utils import timezone

from ..models import Centre, Maker
from ..money import QEPIK
from .models import LedgerEntry, Payout

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


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))


@dataclass
class StatementLine:
    at: datetime
    kind: str
    kind_label: str  # or a lazy translation, rendered in the maker's language
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
    start_at, end_at = start_of_day(start), start_of_day(end)
    entries = LedgerEntry.objects.filter(maker=maker)
    opening = entries.filter(created_at__lt=start_at).aggregate(total=money_sum())["total"]
    rows = (
        entries.filter(created_at__gte=start_at, created_at__lt=end_at)
        .select_related("order_line", "payout")
        .order_by("created_at", "pk")
    )
    labels = dict(Kind.choices)  # lazy: translated where the statement is rendered, in the maker's language
    lines, totals = [], {kind: ZERO for kind in Kind.values}
    for entry in rows:
        title = entry.order_line.title if entry.order_line_id else ""
        if entry.payout_id:
            title = f"{entry.payout.payee_name} · {entry.payout.reference}"
        elif entry.kind == Kind.ADJUSTMENT:
            title = entry.reason
        lines.append(
            StatementLine(entry.created_at, entry.kind, labels[entry.kind], title, entry.quantity, entry.amount)
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


def monthly_sums(entries: QuerySet, start: date, end: date) -> list[tuple[date, Decimal, Decimal]]:
    """(month, earned, paid) for every month of [start, end), months without entries as zeros."""
    rows = (
        entries.filter(created_at__gte=start_of_day(start), created_at__lt=start_of_day(end))
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
    return monthly_sums(LedgerEntry.objects.filter(maker=maker), start, end)


def centre_monthly_series(*, centre: Centre, start: date, end: date) -> list[tuple[date, Decimal, Decimal]]:
    """A centre's makers' earnings and payouts per month (by the centre each entry was posted under)."""
    return monthly_sums(LedgerEntry.objects.filter(centre=centre), start, end)
