from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
SESSION_ENGINE = "django.contrib.sessions.backends.db"
WAGTAILADMIN_BASE_URL = "http://testserver"
SHOP_BASE_URL = "http://testserver"
STRIPE_SECRET_KEY = "sk_test_fake"
STRIPE_WEBHOOK_SECRET = "whsec_test_fake"
STRIPE_TIMEOUT_SECONDS = 3.0
ALLOWED_HOSTS = ["*"]
# Jobs run inside the request that queues them (on commit), so tests see their e-mails at once; tests/jobs/
# starts a real worker against Redis for the real path. A failing job is recorded, not raised into the request.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = False
