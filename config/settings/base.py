"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

import os
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
            ],
        },
    },
]

# SQLite by default so `make demo` runs anywhere; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (shared by every gunicorn process); local memory otherwise.
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}
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

# S3 (or moto's server in tests) switches on when a bucket is named; the local folder otherwise.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", "eu-central-1")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    default_storage = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Private files (scanned consent forms, payout receipts, photos awaiting consent) never get a public URL:
# a separate bucket (or prefix) on S3, a folder outside MEDIA_ROOT locally; served only through short-lived
# signed links to staff allowed to see them.
if AWS_STORAGE_BUCKET_NAME:
    private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_PRIVATE_BUCKET_NAME", AWS_STORAGE_BUCKET_NAME),
            "location": env("AWS_PRIVATE_LOCATION", "private"),
            "querystring_auth": True,
            "querystring_expire": int(env("PRIVATE_LINK_SECONDS", "300")),
            "default_acl": "private",
            "custom_domain": None,
        },
    }
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
PRIVATE_LINK_SECONDS = int(env("PRIVATE_LINK_SECONDS", "300"))

WAGTAIL_SITE_NAME = "Əl işləri — inclusive crafts shop"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "avif": "avif"}
# Photos from phones: JPEG, PNG or WebP (by content, see beneficiaries.photos), at most 15 MB and 40 megapixels.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "beneficiaries.image_forms.SafeImageForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The file backend (DJANGO_EMAIL_BACKEND=...filebased.EmailBackend) writes here: used by `make scale-check`.
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "shop@crafts.example.az")

SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Shop ---
SHOP_CURRENCY = "AZN"
SHOP_CATALOGUE_PAGE_SIZE = 24
SHOP_BASE_URL = env("SHOP_BASE_URL", "http://127.0.0.1:8000")

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
}

# Ledger
# A payout above this amount waits for a second finance officer's approval.
LEDGER_PAYOUT_APPROVAL_THRESHOLD = Decimal(env("LEDGER_PAYOUT_APPROVAL_THRESHOLD", "500.00"))
# A TrueType font with the Azerbaijani letters (ə ş ğ ı ç ö ü) for statement PDFs (Debian's fonts-dejavu-core).
LEDGER_PDF_FONT = env("LEDGER_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
