"""The processes `scale_check.py` starts (and always stops), and the small HTML form reader it uses."""

from __future__ import annotations

import email
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from email.header import decode_header, make_header
from html.parser import HTMLParser
from pathlib import Path

import boto3
import psycopg
import redis

from beneficiaries.file_storage import public_media_bucket_policy

# The virtualenv that runs this script has gunicorn and celery beside its python.
BIN = Path(sys.executable).parent


# On a machine shared by several checkouts each may be given its own ports (SCALE_CHECK_PORTS=8142,8143,...):
# the two app processes, moto and the fake Stripe take them in that order; otherwise any free port.
_GIVEN_PORTS = [int(port) for port in os.environ.get("SCALE_CHECK_PORTS", "").split(",") if port.strip()]


def free_port() -> int:
    if _GIVEN_PORTS:
        return _GIVEN_PORTS.pop(0)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FormScraper(HTMLParser):
    """The values a browser would submit for one form: the first <form> whose opening tag contains `form_match`
    (its action, id or class). Unchecked boxes and unselected options are left out, as a browser does."""

    def __init__(self, form_match: str):
        super().__init__(convert_charrefs=True)
        self.form_match = form_match
        self.inside = False
        self.done = False
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._first_option: str | None = None

    @classmethod
    def fields(cls, html: str, *, form_match: str) -> dict[str, str]:
        parser = cls(form_match)
        parser.feed(html)
        if not parser.done and not parser.inside:
            raise AssertionError(f"no form matching {form_match!r} on the page")
        return parser.fields

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and not self.inside:
            opening = " ".join(f"{k}={v}" for k, v in attrs.items() if v)
            self.inside = self.form_match in opening
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value") or ("on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select" and self._select:
            self.fields.setdefault(self._select, self._first_option or "")
            self._select = None
        elif tag == "textarea":
            self._textarea = None


class Components:
    """PostgreSQL database, Redis, moto S3, fake Stripe, a job worker and two gunicorn app processes."""

    def __init__(self, *, root, pg_admin_url, db_name, redis_url, bucket, webhook_secret, ports):
        self.root = Path(root)
        self.pg_admin_url = pg_admin_url
        self.db_name = db_name
        self.redis_url = redis_url
        self.bucket = bucket
        self.webhook_secret = webhook_secret
        self.ports = ports
        self.app_urls = [f"http://127.0.0.1:{port}" for port in ports]
        self.work = Path(tempfile.mkdtemp(prefix="scale-check-"))
        self.mail_dir = self.work / "mail"
        self.processes: list[tuple[str, subprocess.Popen, Path]] = []
        self.moto = None
        self.stripe_url = ""

    # --- start and stop ---
    def __enter__(self) -> Components:
        try:
            self._start()
        except BaseException:
            self.print_logs()
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        for _, process, _ in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process, _ in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if self.moto:
            self.moto.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def _start(self) -> None:
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's per-request lines

        self._database_create()
        redis.Redis.from_url(self.redis_url).flushdb()
        s3_port = free_port()
        self.moto = ThreadedMotoServer(ip_address="127.0.0.1", port=s3_port, verbose=False)
        self.moto.start()
        s3_url = f"http://127.0.0.1:{s3_port}"
        s3 = boto3.client("s3", endpoint_url=s3_url, region_name="eu-central-1", **self._s3_keys())
        s3.create_bucket(Bucket=self.bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
        # As README "Deploying" asks of a real bucket: photos are public, everything else is not.
        s3.put_bucket_policy(Bucket=self.bucket, Policy=json.dumps(public_media_bucket_policy(self.bucket)))
        stripe_port = free_port()
        self.stripe_url = f"http://127.0.0.1:{stripe_port}"
        self.mail_dir.mkdir()
        self.env = self._environment(s3_url=s3_url)

        print(f"Preparing database {self.db_name}, static files and a small catalogue on S3 ...", flush=True)
        self._manage("migrate", "--noinput", "-v0")
        self._manage("collectstatic", "--noinput", "-v0")
        self._manage(
            "load_demo_data", "--products", "4", "--makers", "3", "--orders", "0",
            settings="config.settings.dev", extra={"DJANGO_DEBUG": "1"},
        )  # fmt: skip

        app_b_webhook = self.app_urls[1] + "/stripe/webhook/"
        self._spawn(
            "fakestripe",
            [sys.executable, "-m", "fakestripe", "--port", str(stripe_port), "--quiet"]
            + ["--webhook-url", app_b_webhook, "--webhook-secret", self.webhook_secret],
        )
        self._spawn("worker", [str(BIN / "celery"), "-A", "config", "worker", "--pool=solo", "-l", "INFO"])
        for name, port in zip("AB", self.ports, strict=True):
            self._spawn(
                f"app-{name}",
                [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
                + ["--access-logfile", "-", "--timeout", "60", "--no-control-socket"],
            )
        for url in [self.stripe_url + "/_control/deliveries", *(u + "/health/" for u in self.app_urls)]:
            self._wait_until_up(url)
        print(f"Up: app A {self.app_urls[0]}, app B {self.app_urls[1]}, Stripe {self.stripe_url}, S3 {s3_url}")

    def _s3_keys(self) -> dict[str, str]:
        return {"aws_access_key_id": "scalecheck", "aws_secret_access_key": "scalecheck"}

    def _environment(self, *, s3_url: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_", "AWS_", "SHOP_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            DJANGO_SECRET_KEY="scale-check-" + "x" * 50,
            DATABASE_URL=self.pg_admin_url.rsplit("/", 1)[0] + "/" + self.db_name,
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            # TLS ends at the load balancer in production; on loopback the processes speak plain HTTP.
            DJANGO_SECURE_SSL_REDIRECT="0",
            SHOP_BASE_URL=self.app_urls[0],
            WAGTAILADMIN_BASE_URL=self.app_urls[0],
            REDIS_URL=self.redis_url,
            STRIPE_SECRET_KEY="sk_test_scale_check",
            STRIPE_WEBHOOK_SECRET=self.webhook_secret,
            STRIPE_API_BASE=self.stripe_url,
            AWS_STORAGE_BUCKET_NAME=self.bucket,
            AWS_S3_ENDPOINT_URL=s3_url,
            AWS_S3_REGION_NAME="eu-central-1",
            AWS_ACCESS_KEY_ID="scalecheck",
            AWS_SECRET_ACCESS_KEY="scalecheck",
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            DJANGO_EMAIL_FILE_PATH=str(self.mail_dir),
            DJANGO_LOG_LEVEL="WARNING",
        )
        return env

    def _database_create(self) -> None:
        with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.db_name}"')

    def _manage(self, *args: str, settings: str | None = None, extra: dict | None = None) -> None:
        env = dict(self.env, **(extra or {}))
        if settings:
            env["DJANGO_SETTINGS_MODULE"] = settings
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=self.root, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")

    def _spawn(self, name: str, argv: list[str]) -> None:
        log = self.work / f"{name}.log"
        process = subprocess.Popen(
            argv,
            cwd=self.root,
            env=self.env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((name, process, log))

    def _wait_until_up(self, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            for name, process, _ in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{url} did not come up in {timeout:.0f} s") from None
                time.sleep(0.3)

    def print_logs(self, tail: int = 60) -> None:
        for name, _, log in self.processes:
            if log.exists():
                lines = log.read_text(errors="replace").splitlines()[-tail:]
                print(f"\n--- last {len(lines)} lines of {name} ---\n" + "\n".join(lines))

    # --- what the journey asks of the components ---
    def s3_keys(self, prefix: str) -> set[str]:
        s3 = boto3.client(
            "s3", endpoint_url=self.env["AWS_S3_ENDPOINT_URL"], region_name="eu-central-1", **self._s3_keys()
        )
        pages = s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def log_text(self, name: str) -> str:
        return next((log.read_text(errors="replace") for n, _, log in self.processes if n == name), "")

    def stripe_resend_events(self, *, session_id: str, webhook_url: str) -> None:
        """Deliver every event about this session again, to one app process."""
        self._control("POST", "/webhooks", {"url": webhook_url})
        for event in self._control("GET", "/objects/event"):
            if json.dumps(event).find(session_id) >= 0:
                status = self._control("POST", f"/events/{event['id']}/resend")["status"]
                if status != 200:
                    raise AssertionError(f"{webhook_url} answered {status} to a replayed {event['type']}")

    def _control(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        request = urllib.request.Request(self.stripe_url + "/_control" + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def wait_for_mail(self, order_number: str, timeout: float) -> list[str]:
        """Subjects of the confirmation e-mails for the order, once at least one arrived (or the time is up);
        then a few seconds more, so a duplicate sent late is caught too."""
        deadline = time.monotonic() + timeout
        found: list[str] = []
        while time.monotonic() < deadline and not found:
            found = self._confirmations(order_number)
            time.sleep(0.5)
        time.sleep(3)
        return self._confirmations(order_number)

    def _confirmations(self, order_number: str) -> list[str]:
        subjects = []
        for path in sorted(self.mail_dir.glob("*.log")):
            for chunk in path.read_text(errors="replace").split("-" * 79):
                if not chunk.strip():
                    continue
                subject = str(make_header(decode_header(email.message_from_string(chunk.lstrip()).get("Subject", ""))))
                if order_number in subject and "paid" in subject.lower():
                    subjects.append(subject)
        return subjects
