"""Bulk import in the Wagtail admin: upload, a dry run that shows every row, then the import.

The parsed rows wait in the server-side session between the dry run and the import; the import POST carries
only a one-time token, and the rows are checked again (as the signed-in user) before anything is created.
"""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beneficiaries.admin_scoping import user_centre_ids
from beneficiaries.models import Centre

from .bulk_import import COLUMNS, MAX_FILE_BYTES, BulkImportRefused, bulk_file_read, bulk_import, bulk_rows_check

SESSION_KEY = "shop_bulk_import"
TEMPLATE = "shop/catalogue/bulk_import.html"


def may_bulk_import(user) -> bool:
    """Instructors and centre leads of a centre; people not tied to a centre import nothing here."""
    return bool(user_centre_ids(user)) and user.has_perm("shop.add_product")


class UploadForm(forms.Form):
    centre = forms.ModelChoiceField(queryset=Centre.objects.none(), label=gettext_lazy("Centre"), empty_label=None)
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel file"),
        help_text=gettext_lazy("UTF-8 CSV or .xlsx, at most 2 MB and 1000 products; the first row names the columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.filter(pk__in=user_centre_ids(user) or ())

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
        try:
            self.rows = bulk_file_read(name=upload.name, data=upload.read())
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return upload


def _render(request, *, form=None, centre=None, checked=None, token=None, problem=None, status=200):
    context = {"form": form, "centre": centre, "checked": checked, "token": token, "problem": problem}
    context["columns"] = COLUMNS
    if checked is not None:
        context["refused"] = [row for row in checked if not row.ok]
    return TemplateResponse(request, TEMPLATE, context, status=status)


def bulk_import_view(request):
    user = request.user
    if not may_bulk_import(user):
        # A real 403 rather than Wagtail's redirect to the dashboard: nothing here is for them.
        return HttpResponseForbidden(_("Only instructors and centre leads of a centre can import its products."))
    if request.method == "POST" and "token" in request.POST:
        return _import(request)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, user=user)
        if form.is_valid():
            centre = form.cleaned_data["centre"]
            checked = bulk_rows_check(user=user, centre=centre, rows=form.rows)
            token = None
            if all(row.ok for row in checked):
                token = secrets.token_urlsafe(24)
                request.session[SESSION_KEY] = {"token": token, "centre": centre.pk, "rows": form.rows}
            else:
                request.session.pop(SESSION_KEY, None)
            return _render(request, form=UploadForm(user=user), centre=centre, checked=checked, token=token)
        return _render(request, form=form, status=400)
    return _render(request, form=UploadForm(user=user))


def _import(request):
    user = request.user
    pending = request.session.get(SESSION_KEY)
    if not pending or not secrets.compare_digest(str(pending.get("token")), request.POST.get("token", "")):
        problem = _("Nothing to import: upload the file and check the dry run first.")
        return _render(request, form=UploadForm(user=user), problem=problem, status=400)
    centre = Centre.objects.filter(pk=pending["centre"], pk__in=user_centre_ids(user) or ()).first()
    if centre is None:  # they left the centre since the dry run
        return HttpResponseForbidden(_("You no longer work for this centre."))
    # The token is spent whatever happens next, so a replayed POST cannot import the same rows twice.
    del request.session[SESSION_KEY]
    rows = [(number, values) for number, values in pending["rows"]]
    try:
        products = bulk_import(user=user, centre=centre, rows=rows)
    except BulkImportRefused as refused:
        return _render(request, form=UploadForm(user=user), centre=centre, checked=refused.rows, status=400)
    messages.success(
        request,
        _("%(count)s products of %(centre)s were created as drafts and submitted for review.")
        % {"count": len(products), "centre": centre},
    )
    return redirect("wagtailsnippets_shop_product:list")
