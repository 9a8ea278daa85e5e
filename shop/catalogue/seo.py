"""What search engines read about the catalogue: sitemaps of products, makers and the catalogue in every
language, and schema.org Product data. The site-wide sitemap index and robots.txt are cms's (`cms/seo.py`).
Absolute URLs come from `public_base_url`: the configured address, else the request's, else Wagtail's default
Site; never a built-in localhost address."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from beneficiaries.i18n import localized

from .renditions import PRODUCT_JSONLD_SPEC
from .selectors import product_text, public_makers, public_products

# Inside <script type="application/ld+json"> the browser ends the element at the first "</script", whatever
# JSON says, so the characters that could form a tag or an entity are escaped as JSON unicode escapes.
_JSONLD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def public_base_url(request=None) -> str:
    """The shop's public address, without a trailing slash.

    SHOP_BASE_URL wins when set: production sets it, and e-mails sent from a background job have no request.
    Otherwise the request's own address (Django checks its Host against ALLOWED_HOSTS, so a forged Host is
    refused before it gets here), and without a request the default Wagtail Site as editors entered it.
    """
    configured = (settings.SHOP_BASE_URL or "").rstrip("/")
    if configured:
        return configured
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def absolute_url(url: str, request=None) -> str:
    """A site-relative URL made absolute with the shop's public address."""
    return url if "://" in url else public_base_url(request) + url


def product_availability(product) -> str:
    if product.stock > 0:
        return "https://schema.org/InStock"
    if product.made_to_order:
        return "https://schema.org/PreOrder"
    return "https://schema.org/OutOfStock"


def product_jsonld(product, *, photos, request=None) -> str:
    """schema.org Product as safe-to-embed JSON for the active language."""
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product_text(product, "title"),
        "description": product_text(product, "description"),
        "sku": f"P{product.pk:06d}",
        "image": [absolute_url(photo.image.get_rendition(PRODUCT_JSONLD_SPEC).url, request) for photo in photos],
        "material": product_text(product, "materials") or None,
        "category": localized(product.craft, "name").text,
        "offers": {
            "@type": "Offer",
            "price": f"{product.price:.2f}",
            "priceCurrency": product.currency,
            "availability": product_availability(product),
            "url": absolute_url(product.get_absolute_url(), request),
        },
    }
    data = {key: value for key, value in data.items() if value not in (None, [], "")}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSONLD_ESCAPES))  # noqa: S308 (escaped above)


class BaseUrlSitemap(Sitemap):
    """Absolute URLs from `public_base_url`, given by the view that has the request (`base_url`), rather than
    Django's Sites framework, which this project does not use."""

    # <url> entries a page (Django counts (item, language) pairs): well under the 10,000 a search engine takes
    # from one file, and quick to render on demand (1,000 products in 3 languages).
    limit = 3000

    def __init__(self, base_url: str | None = None):
        super().__init__()
        self.base_url = base_url if base_url is not None else public_base_url()

    def get_protocol(self, protocol=None):
        return urlsplit(self.base_url).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(self.base_url).netloc


class _EveryLanguageSitemap(BaseUrlSitemap):
    """Django-view URLs: one entry per language, each listing the others as hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class _SlugPagesSitemap(_EveryLanguageSitemap):
    """Pages addressed by a slug under one URL name. A page of the sitemap names each item 5 times (its URL and
    the alternates), 15,000 URLs a page; reversing each one under its language was most of the page's time, so
    the language's prefix is reversed once and the slug appended."""

    url_name = ""

    def _prefix(self, language: str) -> str:
        prefixes = self.__dict__.setdefault("_prefixes", {})
        if language not in prefixes:
            with translation.override(language):
                prefixes[language] = reverse(self.url_name, kwargs={"slug": "-"}).removesuffix("-/")
        return prefixes[language]

    def _location(self, item, force_lang_code=None):
        obj, language = item
        return f"{self._prefix(force_lang_code or language)}{obj.slug}/"

    def location(self, obj):
        return reverse(self.url_name, kwargs={"slug": obj.slug})


class ProductSitemap(_SlugPagesSitemap):
    changefreq = "weekly"
    url_name = "shop:product_detail"

    def items(self):
        return public_products().order_by("pk").only("slug", "updated_at")

    def lastmod(self, product):
        return product.updated_at

    def get_latest_lastmod(self):
        # The index asks every section; Django's default would load and compare every product.
        return public_products().aggregate(latest=Max("updated_at"))["latest"]


class MakerSitemap(_SlugPagesSitemap):
    changefreq = "weekly"
    url_name = "shop:maker_detail"

    def items(self):
        return public_makers().select_related(None).order_by("pk").only("slug")


class CatalogueSitemap(_EveryLanguageSitemap):
    changefreq = "daily"

    def items(self):
        return ["shop:catalogue"]

    def location(self, name):
        return reverse(name)
