"""Default yearly support cost per place and service, in SEK, with the basis of each figure.

Every figure is an editable default taken from the service registry. ``assumption`` is true where
no published level exists and the figure is the project's estimate; see data/README.md for the
references.
"""

from __future__ import annotations

import pandas as pd

from models.services import ServiceRegistry


def default_costs(places: pd.DataFrame, registry: ServiceRegistry) -> pd.DataFrame:
    """One row per place inside the region and service type."""
    region = places[places["in_region"]]
    rows = [
        {
            "place_id": place_id,
            "service": service.key,
            "keep_cost_sek": service.keep_cost_sek,
            "establish_cost_sek": service.establish_cost_sek,
            "assumption": service.cost_is_assumption,
            "basis": service.cost_basis,
        }
        for place_id in region["place_id"]
        for service in registry
    ]
    return pd.DataFrame(rows)
