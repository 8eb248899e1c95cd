"""Dash callbacks, one module per step of the flow; importing this package registers them."""

from dashapp.callbacks import (
    access,
    curve,
    exports,
    page,
    place,
    results,
    scenario,
    solve,
    workspace,
)

__all__ = [
    "access",
    "curve",
    "exports",
    "page",
    "place",
    "results",
    "scenario",
    "solve",
    "workspace",
]
