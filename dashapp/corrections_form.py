"""Between the card's correction controls and a Scenario's data corrections (pure).

Every edit goes through ``edited``: the new list is checked against the data first, so a bad
edit returns the problem and leaves the scenario as it was.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import Any

from dashapp.scenario_form import parse_budget
from models.corrections import Correction, check_corrections
from models.dataset import Dataset
from models.errors import Problem
from models.scenario import Scenario

PickRequest = dict[str, Any]  # {"action": "add", "service", "name"} or {"action": "move", ...}


def status_correction(point_id: str, status: str) -> Correction:
    return Correction("status", point_id=point_id, status=status)


def cost_correction(
    place_id: str, service: str, kind: str, value: Any, language: str = "sv"
) -> Correction:
    """A cost typed into the card, read like the budget field ("260 000", "0,3 mnkr", "300
    tkr"); raises BudgetProblem for text that is not an amount, which the card reports."""
    cost = parse_budget(value, language)
    return Correction("cost", place_id=place_id, service=service, cost_kind=kind, cost_sek=cost)


def picked_correction(pick: PickRequest, lat_deg: float, lon_deg: float) -> Correction:
    """What a map click means while the card waits for a position."""
    if pick.get("action") == "move":
        return Correction(
            "move", point_id=str(pick.get("point_id", "")), lon_deg=lon_deg, lat_deg=lat_deg
        )
    return Correction(
        "add",
        service=str(pick.get("service", "")),
        name=str(pick.get("name", "")),
        status="secure",
        lon_deg=lon_deg,
        lat_deg=lat_deg,
    )


def edited(
    scenario: Scenario, dataset: Dataset, corrections: tuple[Correction, ...]
) -> tuple[Scenario, list[Problem]]:
    """``scenario`` with ``corrections`` (an unsaved revision from now on), or unchanged with
    the problems when they do not apply to the data."""
    problems = check_corrections(dataset, corrections)
    if problems:
        return scenario, problems
    return replace(scenario, corrections=corrections, data_revision=""), []


def with_correction(
    scenario: Scenario, dataset: Dataset, correction: Correction
) -> tuple[Scenario, list[Problem]]:
    return edited(scenario, dataset, (*scenario.corrections, correction))


def without_correction(
    scenario: Scenario, dataset: Dataset, index: int
) -> tuple[Scenario, list[Problem]]:
    """Removing one can make a later one fail (a move of a point the removed one added): then
    nothing is removed and the problem says which."""
    kept = tuple(c for k, c in enumerate(scenario.corrections) if k != index)
    return edited(scenario, dataset, kept)


def with_revision(scenario: Scenario, name: str, corrections: tuple[Correction, ...]) -> Scenario:
    return replace(scenario, corrections=corrections, data_revision=name)


def corrections_json(corrections: tuple[Correction, ...]) -> str:
    return json.dumps([asdict(c) for c in corrections], ensure_ascii=False)


def corrections_from_json(text: str) -> tuple[Correction, ...]:
    """A stored revision's list; it goes through the scenario schema like any other input."""
    data = json.loads(text)
    return Scenario.from_dict({"corrections": data}).corrections
