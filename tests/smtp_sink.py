"""A real local mail server for tests and drills, on 127.0.0.1, that can be switched between
three behaviours on the same port:

- accept(): an aiosmtpd server that accepts every message and keeps it;
- refuse(): nothing listening, so connecting fails at once (connection refused);
- reject_recipients(): the aiosmtpd server answers every recipient "550 no such user";
- stall(): a listener that accepts the connection and never says a word (no greeting), as a mail
  server that has hung does; the client waits until its timeout.
"""

import contextlib
import os
import socket
import threading
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller

PORTS = range(18640, 18660)


class _Keeper:
    def __init__(self, sink: "SMTPSink") -> None:
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if self.sink.rejecting:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.sink.lock:
            self.sink.messages.append(message_from_bytes(envelope.original_content))
        return "250 OK"


class SMTPSink:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or _free_port()
        self.messages: list[Message] = []
        self.stalled_connections = 0
        self.rejecting = False
        self.lock = threading.Lock()
        self._controller: Controller | None = None
        self._stall_socket: socket.socket | None = None
        self._held: list[socket.socket] = []

    def accept(self) -> None:
        self._stop()
        self.rejecting = False
        self._controller = Controller(_Keeper(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def reject_recipients(self) -> None:
        self.accept()
        self.rejecting = True

    def refuse(self) -> None:
        self._stop()

    def stall(self) -> None:
        self._stop()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._stall_socket = listener
        self._stall_thread = threading.Thread(target=self._hold_connections, args=(listener,), daemon=True)
        self._stall_thread.start()

    def _hold_connections(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return  # closed by _stop()
            with self.lock:
                self.stalled_connections += 1
                self._held.append(connection)

    def _stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
        if self._stall_socket is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would leave the
            # port listening until that thread returned.
            with contextlib.suppress(OSError):
                self._stall_socket.shutdown(socket.SHUT_RDWR)
            self._stall_socket.close()
            self._stall_socket = None
            self._stall_thread.join(timeout=5)
        with self.lock:
            for connection in self._held:
                connection.close()
            self._held.clear()

    def close(self) -> None:
        self._stop()

    def received(self) -> list[tuple[str, str]]:
        """(To, Subject) of every message accepted so far."""
        with self.lock:
            return [(m["To"], m["Subject"]) for m in self.messages]


def _free_port() -> int:
    # Each xdist worker starts from its own place in the range, so two workers probing at the same
    # moment don't both pick the first free port.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    for port in _ordered_ports(worker):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {PORTS}")


def _ordered_ports(worker: int) -> list[int]:
    ports = list(PORTS)
    start = (worker * 7) % len(ports)
    return ports[start:] + ports[:start]
