"""Settings for the real worker that tests/jobs/test_real_worker.py starts: the test settings, but jobs are
consumed from Redis (REDIS_URL in its environment) and e-mails are written to the folder the test reads."""

import os

from config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["JOBS_TEST_MAIL_DIR"]
