"""The only ways to a private file (see `private_files`): a permission-checked link view, and locally the view
that serves a signed, time-limited link. Mounted under /admin/private/ (URL names `beneficiaries_private:*`),
so Wagtail sends anyone not signed in to the login page first."""

from functools import wraps

from django.core import signing
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _

from .file_storage import STORAGE_ERRORS, private_storage
from .ledger.models import PayoutReceipt
from .models import ConsentRecord
from .private_files import (
    LinkExpired,
    can_see_consent_scan,
    can_see_payout_receipts,
    content_type_for,
    private_file_link,
    private_file_name_from_token,
)

app_name = "beneficiaries_private"


def _no_store(view):
    """Neither a link nor a file may be kept by a browser or a proxy: `private, no-store` on every answer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = _refused(_("Not found."), status=404)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def _refused(message: str, status: int = 403) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def _redirect(name: str, user) -> HttpResponse:
    return HttpResponseRedirect(private_file_link(name, user=user))


@_no_store
def consent_scan_link(request, pk):
    consent = get_object_or_404(ConsentRecord.objects.select_related("maker"), pk=pk)
    if not can_see_consent_scan(request.user, consent):
        return _refused(_("Only admins and the instructors of this maker's centre may open this consent form."))
    if not consent.scan:
        return _refused(_("No scan of the signed consent form has been uploaded."), status=404)
    return _redirect(consent.scan.name, request.user)


@_no_store
def payout_receipt_link(request, pk):
    if not can_see_payout_receipts(request.user):
        return _refused(_("Only finance officers and admins may open payout receipts."))
    receipt = get_object_or_404(PayoutReceipt, pk=pk)
    return _redirect(receipt.file.name, request.user)


@_no_store
def private_file_serve(request, token):
    """Local storage only: the file a fresh link made for this user names, never cached anywhere."""
    try:
        name = private_file_name_from_token(token, user=request.user)
    except LinkExpired:
        return _refused(_("This link has expired; open the file again from its page."), status=410)
    except signing.BadSignature:
        return _refused(_("This link is not valid for you."))
    try:
        handle = private_storage().open(name, "rb")
    except FileNotFoundError:
        return _refused(_("This file is no longer stored."), status=404)
    except STORAGE_ERRORS:
        return _refused(_("The file storage is not reachable just now; please try again in a few minutes."), 503)
    response = FileResponse(handle, content_type=content_type_for(name))
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("consent-scans/<int:pk>/", consent_scan_link, name="consent_scan"),
    path("payout-receipts/<int:pk>/", payout_receipt_link, name="payout_receipt"),
    path("files/<str:token>/", private_file_serve, name="serve"),
]
