from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import seo
from config.health import health
from shop.orders.views.webhooks import stripe_webhook

# Machine-facing and staff URLs stay unprefixed; everything a buyer reads lives under /<lang>/.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # Also answered by config.health.HealthCheckMiddleware before host checks; kept here so it can be reversed.
    path("health/", health, name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("shop/", include("shop.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
