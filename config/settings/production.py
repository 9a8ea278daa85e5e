"""Production: every secret and address comes from the environment, and a missing one stops the start-up with
a message naming it. HTTPS only (behind a load balancer that terminates TLS and sets X-Forwarded-Proto)."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env, env_bool, env_list, logging_config

DEBUG = False

REQUIRED = {
    "DJANGO_SECRET_KEY": "a long random string that signs sessions and tokens",
    "DATABASE_URL": "the PostgreSQL database, e.g. postgres://user:password@host:5432/shop",
    "DJANGO_ALLOWED_HOSTS": "comma-separated host names the shop answers to, e.g. shop.example.az",
    "SHOP_BASE_URL": "the public https address used in e-mail links and by the admin, e.g. https://shop.example.az",
    "REDIS_URL": "the Redis shared by every process for cache and sessions, e.g. redis://host:6379/0",
    "STRIPE_SECRET_KEY": "the Stripe API key (sk_live_... or sk_test_...)",
    "STRIPE_WEBHOOK_SECRET": "the signing secret of the Stripe webhook endpoint (whsec_...)",
}
_missing = [name for name in REQUIRED if not (env(name) or "").strip()]
if _missing:
    raise ImproperlyConfigured("\n".join(f"{name} must be set in production: {REQUIRED[name]}." for name in _missing))

# Only for the local two-process scale test, which runs these settings over plain HTTP on loopback:
# DJANGO_SECURE_SSL_REDIRECT=0 turns off the HTTPS redirect and the Secure flag on cookies. Never in production.
HTTPS = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)

SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
SHOP_BASE_URL = env("SHOP_BASE_URL").rstrip("/")
if HTTPS and urlsplit(SHOP_BASE_URL).scheme != "https":
    raise ImproperlyConfigured(f"SHOP_BASE_URL must start with https:// in production (got {SHOP_BASE_URL!r}).")
WAGTAILADMIN_BASE_URL = SHOP_BASE_URL
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS") or [SHOP_BASE_URL]
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")

# Persistent connections: a new PostgreSQL connection per request costs more than most of our queries.
DATABASES["default"]["CONN_MAX_AGE"] = int(env("DJANGO_CONN_MAX_AGE", "60"))

# The page cache is on unless DJANGO_PAGE_CACHE=0 (e.g. to compare with it off, as `make bench` does).
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# The load balancer probes each process over plain HTTP (config.health also answers before this redirect).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Only makes the domain eligible; it enters browsers' preload lists after a manual submission at hstspreload.org.
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
# Wagtail's and Django's admin read the CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True

LOGGING = logging_config(log_format=env("DJANGO_LOG_FORMAT", "json"), level=env("DJANGO_LOG_LEVEL", "INFO"))
