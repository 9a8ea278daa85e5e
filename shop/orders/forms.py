"""Cart quantities and the buyer's checkout details. Forms only parse; the services decide."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .commission_models import COMMISSION_MESSAGE_MAX_LENGTH
from .models import GIFT_MESSAGE_MAX_LENGTH, DeliveryMethod
from .services.orders import BuyerDetails

PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{6,20}$")


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=0,
        max_value=999,
        error_messages={"invalid": _("Enter a whole number."), "required": _("Enter a quantity.")},
    )


class CheckoutForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send the order confirmation here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(label=_("Full name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        help_text=_("For questions about delivery or pickup, e.g. +994 50 123 45 67."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    delivery_method = forms.ChoiceField(
        label=_("Delivery"), choices=DeliveryMethod.choices, widget=forms.RadioSelect, initial=DeliveryMethod.PICKUP
    )
    address_line = forms.CharField(
        label=_("Street address"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    city = forms.CharField(
        label=_("City"), max_length=80, required=False, widget=forms.TextInput(attrs={"autocomplete": "address-level2"})
    )
    postal_code = forms.CharField(
        label=_("Postal code (optional)"),
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    delivery_notes = forms.CharField(label=_("Notes for the courier (optional)"), max_length=255, required=False)
    is_gift = forms.BooleanField(label=_("This is a gift"), required=False)
    gift_message = forms.CharField(
        label=_("Gift message (optional)"),
        max_length=GIFT_MESSAGE_MAX_LENGTH,
        required=False,
        strip=True,
        help_text=_("Plain text, up to %(count)s characters. The centre puts it in the parcel.")
        % {"count": GIFT_MESSAGE_MAX_LENGTH},
        error_messages={
            "max_length": _("Please shorten the gift message to %(limit_value)s characters (it has %(show_value)s).")
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    gift_hide_prices = forms.BooleanField(label=_("Hide prices on the packing slip"), required=False)

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if not PHONE_RE.match(phone):
            raise forms.ValidationError(_("Enter a phone number with digits only, e.g. +994 50 123 45 67."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delivery_method") == DeliveryMethod.COURIER:
            if not cleaned.get("address_line"):
                self.add_error("address_line", _("Enter the street address for the courier."))
            if not cleaned.get("city"):
                self.add_error("city", _("Enter the city for the courier."))
        else:
            for field in ("address_line", "city", "postal_code", "delivery_notes"):
                cleaned[field] = ""
        if not cleaned.get("is_gift"):
            # Left over from a box ticked and then unticked: not a gift, so nothing to print or hide.
            cleaned["gift_message"], cleaned["gift_hide_prices"] = "", False
        return cleaned

    def buyer(self) -> BuyerDetails:
        data = self.cleaned_data
        return BuyerDetails(
            email=data["email"].strip(),
            name=data["name"].strip(),
            phone=data["phone"],
            delivery_method=data["delivery_method"],
            address_line=data["address_line"].strip(),
            city=data["city"].strip(),
            postal_code=data["postal_code"].strip(),
            delivery_notes=data["delivery_notes"].strip(),
            is_gift=data["is_gift"],
            gift_message=data["gift_message"],
            gift_hide_prices=data["gift_hide_prices"],
        )


class CommissionRequestForm(forms.Form):
    """A buyer's request for a custom piece. `website` is the honeypot: hidden from people (and from screen
    readers), so only a bot fills it; `shown_at` is the signed time the form was shown."""

    message = forms.CharField(
        label=_("What would you like made?"),
        max_length=COMMISSION_MESSAGE_MAX_LENGTH,
        help_text=_("Size, colours, the occasion, when you need it. Up to %(count)s characters.")
        % {"count": COMMISSION_MESSAGE_MAX_LENGTH},
        error_messages={"required": _("Please tell the centre what you would like made.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        help_text=_("Leave an e-mail, a phone number or both, so the centre can answer."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(_("Enter a phone number with digits only, e.g. +994 50 123 45 67."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if "email" in cleaned and "phone" in cleaned and not (cleaned["email"] or cleaned["phone"]):
            self.add_error("email", _("Leave an e-mail or a phone number so the centre can answer you."))
        return cleaned


class CommissionAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer to the buyer"),
        max_length=COMMISSION_MESSAGE_MAX_LENGTH,
        help_text=_("Sent by e-mail in the centre's name. Do not include a maker's private contact details."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
