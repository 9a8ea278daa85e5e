"""The Content-Security-Policy header, plus the origins that depend on settings a test or a deployment sets.

django-csp builds the policy from CONTENT_SECURITY_POLICY; this adds, per response, the Stripe Checkout origin
(checkout POSTs and then 303-redirects to Stripe's page, and Chrome checks that redirect against form-action)
and the media host when photos are served from S3 or its custom domain.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def stripe_checkout_origin() -> str:
    """The fake Stripe serves its payment page from its own address; the real one from checkout.stripe.com."""
    return _origin(settings.STRIPE_API_BASE or "") or STRIPE_CHECKOUT_ORIGIN


def media_origins() -> list[str]:
    origins = []
    custom_domain = getattr(settings, "AWS_S3_CUSTOM_DOMAIN", None)
    if custom_domain:
        origins.append(f"https://{custom_domain}")
    if getattr(settings, "AWS_STORAGE_BUCKET_NAME", None):
        endpoint = getattr(settings, "AWS_S3_ENDPOINT_URL", None)
        if endpoint:
            origins.append(_origin(endpoint))
        else:
            # Path- and virtual-host-style URLs of the bucket on AWS itself.
            origins.append("https://*.amazonaws.com")
    media_url_origin = _origin(settings.MEDIA_URL)
    if media_url_origin:
        origins.append(media_url_origin)
    return [origin for origin in origins if origin]


class ShopCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        update = dict(parts.update or {})
        update["form-action"] = [*update.get("form-action", []), stripe_checkout_origin()]
        extra_images = media_origins()
        if extra_images:
            update["img-src"] = [*update.get("img-src", []), *extra_images]
        parts.update = update
        return parts
