"""The public "ask for a custom piece" form of a made-to-order product. The buyer writes to the product's
centre; the page names the centre, never the maker beyond what the product page already shows."""

from axes.helpers import get_client_ip_address
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ...catalogue.selectors import product_for_page
from ..forms import CommissionRequestForm
from ..services.commissions import commission_request_create
from ..spam import StampProblem, form_stamp_is_current, form_stamp_issue, form_stamp_problem, rate_limit_count

# A buyer with several ideas may write a few times; more than this an hour from one address or e-mail is a bot.
REQUESTS_PER_HOUR = 5
HOUR = 60 * 60


def _made_to_order(slug: str):
    product = product_for_page(slug, language=get_language())
    if product is None or not product.made_to_order:
        raise Http404
    return product


def _over_the_limit(request, email: str) -> bool:
    # Both counters move on every attempt, so a bot switching e-mails is still stopped by its address.
    over = rate_limit_count(scope="commission-ip", identifier=get_client_ip_address(request) or "", window_seconds=HOUR)
    over = over > REQUESTS_PER_HOUR
    if email:
        over |= rate_limit_count(scope="commission-email", identifier=email, window_seconds=HOUR) > REQUESTS_PER_HOUR
    return over


def _spam_problem(form: CommissionRequestForm) -> str | None:
    if form.cleaned_data["website"]:
        return _("We could not send your message. If your browser filled in fields for you, clear them and try again.")
    problem = form_stamp_problem(form.cleaned_data["shown_at"])
    if problem == StampProblem.TOO_FAST:
        return _("That was quicker than we expected. Please check your message and press “Send” again.")
    if problem == StampProblem.INVALID:
        return _("This form was open for too long. Please press “Send” again.")
    return None


@require_http_methods(["GET", "POST"])
def commission_request(request, slug: str):
    product = _made_to_order(slug)
    form = CommissionRequestForm(request.POST or None, initial={"shown_at": form_stamp_issue()})
    if request.method == "POST" and form.is_valid():
        problem = _spam_problem(form)
        if problem is None:
            data = form.cleaned_data
            if _over_the_limit(request, data["email"]):
                response = render(request, "shop/commissions/rate_limited.html", {"product": product}, status=429)
                response["Retry-After"] = str(HOUR)
                return response
            commission_request_create(
                product=product,
                name=data["name"].strip(),
                email=data["email"].strip(),
                phone=data["phone"],
                message=data["message"].strip(),
                language=get_language(),
            )
            return redirect("shop:commission_sent", slug=product.slug)
        form.add_error(None, problem)
    if form.is_bound and not form_stamp_is_current(form.data.get("shown_at", "")):
        # Forged, stale or missing: the next press gets a fresh stamp (a too-fast one keeps its own).
        form.data = form.data.copy()
        form.data["shown_at"] = form_stamp_issue()
    return render(request, "shop/commissions/request_form.html", {"product": product, "form": form})


@require_GET
def commission_sent(request, slug: str):
    return render(request, "shop/commissions/request_sent.html", {"product": _made_to_order(slug)})
