"""Default yearly support cost per place and service, in SEK, with the basis of each figure.

Every figure is an editable default. ``assumption`` is true where no published level exists
and the figure is the project's estimate; see data/README.md for the references.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class CostDefault:
    keep_cost_sek: float
    establish_cost_sek: float
    assumption: bool
    basis: str


DEFAULT_COSTS: dict[str, CostDefault] = {
    "grocery": CostDefault(
        260_000,
        470_000,
        False,
        "keep: särskilt driftstöd 2025 average (about 70 MSEK / 272 shops); establish: the 2026 "
        "maximum 370,000 plus 100,000 a year of investment grant (assumption: 1 MSEK at 50 % over "
        "5 years)",
    ),
    "fuel": CostDefault(
        150_000,
        250_000,
        True,
        "assumption: no national operating support for fuel; keep = regional servicebidrag level "
        "below its 250,000 cap, establish adds an annualised investment grant",
    ),
    "pharmacy": CostDefault(
        280_000,
        300_000,
        False,
        "keep: TLV glesbygd pharmacy grant 2021 average (about 280,000); establish: servicebidrag "
        "for a broad or strategic service point (300,000 cap)",
    ),
    "parcel": CostDefault(
        40_000,
        60_000,
        True,
        "assumption: compensation to a host shop for a parcel agent; establish adds set-up costs",
    ),
    "cash": CostDefault(
        150_000,
        250_000,
        True,
        "assumption: yearly operating cost of a cash machine borne by support; establish adds "
        "an annualised installation",
    ),
}


def default_costs(places: pd.DataFrame, services: tuple[str, ...]) -> pd.DataFrame:
    """One row per place inside the region and service."""
    region = places[places["in_region"]]
    rows = [
        {
            "place_id": place_id,
            "service": service,
            "keep_cost_sek": DEFAULT_COSTS[service].keep_cost_sek,
            "establish_cost_sek": DEFAULT_COSTS[service].establish_cost_sek,
            "assumption": DEFAULT_COSTS[service].assumption,
            "basis": DEFAULT_COSTS[service].basis,
        }
        for place_id in region["place_id"]
        for service in services
    ]
    return pd.DataFrame(rows)
