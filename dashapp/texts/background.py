"""Work that runs in the background: progress, cancel and robustness runs."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {}
