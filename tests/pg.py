"""A throwaway PostgreSQL server for the storage tests (a pytest plugin, see tests/conftest.py).

Debian's ``postgresql`` package (``make test`` installs it when run as root) puts ``initdb`` and
``postgres`` in ``/usr/lib/postgresql/<version>/bin``. The fixture makes a new cluster in a
temporary folder, serves it on 127.0.0.1 at a free port with its Unix socket in that folder
(no system service, no fixed port), and stops and deletes it when the session ends.

PostgreSQL refuses to run as root, so under root the cluster belongs to Debian's ``postgres``
user (``nobody`` where that user is missing): the folder is handed to it and both programs run
with its user and group ids (``subprocess``'s ``user=``/``group=``), root's groups dropped.
Authentication is ``trust``: the server listens on loopback only, for the length of a test run.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

SUPERUSER = "servicekartan"
STARTUP_LIMIT_S = 60  # waiting for the server to accept connections, not a test assertion
PORT_ATTEMPTS = 3  # another process may take the free port between finding and binding it

MISSING = (
    "PostgreSQL is not installed: the storage tests run against a real PostgreSQL server and "
    "need Debian's package postgresql (its initdb and postgres in /usr/lib/postgresql/*/bin). "
    "`make test` installs it when run as root; otherwise run `sudo apt-get install postgresql`."
)


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or one on PATH."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class PostgresServer:
    """One cluster in ``root``, run by ``postgres`` from ``bin_dir``."""

    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.data = root / "data"
        self.log = root / "server.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._databases = 0
        self._as_user: dict[str, Any] = {}
        if os.geteuid() == 0:
            owner = _unprivileged_user()
            os.chown(root, owner.pw_uid, owner.pw_gid)
            self._as_user = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}

    def _run(self, *command: str | Path) -> None:
        done = subprocess.run(
            [str(c) for c in command],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            **self._as_user,
        )
        if done.returncode != 0:
            pytest.fail(f"{command[0]} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)

    def start(self) -> None:
        self._run(
            self.bin_dir / "initdb",
            "-D",
            self.data,
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        for _ in range(PORT_ATTEMPTS):
            self.port = _free_port()
            if self._serve():
                return
        pytest.fail(f"PostgreSQL did not start:\n{self.log.read_text()}", pytrace=False)

    def _serve(self) -> bool:
        """Start the server; whether it accepts connections (False: it exited, e.g. the port
        was taken after all)."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    str(self.bin_dir / "postgres"), "-D", str(self.data), "-p", str(self.port),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", f"unix_socket_directories={self.root}",
                    # The tests kill clients, never this server: syncing to disk buys nothing
                    "-c", "fsync=off",
                ],
                cwd=self.root, stdout=log, stderr=subprocess.STDOUT, **self._as_user,
            )  # fmt: skip
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with psycopg.connect(self.conninfo("postgres"), connect_timeout=2):
                    return True
            except psycopg.OperationalError:
                time.sleep(0.1)
        self.stop()
        return False

    def conninfo(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={database}"

    def new_database(self) -> str:
        """A new, empty database; its SQLAlchemy URL."""
        self._databases += 1
        name = f"test_{self._databases}"
        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)  # "fast" shutdown: ends open sessions
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    pytest.fail("running as root, and neither user postgres nor nobody exists", pytrace=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server; the tests fail (not skip) where it is not installed."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.fail(MISSING, pytrace=False)
    # Not under pytest's tmp_path: its parents are private to root, and the server's user
    # must reach the folder.
    root = Path(tempfile.mkdtemp(prefix="servicekartan-pg-"))
    server = PostgresServer(bin_dir, root)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
