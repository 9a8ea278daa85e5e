"""Commission requests in the Wagtail admin: the centre's instructors and leads read what buyers asked for,
answer them (the answer is e-mailed in the centre's name) and close them. Another centre's request is not
found; people not limited to a centre see them all only with the model's view permission."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beneficiaries.admin_scoping import scope_queryset, user_centre_ids

from .commission_models import CommissionRequest, CommissionStatus
from .forms import CommissionAnswerForm
from .services.commissions import commission_request_answer, commission_request_status_set


def may_see_commissions(user) -> bool:
    centres = user_centre_ids(user)
    return bool(centres) or (centres is None and user.has_perm("shop.view_commissionrequest"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=CommissionStatus.choices, label=gettext_lazy("Status"))


def _visible(user):
    if not may_see_commissions(user):
        raise PermissionDenied
    return scope_queryset(CommissionRequest.objects.select_related("centre", "answered_by"), user)


def commission_list(request):
    requests = _visible(request.user)
    status = request.GET.get("status", "")
    if status in CommissionStatus.values:
        requests = requests.filter(status=status)
    return TemplateResponse(
        request,
        "shop/commissions/admin_list.html",
        {"requests": requests[:200], "statuses": CommissionStatus.choices, "current": status},
    )


def commission_detail(request, pk: int):
    commission = _visible(request.user).filter(pk=pk).first()
    if commission is None:
        raise Http404
    answer_form = CommissionAnswerForm(request.POST if "answer" in request.POST else None)
    status_form = StatusForm(request.POST if "status" in request.POST else None, initial={"status": commission.status})
    if request.method == "POST":
        if answer_form.is_bound and answer_form.is_valid():
            commission_request_answer(
                commission=commission, answer=answer_form.cleaned_data["answer"], user=request.user
            )
            if commission.email:
                messages.success(request, _("Answer saved and e-mailed to the buyer."))
            else:
                messages.success(request, _("Answer saved. The buyer left no e-mail: please phone them."))
            return redirect("shop_commission_detail", pk=commission.pk)
        if status_form.is_bound and status_form.is_valid():
            commission_request_status_set(
                commission=commission, status=status_form.cleaned_data["status"], user=request.user
            )
            messages.success(request, _("Status changed."))
            return redirect("shop_commission_detail", pk=commission.pk)
        messages.error(request, _("Please correct the form below."))
    return TemplateResponse(
        request,
        "shop/commissions/admin_detail.html",
        {"commission": commission, "answer_form": answer_form, "status_form": status_form},
    )
