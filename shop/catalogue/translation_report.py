"""The admin's "Missing translations" page: per language, what still shows buyers the Azerbaijani text.

Instructors and centre leads see their own centre's products, photos, makers and centre; editors and admins see
everything, crafts and pages included. Each row links to the place where the text is written.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from beneficiaries.admin_scoping import scope_queryset, user_centre_ids
from beneficiaries.i18n import OTHER_LANGUAGES
from beneficiaries.models import Centre, Maker

from .models import Craft, Product, ProductPhoto
from .selectors import product_missing_texts
from .translation_panels import LANGUAGE_NAMES

# A long list helps nobody; the count says how many more there are.
ROWS_PER_KIND = 50


@dataclass
class Missing:
    kind: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, edit url)
    total: int = 0


def may_see_missing_translations(user) -> bool:
    centres = user_centre_ids(user)
    return bool(centres) or (centres is None and user.has_perm("wagtailadmin.access_admin"))


def _snippet_url(model, pk) -> str:
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit", args=[pk])


def _missing_column(queryset, fields: tuple[str, ...], language: str):
    """Rows where a base field has text and its `<field>_<language>` column is blank."""
    condition = Q()
    for name in fields:
        condition |= ~Q(**{name: ""}) & Q(**{f"{name}_{language}": ""})
    return queryset.filter(condition)


def _listed(kind, queryset, label, url) -> Missing:
    rows = list(queryset[:ROWS_PER_KIND])
    return Missing(kind, [(label(row), url(row)) for row in rows], queryset.count())


def missing_translations(user) -> dict[str, list[Missing]]:
    """{"ru": [Missing(products), Missing(photos), ...], "en": [...]} for what `user` may edit."""
    scoped = user_centre_ids(user) is not None
    products = scope_queryset(Product.objects.all(), user).prefetch_related("translations__locale").order_by("title")
    report = {}
    for language in OTHER_LANGUAGES:
        product_rows = [product for product in products if language in product_missing_texts(product)]
        kinds = [
            Missing(
                str(_("Products")),
                [(product.title, _snippet_url(Product, product.pk)) for product in product_rows[:ROWS_PER_KIND]],
                len(product_rows),
            ),
            _listed(
                str(_("Photo alt texts")),
                _missing_column(
                    scope_queryset(ProductPhoto.objects.all(), user, "product__centre"), ("alt_text",), language
                ).select_related("product"),
                lambda photo: photo.product.title,
                lambda photo: _snippet_url(Product, photo.product_id),
            ),
            _listed(
                str(_("Maker bios")),
                _missing_column(scope_queryset(Maker.objects.all(), user), ("public_bio",), language),
                str,
                lambda maker: _snippet_url(Maker, maker.pk),
            ),
            _listed(
                str(_("Centres")),
                _missing_column(scope_queryset(Centre.objects.all(), user), ("name", "city"), language),
                str,
                lambda centre: _snippet_url(Centre, centre.pk),
            ),
        ]
        if not scoped:
            kinds.append(
                _listed(
                    str(_("Crafts")),
                    _missing_column(Craft.objects.all(), ("name",), language),
                    str,
                    lambda craft: _snippet_url(Craft, craft.pk),
                )
            )
            kinds.append(_pages_missing(language))
        report[language] = [kind for kind in kinds if kind.total]
    return report


def _pages_missing(language: str) -> Missing:
    """Pages of the default locale with no page of the same translation key in `language`."""
    base = Locale.get_default()
    target = Locale.objects.filter(language_code=language).first()
    pages = Page.objects.filter(locale=base, depth__gt=1).order_by("path")
    if target is not None:
        translated = Page.objects.filter(locale=target).values("translation_key")
        pages = pages.exclude(translation_key__in=translated)
    return _listed(
        str(_("Pages")), pages, lambda page: page.title, lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


def missing_translations_view(request):
    if not may_see_missing_translations(request.user):
        raise PermissionDenied
    report = missing_translations(request.user)
    sections = [(code, LANGUAGE_NAMES[code], report[code]) for code in OTHER_LANGUAGES]
    return render(request, "shop/catalogue/missing_translations.html", {"sections": sections})
