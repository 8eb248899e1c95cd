"""A throwaway Redis server for the Celery tests (fixture ``redis_server``).

Debian's ``redis-server`` package (``make test`` installs it when run as root) gives the
program. The fixture serves a new one on 127.0.0.1 at a free port, with no persistence (no RDB
snapshots, no append-only file) and its working folder in a temporary folder, and stops it when
the session ends. Without the program the tests fail with a message naming the package.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

STARTUP_LIMIT_S = 30  # waiting for the server to answer, not a test assertion
PORT_ATTEMPTS = 3  # another process may take the free port between finding and binding it

MISSING = (
    "redis-server is not installed: the background-solving tests run one budget curve "
    "through a real Redis server and Celery worker and need Debian's package redis-server. "
    "`make test` installs it when run as root; otherwise run `sudo apt-get install redis-server`."
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    """Whether a Redis server on ``port`` answers PING (the protocol's inline form)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    def __init__(self, program: str, root: Path) -> None:
        self.program = program
        self.root = root
        self.log = root / "redis.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        for _ in range(PORT_ATTEMPTS):
            self.port = free_port()
            if self._serve():
                return
        pytest.fail(f"redis-server did not start:\n{self.log.read_text()}", pytrace=False)

    def _serve(self) -> bool:
        command = [
            self.program, "--bind", "127.0.0.1", "--port", str(self.port),
            "--dir", str(self.root), "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--logfile", str(self.log),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=self.root)
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            if _answers(self.port):
                return True
            time.sleep(0.1)
        self.stop()
        return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    program = shutil.which("redis-server")
    if program is None:
        pytest.fail(MISSING, pytrace=False)
    server = RedisServer(program, tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
