"""Workshop rooms: opening, joining, renaming and hiding saved scenarios."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {}
