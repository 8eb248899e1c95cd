"""Small hand-made instances for the model tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from models.scenario import Scenario, ServiceSettings

INF = np.inf


def one_service(threshold_min: float = 10.0, **values: Any) -> Scenario:
    """A grocery-only scenario with no basket: the plain maximal covering problem."""
    defaults: dict[str, Any] = {
        "services": (ServiceSettings("grocery", threshold_min, 1.0),),
        "basket": (),
        "basket_weight": 0.0,
    }
    return Scenario(**{**defaults, **values})


def two_services(**values: Any) -> Scenario:
    defaults: dict[str, Any] = {
        "services": (
            ServiceSettings("grocery", 10.0, 1.0),
            ServiceSettings("parcel", 10.0, 1.0),
        ),
        "basket": ("grocery", "parcel"),
        "basket_weight": 1.0,
    }
    return Scenario(**{**defaults, **values})
