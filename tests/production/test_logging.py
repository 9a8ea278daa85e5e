"""Logs an operator reads: one JSON object per line in production, and errors reported to Sentry when set up."""

import gzip
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from config.logs import JsonFormatter
from tests.production.conftest import REALISTIC_ENV, run_python

LOG_AN_ERROR = """
import logging
logging.getLogger("shop.orders").info("order %s paid", 1042)
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("shop.orders").exception("refund failed for order %s", 1042)
"""


def test_production_writes_one_json_object_per_line(tmp_path):
    env = {**REALISTIC_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_python(LOG_AN_ERROR, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stderr.splitlines()]
    ours = [record for record in records if record["logger"] == "shop.orders"]
    assert [(r["level"], r["message"]) for r in ours] == [
        ("INFO", "order 1042 paid"),
        ("ERROR", "refund failed for order 1042"),
    ]
    assert "exception" not in ours[0]
    assert "ZeroDivisionError: division by zero" in ours[1]["exception"]
    assert ours[1]["time"].endswith("+00:00")


def test_text_format_for_a_developer_terminal(tmp_path):
    env = {**REALISTIC_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DJANGO_LOG_FORMAT": "text"}
    result = run_python(LOG_AN_ERROR, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    assert "ERROR shop.orders: refund failed for order 1042" in result.stderr
    assert not result.stderr.lstrip().startswith("{")


def test_a_record_with_unusual_arguments_still_makes_one_valid_line():
    from decimal import Decimal

    record = logging.LogRecord(
        "shop", logging.WARNING, __file__, 1, "payout %s to %s", (Decimal("12.50"), "Ləman"), None
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line)["message"] == "payout 12.50 to Ləman"


class _SentryIngest(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            import brotli

            body = brotli.decompress(body)
        self.server.envelopes.append(body.decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    """A local endpoint that accepts what sentry-sdk sends, as Sentry's ingest does."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SentryIngest)
    server.envelopes = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_errors_go_to_sentry_without_personal_data_when_a_dsn_is_set(tmp_path, sentry_server):
    port = sentry_server.server_address[1]
    code = (
        LOG_AN_ERROR
        + """
import sentry_sdk
sentry_sdk.flush(timeout=10)
print(sentry_sdk.get_client().options["send_default_pii"])
"""
    )
    env = {
        **REALISTIC_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/42",
    }
    result = run_python(code, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "False"
    sent = "\n".join(sentry_server.envelopes)
    assert "refund failed for order" in sent
    assert "ZeroDivisionError" in sent


def test_sentry_stays_off_without_a_dsn(tmp_path):
    code = LOG_AN_ERROR + "\nimport sentry_sdk\nprint(sentry_sdk.get_client().is_active())"
    env = {**REALISTIC_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_python(code, settings="config.settings.production", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "False"
