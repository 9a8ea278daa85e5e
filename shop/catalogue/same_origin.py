"""Cross-site request protection without a CSRF cookie, for the two buttons on cached public pages.

The add-to-cart and favourite buttons sit on pages that the page cache (`config.page_cache`) and a CDN share
between every anonymous visitor, so the page cannot carry a per-visitor CSRF token, and setting the CSRF cookie
would make it uncacheable. These two POSTs are exempt from the token and checked the way Django's own CSRF
middleware checks origins instead: the browser's `Origin` header (or, when a browser sends none, the `Referer`)
must name this site. A cross-site form post carries the other site's origin and is refused with Django's CSRF
failure page (403). The session cookie is SameSite=Lax on top, so a cross-site POST never carries the buyer's
session anyway. Every other form (checkout, cart changes, the admin) keeps Django's token check.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.middleware.csrf import REASON_BAD_ORIGIN, REASON_NO_REFERER
from django.urls import get_callable
from django.views.decorators.csrf import csrf_exempt


def _allowed_origins(request) -> set[str]:
    try:
        host = request.get_host()
    except DisallowedHost:
        return set(settings.CSRF_TRUSTED_ORIGINS)
    own = f"{'https' if request.is_secure() else 'http'}://{host}"
    return {own, *settings.CSRF_TRUSTED_ORIGINS}


def request_is_same_origin(request) -> tuple[bool, str]:
    """(True, "") when the request comes from one of this site's own pages; else (False, the reason)."""
    allowed = _allowed_origins(request)
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return (origin in allowed, "" if origin in allowed else REASON_BAD_ORIGIN % origin)
    referer = request.META.get("HTTP_REFERER")
    if not referer:
        return False, REASON_NO_REFERER
    try:
        parts = urlsplit(referer)
    except ValueError:
        return False, REASON_NO_REFERER
    referer_origin = f"{parts.scheme}://{parts.netloc}"
    return (referer_origin in allowed, "" if referer_origin in allowed else REASON_BAD_ORIGIN % referer_origin)


def same_origin_required(view):
    """Exempt `view` from the CSRF token and refuse, with the CSRF failure page (403), a POST from another site."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        # Django's test client marks requests this way to skip CSRF checks; its CSRF middleware honours it too.
        if request.method == "POST" and not getattr(request, "_dont_enforce_csrf_checks", False):
            ok, reason = request_is_same_origin(request)
            if not ok:
                return get_callable(settings.CSRF_FAILURE_VIEW)(request, reason=reason)
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
