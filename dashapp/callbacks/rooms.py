"""Workshop rooms: open one, join with its code, and keep each room's scenarios to itself."""

from __future__ import annotations
