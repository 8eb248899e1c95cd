"""Dash callbacks, one module per step of the flow; importing this package registers them."""

from dashapp.callbacks import (
    access,
    corrections,
    curve,
    exports,
    page,
    place,
    plan,
    reports,
    results,
    robustness,
    rooms,
    scenario,
    solve,
    workspace,
)

__all__ = [
    "access",
    "corrections",
    "curve",
    "exports",
    "page",
    "place",
    "plan",
    "reports",
    "results",
    "robustness",
    "rooms",
    "scenario",
    "solve",
    "workspace",
]
