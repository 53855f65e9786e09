"""Real servers for tests and drills: a Redis (Debian's redis-server, installed with apt-get when
missing and we are root) that a test can stop, freeze and start again on the same port."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    """A free port on 127.0.0.1: from PORT_RANGE ("18100-18199") when set, so helpers sharing a
    machine keep to their own ports; otherwise one the kernel picks."""
    first, _, last = os.environ.get("PORT_RANGE", "").partition("-")
    candidates = range(int(first), int(last) + 1) if first and last else [0]
    for candidate in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"No free port in PORT_RANGE={os.environ['PORT_RANGE']}")


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def redis_server_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], check=True, env=environment)  # noqa: S607
        found = shutil.which("redis-server")
    if not found:
        raise RuntimeError("redis-server is missing: apt-get install redis-server")
    return found


class RedisServer:
    """One redis-server on 127.0.0.1 with no persistence, as docker-compose runs the caches.

    `policy` is its maxmemory-policy: allkeys-lru for the page cache, noeviction for rate limits."""

    def __init__(self, port: int | None = None, policy: str = "noeviction", maxmemory: str = "64mb") -> None:
        self.port = port or free_port()
        self.policy = policy
        self.maxmemory = maxmemory
        self.directory = Path(tempfile.mkdtemp(prefix="portal-redis-"))
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(  # noqa: S603 - fixed binary and arguments
            [
                redis_server_binary(),
                *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)),
                *("--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"),
                *("--maxmemory", self.maxmemory, "--maxmemory-policy", self.policy),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        """Gone, as a crashed or stopped server is: connections are refused."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a frozen server cannot act on SIGTERM
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def freeze(self) -> None:
        """Hung: connections are accepted by the kernel but nothing answers."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
