"""Background job settings (Celery; `celery -A config worker -B`), read by config.settings.base."""

from pathlib import Path

from celery.schedules import crontab

from .environment import BASE_DIR, env

# --- Background jobs (Celery; `celery -A config worker -B`) ---
# Redis is the broker when REDIS_URL is set (production, several workers). The embedded default uses kombu's
# filesystem transport under var/celery/, so `make demo` runs a real worker beside runserver with nothing
# else installed (one machine only: the folder is the queue).
CELERY_DATA_DIR = Path(env("CELERY_DATA_DIR", str(BASE_DIR / "var" / "celery")))
if env("REDIS_URL"):
    CELERY_BROKER_URL = env("CELERY_BROKER_URL", env("REDIS_URL"))
else:
    CELERY_BROKER_URL = "filesystem://localhost//"  # the host is ignored; naming one keeps kombu from warning
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # One folder both ways: every process on this machine sends to and reads from the same queue.
        "data_folder_in": str(CELERY_DATA_DIR / "queue"),
        "data_folder_out": str(CELERY_DATA_DIR / "queue"),
        "control_folder": str(CELERY_DATA_DIR / "control"),
        "store_processed": False,
    }
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A job is acknowledged only when it has finished, so a worker that dies mid-job leaves it for another worker;
# every job is therefore safe to run twice (e-mails are claimed once per order and kind, the rest is idempotent).
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Nobody reads return values; a job that fails for good is recorded in the database (shop.jobs) for staff.
CELERY_TASK_IGNORE_RESULT = True
CELERY_BEAT_SCHEDULE_FILENAME = str(CELERY_DATA_DIR / "beat-schedule")
# The cron lines of the README, as a beat schedule (the management commands stay for cron).
CELERY_BEAT_SCHEDULE = {
    "reconcile-stripe": {
        "task": "shop.orders.tasks.stripe_reconcile_job",
        "schedule": crontab(minute="*/30"),
        "kwargs": {"days": 3},
    },
    "release-stale-reservations": {
        "task": "shop.orders.tasks.stale_reservations_release_job",
        "schedule": crontab(minute="*/10"),
        "kwargs": {"minutes": 60},
    },
    "reconcile-ledger": {
        "task": "shop.orders.tasks.ledger_reconcile_job",
        "schedule": crontab(hour=2, minute=30),
    },
    # On the first of the month, last month's statement PDF for every maker, ready for finance to print.
    "prepare-monthly-statements": {
        "task": "beneficiaries.ledger.tasks.monthly_statements_prepare_job",
        "schedule": crontab(day_of_month=1, hour=3, minute=0),
    },
}
