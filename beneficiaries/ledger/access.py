"""Who may see makers' money: finance sees every centre, a centre lead only their own, read only.

Wagtail turns a raised PermissionDenied into a redirect to the dashboard; money pages answer 403 instead, so a
refusal is unmistakable (and testable), with a page that says why.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..models import CentreMembership, Maker

VIEW_LEDGER = "beneficiaries.view_ledger"
RECORD_PAYOUT = "beneficiaries.record_payout"
APPROVE_PAYOUT = "beneficiaries.approve_payout"


def money_centres(user) -> list[int] | None:
    """The centres whose makers' money `user` may read: None means every centre. Raises PermissionDenied."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to see makers' money."))
    if user.has_perm(VIEW_LEDGER):
        return None
    led = list(
        CentreMembership.objects.filter(user=user, role=CentreMembership.Role.LEAD).values_list("centre_id", flat=True)
    )
    if not led:
        raise PermissionDenied(_("Only finance officers and centre leads may see makers' money."))
    return led


def can_see_money(user) -> bool:
    try:
        money_centres(user)
    except PermissionDenied:
        return False
    return True


def check_maker(request, maker: Maker) -> None:
    if request.money_centres is not None and maker.centre_id not in request.money_centres:
        raise PermissionDenied(_("This maker belongs to another centre."))


def forbidden(request, message: str = "") -> TemplateResponse:
    return TemplateResponse(
        request,
        "beneficiaries/money/forbidden.html",
        {"message": message or _("You may not see this page.")},
        status=403,
    )


def money_view(permission: str | None = None):
    """Decorate a money view: sets `request.money_centres`, answers 403 when the user may not be here."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                request.money_centres = money_centres(request.user)
                if permission and not request.user.has_perm(permission):
                    raise PermissionDenied(_("You do not have permission to do this."))
                return view(request, *args, **kwargs)
            except PermissionDenied as exc:
                return forbidden(request, str(exc))

        return wrapped

    return decorator
