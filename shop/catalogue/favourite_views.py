"""The favourites toggle (a plain POST form; static/js/favourites.js sends the same POST without a reload and
asks for JSON) and the favourites page."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .favourites import Favourites
from .same_origin import same_origin_required
from .selectors import favourite_products, product_text, public_products


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@same_origin_required
@require_POST
def favourite_toggle(request, product_id: int):
    favourites = Favourites(request.session)
    product = public_products().filter(pk=product_id).first()
    if product is None and product_id not in favourites:
        raise Http404
    saved = favourites.toggle(product_id)
    title = product_text(product, "title") if product else ""
    if saved:
        message = _("“%(title)s” is saved in your favourites.") % {"title": title}
    else:
        message = _("“%(title)s” is no longer in your favourites.") % {"title": title}
    if _wants_json(request):
        count = favourites.count
        # The same words as the header link's hidden text, so a screen reader hears the new count too.
        count_text = ngettext("%(counter)s saved", "%(counter)s saved", count) % {"counter": count}
        return JsonResponse({"saved": saved, "count": count, "count_text": count_text, "message": message})
    messages.success(request, message)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("shop:favourites")


@require_GET
def favourites_list(request):
    favourites = Favourites(request.session)
    products = favourite_products(favourites.ids, language=get_language())
    gone = favourites.keep_only({product.pk for product in products})
    note = ""
    if gone:
        note = ngettext(
            "%(count)s saved item is no longer in the shop, so it was removed from your favourites.",
            "%(count)s saved items are no longer in the shop, so they were removed from your favourites.",
            gone,
        ) % {"count": gone}
    return render(request, "shop/favourites.html", {"products": products, "gone_note": note})
