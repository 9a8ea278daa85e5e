"""`python -m fakestripe`, as `make demo` runs it beside the shop."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from .support import http

REPO = Path(__file__).resolve().parents[2]


def test_the_command_prints_its_url_serves_and_stops_on_sigterm():
    process = subprocess.Popen(
        [sys.executable, "-m", "fakestripe", "--port", "0", "--quiet", "--webhook-url", "http://127.0.0.1:9/hook/"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline().strip()
        assert line.startswith("fakestripe listening on http://127.0.0.1:")
        url = line.rsplit(" ", 1)[1]
        status, _, body = http("GET", f"{url}/")
        assert status == 200 and json.loads(body)["fakestripe"] is True
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        process.stdout.close()
