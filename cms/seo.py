"""Site-wide files for search engines: the sitemap (Wagtail pages here, catalogue sections from shop) and
robots.txt. Absolute URLs come from `public_base_url` (the configured address, else the request's)."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.db.models import Q
from django.http import HttpResponse
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


def sitemap_view(request):
    base_url = public_base_url(request)
    return sitemap(request, sitemaps={name: section(base_url=base_url) for name, section in SITEMAPS.items()})


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
