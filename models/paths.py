"""Where the embedded data lives, and the environment variables that move it."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
EMBEDDED_DATA = PROJECT_ROOT / "data" / "kronoberg"


def default_data_dir() -> Path:
    """``SERVICEKARTAN_DATA`` when set, else the embedded Kronoberg folder."""
    return Path(os.environ.get("SERVICEKARTAN_DATA", str(EMBEDDED_DATA)))
