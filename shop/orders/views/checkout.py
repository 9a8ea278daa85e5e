"""Checkout: the details form, the hand-over to Stripe, the way back (paid or cancelled), the order page."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..cart import CHECKOUT_ORDER_KEY, Cart, cart_is_ready, cart_total
from ..forms import CheckoutForm
from ..models import DeliveryMethod, Order, OrderStatus, OrderStatusChange
from ..selectors import order_for_buyer, pickup_centres
from ..services import checkout as checkout_service
from ..services.orders import delivery_fee_for
from ..services.stock import OutOfStock
from ..stripe_gateway import PaymentRequestRejected, PaymentServiceUnavailable

SESSION_ORDER_KEY = CHECKOUT_ORDER_KEY


def _urls(request):
    def build(order: Order) -> tuple[str, str]:
        success = request.build_absolute_uri(reverse("shop:checkout_return", args=[order.number]))
        cancel = request.build_absolute_uri(reverse("shop:checkout_cancelled", args=[order.number]))
        return f"{success}?session_id={{CHECKOUT_SESSION_ID}}", cancel

    return build


def _private(response):
    """Pages that show a buyer's order: never cached, never indexed, the token never sent on as a referrer."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _initial(request) -> dict:
    number = request.session.get(SESSION_ORDER_KEY)
    order = Order.objects.filter(number=number).first() if number else None
    if order is None:
        return {}
    fields = ("email", "name", "phone", "delivery_method", "address_line", "city", "postal_code", "delivery_notes")
    fields += ("is_gift", "gift_message", "gift_hide_prices")
    return {field: getattr(order, field) for field in fields}


@require_http_methods(["GET", "POST"])
def checkout_start(request):
    cart = Cart(request.session)
    lines = cart.lines()
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return redirect("shop:cart")
    if not cart_is_ready(lines):
        messages.error(request, _("Some items in your cart cannot be bought as they are. Please check them."))
        return redirect("shop:cart")

    form = CheckoutForm(request.POST or None, initial=_initial(request))
    problem, status = "", 200
    if request.method == "POST" and form.is_valid():
        number = request.session.get(SESSION_ORDER_KEY)
        try:
            result = checkout_service.checkout_start(
                lines=lines,
                buyer=form.buyer(),
                language=get_language(),
                previous_order_number=number,
                urls=_urls(request),
            )
        except OutOfStock as exc:
            messages.error(request, str(exc))
            return redirect("shop:cart")
        except checkout_service.CheckoutInterrupted as exc:
            request.session[SESSION_ORDER_KEY] = exc.order.number
            # SessionMiddleware does not save on a 5xx answer; the retry must find this pending order.
            request.session.save()
            if isinstance(exc.__cause__, PaymentRequestRejected):
                problem, status = "rejected", 502
            else:
                problem, status = "unavailable", 503
        else:
            request.session[SESSION_ORDER_KEY] = result.order.number
            if result.to_confirmation:
                return redirect(_return_url(result.order))
            return HttpResponseRedirect(result.redirect_url, status=303)

    courier_fee = delivery_fee_for(lines=lines, delivery_method=DeliveryMethod.COURIER)
    return render(
        request,
        "shop/checkout/checkout.html",
        {
            "form": form,
            "lines": lines,
            "subtotal": cart_total(lines),
            "courier_fee": courier_fee,
            "centres": list({line.product.centre_id: line.product.centre for line in lines}.values()),
            "problem": problem,
        },
        status=status,
    )


def _return_url(order: Order) -> str:
    return f"{reverse('shop:checkout_return', args=[order.number])}?session_id={order.stripe_checkout_session_id}"


@require_GET
def checkout_return(request, order_number: str):
    order = Order.objects.filter(number=order_number).first()
    session_id = request.GET.get("session_id", "")
    if order is None or not session_id or session_id != order.stripe_checkout_session_id:
        raise Http404
    confirming = False
    try:
        checkout_service.checkout_confirm(order=order, session_id=session_id)
    except (PaymentServiceUnavailable, PaymentRequestRejected):
        confirming = True  # the webhook will settle it; the page says we are confirming the payment
    order = order_for_buyer(order.access_token)
    if order.paid_at is not None and request.session.get(SESSION_ORDER_KEY) == order.number:
        Cart(request.session).clear()
        request.session.pop(SESSION_ORDER_KEY, None)
    response = render(
        request,
        "shop/checkout/confirmation.html",
        {
            "order": order,
            "confirming": confirming,
            "is_paid": order.paid_at is not None,
            "status_url": request.build_absolute_uri(order.get_absolute_url()),
            "pickup_centres": pickup_centres(order),
        },
    )
    return _private(response)


@require_GET
def checkout_cancelled(request, order_number: str):
    """Stripe's cancel link. Only the browser that started this checkout can cancel its order."""
    order = Order.objects.filter(number=order_number).first()
    if order is None or request.session.get(SESSION_ORDER_KEY) != order_number:
        return redirect("shop:cart")
    try:
        outcome = checkout_service.checkout_cancel(order=order, source=OrderStatusChange.Source.BUYER)
    except PaymentServiceUnavailable:
        outcome = checkout_service.CancelOutcome.UNCHANGED
    if outcome == checkout_service.CancelOutcome.PAID:
        return redirect(_return_url(order))
    if order.status != OrderStatus.PENDING_PAYMENT or outcome == checkout_service.CancelOutcome.CANCELLED:
        request.session.pop(SESSION_ORDER_KEY, None)
    messages.info(request, _("Payment cancelled. Everything is still in your cart."))
    return redirect("shop:cart")


@require_GET
def order_status(request, token: str):
    order = order_for_buyer(token)
    if order is None:
        raise Http404
    response = render(
        request,
        "shop/orders/order_status.html",
        {"order": order, "pickup_centres": pickup_centres(order), "is_paid": order.paid_at is not None},
    )
    return _private(response)
