"""The beat schedule names real jobs, the maintenance jobs do what their commands do, and the broker follows the
environment: Redis with REDIS_URL, a folder queue in var/celery/ without it."""

import json
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from config.celery import app as celery_app
from shop.jobs.models import FailedJob
from shop.models import Order, OrderLineMaker, OrderStatus
from shop.orders import tasks


def test_every_scheduled_job_is_a_registered_task():
    celery_app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {
        "shop.orders.tasks.stripe_reconcile_job",
        "shop.orders.tasks.stale_reservations_release_job",
        "shop.orders.tasks.ledger_reconcile_job",
        "beneficiaries.ledger.tasks.monthly_statements_prepare_job",
    }
    assert scheduled <= set(celery_app.tasks)


def test_the_stale_reservations_job_expires_abandoned_checkouts(order_line_factory):
    line = order_line_factory(order__status=OrderStatus.PENDING_PAYMENT)
    Order.objects.filter(pk=line.order_id).update(created_at=timezone.now() - timedelta(hours=2))
    fresh = order_line_factory(order__status=OrderStatus.PENDING_PAYMENT)

    assert tasks.stale_reservations_release_job.delay(minutes=60).get() == 1

    assert Order.objects.get(pk=line.order_id).status == OrderStatus.EXPIRED
    assert Order.objects.get(pk=fresh.order_id).status == OrderStatus.PENDING_PAYMENT


def test_a_ledger_difference_fails_the_nightly_job_where_finance_sees_it(order_line_factory, maker_factory):
    line = order_line_factory(order__paid_at=timezone.now())
    # The maker's part of a paid order, never credited to the ledger.
    OrderLineMaker.objects.create(line=line, maker=maker_factory(), share_percent=100, amount=Decimal("20.00"))

    tasks.ledger_reconcile_job.delay()

    failed = FailedJob.objects.get(task_name="shop.orders.tasks.ledger_reconcile_job")
    assert failed.error.startswith("LedgerDifference")
    assert line.order.number in failed.error


def _broker(env: dict) -> dict:
    code = (
        "import json, django; django.setup(); from config.celery import app; "
        "print(json.dumps([app.conf.broker_url, app.conf.broker_transport_options]))"
    )
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.dev", "HOME": "/tmp"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env={**base, **env}, capture_output=True, check=True
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def test_the_broker_is_redis_when_redis_url_is_set_and_a_folder_otherwise(tmp_path):
    url, _options = _broker({"REDIS_URL": "redis://127.0.0.1:6379/2", "CELERY_DATA_DIR": str(tmp_path)})
    assert url == "redis://127.0.0.1:6379/2"

    url, options = _broker({"CELERY_DATA_DIR": str(tmp_path / "celery")})
    assert url.startswith("filesystem://")
    assert options["data_folder_in"] == options["data_folder_out"] == str(tmp_path / "celery" / "queue")
    # The sending side creates the folders, so the first e-mail of a fresh demo does not fail.
    assert (tmp_path / "celery" / "queue").is_dir() and (tmp_path / "celery" / "control").is_dir()
