"""Robustness runs in the background: what the plan loses when its most critical points close
together."""

from __future__ import annotations
