"""Forms of the finance pages; they parse input and leave every rule to `ledger.services`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..private_files import private_file_check
from .models import Payout
from .selectors import PERIODS


class PayoutForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2, min_value=0.01)
    payee_kind = forms.ChoiceField(label=_("Paid to"), choices=Payout.PayeeKind.choices, widget=forms.RadioSelect)
    payee_name = forms.CharField(label=_("Payee's name"), max_length=120)
    method = forms.ChoiceField(label=_("Method"), choices=Payout.Method.choices, widget=forms.RadioSelect)
    reference = forms.CharField(
        label=_("Receipt number or bank reference"),
        max_length=120,
        help_text=_("The number on the cash receipt, or the bank transfer's reference."),
    )

    def __init__(self, *args, maker=None, **kwargs):
        super().__init__(*args, **kwargs)
        if maker is not None and not self.is_bound:
            self.initial.setdefault("payee_name", maker.public_display_name)
            self.initial.setdefault("payee_kind", Payout.PayeeKind.MAKER)


class ReverseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the reversal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Kept in the payout's audit trail and on the maker's statement."),
    )


PERIOD_LABELS = {"month": _("Month"), "quarter": _("Quarter"), "year": _("Year")}


class StatementForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=[(p, PERIOD_LABELS[p]) for p in PERIODS])
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Month or quarter number"),
        min_value=1,
        max_value=12,
        required=False,
        help_text=_("1–12 for a month, 1–4 for a quarter; leave empty for a whole year."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["number"].initial = today.month
        self.fields["period"].initial = "month"

    def clean(self):
        cleaned = super().clean()
        period, number = cleaned.get("period"), cleaned.get("number")
        if period in ("month", "quarter") and not number:
            self.add_error("number", _("Give the month (1–12) or quarter (1–4)."))
        if period == "quarter" and number and number > 4:
            self.add_error("number", _("A quarter is 1–4."))
        return cleaned


class AdjustmentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Positive to credit the maker, negative (e.g. -12.50) to debit them."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Kept with the entry and shown on the maker's statement, e.g. a refund made in Stripe."),
    )


class PrepareStatementsForm(forms.Form):
    """The month whose statements finance asks for, as "YYYY-MM"; a month that has not begun is refused."""

    month = forms.RegexField(regex=r"^\d{4}-(0[1-9]|1[0-2])$", error_messages={"invalid": _("Choose a month.")})

    def clean_month(self):
        year, month = map(int, self.cleaned_data["month"].split("-"))
        today = timezone.localdate()
        if year < 2000 or (year, month) > (today.year, today.month):
            raise forms.ValidationError(_("Statements can only be prepared for a month that has begun."))
        return year, month


class PayoutReceiptForm(forms.Form):
    file = forms.FileField(
        label=_("Scan of the receipt"),
        help_text=_("The signed cash receipt or the bank's confirmation: PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def clean_file(self):
        return private_file_check(self.cleaned_data["file"])
