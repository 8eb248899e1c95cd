"""The app's settings, read from the environment once (at start-up) and passed down.

| variable | meaning | default |
|---|---|---|
| ``SERVICEKARTAN_DATA`` | data folder to serve | the embedded region under ``data/`` |
| ``SERVICEKARTAN_DB`` | SQLite file of saved scenarios | ``instance/servicekartan.sqlite3`` |
| ``DATABASE_URL`` | a database server for them instead (``postgresql://…``) | none: the file |
| ``SERVICEKARTAN_TILE_URL`` | base-map tiles; empty or ``none`` for none | OpenStreetMap |
| ``REDIS_URL`` | Redis for background solving on Celery workers (``redis://…``) | none: local |
| ``SERVICEKARTAN_CACHE_DIR`` | background results on this machine | ``instance/background`` |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from models.paths import PROJECT_ROOT, embedded_data_dir

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_DB = PROJECT_ROOT / "instance" / "servicekartan.sqlite3"
DEFAULT_CACHE_DIR = PROJECT_ROOT / "instance" / "background"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_path: Path = DEFAULT_DB
    tile_url: str = DEFAULT_TILE_URL
    # Not in repr: the URL may hold the database password
    database_url: str | None = field(default=None, repr=False)
    # Background solving (dashapp/background.py): Celery on this Redis when set (not in repr:
    # the URL may hold a password), else local processes sharing results in ``cache_dir``
    redis_url: str | None = field(default=None, repr=False)
    cache_dir: Path = DEFAULT_CACHE_DIR

    @property
    def database(self) -> Path | str:
        """Where saved scenarios live: the server's URL when one is set, else the SQLite file."""
        return self.database_url or self.database_path

    @property
    def tiles_online(self) -> bool:
        return self.tile_url.strip().lower() not in ("", "none")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ, **overrides: object) -> Settings:
        """Settings from environment variables; ``overrides`` (command-line options) win."""
        values: dict[str, object] = {
            "data_dir": Path(environ.get("SERVICEKARTAN_DATA") or embedded_data_dir()),
            "database_path": Path(environ.get("SERVICEKARTAN_DB") or DEFAULT_DB),
            "tile_url": environ.get("SERVICEKARTAN_TILE_URL", DEFAULT_TILE_URL),
            "database_url": environ.get("DATABASE_URL", "").strip() or None,
            "redis_url": environ.get("REDIS_URL", "").strip() or None,
            "cache_dir": Path(environ.get("SERVICEKARTAN_CACHE_DIR") or DEFAULT_CACHE_DIR),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
