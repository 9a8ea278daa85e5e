"""The finance dashboard: every maker's balance, as a Wagtail report (filters, sorting, CSV and XLSX)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ..models import Centre, Maker
from ..money import format_money
from .access import VIEW_LEDGER, forbidden, money_centres
from .selectors import balances
from .statement_files import previous_month


def _centres(request):
    allowed = money_centres(request.user)
    return Centre.objects.all() if allowed is None else Centre.objects.filter(pk__in=allowed)


class BalancesFilterSet(WagtailFilterSet):
    centre = django_filters.ModelChoiceFilter(label=_("Centre"), queryset=_centres)

    class Meta:
        model = Maker
        fields = ["centre"]


class MoneyColumn(Column):
    """An amount formatted for the admin's language, sortable by its annotation."""

    def __init__(self, name, **kwargs):
        super().__init__(name, sort_key=name, **kwargs)

    def get_value(self, instance):
        return format_money(getattr(instance, self.name), instance.centre.currency)


class BalancesReportView(ReportView):
    page_title = _("Makers' money")
    template_name = "beneficiaries/money/dashboard.html"
    header_icon = "doc-full"
    index_url_name = "beneficiaries_money:dashboard"
    index_results_url_name = "beneficiaries_money:dashboard_results"
    filterset_class = BalancesFilterSet
    default_ordering = "-owed"
    paginate_by = 100
    columns = [
        TitleColumn(
            "public_display_name",
            label=_("Maker"),
            sort_key="public_display_name",
            get_url=lambda maker: reverse("beneficiaries_money:maker", args=[maker.pk]),
        ),
        Column("centre", label=_("Centre")),
        MoneyColumn("owed", label=_("Balance owed")),
        MoneyColumn("pending", label=_("Waiting for approval")),
        MoneyColumn("earned_month", label=_("Earned this month")),
        MoneyColumn("earned_year", label=_("Earned this year")),
        DateColumn("last_payout_at", label=_("Last payout"), sort_key="last_payout_at"),
    ]
    list_export = ["public_display_name", "centre", "owed", "pending", "earned_month", "earned_year", "last_payout_at"]
    export_headings = {
        "public_display_name": _("Maker"),
        "centre": _("Centre"),
        "owed": _("Balance owed"),
        "pending": _("Waiting for approval"),
        "earned_month": _("Earned this month"),
        "earned_year": _("Earned this year"),
        "last_payout_at": _("Last payout"),
    }

    def dispatch(self, request, *args, **kwargs):
        try:
            request.money_centres = money_centres(request.user)
        except PermissionDenied as exc:
            return forbidden(request, str(exc))
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return balances(centre_ids=self.request.money_centres)

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        # A stable tie-break, so paging through equal balances never repeats or skips a maker.
        return queryset.order_by(ordering, "public_display_name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payouts_url"] = reverse("beneficiaries_money:payouts")
        # Statements of every maker at once are for finance, not for a centre lead who sees only their centre.
        context["can_prepare_statements"] = self.request.user.has_perm(VIEW_LEDGER)
        context["prepare_month"] = previous_month()
        return context
