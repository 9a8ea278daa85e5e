"""Site-wide files for search engines: the sitemap (Wagtail pages here, catalogue sections from shop) and
robots.txt. Absolute URLs come from `public_base_url` (the configured address, else the request's)."""

import math

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page, Site

from shop.catalogue.seo import (
    BaseUrlSitemap,
    CatalogueSitemap,
    MakerSitemap,
    ProductSitemap,
    absolute_url,
    public_base_url,
)


class PageSitemap(BaseUrlSitemap):
    """Live public Wagtail pages of the default site in every locale (each translation is its own tree)."""

    changefreq = "weekly"

    def items(self):
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            return Page.objects.none()
        roots = site.root_page.get_translations(inclusive=True)
        in_a_site = Q()
        for root in roots:
            in_a_site |= Q(path__startswith=root.path)
        return Page.objects.filter(in_a_site).live().public().order_by("path")

    def location(self, page):
        parts = page.get_url_parts()
        return parts[2] if parts else ""

    def lastmod(self, page):
        return page.last_published_at


SITEMAPS = {
    "pages": PageSitemap,
    "catalogue": CatalogueSitemap,
    "products": ProductSitemap,
    "makers": MakerSitemap,
}


def _sections(request) -> dict:
    base_url = public_base_url(request)
    return {name: section(base_url=base_url) for name, section in SITEMAPS.items()}


def _page_count(section) -> int:
    """How many pages the section has, counted in the database (Django's paginator would load every item)."""
    items = section.items()
    count = items.count() if isinstance(items, QuerySet) else len(items)
    entries = count * (len(section._languages()) if section.i18n else 1)
    return max(1, math.ceil(entries / section.limit))


def sitemap_index(request):
    """/sitemap.xml: the index of every section's pages (`/sitemap-products.xml?p=2`, ...). A page holds at most
    3,000 URLs (search engines take 10,000 a file), so every product is listed however large the shop grows.
    Written here rather than Django's `index` view, which takes the address from the request alone and pages
    through every item to count them."""
    base_url = public_base_url(request)
    entries = []
    for name, section in _sections(request).items():
        url = base_url + reverse("sitemap_section", kwargs={"section": name})
        last_mod = section.get_latest_lastmod()
        for page in range(1, _page_count(section) + 1):
            entries.append(SitemapIndexItem(url if page == 1 else f"{url}?p={page}", last_mod))
    response = TemplateResponse(request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_section(request, section: str):
    # Django answers 404 for an unknown section or a page past the end (or "?p=abc"), never 500.
    return sitemap_views.sitemap(request, sitemaps=_sections(request), section=section)


def robots_txt(request):
    shop_paths = []
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/shop/"
        shop_paths += [f"{prefix}cart/", f"{prefix}checkout/", f"{prefix}orders/"]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /stripe/",
        *[f"Disallow: {path}" for path in shop_paths],
        "Allow: /",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
