"""A small SMTP server on a loopback port for tests: real sockets and Django's real SMTP backend.

`refuse_first` connections get "421 try again later" (what a busy or restarting mail server says), the rest
are served; every message accepted is kept, whole, in `messages`.
"""

from __future__ import annotations

import email
import email.policy
import socketserver
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class SmtpServer:
    host: str
    port: int
    refuse_first: int
    connections: int = 0
    messages: list[email.message.Message] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        state: SmtpServer = self.server.state
        with state.lock:
            state.connections += 1
            refuse = state.connections <= state.refuse_first
        if refuse:
            self.reply("421 mail.test Service not available, try again later")
            return
        self.reply("220 mail.test ESMTP")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 mail.test")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(data[1:] if data.startswith(b"..") else data)
                with state.lock:
                    state.messages.append(email.message_from_bytes(b"".join(body), policy=email.policy.default))
                self.reply("250 OK queued")
            elif command == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def running_smtp_server(*, refuse_first: int = 0):
    server = _Server(("127.0.0.1", 0), _Handler)
    server.state = SmtpServer(host="127.0.0.1", port=server.server_address[1], refuse_first=refuse_first)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.state
    finally:
        server.shutdown()
        server.server_close()
