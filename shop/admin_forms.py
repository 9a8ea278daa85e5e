"""Forms behind the Wagtail admin's product editor: the makers' shares must add up to exactly 100 %."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .pricing import validate_maker_shares


class ProductAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("maker_shares")
        # Per-row problems (a missing maker, a share of 0 or 250 %) are shown on the rows themselves;
        # the totals are checked only once every row is valid on its own.
        if formset is None or not formset.is_valid():
            return cleaned
        rows = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("maker")
        ]
        try:
            validate_maker_shares((row["maker"].pk, row.get("share_percent")) for row in rows)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
        return cleaned
