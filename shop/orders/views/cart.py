"""The cart page and its POST-only changes; every refusal is a message, never an error page. Adding to the cart
is checked by origin instead of a CSRF token (its button is on cached public pages, see
`shop.catalogue.same_origin`); changing or removing lines on the cart page keeps the token."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from shop.catalogue.models import Product
from shop.catalogue.same_origin import same_origin_required
from shop.catalogue.selectors import product_text, with_card_data

from ..cart import CHECKOUT_ORDER_KEY, Cart, CartError, cart_is_ready, cart_total
from ..forms import QuantityForm
from ..models import Order


def _product(product_id: int) -> Product:
    return get_object_or_404(with_card_data(Product.objects.all()), pk=product_id)


def _back(request, default: str = "shop:cart"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


def _quantity(request, *, default: int | None = None) -> int | None:
    data = request.POST.copy()
    if default is not None and not data.get("quantity"):
        data["quantity"] = str(default)
    form = QuantityForm(data)
    if not form.is_valid():
        messages.error(request, _("Enter a whole number between 0 and 999."))
        return None
    return form.cleaned_data["quantity"]


def _forget_paid_checkout(request, cart: Cart) -> None:
    """The buyer paid and never came back to the confirmation page (the webhook settled it): empty the cart
    so the same items are not bought twice by mistake."""
    number = request.session.get(CHECKOUT_ORDER_KEY)
    if number and Order.objects.filter(number=number, paid_at__isnull=False).exists():
        cart.clear()
        del request.session[CHECKOUT_ORDER_KEY]
        messages.info(request, _("Your order %(number)s is paid, so your cart was emptied.") % {"number": number})


@require_GET
def cart_detail(request):
    cart = Cart(request.session)
    _forget_paid_checkout(request, cart)
    lines = cart.lines()
    return render(
        request,
        "shop/cart/cart.html",
        {
            "lines": lines,
            "total": cart_total(lines),
            "ready": cart_is_ready(lines),
            "has_problems": any(line.problem for line in lines),
        },
    )


@same_origin_required
@require_POST
def cart_add(request, product_id: int):
    product = _product(product_id)
    quantity = _quantity(request, default=1)
    if quantity is None:
        return _back(request)
    if quantity < 1:
        messages.error(request, _("Choose at least one."))
        return _back(request)
    try:
        Cart(request.session).add(product, quantity)
    except CartError as exc:
        messages.error(request, str(exc))
        return _back(request)
    messages.success(request, _("“%(title)s” is in your cart.") % {"title": product_text(product, "title")})
    return _back(request)


@require_POST
def cart_update(request, product_id: int):
    cart = Cart(request.session)
    quantity = _quantity(request)
    if quantity is None:
        return redirect("shop:cart")
    product = with_card_data(Product.objects.filter(pk=product_id)).first()
    if product is None:
        cart.remove(product_id)
        return redirect("shop:cart")
    try:
        cart.set(product, quantity)
    except CartError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your cart was updated."))
    return redirect("shop:cart")


@require_POST
def cart_remove(request, product_id: int):
    Cart(request.session).remove(product_id)
    messages.success(request, _("The item was removed from your cart."))
    return redirect("shop:cart")
