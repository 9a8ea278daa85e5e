"""Finance pages in the Wagtail admin: a maker's money, payouts and their approval, statements, centre charts.

Views parse input, check who may see what (`access`) and call `services` / `selectors`.
"""

import logging
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..file_storage import STORAGE_ERRORS, STORAGE_UNREACHABLE_MESSAGE
from ..models import Centre, Maker
from ..private_files import can_see_payout_receipts
from ..services import private_file_store
from .access import APPROVE_PAYOUT, RECORD_PAYOUT, VIEW_LEDGER, check_maker, forbidden, money_view
from .charts import month_bars
from .forms import AdjustmentForm, PayoutForm, PayoutReceiptForm, PrepareStatementsForm, ReverseForm, StatementForm
from .models import Payout
from .selectors import (
    centre_monthly_series,
    last_months,
    maker_available_balance,
    maker_balance,
    maker_monthly_series,
    maker_pending_payouts,
    maker_statement,
    statement_period,
)
from .services import PayoutNotAllowed, ledger_adjust, payout_approve, payout_receipt_add, payout_record, payout_reverse
from .statement_files import prepared_statement_open, prepared_statements, previous_month
from .statements import statement_csv, statement_pdf, statement_title, summary_rows

TEMPLATES = "beneficiaries/money/"
logger = logging.getLogger(__name__)


def _maker(request, pk) -> Maker:
    maker = get_object_or_404(Maker.objects.select_related("centre"), pk=pk)
    check_maker(request, maker)
    return maker


@money_view()
def maker_detail(request, pk):
    maker = _maker(request, pk)
    start, end = last_months(12)
    return render(
        request,
        TEMPLATES + "maker.html",
        {
            "maker": maker,
            "balance": maker_balance(maker),
            "pending": maker_pending_payouts(maker),
            "available": maker_available_balance(maker),
            "chart": month_bars(maker_monthly_series(maker=maker, start=start, end=end)),
            "chart_id": f"maker-{maker.pk}",
            "statement_form": StatementForm(),
            "payouts": maker.payouts.select_related("created_by", "approved_by")[:50],
            "can_record": request.user.has_perm(RECORD_PAYOUT),
            "can_adjust": request.user.has_perm(APPROVE_PAYOUT),
        },
    )


@money_view(RECORD_PAYOUT)
def payout_new(request, pk):
    maker = _maker(request, pk)
    form = PayoutForm(request.POST if request.method == "POST" else None, maker=maker)
    if request.method == "POST" and form.is_valid():
        try:
            payout = payout_record(maker=maker, created_by=request.user, **form.cleaned_data)
        except PayoutNotAllowed as exc:
            form.add_error(None, exc)
        else:
            if payout.status == Payout.Status.PENDING_APPROVAL:
                messages.warning(request, _("Payout recorded; it waits for a second finance officer's approval."))
            else:
                messages.success(request, _("Payout recorded."))
            return redirect("beneficiaries_money:payout", pk=payout.pk)
    return render(
        request,
        TEMPLATES + "payout_form.html",
        {"maker": maker, "form": form, "available": maker_available_balance(maker)},
        status=400 if form.errors else 200,
    )


@money_view(APPROVE_PAYOUT)
def adjustment_new(request, pk):
    """A correction (e.g. a refund made in Stripe's dashboard without items) as a new entry, never an edit."""
    maker = _maker(request, pk)
    form = AdjustmentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            ledger_adjust(maker=maker, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Adjustment recorded."))
            return redirect("beneficiaries_money:maker", pk=maker.pk)
    return render(
        request,
        TEMPLATES + "adjustment_form.html",
        {"maker": maker, "form": form, "available": maker_available_balance(maker)},
        status=400 if form.errors else 200,
    )


@money_view()
def payout_list(request):
    payouts = Payout.objects.select_related("maker", "maker__centre", "created_by")
    if request.money_centres is not None:
        payouts = payouts.filter(maker__centre_id__in=request.money_centres)
    return render(
        request,
        TEMPLATES + "payouts.html",
        {
            "pending": payouts.filter(status=Payout.Status.PENDING_APPROVAL).order_by("created_at"),
            "recent": payouts.exclude(status=Payout.Status.PENDING_APPROVAL)[:100],
            "can_approve": request.user.has_perm(APPROVE_PAYOUT),
        },
    )


def _payout(request, pk) -> Payout:
    payout = get_object_or_404(Payout.objects.select_related("maker", "maker__centre"), pk=pk)
    check_maker(request, payout.maker)
    return payout


def _payout_page(request, payout: Payout, *, receipt_form=None, status: int = 200):
    can_see_receipts = can_see_payout_receipts(request.user)
    return render(
        request,
        TEMPLATES + "payout.html",
        {
            "payout": payout,
            "events": payout.audit_events.select_related("actor"),
            "reverse_form": ReverseForm(),
            "can_approve": request.user.has_perm(APPROVE_PAYOUT),
            "can_see_receipts": can_see_receipts,
            "receipts": payout.receipts.select_related("uploaded_by") if can_see_receipts else (),
            "can_add_receipt": can_see_receipts and request.user.has_perm(RECORD_PAYOUT),
            "receipt_form": receipt_form or PayoutReceiptForm(),
            "form": receipt_form,  # the error summary include reads `form`
        },
        status=status,
    )


@money_view()
def payout_detail(request, pk):
    return _payout_page(request, _payout(request, pk))


@require_POST
@money_view(RECORD_PAYOUT)
def payout_receipt_upload(request, pk):
    """A scanned receipt for a payout, onto the private storage; only finance (and admins) may add or open one."""
    payout = _payout(request, pk)
    if not can_see_payout_receipts(request.user):
        return forbidden(request, _("Only finance officers and admins may add payout receipts."))
    form = PayoutReceiptForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            stored = private_file_store(checked=form.cleaned_data["file"], folder="payout-receipts")
        except STORAGE_ERRORS:
            logger.exception("payout receipt: private storage unreachable")
            form.add_error("file", STORAGE_UNREACHABLE_MESSAGE)
        else:
            payout_receipt_add(payout=payout, stored_name=stored, uploaded_by=request.user)
            messages.success(request, _("Receipt added."))
            return redirect("beneficiaries_money:payout", pk=payout.pk)
    return _payout_page(request, payout, receipt_form=form, status=400)


@require_POST
@money_view(APPROVE_PAYOUT)
def payout_approve_view(request, pk):
    payout = _payout(request, pk)
    if payout.created_by_id == request.user.pk:
        return forbidden(request, _("A second finance officer must approve a payout you recorded yourself."))
    try:
        payout_approve(payout=payout, approved_by=request.user)
    except PayoutNotAllowed as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Payout approved and posted to the ledger."))
    return redirect("beneficiaries_money:payout", pk=payout.pk)


@money_view(APPROVE_PAYOUT)
def payout_reverse_view(request, pk):
    payout = _payout(request, pk)
    form = ReverseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            payout_reverse(payout=payout, reversed_by=request.user, reason=form.cleaned_data["reason"])
        except PayoutNotAllowed as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Payout reversed; the amount is back on the maker's balance."))
            return redirect("beneficiaries_money:payout", pk=payout.pk)
    return render(
        request, TEMPLATES + "payout_reverse.html", {"payout": payout, "form": form}, status=400 if form.errors else 200
    )


def _statement(request, pk):
    maker = _maker(request, pk)
    form = StatementForm(request.GET)
    if not form.is_valid():
        return maker, form, None
    data = form.cleaned_data
    start, end = statement_period(data["period"], data["year"], data.get("number") or 1)
    return maker, form, maker_statement(maker=maker, start=start, end=end)


@money_view()
def statement_html(request, pk):
    maker, form, statement = _statement(request, pk)
    if statement is None:
        return render(request, TEMPLATES + "statement_form.html", {"maker": maker, "form": form}, status=400)
    query = request.GET.urlencode()
    with translation.override(maker.language):
        return render(
            request,
            TEMPLATES + "statement.html",
            {
                "statement": statement,
                "maker": maker,
                "title": statement_title(statement),
                "summary": summary_rows(statement),
                "yearly": form.cleaned_data["period"] == "year",
                "chart": month_bars(statement.months),
                "chart_id": "statement",
                "query": query,
            },
        )


def _download_name(statement, extension: str) -> str:
    return f"statement-{statement.maker.slug}-{statement.start:%Y-%m}-{statement.last_day:%Y-%m}.{extension}"


def _statement_download(request, pk, *, render_body, content_type: str, extension: str, disposition: str):
    maker, _form, statement = _statement(request, pk)
    if statement is None:
        return HttpResponse(_("Choose a valid period."), status=400, content_type="text/plain; charset=utf-8")
    with translation.override(maker.language):
        body = render_body(statement)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{_download_name(statement, extension)}"'
    return response


@money_view()
def statement_csv_view(request, pk):
    return _statement_download(
        request,
        pk,
        render_body=statement_csv,
        content_type="text/csv; charset=utf-8",
        extension="csv",
        disposition="attachment",
    )


@money_view()
def statement_pdf_view(request, pk):
    return _statement_download(
        request, pk, render_body=statement_pdf, content_type="application/pdf", extension="pdf", disposition="inline"
    )


@money_view()
def centre_detail(request, pk):
    centre = get_object_or_404(Centre, pk=pk)
    if request.money_centres is not None and centre.pk not in request.money_centres:
        return forbidden(request, _("This centre is not yours."))
    start, end = last_months(12)
    return render(
        request,
        TEMPLATES + "centre.html",
        {
            "centre": centre,
            "chart": month_bars(centre_monthly_series(centre=centre, start=start, end=end)),
            "chart_id": f"centre-{centre.pk}",
        },
    )


@money_view(VIEW_LEDGER)
def prepared_statements_view(request):
    """Every maker's monthly statement PDFs, prepared by a background job; finance only (all centres)."""
    return render(
        request,
        TEMPLATES + "prepared_statements.html",
        {"months": prepared_statements(), "prepare_month": previous_month()},
    )


@require_POST
@money_view(VIEW_LEDGER)
def statements_prepare_view(request):
    from .tasks import monthly_statements_prepare_job

    form = PrepareStatementsForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            TEMPLATES + "prepared_statements.html",
            {"months": prepared_statements(), "prepare_month": previous_month(), "form": form},
            status=400,
        )
    year, month = form.cleaned_data["month"]
    label = date_format(date(year, month, 1), "F Y")
    try:
        monthly_statements_prepare_job.delay(year=year, month=month)
    except Exception:
        # The queue cannot be reached: say so plainly rather than answer with an error page.
        logger.exception("Could not queue the statements for %s-%s", year, month)
        messages.error(request, _("The statements could not be queued just now; please try again in a minute."))
    else:
        messages.success(
            request,
            _("The statements for %(month)s are being prepared; they are listed here when ready.") % {"month": label},
        )
    return redirect("beneficiaries_money:prepared_statements")


@money_view(VIEW_LEDGER)
def prepared_statement_download(request, month, name):
    try:
        handle = prepared_statement_open(month=month, name=name)
    except FileNotFoundError:
        raise Http404(_("No such prepared statement.")) from None
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")
