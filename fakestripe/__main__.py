"""`python -m fakestripe --port 12111 --webhook-url http://127.0.0.1:8000/stripe/webhook/`"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys

from .server import FakeStripeServer
from .state import DEFAULT_WEBHOOK_SECRET


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fakestripe", description="Run the fake Stripe server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--webhook-url", default=os.environ.get("FAKESTRIPE_WEBHOOK_URL"))
    parser.add_argument("--webhook-secret", default=os.environ.get("FAKESTRIPE_WEBHOOK_SECRET", DEFAULT_WEBHOOK_SECRET))
    parser.add_argument(
        "--public-base-url",
        default=None,
        help="base of the checkout page URLs handed to browsers (default: the server's URL)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not log every request")
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO, format="%(asctime)s fakestripe %(levelname)s %(message)s"
    )
    server = FakeStripeServer(
        host=args.host,
        port=args.port,
        webhook_url=args.webhook_url,
        webhook_secret=args.webhook_secret,
        public_base_url=args.public_base_url,
    )
    # A plain `kill` (as `make demo` does on exit) should stop it as cleanly as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"fakestripe listening on {server.url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
