"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotoConfig
from django.core.exceptions import ImproperlyConfigured

from config.logs import logging_config, sentry_init

from .environment import BASE_DIR, env, env_bool, env_list

SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates and translations win over the defaults.
    "cms",
    "shop",
    "beneficiaries",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "storages",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    # First: a load balancer probes by IP address over HTTP, which host validation and the HTTPS redirect refuse.
    "config.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.csp.ShopCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page loads no session, user or messages (see config.page_cache).
    "config.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shop.orders.context_processors.cart_summary",
                "shop.catalogue.context_processors.favourites_summary",
            ],
        },
    },
]

# Widgets render through TEMPLATES like every other template, so templates/wagtailadmin/widgets/ can replace
# Wagtail's inline <script> with a data block (see static/js/admin-init.js and the Content-Security-Policy).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite by default so `make demo` runs anywhere; DATABASE_URL selects PostgreSQL. Health checks make a
# persistent connection that the database dropped reconnect instead of failing the next request.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that stopped answering fails a request (and the health check) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(env("DJANGO_DB_CONNECT_TIMEOUT", "5"))
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The checkout's success redirect races its webhook: WAL lets readers run beside the writer, IMMEDIATE
    # takes the write lock when a transaction starts (a deferred one cannot wait for it and fails with
    # "database is locked"), and the timeout is how long a writer queues for the lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": int(env("DJANGO_SQLITE_TIMEOUT_SECONDS", "20")),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set: every gunicorn process shares the cache, the cached sessions (written through
# to the database, so a Redis restart logs nobody out) and Wagtail's renditions cache. Local memory otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # A dead Redis must fail a request within seconds, not hang it (and the health check names it).
    _redis_options = {"socket_connect_timeout": 2, "socket_timeout": 2}
    _redis_cache = "django.core.cache.backends.redis.RedisCache"
    # A prefix lets two deployments (or test runs) share one Redis without reading each other's keys.
    _prefix = env("DJANGO_CACHE_KEY_PREFIX", "")
    CACHES = {
        "default": {"BACKEND": _redis_cache, "LOCATION": REDIS_URL, "KEY_PREFIX": _prefix, "OPTIONS": _redis_options},
        "renditions": {
            "BACKEND": _redis_cache,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{_prefix}renditions",
            "TIMEOUT": 60 * 60 * 24 * 7,
            "OPTIONS": _redis_options,
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Azerbaijani first (the default), then Russian and English. ---
LANGUAGE_CODE = "az"
LANGUAGES = [("az", "Azərbaycanca"), ("ru", "Русский"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Baku"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))

# S3 (or moto's server in tests) switches on when a bucket is named; the local folder otherwise. Public media
# (product photos, renditions, story images) go there; static files stay with whitenoise. The AWS_* settings
# below are read only by the S3 backend, so they are harmless without a bucket.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")  # unset for AWS itself; any S3-compatible service otherwise
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", "eu-central-1")
# Unset: boto3's own chain (AWS_ACCESS_KEY_ID, an instance role, ...) finds the credentials.
AWS_S3_ACCESS_KEY_ID = env("AWS_S3_ACCESS_KEY_ID")
AWS_S3_SECRET_ACCESS_KEY = env("AWS_S3_SECRET_ACCESS_KEY")
# A CDN or the bucket's website host, e.g. media.example.az; public media URLs then point there.
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
# Objects get no ACL: the public bucket's policy makes media readable, the private prefix stays private.
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
AWS_S3_FILE_OVERWRITE = False
# Every stored name is new (random or hashed), so browsers and CDNs may keep public media for a year.
AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}
# An unreachable S3 must fail an upload within seconds (a clear form error), not hang a worker.
AWS_S3_CLIENT_CONFIG = BotoConfig(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})
if AWS_STORAGE_BUCKET_NAME:
    default_storage = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Private files (scanned consent forms, payout receipts, photos awaiting consent) never get a public URL:
# a separate bucket (or prefix) on S3, a folder outside MEDIA_ROOT locally; served only through short-lived
# signed links to staff allowed to see them (beneficiaries.private_files).
PRIVATE_LINK_SECONDS = int(env("PRIVATE_LINK_SECONDS", "300"))


def s3_private_storage(bucket_name: str) -> dict:
    """The private storage on S3 (a function so the tests build exactly this against moto)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket_name,
            "location": env("AWS_PRIVATE_LOCATION", "private"),
            "querystring_auth": True,
            "querystring_expire": PRIVATE_LINK_SECONDS,
            "default_acl": "private",
            "custom_domain": None,
            # Never the public media's long-lived cache header: a browser must not keep a consent scan.
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }


if AWS_STORAGE_BUCKET_NAME:
    private_storage = s3_private_storage(env("AWS_PRIVATE_BUCKET_NAME", AWS_STORAGE_BUCKET_NAME))
else:
    private_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("DJANGO_PRIVATE_ROOT", str(BASE_DIR / "var" / "private")), "base_url": None},
    }
STORAGES = {
    "default": default_storage,
    "private": private_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Əl işləri — inclusive crafts shop"
# Admin e-mails' links. Empty means unknown: public links then come from the request or the default Wagtail
# Site (shop.catalogue.seo.public_base_url), never from a localhost address baked in here.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", env("SHOP_BASE_URL", ""))
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "avif": "avif"}
# Photos from phones: JPEG, PNG or WebP (by content, see beneficiaries.photos), at most 15 MB and 40 megapixels.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "beneficiaries.image_forms.SafeImageForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar in the admin: it would send a hash of every staff e-mail to a third party (and need a CSP exception).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The file backend (DJANGO_EMAIL_BACKEND=...filebased.EmailBackend) writes here: used by `make scale-check`.
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "shop@crafts.example.az")
# A hung SMTP server must not hold a worker forever: the e-mail job fails, and is retried with back-off.
EMAIL_TIMEOUT = int(env("DJANGO_EMAIL_TIMEOUT", "30"))

SESSION_COOKIE_HTTPONLY = True
# Lax (Django's default, stated because the add-to-cart and favourite buttons rely on it with their origin check):
# a cross-site POST never carries the buyer's session.
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "default"

# --- Page cache (config.page_cache): anonymous visitors' public pages from the shared cache ---
# Off by default (a developer sees each template change at once); production turns it on.
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", False)
# How long our own copy lives. Every change that shows on a page forgets it at once; the timeout only bounds
# what changes with the clock alone: the "reserved, check back in N minutes" notice.
PAGE_CACHE_SECONDS = int(env("DJANGO_PAGE_CACHE_SECONDS", "120"))
# How long a CDN may keep a page (s-maxage); no purge reaches it, so a change shows there after this long.
PAGE_CACHE_SHARED_SECONDS = int(env("DJANGO_PAGE_CACHE_SHARED_SECONDS", "60"))

# --- Shop ---
SHOP_CURRENCY = "AZN"
SHOP_CATALOGUE_PAGE_SIZE = 24
SHOP_BASE_URL = env("SHOP_BASE_URL", "")

# Stripe: a real sk_test_ key works unchanged; STRIPE_API_BASE points the SDK at the fake server.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = env("STRIPE_API_BASE", "")
STRIPE_TIMEOUT_SECONDS = float(env("STRIPE_TIMEOUT_SECONDS", "10"))
# The SDK retries connection errors and 5xx with the same idempotency key, so a retry never pays twice.
STRIPE_MAX_NETWORK_RETRIES = int(env("STRIPE_MAX_NETWORK_RETRIES", "2"))


# How long a Checkout Session (and the stock it holds) stays open. Stripe accepts expires_at from 30 minutes
# to 24 hours after creation; the lower bound here is 31 because the expiry is computed before the request
# reaches Stripe, so one spare minute absorbs network time and clock skew.
def _checkout_hold_minutes(raw: str) -> int:
    low, high = 31, 24 * 60
    problem = (
        f"SHOP_CHECKOUT_SESSION_MINUTES must be a whole number of minutes from {low} to {high} "
        f"(Stripe allows a Checkout Session 30 minutes to 24 hours); got {raw!r}."
    )
    try:
        minutes = int(raw)
    except ValueError:
        raise ImproperlyConfigured(problem) from None
    if not low <= minutes <= high:
        raise ImproperlyConfigured(problem)
    return minutes


SHOP_CHECKOUT_SESSION_MINUTES = _checkout_hold_minutes(env("SHOP_CHECKOUT_SESSION_MINUTES", "31"))
SHOP_MADE_TO_ORDER_MAX_QUANTITY = 10

# One JSON object per line (DJANGO_LOG_FORMAT=json, the production default) for the log collector; plain text
# for a developer's terminal. Errors also go to Sentry when SENTRY_DSN is set.
LOGGING = logging_config(log_format=env("DJANGO_LOG_FORMAT", "text"), level=env("DJANGO_LOG_LEVEL", "WARNING"))
SENTRY_DSN = env("SENTRY_DSN", "")
if SENTRY_DSN:
    sentry_init(dsn=SENTRY_DSN, environment=env("SENTRY_ENVIRONMENT", "production"))

# Ledger
# A payout above this amount waits for a second finance officer's approval.
LEDGER_PAYOUT_APPROVAL_THRESHOLD = Decimal(env("LEDGER_PAYOUT_APPROVAL_THRESHOLD", "500.00"))
# A TrueType font with the Azerbaijani letters (ə ş ğ ı ç ö ü) for statement PDFs (Debian's fonts-dejavu-core).
LEDGER_PDF_FONT = env("LEDGER_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# --- Background jobs: the Celery settings are in jobs.py ---
from .jobs import *  # noqa: E402, F403

CELERY_TIMEZONE = TIME_ZONE

# --- Security: Content-Security-Policy and admin login throttling ---
# No 'unsafe-inline' for scripts: every script is a static file (JSON-LD blocks are data, not scripts). Wagtail's
# admin still writes inline styles, so styles keep 'unsafe-inline'. config.csp adds the Stripe Checkout origin
# to form-action (Chrome checks the 303 to Stripe's page against it) and the media host to img-src.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}

# django-axes: five wrong passwords for one user, or from one address, lock both admin logins for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# The lockout page promises a time; a retry during the cool-off must not quietly restart it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Behind N proxies (AXES_PROXY_COUNT) the client's address comes from X-Forwarded-For; without proxies that
# header is the client's own invention, so only the socket's address counts.
AXES_IPWARE_PROXY_COUNT = int(env("AXES_PROXY_COUNT", "0")) or None
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
