"""Small hand-made instances for the model tests."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from models.scenario import Scenario, ServiceSettings
from models.solution import Covered, Solution

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


def solution_with(
    base: Solution,
    places: tuple[str, ...] | None = None,
    uncovered: dict[str, tuple[int, ...]] | None = None,
    covered: tuple[Covered, ...] | None = None,
) -> Solution:
    """A copy of ``base`` with hand-set actions (one per place), uncovered demand or
    coverage rows: for comparison tests with known answers."""
    changes: dict[str, Any] = {}
    if places is not None:
        template = base.actions[0]
        changes["actions"] = tuple(replace(template, place_id=p) for p in places)
    if uncovered is not None:
        changes["uncovered_demand"] = uncovered
    if covered is not None:
        changes["covered"] = covered
    return replace(base, **changes)
