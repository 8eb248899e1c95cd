"""Colours and the map's styling facts, defined once and handed to ``assets/map.js`` through
each layer's ``hideout`` (the script holds no colours of its own).

Okabe–Ito palette: distinguishable with the common forms of colour blindness. Service colours
live in the service registry (``models/services.py``).
"""

from __future__ import annotations

from typing import Any

from models.services import ServiceRegistry

# keys in models.places.STATUS_PRECEDENCE order, so the legend reads in that order
PLACE_COLORS: dict[str, str] = {
    "supported": "#D55E00",
    "at_risk": "#F0E442",
    "secure": "#0072B2",
    "none": "#FFFFFF",
}

DEMAND_COLORS: dict[str, str] = {"covered": "#009E73", "uncovered": "#CC79A7", "unknown": "#888888"}
DIFF_PLACE_COLORS: dict[str, str] = {
    "a_only": "#E69F00",
    "b_only": "#56B4E9",
    "both": "#009E73",
    "none": "#DDDDDD",
}
# one colour per scenario on the difference map: the people only B reaches ("gained") take B's
# colour, the people only A reaches ("lost") A's, like the places each supports alone
DIFF_DEMAND_COLORS: dict[str, str] = {
    "gained": DIFF_PLACE_COLORS["b_only"],
    "lost": DIFF_PLACE_COLORS["a_only"],
    "same": "#BBBBBB",
}
BORDER_COLOR = "#333333"
# Map panes, bottom to top: the population grid under the kommun borders (overlayPane, 400),
# places above both, service points on the places, corrected points on top. A layer never
# changes the colour of one below it in a way the legend does not show.
PANES: dict[str, int] = {"sk-demand": 380, "sk-places": 440, "sk-points": 450, "sk-edits": 460}
LABEL_ZOOM = 10  # from this zoom (a kommun fills the map) tätorter carry their names
OUTSIDE_OPACITY = 0.3  # service points beyond the county: supply only, drawn faded
CHART_PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


def place_hideout(
    status: dict[str, str], kommun: str | None, colors: dict[str, str] | None = None
) -> dict[str, Any]:
    """What ``placeToLayer`` reads: status per place id, palette, highlighted kommun, its pane
    and from which zoom tätorter are named."""
    return {
        "status": status,
        "colors": colors or PLACE_COLORS,
        "kommun": kommun,
        "default": "none",
        "pane": "sk-places",
        "label_zoom": LABEL_ZOOM,
    }


def demand_hideout(uncovered: list[int] | None) -> dict[str, Any]:
    return {"uncovered": uncovered, "colors": DEMAND_COLORS, "pane": "sk-demand"}


def diff_demand_hideout(gained: list[int], lost: list[int]) -> dict[str, Any]:
    return {"gained": gained, "lost": lost, "colors": DIFF_DEMAND_COLORS, "pane": "sk-demand"}


def kommun_hideout(kommun: str | None) -> dict[str, Any]:
    return {"kommun": kommun, "color": BORDER_COLOR}


def points_hideout(colour: str, changed: dict[str, str] | None = None) -> dict[str, Any]:
    """What ``pointToLayer`` reads: the service's colour and what corrections changed, per
    point id: ``closed`` or ``moved`` (drawn faded where the data has it), ``at_risk`` or
    ``secure``."""
    return {
        "color": colour,
        "changed": changed or {},
        "pane": "sk-points",
        "outside_opacity": OUTSIDE_OPACITY,
    }


def edits_hideout(registry: ServiceRegistry) -> dict[str, Any]:
    """What ``editToLayer`` reads: each service's colour (points added or moved by a
    correction are drawn in it, with a heavy outline)."""
    return {"colors": {s.key: s.colour for s in registry}, "pane": "sk-edits"}
