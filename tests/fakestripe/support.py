"""Helpers shared by the fake Stripe tests: plain HTTP calls and a stand-in for the shop's webhook view."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WEBHOOK_SECRET = "whsec_test_fakestripe_suite"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_NO_PROXY_NO_REDIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def http(method: str, url: str, body: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of a plain HTTP call; redirects are returned, not followed."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310 - local
    try:
        with _NO_PROXY_NO_REDIRECT.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, exc.read()


class WebhookReceiver:
    """A stand-in for the shop's webhook view: records every request and answers `self.status`."""

    def __init__(self):
        self.received: list[tuple[bytes, dict]] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((body, dict(self.headers)))
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/stripe/webhook/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def events(self) -> list[dict]:
        return [json.loads(body) for body, _ in self.received]

    def types(self) -> list[str]:
        return [event["type"] for event in self.events()]

    def close(self):
        self._httpd.shutdown()
        self._httpd.server_close()
