"""Where each kind of figure comes from: the sources that feed it and whether it is measured,
modelled, set by a rule, an assumption, or a user's correction.

Every number the app shows is built from these few kinds of input (people, places, travel
times, service points, their status, costs, official reference figures), so listing them once
makes every figure traceable. A region's ``region.json`` says which of its sources feeds which
kind (``feeds`` in each source); a source without ``feeds`` is still cited in the footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.dataset import Dataset
from models.region import Source

Basis = Literal["measured", "modelled", "rule", "assumption", "mixed"]

# The kinds of input, in the order a reader meets them.
FIGURES: tuple[str, ...] = (
    "population_localities",
    "population_rural",
    "travel_times",
    "service_points",
    "status",
    "costs",
    "references",
    "boundaries",
)


@dataclass(frozen=True)
class FigureOrigin:
    figure: str  # one of FIGURES
    basis: Basis
    sources: tuple[Source, ...]
    corrected: bool = False  # the scenario's data revision changed some of these


def _basis(dataset: Dataset, figure: str) -> Basis:
    if figure == "population_rural":
        return "modelled" if dataset.demand_is_modelled else "measured"
    if figure == "travel_times":
        return "modelled" if dataset.travel.method == "modelled" else "measured"
    if figure == "status":
        reasons = (
            set(dataset.points.status_reason.tolist())
            if dataset.points.status_reason is not None
            else set()
        )
        return (
            "rule"
            if any(r.startswith("only one") or r.startswith("several") for r in reasons)
            else "measured"
        )
    if figure == "costs":
        flags = {flag for flag, _ in dataset.cost_notes.values()}
        return (
            "mixed" if flags == {True, False} else "assumption" if flags == {True} else "measured"
        )
    return "measured"


def _corrected(figure: str, corrected_actions: set[str]) -> bool:
    touched = {
        "service_points": {"add", "move", "status"},
        "status": {"status"},
        "costs": {"cost"},
    }
    return bool(touched.get(figure, set()) & corrected_actions)


def figure_origins(
    dataset: Dataset, corrected_actions: set[str] | None = None
) -> tuple[FigureOrigin, ...]:
    """One entry per kind of figure with the sources the region names for it; kinds the region
    has no data for (no reference figures) are left out."""
    origins = []
    for figure in FIGURES:
        sources = tuple(s for s in dataset.region.sources if figure in s.feeds)
        if figure == "references" and not dataset.region.references:
            continue
        origins.append(
            FigureOrigin(
                figure,
                _basis(dataset, figure),
                sources,
                _corrected(figure, corrected_actions or set()),
            )
        )
    return tuple(origins)
