"""A real Celery worker process (`celery -A config worker --pool=solo`) against Redis and the PostgreSQL test
database: an order paid in the test process has its confirmation e-mail sent by the worker, exactly once, even
when the job is delivered again. (A subprocess cannot see SQLite's in-memory test database: PostgreSQL only.)"""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from shop.jobs.models import FailedJob
from shop.models import Order, OrderStatus
from shop.orders import tasks
from shop.orders.services.orders import order_transition

from .conftest import sending_through

REDIS_URL = "redis://127.0.0.1:6379/2"
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def wait_for(predicate, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError(f"gave up after {seconds} s waiting for {what}")


def database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    return f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture
def worker(requires_postgres, tmp_path):
    """A worker process on its own queue, started from the project folder exactly as production starts it."""
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()
    queue = f"jobs-test-{uuid.uuid4().hex[:8]}"
    mail_dir, log = tmp_path / "mail", tmp_path / "worker.log"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.jobs.worker_settings",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "JOBS_TEST_MAIL_DIR": str(mail_dir),
        # Stripe is a closed local port for the worker: no test ever reaches api.stripe.com.
        "STRIPE_API_BASE": "http://127.0.0.1:9",
        "STRIPE_MAX_NETWORK_RETRIES": "0",
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO"]
    command += ["-Q", queue, "-n", f"{queue}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: b"ready." in log.read_bytes() or process.poll() is not None, seconds=60, what="the worker")
        assert process.poll() is None, log.read_text()
        with sending_through(REDIS_URL, queue):
            yield type("Worker", (), {"mail_dir": mail_dir, "log": log, "queue": queue})
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        client.delete(queue)


def sent_messages(mail_dir: Path) -> list[email.message.EmailMessage]:
    messages = []
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_confirmation_exactly_once(worker, order_line_factory):
    line = order_line_factory(order__status=OrderStatus.PENDING_PAYMENT, order__email="leyla@example.az")
    order = Order.objects.get(pk=line.order_id)

    order_transition(order=order, to=OrderStatus.PAID, source="system")  # queues the e-mail as it commits

    messages = wait_for(lambda: sent_messages(worker.mail_dir), seconds=60, what="the confirmation e-mail")
    assert messages[0]["To"] == "leyla@example.az"
    assert order.number in messages[0]["Subject"]
    assert Order.objects.get(pk=order.pk).confirmation_email_sent_at is not None

    # The broker delivers the job a second time: the worker runs it, and sends nothing more.
    again = tasks.order_confirmation_email.delay(order_id=order.pk)
    wait_for(lambda: f"[{again.id}] succeeded".encode() in worker.log.read_bytes(), seconds=60, what="the rerun")
    assert len(sent_messages(worker.mail_dir)) == 1
    assert not FailedJob.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_job_failing_in_the_worker_is_recorded_for_staff(worker):
    job = tasks.stripe_reconcile_job.delay(days=3)

    failed = wait_for(lambda: FailedJob.objects.filter(task_id=job.id).first(), seconds=60, what="the failure")
    assert failed.task_name == "shop.orders.tasks.stripe_reconcile_job"
    assert failed.arguments == {"args": [], "kwargs": {"days": 3}}
    assert failed.error.startswith("PaymentServiceUnavailable")
