"""Orders of a centre, in the Wagtail admin: instructors and centre leads see the paid lines their centre made
(other centres' lines are not shown) with the buyer's contact for delivering them, and mark them packed,
ready for pickup or shipped. Finance sees every centre's lines."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beneficiaries.admin_scoping import scope_queryset, user_centre_ids

from .models import LineFulfilment, Order, OrderLine
from .services.fulfilment import FULFILLABLE, LineNotYours, order_lines_fulfil


def may_see_centre_orders(user) -> bool:
    centres = user_centre_ids(user)
    return bool(centres) or (centres is None and user.has_perm("shop.view_order"))


class FulfilForm(forms.Form):
    lines = forms.TypedMultipleChoiceField(coerce=int, label=gettext_lazy("Lines"))
    to = forms.ChoiceField(choices=LineFulfilment.choices, label=gettext_lazy("Mark as"))
    tracking_note = forms.CharField(
        required=False,
        max_length=255,
        label=gettext_lazy("Tracking note"),
        help_text=gettext_lazy("For shipped lines: the courier and tracking number the buyer will see."),
    )

    def __init__(self, *args, line_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = [(pk, pk) for pk in line_ids]


def centre_orders(request):
    user = request.user
    if not may_see_centre_orders(user):
        raise PermissionDenied
    lines = scope_queryset(OrderLine.objects.filter(order__status__in=FULFILLABLE), user).order_by("pk")
    if request.method == "POST":
        # Any id is offered to the form; the service refuses lines outside the user's centres.
        form = FulfilForm(request.POST, line_ids=[int(v) for v in request.POST.getlist("lines") if v.isdigit()])
        if form.is_valid():
            try:
                done = order_lines_fulfil(
                    line_ids=form.cleaned_data["lines"],
                    to=form.cleaned_data["to"],
                    user=user,
                    tracking_note=form.cleaned_data["tracking_note"],
                )
            except LineNotYours as error:
                raise PermissionDenied from error
            messages.success(request, _("%(count)s line(s) updated.") % {"count": len(done)})
            return redirect("shop_centre_orders")
        messages.error(request, _("Choose at least one line and what to mark it as."))
    orders = (
        Order.objects.filter(pk__in=lines.values("order_id"))
        .prefetch_related(Prefetch("lines", queryset=lines.select_related("centre"), to_attr="centre_lines"))
        .order_by("-created_at")
    )
    return TemplateResponse(
        request,
        "shop/orders/centre_orders.html",
        {"orders": orders, "form": FulfilForm(), "states": LineFulfilment.choices},
    )


def packing_slip(request, order_id: int):
    """A printable slip for the parcel: only the lines the user's centre packs, and no prices when the buyer
    asked for that on a gift. Another centre's order is simply not found."""
    user = request.user
    if not may_see_centre_orders(user):
        raise PermissionDenied
    lines = scope_queryset(OrderLine.objects.filter(order_id=order_id, order__status__in=FULFILLABLE), user)
    lines = list(lines.select_related("centre", "order").order_by("pk"))
    if not lines:
        raise Http404
    order = lines[0].order
    return TemplateResponse(
        request,
        "shop/orders/packing_slip.html",
        {"order": order, "lines": lines, "show_prices": not (order.is_gift and order.gift_hide_prices)},
    )
