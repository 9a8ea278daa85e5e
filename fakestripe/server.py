"""The HTTP side: one `ThreadingHTTPServer` answering the Stripe API (`/v1`), the hosted checkout page
(`/pay`) and the test controls (`/_control`), all backed by one `FakeStripe`."""

from __future__ import annotations

import base64
import json
import logging
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import api, control, pages
from .encoding import parse_params
from .errors import StripeError, api_error
from .objects import new_id
from .state import DEFAULT_WEBHOOK_SECRET, FakeStripe
from .store import ApiRequest, RequestInfo

logger = logging.getLogger("fakestripe")

MAX_BODY = 1024 * 1024
TIMEOUT_OUTAGE_SECONDS = 30
_PAY_PATH = re.compile(r"^/pay/(?P<id>[A-Za-z0-9_]+)/?$")
_KEY_PREFIXES = ("sk_test_", "rk_test_")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a request sleeping in a "timeout" outage must not block shutdown
    state: FakeStripe


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's HTTP clients expect
    server_version = "fakestripe"
    sys_version = ""
    timeout = 120  # idle keep-alive connections give their thread back eventually
    server: _HTTPServer

    def setup(self):
        super().setup()
        # Headers and body go out as separate writes; without this, Nagle's algorithm and the client's
        # delayed ACK add about 40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):  # noqa: N802 - http.server's naming
        self._handle("GET")

    def do_POST(self):  # noqa: N802
        self._handle("POST")

    def do_DELETE(self):  # noqa: N802
        self._handle("DELETE")

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by http.server
        logger.info("%s %s", self.address_string(), format % args)

    def _handle(self, method: str) -> None:
        url = urlsplit(self.path)
        path = url.path
        try:
            body = self._read_body()
            if path.startswith("/v1/"):
                self._api(method, path, url.query, body)
            elif path.startswith("/_control/"):
                self._json(200, control.call(self.server.state, method, path, body))
            elif path == pages.CSS_PATH:
                self._send(200, {"Content-Type": "text/css; charset=utf-8"}, pages.CSS)
            elif (match := _PAY_PATH.match(path)) and method in ("GET", "POST"):
                status, headers, html = pages.handle_pay_page(self.server.state, method, match["id"], body)
                self._send(status, {"Content-Type": "text/html; charset=utf-8", **headers}, html)
            elif path == "/favicon.ico":  # spares browser tests a console error for a missing icon
                self._send(204, {}, b"")
            elif path == "/" and method == "GET":
                self._json(200, {"fakestripe": True, "api": "/v1", "controls": "/_control"})
            else:
                raise StripeError(f"Unrecognized request URL ({method}: {path}).", status=404)
        except StripeError as exc:
            self._json(exc.status, exc.to_dict())
        except Exception:
            logger.exception("fakestripe failed on %s %s", method, self.path)
            self._json(500, api_error().to_dict())

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            raise StripeError("Request body too large.", status=413)
        return self.rfile.read(length) if length else b""

    def _api(self, method: str, path: str, query: str, body: bytes) -> None:
        state = self.server.state
        request_id = new_id("req_", 14)
        headers = {"Request-Id": request_id, "Stripe-Version": state.api_version}
        idempotency_key = self.headers.get("Idempotency-Key")
        mode, wake = state.take_outage()
        if mode in ("500", "503", "timeout"):
            status = 503 if mode == "timeout" else int(mode)
            # Logged before a "timeout" sleeps, so a test sees the request while the client is still waiting.
            state.record_request(ApiRequest(method, path, idempotency_key, status, request_id, outage=mode))
            if mode == "timeout":
                # Hold the connection until the client gives up (or the outage is switched off / server stops).
                wake.wait(TIMEOUT_OUTAGE_SECONDS)
            self._json(status, api_error(status).to_dict(), headers)
            return
        status, payload, replayed = self._api_answer(method, path, query, body, idempotency_key, headers)
        state.record_request(
            ApiRequest(method, path, idempotency_key, status, headers["Request-Id"], replayed=replayed, outage=mode)
        )
        if mode == "drop_response":
            # Everything is done and saved; hang up without a byte, so the client reports a connection error.
            self.close_connection = True
            return
        self._json(status, payload, headers)

    def _api_answer(
        self, method: str, path: str, query: str, body: bytes, idempotency_key: str | None, headers: dict
    ) -> tuple[int, dict, bool]:
        """Run one API request: (status, body, replayed); fills in the idempotency headers."""
        state = self.server.state
        request_id = headers["Request-Id"]
        try:
            api_key = self._api_key()
            params = parse_params(query if method in ("GET", "DELETE") else body.decode("utf-8", "replace"))
            request = RequestInfo(request_id=request_id, idempotency_key=idempotency_key)

            def compute() -> tuple[int, dict, str]:
                try:
                    return (*api.call(state, method, path, params, request), request_id)
                except StripeError as exc:
                    return exc.status, exc.to_dict(), request_id

            if method == "POST" and idempotency_key:
                headers["Idempotency-Key"] = idempotency_key
                fingerprint = {"method": method, "path": path, "params": params}
                (status, payload, original_id), replayed = state.run_idempotent(
                    api_key, idempotency_key, fingerprint, compute
                )
                if replayed:
                    headers.update({"Idempotent-Replayed": "true", "Request-Id": original_id})
                return status, payload, replayed
            status, payload, _ = compute()
            return status, payload, False
        except StripeError as exc:
            return exc.status, exc.to_dict(), False
        except Exception:  # a bug in the fake: answer as Stripe would, and keep the request in the log
            logger.exception("fakestripe failed on %s %s", method, self.path)
            return 500, api_error().to_dict(), False

    def _api_key(self) -> str:
        auth = self.headers.get("Authorization", "")
        key = ""
        if auth.startswith("Bearer "):
            key = auth[len("Bearer ") :].strip()
        elif auth.startswith("Basic "):  # curl -u sk_test_...:
            try:
                key = base64.b64decode(auth[len("Basic ") :]).decode().split(":", 1)[0]
            except (ValueError, UnicodeDecodeError):
                key = ""
        if not key:
            raise StripeError(
                "You did not provide an API key. You need to provide your API key in the Authorization "
                "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
                status=401,
            )
        if not key.startswith(_KEY_PREFIXES):
            raise StripeError(
                f"Invalid API Key provided: {key[:8]}****{key[-4:]}",
                status=401,
                code="api_key_invalid" if key.startswith("sk_") else None,
            )
        return key

    def _json(self, status: int, payload, headers: dict | None = None) -> None:
        body = json.dumps(payload, indent=2).encode("utf-8")
        self._send(status, {"Content-Type": "application/json", **(headers or {})}, body)

    def _send(self, status: int, headers: dict, body: bytes) -> None:
        try:
            self.send_response(status)
            headers = {**headers, "Content-Length": str(len(body)), "Cache-Control": "no-store"}
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client went away (e.g. timed out during an outage)
            self.close_connection = True


class FakeStripeServer:
    """A running fake Stripe. The socket is bound on construction, so `.url` is known before `.start()`."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        webhook_url: str | None = None,
        webhook_secret: str = DEFAULT_WEBHOOK_SECRET,
        public_base_url: str | None = None,
        *,
        webhook_timeout: float = 10.0,
    ):
        self._httpd = _HTTPServer((host, port), _Handler)
        shown_host = "127.0.0.1" if host in ("", "0.0.0.0") else host  # noqa: S104 - comparing, not binding
        self.url = f"http://{shown_host}:{self._httpd.server_address[1]}"
        self._httpd.state = FakeStripe(
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            public_base_url=public_base_url or self.url,
            webhook_timeout=webhook_timeout,
        )
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> FakeStripe:
        return self._httpd.state

    @property
    def base_addresses(self) -> dict[str, str]:
        """Ready for `stripe.StripeClient(..., base_addresses=server.base_addresses)`."""
        return {"api": self.url, "files": self.url, "connect": self.url}

    def start(self) -> str:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.1},
                name=f"fakestripe {self.url}",
                daemon=True,
            )
            self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        """Serve in the calling thread (the command line uses this); `stop()` from another thread ends it."""
        self._thread = threading.current_thread()
        try:
            self._httpd.serve_forever(poll_interval=0.1)
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        self.state.close()
        if self._thread is not None:
            self._httpd.shutdown()
            if self._thread is not threading.current_thread():
                self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> FakeStripeServer:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
