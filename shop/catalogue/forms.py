"""Parse the catalogue's query string. Anything a buyer (or a crawler) puts in the URL gives a normal page:
invalid values are dropped (and shown next to their field), the rest of the filters still apply."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from beneficiaries.admin_scoping import CentreScopedAdminForm
from beneficiaries.i18n import localized

from .selectors import Availability, CatalogueQuery, Sort

SEARCH_MAX_LENGTH = 200
MAX_PRICE = Decimal("99999999.99")


def _price_bound(label) -> forms.DecimalField:
    """One end of the price range filter; out-of-range or non-numeric input is a form error, never a 500."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal("0"),
        max_value=MAX_PRICE,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}),
    )


class TruncatedSearchField(forms.CharField):
    """A long pasted text is cut, not rejected: the buyer still gets results for its beginning."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value[:SEARCH_MAX_LENGTH].split())


class CatalogueFilterForm(forms.Form):
    q = TruncatedSearchField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": SEARCH_MAX_LENGTH, "autocomplete": "off"}),
    )
    craft = forms.ChoiceField(label=_("Craft"), required=False)
    centre = forms.ChoiceField(label=_("Centre"), required=False)
    # A search box, not a list: the shop has hundreds of makers, and a list of them all was 20 KB of every
    # catalogue page. A maker's name (or the slug older links carry) picks them; maker pages list their work.
    maker = forms.CharField(
        label=_("Maker's name"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 120, "autocomplete": "off"}),
    )
    min_price = _price_bound(_("Price from (AZN)"))
    max_price = _price_bound(_("Price to (AZN)"))
    availability = forms.ChoiceField(
        label=_("Availability"),
        required=False,
        choices=[
            ("", _("Any")),
            (Availability.IN_STOCK, _("In stock")),
            (Availability.MADE_TO_ORDER, _("Made to order")),
        ],
    )
    per_page = forms.TypedChoiceField(
        label=_("Items per page"), required=False, coerce=int, empty_value=None, choices=[(24, "24"), (48, "48")]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (Sort.RELEVANCE, _("Best match")),
            (Sort.NEWEST, _("Newest first")),
            (Sort.PRICE_ASC, _("Price: low to high")),
            (Sort.PRICE_DESC, _("Price: high to low")),
        ],
    )

    def __init__(self, data, *, options: dict[str, list]):
        # Echo the cut search text too, so the field shows what was actually searched for.
        if data is not None and len(data.get("q", "")) > SEARCH_MAX_LENGTH:
            data = data.copy()
            data["q"] = data["q"][:SEARCH_MAX_LENGTH]
        if data is not None and not data.get("sort"):
            # Show the order the results are really in (the default depends on whether there is a search).
            data = data.copy()
            data["sort"] = Sort.RELEVANCE if data.get("q", "").strip() else Sort.NEWEST
        super().__init__(data)
        # Choices come from lists fetched once, so validating a slug costs no extra query.
        self.fields["craft"].choices = [("", _("All crafts"))] + [
            (c.slug, localized(c, "name").text) for c in options["crafts"]
        ]
        self.fields["centre"].choices = [("", _("All centres"))] + [
            (c.slug, localized(c, "name").text) for c in options["centres"]
        ]
        self._maker_slugs = {m.slug: m.slug for m in options["makers"]}
        self._maker_slugs.update({m.public_display_name.casefold(): m.slug for m in options["makers"]})

    def clean_maker(self) -> str:
        value = " ".join(self.cleaned_data.get("maker", "").split())
        if not value:
            return ""
        slug = self._maker_slugs.get(value) or self._maker_slugs.get(value.casefold())
        if slug is None:
            raise ValidationError(_("No maker of that name has work in the shop."))
        return slug

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_price"), cleaned.get("max_price")
        if low is not None and high is not None and low > high:
            cleaned["min_price"], cleaned["max_price"] = high, low
        return cleaned

    def catalogue_query(self) -> CatalogueQuery:
        """The valid part of the request; call after `is_valid()` (its result does not matter)."""
        data = getattr(self, "cleaned_data", {})
        return CatalogueQuery(
            q=data.get("q") or "",
            craft=data.get("craft") or "",
            centre=data.get("centre") or "",
            maker=data.get("maker") or "",
            min_price=data.get("min_price"),
            max_price=data.get("max_price"),
            availability=data.get("availability") or "",
            # While searching, the best matches come first unless the buyer chose an order.
            sort=data.get("sort") or (Sort.RELEVANCE if data.get("q") else Sort.NEWEST),
        )

    @property
    def has_filters(self) -> bool:
        query = self.catalogue_query()
        return any(
            [query.q, query.craft, query.centre, query.maker, query.availability]
            + [query.min_price is not None, query.max_price is not None]
        )


class ProductAdminForm(CentreScopedAdminForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True  # the Azerbaijani text is the product's own
        if "slug" in self.fields:
            # Made from the title when left empty: an instructor on a phone should not have to invent a URL.
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Part of the product's web address; left empty, it is made from the title."
            )
        translations = self.formsets.get("translations")
        if translations is not None:
            for form in translations.forms:
                # Azerbaijani lives on the product itself; translations are the other shop languages.
                form.fields["locale"].queryset = form.fields["locale"].queryset.exclude(language_code="az")
                form.fields["title"].required = True

    def clean(self):
        from .services import product_photos_validate, product_shares_validate, product_slug_unique

        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = self.instance.slug or product_slug_unique(cleaned["title"])
        formset = self.formsets.get("maker_shares")
        # Per-row problems (a missing maker, a share of 0 or 250 %) are shown on the rows themselves;
        # the rules over all rows (centre, totals) are checked only once every row is valid on its own.
        if formset is None or not formset.is_valid():
            return cleaned
        rows = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("maker")
        ]
        photos = self.formsets.get("photos")
        # Validating the formset here gives its rows their cleaned data; its own errors show on the rows.
        shows_maker = (
            photos is not None
            and photos.is_valid()
            and any(
                form.cleaned_data.get("shows_maker") and not form.cleaned_data.get("DELETE")
                for form in photos.forms
                if form.cleaned_data
            )
        )
        try:
            product_shares_validate(
                centre=cleaned.get("centre"), shares=[(row["maker"], row.get("share_percent")) for row in rows]
            )
            product_photos_validate(makers=[row["maker"] for row in rows], photos_show_a_maker=shows_maker)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
        return cleaned
