"""Staff view of orders in Django's admin (/django-admin/): lines, audit trail, fulfilment actions, refunds.

Orders are never added, edited or deleted here: they change only through the services, which keep the audit
trail and the stock right. Staff may write a note and clear the "needs attention" flag.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Order, OrderLine, OrderStatus, OrderStatusChange, Refund, StripeEvent
from .services.fulfilment import order_fulfil
from .services.orders import IllegalTransition
from .services.refunds import RefundItem, RefundNotAllowed, refund_request, refund_send


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # Whoever may see the order sees its lines, refunds and audit trail; no separate permissions.
        return request.user.has_perm("shop.view_order") or request.user.has_perm("shop.change_order")


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = (
        "title",
        "unit_price",
        "quantity",
        "line_total",
        "quantity_refunded",
        "centre",
        "centre_amount",
        "made_to_order",
        "oversold",
    )
    readonly_fields = fields


class StatusChangeInline(ReadOnlyInline):
    model = OrderStatusChange
    fields = ("at", "from_status", "to_status", "source", "actor", "note")
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("Audit trail")


class RefundInline(ReadOnlyInline):
    model = Refund
    fields = (
        "sequence",
        "amount",
        "currency",
        "status",
        "stripe_refund_id",
        "external",
        "sold_elsewhere",
        "reason",
        "requested_by",
        "created_at",
        "last_error",
    )
    readonly_fields = fields


def _move(to: str, label):
    def action(modeladmin, request, queryset):
        moved = 0
        for order in queryset.order_by("pk"):
            try:
                order_fulfil(order=order, to=to, actor=request.user)
                moved += 1
            except IllegalTransition:
                messages.error(
                    request,
                    _("%(number)s cannot move from “%(status)s”.")
                    % {"number": order.number, "status": order.get_status_display()},
                )
        if moved:
            messages.success(request, _("%(count)s orders updated.") % {"count": moved})

    action.__name__ = f"mark_{to}"
    action.short_description = label
    action.allowed_permissions = ("change",)
    return action


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    change_form_template = "shop/orders/admin_change_form.html"
    list_display = (
        "number",
        "created_at",
        "name",
        "email",
        "status",
        "total",
        "currency",
        "delivery_method",
        "needs_attention",
    )
    list_filter = ("status", "needs_attention", "delivery_method", "language")
    search_fields = ("number", "email", "name", "phone", "stripe_payment_intent_id", "stripe_checkout_session_id")
    date_hierarchy = "created_at"
    list_select_related = True
    inlines = [OrderLineInline, RefundInline, StatusChangeInline]
    fields = (
        ("number", "status"),
        ("name", "email", "phone", "language"),
        ("delivery_method", "address_line", "city", "postal_code"),
        "delivery_notes",
        ("is_gift", "gift_hide_prices"),
        "gift_message",
        ("subtotal", "delivery_fee", "total", "currency"),
        ("stripe_checkout_session_id", "stripe_payment_intent_id"),
        ("created_at", "paid_at", "confirmation_email_sent_at"),
        "needs_attention",
        "staff_note",
    )
    actions = [
        _move(OrderStatus.READY_FOR_PICKUP, gettext_lazy("Mark ready for pickup")),
        _move(OrderStatus.SHIPPED, gettext_lazy("Mark shipped")),
        _move(OrderStatus.COMPLETED, gettext_lazy("Mark completed")),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [f for f in self._flat_fields() if f not in ("needs_attention", "staff_note")]

    def _flat_fields(self):
        for entry in self.fields:
            yield from entry if isinstance(entry, tuple) else (entry,)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        refund = self.admin_site.admin_view(self.refund_view)
        return [path("<int:object_id>/refund/", refund, name="shop_order_refund"), *super().get_urls()]

    def refund_view(self, request, object_id: int):
        if not request.user.has_perm("shop.refund_order"):
            raise PermissionDenied
        order = get_object_or_404(Order.objects.prefetch_related("lines", "refunds"), pk=object_id)
        form = RefundForm(request.POST or None, order=order)
        change_url = reverse("admin:shop_order_change", args=[order.pk])
        if request.method == "POST" and "resend" in request.POST:
            pending = order.refunds.filter(status=Refund.Status.PENDING).first()
            if pending is not None:
                _report(request, refund_send(refund=pending))
            return redirect(change_url)
        if request.method == "POST" and form.is_valid():
            try:
                refund = refund_request(
                    order=order, items=form.items(), actor=request.user, reason=form.cleaned_data["reason"]
                )
            except RefundNotAllowed as exc:
                form.add_error(None, str(exc))
            else:
                _report(request, refund)
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "order": order,
            "form": form,
            "pending": order.refunds.filter(status=Refund.Status.PENDING).first(),
            "title": _("Refund order %(number)s") % {"number": order.number},
            "change_url": change_url,
        }
        return TemplateResponse(request, "shop/orders/admin_refund.html", context)


def _report(request, refund: Refund) -> None:
    if refund.status == Refund.Status.SUCCEEDED:
        messages.success(
            request, _("Refunded %(amount)s %(currency)s.") % {"amount": refund.amount, "currency": refund.currency}
        )
    elif refund.status == Refund.Status.FAILED:
        messages.error(request, _("Stripe refused the refund: %(error)s") % {"error": refund.last_error})
    elif refund.last_error:
        messages.warning(
            request,
            _("The payment service is unavailable; the refund is saved as pending. Use “Send again” in a few minutes."),
        )
    else:
        messages.info(request, _("The refund is pending at Stripe; the order changes when Stripe confirms it."))


class RefundForm(forms.Form):
    full = forms.BooleanField(
        label=gettext_lazy("Refund everything not yet refunded, delivery included"), required=False
    )
    reason = forms.CharField(label=gettext_lazy("Reason (for the audit trail)"), max_length=255, required=False)

    def __init__(self, *args, order: Order, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = [line for line in order.lines.all() if line.quantity_refundable]
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = forms.IntegerField(
                label=_("%(title)s: quantity to refund (up to %(count)s)")
                % {"title": line.title, "count": line.quantity_refundable},
                min_value=0,
                max_value=line.quantity_refundable,
                initial=0,
                required=False,
            )

    def line_fields(self):
        return [(line, self[f"line_{line.pk}"]) for line in self.lines]

    def items(self) -> list[RefundItem] | None:
        if self.cleaned_data.get("full"):
            return None
        return [
            RefundItem(line_id=line.pk, quantity=self.cleaned_data.get(f"line_{line.pk}") or 0) for line in self.lines
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("full") and not any(cleaned.get(f"line_{line.pk}") for line in self.lines):
            raise forms.ValidationError(_("Choose the quantities to refund, or refund everything."))
        return cleaned


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ("event_id", "type", "outcome", "order", "received_at", "processed_at")
    list_filter = ("type", "outcome")
    search_fields = ("event_id", "object_id", "order__number")
    readonly_fields = (
        "event_id",
        "type",
        "object_id",
        "order",
        "stripe_created_at",
        "received_at",
        "processed_at",
        "outcome",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
